// GraphIndex: the questions of `eventgraph query` (docs/query.md).
#include "eventgraph/query.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <cctype>
#include <deque>
#include <map>
#include <set>

#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

std::string Lower(const std::string& text) { return Utf8Lower(text); }

bool ContainsWord(const std::string& haystack, const std::string& word) {
  for (std::size_t at = haystack.find(word); at != std::string::npos;
       at = haystack.find(word, at + 1)) {
    const bool starts = at == 0 || haystack[at - 1] == ' ' || haystack[at - 1] == '-';
    const std::size_t end = at + word.size();
    const bool ends = end == haystack.size() || haystack[end] == ' ' || haystack[end] == '-';
    if (starts && ends) return true;
  }
  return false;
}

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

bool Overlaps(const Event& event, const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return true;
  if (event.start.empty()) return false;
  return (from.empty() || event.end >= from) && (to.empty() || event.start <= to);
}

// Events of one interval ("2017-04-12") in the order the text states ("the news conference came
// after Putin met Tillerson": stated `before` and `causes`), else as they were; a cycle of stated
// relations leaves its events as they were.
void OrderSameDays(const EventGraph& graph, std::vector<std::size_t>* order) {
  std::vector<std::vector<std::size_t>> later(graph.events.size());
  for (const Relation& relation : graph.relations) {
    if (relation.inferred || (relation.type != "before" && relation.type != "causes")) continue;
    later[relation.source].push_back(relation.target);
  }
  auto same_interval = [&](std::size_t a, std::size_t b) {
    const Event &x = graph.events[a], &y = graph.events[b];
    return !x.start.empty() && x.start == y.start && x.end == y.end;
  };
  std::vector<std::size_t> place(graph.events.size());
  for (std::size_t run = 0; run < order->size();) {
    std::size_t end = run + 1;
    while (end < order->size() && same_interval((*order)[run], (*order)[end])) ++end;
    if (end - run > 1) {
      // Kahn's algorithm over the run, the earliest placed first among those free.
      const std::vector<std::size_t> events(order->begin() + run, order->begin() + end);
      for (std::size_t i = 0; i < events.size(); ++i) place[events[i]] = i + 1;
      std::vector<int> waiting(events.size(), 0);
      for (std::size_t e : events) {
        for (std::size_t next : later[e]) {
          if (next < place.size() && place[next] > 0) ++waiting[place[next] - 1];
        }
      }
      std::set<std::size_t> free;  // positions in `events`
      for (std::size_t i = 0; i < events.size(); ++i) {
        if (waiting[i] == 0) free.insert(i);
      }
      std::vector<std::size_t> sorted;
      std::vector<bool> taken(events.size(), false);
      while (!free.empty()) {
        const std::size_t i = *free.begin();
        free.erase(free.begin());
        sorted.push_back(events[i]);
        taken[i] = true;
        for (std::size_t next : later[events[i]]) {
          if (place[next] > 0 && --waiting[place[next] - 1] == 0) free.insert(place[next] - 1);
        }
      }
      for (std::size_t i = 0; i < events.size(); ++i) {
        if (!taken[i]) sorted.push_back(events[i]);  // in a cycle
      }
      std::copy(sorted.begin(), sorted.end(), order->begin() + run);
      for (std::size_t e : events) place[e] = 0;
    }
    run = end;
  }
}

}  // namespace

GraphIndex::GraphIndex(const EventGraph& graph)
    : graph_(graph),
      events_of_(graph.entities.size()),
      undirected_(graph.entities.size() + graph.events.size()) {
  chronological_.resize(graph.events.size());
  for (std::size_t e = 0; e < graph.events.size(); ++e) chronological_[e] = e;
  std::stable_sort(chronological_.begin(), chronological_.end(), [&](std::size_t a, std::size_t b) {
    const Event &x = graph.events[a], &y = graph.events[b];
    if (x.start.empty() != y.start.empty()) return !x.start.empty();
    return x.start < y.start;
  });
  OrderSameDays(graph, &chronological_);
  for (std::size_t e : chronological_) {
    std::set<std::size_t> seen;
    for (const Participant& p : graph.events[e].participants) {
      if (seen.insert(p.entity).second) events_of_[p.entity].push_back(e);
    }
  }
  relations_into_.resize(graph.events.size());
  relations_from_.resize(graph.events.size());
  for (std::size_t r = 0; r < graph.relations.size(); ++r) {
    relations_from_[graph.relations[r].source].push_back(r);
    relations_into_[graph.relations[r].target].push_back(r);
  }
  // The topology's edges, participations then relations, in the order RebuildTopology adds them.
  const std::size_t event_base = graph.entities.size();
  for (std::size_t e = 0; e < graph.events.size(); ++e) {
    for (const Participant& p : graph.events[e].participants)
      boost::add_edge(p.entity, event_base + e, undirected_);
  }
  for (const Relation& relation : graph.relations)
    boost::add_edge(event_base + relation.source, event_base + relation.target, undirected_);
}

