// Input files -> Documents. The contract is in eventgraph/document.h: one
// unreadable document never stops the others, and every problem is reported
// as a ReadIssue naming the file (and the line, for JSONL).
#include <date/date.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "eventgraph/document.h"
#include "eventgraph/json_reader.h"
#include "eventgraph/normalize.h"
#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

namespace fs = std::filesystem;

bool HasExtension(const fs::path& path, const char* extension) {
  return AsciiLower(path.extension().string()) == extension;
}

// Saved web pages are text documents too: their HTML is stripped like any other.
bool IsTextFile(const fs::path& path) {
  return HasExtension(path, ".txt") || HasExtension(path, ".html") || HasExtension(path, ".htm");
}

std::string FirstLine(const std::string& text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line = Trim(std::string_view(text).substr(pos, end - pos));
    if (!line.empty()) return std::string(line.substr(0, 200));
    pos = end + 1;
  }
  return {};
}

std::string ReadWholeFile(const std::string& path, std::string* error) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot open file") +
             (errno != 0 ? ": " + std::string(std::strerror(errno)) : "");
    return {};
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) *error = "read error";
  return content.str();
}

std::string RepairNote(const TextRepairs& repairs) {
  std::string note;
  if (repairs.invalid_utf8 > 0)
    note = std::to_string(repairs.invalid_utf8) + " invalid UTF-8 sequence(s) replaced";
  return note;
}

// Returns the string member `name`, "" when absent or null, and sets *wrong
// when the member exists but is not a string.
std::string StringMember(const rapidjson::Value& object, const char* name, bool* wrong) {
  auto member = object.FindMember(name);
  if (member == object.MemberEnd() || member->value.IsNull()) return {};
  if (member->value.IsString()) {
    return std::string(member->value.GetString(), member->value.GetStringLength());
  }
  if (member->value.IsNumber() && std::string(name) == "id") {
    return member->value.IsInt64() ? std::to_string(member->value.GetInt64())
                                   : std::to_string(member->value.GetDouble());
  }
  *wrong = true;
  return {};
}

}  // namespace

bool IsValidIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  int year = std::stoi(text.substr(0, 4));
  unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
  unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  return date::year_month_day{date::year{year}, date::month{month}, date::day{day}}.ok();
}

std::string StripDateHeader(const std::string& content, std::string* date, std::string* issue) {
  date->clear();
  std::size_t pos = StartsWith(content, "\xEF\xBB\xBF") ? 3 : 0;  // a byte-order mark
  pos = content.find_first_not_of(" \t\r\n", pos);
  if (pos == std::string::npos) return {};  // only blanks
  if (content.compare(pos, 5, "date ") != 0) return content;
  std::size_t value = content.find_first_not_of(" \t", pos + 5);
  if (value == std::string::npos) return content;
  std::size_t value_end = content.find_first_of(" \t\r\n", value);
  if (value_end == std::string::npos) value_end = content.size();
  std::string candidate = content.substr(value, value_end - value);
  // Digits and separators only ("2017-02-30", "17/4/2017"): meant as a date.
  const bool looks_like_date = candidate.size() >= 6 && candidate.size() <= 12 &&
                               std::isdigit(static_cast<unsigned char>(candidate[0])) &&
                               candidate.find_first_not_of("0123456789-/.") == std::string::npos &&
                               candidate.find_first_of("-/.") != std::string::npos;
  if (!looks_like_date) return content;  // "date" was simply the first word
  if (IsValidIsoDate(candidate)) {
    *date = candidate;
  } else if (candidate.size() == 10 && candidate[4] == '-' && candidate[7] == '-') {
    *issue = "impossible date in header: " + candidate + "; document kept undated";
  } else {
    *issue =
        "unsupported date in header: " + candidate + " (write YYYY-MM-DD); document kept undated";
  }
  std::size_t text_start = content.find_first_not_of(" \t", value_end);
  return text_start == std::string::npos ? std::string() : content.substr(text_start);
}

