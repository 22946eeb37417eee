// Events from the merge's clusters (events.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "builder_state.h"
#include "eventgraph/graph.h"
#include "merge.h"

namespace eventgraph {

// The events of `merged`, in its order, with their mentions; each event's first raw mention in
// `first_order` (for the output order). Consumes st.events and st.arguments.
std::vector<Event> MakeEvents(BuilderState& st, const std::vector<DocumentInfo>& documents,
                              const std::vector<Entity>& entities,
                              const std::vector<uint32_t>& entity_cluster, MergedEvents merged,
                              unsigned jobs, std::vector<std::size_t>* first_order);

}  // namespace eventgraph
