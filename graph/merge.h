// Event mentions into events: the merge's result, one cluster of mentions per event.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "builder_state.h"
#include "eventgraph/graph.h"
#include "eventgraph/id_set.h"

namespace eventgraph {

// An event as the merge makes it: its mentions and what the merge compares a mention with.
struct Cluster {
  uint32_t type_id = 0;
  bool contact = false;  // of the contact family
  bool negated = false;
  bool dated = false;
  const RawInterval* interval =
      nullptr;                    // when dated: the narrowest of its mentions' (they own it)
  std::vector<uint32_t> members;  // raw mentions
  // Members that tell more people than this event has (rare: most events have none).
  std::unique_ptr<IdSet> collective_members;
  bool is_collective(std::size_t member) const {
    return collective_members && collective_members->count(member);
  }
  // What only the merge reads, freed once it is done: a million events are held at once.
  struct Participants {
    IdSet agents, everyone;
    IdSet people;                      // the persons of `everyone`
    std::vector<int64_t> agent_sides;  // sides(agents), kept up to date
    IdSet published_months;            // the months it is indexed under by entity and side
    std::vector<uint32_t> places;      // the locations of `everyone`, in the order added
  };
  std::unique_ptr<Participants> merge = std::make_unique<Participants>();
};

struct MergedEvents {
  std::vector<Cluster> clusters;        // in the order one pass over the mentions makes them
  std::vector<std::string> type_names;  // by Cluster::type_id
  // Why each raw mention is in its event; `nearest` indexes `clusters`.
  std::vector<MentionJoin> joins;
};

// One pass over the mentions, each joining the best compatible event so far or starting one
// (merge_lane.cc); the stated relations of st.relations become relations between clusters.
// `entity_cluster` maps each raw entity mention to its entity. Consumes st.entities.
MergedEvents MergeEventMentions(BuilderState& st, const std::vector<DocumentInfo>& documents,
                                const std::vector<Entity>& entities,
                                const std::vector<uint32_t>& entity_cluster, unsigned jobs);

}  // namespace eventgraph
