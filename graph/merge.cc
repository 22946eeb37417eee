// Event mentions into events, set up: types, sides, places and people as small numbers (the
// MergeContext every lane reads), the merge order, and the lanes (families of types), merged on
// `jobs` threads by MergeLane (merge_lane.cc) and numbered as one pass would have made them.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <queue>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "builder_state.h"
#include "eventgraph/parallel.h"
#include "merge.h"
#include "merge_context.h"

namespace eventgraph {

void MergeContext::participants_of(const RawEvent& e, IdSet* agents, IdSet* all,
                                   IdSet* actors) const {
  for (const auto& [role, raw_entity] : arguments_of(e)) {
    std::size_t entity = entity_cluster[raw_entity];
    all->insert(entity);
    if (role == ArgumentRole::kAgent) agents->insert(entity);
    if (actors && role != ArgumentRole::kLocation) actors->insert(entity);
  }
}

bool MergeContext::shares(const IdSet& a, const IdSet& b) {
  for (std::size_t x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

std::vector<int64_t> MergeContext::sides(const IdSet& agents) const {
  std::vector<int64_t> out;
  for (std::size_t a : agents)
    out.insert(out.end(), entity_sides[a].begin(), entity_sides[a].end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int64_t> MergeContext::reach(const std::vector<int64_t>& agent_sides) {
  std::vector<int64_t> out;
  for (int64_t side : agent_sides) {
    const int64_t country = side / 3;
    switch (side % 3) {
      case 0:
        out.push_back(side);
        break;
      case 1:
        out.push_back(3 * country + 1);
        out.push_back(3 * country + 2);
        break;
      default:
        out.push_back(3 * country + 1);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool MergeContext::meet(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    if (*x == *y) return true;
    if (*x < *y)
      ++x;
    else
      ++y;
  }
  return false;
}

bool MergeContext::places_meet(std::size_t a, std::size_t b) const {
  if (a == b) return true;
  const PlaceArea &x = place_area[a], &y = place_area[b];
  if (x.country == 0 || y.country == 0) return x.country != y.country;
  if (x.country != y.country) return false;
  return x.region == 0 || y.region == 0 || x.region == y.region;
}

IdSet MergeContext::persons(const IdSet& all) const {
  IdSet out;
  for (std::size_t a : all) {
    if (is_person[a]) out.insert(a);
  }
  return out;
}

bool MergeContext::subset(const IdSet& a, const IdSet& b) {
  // Looked up one by one, so that a large event's people cost nothing here.
  if (a.size() > b.size()) return false;
  return std::all_of(a.begin(), a.end(), [&](std::size_t x) { return b.count(x) > 0; });
}

bool MergeContext::compatible(const Cluster& c, const IdSet& agents, const IdSet& all,
                              const std::vector<int64_t>& agent_reach) const {
  if (c.contact) {
    if (all.empty() || c.merge->everyone.empty()) return true;
    if (!shares(all, c.merge->everyone)) return false;
    const IdSet mine = persons(all);
    const IdSet& theirs = c.merge->people;
    return subset(mine, theirs) || subset(theirs, mine);
  }
  if (agents.empty() || c.merge->agents.empty()) return true;
  return meet(agent_reach, c.merge->agent_sides);
}

void MergeContext::ListPartners(const std::vector<RawRelation>& relations,
                                const std::vector<uint32_t>& family_of_type) {
  auto same_family = [&](const RawRelation& r) {
    return r.source != r.target &&
           family_of_type[raw_type_id[r.source]] == family_of_type[raw_type_id[r.target]];
  };
  partner_start.assign(raw_type_id.size() + 1, 0);
  for (const RawRelation& r : relations) {
    if (!same_family(r)) continue;
    ++partner_start[r.source + 1];
    ++partner_start[r.target + 1];
  }
  for (std::size_t m = 0; m + 1 < partner_start.size(); ++m)
    partner_start[m + 1] += partner_start[m];
  partners.resize(partner_start.back());
  std::vector<uint32_t> next(partner_start.begin(), partner_start.end() - 1);
  for (const RawRelation& r : relations) {
    if (!same_family(r)) continue;
    partners[next[r.source]++] = r.target;
    partners[next[r.target]++] = r.source;
  }
}

int MergeContext::cycle_month(const RawEvent& raw) const {
  const std::optional<int>& published = published_day[raw.document];
  if (!published) return 0;
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(*published))};
  return std::clamp((static_cast<int>(ymd.year()) - 1800) * 12 +
                        static_cast<int>(static_cast<unsigned>(ymd.month())),
                    1, 4095);
}

MergedEvents MergeEventMentions(BuilderState& st, const std::vector<DocumentInfo>& documents,
                                const std::vector<Entity>& entities,
                                const std::vector<uint32_t>& entity_cluster, unsigned jobs) {
  // One pass over the mentions, each joining the best compatible event so far
  // or starting one. Candidates come from indexes (by type and month, by
  // participant, by document), never from all events, so that merging stays
  // near-linear in the number of mentions.
  std::vector<uint32_t> cluster_of(st.events.size(), UINT32_MAX);
  std::vector<MentionJoin> joins(st.events.size());
  MergeContext ctx(st, documents, entity_cluster, cluster_of, joins);

  // Which entities each document names, and how often.
  // (entity, times), sorted by entity; an article's entity mentions come together.
  using NamedCounts = MergeContext::NamedCounts;
  std::vector<NamedCounts>& named_in = ctx.named_in;
  named_in.resize(documents.size());
  {
    std::vector<std::size_t> runs;  // where each document's run of entity mentions starts
    for (std::size_t r = 0; r < st.entities.size(); ++r) {
      if (r == 0 || st.entities[r].document != st.entities[r - 1].document) runs.push_back(r);
    }
    runs.push_back(st.entities.size());
    ParallelFor(runs.size() - 1, jobs, [&](std::size_t run) {
      std::vector<std::size_t> named(entity_cluster.begin() + runs[run],
                                     entity_cluster.begin() + runs[run + 1]);
      std::sort(named.begin(), named.end());
      NamedCounts& counts = named_in[st.entities[runs[run]].document];
      for (std::size_t entity : named) {
        if (!counts.empty() && counts.back().first == entity) {
          ++counts.back().second;
        } else {
          counts.emplace_back(entity, 1);
        }
      }
    });
  }
  // Raw entity mentions are not needed past this point: entity_cluster says where each went.
  std::vector<BuilderState::EntityRef>().swap(st.entities);
  std::map<std::string, std::string> family_cache;
  auto family_of = [&](const std::string& type) -> const std::string& {
    auto cached = family_cache.find(type);
    if (cached != family_cache.end()) return cached->second;
    const EventType* t = st.lexicons.FindEventType(type);
    return family_cache[type] = t ? t->family : std::string();
  };
  // Types as small numbers, and the types a mention of each may join: itself
  // and its children ("an attack" joins a chemical attack).
  std::unordered_map<std::string, uint32_t> type_ids;
  auto type_id = [&](const std::string& type) {
    return type_ids.emplace(type, static_cast<uint32_t>(type_ids.size())).first->second;
  };
  std::vector<std::vector<uint32_t>>& kinds_of = ctx.kinds_of;
  auto kinds = [&](uint32_t id) -> const std::vector<uint32_t>& {
    if (kinds_of.size() <= id) kinds_of.resize(id + 1);
    if (kinds_of[id].empty()) kinds_of[id].push_back(id);
    return kinds_of[id];
  };
  for (const EventType& t : st.lexicons.event_types) {
    kinds(type_id(t.slug));
    if (!t.parent.empty() && t.parent != "-") {
      const uint32_t parent = type_id(t.parent), child = type_id(t.slug);
      kinds(parent);
      kinds_of[parent].push_back(child);
    }
  }
  // Agents are on the same side when they are the same entity or belong to
  // the same country ("Bashar Assad" and "Syria").
  std::vector<uint32_t>& raw_type_id = ctx.raw_type_id;
  raw_type_id.resize(st.events.size());
  {
    // Mentions' types come from the builder's pool, so one block per type: looked up by its
    // address, a type costs a string lookup once, not at each of millions of mentions.
    std::unordered_map<const char*, uint32_t> id_of_block;
    for (std::size_t e = 0; e < st.events.size(); ++e) {
      const SharedString& type = st.events[e].type;
      auto [at, added] = id_of_block.try_emplace(type.data(), 0);
      if (added) at->second = type_id(type.str());
      raw_type_id[e] = at->second;
    }
  }
  std::vector<char>& type_is_contact = ctx.type_is_contact;
  type_is_contact.resize(type_ids.size());
  for (const auto& [name, id] : type_ids) type_is_contact[id] = IsContactFamily(family_of(name));
  // Sides as numbers: 3 * entity for the entity itself; for a country, 3 * country + 1; for
  // anything else of a known country, 3 * country + 2. Agents are on one side when they are one
  // entity, or one is a country and the other that country or of it ("Syria" and "Bashar
  // Assad"); two people of one country are not ("the Kenyan foreign minister accused ..." and "the
  // Kenyan president accused ..." tell two accusations).
  std::vector<std::vector<int64_t>>& entity_sides = ctx.entity_sides;
  entity_sides.resize(entities.size());
  {
    std::unordered_map<std::string, int64_t> country_ids;
    for (std::size_t a = 0; a < entities.size(); ++a) {
      entity_sides[a].push_back(3 * static_cast<int64_t>(a));
      if (entities[a].country.empty()) continue;
      const int64_t country =
          country_ids.emplace(entities[a].country, static_cast<int64_t>(country_ids.size()))
              .first->second;
      entity_sides[a].push_back(3 * country + (entities[a].kind == "country" ? 1 : 2));
    }
  }
  // The people of a contact event. Two meetings that share one person but each
  // have someone the other lacks (Tillerson with Lavrov, Tillerson with Putin)
  // are two meetings.
  std::vector<char>&is_person = ctx.is_person, &is_location = ctx.is_location,
  &is_country = ctx.is_country;
  is_person.resize(entities.size());
  is_location.resize(entities.size());
  is_country.resize(entities.size());
  for (std::size_t i = 0; i < entities.size(); ++i) {
    is_person[i] = entities[i].kind == "person";
    is_location[i] = entities[i].kind == "location";
    is_country[i] = entities[i].kind == "country";
  }
  // Places, for telling events of two places apart ("floods in Kalma" and "floods in Amsel" of
  // one month, rebels attacking two towns in one week): each place's country and subdivision as
  // numbers, 0 when unknown; -1 for what is not a place.
  std::vector<MergeContext::PlaceArea>& place_area = ctx.place_area;
  place_area.resize(entities.size());
  {
    std::unordered_map<std::string, int> area_ids;
    auto id_of = [&](const std::string& name) {
      return name.empty()
                 ? 0
                 : area_ids.emplace(name, static_cast<int>(area_ids.size()) + 1).first->second;
    };
    for (std::size_t i = 0; i < entities.size(); ++i) {
      if (is_location[i]) place_area[i] = {id_of(entities[i].country), id_of(entities[i].region)};
    }
  }

  // The month (of 4096, from 1800) of a mention's article, for the indexes by entity and side;
  // 0 when the article has no date.
  // The day each article is anchored to (days since 1970), the day its mentions were published.
  std::vector<std::optional<int>>& published_day = ctx.published_day;
  published_day.resize(documents.size());
  for (std::size_t d = 0; d < documents.size(); ++d)
    published_day[d] = DayNumber(documents[d].anchor);

  std::vector<uint32_t> order(st.events.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  // Dated mentions first, the most precise first, so that wide dates
  // ("last week") fold into precise ones ("April 4").
  auto width = [&](const RawEvent& e) {
    static const std::map<std::string, int, std::less<>> kRank = {
        {"day", 0},  {"week", 1}, {"month", 2},  {"quarter", 3}, {"season", 3},
        {"half", 4}, {"year", 5}, {"decade", 6}, {"century", 7}};
    if (!e.dated) return 9;
    auto rank = kRank.find(e.time->interval.granularity.view());
    return rank != kRank.end() ? rank->second : 9;
  };
  // Contact mentions naming more than two people come after the pairs, so that
  // each pair makes its own meeting before a sentence telling several joins one.
  std::vector<uint8_t>& crowd = ctx.crowd;
  crowd.assign(st.events.size(), 0);
  std::vector<uint8_t> rank(st.events.size(), 0);
  std::vector<uint8_t> generic(st.events.size(), 0);  // names no actor
  ParallelFor(
      st.events.size(), jobs,
      [&](std::size_t e) {
        rank[e] = static_cast<uint8_t>(width(st.events[e]));
        IdSet agents, all, actors;
        ctx.participants_of(st.events[e], &agents, &all, &actors);
        generic[e] = actors.empty() ? 1 : 0;
        if (!type_is_contact[raw_type_id[e]]) return;
        crowd[e] = ctx.persons(all).size() > 2 ? 1 : 0;
      },
      4096);
  {
    // Stably by (crowd, rank, generic): a few small keys, so placed by counting, not sorted.
    // Of one rank, mentions naming an actor come first, so that the events exist, with their
    // actors, when the generic mentions ("the attack") that may join them through their article
    // come.
    constexpr std::size_t kRanks = 16;
    auto key_of = [&](uint32_t e) { return (crowd[e] * kRanks + rank[e]) * 2 + generic[e]; };
    std::array<std::size_t, 4 * kRanks + 1> start{};
    for (uint32_t e : order) ++start[key_of(e) + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<uint32_t> sorted(order.size());
    for (uint32_t e : order) sorted[start[key_of(e)]++] = e;
    order.swap(sorted);
  }

  // ---- the merge, family by family
  // A mention only ever joins events of its own type or of a child type, so
  // the types linked by the ontology's parent column merge apart from the
  // rest: each such family is a lane, merged on its own (lanes run on `jobs`
  // threads), and the events of all lanes are then numbered in the order the
  // one pass would have made them. The graph does not depend on `jobs`.
  std::vector<uint32_t> family(type_ids.size());  // type -> the smallest type of its family
  for (uint32_t t = 0; t < family.size(); ++t) family[t] = t;
  std::function<uint32_t(uint32_t)> root = [&](uint32_t t) {
    return family[t] == t ? t : family[t] = root(family[t]);
  };
  for (uint32_t t = 0; t < type_ids.size(); ++t) {
    for (uint32_t child : kinds(t)) {
      const uint32_t a = root(t), b = root(child);
      family[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<uint32_t> family_of_type(type_ids.size());  // the smallest type of its family
  for (uint32_t t = 0; t < type_ids.size(); ++t) family_of_type[t] = root(t);
  std::vector<Lane> lanes;
  std::vector<uint32_t>& position = ctx.position;
  position.resize(st.events.size());
  {
    // Lanes are numbered in the order their first mention comes.
    std::vector<uint32_t> lane_of_family(type_ids.size(), UINT32_MAX);
    for (std::size_t p = 0; p < order.size(); ++p) {
      const std::size_t e = order[p];
      position[e] = static_cast<uint32_t>(p);
      uint32_t& lane = lane_of_family[family_of_type[raw_type_id[e]]];
      if (lane == UINT32_MAX) {
        lane = static_cast<uint32_t>(lanes.size());
        lanes.emplace_back();
      }
      lanes[lane].sequence.push_back(static_cast<uint32_t>(e));
    }
  }
  ctx.ListPartners(st.relations, family_of_type);
  // The largest lanes first, so that the threads finish together.
  std::vector<std::size_t> by_size(lanes.size());
  for (std::size_t l = 0; l < lanes.size(); ++l) by_size[l] = l;
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
    return lanes[a].sequence.size() > lanes[b].sequence.size();
  });
  ParallelFor(
      lanes.size(), jobs, [&](std::size_t i) { ctx.MergeLane(lanes[by_size[i]]); }, 1);
  // Every event's number in the one-pass order; cluster_of was numbered per lane.
  // Each lane made its events in merge order, so the lanes' lists are merged, not sorted.
  std::vector<std::vector<std::size_t>> renumbered(lanes.size());
  std::size_t event_count = 0;
  using NextOfLane = std::pair<uint32_t, std::size_t>;  // (merge position, lane)
  std::priority_queue<NextOfLane, std::vector<NextOfLane>, std::greater<>> next_of_lane;
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    renumbered[l].resize(lanes[l].clusters.size());
    event_count += lanes[l].clusters.size();
    if (!lanes[l].created_at.empty()) next_of_lane.emplace(lanes[l].created_at[0], l);
  }
  std::vector<Cluster> clusters;
  clusters.reserve(event_count);
  std::vector<std::size_t> taken(lanes.size(), 0);
  while (!next_of_lane.empty()) {
    const std::size_t l = next_of_lane.top().second;
    next_of_lane.pop();
    const std::size_t c = taken[l]++;
    renumbered[l][c] = clusters.size();
    clusters.push_back(std::move(lanes[l].clusters[c]));
    if (taken[l] < lanes[l].created_at.size())
      next_of_lane.emplace(lanes[l].created_at[taken[l]], l);
  }
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    for (std::size_t e : lanes[l].sequence) {
      if (cluster_of[e] != UINT32_MAX)
        cluster_of[e] = static_cast<uint32_t>(renumbered[l][cluster_of[e]]);
      if (joins[e].nearest != MentionJoin::kNoEvent)
        joins[e].nearest = static_cast<uint32_t>(renumbered[l][joins[e].nearest]);
    }
  }
  std::vector<Lane>().swap(lanes);
  // The stated relations from mention to mention become relations from event to event (numbered
  // as made here), so that the mentions' events need not be kept until the relations are made.
  for (RawRelation& raw : st.relations) {
    raw.source = cluster_of[raw.source];
    raw.target = cluster_of[raw.target];
  }
  MergedEvents merged{std::move(clusters), std::vector<std::string>(type_ids.size()),
                      std::move(joins)};
  for (const auto& [name, id] : type_ids) merged.type_names[id] = name;
  // The merge's tables (ctx, the order) are freed on return: the peak of a build's memory comes
  // next.
  return merged;
}

}  // namespace eventgraph
