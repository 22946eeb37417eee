#include "eventgraph/normalize.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;

void AppendUtf8(int32_t code_point, std::string* out) {
  utf8proc_uint8_t buffer[4];
  utf8proc_ssize_t length = utf8proc_encode_char(code_point, buffer);
  if (length <= 0) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

std::string DecodeUtf16(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) {
    auto hi = static_cast<unsigned char>(bytes[big_endian ? i : i + 1]);
    auto lo = static_cast<unsigned char>(bytes[big_endian ? i + 1 : i]);
    return static_cast<uint32_t>(hi << 8 | lo);
  };
  for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(static_cast<int32_t>(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)), &out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;  // a lone surrogate
    if (u != 0) AppendUtf8(static_cast<int32_t>(u), &out);
  }
  return out;
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle, std::size_t* from) {
  for (std::size_t i = *from; i + needle.size() <= haystack.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < needle.size() && match; ++j) {
      char c = haystack[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == needle[j];
    }
    if (match) {
      *from = i + needle.size();
      return true;
    }
  }
  return false;
}

// --- HTML ------------------------------------------------------------------

bool NameIn(const xmlChar* name, std::initializer_list<const char*> names) {
  const char* text = reinterpret_cast<const char*>(name);
  for (const char* candidate : names) {
    if (std::strcmp(text, candidate) == 0) return true;
  }
  return false;
}

// Page chrome and code carry no article text.
bool IsDropped(const xmlChar* name) {
  return NameIn(name, {"script", "style", "noscript", "template", "head", "svg", "iframe", "object",
                       "nav", "footer", "aside", "form", "button", "select"});
}

bool IsBlock(const xmlChar* name) {
  return NameIn(
      name,
      {"p",    "div",        "h1",      "h2",      "h3",         "h4",      "h5",      "h6",
       "li",   "ul",         "ol",      "tr",      "table",      "section", "article", "header",
       "main", "blockquote", "pre",     "figure",  "figcaption", "hr",      "dl",      "dt",
       "dd",   "address",    "caption", "details", "summary",    "body",    "title"});
}

class HtmlTextWriter {
 public:
  void Walk(const xmlNode* node, int depth) {
    // Deeply nested junk ("<div>" a million times) must not exhaust the stack.
    if (depth > 256) return;
    for (const xmlNode* n = node; n != nullptr; n = n->next) {
      if (n->type == XML_ELEMENT_NODE) {
        if (IsDropped(n->name)) continue;
        if (NameIn(n->name, {"br"})) {
          LineBreak();
          continue;
        }
        const bool block = IsBlock(n->name);
        if (block) LineBreak();
        Walk(n->children, depth + 1);
        if (block) LineBreak();
      } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                 n->content != nullptr) {
        Text(reinterpret_cast<const char*>(n->content));
      }
    }
  }

  std::string Take() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
    return std::move(out_);
  }

 private:
  // HTML white space collapses to one space; only blocks make lines.
  void Text(const char* text) {
    for (const char* p = text; *p != '\0'; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !out_.empty() && out_.back() != '\n') out_.push_back(' ');
      pending_space_ = false;
      out_.push_back(c);
    }
  }

  void LineBreak() {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (out_.empty()) return;
    // At most one blank line between blocks.
    const std::size_t size = out_.size();
    if (out_[size - 1] != '\n') {
      out_.push_back('\n');
    } else if (size < 2 || out_[size - 2] != '\n') {
      out_.push_back('\n');
    }
  }

  std::string out_;
  bool pending_space_ = false;
};

// --- Character references in plain text --------------------------------------

struct NamedReference {
  const char* name;
  int32_t code_point;
};

// The references scraped news text keeps in practice; HTML proper goes through libxml2, which
// knows them all.
constexpr std::array<NamedReference, 24> kNamedReferences = {{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},
    {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},  {"deg", 0xB0},     {"euro", 0x20AC},
    {"pound", 0xA3},   {"eacute", 0xE9},  {"shy", 0xAD},      {"bull", 0x2022},
}};

