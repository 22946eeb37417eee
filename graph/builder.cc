// Per-document mentions -> one EventGraph (contract in eventgraph/graph.h).
//
// Stages, in order: attach time expressions to event mentions, per sentence (prepare.cc);
// canonicalise entities across the corpus (entities.cc); merge event mentions into events
// (merge.cc, merge_lane.cc); make the events (events.cc); then sort, number and label, aggregate
// stated relations and infer "before" links between dated events that share a participant
// (assembly.cc).
#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "assembly.h"
#include "builder_state.h"
#include "entity_resolution.h"
#include "eventgraph/graph.h"
#include "events.h"
#include "merge.h"

namespace eventgraph {

EventGraph GraphBuilder::Build(unsigned jobs) {
  State& st = *state_;
  auto stage_started = std::chrono::steady_clock::now();
  auto stage_done = [&](double* seconds) {
    const auto now = std::chrono::steady_clock::now();
    *seconds = std::chrono::duration<double>(now - stage_started).count();
    stage_started = now;
  };
  EventGraph graph;
  graph.documents = std::move(st.documents);
  // Grown by doubling as documents came, the lists kept until events are made hold up to twice
  // what they need: trimmed now, while the merge's indexes are not yet made.
  graph.documents.shrink_to_fit();
  st.arguments.shrink_to_fit();
  st.relations.shrink_to_fit();
  const std::vector<DocumentInfo>& documents = graph.documents;

  std::vector<std::size_t> form_cluster;
  std::vector<Entity> entities = ResolveEntities(st.entity_forms, &form_cluster);
  // Arrays per mention hold 4-byte indices: there are millions of mentions.
  std::vector<uint32_t> entity_cluster(st.entities.size());
  for (std::size_t r = 0; r < st.entities.size(); ++r)
    entity_cluster[r] = static_cast<uint32_t>(form_cluster[st.entities[r].form]);
  std::vector<RawEntity>().swap(st.entity_forms);
  std::unordered_map<std::string, uint32_t>().swap(st.entity_form_ids);

  stage_done(&st.stats.entities_seconds);

  MergedEvents merged = MergeEventMentions(st, documents, entities, entity_cluster, jobs);
  stage_done(&st.stats.merge_seconds);

  std::vector<std::size_t> first_order;
  std::vector<Event> events =
      MakeEvents(st, documents, entities, entity_cluster, std::move(merged), jobs, &first_order);
  std::vector<uint32_t>().swap(entity_cluster);
  stage_done(&st.stats.events_seconds);

  const std::vector<std::size_t> event_new_index =
      OrderAndLabel(st, std::move(entities), std::move(events), first_order, jobs, &graph);
  stage_done(&st.stats.labels_seconds);

  AddRelations(st.relations, event_new_index, jobs, &graph);
  stage_done(&st.stats.relations_seconds);
  RebuildTopology(&graph);
  return graph;
}

}  // namespace eventgraph
