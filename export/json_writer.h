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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "eventgraph/export.h"

namespace eventgraph::json_detail {

// How many characters from `p` JSON takes as they are: up to the first quote, backslash or
// control character (bytes from 0x80 are UTF-8 and copied).
inline std::size_t PlainRun(const char* p, const char* end) {
  const char* const start = p;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1F);
  for (; end - p >= 16; p += 16) {
    const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i escaped =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(s, quote), _mm_cmpeq_epi8(s, backslash)),
                     _mm_cmpeq_epi8(_mm_max_epu8(s, control), control));  // s <= 0x1F
    if (const int hits = _mm_movemask_epi8(escaped); hits != 0)
      return static_cast<std::size_t>(p - start) + static_cast<std::size_t>(__builtin_ctz(hits));
  }
#endif
  for (; p != end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == '"' || c == '\\') break;
  }
  return static_cast<std::size_t>(p - start);
}

}  // namespace eventgraph::json_detail

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