// Reads "&...;" at text[pos]; returns its length (0 when it is no reference).
std::size_t ReadReference(std::string_view text, std::size_t pos, int32_t* code_point) {
  const std::size_t semicolon = text.find(';', pos + 1);
  if (semicolon == std::string_view::npos || semicolon - pos > 10 || semicolon == pos + 1) return 0;
  std::string_view body = text.substr(pos + 1, semicolon - pos - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    int32_t value = 0;
    for (char c : digits) {
      int digit = c >= '0' && c <= '9'          ? c - '0'
                  : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                : -1;
      if (digit < 0) return 0;
      value = value * (hex ? 16 : 10) + digit;
      if (value > 0x10FFFF) return 0;
    }
    if (value == 0 || !utf8proc_codepoint_valid(value)) return 0;
    *code_point = value;
    return semicolon - pos + 1;
  }
  for (const NamedReference& reference : kNamedReferences) {
    if (body == reference.name) {
      *code_point = reference.code_point;
      return semicolon - pos + 1;
    }
  }
  return 0;
}

// --- Characters --------------------------------------------------------------

// What a character becomes when it is not kept as it is ("" drops it).
std::optional<std::u32string_view> Replacement(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return U"'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      return U"\"";
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return U" ";
    case 0x00AD:
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
      return U"";
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return U"\n";
    case 0x2010:
    case 0x2011:
      return U"-";
    case 0x2026:
      return U"...";
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return U" ";
  if (c >= 0x80 && c <= 0x9F) return U" ";  // C1 controls: mojibake residue
  return std::nullopt;
}

// Text as code points, each with the index of the code point of the input
// it comes from: the offsets we publish count in the input, not in the
// repaired text.
struct Traced {
  std::u32string text;
  std::vector<uint32_t> origin;  // origin[i]: input index of text[i]

  void Push(char32_t c, uint32_t from) {
    text.push_back(c);
    origin.push_back(from);
  }
};

Traced Decode(std::string_view utf8) {  // valid UTF-8
  Traced out;
  out.text.reserve(utf8.size());
  out.origin.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  const auto size = static_cast<utf8proc_ssize_t>(utf8.size());
  uint32_t index = 0;
  for (utf8proc_ssize_t pos = 0; pos < size; ++index) {
    utf8proc_int32_t c = 0xFFFD;
    utf8proc_ssize_t length =
        bytes[pos] < 0x80 ? (c = bytes[pos], 1) : utf8proc_iterate(bytes + pos, size - pos, &c);
    if (length <= 0) {
      c = 0xFFFD;
      length = 1;
    }
    out.Push(static_cast<char32_t>(c), index);
    pos += length;
  }
  return out;
}

std::string Encode(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendUtf8(static_cast<int32_t>(c), &out);
    }
  }
  return out;
}

bool IsReferenceBodyChar(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '#';
}

Traced DecodeReferences(Traced in) {
  if (in.text.find(U'&') == std::u32string::npos) return in;
  Traced out;
  out.text.reserve(in.text.size());
  out.origin.reserve(in.text.size());
  for (std::size_t pos = 0; pos < in.text.size();) {
    int32_t code_point = 0;
    std::size_t length = 0;
    if (in.text[pos] == U'&') {
      // References are ASCII: read the candidate as such.
      std::string ascii = "&";
      for (std::size_t j = pos + 1; j < in.text.size() && j < pos + 11; ++j) {
        char32_t c = in.text[j];
        if (c == U';') {
          ascii.push_back(';');
          break;
        }
        if (!IsReferenceBodyChar(c)) break;
        ascii.push_back(static_cast<char>(c));
      }
      length = ReadReference(ascii, 0, &code_point);
    }
    if (length == 0) {
      out.Push(in.text[pos], in.origin[pos]);
      ++pos;
      continue;
    }
    out.Push(static_cast<char32_t>(code_point), in.origin[pos]);
    pos += length;
  }
  return out;
}