namespace {

// Lists `directory` recursively into `found`; a directory that cannot be
// listed becomes an issue (or, without `issues`, the error returned).
Status ListDirectory(const fs::path& directory, std::vector<InputFile>* found,
                     std::vector<ReadIssue>* issues) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) {
    std::string reason = "cannot list directory: " + error.message();
    if (issues == nullptr) return Status(StatusCode::kIoError, reason, directory.string());
    issues->push_back({directory.string(), 0, reason + "; its files are skipped", true});
    return Status();
  }
  std::vector<fs::path> subdirectories;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    const fs::path& path = it->path();
    std::error_code kind_error;
    if (it->is_directory(kind_error) && !it->is_symlink(kind_error)) {
      subdirectories.push_back(path);
    } else if (it->is_regular_file(kind_error)) {
      if (IsTextFile(path)) {
        found->push_back({path.string(), InputFile::Format::kText});
      } else if (HasExtension(path, ".jsonl")) {
        found->push_back({path.string(), InputFile::Format::kJsonl});
      }
    }
  }
  if (error) {
    std::string reason = "error while listing directory: " + error.message();
    if (issues == nullptr) return Status(StatusCode::kIoError, reason, directory.string());
    issues->push_back({directory.string(), 0, reason, true});
  }
  for (const fs::path& subdirectory : subdirectories) {
    if (Status listed = ListDirectory(subdirectory, found, issues); !listed.ok()) return listed;
  }
  return Status();
}

}  // namespace

Status ListInputs(const std::vector<std::string>& inputs, std::vector<InputFile>* files,
                  std::vector<ReadIssue>* issues) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      files->push_back({"-", InputFile::Format::kJsonl});
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      return Status(StatusCode::kNotFound, "no such file or directory", input);
    }
    if (fs::is_directory(status)) {
      std::vector<InputFile> found;
      if (Status listed = ListDirectory(input, &found, issues); !listed.ok()) return listed;
      std::sort(found.begin(), found.end(),
                [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
      files->insert(files->end(), found.begin(), found.end());
    } else if (HasExtension(input, ".jsonl")) {
      files->push_back({input, InputFile::Format::kJsonl});
    } else if (IsTextFile(input)) {
      files->push_back({input, InputFile::Format::kText});
    } else {
      return Status(StatusCode::kInvalidArgument,
                    "unsupported input: expected a .txt, .html or .jsonl file, a directory, or -",
                    input);
    }
  }
  return Status();
}

namespace {

std::string TooLong(std::size_t bytes, std::size_t limit, const char* what) {
  return std::string(what) + " is " + std::to_string(bytes) + " bytes, over --max-doc-bytes " +
         std::to_string(limit) + "; skipped (raise --max-doc-bytes to read it)";
}

void ReadJsonlLine(std::string_view line, long number, const std::string& name,
                   const std::string& stem, ReadOutcome* outcome, std::vector<ReadIssue>* issues) {
  rapidjson::Document json;
  json.Parse(line.data(), line.size());
  if (json.HasParseError()) {
    issues->push_back({name, number,
                       std::string("invalid JSON: ") +
                           rapidjson::GetParseError_En(json.GetParseError()) + " (at column " +
                           std::to_string(json.GetErrorOffset() + 1) + ")",
                       true});
    return;
  }
  if (!json.IsObject()) {
    issues->push_back({name, number, "expected a JSON object", true});
    return;
  }
  bool wrong_type = false;
  Document doc;
  doc.path = name;
  doc.line = number;
  doc.id = StringMember(json, "id", &wrong_type);
  std::string date = StringMember(json, "date", &wrong_type);
  doc.title = StringMember(json, "title", &wrong_type);
  doc.url = StringMember(json, "url", &wrong_type);
  doc.source = StringMember(json, "source", &wrong_type);
  auto text = json.FindMember("text");
  if (text == json.MemberEnd() || !text->value.IsString()) {
    issues->push_back({name, number, "missing \"text\" string", true});
    return;
  }
  if (wrong_type) {
    issues->push_back({name, number, "a field that should be a string is not", true});
    return;
  }
  doc.text = NormalizeText(std::string_view(text->value.GetString(), text->value.GetStringLength()),
                           &doc.repairs, &doc.origin);
  if (std::string note = RepairNote(doc.repairs); !note.empty())
    issues->push_back({name, number, note, false});
  for (std::string* field : {&doc.id, &doc.title, &doc.url, &doc.source}) {
    if (!field->empty()) *field = std::string(Trim(NormalizeText(*field)));
  }
  if (!date.empty()) {
    std::string day = date.substr(0, 10);  // accept full timestamps, keep the day
    if (IsValidIsoDate(day)) {
      doc.date = day;
    } else {
      issues->push_back({name, number,
                         "impossible or unsupported date \"" + RepairUtf8(date.substr(0, 40)) +
                             "\" (write YYYY-MM-DD); document kept undated",
                         false});
    }
  }
  if (doc.id.empty()) doc.id = stem + "#" + std::to_string(number);
  outcome->documents.push_back(std::move(doc));
}

}  // namespace

