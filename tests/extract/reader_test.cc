#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eventgraph/document.h"

using namespace eventgraph;
namespace fs = std::filesystem;

TEST_CASE("The .txt date header is optional and may share its line with text", "[reader]") {
  std::string date, issue;
  CHECK(StripDateHeader(" date 2017-04-12 Text on the same line.", &date, &issue) ==
        "Text on the same line.");
  CHECK(date == "2017-04-12");
  CHECK(issue.empty());

  CHECK(StripDateHeader("date 2017-04-13\n\nBody", &date, &issue) == "\n\nBody");
  CHECK(date == "2017-04-13");

  CHECK(StripDateHeader("No header here.", &date, &issue) == "No header here.");
  CHECK(date.empty());

  // "date" as an ordinary first word is text, not a header.
  CHECK(StripDateHeader("date night plans", &date, &issue) == "date night plans");
  CHECK(date.empty());
}

TEST_CASE("An impossible header date keeps the document, undated, with a warning", "[reader]") {
  std::string date, issue;
  CHECK(StripDateHeader("date 2017-02-30 Text", &date, &issue) == "Text");
  CHECK(date.empty());
  CHECK(issue.find("2017-02-30") != std::string::npos);
  CHECK(IsValidIsoDate("2016-02-29"));
  CHECK_FALSE(IsValidIsoDate("2017-02-29"));
  CHECK_FALSE(IsValidIsoDate("17/4/2017"));
}

TEST_CASE("JSONL: bad lines are reported with their line number, the rest is read", "[reader]") {
  std::istringstream in(
      "{\"id\": \"a\", \"date\": \"2017-04-12\", \"title\": \"T\", \"text\": \"Alpha.\"}\n"
      "not json\n"
      "\n"
      "{\"title\": \"no text\"}\n"
      "{\"text\": \"Undated.\", \"date\": \"2017-13-01\"}\n"
      "[1, 2]\n");
  ReadOutcome read = ReadJsonlStream(in, "corpus.jsonl");
  REQUIRE(read.documents.size() == 2);
  CHECK(read.documents[0].id == "a");
  CHECK(read.documents[0].date == "2017-04-12");
  CHECK(read.documents[0].title == "T");
  CHECK(read.documents[1].id == "corpus#5");  // no id: file stem and line
  CHECK(read.documents[1].date.empty());
  CHECK(read.documents[1].line == 5);

  REQUIRE(read.issues.size() == 4);
  CHECK(read.issues[0].line == 2);
  CHECK(read.issues[0].skipped);
  CHECK(read.issues[1].line == 4);
  CHECK(read.issues[1].message.find("text") != std::string::npos);
  CHECK(read.issues[2].line == 5);
  CHECK_FALSE(read.issues[2].skipped);  // bad date: a warning, the document stays
  CHECK(read.issues[3].line == 6);
}

TEST_CASE("Directories are searched recursively, in a stable order", "[reader]") {
  fs::path root = fs::temp_directory_path() / "eventgraph_reader_test";
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  std::ofstream(root / "b.txt") << "B";
  std::ofstream(root / "sub" / "a.jsonl") << "{\"text\": \"A\"}\n";
  std::ofstream(root / "ignored.pdf") << "%PDF";

  std::vector<InputFile> files;
  REQUIRE(ListInputs({root.string()}, &files).ok());
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == (root / "b.txt").string());
  CHECK(files[1].format == InputFile::Format::kJsonl);

  std::vector<InputFile> none;
  Status missing = ListInputs({(root / "nope.txt").string()}, &none);
  CHECK(missing.code() == StatusCode::kNotFound);
  Status wrong = ListInputs({(root / "ignored.pdf").string()}, &none);
  CHECK(wrong.code() == StatusCode::kInvalidArgument);

  ReadOutcome read = ReadInputFile(files[0]);
  REQUIRE(read.documents.size() == 1);
  CHECK(read.documents[0].id == "b");
  CHECK(read.documents[0].text == "B");
  fs::remove_all(root);
}

TEST_CASE("Invalid UTF-8 in a .txt file is repaired and counted", "[reader]") {
  fs::path path = fs::temp_directory_path() / "eventgraph_bad_utf8.txt";
  std::ofstream(path, std::ios::binary) << "date 2017-04-12 Caf\xE9 text";
  ReadOutcome read = ReadInputFile({path.string(), InputFile::Format::kText});
  REQUIRE(read.documents.size() == 1);
  CHECK(read.documents[0].text == "Caf\xEF\xBF\xBD text");
  REQUIRE(read.issues.size() == 1);
  CHECK(read.issues[0].message.find("1 invalid UTF-8") != std::string::npos);
  fs::remove(path);
}