// NFC of one run (a run of non-ASCII characters with the character before it, which a combining
// mark may compose with) into *buffer; the number of characters written, or < 0 on failure.
utf8proc_ssize_t NfcOfRun(std::u32string_view run, std::vector<utf8proc_int32_t>* buffer) {
  buffer->clear();
  for (char32_t c : run) {
    utf8proc_int32_t decomposed[8];
    int last_boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), decomposed, 8,
                                                 static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE),
                                                 &last_boundclass);
    if (n < 0 || n > 8) {
      buffer->push_back(static_cast<utf8proc_int32_t>(c));
    } else {
      buffer->insert(buffer->end(), decomposed, decomposed + n);
    }
  }
  return utf8proc_normalize_utf32(
      buffer->data(), static_cast<utf8proc_ssize_t>(buffer->size()),
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
}

// The end of the NFC run that starts at pos, or pos when the character there is ASCII text
// that no run begins with.
std::size_t NfcRunEnd(std::u32string_view text, std::size_t pos) {
  const bool run_ahead = pos + 1 < text.size() && text[pos + 1] >= 0x80;
  if (text[pos] < 0x80 && !run_ahead) return pos;
  std::size_t end = pos + 1;
  while (end < text.size() && text[end] >= 0x80) ++end;
  return end;
}

// NFC, one run of non-ASCII text at a time: every output character is traced to the run's
// characters in order.
Traced ToNfc(const Traced& in) {
  const bool ascii =
      std::all_of(in.text.begin(), in.text.end(), [](char32_t c) { return c < 0x80; });
  if (ascii) return in;
  Traced out;
  out.text.reserve(in.text.size());
  out.origin.reserve(in.text.size());
  std::vector<utf8proc_int32_t> buffer;
  std::size_t pos = 0;
  while (pos < in.text.size()) {
    const std::size_t end = NfcRunEnd(in.text, pos);
    if (end == pos) {
      out.Push(in.text[pos], in.origin[pos]);
      ++pos;
      continue;
    }
    const std::size_t run = end - pos;
    utf8proc_ssize_t composed = NfcOfRun(std::u32string_view(in.text).substr(pos, run), &buffer);
    if (composed < 0) {  // keep the run as it was
      for (std::size_t i = pos; i < end; ++i) out.Push(in.text[i], in.origin[i]);
    } else {
      for (utf8proc_ssize_t i = 0; i < composed; ++i) {
        std::size_t from = pos + std::min(static_cast<std::size_t>(i), run - 1);
        out.Push(static_cast<char32_t>(buffer[static_cast<std::size_t>(i)]), in.origin[from]);
      }
    }
    pos = end;
  }
  return out;
}

// Typographic characters to their ASCII forms, exotic spaces to a space,
// line ends to LF, control characters to spaces.
Traced MapCharacters(const Traced& in) {
  Traced out;
  out.text.reserve(in.text.size());
  out.origin.reserve(in.text.size());
  for (std::size_t i = 0; i < in.text.size(); ++i) {
    const char32_t c = in.text[i];
    const uint32_t from = in.origin[i];
    if (c < 0x80) {
      if (c == U'\r') {
        if (i + 1 < in.text.size() && in.text[i + 1] == U'\n') continue;  // CR LF -> LF
        out.Push(U'\n', from);
      } else if (c == U'\f' || c == U'\v') {
        out.Push(U'\n', from);
      } else if ((c < 0x20 && c != U'\n' && c != U'\t') || c == 0x7F) {
        out.Push(U' ', from);
      } else {
        out.Push(c, from);
      }
      continue;
    }
    if (std::optional<std::u32string_view> replacement = Replacement(c)) {
      for (char32_t r : *replacement) out.Push(r, from);
    } else {
      out.Push(c, from);
    }
  }
  return out;
}

bool IsLower(char32_t c) { return c >= U'a' && c <= U'z'; }
bool IsUpper(char32_t c) { return c >= U'A' && c <= U'Z'; }
bool IsLetter(char32_t c) { return IsLower(c) || IsUpper(c); }

