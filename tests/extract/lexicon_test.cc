#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../test_support.h"

using namespace eventgraph;
namespace fs = std::filesystem;

namespace {

// A private copy of data/ that a test may damage.
fs::path CopyData(const std::string& name) {
  fs::path copy = fs::temp_directory_path() / name;
  fs::remove_all(copy);
  fs::copy(EVENTGRAPH_TEST_DATA_DIR, copy, fs::copy_options::recursive);
  return copy;
}

}  // namespace

TEST_CASE("The bundled data loads", "[lexicon]") {
  Result<Lexicons> lexicons = LoadLexicons(EVENTGRAPH_TEST_DATA_DIR);
  REQUIRE(lexicons.ok());
  CHECK(lexicons->FindEventType("chemical_attack") != nullptr);
  CHECK(lexicons->FindEventType("chemical_attack")->cameo == "2041");
  CHECK(lexicons->country_names.at("RUS") == "Russia");
  CHECK(lexicons->country_names.at("SYR") == "Syria");
  // Verb triggers are expanded into their inflections.
  for (const char* form : {"meet", "meets", "met", "meeting", "attacked", "accusing", "criticized"}) {
    INFO(form);
    CHECK(lexicons->triggers.by_first_token.count(form) == 1);
  }
}

TEST_CASE("A malformed data file fails the load with file:line", "[lexicon]") {
  fs::path data = CopyData("eventgraph_bad_triggers");
  {
    std::ofstream out(data / "lexicon" / "triggers.tsv", std::ios::app);
    out << "explode\tverb\tno_such_type\n";
  }
  Result<Lexicons> lexicons = LoadLexicons(data.string());
  REQUIRE_FALSE(lexicons.ok());
  CHECK(lexicons.status().code() == StatusCode::kDataError);
  CHECK(lexicons.status().file() == (data / "lexicon" / "triggers.tsv").string());
  CHECK(lexicons.status().line() > 0);
  CHECK(lexicons.status().message().find("no_such_type") != std::string::npos);
  fs::remove_all(data);
}

TEST_CASE("A missing data file is named", "[lexicon]") {
  fs::path data = CopyData("eventgraph_missing_file");
  fs::remove(data / "gazetteer" / "demonyms.tsv");
  Result<Lexicons> lexicons = LoadLexicons(data.string());
  REQUIRE_FALSE(lexicons.ok());
  CHECK(lexicons.status().code() == StatusCode::kNotFound);
  CHECK(lexicons.status().file().find("demonyms.tsv") != std::string::npos);
  fs::remove_all(data);

  Result<Lexicons> nowhere = LoadLexicons("/nonexistent/eventgraph-data");
  CHECK_FALSE(nowhere.ok());
}

TEST_CASE("A bad temporal file fails with file:line", "[lexicon]") {
  fs::path data = CopyData("eventgraph_bad_months");
  std::ofstream(data / "temporal" / "months.tsv", std::ios::app) << "smarch\t13\n";
  Result<TemporalLexicon> words = LoadTemporalLexicon(data.string());
  REQUIRE_FALSE(words.ok());
  CHECK(words.status().file().find("months.tsv") != std::string::npos);
  CHECK(words.status().line() > 0);
  fs::remove_all(data);
}
