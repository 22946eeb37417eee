// The entity layer, rule by rule, on sentences written for these tests.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../test_support.h"

using namespace eventgraph;
using eventgraph::testing::CopyData;
using eventgraph::testing::MakeDocument;
using eventgraph::testing::TestLexicons;

namespace {

const auto Find = eventgraph::testing::FindMention;

struct Expected {
  const char* text;
  const char* surface;    // the mention looked for
  const char* canonical;  // its canonical name
  EntityKind kind;
  const char* country;  // alpha-3 or ""
  const char* code;     // actor code or ""
  const char* role;     // title/role or ""
  const char* region;   // ISO 3166-2 or ""
};

const Expected kRecognised[] = {
    // Names after titles and roles, with the affiliation a demonym or a body gives.
    {"Norwegian Prime Minister Erna Dahl opened the session.", "Erna Dahl", "Erna Dahl",
     EntityKind::kPerson, "NOR", "NORGOV", "prime minister", ""},
    {"Chilean Defense Minister Rosa Vidal visited the base.", "Rosa Vidal", "Rosa Vidal",
     EntityKind::kPerson, "CHL", "CHLGOV", "defense minister", ""},
    {"German Health Minister Jonas Weber said more was needed.", "Jonas Weber", "Jonas Weber",
     EntityKind::kPerson, "DEU", "DEUGOV", "health minister", ""},
    {"Kremlin spokesman Ivan Orlov declined to comment.", "Ivan Orlov", "Ivan Orlov",
     EntityKind::kPerson, "RUS", "RUSGOV", "spokesman", ""},
    {"Colonel Ada Musa led the patrol.", "Ada Musa", "Ada Musa", EntityKind::kPerson, "", "MIL",
     "colonel", ""},
    {"Its chairman, Pavel Novak, resigned.", "Pavel Novak", "Pavel Novak", EntityKind::kPerson, "",
     "", "", ""},
    // Names in any position, including the start of a sentence, and multi-word names.
    {"Dahl left early. Reporters asked Erna Dahl why.", "Dahl", "Erna Dahl", EntityKind::kPerson,
     "", "", "", ""},
    {"Amnesty International and the World Health Organization issued a report.",
     "World Health Organization", "World Health Organization", EntityKind::kOrganization, "",
     "IGOWHO", "", ""},
    {"The Kenya Red Cross and the Northern Grain Company sent trucks.", "Northern Grain Company",
     "Northern Grain Company", EntityKind::kOrganization, "", "BUS", "", ""},
    {"Fighters of the Islamic State group attacked the town.", "Islamic State group",
     "Islamic State", EntityKind::kGroup, "", "IMGISI", "", ""},
    {"The U.N. Security Council met again.", "U.N. Security Council", "UN Security Council",
     EntityKind::kOrganization, "", "IGOUNO", "", ""},
    // Countries acting through their institutions: a demonym before an actor word.
    {"Syrian rebels shelled the road.", "Syrian", "Syria", EntityKind::kCountry, "SYR", "SYRREB",
     "rebels", ""},
    {"The Russian military denied it.", "Russian", "Russia", EntityKind::kCountry, "RUS", "RUSMIL",
     "military", ""},
    // Aliases of countries.
    {"Officials in the United State disagreed.", "United State", "United States",
     EntityKind::kCountry, "USA", "USA", "", ""},
    {"The Russian Federation objected.", "Russian Federation", "Russia", EntityKind::kCountry,
     "RUS", "RUS", "", ""},
    // Metonymy: a capital or seat that acts is its government; where things happen, a place.
    {"Washington warned that sanctions would follow.", "Washington", "United States",
     EntityKind::kCountry, "USA", "USAGOV", "government", ""},
    {"The Kremlin said the talks were useful.", "Kremlin", "Russia", EntityKind::kCountry, "RUS",
     "RUSGOV", "government", ""},
    {"Ankara has also accused the group.", "Ankara", "Turkey", EntityKind::kCountry, "TUR",
     "TURGOV", "government", ""},
    {"The ministers held talks in Moscow.", "Moscow", "Moscow", EntityKind::kLocation, "RUS", "",
     "", "RU-MOW"},
    {"Delegates gathered at the Kremlin.", "Kremlin", "Kremlin", EntityKind::kLocation, "RUS", "",
     "", ""},
    // Places: their country and region.
    {"Shelling hit Aleppo overnight.", "Aleppo", "Aleppo", EntityKind::kLocation, "SYR", "", "",
     "SY-HL"},
    {"Floods hit the town of Lodwar in northern Kenya.", "Lodwar", "Lodwar", EntityKind::kLocation,
     "KEN", "", "", ""},
    {"Heavy rain fell in Kisumu County.", "Kisumu County", "Kisumu County", EntityKind::kLocation,
     "KEN", "", "", "KE-17"},
    {"Crews reached the village of Tamba in Idlib province.", "Tamba", "Tamba",
     EntityKind::kLocation, "SYR", "", "", "SY-ID"},
    {"MOMBASA, Kenya — Dockers went on strike.", "MOMBASA", "Mombasa", EntityKind::kLocation, "KEN",
     "", "", "KE-28"},
    {"KALIMA, Kenya — Dockers went on strike.", "KALIMA", "Kalima", EntityKind::kLocation, "KEN",
     "", "", ""},
};

}  // namespace

