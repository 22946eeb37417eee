// GraphIndex, the engine of `eventgraph query`: on a graph of our own
// sentences, and on the shared seed articles (skipped where ../shared/seeds is
// absent).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "../test_support.h"
#include "eventgraph/query.h"

using namespace eventgraph;

namespace {

std::vector<std::string> Labels(const EventGraph& graph, const std::vector<std::size_t>& events) {
  std::vector<std::string> out;
  for (std::size_t e : events) out.push_back(graph.events[e].label.str());
  return out;
}

bool Has(const std::vector<std::string>& labels, const std::string& part) {
  for (const std::string& label : labels) {
    if (label.find(part) != std::string::npos) return true;
  }
  return false;
}

EventFilter Filter(std::string entity, std::string type = "", std::string from = "",
                   std::string to = "", bool include_uncertain = false) {
  EventFilter filter;
  filter.entity = std::move(entity);
  filter.type = std::move(type);
  filter.from = std::move(from);
  filter.to = std::move(to);
  filter.include_uncertain = include_uncertain;
  return filter;
}

EventGraph OwnGraph() {
  return testing::BuildGraph({
      testing::MakeDocument(
          "Rebels launched a chemical attack on Dorvik on June 5. The attack prompted Brazil to "
          "launch a barrage of missiles on a rebel base on June 7. Brazilian Foreign Minister Ana "
          "Souza met Kenyan President Peter Mwangi on June 10. Souza could meet Grace Otieno.",
          "2019-06-12", "a"),
  });
}

}  // namespace

TEST_CASE("Query: filters, causes, order, paths and names on our own sentences", "[query]") {
  const EventGraph graph = OwnGraph();
  GraphIndex index(graph);

  // Names: any alias, any case; a misspelling suggests the closest.
  REQUIRE(index.FindEntities("souza").size() == 1);
  CHECK(graph.entities[index.FindEntities("ANA SOUZA").front()].name == "Ana Souza");
  CHECK(index.FindEntities("Sousa").empty());
  CHECK(index.Suggest("Sousa").front() == "Ana Souza");

  // Filters.
  CHECK(Labels(graph, index.Events(Filter("", "chemical_attack"))).size() == 1);
  CHECK(Labels(graph, index.Events(Filter("", "04"))).size() == 1);  // CAMEO prefix: consult
  EventFilter june = Filter("", "", "2019-06-06", "2019-06-08");
  const std::vector<std::string> in_june = Labels(graph, index.Events(june));
  CHECK(in_june.size() == 1);
  CHECK(Has(in_june, "Brazil"));
  // The hypothetical meeting with Otieno is left out unless asked for.
  CHECK(index.Events(Filter("Souza")).size() == 1);
  CHECK(index.Events(Filter("Souza", "", "", "", true)).size() == 2);
  CHECK(index.Events(Filter("Nobody")).empty());

  // Causes and effects, by text or id.
  const std::vector<std::size_t> strike = index.FindEvents("barrage");
  REQUIRE(strike.size() == 1);
  const auto causes = index.Causes(strike.front(), 3);
  REQUIRE(causes.size() == 1);
  CHECK(graph.events[causes.front().first].type == "chemical_attack");
  CHECK(causes.front().second == 1);
  CHECK(index.Effects(causes.front().first, 1).front().first == strike.front());
  CHECK(index.FindEvents(graph.events[strike.front()].id.str()) == strike);

  // Order: by the stated relation and by the dates.
  const std::vector<std::size_t> meeting = index.FindEvents("Mwangi");
  REQUIRE(meeting.size() == 1);
  const std::vector<std::string> before = Labels(graph, index.Before(meeting.front(), false));
  CHECK(before.size() == 2);
  CHECK(Has(before, "Brazil"));
  CHECK(graph.events[index.Before(meeting.front(), false).front()].start == "2019-06-07");
  CHECK(index.Before(meeting.front(), /*related=*/true).empty());  // no shared participant
  CHECK(Labels(graph, index.After(causes.front().first, false)).size() == 2);

  // Path: Souza -> the meeting -> Mwangi.
  const std::size_t souza = index.FindEntities("Souza").front();
  const std::size_t mwangi = index.FindEntities("Mwangi").front();
  const std::vector<std::size_t> path =
      index.Path(index.EntityVertex(souza), index.EntityVertex(mwangi));
  REQUIRE(path.size() == 3);
  CHECK(index.IsEventVertex(path[1]));
  bool neighbours = false;
  for (const auto& [entity, shared] : index.Neighbors(souza))
    neighbours = neighbours || (entity == mwangi && shared == 1);
  CHECK(neighbours);
}

TEST_CASE("Readable dates say their granularity", "[query]") {
  Event event;
  event.start = "2017-04-03";
  event.end = "2017-04-09";
  event.granularity = "week";
  CHECK(ReadableDate(event) == "week of 2017-04-03");
  event.granularity = "month";
  CHECK(ReadableDate(event) == "April 2017");
  event.granularity = "year";
  CHECK(ReadableDate(event) == "2017");
  event.start.clear();
  CHECK(ReadableDate(event) == "undated");
}

