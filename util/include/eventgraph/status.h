// Status and Result<T>: how every eventgraph library function reports failure.
//
//   Result<Lexicon> lexicon = LoadLexicon(path);
//   if (!lexicon.ok()) { std::cerr << lexicon.status().ToString(); return 2; }
//   Use(*lexicon);
//
// A failure carries a code, a message, and where the offending input is
// (file and line, when known), so that a message can say what to fix. "No
// date found" or "no event here" are not failures: they are empty results.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace eventgraph {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (bad option, bad date)
  kNotFound,         // a file or directory does not exist
  kIoError,          // reading or writing failed
  kDataError,        // a data file (lexicon, ontology) is malformed
  kParseError,       // an input document cannot be parsed
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string file = {}, long line = 0)
      : code_(code), message_(std::move(message)), file_(std::move(file)), line_(line) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  long line() const { return line_; }

  // "file:line: message", "file: message" or "message".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string file_;
  long line_ = 0;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(value_);
  }
  T& operator*() { return std::get<T>(value_); }
  const T& operator*() const { return std::get<T>(value_); }
  T* operator->() { return &std::get<T>(value_); }
  const T* operator->() const { return &std::get<T>(value_); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace eventgraph