// Finds where words were glued together ("thatAt", "said.The"), one character at a time.
class GlueScanner {
 public:
  enum class Split { kNone, kBefore, kAfter };  // a space before text[i], or after it

  // `text` is UTF-32, or bytes of ASCII text (KeptByAllPasses reads those without decoding).
  template <typename Text>
  Split Step(const Text& text, std::size_t i) {
    auto at = [&](std::size_t k) {
      return static_cast<char32_t>(
          static_cast<std::make_unsigned_t<typename Text::value_type>>(text[k]));
    };
    const char32_t c = at(i);
    const bool next_is_lower = i + 1 < text.size() && IsLower(at(i + 1));
    const bool lower_word = word_starts_lower_ && lower_run_ >= 2 && lower_run_ == word_length_;
    if (IsUpper(c) && next_is_lower && lower_word) {
      word_length_ = 0;  // "thatAt"
      Track(c);
      return Split::kBefore;
    }
    if ((c == U'.' || c == U'!' || c == U'?' || c == U',' || c == U';') && lower_run_ >= 2 &&
        i + 2 < text.size() && IsLetter(at(i + 1)) &&
        (c == U',' || c == U';' ? IsLower(at(i + 2)) || IsUpper(at(i + 1))
                                : IsUpper(at(i + 1)) && IsLower(at(i + 2)))) {
      lower_run_ = word_length_ = 0;  // "said.The", "adding,that"
      word_starts_lower_ = false;
      return Split::kAfter;
    }
    Track(c);
    return Split::kNone;
  }

 private:
  void Track(char32_t c) {
    if (IsLetter(c)) {
      if (word_length_ == 0) word_starts_lower_ = IsLower(c);
      ++word_length_;
      lower_run_ = IsLower(c) ? lower_run_ + 1 : 0;
    } else if (c >= 0x80 &&
               utf8proc_category(static_cast<utf8proc_int32_t>(c)) <= UTF8PROC_CATEGORY_LO) {
      // Other letters belong to the word but end the ASCII run: "Łódź" is never split.
      lower_run_ = 0;
      word_starts_lower_ = false;
      word_length_ = 1;
    } else {
      lower_run_ = word_length_ = 0;
      word_starts_lower_ = false;
    }
  }

  // The lowercase ASCII letters just written, and whether the word began with one.
  std::size_t lower_run_ = 0, word_length_ = 0;
  bool word_starts_lower_ = false;
};

Traced SplitGlued(const Traced& in, std::size_t* splits) {
  Traced out;
  out.text.reserve(in.text.size() + 16);
  out.origin.reserve(in.text.size() + 16);
  std::size_t count = 0;
  GlueScanner scanner;
  for (std::size_t i = 0; i < in.text.size(); ++i) {
    const char32_t c = in.text[i];
    switch (scanner.Step(in.text, i)) {
      case GlueScanner::Split::kBefore:
        out.Push(U' ', in.origin[i]);
        out.Push(c, in.origin[i]);
        ++count;
        break;
      case GlueScanner::Split::kAfter:
        out.Push(c, in.origin[i]);
        out.Push(U' ', in.origin[i + 1]);
        ++count;
        break;
      case GlueScanner::Split::kNone:
        out.Push(c, in.origin[i]);
        break;
    }
  }
  if (splits != nullptr) *splits = count;
  return out;
}

