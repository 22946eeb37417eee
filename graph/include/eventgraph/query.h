// Questions to a built EventGraph: which events, what caused what, what came
// before, how two things are connected. The index is built once (entities by
// alias, events by entity and by date, an undirected view of the topology for
// paths), so that each question costs what its answer costs.
//
//   GraphIndex index(graph);
//   for (std::size_t e : index.Events({.entity = "Assad", .from = "2017-04-01"})) ...
//   std::vector<std::size_t> chain = index.Path(index.EntityVertex(a), index.EntityVertex(b));
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <string>
#include <utility>
#include <vector>

#include "eventgraph/graph.h"

namespace eventgraph {

struct EventFilter {
  std::string entity;              // a name or alias, any case ("" = any)
  std::string type;                // an event type slug, or a CAMEO code prefix ("19", "043")
  std::string from, to;            // YYYY-MM-DD: the event's days overlap [from, to]; "" = open
  double min_confidence = 0;       // events below it are left out
  bool include_uncertain = false;  // keep negated, hypothetical, future and alleged events
};

class GraphIndex {
 public:
  explicit GraphIndex(const EventGraph& graph);

  const EventGraph& graph() const { return graph_; }

  // Entities whose name or an alias is `name`, ignoring case; if none, those
  // where it is a whole word of the name or an alias ("Putin", "tillerson").
  std::vector<std::size_t> FindEntities(const std::string& name) const;
  // The names closest to `name` (edit distance), for "did you mean".
  std::vector<std::string> Suggest(const std::string& name, std::size_t count = 3) const;

  // An event by id ("evt-0007"); else those whose label, a trigger or a
  // participant's name contains `text`, ignoring case.
  std::vector<std::size_t> FindEvents(const std::string& id_or_text) const;

  // Events passing `filter`, in chronological order (undated last). An entity
  // that matches nothing gives nothing.
  std::vector<std::size_t> Events(const EventFilter& filter) const;

  // The causal chain into (Causes) or out of (Effects) `event`, breadth first,
  // up to `depth` steps: pairs of event and distance.
  std::vector<std::pair<std::size_t, int>> Causes(std::size_t event, int depth) const;
  std::vector<std::pair<std::size_t, int>> Effects(std::size_t event, int depth) const;

  // Events before (after) `event`: by a stated or inferred relation, or by
  // dates that do not overlap; `related`: only those sharing a participant.
  // Nearest in time first.
  std::vector<std::size_t> Before(std::size_t event, bool related) const;
  std::vector<std::size_t> After(std::size_t event, bool related) const;

  // Topology vertices: entities first, then events.
  std::size_t EntityVertex(std::size_t entity) const { return entity; }
  std::size_t EventVertex(std::size_t event) const { return graph_.entities.size() + event; }
  bool IsEventVertex(std::size_t vertex) const { return vertex >= graph_.entities.size(); }
  // The shortest chain of vertices from `from` to `to`, both included, over
  // participation and relation edges in either direction; empty when none.
  std::vector<std::size_t> Path(std::size_t from, std::size_t to) const;

  // The entities that take part in events with `entity`, with how many
  // events they share, most first.
  std::vector<std::pair<std::size_t, int>> Neighbors(std::size_t entity) const;
  // The events `entity` takes part in, chronologically.
  const std::vector<std::size_t>& EventsOf(std::size_t entity) const { return events_of_[entity]; }

 private:
  bool Uncertain(std::size_t event) const;
  std::vector<std::pair<std::size_t, int>> Chain(std::size_t event, int depth,
                                                 bool backwards) const;
  std::vector<std::size_t> Ordered(std::size_t event, bool related, bool before) const;

  const EventGraph& graph_;
  std::vector<std::vector<std::size_t>> events_of_;  // entity -> its events, chronological
  // All events by start (undated last); those of one interval in the order the text states.
  std::vector<std::size_t> chronological_;
  std::vector<std::vector<std::size_t>> relations_into_, relations_from_;  // event -> relations
  boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> undirected_;
};

// "2017-04-12", "week of 2017-04-03", "April 2017", "2017", "undated": how a
// person reads an event's date at its granularity.
std::string ReadableDate(const Event& event);

}  // namespace eventgraph
