// The RapidJSON writer the JSON exports use, with strings copied in runs.
//
// RapidJSON copies a string into any stream but its own StringBuffer one character at a time,
// each through its escape table and transcoder; the exports are mostly strings (every mention's
// sentence), so that loop was a tenth of their time. This specialisation copies each run that
// needs no escaping at once and leaves the rest to RapidJSON: the bytes written are the same.
// Every file that writes JSON to an OutputSink includes this header before RapidJSON's writers
// are used, so that the specialisation is the only one.
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <cstddef>
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