void FileIssues::Add(ReadIssue issue) {
  if (listed_ < kMaxIssuesPerFile) {
    issues_->push_back(std::move(issue));
    ++listed_;
    return;
  }
  ++unlisted_;
  unlisted_skipped_ += issue.skipped;
  file_ = issue.file;
}

void FileIssues::Close() {
  if (unlisted_ == 0) return;
  ReadIssue summary{file_, 0, "and " + std::to_string(unlisted_) + " more issue(s) in this file",
                    unlisted_skipped_ > 0};
  if (unlisted_skipped_ > 0) {
    summary.message += " (" + std::to_string(unlisted_skipped_) + " document(s) skipped)";
    summary.count = unlisted_skipped_;
  }
  issues_->push_back(std::move(summary));
  unlisted_ = unlisted_skipped_ = 0;
}

JsonlReader::JsonlReader(std::istream& in, std::string name, const ReadOptions& options)
    : in_(in), name_(std::move(name)), options_(options), buffer_(std::size_t{1} << 16, '\0') {}

// One line of at most max_doc_bytes into `line`; a longer one is read past, not stored
// (`*length` says how long it was). False at the end of the input.
bool JsonlReader::ReadLine(std::string* line, std::size_t* length) {
  line->clear();
  *length = 0;
  const std::size_t limit = options_.max_doc_bytes;
  bool any = false;
  for (;;) {
    if (begin_ == end_) {
      begin_ = 0;
      end_ = static_cast<std::size_t>(
          std::max<std::streamsize>(0, in_.rdbuf()->sgetn(buffer_.data(), buffer_.size())));
      if (end_ == 0) {
        in_.setstate(std::ios::eofbit);
        return any;
      }
    }
    any = true;
    const char* start = buffer_.data() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    const std::size_t count = newline ? static_cast<std::size_t>(newline - start) : end_ - begin_;
    if (*length + count <= limit) {
      line->append(start, count);
    } else if (*length <= limit) {
      std::string().swap(*line);  // over the limit: give the memory back
    }
    *length += count;
    begin_ += count;
    if (newline) {
      ++begin_;
      return true;
    }
  }
}

bool JsonlReader::Next(JsonlLines* lines) {
  lines->name = name_;
  lines->max_doc_bytes = options_.max_doc_bytes;
  lines->lines.clear();
  lines->issues.clear();
  std::size_t bytes = 0;
  while (!done_ && lines->lines.size() < kLines && bytes < kBytes) {
    JsonlLines::Line line;
    if (!ReadLine(&line.text, &line.length)) {
      done_ = true;
      if (in_.bad()) lines->issues.push_back({name_, number_, "read error", false});
      break;
    }
    line.number = ++number_;
    if (line.length <= options_.max_doc_bytes) {
      if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
      if (line.number == 1 && StartsWith(line.text, "\xEF\xBB\xBF")) line.text.erase(0, 3);
      if (Trim(line.text).empty()) continue;
    }
    bytes += line.text.size();
    lines->lines.push_back(std::move(line));
  }
  return !done_;
}

ReadOutcome ParseJsonlLines(const JsonlLines& lines) {
  ReadOutcome outcome;
  const std::string stem = lines.name == "-" ? "stdin" : fs::path(lines.name).stem().string();
  for (const JsonlLines::Line& line : lines.lines) {
    if (line.length > lines.max_doc_bytes) {
      outcome.issues.push_back(
          {lines.name, line.number, TooLong(line.length, lines.max_doc_bytes, "line"), true});
      continue;
    }
    ReadJsonlLine(line.text, line.number, lines.name, stem, &outcome, &outcome.issues);
  }
  outcome.issues.insert(outcome.issues.end(), lines.issues.begin(), lines.issues.end());
  return outcome;
}

