#include "eventgraph/text_util.h"

#include <charconv>
#include <stdexcept>

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventgraph {

namespace {

// How many bytes from `p` are ASCII other than NUL, which RepairUtf8 copies as they are: most of
// a news text, appended a run at a time rather than a byte at a time.
std::size_t PlainAsciiRun(const unsigned char* p, const unsigned char* end) {
  const unsigned char* const start = p;
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  for (; end - p >= 16; p += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const int stops = _mm_movemask_epi8(block) | _mm_movemask_epi8(_mm_cmpeq_epi8(block, zero));
    if (stops != 0)
      return static_cast<std::size_t>(p - start) + static_cast<std::size_t>(__builtin_ctz(stops));
  }
#endif
  while (p != end && *p != 0 && *p < 0x80) ++p;
  return static_cast<std::size_t>(p - start);
}

}  // namespace

std::string RepairUtf8(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  std::size_t bad = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < size) {
    const std::size_t plain = PlainAsciiRun(bytes + pos, bytes + size);
    out.append(text.data() + pos, plain);
    pos += static_cast<utf8proc_ssize_t>(plain);
    if (pos == size) break;
    if (bytes[pos] == 0) {  // dropped
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (len <= 0) {
      out += "\xEF\xBF\xBD";
      ++bad;
      ++pos;
      continue;
    }
    out.append(text.data() + pos, static_cast<std::size_t>(len));
    pos += len;
  }
  if (replaced != nullptr) *replaced = bad;
  return out;
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Utf8Lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < size) {
    if (bytes[pos] < 0x80) {
      char c = static_cast<char>(bytes[pos]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (len <= 0) {  // not valid UTF-8: copy the byte unchanged
      out.push_back(text[static_cast<std::size_t>(pos)]);
      ++pos;
      continue;
    }
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(written));
    pos += len;
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  const char* spaces = " \t\r\n\f\v";
  std::size_t begin = text.find_first_not_of(spaces);
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(spaces);
  return text.substr(begin, end - begin + 1);
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      fields.push_back(text.substr(start));
      return fields;
    }
    fields.push_back(text.substr(start, at - start));
    start = at + 1;
  }
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

int LeadingInt(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && (text[at] == ' ' || (text[at] >= '\t' && text[at] <= '\r'))) ++at;
  if (at < text.size() && text[at] == '+') ++at;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data() + at, text.data() + text.size(), value);
  if (error == std::errc::invalid_argument) throw std::invalid_argument("LeadingInt");
  if (error == std::errc::result_out_of_range) throw std::out_of_range("LeadingInt");
  return value;
}

bool ParseInt(std::string_view text, int* value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

std::string Slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (char raw : text) {
    auto c = static_cast<unsigned char>(raw);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (alnum) {
      if (pending_dash && !slug.empty()) slug.push_back('-');
      pending_dash = false;
      slug.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (c < 0x80) {
      pending_dash = true;
    }
    // Non-ASCII bytes are dropped: ids stay plain ASCII for every consumer.
  }
  return slug.empty() ? std::string("x") : slug;
}

}  // namespace eventgraph
