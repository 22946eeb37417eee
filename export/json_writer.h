// The RapidJSON writer the JSON exports use: one record per line, strings copied in runs.
//
// The exports hold hundreds of thousands of records (documents, entities, events, relations):
// RecordWriter puts each top-level key and each element of a top-level array on a line of its
// own, written compactly. A file stays readable with `grep` and `diff` (an event is one line),
// any JSON tool reads it, and it is a third smaller and faster to write than an indented one.
//
// RapidJSON copies a string into any stream but its own StringBuffer one character at a time,
// each through its escape table and transcoder; the exports are mostly strings (every mention's
// sentence), so that loop was a tenth of their time. This specialisation copies each run that
// needs no escaping at once and leaves the rest to RapidJSON: the bytes written are the same.
// Every file that writes JSON to an OutputSink includes this header before RapidJSON's writers
// are used, so that the specialisation is the only one.
#pragma once

#include <rapidjson/writer.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>

#include "eventgraph/export.h"
#include "eventgraph/json_reader.h"  // PlainRun

// WriteString has reserved room for the whole string escaped before it calls this.
template <>
inline bool rapidjson::Writer<eventgraph::OutputSink>::ScanWriteUnescapedString(
    rapidjson::StringStream& is, std::size_t length) {
  const std::size_t plain = eventgraph::json_detail::PlainRun(is.src_, is.head_ + length);
  os_->AppendUnchecked(is.src_, plain);
  is.src_ += plain;
  return RAPIDJSON_LIKELY(is.Tell() < length);
}

namespace eventgraph {

class RecordWriter : public rapidjson::Writer<OutputSink> {
  using Base = rapidjson::Writer<OutputSink>;

 public:
  explicit RecordWriter(OutputSink& out) : Base(out) {}

  bool Null() {
    LinePrefix(rapidjson::kNullType);
    return Base::EndValue(Base::WriteNull());
  }
  bool Bool(bool value) {
    LinePrefix(value ? rapidjson::kTrueType : rapidjson::kFalseType);
    return Base::EndValue(Base::WriteBool(value));
  }
  bool Int(int value) {
    LinePrefix(rapidjson::kNumberType);
    return Base::EndValue(Base::WriteInt(value));
  }
  bool Uint64(uint64_t value) {
    LinePrefix(rapidjson::kNumberType);
    return Base::EndValue(Base::WriteUint64(value));
  }
  bool Double(double value) {
    LinePrefix(rapidjson::kNumberType);
    return Base::EndValue(Base::WriteDouble(value));
  }
  bool String(const char* text, rapidjson::SizeType length) {
    LinePrefix(rapidjson::kStringType);
    return Base::EndValue(Base::WriteString(text, length));
  }
  bool String(const char* text) {
    return String(text, static_cast<rapidjson::SizeType>(std::char_traits<char>::length(text)));
  }
  bool Key(const char* text) { return String(text); }
  bool StartObject() {
    LinePrefix(rapidjson::kObjectType);
    new (level_stack_.template Push<Level>()) Level(false);
    return Base::WriteStartObject();
  }
  bool EndObject() {
    BreakBeforeEnd();
    level_stack_.template Pop<Level>(1);
    return Base::EndValue(Base::WriteEndObject());
  }
  bool StartArray() {
    LinePrefix(rapidjson::kArrayType);
    new (level_stack_.template Push<Level>()) Level(true);
    return Base::WriteStartArray();
  }
  bool EndArray() {
    BreakBeforeEnd();
    level_stack_.template Pop<Level>(1);
    return Base::EndValue(Base::WriteEndArray());
  }

 private:
  std::size_t Depth() const { return level_stack_.GetSize() / sizeof(Level); }
  // A line break after the separator before each key of the root object and each element of an
  // array that is one of its values.
  void LinePrefix(rapidjson::Type type) {
    const std::size_t depth = Depth();
    const Level* level = depth > 0 ? level_stack_.template Top<Level>() : nullptr;
    const bool breaks = (depth == 1 && !level->inArray && level->valueCount % 2 == 0) ||
                        (depth == 2 && level->inArray);
    Base::Prefix(type);
    if (breaks) os_->Put('\n');
  }
  // ... and before the end of those containers, when they hold anything.
  void BreakBeforeEnd() {
    const std::size_t depth = Depth();
    const Level* level = level_stack_.template Top<Level>();
    if (level->valueCount > 0 && (depth == 1 || (depth == 2 && level->inArray))) os_->Put('\n');
  }
};

}  // namespace eventgraph