ReadOutcome ReadJsonlStream(std::istream& in, const std::string& name, const ReadOptions& options) {
  ReadOutcome outcome;
  FileIssues issues(&outcome.issues);
  JsonlReader reader(in, name, options);
  for (bool more = true; more;) {
    JsonlLines lines;
    more = reader.Next(&lines);
    ReadOutcome read = ParseJsonlLines(lines);
    for (Document& document : read.documents) outcome.documents.push_back(std::move(document));
    for (ReadIssue& issue : read.issues) issues.Add(std::move(issue));
  }
  issues.Close();
  return outcome;
}

bool OpenJsonlFile(const std::string& path, std::ifstream* in, std::vector<ReadIssue>* issues) {
  errno = 0;
  in->open(path, std::ios::binary);
  if (!*in) {
    issues->push_back({path, 0,
                       std::string("cannot open file") +
                           (errno != 0 ? ": " + std::string(std::strerror(errno)) : ""),
                       true});
    return false;
  }
  // A binary file named .jsonl would otherwise report every "line" of it.
  std::string head(64 * 1024, '\0');
  in->read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in->gcount()));
  if (LooksBinary(head)) {
    issues->push_back({path, 0, "binary file, not JSON Lines text; skipped", true});
    return false;
  }
  in->clear();
  in->seekg(0);
  return true;
}

ReadOutcome ReadInputFile(const InputFile& file, const ReadOptions& options) {
  if (file.path == "-") return ReadJsonlStream(std::cin, "-", options);
  ReadOutcome outcome;
  std::error_code size_error;
  const std::uintmax_t size = fs::file_size(file.path, size_error);
  if (file.format == InputFile::Format::kJsonl) {
    std::ifstream in;
    if (!OpenJsonlFile(file.path, &in, &outcome.issues)) return outcome;
    return ReadJsonlStream(in, file.path, options);
  }
  if (!size_error && size > options.max_doc_bytes) {
    outcome.issues.push_back(
        {file.path, 0, TooLong(static_cast<std::size_t>(size), options.max_doc_bytes, "document"),
         true});
    return outcome;
  }
  std::string error;
  std::string content = ReadWholeFile(file.path, &error);
  if (!error.empty()) {
    outcome.issues.push_back({file.path, 0, error, true});
    return outcome;
  }
  return ReadTextContent(content, file.path, options);
}

ReadOutcome ReadTextContent(std::string content, const std::string& path,
                            const ReadOptions& options) {
  ReadOutcome outcome;
  if (content.size() > options.max_doc_bytes) {
    outcome.issues.push_back(
        {path, 0, TooLong(content.size(), options.max_doc_bytes, "document"), true});
    return outcome;
  }
  if (LooksBinary(content)) {
    outcome.issues.push_back({path, 0, "binary file, not text; skipped", true});
    return outcome;
  }
  Document doc;
  std::string text = NormalizeText(content, &doc.repairs, &doc.origin);
  std::string().swap(content);
  if (std::string note = RepairNote(doc.repairs); !note.empty())
    outcome.issues.push_back({path, 0, note, false});
  doc.path = path;
  doc.id = fs::path(path).stem().string();
  std::string header_issue;
  doc.text = StripDateHeader(text, &doc.date, &header_issue);
  // Offsets count from the body. The header is ASCII but what precedes it need not be ("\uFEFB"
  // is made of the bytes of a byte-order mark), so it is measured in code points.
  const std::size_t header =
      CountCodePoints(std::string_view(text).substr(0, text.size() - doc.text.size()));
  if (header > 0 && !doc.origin.empty()) {
    const uint32_t base = doc.origin[header];
    doc.origin.erase(doc.origin.begin(), doc.origin.begin() + static_cast<std::ptrdiff_t>(header));
    for (uint32_t& offset : doc.origin) offset -= base;
  }
  if (!header_issue.empty()) outcome.issues.push_back({path, 1, header_issue, false});
  doc.title = FirstLine(doc.text);
  outcome.documents.push_back(std::move(doc));
  return outcome;
}

}  // namespace eventgraph
