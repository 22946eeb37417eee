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
// A .txt file is one document (UTF-8, or UTF-16 with a byte-order mark;
// HTML is reduced to its text): an optional header `date YYYY-MM-DD` at the
// very start (leading blanks allowed; the text may go on on the same line),
// then the text. A .jsonl file holds one document per line:
// {"id", "date", "title", "text", "url", "source"}, only "text" required.
// "-" reads JSONL from standard input. A document that cannot be read is an
// issue of its file; the other documents are still returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "eventgraph/normalize.h"
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
  std::string text;  // valid UTF-8, NFC (NormalizeText); offsets in mentions count its code points
  TextRepairs repairs;  // what NormalizeText repaired in the input
  // For each code point of `text` (and one past its end), the code point of the
  // input text it comes from: published offsets count in the input. Empty when
  // `text` is the input unchanged.
  std::vector<uint32_t> origin;

  uint32_t InputOffset(uint32_t code_point) const {
    return origin.empty() || code_point >= origin.size() ? code_point : origin[code_point];
  }
};

struct ReadIssue {
  std::string file;
  long line = 0;  // 0 when the issue concerns the whole file
  std::string message;
  bool skipped = false;   // true: the document was dropped; false: a warning only
  std::size_t count = 1;  // the documents a skip stands for ("and 40 more ..." stands for 40)
};

struct InputFile {
  std::string path;  // "-" for standard input
  enum class Format { kText, kJsonl } format = Format::kText;
};

// Expands directories (recursively, .txt, .html/.htm and .jsonl files, sorted by path so
// the order never depends on the file system). Fails on a path that does not
// exist or a file with another extension. A directory that cannot be listed
// (no permission) is an issue in `issues` (skipped = true) when given, an
// error otherwise.
Status ListInputs(const std::vector<std::string>& inputs, std::vector<InputFile>* files,
                  std::vector<ReadIssue>* issues = nullptr);

// A document longer than this is skipped whole, with a message: truncating it
// would silently lose events. News articles are rarely over 100 KB.
constexpr std::size_t kDefaultMaxDocBytes = 4 * 1024 * 1024;

struct ReadOptions {
  std::size_t max_doc_bytes = kDefaultMaxDocBytes;  // per .txt file or JSONL line
};

struct ReadOutcome {
  std::vector<Document> documents;
  std::vector<ReadIssue> issues;
};

// Reading never holds more than one document (at most `max_doc_bytes`) of a
// file in memory: a 200 MB line is skipped while it streams past. A file that
// is binary (LooksBinary) is skipped whole; at most kMaxIssuesPerFile issues
// are listed for one file, then one that counts the rest.
ReadOutcome ReadInputFile(const InputFile& file, const ReadOptions& options = {});
ReadOutcome ReadJsonlStream(std::istream& in, const std::string& name,
                            const ReadOptions& options = {});
constexpr std::size_t kMaxIssuesPerFile = 20;

// One .txt document from its content (the file's bytes); `path` names it.
ReadOutcome ReadTextContent(std::string content, const std::string& path,
                            const ReadOptions& options = {});

// Parses the .txt header; exposed for tests. Returns the text after the header
// and sets `date` (empty when absent or invalid; `issue` says why if invalid:
// an impossible day, or a date not written YYYY-MM-DD such as "17/4/2017").
std::string StripDateHeader(const std::string& content, std::string* date, std::string* issue);

// True when `text` is a valid proleptic Gregorian date written YYYY-MM-DD.
bool IsValidIsoDate(const std::string& text);

}  // namespace eventgraph
