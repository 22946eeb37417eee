// Documents and the readers that turn input files into them.
//
//   std::vector<InputFile> files;
//   Status listed = ListInputs({"corpus/", "extra.jsonl"}, &files);
//   for (const InputFile& file : files) {
//     ReadOutcome read = ReadInputFile(file);
//     for (Document& doc : read.documents) Process(doc);
//     for (const ReadIssue& issue : read.issues) Report(issue);
//   }
//
// A .txt file is one document: an optional header `date YYYY-MM-DD` at the
// very start (leading blanks allowed; the text may go on on the same line),
// then the text. A .jsonl file holds one document per line:
// {"id", "date", "title", "text", "url", "source"}, only "text" required.
// "-" reads JSONL from standard input. A document that cannot be read is an
// issue of its file; the other documents are still returned.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "eventgraph/status.h"

namespace eventgraph {

struct Document {
  std::string id;     // unique within a run: file stem, or JSONL "id", or "<stem>#<line>"
  std::string path;   // the file it came from ("-" for stdin)
  long line = 0;      // 1-based line in a JSONL file; 0 for .txt
  std::string date;   // "YYYY-MM-DD" when the input gave a valid date, else empty
  std::string title;  // JSONL "title", or the first non-empty line of a .txt
  std::string url;
  std::string source;
  std::string text;  // valid UTF-8; offsets in mentions count code points of this
};

struct ReadIssue {
  std::string file;
  long line = 0;  // 0 when the issue concerns the whole file
  std::string message;
  bool skipped = false;  // true: the document was dropped; false: a warning only
};

struct InputFile {
  std::string path;  // "-" for standard input
  enum class Format { kText, kJsonl } format = Format::kText;
};

// Expands directories (recursively, .txt and .jsonl files, sorted by path so
// the order never depends on the file system). Fails on a path that does not
// exist or a file with another extension.
Status ListInputs(const std::vector<std::string>& inputs, std::vector<InputFile>* files);

struct ReadOutcome {
  std::vector<Document> documents;
  std::vector<ReadIssue> issues;
};

ReadOutcome ReadInputFile(const InputFile& file);
ReadOutcome ReadJsonlStream(std::istream& in, const std::string& name);

// Parses the .txt header; exposed for tests. Returns the text after the header
// and sets `date` (empty when absent or invalid; `issue` says why if invalid).
std::string StripDateHeader(const std::string& content, std::string* date, std::string* issue);

// True when `text` is a valid proleptic Gregorian date written YYYY-MM-DD.
bool IsValidIsoDate(const std::string& text);

}  // namespace eventgraph
