// The graph out: entities and events in output order, numbered and labelled; relations stated by
// the text and inferred from dates (each entity's events in time order); the Boost topology.
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "assembly.h"
#include "eventgraph/parallel.h"
#include "eventgraph/text_util.h"
#include "label.h"

namespace eventgraph {

std::vector<std::size_t> OrderAndLabel(BuilderState& st, std::vector<Entity> entities,
                                       std::vector<Event> events,
                                       const std::vector<std::size_t>& first_order, unsigned jobs,
                                       EventGraph* out) {
  EventGraph& graph = *out;
  // ---- order, number and label; entities by id
  // A name of no known kind ("Mornings", "Tomahawk") that takes part in no
  // event is more likely noise than an actor: it is left out.
  std::vector<bool> participates(entities.size(), false);
  for (const Event& event : events) {
    for (const Participant& p : event.participants) participates[p.entity] = true;
    for (const Mention& m : event.mentions) {
      if (m.source != Mention::kNoSource) participates[m.source] = true;
    }
  }
  std::vector<std::size_t> entity_order;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (participates[i] || entities[i].kind != "other") entity_order.push_back(i);
  }
  std::set<std::string> used_ids;
  for (std::size_t i : entity_order) {
    Entity& entity = entities[i];
    std::string id = "ent-" + Slugify(entity.name);
    std::string unique = id;
    for (int k = 2; used_ids.count(unique); ++k) unique = id + "-" + std::to_string(k);
    used_ids.insert(unique);
    entity.id = unique;
  }
  std::sort(entity_order.begin(), entity_order.end(),
            [&](std::size_t a, std::size_t b) { return entities[a].id < entities[b].id; });
  std::vector<std::size_t> entity_new_index(entities.size());
  for (std::size_t i = 0; i < entity_order.size(); ++i) {
    entity_new_index[entity_order[i]] = i;
    graph.entities.push_back(entities[entity_order[i]]);
  }
  ParallelFor(events.size(), jobs, [&](std::size_t e) {
    Event& event = events[e];
    for (Participant& p : event.participants) p.entity = entity_new_index[p.entity];
    for (Mention& m : event.mentions) {
      if (m.source != Mention::kNoSource)
        m.source = static_cast<uint32_t>(entity_new_index[m.source]);
    }
    event.label = st.pool.Intern(FillLabel(st.lexicons, event, graph.entities));
  });

  // Output order: by start date, undated last, then by first mention. The dates are a few
  // thousand pooled strings: each is ranked once, and the sort compares numbers.
  std::vector<uint32_t> start_rank(events.size());
  {
    std::unordered_map<const char*, uint32_t> distinct_of_block;
    std::vector<std::string_view> distinct;
    for (std::size_t e = 0; e < events.size(); ++e) {
      if (events[e].start.empty()) continue;
      auto [at, added] = distinct_of_block.try_emplace(events[e].start.data(), distinct.size());
      if (added) distinct.push_back(events[e].start.view());
      start_rank[e] = at->second;
    }
    std::vector<uint32_t> by_date(distinct.size());
    for (uint32_t i = 0; i < by_date.size(); ++i) by_date[i] = i;
    std::sort(by_date.begin(), by_date.end(),
              [&](uint32_t a, uint32_t b) { return distinct[a] < distinct[b]; });
    std::vector<uint32_t> rank_of(distinct.size());
    for (std::size_t i = 0, rank = 0; i < by_date.size(); ++i) {
      if (i > 0 && distinct[by_date[i]] != distinct[by_date[i - 1]]) ++rank;  // equal: equal rank
      rank_of[by_date[i]] = static_cast<uint32_t>(rank);
    }
    for (std::size_t e = 0; e < events.size(); ++e)
      start_rank[e] = events[e].start.empty() ? UINT32_MAX : rank_of[start_rank[e]];
  }
  std::vector<std::size_t> event_order(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) event_order[i] = i;
  std::sort(event_order.begin(), event_order.end(), [&](std::size_t a, std::size_t b) {
    if (start_rank[a] != start_rank[b]) return start_rank[a] < start_rank[b];
    return first_order[a] < first_order[b];
  });
  std::vector<uint32_t>().swap(start_rank);
  std::vector<std::size_t> event_new_index(events.size());
  for (std::size_t i = 0; i < event_order.size(); ++i) event_new_index[event_order[i]] = i;
  // Put in output order in place, one cycle of the permutation at a time: a second array of
  // events would be the build's peak of memory.
  graph.events = std::move(events);
  for (std::size_t start = 0; start < event_order.size(); ++start) {
    if (event_order[start] == start || event_order[start] == SIZE_MAX) continue;
    Event first = std::move(graph.events[start]);
    std::size_t at = start;
    for (std::size_t from = event_order[at]; from != start; from = event_order[at]) {
      graph.events[at] = std::move(graph.events[from]);
      event_order[at] = SIZE_MAX;
      at = from;
    }
    graph.events[at] = std::move(first);
    event_order[at] = SIZE_MAX;
  }
  std::vector<std::size_t>().swap(event_order);
  ParallelFor(graph.events.size(), jobs, [&](std::size_t i) {
    char id[32];
    std::snprintf(id, sizeof id, "evt-%04zu", i + 1);
    graph.events[i].id = id;
    // The event each mention came nearest to joining, in output order too.
    for (Mention& mention : graph.events[i].mentions) {
      if (mention.join.nearest != MentionJoin::kNoEvent)
        mention.join.nearest = static_cast<uint32_t>(event_new_index[mention.join.nearest]);
    }
  });
  return event_new_index;
}

