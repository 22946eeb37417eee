// The entity layer on our own short articles about stories unlike the seeds:
// a company merger, an election, a natural disaster (tests/data/articles).
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "../test_support.h"
#include "eventgraph/document.h"
#include "eventgraph/graph.h"

using namespace eventgraph;

namespace {

EventGraph BuildArticles() {
  std::vector<InputFile> files;
  REQUIRE(ListInputs({EVENTGRAPH_TEST_ARTICLES_DIR}, &files).ok());
  REQUIRE(files.size() == 3);
  std::vector<Document> documents;
  for (const InputFile& file : files) {
    for (Document& doc : ReadInputFile(file).documents) documents.push_back(std::move(doc));
  }
  return testing::BuildGraph(documents);
}

}  // namespace

TEST_CASE("Entities of three articles on other stories", "[entities][articles]") {
  const EventGraph graph = BuildArticles();
  struct Expected {
    const char* name;
    const char* kind;
    const char* country;  // "" = unknown
    const char* code;     // "" = none
    const char* alias;    // another form that must belong to the same entity, or ""
  };
  const Expected kExpected[] = {
      // merger.txt
      {"Halvorsen Shipping Corp.", "organization", "", "BUS", "Halvorsen"},
      {"Baltica Freight Group", "organization", "", "", "Baltica Freight"},
      {"Ingrid Solberg", "person", "", "BUS", "Solberg"},
      {"Klaus Remmert", "person", "", "", ""},
      {"Petra Vogt", "person", "DEU", "DEUGOV", ""},
      {"European Commission", "organization", "", "IGOEUR", ""},
      {"Oslo", "location", "NOR", "", "OSLO"},
      {"Hamburg", "location", "DEU", "", ""},
      // election.txt
      {"Ghana", "country", "GHA", "GHA", ""},
      {"John Mensah", "person", "", "GOV", "Mensah"},
      {"Kofi Asante", "person", "", "GOV", "Asante"},
      {"Electoral Commission", "organization", "", "", ""},
      {"National Democratic Alliance", "organization", "", "", ""},
      {"African Union", "organization", "", "IGOAFR", ""},
      {"International Monetary Fund", "organization", "", "IGOIMF", ""},
      {"Accra", "location", "GHA", "", "ACCRA"},
      {"Ashanti", "location", "GHA", "", ""},
      // disaster.txt
      {"Indonesia", "country", "IDN", "IDN", ""},
      {"Palu", "location", "IDN", "", "PALU"},
      {"Sulawesi", "location", "IDN", "", ""},
      {"Donggala", "location", "", "", ""},
      {"National Disaster Mitigation Agency", "organization", "", "", ""},
      {"Adi Nugroho", "person", "", "", ""},
      {"Joko Santoso", "person", "", "GOV", ""},
      {"Japan", "country", "JPN", "JPN", ""},
      {"Australia", "country", "AUS", "AUS", ""},
      {"United Nations", "organization", "", "IGOUNO", ""},
  };
  for (const Expected& e : kExpected) {
    INFO(e.name);
    int found = 0;
    for (const Entity& entity : graph.entities) {
      if (entity.name != e.name) continue;
      ++found;
      CHECK(entity.kind == e.kind);
      CHECK(entity.country == e.country);
      CHECK(entity.code == e.code);
      if (*e.alias) {
        CHECK(std::find(entity.aliases.begin(), entity.aliases.end(), e.alias) !=
              entity.aliases.end());
      }
    }
    CHECK(found == 1);
  }
  // Nothing else: no weekday, month, headline word, or fragment of a name above.
  CHECK(graph.entities.size() ==
        std::size(kExpected) + 4);  // + Berlin, Europe, Central Sulawesi, Red Cross
  for (const Entity& entity : graph.entities) {
    INFO(entity.name);
    for (const char* junk :
         {"Monday", "Saturday", "Sunday", "January", "Baltica", "Halvorsen Shipping", "Commission",
          "Opposition", "Earthquake", "Aftershocks", "Turnout"}) {
      CHECK(entity.name != junk);
    }
  }
}

TEST_CASE("Events of three articles on other stories", "[events][articles]") {
  const EventGraph graph = BuildArticles();
  struct Expected {
    const char* type;
    const char* date;
    const char* agent;   // "" = none required
    const char* target;  // "" = none required
  };
  const Expected kExpected[] = {
      // "agreed on Monday to buy Baltica Freight Group", filed on Tuesday 2025-06-03
      {"acquisition", "2025-06-02", "Halvorsen Shipping Corp.", "Baltica Freight Group"},
      // "won Ghana's presidential election on Saturday", filed on Monday 2024-12-09
      {"election", "2024-12-07", "", ""},
      // "will be sworn in on January 7": the next January 7
      {"taking_office", "2025-01-07", "John Mensah", ""},
      // "struck central Sulawesi early on Sunday, killing at least 42 people", filed on Monday
      {"killing", "2023-10-15", "", ""},
  };
  for (const Expected& e : kExpected) {
    INFO(e.type);
    const Event* found = nullptr;
    for (const Event& event : graph.events) {
      if (event.type == e.type && event.date == e.date) found = &event;
    }
    REQUIRE(found != nullptr);
    CHECK(found->date_source == "text");
    for (const auto& [role, name] : {std::pair<std::string, std::string>{"agent", e.agent},
                                     std::pair<std::string, std::string>{"target", e.target}}) {
      if (name.empty()) continue;
      bool has = false;
      for (const Participant& p : found->participants) {
        has = has || (p.role == role && graph.entities[p.entity].name == name);
      }
      CHECK(has);
    }
  }
  // Stories never merge: no event has mentions from two of the three articles.
  for (const Event& event : graph.events) {
    std::set<std::size_t> documents;
    for (const Mention& m : event.mentions) documents.insert(m.document);
    CHECK(documents.size() == 1);
  }
}
