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

TEST_CASE("JSONL strings are read whole wherever an escape falls", "[reader]") {
  // The reader copies the plain runs of a string sixteen bytes at a time and leaves escapes,
  // quotes and control characters to RapidJSON: each is tried at every place around those blocks
  // (between an "x" and a "y", as ids are trimmed).
  struct Special {
    std::string written, read;
  };
  const Special specials[] = {{"\\\"", "\""},
                              {"\\\\", "\\"},
                              {"\\n", "\n"},
                              {"\\/", "/"},
                              {"\\u00e9", "\xC3\xA9"},
                              {"\xC3\xA9", "\xC3\xA9"},
                              {"\\ud83d\\ude00", "\xF0\x9F\x98\x80"}};
  auto line_with_id = [](std::size_t at, const std::string& middle) {
    std::string line = "{\"id\": \"x";
    line.append(at, 'a').append(middle).append(40 - at, 'z');
    line.append("y\", \"text\": \"Text.\"}\n");
    return line;
  };
  for (const Special& special : specials) {
    for (std::size_t at = 0; at <= 40; ++at) {
      INFO(special.written << " at " << at);
      std::string id = "x";
      id.append(at, 'a').append(special.read).append(40 - at, 'z').append("y");
      std::istringstream in(line_with_id(at, special.written));
      ReadOutcome read = ReadJsonlStream(in, "escapes.jsonl");
      REQUIRE(read.documents.size() == 1);
      CHECK(read.documents[0].id == id);
      CHECK(read.issues.empty());
    }
  }
  for (std::size_t at = 0; at <= 40; ++at) {  // a raw control character is not JSON, anywhere
    INFO(at);
    std::istringstream in(line_with_id(at, "\x01"));
    ReadOutcome read = ReadJsonlStream(in, "control.jsonl");
    CHECK(read.documents.empty());
    REQUIRE(read.issues.size() == 1);
    CHECK(read.issues[0].message.find("invalid JSON") != std::string::npos);
  }
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

TEST_CASE("A header date in another format is a warning, the document stays, undated", "[reader]") {
  std::string date, issue;
  CHECK(StripDateHeader("date 17/4/2017\nText", &date, &issue) == "\nText");
  CHECK(date.empty());
  CHECK(issue.find("unsupported date in header: 17/4/2017") != std::string::npos);
  issue.clear();
  CHECK(StripDateHeader("date 2017-02-30 Text", &date, &issue) == "Text");
  CHECK(issue.find("impossible date") != std::string::npos);
}

TEST_CASE("Documents over --max-doc-bytes are skipped whole, with a message", "[reader]") {
  ReadOptions options;
  options.max_doc_bytes = 64;
  std::istringstream in("{\"text\": \"short\"}\n{\"text\": \"" + std::string(500, 'x') +
                        "\"}\n{\"text\": \"after\"}");
  ReadOutcome read = ReadJsonlStream(in, "big.jsonl", options);
  REQUIRE(read.documents.size() == 2);
  CHECK(read.documents[1].text == "after");
  REQUIRE(read.issues.size() == 1);
  CHECK(read.issues[0].line == 2);
  CHECK(read.issues[0].skipped);
  CHECK(read.issues[0].message.find("over --max-doc-bytes 64") != std::string::npos);

  fs::path path = fs::temp_directory_path() / "eventgraph_big.txt";
  std::ofstream(path) << std::string(100, 'y');
  ReadOutcome text = ReadInputFile({path.string(), InputFile::Format::kText}, options);
  CHECK(text.documents.empty());
  REQUIRE(text.issues.size() == 1);
  CHECK(text.issues[0].message.find("is 100 bytes") != std::string::npos);
  fs::remove(path);
}

TEST_CASE("Binary files are skipped, a file's issues are listed up to a cap", "[reader]") {
  fs::path path = fs::temp_directory_path() / "eventgraph_binary.jsonl";
  std::ofstream(path, std::ios::binary) << std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  ReadOutcome binary = ReadInputFile({path.string(), InputFile::Format::kJsonl});
  CHECK(binary.documents.empty());
  REQUIRE(binary.issues.size() == 1);
  CHECK(binary.issues[0].message.find("binary file") != std::string::npos);
  fs::remove(path);

  std::string lines;
  for (int i = 0; i < 50; ++i) lines += "{broken\n";
  lines += "{\"text\": \"fine\"}\n";
  std::istringstream in(lines);
  ReadOutcome read = ReadJsonlStream(in, "broken.jsonl");
  CHECK(read.documents.size() == 1);
  REQUIRE(read.issues.size() == kMaxIssuesPerFile + 1);
  const ReadIssue& rest = read.issues.back();
  CHECK(rest.message.find("and 30 more issue(s)") != std::string::npos);
  CHECK(rest.count == 30);
  CHECK(rest.skipped);
}

TEST_CASE("Offsets count in the input even where the text was repaired", "[reader]") {
  fs::path path = fs::temp_directory_path() / "eventgraph_glued.txt";
  std::ofstream(path, std::ios::binary)
      << "date 2017-04-12 Talks ended.\xE2\x80\x8BThen troops left";
  ReadOutcome read = ReadInputFile({path.string(), InputFile::Format::kText});
  REQUIRE(read.documents.size() == 1);
  const Document& doc = read.documents[0];
  CHECK(doc.text == "Talks ended. Then troops left");
  CHECK(doc.repairs.glued == 1);
  // The zero-width space (body code point 12) is gone and a space stands in the glue: the "T"
  // of "Then" is code point 13 in both, "." 11 in both, and the new space counts as the "T".
  CHECK(doc.InputOffset(11) == 11);
  CHECK(doc.InputOffset(12) == 13);
  CHECK(doc.InputOffset(13) == 13);
  CHECK(doc.InputOffset(static_cast<uint32_t>(doc.text.size())) == 29);
  fs::remove(path);
}

TEST_CASE("Fuzz findings stay fixed", "[reader][fuzz]") {
  // UTF-16 whose characters are made of the bytes of a UTF-8 byte-order mark (U+FFFF): the
  // header search once took them for marks and cut the offsets map short.
  ReadOutcome read =
      ReadTextContent(std::string("\xFE\xFF\xFF\xFF\xFF\xFF\xFE\xFF\x1B", 9), "f.txt");
  REQUIRE(read.documents.size() == 1);
  CHECK(read.documents[0].text == "\xEF\xBF\xBF\xEF\xBF\xBF");
  read = ReadTextContent(
      "\xEF\xBB\xBB"
      "date 2017-04-12 Body",
      "g.txt");
  REQUIRE(read.documents.size() == 1);
  CHECK(read.documents[0].date.empty());  // the header must come first
}

TEST_CASE("JSONL is read a few lines at a time, numbered across reads, as one pass reads it",
          "[reader]") {
  ReadOptions options;
  options.max_doc_bytes = 200;
  std::string corpus = "\xEF\xBB\xBF";  // a byte-order mark before the first line
  const std::size_t count = 3 * JsonlReader::kLines + 5;
  for (std::size_t i = 1; i <= count; ++i) {
    if (i == 70) {
      corpus += "{\"text\": \"" + std::string(300, 'x') + "\"}\n";  // over max_doc_bytes
    } else if (i == 130) {
      corpus += "{broken\r\n";
    } else if (i == 131) {
      corpus += "   \n";  // blank: neither a document nor an issue
    } else {
      corpus += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Line " + std::to_string(i) +
                ".\"}\r\n";
    }
  }
  std::istringstream in(corpus);
  JsonlReader reader(in, "parts.jsonl", options);
  std::vector<Document> documents;
  std::vector<ReadIssue> issues;
  std::size_t reads = 0;
  for (bool more = true; more; ++reads) {
    JsonlLines lines;
    more = reader.Next(&lines);
    CHECK(lines.lines.size() <= JsonlReader::kLines);
    ReadOutcome read = ParseJsonlLines(lines);
    for (Document& document : read.documents) documents.push_back(std::move(document));
    issues.insert(issues.end(), read.issues.begin(), read.issues.end());
  }
  CHECK(reads >= 4);
  REQUIRE(documents.size() == count - 3);
  CHECK(documents.front().id == "d1");  // the byte-order mark is gone
  CHECK(documents.back().id == "d" + std::to_string(count));
  CHECK(documents.back().line == static_cast<long>(count));
  CHECK(documents.back().text == "Line " + std::to_string(count) + ".");  // no CR left
  REQUIRE(issues.size() == 2);
  CHECK(issues[0].line == 70);
  CHECK(issues[0].message.find("over --max-doc-bytes 200") != std::string::npos);
  CHECK(issues[1].line == 130);
  CHECK(issues[1].file == "parts.jsonl");

  std::istringstream again(corpus);
  ReadOutcome whole = ReadJsonlStream(again, "parts.jsonl", options);
  REQUIRE(whole.documents.size() == documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    CHECK(whole.documents[i].id == documents[i].id);
    CHECK(whole.documents[i].line == documents[i].line);
  }
  CHECK(whole.issues.size() == issues.size());
}
