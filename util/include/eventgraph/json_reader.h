// RapidJSON's reader, copying the plain runs of a string at once.
//
// RapidJSON parses a string of a length-bounded buffer (Document::Parse(text, length): an
// EncodedInputStream over a MemoryStream) a character at a time: a bounds check, three tests and
// a push onto its stack for each. It asks ScanCopyUnescapedString first to copy what needs no
// decoding, but does so only for a NUL-terminated StringStream, and only when built with its own
// SSE2 code, whose writer leaves the bytes 0x1A-0x1F unescaped. This specialisation, for the
// stream Document::Parse(text, length) uses, copies each run up to a quote, a backslash or a
// control character in one go and leaves those to RapidJSON, which reads bytes from 0x80 as they
// are when it does not validate the encoding: the values read are the same. Every file that
// parses JSON includes this header before it does (export/json_writer.h shares PlainRun).
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>

#include <cstddef>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

using BoundedUtf8Stream = rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream>;
using DocumentReader =
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator>;

}  // namespace eventgraph::json_detail

template <>
template <>
inline void eventgraph::json_detail::DocumentReader::ScanCopyUnescapedString<
    eventgraph::json_detail::BoundedUtf8Stream,
    eventgraph::json_detail::DocumentReader::StackStream<char>>(
    eventgraph::json_detail::BoundedUtf8Stream& is,
    eventgraph::json_detail::DocumentReader::StackStream<char>& os) {
  rapidjson::MemoryStream& in = is.is_;
  const std::size_t plain = eventgraph::json_detail::PlainRun(in.src_, in.end_);
  if (plain == 0) return;
  std::memcpy(os.Push(static_cast<rapidjson::SizeType>(plain)), in.src_, plain);
  in.src_ += plain;
}
