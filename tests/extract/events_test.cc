// Event mentions, rule by rule, on sentences written for these tests:
// triggers, arguments, modality and stated relations.
#include <catch2/catch.hpp>

#include "../test_support.h"

using namespace eventgraph;
using eventgraph::testing::MakeDocument;
using eventgraph::testing::TestLexicons;

namespace {

const EventMention* FirstOfType(const DocumentMentions& m, const std::string& type) {
  for (const EventMention& e : m.events) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

const auto Argument = eventgraph::testing::ArgumentName;

}  // namespace

TEST_CASE("Triggers: inflections, nominalisations and multi-word patterns", "[events]") {
  struct Row {
    const char* text;
    const char* type;
    const char* trigger;
  };
  const Row kRows[] = {
      {"Army jets bombed a depot near Lodwar.", "aerial_attack", "bombed"},
      {"Halvar Oil bought a rival refinery.", "acquisition", "bought"},  // irregular: buy -> bought
      {"Rebels shelled the harbour overnight.", "shelling", "shelled"},
      {"The talks lasted four hours.", "meeting", "talks"},
      {"The two sides agreed to establish a joint panel.", "cooperation_pledge",
       "agreed to establish"},
      {"Police arrested three men in Mombasa.", "arrest", "arrested"},
      {"The ministry accuses the firm of fraud.", "accusation", "accuses"},
      {"Thousands protested outside parliament.", "protest", "protested"},
      {"An explosion tore through the warehouse.", "explosion", "explosion"},
      {"A strong earthquake shook the coast.", "earthquake", "earthquake"},
      {"Russia intervened in the war in 2015.", "intervention", "intervened"},
      {"She took office in January.", "taking_office", "took office"},
  };
  for (const Row& row : kRows) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    const EventMention* event = FirstOfType(m, row.type);
    REQUIRE(event != nullptr);
    CHECK(event->trigger == row.trigger);
  }
}

TEST_CASE("Arguments come from the clause around the trigger", "[events]") {
  struct Row {
    const char* text;
    const char* type;
    const char* agent;
    const char* target;
    const char* location;
  };
  const Row kRows[] = {
      {"Kenyan police arrested Peter Mwangi in Mombasa.", "arrest", "Kenya", "Peter Mwangi",
       "Mombasa"},
      {"Norway accused Sweden of spying.", "accusation", "Norway", "Sweden", ""},
      {"Rebels attacked the town of Kalima.", "attack", "", "",
       "Kalima"},  // a town attacked is where
      {"Brazilian Foreign Minister Ana Souza criticized Chile.", "criticism", "Ana Souza", "Chile",
       ""},
  };
  for (const Row& row : kRows) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    const EventMention* event = FirstOfType(m, row.type);
    REQUIRE(event != nullptr);
    CHECK(Argument(m, *event, ArgumentRole::kAgent) == row.agent);
    CHECK(Argument(m, *event, ArgumentRole::kTarget) == row.target);
    CHECK(Argument(m, *event, ArgumentRole::kLocation) == row.location);
  }
}

TEST_CASE("Modality: negated and hedged mentions are kept and flagged", "[events]") {
  struct Row {
    const char* text;
    const char* type;
    bool negated, hedged;
  };
  const Row kRows[] = {
      {"The ministers did not discuss sanctions at the meeting.", "meeting", false, false},
      {"Ana Souza did not meet Peter Mwangi.", "meeting", true, false},
      {"Ana Souza could meet Peter Mwangi next week.", "meeting", false, true},
      {"The alleged attack on the convoy killed four.", "attack", false, true},
      {"Rebels attacked the convoy.", "attack", false, false},
      {"Rebels never attacked the convoy.", "attack", true, false},
  };
  for (const Row& row : kRows) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    const EventMention* event = FirstOfType(m, row.type);
    REQUIRE(event != nullptr);
    CHECK(event->negated == row.negated);
    CHECK(event->hedged == row.hedged);
  }
}

TEST_CASE("Stated relations: causes and order, in the direction the cue names", "[events]") {
  struct Row {
    const char* text;
    const char* relation;
    const char* source;  // event type
    const char* target;
  };
  const Row kRows[] = {
      {"The bombing prompted sanctions.", "causes", "bombing", "sanctions"},
      {"Sanctions were imposed in retaliation for the bombing.", "causes", "bombing", "sanctions"},
      {"Protests erupted in response to the arrest.", "causes", "arrest", "protest"},
      {"The strike came after the chemical attack.", "before", "chemical_attack", "aerial_attack"},
      {"The protest followed by an arrest ended the day.", "before", "protest", "arrest"},
      {"The meeting took place on the eve of the vote.", "before", "meeting", "vote"},
  };
  for (const Row& row : kRows) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    bool found = false;
    for (const StatedRelation& r : m.relations) {
      found = found || (r.type == row.relation && m.events[r.source].type == row.source &&
                        m.events[r.target].type == row.target);
    }
    CHECK(found);
  }
}
