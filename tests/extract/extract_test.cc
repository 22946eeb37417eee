#include <catch2/catch.hpp>

#include <algorithm>

#include "../test_support.h"

using namespace eventgraph;
using eventgraph::testing::MakeDocument;
using eventgraph::testing::TestLexicons;

namespace {

const auto FindEntity = eventgraph::testing::FindMention;

using eventgraph::testing::ArgumentName;

}  // namespace

TEST_CASE("Titles and demonyms give a name its kind, role and country", "[entities]") {
  Document doc = MakeDocument(
      "Brazilian Foreign Minister Ana Souza met Kenyan President Peter Mwangi in Nairobi. Souza "
      "said the talks went "
      "well.");
  DocumentMentions m = ExtractMentions(doc, TestLexicons());
  const EntityMention* souza = FindEntity(m, "Ana Souza");
  REQUIRE(souza != nullptr);
  CHECK(souza->kind == EntityKind::kPerson);
  CHECK(souza->role == "foreign minister");
  CHECK(souza->country == "BRA");
  const EntityMention* mwangi = FindEntity(m, "Peter Mwangi");
  REQUIRE(mwangi != nullptr);
  CHECK(mwangi->country == "KEN");
  CHECK(mwangi->role == "president");
  const EntityMention* nairobi = FindEntity(m, "Nairobi");
  REQUIRE(nairobi != nullptr);
  CHECK(nairobi->kind == EntityKind::kLocation);
  // The lone surname later links to the full name.
  const EntityMention* surname = FindEntity(m, "Souza");
  REQUIRE(surname != nullptr);
  CHECK(surname->canonical == "Ana Souza");
  CHECK(surname->kind == EntityKind::kPerson);
}

TEST_CASE("Country aliases map to one canonical country, modifiers are marked", "[entities]") {
  Document doc =
      MakeDocument("The U.S. and the USA and America. U.S. Secretary of State John Roe spoke.");
  DocumentMentions m = ExtractMentions(doc, TestLexicons());
  int united_states = 0;
  for (const EntityMention& e : m.entities) {
    if (e.canonical == "United States") ++united_states;
  }
  CHECK(united_states == 4);
  const EntityMention* roe = FindEntity(m, "John Roe");
  REQUIRE(roe != nullptr);
  CHECK(roe->role == "secretary of state");
  CHECK(roe->country == "USA");
  const EntityMention* modifier = nullptr;
  for (const EntityMention& e : m.entities) {
    if (e.surface == "U.S." && e.modifier) modifier = &e;
  }
  CHECK(modifier != nullptr);
}

TEST_CASE("Capitalised non-names are not entities", "[entities]") {
  Document doc = MakeDocument(
      "On Tuesday the minister spoke. Confronting the crisis matters. In March, nothing.");
  DocumentMentions m = ExtractMentions(doc, TestLexicons());
  for (const EntityMention& e : m.entities) {
    INFO(e.surface);
    CHECK(e.surface != "Tuesday");
    CHECK(e.surface != "Confronting");
    CHECK(e.surface != "March");
    CHECK(e.surface != "On");
  }
}

TEST_CASE("Inflected triggers find events with agents, partners and places", "[events]") {
  Document doc = MakeDocument(
      "Ana Souza met with Peter Mwangi in Nairobi. Rebels attacked the town of Dorvik.");
  DocumentMentions m = ExtractMentions(doc, TestLexicons());
  REQUIRE(m.events.size() == 2);
  CHECK(m.events[0].type == "meeting");
  CHECK(m.events[0].trigger == "met");
  CHECK(m.events[0].verbal);
  CHECK(ArgumentName(m, m.events[0], ArgumentRole::kAgent) == "Ana Souza");
  CHECK(ArgumentName(m, m.events[0], ArgumentRole::kParticipant) == "Peter Mwangi");
  CHECK(ArgumentName(m, m.events[0], ArgumentRole::kLocation) == "Nairobi");
  CHECK(m.events[1].type == "attack");
  CHECK(ArgumentName(m, m.events[1], ArgumentRole::kLocation) == "Dorvik");
}

TEST_CASE("Multi-word patterns with gaps, negation and hedges", "[events]") {
  Document doc = MakeDocument(
      "The army launched a barrage of cruise missiles. The minister did not discuss sanctions "
      "imposed on them. "
      "The leaders could meet next month.");
  DocumentMentions m = ExtractMentions(doc, TestLexicons());
  REQUIRE(m.events.size() == 3);
  CHECK(m.events[0].type == "aerial_attack");
  CHECK(m.events[0].trigger == "launched a barrage of cruise missiles");
  CHECK(m.events[1].type == "sanctions");
  CHECK(m.events[1].modality == "negated");
  CHECK(m.events[2].type == "meeting");
  CHECK(m.events[2].modality == "hypothetical");
}

TEST_CASE("Cue phrases state causes in either direction", "[events]") {
  Document doc = MakeDocument(
      "The bombing prompted the government to impose new sanctions. The air strike came in "
      "retaliation for a "
      "chemical attack.");
  DocumentMentions m = ExtractMentions(doc, TestLexicons());
  REQUIRE(m.relations.size() == 2);
  const StatedRelation& first = m.relations[0];
  CHECK(first.type == "causes");
  CHECK(m.events[first.source].type == "bombing");
  CHECK(m.events[first.target].type == "sanctions");
  const StatedRelation& second = m.relations[1];
  CHECK(second.type == "causes");
  CHECK(m.events[second.source].type == "chemical_attack");
  CHECK(m.events[second.target].type == "aerial_attack");
}