void AddRelations(const std::vector<RawRelation>& relations,
                  const std::vector<std::size_t>& event_new_index, unsigned jobs, EventGraph* out) {
  EventGraph& graph = *out;
  // ---- relations: stated, then inferred order between events that share a participant
  {
    // (source, target, type) -> index into graph.relations; types are few.
    std::vector<std::string> type_names_seen;
    auto type_id_of = [&](std::string_view type) {
      auto at = std::find(type_names_seen.begin(), type_names_seen.end(), type);
      if (at != type_names_seen.end()) return static_cast<uint64_t>(at - type_names_seen.begin());
      type_names_seen.emplace_back(type);
      return static_cast<uint64_t>(type_names_seen.size() - 1);
    };
    struct KeyHash {
      std::size_t operator()(const std::pair<uint64_t, uint64_t>& key) const noexcept {
        return std::hash<uint64_t>()(key.first * 0x9E3779B97F4A7C15ull ^ key.second);
      }
    };
    std::unordered_map<std::pair<uint64_t, uint64_t>, std::size_t, KeyHash> seen;
    seen.reserve(relations.size());
    auto key = [](std::size_t source, std::size_t target, uint64_t type) {
      return std::make_pair(static_cast<uint64_t>(source) << 32 | target, type);
    };
    std::vector<std::vector<uint32_t>> events_of_entity(graph.entities.size());
    std::size_t ordered_pairs = 0;  // at most one inferred relation each
    for (std::size_t e = 0; e < graph.events.size(); ++e) {
      const Event& event = graph.events[e];
      if (event.start.empty() || event.modality == "negated") continue;
      for (const Participant& p : event.participants)
        events_of_entity[p.entity].push_back(static_cast<uint32_t>(e));
      ordered_pairs += event.participants.size();
    }
    graph.relations.reserve(relations.size() + ordered_pairs);
    for (const RawRelation& raw : relations) {
      std::size_t source = event_new_index[raw.source];
      std::size_t target = event_new_index[raw.target];
      if (source == target) continue;
      const auto [it, added] =
          seen.try_emplace(key(source, target, type_id_of(raw.type)), graph.relations.size());
      if (!added) {
        graph.relations[it->second].support++;
        continue;
      }
      graph.relations.push_back(
          {source, target, raw.type.str(), false, raw.document, raw.sentence, 1});
    }
    // Inferred: each event before the next one in time of each entity it has (a chain, not every
    // pair), unless a stated relation links the two already. Two events that share several
    // entities are linked once.
    const uint64_t before = type_id_of("before"), causes = type_id_of("causes");
    // Each entity's chain on its own, on `jobs` threads: the stated relations are only read here.
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> inferred_of(events_of_entity.size());
    ParallelFor(
        events_of_entity.size(), jobs,
        [&](std::size_t entity) {
          const std::vector<uint32_t>& list = events_of_entity[entity];
          // `list` is in output order, so by start date.
          for (std::size_t k = 0; k + 1 < list.size(); ++k) {
            const Event& a = graph.events[list[k]];
            // The first to start after `a` ends, found by halving, as an entity may have
            // thousands of events on one day.
            const auto after = std::upper_bound(
                list.begin() + static_cast<std::ptrdiff_t>(k) + 1, list.end(), a.end,
                [&](const SharedString& end, uint32_t e) { return end < graph.events[e].start; });
            if (after == list.end()) continue;
            const uint32_t next = *after;
            const bool stated =
                seen.count(key(list[k], next, before)) || seen.count(key(list[k], next, causes)) ||
                seen.count(key(next, list[k], causes)) || seen.count(key(next, list[k], before));
            if (!stated) inferred_of[entity].emplace_back(list[k], next);
          }
        },
        1);
    std::vector<std::pair<uint32_t, uint32_t>> inferred;
    for (std::vector<std::pair<uint32_t, uint32_t>>& of_entity : inferred_of) {
      inferred.insert(inferred.end(), of_entity.begin(), of_entity.end());
      std::vector<std::pair<uint32_t, uint32_t>>().swap(of_entity);
    }
    std::sort(inferred.begin(), inferred.end());
    inferred.erase(std::unique(inferred.begin(), inferred.end()), inferred.end());
    // No two relations have one (source, target, type): the stated ones were made unique, and an
    // inferred one is never stated. So the stated ones are sorted alone, and the inferred ones,
    // in order already, merged in.
    auto by_key = [](const Relation& a, const Relation& b) {
      return std::tie(a.source, a.target, a.type) < std::tie(b.source, b.target, b.type);
    };
    std::sort(graph.relations.begin(), graph.relations.end(), by_key);
    const auto stated_end = static_cast<std::ptrdiff_t>(graph.relations.size());
    for (const auto& [source, target] : inferred)
      graph.relations.push_back({source, target, "before", true, 0, "", 0});
    std::inplace_merge(graph.relations.begin(), graph.relations.begin() + stated_end,
                       graph.relations.end(), by_key);
  }
}

