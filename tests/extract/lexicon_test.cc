#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../test_support.h"

using namespace eventgraph;
namespace fs = std::filesystem;

using eventgraph::testing::CopyData;

TEST_CASE("The bundled data loads", "[lexicon]") {
  Result<Lexicons> lexicons = LoadLexicons(EVENTGRAPH_TEST_DATA_DIR);
  REQUIRE(lexicons.ok());
  CHECK(lexicons->FindEventType("chemical_attack") != nullptr);
  CHECK(lexicons->FindEventType("chemical_attack")->cameo == "2041");
  CHECK(lexicons->country_names.at("RUS") == "Russia");
  CHECK(lexicons->country_names.at("SYR") == "Syria");
  // Verb triggers are expanded into their inflections.
  for (const char* form :
       {"meet", "meets", "met", "meeting", "attacked", "accusing", "criticized"}) {
    INFO(form);
    CHECK(lexicons->triggers.by_first_token.Contains(form));
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

TEST_CASE("Modality, reporting verbs and pronouns are validated", "[lexicon]") {
  struct Row {
    const char* file;
    const char* line;
    const char* expected;  // part of the message
  };
  const Row kRows[] = {
      {"modality.tsv", "perhaps\thedge\n", "expected negation, hypothetical, future or alleged"},
      {"reporting_verbs.tsv", "whisper\tgossip\n", "expected \"report\" or \"claim\""},
      {"pronouns.tsv", "they\tplural\n", "expected subject, possessive, object"},
      {"pronouns.tsv", "it\n", "tab-separated fields, got 1"},
  };
  for (const Row& row : kRows) {
    INFO(row.file << ": " << row.line);
    fs::path data = CopyData("eventgraph_bad_modality");
    {
      std::ofstream out(data / "lexicon" / row.file, std::ios::app);
      out << row.line;
    }
    Result<Lexicons> lexicons = LoadLexicons(data.string());
    REQUIRE_FALSE(lexicons.ok());
    CHECK(lexicons.status().file() == (data / "lexicon" / row.file).string());
    CHECK(lexicons.status().line() > 0);
    CHECK(lexicons.status().message().find(row.expected) != std::string::npos);
    fs::remove_all(data);
  }
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

TEST_CASE("The merge's weights are read by name, each once, each an integer", "[lexicon][merge]") {
  Result<Lexicons> bundled = LoadLexicons(EVENTGRAPH_TEST_DATA_DIR);
  REQUIRE(bundled.ok());
  CHECK(bundled->merge.dated_overlap == 100);
  CHECK(bundled->merge.place_evidence_days == 8);

  struct Row {
    const char* line;      // appended to data/merge/weights.tsv
    const char* expected;  // part of the message
  };
  const Row kRows[] = {
      {"per_shared\t10\tagain\n", "given twice"},
      {"per_sharing\t3\n", "unknown merge weight"},
      {"threshold_x\tten\n", "unknown merge weight"},
  };
  for (const Row& row : kRows) {
    INFO(row.line);
    fs::path data = CopyData("eventgraph_bad_weights");
    {
      std::ofstream out(data / "merge" / "weights.tsv", std::ios::app);
      out << row.line;
    }
    Result<Lexicons> lexicons = LoadLexicons(data.string());
    REQUIRE_FALSE(lexicons.ok());
    CHECK(lexicons.status().file() == (data / "merge" / "weights.tsv").string());
    CHECK(lexicons.status().line() > 0);
    CHECK(lexicons.status().message().find(row.expected) != std::string::npos);
    fs::remove_all(data);
  }

  // A value that is not an integer, and a weight left out.
  fs::path data = CopyData("eventgraph_bad_weights");
  const fs::path weights = data / "merge" / "weights.tsv";
  std::string text;
  {
    std::ifstream in(weights);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto rewrite = [&](const std::string& from, const std::string& to) {
    std::string changed = text;
    changed.replace(changed.find(from), from.size(), to);
    std::ofstream(weights) << changed;
  };
  rewrite("threshold\t0", "threshold\tzero");
  Result<Lexicons> not_integer = LoadLexicons(data.string());
  REQUIRE_FALSE(not_integer.ok());
  CHECK(not_integer.status().message().find("expected an integer") != std::string::npos);
  CHECK(not_integer.status().line() > 0);
  rewrite("threshold\t0", "# threshold\t0");
  Result<Lexicons> missing = LoadLexicons(data.string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("\"threshold\" missing") != std::string::npos);
  CHECK(missing.status().file() == weights.string());
  fs::remove_all(data);
}
