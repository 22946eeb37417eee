// Input files -> Documents. The contract is in eventgraph/document.h: one
// unreadable document never stops the others, and every problem is reported
// as a ReadIssue naming the file (and the line, for JSONL).
#include <date/date.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "eventgraph/document.h"
#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

namespace fs = std::filesystem;

bool HasExtension(const fs::path& path, const char* extension) {
  return AsciiLower(path.extension().string()) == extension;
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
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open file";
    return {};
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) *error = "read error";
  return content.str();
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
  std::size_t pos = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (pos == std::string::npos) return {};
  if (content.compare(pos, 5, "date ") != 0) return content;
  std::size_t value = content.find_first_not_of(" \t", pos + 5);
  if (value == std::string::npos) return content;
  std::size_t value_end = content.find_first_of(" \t\r\n", value);
  if (value_end == std::string::npos) value_end = content.size();
  std::string candidate = content.substr(value, value_end - value);
  bool looks_like_date = candidate.size() == 10 && candidate[4] == '-' && candidate[7] == '-';
  if (!looks_like_date) return content;  // "date" was simply the first word
  if (IsValidIsoDate(candidate)) {
    *date = candidate;
  } else {
    *issue = "impossible date in header: " + candidate + "; document kept undated";
  }
  std::size_t text_start = content.find_first_not_of(" \t", value_end);
  return text_start == std::string::npos ? std::string() : content.substr(text_start);
}

Status ListInputs(const std::vector<std::string>& inputs, std::vector<InputFile>* files) {
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
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied,
                                          error);
      if (error)
        return Status(StatusCode::kIoError, "cannot list directory: " + error.message(), input);
      for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error)
          return Status(StatusCode::kIoError, "cannot list directory: " + error.message(), input);
        if (!it->is_regular_file(error)) continue;
        if (HasExtension(it->path(), ".txt")) {
          found.push_back({it->path().string(), InputFile::Format::kText});
        } else if (HasExtension(it->path(), ".jsonl")) {
          found.push_back({it->path().string(), InputFile::Format::kJsonl});
        }
      }
      std::sort(found.begin(), found.end(),
                [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
      files->insert(files->end(), found.begin(), found.end());
    } else if (HasExtension(input, ".jsonl")) {
      files->push_back({input, InputFile::Format::kJsonl});
    } else if (HasExtension(input, ".txt")) {
      files->push_back({input, InputFile::Format::kText});
    } else {
      return Status(StatusCode::kInvalidArgument,
                    "unsupported input: expected a .txt or .jsonl file, a directory, or -", input);
    }
  }
  return Status();
}

ReadOutcome ReadJsonlStream(std::istream& in, const std::string& name) {
  ReadOutcome outcome;
  std::string stem = name == "-" ? "stdin" : fs::path(name).stem().string();
  std::string line;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (Trim(line).empty()) continue;
    rapidjson::Document json;
    json.Parse(line.data(), line.size());
    if (json.HasParseError()) {
      outcome.issues.push_back(
          {name, number,
           std::string("invalid JSON: ") + rapidjson::GetParseError_En(json.GetParseError()) +
               " (at column " + std::to_string(json.GetErrorOffset() + 1) + ")",
           true});
      continue;
    }
    if (!json.IsObject()) {
      outcome.issues.push_back({name, number, "expected a JSON object", true});
      continue;
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
      outcome.issues.push_back({name, number, "missing \"text\" string", true});
      continue;
    }
    if (wrong_type) {
      outcome.issues.push_back({name, number, "a field that should be a string is not", true});
      continue;
    }
    std::size_t replaced = 0;
    doc.text = RepairUtf8(std::string_view(text->value.GetString(), text->value.GetStringLength()),
                          &replaced);
    if (replaced > 0) {
      outcome.issues.push_back(
          {name, number, std::to_string(replaced) + " invalid UTF-8 sequence(s) replaced", false});
    }
    if (!date.empty()) {
      std::string day = date.substr(0, 10);  // accept full timestamps, keep the day
      if (IsValidIsoDate(day)) {
        doc.date = day;
      } else {
        outcome.issues.push_back(
            {name, number, "impossible or unsupported date \"" + date + "\"; document kept undated",
             false});
      }
    }
    if (doc.id.empty()) doc.id = stem + "#" + std::to_string(number);
    outcome.documents.push_back(std::move(doc));
  }
  if (in.bad()) outcome.issues.push_back({name, number, "read error", false});
  return outcome;
}

ReadOutcome ReadInputFile(const InputFile& file) {
  if (file.path == "-") return ReadJsonlStream(std::cin, "-");
  if (file.format == InputFile::Format::kJsonl) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) return {{}, {{file.path, 0, "cannot open file", true}}};
    return ReadJsonlStream(in, file.path);
  }
  ReadOutcome outcome;
  std::string error;
  std::string content = ReadWholeFile(file.path, &error);
  if (!error.empty()) {
    outcome.issues.push_back({file.path, 0, error, true});
    return outcome;
  }
  std::size_t replaced = 0;
  content = RepairUtf8(content, &replaced);
  if (replaced > 0) {
    outcome.issues.push_back(
        {file.path, 0, std::to_string(replaced) + " invalid UTF-8 sequence(s) replaced", false});
  }
  Document doc;
  doc.path = file.path;
  doc.id = fs::path(file.path).stem().string();
  std::string header_issue;
  doc.text = StripDateHeader(content, &doc.date, &header_issue);
  if (!header_issue.empty()) outcome.issues.push_back({file.path, 1, header_issue, false});
  doc.title = FirstLine(doc.text);
  outcome.documents.push_back(std::move(doc));
  return outcome;
}

}  // namespace eventgraph
