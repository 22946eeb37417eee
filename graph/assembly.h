// The graph out (assembly.cc): order, ids and labels, relations, topology.
#pragma once

#include <cstddef>
#include <vector>

#include "builder_state.h"
#include "eventgraph/graph.h"

namespace eventgraph {

// Puts into `graph` the entities that take part in an event or are of a known kind, by id, and
// the events by start date (undated last), then first mention, numbered and labelled. Returns
// each event's index in graph->events.
std::vector<std::size_t> OrderAndLabel(BuilderState& st, std::vector<Entity> entities,
                                       std::vector<Event> events,
                                       const std::vector<std::size_t>& first_order, unsigned jobs,
                                       EventGraph* graph);

// The stated relations (between events as the merge numbered them), made unique with their
// support, and "before" between each entity's events in time order where none is stated.
void AddRelations(const std::vector<RawRelation>& relations,
                  const std::vector<std::size_t>& event_new_index, unsigned jobs,
                  EventGraph* graph);

}  // namespace eventgraph
