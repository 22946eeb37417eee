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
#include <fstream>
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

// All the documents of one file. A line or file over `max_doc_bytes` is skipped while it streams
// past, never held. A file that is binary (LooksBinary) is skipped whole; at most
// kMaxIssuesPerFile issues are listed for one file, then one that counts the rest. A large JSONL
// file is better read with JsonlReader (below), a few lines at a time.
ReadOutcome ReadInputFile(const InputFile& file, const ReadOptions& options = {});
ReadOutcome ReadJsonlStream(std::istream& in, const std::string& name,
                            const ReadOptions& options = {});
constexpr std::size_t kMaxIssuesPerFile = 20;

// Collects one file's issues into a list, listing at most kMaxIssuesPerFile of them; Close adds
// one that stands for the rest.
class FileIssues {
 public:
  explicit FileIssues(std::vector<ReadIssue>* issues) : issues_(issues) {}
  FileIssues(const FileIssues&) = delete;
  FileIssues& operator=(const FileIssues&) = delete;
  void Add(ReadIssue issue);
  void Close();

 private:
  std::vector<ReadIssue>* issues_;
  std::size_t listed_ = 0, unlisted_ = 0, unlisted_skipped_ = 0;
  std::string file_;
};

// JSONL read a few lines at a time, so that the lines read can be parsed and extracted
// (ParseJsonlLines) on other threads while reading goes on: memory holds the lines read ahead,
// not the file.
//
//   JsonlReader reader(in, "corpus.jsonl", options);
//   for (bool more = true; more;) {
//     JsonlLines lines;
//     more = reader.Next(&lines);
//     ReadOutcome read = ParseJsonlLines(lines);   // documents and issues, in line order
//   }
struct JsonlLines {
  struct Line {
    long number = 0;         // 1-based
    std::string text;        // empty when too long
    std::size_t length = 0;  // bytes; over max_doc_bytes: skipped with an issue
  };
  std::string name;  // the file, "-" for standard input
  std::size_t max_doc_bytes = kDefaultMaxDocBytes;
  std::vector<Line> lines;
  std::vector<ReadIssue> issues;  // after the lines (a read error)
};

class JsonlReader {
 public:
  static constexpr std::size_t kLines = 64, kBytes = std::size_t{1} << 20;  // per Next
  // `in` must outlive the reader.
  JsonlReader(std::istream& in, std::string name, const ReadOptions& options);
  // The next lines (up to kLines, or about kBytes) into *lines; false once the input is done
  // (*lines may still hold the last lines).
  bool Next(JsonlLines* lines);

 private:
  bool ReadLine(std::string* line, std::size_t* length);
  std::istream& in_;
  std::string name_;
  ReadOptions options_;
  std::string buffer_;
  std::size_t begin_ = 0, end_ = 0;  // the unread bytes of buffer_
  long number_ = 0;
  bool done_ = false;
};

// The documents of lines read by JsonlReader; issues uncapped, in line order.
ReadOutcome ParseJsonlLines(const JsonlLines& lines);

// Opens a .jsonl file for JsonlReader; false, with the issue (cannot open; binary), when its
// lines cannot be read.
bool OpenJsonlFile(const std::string& path, std::ifstream* in, std::vector<ReadIssue>* issues);

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