bool IsAscii(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

// KeptByAllPasses, one character at a time through each pass's own test.
bool KeptByAllPassesTraced(std::string_view utf8) {
  if (utf8.find('&') != std::string_view::npos) return false;
  auto kept_ascii = [](char32_t c) {
    return !(c == U'\r' || c == U'\f' || c == U'\v' || (c < 0x20 && c != U'\n' && c != U'\t') ||
             c == 0x7F);
  };
  if (IsAscii(utf8)) {  // no NFC run and no mapped character: only controls and glued words
    GlueScanner scanner;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      if (!kept_ascii(static_cast<unsigned char>(utf8[i])) ||
          scanner.Step(utf8, i) != GlueScanner::Split::kNone)
        return false;
    }
    return true;
  }
  std::u32string text(utf8.size(), U'\0');  // at most one character per byte
  std::size_t decoded = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  const auto size = static_cast<utf8proc_ssize_t>(utf8.size());
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    utf8proc_int32_t c = bytes[pos];
    utf8proc_ssize_t length = 1;
    if (c >= 0x80) {
      length = utf8proc_iterate(bytes + pos, size - pos, &c);
      if (length <= 0) return false;
    }
    text[decoded++] = static_cast<char32_t>(c);
    pos += length;
  }
  text.resize(decoded);
  std::vector<utf8proc_int32_t> buffer;
  GlueScanner scanner;
  std::size_t run_end = 0;  // NFC runs are checked from where the last one ended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c < 0x80 ? !kept_ascii(c) : Replacement(c).has_value()) return false;
    if (i >= run_end) {
      const std::size_t end = NfcRunEnd(text, i);
      if (end > i) {
        const std::u32string_view run = std::u32string_view(text).substr(i, end - i);
        const utf8proc_ssize_t composed = NfcOfRun(run, &buffer);
        if (composed >= 0 &&
            !std::equal(run.begin(), run.end(), buffer.begin(), buffer.begin() + composed))
          return false;
        run_end = end;
      }
    }
    if (scanner.Step(text, i) != GlueScanner::Split::kNone) return false;
  }
  return true;
}

// Whether references, NFC, the character map and glued words (the passes of NormalizeText)
// would all leave this valid UTF-8 text as it is. Most articles need none of them; their text is
// then used as read, without tracing every character through each pass.
//
// Read as bytes, without decoding the ASCII that most of a text is: an ASCII character is one byte
// and no byte of another character is ASCII. The glue scanner splits only where a lower-case
// letter is followed by a capital or by one of ".!?,;" and then a letter; a text with no such three
// bytes cannot be split, and one with them is checked by the scanner itself.
#if defined(__SSE2__)
// Whether the 16 bytes at `at` are all ASCII that no pass changes (tabs, line breaks and printable
// characters); if so, sets `*may_glue` when one of them is a capital or one of ".!?,;" between a
// lower-case letter and a letter, as KeptByAllPasses tests byte by byte. Reads at[-1] to at[16].
bool PlainAsciiBlock(const unsigned char* at, bool* may_glue) {
  auto load = [](const unsigned char* from) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
  };
  auto in_range = [](__m128i s, char low, char high) {  // signed: bytes from 0x80 are below
    return _mm_and_si128(_mm_cmpgt_epi8(s, _mm_set1_epi8(static_cast<char>(low - 1))),
                         _mm_cmplt_epi8(s, _mm_set1_epi8(static_cast<char>(high + 1))));
  };
  const __m128i here = load(at);
  // From 0x20 to 0x7E, a tab or a line break: anything else (non-ASCII too) is not plain.
  const __m128i printable = in_range(here, 0x20, 0x7E);
  const __m128i kept =
      _mm_or_si128(printable, _mm_or_si128(_mm_cmpeq_epi8(here, _mm_set1_epi8('\n')),
                                           _mm_cmpeq_epi8(here, _mm_set1_epi8('\t'))));
  if (_mm_movemask_epi8(kept) != 0xFFFF) return false;
  if (!*may_glue) {
    auto letter = [&](__m128i s) {
      return _mm_or_si128(in_range(s, 'a', 'z'), in_range(s, 'A', 'Z'));
    };
    __m128i mark = in_range(here, 'A', 'Z');
    for (char c : {'.', '!', '?', ',', ';'})
      mark = _mm_or_si128(mark, _mm_cmpeq_epi8(here, _mm_set1_epi8(c)));
    const __m128i glue =
        _mm_and_si128(mark, _mm_and_si128(in_range(load(at - 1), 'a', 'z'), letter(load(at + 1))));
    *may_glue = _mm_movemask_epi8(glue) != 0;
  }
  return true;
}
#endif