TEST_CASE("Query the seed articles", "[query][seeds]") {
  const std::filesystem::path seeds = EVENTGRAPH_TEST_SEEDS_DIR;
  if (!std::filesystem::is_directory(seeds)) {
    WARN("skipped: " << seeds.string() << " is absent");
    return;
  }
  std::vector<InputFile> files;
  REQUIRE(ListInputs({seeds.string()}, &files).ok());
  std::vector<Document> documents;
  for (const InputFile& file : files) {
    for (Document& doc : ReadInputFile(file).documents) {
      if (doc.date.empty()) doc.date = "2017-04-12";  // as `build --date 2017-04-12`
      documents.push_back(std::move(doc));
    }
  }
  const EventGraph graph = testing::BuildGraph(documents);
  GraphIndex index(graph);

  // causes "missile strike" lists the chemical attack.
  const std::vector<std::size_t> strike = index.FindEvents("missile strike");
  REQUIRE(strike.size() == 1);
  bool chemical = false;
  for (const auto& [event, distance] : index.Causes(strike.front(), 2))
    chemical = chemical || graph.events[event].type == "chemical_attack";
  CHECK(chemical);

  // effects: the chemical attack caused the strike; event TEXT finds it by its trigger.
  const std::vector<std::size_t> attack = index.FindEvents("chemical attack");
  REQUIRE_FALSE(attack.empty());
  bool caused_strike = false;
  for (const auto& [event, distance] : index.Effects(attack.front(), 1))
    caused_strike = caused_strike || event == strike.front();
  CHECK(caused_strike);
  // after: the strike comes after the attack, by the stated cause and by the dates.
  const std::vector<std::size_t> after = index.After(attack.front(), /*related=*/false);
  CHECK(std::find(after.begin(), after.end(), strike.front()) != after.end());
  // neighbors: Lavrov shares the most events with Tillerson among people.
  const std::vector<std::size_t> lavrov = index.FindEntities("sergei lavrov");  // another spelling
  REQUIRE(lavrov.size() == 1);
  bool tillerson_near = false;
  for (const auto& [entity, shared] : index.Neighbors(lavrov.front()))
    tillerson_near =
        tillerson_near || (graph.entities[entity].name == "Rex Tillerson" && shared >= 2);
  CHECK(tillerson_near);

  // timeline --entity Putin lists the Tillerson-Putin meeting on 2017-04-12.
  bool meeting = false;
  for (std::size_t e : index.Events(Filter("Putin"))) {
    const Event& event = graph.events[e];
    bool tillerson = false;
    for (const Participant& p : event.participants)
      tillerson = tillerson || graph.entities[p.entity].name == "Rex Tillerson";
    meeting = meeting || (event.type == "meeting" && event.date == "2017-04-12" && tillerson);
  }
  CHECK(meeting);

  // path Tillerson Assad is a chain through events.
  const std::vector<std::size_t> tillerson = index.FindEntities("Tillerson");
  const std::vector<std::size_t> assad = index.FindEntities("Assad");
  REQUIRE(tillerson.size() == 1);
  REQUIRE(assad.size() == 1);
  const std::vector<std::size_t> path =
      index.Path(index.EntityVertex(tillerson.front()), index.EntityVertex(assad.front()));
  REQUIRE(path.size() >= 3);
  for (std::size_t i = 1; i + 1 < path.size(); i += 2) CHECK(index.IsEventVertex(path[i]));

  // The joint news conference comes after the Putin meeting.
  const std::vector<std::size_t> conference = index.FindEvents("News conference in Moscow");
  REQUIRE(conference.size() == 1);
  bool putin_before = false;
  for (std::size_t e : index.Before(conference.front(), /*related=*/true)) {
    for (const Participant& p : graph.events[e].participants)
      putin_before = putin_before || (graph.events[e].type == "meeting" &&
                                      graph.entities[p.entity].name == "Vladimir Putin");
  }
  CHECK(putin_before);
}

TEST_CASE("Events of one day come in the order the text states", "[query]") {
  EventGraph graph;
  graph.documents.push_back({"d", "d.txt", "2017-04-12", "", "2017-04-12", "document"});
  const char* kLabels[] = {"News conference", "Meeting with Putin", "Talks with Lavrov",
                           "Strike elsewhere"};
  for (std::size_t i = 0; i < 4; ++i) {
    Event event;
    event.id = "evt-000" + std::to_string(i + 1);
    event.type = "meeting";
    event.label = kLabels[i];
    event.modality = "asserted";
    event.confidence = 0.5;
    event.start = event.end = event.date = i == 3 ? "2017-04-13" : "2017-04-12";
    graph.events.push_back(event);
  }
  // The talks before the meeting, the meeting before the conference (each stated by a sentence);
  // an inferred relation says nothing of order within a day.
  graph.relations.push_back({2, 1, "before", false, 0, "", 1});
  graph.relations.push_back({1, 0, "causes", false, 0, "", 1});
  graph.relations.push_back({0, 2, "before", true, 0, "", 0});
  RebuildTopology(&graph);
  GraphIndex index(graph);
  CHECK(Labels(graph, index.Events(EventFilter{})) ==
        std::vector<std::string>{"Talks with Lavrov", "Meeting with Putin", "News conference",
                                 "Strike elsewhere"});

  // A cycle of stated relations leaves its events as they came.
  graph.relations.push_back({0, 2, "before", false, 0, "", 1});
  RebuildTopology(&graph);
  GraphIndex cyclic(graph);
  CHECK(Labels(graph, cyclic.Events(EventFilter{})) ==
        std::vector<std::string>{"News conference", "Meeting with Putin", "Talks with Lavrov",
                                 "Strike elsewhere"});
}
