// What every lane of the merge reads: the mentions' types and participants as small numbers, and
// the tests of participants (sides, places, people) that decide whether a mention may join an
// event. Made once by MergeEventMentions (merge.cc); each lane is merged by MergeLane
// (merge_lane.cc), on its own thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "builder_state.h"
#include "eventgraph/id_set.h"
#include "merge.h"

namespace eventgraph {

// Indexes over the clusters, keyed by type and a day, month, year, entity or side. Entries are
// never removed: a candidate is always checked again, so an index may hold a few too many. Every
// bucket can grow with the corpus (a day of a large corpus tells hundreds of meetings): only its
// latest kBucketScan clusters are considered, and older ones are dropped. 32 and 64 merge the
// made stories of bench/merge-quality alike (F1 at 100,000 and 300,000 articles: 32 a little
// higher); at 1,000,000 articles 32 takes a tenth off the merge.
inline constexpr std::size_t kBucketScan = 32;
inline constexpr std::size_t kDocumentScan = 256;
inline constexpr int kNarrowDays = 31;  // clusters this narrow are indexed by day, wider by month
// A mention wider than this ("in April", "last month") reads the narrow events of its months,
// not each of its days: a month of day buckets, each holding up to kBucketScan events, was four
// fifths of what the merge read, and most of it the same events found again.
inline constexpr int kDayScanDays = 7;
enum BucketTag { kDay, kMonth, kYear, kEntity, kSide, kMonthOfNarrow };
inline uint64_t BucketKey(uint32_t type, int tag, int64_t value) {
  return (static_cast<uint64_t>(type) << 40) ^ (static_cast<uint64_t>(tag) << 36) ^
         static_cast<uint64_t>(value & 0xFFFFFFFFF);
}

// The mentions of one family of types (a type and its children): merged apart from the rest.
struct Lane {
  std::vector<uint32_t> sequence;    // its mentions, in merge order
  std::vector<Cluster> clusters;     // its events
  std::vector<uint32_t> created_at;  // per event: the merge position of its first mention
};

struct MergeContext {
  MergeContext(BuilderState& state, const std::vector<DocumentInfo>& documents_in,
               const std::vector<uint32_t>& entity_cluster_in, std::vector<uint32_t>& cluster_of_in,
               std::vector<MentionJoin>& joins_in)
      : st(state),
        documents(documents_in),
        entity_cluster(entity_cluster_in),
        cluster_of(cluster_of_in),
        joins(joins_in) {}

  // Merges one lane's mentions into its clusters; sets cluster_of for its mentions.
  void MergeLane(Lane& lane) const;

  BuilderState& st;
  const std::vector<DocumentInfo>& documents;
  const std::vector<uint32_t>& entity_cluster;  // raw entity mention -> entity
  std::vector<uint32_t>& cluster_of;            // mention -> its (first) cluster, in its lane
  std::vector<MentionJoin>& joins;              // mention -> why; `nearest` in its lane
  // Which entities each document names, and how often: (entity, times), sorted by entity.
  using NamedCounts = std::vector<std::pair<std::size_t, int>>;
  std::vector<NamedCounts> named_in;
  // The types a mention of each type may join: itself and its children ("an attack" joins a
  // chemical attack).
  std::vector<std::vector<uint32_t>> kinds_of;
  std::vector<uint32_t> raw_type_id;  // type_id of each mention's type
  std::vector<char> type_is_contact;
  // Sides as numbers: 3 * entity for the entity itself; for a country, 3 * country + 1; for
  // anything else of a known country, 3 * country + 2. Agents are on one side when they are one
  // entity, or one is a country and the other that country or of it ("Syria" and "Bashar
  // Assad"); two people of one country are not ("the Kenyan foreign minister accused ..." and "the
  // Kenyan president accused ..." tell two accusations).
  std::vector<std::vector<int64_t>> entity_sides;
  std::vector<char> is_person, is_location, is_country;
  // Places, for telling events of two places apart ("floods in Kalma" and "floods in Amsel" of
  // one month, rebels attacking two towns in one week): each place's country and subdivision as
  // numbers, 0 when unknown; -1 for what is not a place.
  struct PlaceArea {
    int country = -1, region = 0;
  };
  std::vector<PlaceArea> place_area;
  // The day each article is anchored to (days since 1970), the day its mentions were published.
  std::vector<std::optional<int>> published_day;
  // Contact mentions naming more than two people: merged after the pairs, each a mention of
  // every meeting of two of its people.
  std::vector<uint8_t> crowd;
  std::vector<uint32_t> position;  // mention -> its place in the merge order
  // The mentions of its family a mention's sentence relates it to (before, after, causes):
  // partners[partner_start[m] .. partner_start[m + 1]).
  std::vector<uint32_t> partner_start, partners;
  // Lists the partners: mentions a sentence relates ("the news conference came after Putin met
  // Tillerson") tell two events; those of two families never meet, so only a mention's own
  // family's are kept. `family_of_type`: each type's family (its smallest type).
  void ListPartners(const std::vector<RawRelation>& relations,
                    const std::vector<uint32_t>& family_of_type);
  // Whether the text relates mention `e` to a mention already in `cluster` (of e's lane).
  bool told_apart(std::size_t e, std::size_t cluster) const {
    for (uint32_t at = partner_start[e]; at < partner_start[e + 1]; ++at) {
      if (cluster_of[partners[at]] == cluster) return true;
    }
    return false;
  }

  std::span<const RawArgument> arguments_of(const RawEvent& e) const {
    return std::span<const RawArgument>(st.arguments.data() + e.first_argument, e.argument_count);
  }
  void participants_of(const RawEvent& e, IdSet* agents, IdSet* all, IdSet* actors = nullptr) const;
  const std::vector<uint32_t>& kinds(uint32_t id) const { return kinds_of[id]; }
  static bool shares(const IdSet& a, const IdSet& b);
  std::vector<int64_t> sides(const IdSet& agents) const;  // sorted, unique
  // The sides that sides(agents) meet, sorted, unique: the entities themselves, and for a country
  // the country and all of it, for the rest their country.
  static std::vector<int64_t> reach(const std::vector<int64_t>& agent_sides);
  static bool meet(const std::vector<int64_t>& a, const std::vector<int64_t>& b);  // both sorted
  // Whether two places can be one area: one place; of one subdivision; of one country when a
  // subdivision is unknown ("Khan Sheikhoun" and "Idlib province"); or one of a known country and
  // one of none (which could lie there). Two places of no known country are two places.
  bool places_meet(std::size_t a, std::size_t b) const;
  IdSet persons(const IdSet& all) const;
  static bool subset(const IdSet& a, const IdSet& b);
  // Whether a mention with these agents and participants may be one event with `c`: a meeting's
  // people are one's a subset of the other's (Tillerson with Lavrov and Tillerson with Putin are
  // two meetings); other events' agents are on one side. `agent_reach` is reach(sides(agents)).
  bool compatible(const Cluster& c, const IdSet& agents, const IdSet& all,
                  const std::vector<int64_t>& agent_reach) const;
  // The month (of 4096, from 1800) of a mention's article, for the indexes by entity and side;
  // 0 when the article has no date.
  int cycle_month(const RawEvent& raw) const;
};

}  // namespace eventgraph