std::vector<std::size_t> GraphIndex::FindEntities(const std::string& name) const {
  const std::string wanted = Lower(name);
  std::vector<std::size_t> exact, partial;
  for (std::size_t i = 0; i < graph_.entities.size(); ++i) {
    const Entity& entity = graph_.entities[i];
    std::vector<std::string> names = entity.aliases;
    names.push_back(entity.name);
    bool is_exact = false, is_partial = false;
    for (const std::string& n : names) {
      const std::string lower = Lower(n);
      is_exact = is_exact || lower == wanted;
      is_partial = is_partial || ContainsWord(lower, wanted);
    }
    if (is_exact) exact.push_back(i);
    if (is_partial) partial.push_back(i);
  }
  return exact.empty() ? partial : exact;
}

std::vector<std::string> GraphIndex::Suggest(const std::string& name, std::size_t count) const {
  const std::string wanted = Lower(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const Entity& entity : graph_.entities) {
    std::size_t best = SIZE_MAX;
    for (const std::string& alias : entity.aliases)
      best = std::min(best, EditDistance(Lower(alias), wanted));
    best = std::min(best, EditDistance(Lower(entity.name), wanted));
    scored.emplace_back(best, entity.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [distance, entity_name] : scored) {
    if (out.size() == count) break;
    out.push_back(entity_name);
  }
  return out;
}

std::vector<std::size_t> GraphIndex::FindEvents(const std::string& id_or_text) const {
  for (std::size_t e = 0; e < graph_.events.size(); ++e) {
    if (graph_.events[e].id == id_or_text) return {e};
  }
  const std::string wanted = Lower(id_or_text);
  std::vector<std::size_t> out;
  for (std::size_t e : chronological_) {
    const Event& event = graph_.events[e];
    bool match = Lower(event.label.str()).find(wanted) != std::string::npos;
    for (const Mention& m : event.mentions)
      match = match || Lower(m.trigger.str()).find(wanted) != std::string::npos;
    for (const Participant& p : event.participants)
      match = match || Lower(graph_.entities[p.entity].name).find(wanted) != std::string::npos;
    if (match) out.push_back(e);
  }
  return out;
}

bool GraphIndex::Uncertain(std::size_t event) const {
  return graph_.events[event].modality != "asserted";
}

std::vector<std::size_t> GraphIndex::Events(const EventFilter& filter) const {
  const std::vector<std::size_t>* pool = &chronological_;
  std::vector<std::size_t> of_entities;
  if (!filter.entity.empty()) {
    std::set<std::size_t> merged;
    for (std::size_t entity : FindEntities(filter.entity))
      merged.insert(events_of_[entity].begin(), events_of_[entity].end());
    for (std::size_t e : chronological_) {
      if (merged.count(e)) of_entities.push_back(e);
    }
    pool = &of_entities;
  }
  const bool cameo =
      !filter.type.empty() && std::isdigit(static_cast<unsigned char>(filter.type[0]));
  std::vector<std::size_t> out;
  for (std::size_t e : *pool) {
    const Event& event = graph_.events[e];
    if (!filter.type.empty()) {
      if (cameo ? event.cameo.view().rfind(filter.type, 0) != 0 : event.type != filter.type)
        continue;
    }
    if (!Overlaps(event, filter.from, filter.to)) continue;
    if (event.confidence < filter.min_confidence) continue;
    if (!filter.include_uncertain && Uncertain(e)) continue;
    out.push_back(e);
  }
  return out;
}

std::vector<std::pair<std::size_t, int>> GraphIndex::Chain(std::size_t event, int depth,
                                                           bool backwards) const {
  std::vector<std::pair<std::size_t, int>> out;
  std::set<std::size_t> seen = {event};
  std::deque<std::pair<std::size_t, int>> queue = {{event, 0}};
  while (!queue.empty()) {
    const auto [current, distance] = queue.front();
    queue.pop_front();
    if (distance == depth) continue;
    for (std::size_t r : backwards ? relations_into_[current] : relations_from_[current]) {
      const Relation& relation = graph_.relations[r];
      if (relation.type != "causes") continue;
      const std::size_t from = backwards ? relation.target : relation.source;
      const std::size_t to = backwards ? relation.source : relation.target;
      if (from != current || !seen.insert(to).second) continue;
      out.emplace_back(to, distance + 1);
      queue.emplace_back(to, distance + 1);
    }
  }
  return out;
}

std::vector<std::pair<std::size_t, int>> GraphIndex::Causes(std::size_t event, int depth) const {
  return Chain(event, depth, /*backwards=*/true);
}

std::vector<std::pair<std::size_t, int>> GraphIndex::Effects(std::size_t event, int depth) const {
  return Chain(event, depth, /*backwards=*/false);
}

std::vector<std::size_t> GraphIndex::Ordered(std::size_t event, bool related, bool before) const {
  const Event& pivot = graph_.events[event];
  std::set<std::size_t> stated;
  for (std::size_t r : before ? relations_into_[event] : relations_from_[event])
    stated.insert(before ? graph_.relations[r].source : graph_.relations[r].target);
  std::set<std::size_t> sharing;
  if (related) {
    for (const Participant& p : pivot.participants) {
      sharing.insert(events_of_[p.entity].begin(), events_of_[p.entity].end());
    }
  }
  std::vector<std::size_t> out;
  for (std::size_t e : chronological_) {
    if (e == event) continue;
    const Event& other = graph_.events[e];
    const bool by_date = !pivot.start.empty() && !other.start.empty() &&
                         (before ? other.end < pivot.start : other.start > pivot.end);
    if (!stated.count(e) && !by_date) continue;
    if (related && !sharing.count(e)) continue;
    out.push_back(e);
  }
  // Nearest in time first: the latest of what came before, the earliest of what came after.
  if (before) std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::size_t> GraphIndex::Before(std::size_t event, bool related) const {
  return Ordered(event, related, /*before=*/true);
}

std::vector<std::size_t> GraphIndex::After(std::size_t event, bool related) const {
  return Ordered(event, related, /*before=*/false);
}

std::vector<std::size_t> GraphIndex::Path(std::size_t from, std::size_t to) const {
  const std::size_t n = boost::num_vertices(undirected_);
  if (from >= n || to >= n) return {};
  std::vector<std::size_t> predecessor(n, SIZE_MAX);
  predecessor[from] = from;
  boost::breadth_first_search(
      undirected_, from,
      boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
          boost::make_iterator_property_map(predecessor.begin(),
                                            boost::get(boost::vertex_index, undirected_)),
          boost::on_tree_edge()))));
  if (predecessor[to] == SIZE_MAX) return {};
  std::vector<std::size_t> chain = {to};
  while (chain.back() != from) chain.push_back(predecessor[chain.back()]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<std::pair<std::size_t, int>> GraphIndex::Neighbors(std::size_t entity) const {
  std::map<std::size_t, int> shared;
  for (std::size_t e : events_of_[entity]) {
    std::set<std::size_t> seen;
    for (const Participant& p : graph_.events[e].participants) {
      if (p.entity != entity && seen.insert(p.entity).second) shared[p.entity]++;
    }
  }
  std::vector<std::pair<std::size_t, int>> out(shared.begin(), shared.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::string ReadableDate(const Event& event) {
  if (event.start.empty()) return "undated";
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  const std::string g = event.granularity.str(), start = event.start.str();
  if (g == "day") return start;
  if (g == "week") return "week of " + start;
  if (g == "month") {
    const int month = std::stoi(start.substr(5, 2));
    return std::string(kMonths[month - 1]) + " " + start.substr(0, 4);
  }
  if (g == "year") return start.substr(0, 4);
  if (g == "decade") return start.substr(0, 3) + "0s";
  return event.date.str() + " (" + start + " to " + event.end.str() + ")";
}

}  // namespace eventgraph