bool KeptByAllPasses(std::string_view utf8) {
  if (utf8.find('&') != std::string_view::npos) return false;
  enum : unsigned char { kOther, kLower, kUpper, kSplitMark };
  static constexpr std::array<unsigned char, 256> kClass = [] {
    std::array<unsigned char, 256> table{};
    for (int c = 'a'; c <= 'z'; ++c) table[c] = kLower;
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpper;
    for (char c : {'.', '!', '?', ',', ';'}) table[static_cast<unsigned char>(c)] = kSplitMark;
    return table;
  }();
  const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t size = utf8.size();
  bool may_glue = false;
  std::u32string run;  // a run for the NFC test: non-ASCII characters and the character before
  std::vector<utf8proc_int32_t> buffer;
  std::size_t bytes_alone_until = 0;  // after a block that was not plain, its bytes one by one
  for (std::size_t i = 0; i < size;) {
#if defined(__SSE2__)
    // Sixteen plain bytes at once, the bytes before and after them read for the glue test.
    if (i >= bytes_alone_until && i > 0 && i + 17 <= size) {
      if (PlainAsciiBlock(bytes + i, &may_glue)) {
        i += 16;
        continue;
      }
      bytes_alone_until = i + 16;
    }
#endif
    const unsigned char byte = bytes[i];
    if (byte < 0x80) {
      if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F) return false;
      if (kClass[byte] >= kUpper && i > 0 && i + 1 < size && kClass[bytes[i - 1]] == kLower &&
          (kClass[bytes[i + 1]] == kLower || kClass[bytes[i + 1]] == kUpper))
        may_glue = true;
      ++i;
      continue;
    }
    run.clear();
    if (i > 0) run.push_back(bytes[i - 1]);  // ASCII: the byte before a character's first byte
    while (i < size && bytes[i] >= 0x80) {
      utf8proc_int32_t c = 0;
      const utf8proc_ssize_t length =
          utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(size - i), &c);
      if (length <= 0) return false;
      if (Replacement(static_cast<char32_t>(c)).has_value()) return false;
      run.push_back(static_cast<char32_t>(c));
      i += static_cast<std::size_t>(length);
    }
    const utf8proc_ssize_t composed = NfcOfRun(run, &buffer);
    if (composed >= 0 &&
        !std::equal(run.begin(), run.end(), buffer.begin(), buffer.begin() + composed))
      return false;
  }
  return !may_glue || KeptByAllPassesTraced(utf8);
}

}  // namespace

bool LooksBinary(std::string_view content) {
  if (content.size() >= 2 && ((content[0] == '\xFF' && content[1] == '\xFE') ||
                              (content[0] == '\xFE' && content[1] == '\xFF')))
    return false;  // UTF-16 with a byte-order mark: text, decoded by NormalizeText
  std::string_view sample = content.substr(0, kSniffBytes);
  if (sample.find('\0') != std::string_view::npos) return true;
  std::size_t suspicious = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(sample.data());
  const auto size = static_cast<utf8proc_ssize_t>(sample.size());
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    const unsigned char byte = bytes[pos];
    if (byte < 0x80) {
      if ((byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t' && byte != '\f' &&
           byte != '\v') ||
          byte == 0x7F)
        ++suspicious;
      ++pos;
      continue;
    }
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t length = utf8proc_iterate(bytes + pos, size - pos, &c);
    if (length <= 0) {
      // A sequence cut by the end of the sample is not evidence.
      if (size - pos >= 4) ++suspicious;
      ++pos;
    } else {
      pos += length;
    }
  }
  return suspicious * 5 > sample.size();
}