TEST_CASE("Entities are recognised with kind, country, actor code, role and region", "[entities]") {
  for (const Expected& e : kRecognised) {
    INFO(e.text << " -> " << e.surface);
    DocumentMentions m = ExtractMentions(MakeDocument(e.text), TestLexicons());
    const EntityMention* found = nullptr;
    for (const EntityMention& mention : m.entities) {
      if (mention.surface == e.surface)
        found = &mention;  // the last: "Dahl ... Erna Dahl" wants the first
      if (found && std::string(e.surface) == "Dahl") break;
    }
    REQUIRE(found != nullptr);
    CHECK(found->canonical == e.canonical);
    CHECK(EntityKindName(found->kind) == std::string(EntityKindName(e.kind)));
    CHECK(found->country == e.country);
    CHECK(found->code == e.code);
    CHECK(found->role == e.role);
    CHECK(found->region == e.region);
  }
}

TEST_CASE("Words that are not entities are rejected", "[entities]") {
  struct Rejected {
    const char* text;
    const char* surface;  // must not be a mention
  };
  const Rejected kRejected[] = {
      {"Monday was quiet in the port.", "Monday"},
      {"On Tuesday, March 3, the port reopened.", "Tuesday"},
      {"On Tuesday, March 3, the port reopened.", "March"},
      {"Confronting the crisis, the board resigned.", "Confronting"},
      {"However, the board resigned.", "However"},
      {"They met.\nWATCH LIVE\nThe port reopened.", "WATCH"},
      {"They met.\nWATCH LIVE\nThe port reopened.", "WATCH LIVE"},
      {"The port reopened.\nMore from Reuters: markets rally\n", "Reuters"},
      {"The port reopened.\nPlease login to comment\n", "Please"},
      {"Port reopens\nBy Maria Lindqvist\nThe port reopened on Monday.", "Maria Lindqvist"},
      {"Port reopens\nMaria Lindqvist\nThe port reopened on Monday.", "Maria Lindqvist"},
      {"Troops entered the town. (AP Photo/Jane Roe)\nThe town was calm.", "Jane Roe"},
      {"Troops entered the town.\n\xC2\xA9 Karl Brandt / Reuters\nThe town was calm.",
       "Karl Brandt"},
      {"US-led forces advanced.", "US-led"},
      {"The Kremlin-backed party won.", "Kremlin-backed"},
  };
  for (const Rejected& r : kRejected) {
    INFO(r.text << " -> " << r.surface);
    DocumentMentions m = ExtractMentions(MakeDocument(r.text), TestLexicons());
    CHECK(Find(m, r.surface) == nullptr);
  }
}

TEST_CASE("Names side by side in one noun phrase are one name", "[entities][syntax]") {
  struct Row {
    const char* text;
    const char* whole;  // the one mention expected
    EntityKind kind;
    const char* part;  // a part that must not be a mention of its own ("" : none checked)
  };
  const Row kJoined[] = {
      {"West Germany signed the treaty in 1952.", "West Germany", EntityKind::kCountry, "West"},
      {"Passengers waited after Kenya Airways cancelled the flight.", "Kenya Airways",
       EntityKind::kOrganization, "Kenya"},
      {"The strike grounded Singapore Airlines on Friday.", "Singapore Airlines",
       EntityKind::kOrganization, "Singapore"},
  };
  for (const Row& row : kJoined) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    const EntityMention* whole = Find(m, row.whole);
    REQUIRE(whole != nullptr);
    CHECK(whole->kind == row.kind);
    CHECK(whole->canonical == row.whole);
    CHECK(Find(m, row.part) == nullptr);
  }
  // What describes a name or affiliates it stays out of it.
  struct Kept {
    const char* text;
    const char* name;      // a mention expected
    const char* not_name;  // no mention of this
  };
  const Kept kKept[] = {
      {"The Paris-based Energy Agency cut its forecast.", "Energy Agency",
       "Paris-based Energy Agency"},
      {"Norwegian Prime Minister Erna Dahl opened the session.", "Erna Dahl",
       "Norwegian Prime Minister Erna Dahl"},
  };
  for (const Kept& row : kKept) {
    INFO(row.text);
    DocumentMentions m = ExtractMentions(MakeDocument(row.text), TestLexicons());
    CHECK(Find(m, row.name) != nullptr);
    CHECK(Find(m, row.not_name) == nullptr);
  }
}

