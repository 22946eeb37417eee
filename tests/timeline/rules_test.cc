// The temporal rules and word classes are data; a mistake in them must stop
// start-up with the file and line, not tag wrongly later.
#include <catch2/catch.hpp>

#include <fstream>

#include "../test_support.h"

using namespace eventgraph;
using eventgraph::testing::CopyData;

namespace {

// Appends `line` to data/temporal/`file` in a private copy and loads it.
Status LoadWith(const std::string& file, const std::string& line) {
  std::filesystem::path data = CopyData("eventgraph_bad_temporal");
  std::ofstream(data / "temporal" / file, std::ios::app) << "\n" << line << "\n";
  Result<TemporalLexicon> loaded = LoadTemporalLexicon(data.string());
  std::filesystem::remove_all(data);
  return loaded.ok() ? Status() : loaded.status();
}

}  // namespace

TEST_CASE("The bundled temporal rules load", "[rules]") {
  Result<TemporalLexicon> loaded = LoadTemporalLexicon(EVENTGRAPH_TEST_DATA_DIR);
  REQUIRE(loaded.ok());
  CHECK(loaded->rules.size() > 50);
  CHECK(loaded->classes.at("month").at("april") == "4");
}

TEST_CASE("Bad temporal data fails with file, line and reason", "[rules]") {
  struct Bad {
    const char* file;
    const char* line;
    const char* reason;  // a fragment of the message
  };
  const Bad kBad[] = {
      {"words.tsv", "month\tsmarch\t13", "from 1 to 12"},
      {"words.tsv", "unit\tfortnight\tfortnight", "class unit takes one of"},
      {"words.tsv", "year\tannum\t1", "built in"},
      {"words.tsv", "month\tapril\t4", "listed twice"},
      {"rules.tsv", "r1\tDATE\t@planet\tyear($planet)", "unknown word class @planet"},
      {"rules.tsv", "r2\tDATE\t@year\tyeer($year)", "unknown value function yeer()"},
      {"rules.tsv", "r3\tDATE\t@year\tyear($year, $year)", "takes 1 to 1 arguments"},
      {"rules.tsv", "r4\tDATE\t@year\tyear($month)", "$month is not captured"},
      {"rules.tsv", "r5\tDATE\t[ in @year\tyear($year)", "[ without ]"},
      {"rules.tsv", "r6\tDATE\t@year @year\tyear($year)", "appears twice"},
      {"rules.tsv", "r7\tMOMENT\t@year\tyear($year)", "type is DATE"},
      {"rules.tsv", "r8\tDATE\t@year", "needs a value"},
      {"rules.tsv", "today\tDATE\ttoday\tshift(day, 0)", "defined twice"},
      {"rules.tsv", "r9\tDATE\t[ the? ] @year\tyear($year)", "at least one element"},
      {"rules.tsv", "r10\tDATE\ta b c d e f g h i j k l m n o p @year\tyear($year)",
       "at most 16 elements"},
      {"settings.tsv", "numeric_date_order\tymd", "mdy, dmy or none"},
      {"settings.tsv", "colour\tblue", "unknown setting"},
  };
  for (const Bad& bad : kBad) {
    INFO(bad.file << ": " << bad.line);
    Status status = LoadWith(bad.file, bad.line);
    REQUIRE_FALSE(status.ok());
    CHECK(status.code() == StatusCode::kDataError);
    CHECK(status.file().find(bad.file) != std::string::npos);
    CHECK(status.line() > 0);
    CHECK(status.message().find(bad.reason) != std::string::npos);
  }
}

TEST_CASE("A rule added in data is used without a code change", "[rules]") {
  std::filesystem::path data = CopyData("eventgraph_new_rule");
  std::ofstream(data / "temporal" / "words.tsv", std::ios::app) << "\nunits\tfortnights\tweek\n";
  std::ofstream(data / "temporal" / "rules.tsv", std::ios::app)
      << "\nfortnight\tDURATION\ta fortnight\tP2W\n";
  Result<TemporalLexicon> rules = LoadTemporalLexicon(data.string());
  std::filesystem::remove_all(data);
  REQUIRE(rules.ok());
  const std::string text = "It lasted a fortnight, then went on for fortnights.";
  std::vector<Timex> found =
      TagTimexes(text, Segment(text, eventgraph::testing::TestLexicons()), *rules, "2017-04-12");
  REQUIRE(found.size() == 2);
  CHECK(
      (found[0].text == "a fortnight" && found[0].value == "P2W" && found[0].rule == "fortnight"));
  CHECK((found[1].text == "fortnights" && found[1].value == "PXW"));
}
