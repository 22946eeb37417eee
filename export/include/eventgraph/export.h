// EventGraph -> files: timeline JSON (docs/timeline-json.md, schema in
// docs/schema/timeline.schema.json), GraphML and dynamic GEXF for Gephi, and
// TimelineJS3 JSON (docs/exports.md).
//
//   Status written = WriteFileAtomically(dir + "/timeline.json", TimelineJson(graph));
//
// Writers stream into an OutputSink (or return the whole text);
// WriteFileAtomically writes to a temporary file in the same directory and
// renames it into place, so a reader never sees half a file and a failed run
// leaves the old one intact.
#pragma once

#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "eventgraph/graph.h"
#include "eventgraph/status.h"

namespace eventgraph {

// Where a writer puts its text: a string, or a file through a small buffer, so
// that a large graph is written without holding the whole text in memory.
class OutputSink {
 public:
  using Ch = char;  // lets RapidJSON write here (Put, Flush; PutReserve and PutUnsafe below)
  explicit OutputSink(std::string* text) : text_(text) {}
  explicit OutputSink(std::FILE* file) : file_(file) {}
  ~OutputSink() { Flush(); }
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  OutputSink& operator+=(std::string_view text) {
    Reserve(text.size());
    text.copy(buffer_.data() + used_, text.size());
    used_ += text.size();
    return *this;
  }
  OutputSink& operator+=(char c) {
    Put(c);
    return *this;
  }
  void Put(char c) {
    if (used_ == buffer_.size()) Flush();
    buffer_[used_++] = c;
  }
  // Room for `count` more characters, which PutUnchecked may then write: RapidJSON reserves
  // for a whole string, then writes it a character at a time.
  void Reserve(std::size_t count) {
    if (buffer_.size() - used_ >= count) return;
    Flush();
    if (count > buffer_.size()) buffer_.resize(count);
  }
  void PutUnchecked(char c) { buffer_[used_++] = c; }
  void FillUnchecked(char c, std::size_t count) {
    std::memset(buffer_.data() + used_, c, count);
    used_ += count;
  }
  void AppendUnchecked(const char* text, std::size_t count) {
    if (count == 0) return;  // an empty string's data may be null, which memcpy must not get
    std::memcpy(buffer_.data() + used_, text, count);
    used_ += count;
  }
  void Flush();
  bool failed() const { return failed_; }

 private:
  void StartWriteBack();

  static constexpr std::size_t kChunk = 1 << 16;
  std::string* text_ = nullptr;
  std::FILE* file_ = nullptr;
  // Bytes handed to the file; the disk has been asked to write those before writing_from_,
  // and has written those before waited_to_.
  std::size_t written_ = 0;
  std::size_t writing_from_ = 0;
  std::size_t waited_to_ = 0;
  std::string buffer_ = std::string(kChunk, '\0');
  std::size_t used_ = 0;
  bool failed_ = false;
};

// Found by argument-dependent lookup from RapidJSON's writers, and preferred to its generic
// versions (which check for room at every character).
inline void PutReserve(OutputSink& sink, std::size_t count) { sink.Reserve(count); }
inline void PutUnsafe(OutputSink& sink, char c) { sink.PutUnchecked(c); }
inline void PutN(OutputSink& sink, char c, std::size_t count) {  // indentation
  sink.Reserve(count);
  sink.FillUnchecked(c, count);
}

inline constexpr const char* kTimelineSchemaVersion = "eventgraph-timeline/1";
inline constexpr const char* kGraphSchemaVersion = "eventgraph-graph/1";

// Each writer streams into a sink; the string forms are for tests and small graphs.
void WriteTimelineJson(const EventGraph& graph, OutputSink& out);
void WriteGraphMl(const EventGraph& graph, OutputSink& out);
void WriteGexf(const EventGraph& graph, OutputSink& out);  // GEXF 1.3, dynamic, timeformat date
void WriteTimelineJs(const EventGraph& graph, const std::string& title, OutputSink& out);
void WriteDot(const EventGraph& graph, OutputSink& out);  // Graphviz
// graph.json, the lossless native form that `export` and `query` load:
// ParseGraphJson(GraphJson(g)) gives back g.
void WriteGraphJson(const EventGraph& graph, OutputSink& out);

// The text a writer streams, as one string.
template <typename Write, typename... Args>
std::string WrittenText(Write write, const Args&... args) {
  std::string text;
  {
    OutputSink sink(&text);
    write(args..., sink);
  }
  return text;
}

std::string TimelineJson(const EventGraph& graph);
std::string GraphMl(const EventGraph& graph);
std::string Gexf(const EventGraph& graph);
std::string TimelineJs(const EventGraph& graph, const std::string& title);
std::string Dot(const EventGraph& graph);
std::string GraphJson(const EventGraph& graph);
// Neo4j bulk import (neo4j-admin database import): nodes and relationships.
std::string Neo4jNodesCsv(const EventGraph& graph);
std::string Neo4jRelationshipsCsv(const EventGraph& graph);

// Reading graph.json fails with the path and the first problem found (not
// JSON, another schema, a missing field, an index out of range).
Result<EventGraph> ParseGraphJson(const std::string& text, const std::string& path);
Result<EventGraph> ReadGraphJson(const std::string& path);

// Text safe inside XML 1.0 character data and attribute values: markup
// characters escaped, characters XML 1.0 forbids (most C0 controls) and
// invalid UTF-8 replaced by U+FFFD.
std::string XmlEscape(std::string_view text);
// XmlEscape(text) appended to *appended_to, without a string of its own.
void AppendXmlEscaped(std::string_view text, std::string* appended_to);

Status WriteFileAtomically(const std::string& path, const std::string& content);
// The same, with the content streamed by `write` into the temporary file.
Status WriteFileAtomically(const std::string& path,
                           const std::function<void(OutputSink& out)>& write);

}  // namespace eventgraph