TEST_CASE("An organisation written short is the same organisation", "[entities]") {
  DocumentMentions m = ExtractMentions(
      MakeDocument("Tessaro Foods Group bought a dairy. Tessaro Foods said the price was fair. "
                   "Analysts said Tessaro overpaid."),
      TestLexicons());
  for (const char* surface : {"Tessaro Foods", "Tessaro"}) {
    INFO(surface);
    const EntityMention* short_name = Find(m, surface);
    REQUIRE(short_name != nullptr);
    CHECK(short_name->canonical == "Tessaro Foods Group");
    CHECK(short_name->kind == EntityKind::kOrganization);
  }
  // A person is never swallowed by an organisation named after them.
  DocumentMentions named = ExtractMentions(
      MakeDocument("President Lena Ortiz spoke. The Ortiz administration said Ortiz would sign."),
      TestLexicons());
  const EntityMention* ortiz = nullptr;
  for (const EntityMention& e : named.entities) {
    if (e.surface == "Ortiz") ortiz = &e;
  }
  REQUIRE(ortiz != nullptr);
  CHECK(ortiz->canonical == "Lena Ortiz");
}

TEST_CASE("A user lexicon adds and overrides entries, and is validated", "[entities][lexicon]") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "eventgraph_user_lexicon";
  std::filesystem::create_directories(dir);
  const std::string good = (dir / "good.tsv").string();
  std::ofstream(good) << "# table<TAB>the columns of that table\n"
                         "entity\tKestrel Dynamics\torganization\tKestrel Dynamics\tSWE\tSWEBUS\n"
                         "alias\tBlighty\tGBR\n"
                         "title\tharbour master\tperson\tGOV\n"
                         "entity\tKremlin\torganization\tKremlin\tRUS\tRUSGOV\n";
  Result<Lexicons> lexicons = LoadLexicons(EVENTGRAPH_TEST_DATA_DIR, {good});
  REQUIRE(lexicons.ok());
  REQUIRE(LoadSyntax(&*lexicons).ok());
  DocumentMentions m = ExtractMentions(
      MakeDocument("Kestrel Dynamics hired Harbour Master Tove Lind. Blighty objected. The "
                   "Kremlin said no."),
      *lexicons);
  const EntityMention* kestrel = Find(m, "Kestrel Dynamics");
  REQUIRE(kestrel != nullptr);
  CHECK((kestrel->code == "SWEBUS" && kestrel->country == "SWE"));
  const EntityMention* lind = Find(m, "Tove Lind");
  REQUIRE(lind != nullptr);
  CHECK(lind->role == "harbour master");
  const EntityMention* blighty = Find(m, "Blighty");
  REQUIRE(blighty != nullptr);
  CHECK(blighty->canonical == "United Kingdom");
  // The override made the Kremlin a plain organisation: it no longer stands for Russia.
  const EntityMention* kremlin = Find(m, "Kremlin");
  REQUIRE(kremlin != nullptr);
  CHECK(kremlin->canonical == "Kremlin");

  struct Bad {
    const char* line;
    const char* reason;
  };
  const Bad kBad[] = {
      {"entity\tAcme\tcompany\tAcme", "unknown entity kind"},
      {"entity\tAcme\torganization\tAcme\tXXX", "unknown country code"},
      {"entity\tAcme\torganization\tAcme\tSWE\tswebus", "actor code"},
      {"entity\tAcme\tlocation\tAcme\tSWE\t\tSE-ZZ", "unknown ISO 3166-2"},
      {"entity\tAcme\tseat\tAcme", "a seat needs"},
      {"alias\tBlighty\tXXX", "unknown country code"},
      {"title\tharbour master\tperson\tgovernment", "role code"},
      {"planet\tMars\tred", "unknown table"},
  };
  for (const Bad& bad : kBad) {
    INFO(bad.line);
    const std::string path = (dir / "bad.tsv").string();
    std::ofstream(path) << "# a comment\n" << bad.line << "\n";
    Result<Lexicons> broken = LoadLexicons(EVENTGRAPH_TEST_DATA_DIR, {path});
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.status().file() == path);
    CHECK(broken.status().line() == 2);
    CHECK(broken.status().message().find(bad.reason) != std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("Subdivisions are generated from iso-codes and all load", "[entities][lexicon]") {
  const Lexicons& lex = TestLexicons();
  CHECK(lex.subdivisions.size() > 4000);
  REQUIRE(lex.subdivisions.count("SY-ID") == 1);
  CHECK(lex.subdivisions.at("SY-ID").country == "SYR");
  // Folded to ASCII as well: "Ḩalab" is found as "halab".
  REQUIRE(lex.subdivisions_by_name.count("halab") == 1);
  CHECK(lex.subdivisions_by_name.at("halab").front() == "SY-HL");
  std::ifstream file(std::string(EVENTGRAPH_TEST_DATA_DIR) + "/gazetteer/subdivisions.tsv");
  std::string first_line;
  std::getline(file, first_line);
  CHECK(first_line.find("generated by scripts/generate-subdivisions") != std::string::npos);
}