bool LooksLikeHtml(std::string_view text) {
  std::string_view head = text.substr(0, kSniffBytes);
  std::size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos) return false;
  std::size_t doctype = 0, root = 0;
  if (head[start] == '<' && (ContainsNoCase(head.substr(start, 14), "<!doctype html", &doctype) ||
                             ContainsNoCase(head.substr(start, 5), "<html", &root)))
    return true;
  // One pass over the '<' of the text (prose has few), comparing the tag that starts there.
  static constexpr std::string_view kTags[] = {
      "</p>",  "<br>",  "<br/>",      "<br />",   "</div>",    "</a>",   "</span>",
      "</li>", "</h1>", "</h2>",      "</h3>",    "</b>",      "</i>",   "</strong>",
      "</em>", "</td>", "</article>", "</title>", "</script>", "</body>"};
  int tags = 0;
  for (std::size_t pos = head.find('<'); pos != std::string_view::npos;
       pos = head.find('<', pos + 1)) {
    for (std::string_view tag : kTags) {
      std::size_t at = 0;
      if (ContainsNoCase(head.substr(pos, tag.size()), tag, &at) && ++tags >= 2) return true;
    }
  }
  return false;
}

std::string HtmlToText(std::string_view text) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  if (text.empty()) return {};
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  htmlDocPtr document =
      htmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, "UTF-8", options);
  if (document == nullptr) return {};
  HtmlTextWriter writer;
  writer.Walk(xmlDocGetRootElement(document), 0);
  xmlFreeDoc(document);
  return writer.Take();
}

std::string DecodeCharacterReferences(std::string_view text) {
  return Encode(DecodeReferences(Decode(RepairUtf8(text))).text);
}

std::string SplitGluedWords(std::string_view text, std::size_t* splits) {
  return Encode(SplitGlued(Decode(RepairUtf8(text)), splits).text);
}

namespace {

std::string Normalize(std::string_view raw, TextRepairs* repairs, std::vector<uint32_t>* origin,
                      bool shortcut) {
  TextRepairs local;
  TextRepairs& report = repairs != nullptr ? *repairs : local;
  report = TextRepairs();
  std::string decoded;
  if (raw.size() >= 2 && raw[0] == '\xFF' && raw[1] == '\xFE') {
    decoded = DecodeUtf16(raw, false);
    report.utf16 = true;
  } else if (raw.size() >= 2 && raw[0] == '\xFE' && raw[1] == '\xFF') {
    decoded = DecodeUtf16(raw, true);
    report.utf16 = true;
  } else {
    decoded = RepairUtf8(raw, &report.invalid_utf8);
  }
  const bool html = LooksLikeHtml(decoded);
  if (html) {
    // Offsets then count in the page's text, not in its markup.
    decoded = RepairUtf8(HtmlToText(decoded));
    report.html = true;
  }
  if (shortcut && KeptByAllPasses(decoded)) {
    if (origin != nullptr) origin->clear();
    return decoded;
  }
  Traced traced = Decode(decoded);
  const auto input_length = static_cast<uint32_t>(traced.text.size());
  std::string().swap(decoded);
  if (!html) traced = DecodeReferences(std::move(traced));
  traced = SplitGlued(MapCharacters(ToNfc(std::move(traced))), &report.glued);
  if (origin != nullptr) {
    std::vector<uint32_t> identity_check = std::move(traced.origin);
    bool identity = identity_check.size() == input_length;
    for (std::size_t i = 0; i < identity_check.size() && identity; ++i)
      identity = identity_check[i] == i;
    origin->clear();
    if (!identity) {
      *origin = std::move(identity_check);
      origin->push_back(input_length);  // the end of the text
    }
  }
  return Encode(traced.text);
}

}  // namespace

std::string NormalizeText(std::string_view raw, TextRepairs* repairs,
                          std::vector<uint32_t>* origin) {
  return Normalize(raw, repairs, origin, true);
}

std::string NormalizeTextTraced(std::string_view raw, TextRepairs* repairs,
                                std::vector<uint32_t>* origin) {
  return Normalize(raw, repairs, origin, false);
}

}  // namespace eventgraph