void RebuildTopology(EventGraph* graph) {
  const std::size_t event_base = graph->entities.size();
  const std::size_t vertices = event_base + graph->events.size();
  std::size_t edges = graph->relations.size();
  for (const Event& event : graph->events) edges += event.participants.size();
  if (vertices > UINT32_MAX || edges > UINT32_MAX)
    throw std::length_error("RebuildTopology: more than 2^32 vertices or edges");
  // Made in source order (entities first, each entity's events in order, then the relations, which
  // are sorted by source), so that the in-place sort moves nothing and each vertex's out-edges stay
  // in the order they are listed here.
  std::vector<uint32_t> sources(edges), targets(edges);
  std::vector<EdgeData> data(edges);
  std::vector<std::size_t> next(event_base + 1, 0);  // each entity's first edge
  for (const Event& event : graph->events) {
    for (const Participant& p : event.participants) ++next[p.entity + 1];
  }
  for (std::size_t i = 0; i < event_base; ++i) next[i + 1] += next[i];
  for (std::size_t e = 0; e < graph->events.size(); ++e) {
    const auto& participants = graph->events[e].participants;
    for (std::size_t p = 0; p < participants.size(); ++p) {
      const std::size_t at = next[participants[p].entity]++;
      sources[at] = static_cast<uint32_t>(participants[p].entity);
      targets[at] = static_cast<uint32_t>(event_base + e);
      data[at] = EdgeData{false, static_cast<uint32_t>(p), static_cast<uint32_t>(e)};
    }
  }
  for (std::size_t r = 0, at = edges - graph->relations.size(); r < graph->relations.size();
       ++r, ++at) {
    const Relation& relation = graph->relations[r];
    sources[at] = static_cast<uint32_t>(event_base + relation.source);
    targets[at] = static_cast<uint32_t>(event_base + relation.target);
    data[at] = EdgeData{true, static_cast<uint32_t>(r), static_cast<uint32_t>(relation.source)};
  }
  graph->topology = Topology(boost::construct_inplace_from_sources_and_targets, sources, targets,
                             data, static_cast<uint32_t>(vertices));
  for (std::size_t i = 0; i < graph->entities.size(); ++i)
    graph->topology[i] = VertexData{false, static_cast<uint32_t>(i)};
  for (std::size_t i = 0; i < graph->events.size(); ++i)
    graph->topology[event_base + i] = VertexData{true, static_cast<uint32_t>(i)};
}

}  // namespace eventgraph
