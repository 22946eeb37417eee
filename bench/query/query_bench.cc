// How fast `eventgraph query` answers on a large graph: a synthetic graph of
// N events (default 100,000) is written as graph.json, read back once and
// indexed, then each kind of question is timed (the median of several runs).
//
//   build/release/bench/query_bench [--events N] [--runs R]
//
// The graph: N/20 entities (persons, countries, places), events of every
// family spread over ten years with two to four participants each, a stated
// cause for one event in ten, and the inferred date order the builder adds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "eventgraph/export.h"
#include "eventgraph/query.h"

using namespace eventgraph;
using Clock = std::chrono::steady_clock;

namespace {

std::string Day(int days_since_2010) {
  const std::chrono::sys_days day =
      std::chrono::sys_days(std::chrono::year(2010) / 1 / 1) + std::chrono::days(days_since_2010);
  const std::chrono::year_month_day ymd(day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

EventGraph Synthetic(std::size_t event_count) {
  std::mt19937 random(20171104);
  EventGraph graph;
  graph.documents.push_back(
      {"doc-1", "doc-1.txt", "2020-01-01", "synthetic", "2020-01-01", "document"});
  const std::size_t entity_count = std::max<std::size_t>(event_count / 20, 10);
  static const char* const kKinds[] = {"person", "person", "country", "location", "organization"};
  for (std::size_t i = 0; i < entity_count; ++i) {
    Entity entity;
    entity.name = "Entity " + std::to_string(i);
    entity.id = "ent-entity-" + std::to_string(i);
    entity.kind = kKinds[i % 5];
    entity.aliases = {entity.name, "E" + std::to_string(i)};
    entity.mentions = 1 + static_cast<int>(random() % 50);
    graph.entities.push_back(std::move(entity));
  }
  static const char* const kTypes[] = {"meeting",  "aerial_attack", "accusation", "agreement",
                                       "election", "arrest",        "protest",    "earthquake"};
  static const char* const kCameo[] = {"04", "195", "112", "057", "", "173", "14", ""};
  std::vector<int> starts(event_count);
  for (int& start : starts) start = static_cast<int>(random() % 3650);
  std::sort(starts.begin(), starts.end());  // events are stored chronologically, as built
  for (std::size_t i = 0; i < event_count; ++i) {
    Event event;
    char id[32];
    std::snprintf(id, sizeof id, "evt-%06zu", i + 1);
    event.id = id;
    const std::size_t type = random() % 8;
    event.type = kTypes[type];
    event.cameo = kCameo[type];
    event.family = "synthetic";
    event.label = std::string(kTypes[type]) + " " + std::to_string(i);
    const bool week = random() % 10 == 0;
    event.start = Day(starts[i]);
    event.end = Day(starts[i] + (week ? 6 : 0));
    event.date = event.start;
    event.granularity = week ? "week" : "day";
    event.date_source = "text";
    event.modality = random() % 10 == 0 ? "alleged" : "asserted";
    event.confidence = 0.3 + 0.07 * static_cast<double>(random() % 10);
    const std::size_t participants = 2 + random() % 3;
    for (std::size_t p = 0; p < participants; ++p) {
      // A few entities take part in much: news has its protagonists.
      const std::size_t entity =
          random() % 4 == 0 ? random() % 20 : random() % graph.entities.size();
      event.participants.push_back({entity, p == 0 ? "agent" : "participant"});
    }
    event.mentions.push_back(
        {0, 0, 1, Mention::kNoSource, "A sentence.", "met", {}, "asserted", {}});
    graph.events.push_back(std::move(event));
  }
  for (std::size_t i = 1; i < event_count; ++i) {
    if (random() % 10 == 0) {
      const std::size_t cause = i - 1 - random() % std::min<std::size_t>(i, 50);
      graph.relations.push_back({cause, i, "causes", false, 0, "A prompted B.", 1});
    }
    if (random() % 3 == 0) graph.relations.push_back({i - 1, i, "before", true, 0, "", 0});
  }
  RebuildTopology(&graph);
  return graph;
}

template <typename F>
double MedianMs(int runs, F&& f) {
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    const auto begin = Clock::now();
    f();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t events = 100000;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--events") events = std::strtoul(argv[i + 1], nullptr, 10);
    if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
  }
  std::printf("query_bench: %zu events\n", events);
  const EventGraph synthetic = Synthetic(events);
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("eventgraph-query-bench-" + std::to_string(events) + ".json");
  if (!WriteFileAtomically(path.string(), GraphJson(synthetic)).ok()) {
    std::fprintf(stderr, "query_bench: cannot write %s\n", path.c_str());
    return 1;
  }
  auto begin = Clock::now();
  Result<EventGraph> graph = ReadGraphJson(path.string());
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
  std::filesystem::remove(path);
  if (!graph.ok()) {
    std::fprintf(stderr, "query_bench: %s\n", graph.status().ToString().c_str());
    return 1;
  }
  begin = Clock::now();
  const GraphIndex index(*graph);
  const double index_ms = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
  std::printf("  %-44s %9.1f ms (once)\n", "load graph.json", load_ms);
  std::printf("  %-44s %9.1f ms (once)\n", "index", index_ms);

  std::size_t answers = 0;  // keeps the work observable
  const std::size_t middle = graph->events.size() / 2;
  std::size_t effect = middle;  // an event with a stated cause, near the middle
  for (const Relation& relation : graph->relations) {
    if (relation.type == "causes" && relation.target >= middle) {
      effect = relation.target;
      break;
    }
  }
  auto row = [&](const char* what, auto&& query) {
    std::printf("  %-44s %10.4f ms\n", what, MedianMs(runs, query));
  };
  EventFilter busy;
  busy.entity = "Entity 3";
  row("events --entity (a protagonist)", [&] { answers += index.Events(busy).size(); });
  EventFilter month;
  month.from = "2015-04-01";
  month.to = "2015-04-30";
  row("events --from --to (a month)", [&] { answers += index.Events(month).size(); });
  EventFilter cameo;
  cameo.type = "19";
  row("events --type 19 (CAMEO prefix)", [&] { answers += index.Events(cameo).size(); });
  row("event TEXT (label search)", [&] { answers += index.FindEvents("meeting 5000").size(); });
  row("causes --depth 5", [&] { answers += index.Causes(effect, 5).size(); });
  row("before --related", [&] { answers += index.Before(middle, true).size(); });
  row("timeline --entity (a protagonist)", [&] { answers += index.Events(busy).size(); });
  row("path ENTITY ENTITY", [&] {
    answers +=
        index.Path(index.EntityVertex(5), index.EntityVertex(graph->entities.size() - 1)).size();
  });
  row("neighbors ENTITY", [&] { answers += index.Neighbors(3).size(); });
  row("name lookup (alias, any case)", [&] { answers += index.FindEntities("e4321").size(); });
  std::printf("  (%zu answers)\n", answers);
  return 0;
}
