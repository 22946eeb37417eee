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

TEST_CASE("A noun told 'with' someone also takes the clause's subject, pronouns name people",
          "[events]") {
  struct Row {
    const char* text;
    const char* type;
    std::vector<std::string> participants;  // every non-location argument, sorted
  };
  const Row kRows[] = {
      {"Ana Souza spoke after several hours of talks with Foreign Minister Peter Mwangi.",
       "meeting",
       {"Ana Souza", "Peter Mwangi"}},
      {"Ana Souza spoke at a joint news conference with Peter Mwangi.",
       "press_conference",
       {"Ana Souza", "Peter Mwangi"}},
      {"Ana Souza praised Chile. She issued the warning after talks with Peter Mwangi.",
       "meeting",
       {"Ana Souza", "Peter Mwangi"}},
      {"Ana Souza says she did not discuss tariffs during her meeting with Peter Mwangi.",
       "meeting",
       {"Ana Souza", "Peter Mwangi"}},
      // A name governed by a preposition is no subject.
      {"The sanctions against Chile came up in talks with Peter Mwangi.",
       "meeting",
       {"Peter Mwangi"}},
      // A place before a noun says where: "the Lima meeting" is not Lima's.
      {"The Lima meeting with Peter Mwangi ended.", "meeting", {"Peter Mwangi"}},
  };
  for (const Row& row : kRows) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    const EventMention* event = FirstOfType(m, row.type);
    REQUIRE(event != nullptr);
    std::vector<std::string> names;
    for (const EventArgument& argument : event->arguments) {
      if (argument.role != ArgumentRole::kLocation)
        names.push_back(m.entities[argument.entity].canonical);
    }
    std::sort(names.begin(), names.end());
    CHECK(names == row.participants);
  }
}

TEST_CASE("Modality: negated, hypothetical, future and alleged mentions are kept and flagged",
          "[events]") {
  struct Row {
    const char* text;
    const char* type;
    const char* modality;
  };
  const Row kRows[] = {
      {"The ministers did not discuss sanctions at the meeting.", "meeting", "asserted"},
      {"Ana Souza did not meet Peter Mwangi.", "meeting", "negated"},
      {"Ana Souza could meet Peter Mwangi next week.", "meeting", "hypothetical"},
      {"It is unclear whether Ana Souza will meet Peter Mwangi.", "meeting", "future"},
      {"Ana Souza will not meet Peter Mwangi.", "meeting", "negated"},
      {"The union will appeal the ruling.", "appeal", "future"},
      {"The alleged attack on the convoy killed four.", "attack", "alleged"},
      {"Rebels attacked the convoy.", "attack", "asserted"},
      {"Rebels never attacked the convoy.", "attack", "negated"},
      {"The army was not responsible for the attack on the convoy.", "attack", "asserted"},
      {"The minister did not discuss sanctions.", "sanctions", "negated"},
      {"The ministry claimed that rebels attacked the convoy.", "attack", "alleged"},
      {"The ministry said that rebels attacked the convoy.", "attack", "asserted"},
  };
  for (const Row& row : kRows) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    const EventMention* event = FirstOfType(m, row.type);
    REQUIRE(event != nullptr);
    CHECK(event->modality == row.modality);
  }
}

TEST_CASE("Reported speech: the speaker is the source, not an event", "[events]") {
  struct Row {
    const char* text;
    const char* type;
    const char* source;  // "" when nobody reports it
  };
  const Row kRows[] = {
      {"Foreign Minister Ana Souza said rebels attacked the convoy.", "attack", "Ana Souza"},
      {"Ana Souza said on Monday that the rebels attacked the convoy.", "attack", "Ana Souza"},
      {"Rebels attacked the convoy, Ana Souza said.", "attack", "Ana Souza"},
      {"\"Rebels attacked the convoy,\" said Ana Souza.", "attack", "Ana Souza"},
      {"Ana Souza met Peter Mwangi. He said rebels attacked the convoy.", "attack", "Ana Souza"},
      // Where and when she spoke is no report.
      {"Ana Souza said at a news conference with Peter Mwangi that talks failed.",
       "press_conference", ""},
      {"Ana Souza said after talks with Peter Mwangi that the rebels must withdraw.", "meeting",
       ""},
      {"Rebels attacked the convoy.", "attack", ""},
  };
  for (const Row& row : kRows) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    const EventMention* event = FirstOfType(m, row.type);
    REQUIRE(event != nullptr);
    const std::string source = event->source < 0 ? "" : m.entities[event->source].canonical;
    CHECK(source == row.source);
  }
}

TEST_CASE("A cue word that relates no two events states no relation", "[events]") {
  const char* kTexts[] = {
      // "before" as an adverb: no event after it.
      "Ana Souza had met Peter Mwangi before, and the talks failed.",
      // "after" governs a time, not an event.
      "The protest ended shortly after 4 pm, and the arrests began.",
  };
  for (const char* text : kTexts) {
    INFO(text);
    DocumentMentions m = ExtractMentions(MakeDocument(text), TestLexicons());
    REQUIRE(m.events.size() >= 2);
    CHECK(m.relations.empty());
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
      // Read off the tree: the cue governs the event after it, and relates it to the event its
      // phrase attaches to, or to the event a verb that is none is about.
      {"Dock workers ended their protest after the arrests.", "before", "arrest", "protest"},
      {"The news conference came after Ana Souza met Peter Mwangi.", "before", "meeting",
       "press_conference"},
      {"Rebels attacked the town hours after the air strike on their base.", "before",
       "aerial_attack", "attack"},
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
