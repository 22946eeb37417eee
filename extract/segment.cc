// Document text -> tokens and sentences.
//
// Tokens: words (letters, digits, marks, with inner hyphens, inner
// apostrophes and dotted acronyms such as "U.S."), a possessive "'s" split
// off as its own token, and one token per other punctuation character.
// Sentences end at '.', '!' or '?' before a capitalised word (also when the
// space is missing: "counterproductive.During"), and at line breaks. A line
// containing a page-furniture marker (data/lexicon/furniture.tsv) is marked
// furniture; a short line with no final punctuation is marked a heading.
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <deque>

#include "eventgraph/extract.h"
#include "eventgraph/text_util.h"

namespace eventgraph {

struct Segmented::Storage {
  std::string text;
  std::string ascii_lower;                  // the text with A-Z lowered, byte for byte
  std::deque<std::string> non_ascii_lower;  // lower case of tokens with other letters
};

namespace {

constexpr uint32_t kMaxSentenceTokens = 150;

struct CodePoint {
  int32_t value = 0;
  uint32_t length = 1;
};

CodePoint Decode(std::string_view text, std::size_t pos) {
  if (static_cast<unsigned char>(text[pos]) < 0x80) return {text[pos], 1};
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  CodePoint cp;
  utf8proc_ssize_t len =
      utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp.value);
  if (len <= 0) {
    cp.value = 0xFFFD;
    len = 1;
  }
  cp.length = static_cast<uint32_t>(len);
  return cp;
}

bool IsWordChar(int32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  auto category = utf8proc_category(cp);
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_ND) ||
         category == UTF8PROC_CATEGORY_NL || category == UTF8PROC_CATEGORY_NO;
}

bool IsSpace(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v') return true;
  if (cp < 0x80) return false;
  auto category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP || cp == 0xFEFF;
}

bool IsUpper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

bool IsLetter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  auto category = utf8proc_category(cp);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

// What an ASCII byte is to the tokenizer, as IsSpace and IsWordChar say of it.
enum AsciiClass : unsigned char { kOtherByte, kSpaceByte, kWordByte };
constexpr std::array<AsciiClass, 128> kAsciiClass = [] {
  std::array<AsciiClass, 128> table{};
  for (char c : {' ', '\t', '\r', '\n', '\f', '\v'})
    table[static_cast<unsigned char>(c)] = kSpaceByte;
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      table[c] = kWordByte;
  }
  return table;
}();

bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
bool IsHyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

#if defined(__SSE2__)
// Bit i of each mask: what byte i of the 16 at `at` is.
struct ByteClasses {
  unsigned upper, lower, digit, hyphen, non_ascii;
};
ByteClasses ClassifyBytes(const unsigned char* at) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  // Signed compares: bytes from 0x80 are negative, below every range tested.
  auto in_range = [&](char low, char high) {
    return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(static_cast<char>(low - 1))),
                         _mm_cmplt_epi8(bytes, _mm_set1_epi8(static_cast<char>(high + 1))));
  };
  return {static_cast<unsigned>(_mm_movemask_epi8(in_range('A', 'Z'))),
          static_cast<unsigned>(_mm_movemask_epi8(in_range('a', 'z'))),
          static_cast<unsigned>(_mm_movemask_epi8(in_range('0', '9'))),
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('-')))),
          static_cast<unsigned>(_mm_movemask_epi8(bytes))};
}
#endif

// Returns whether the token's lower case is its text byte for byte. `readable` is how many bytes
// from the token's first may be read (at least its length).
bool FillFlags(Token* token, std::size_t readable, std::deque<std::string>* non_ascii_lower) {
  const std::string_view text = token->text;
#if defined(__SSE2__)
  // Most tokens are short and ASCII: their flags from one look at 16 bytes.
  if (text.size() <= 16 && readable >= 16) {
    const unsigned mine = text.size() == 16 ? 0xFFFFu : (1u << text.size()) - 1;
    const ByteClasses classes = ClassifyBytes(reinterpret_cast<const unsigned char*>(text.data()));
    if ((classes.non_ascii & mine) == 0) {
      const unsigned upper = classes.upper & mine, letters = upper | (classes.lower & mine);
      token->has_digit = (classes.digit & mine) != 0;
      token->has_hyphen = (classes.hyphen & mine) != 0;
      token->capitalized = letters != 0 && (upper >> std::countr_zero(letters) & 1u) != 0;
      token->is_word = letters != 0 || token->has_digit;
      token->all_caps = std::popcount(letters) >= 2 && upper == letters;
      return upper == 0;
    }
  }
#else
  (void)readable;
#endif
  std::size_t letters = 0, upper = 0;
  bool ascii = true, capitalized = false, is_word = false, has_digit = false, has_hyphen = false;
  for (const char c : text) {
    const bool is_upper = c >= 'A' && c <= 'Z', is_lower = c >= 'a' && c <= 'z';
    if (is_upper || is_lower) {
      if (letters == 0) capitalized = is_upper;
      ++letters;
      upper += is_upper;
    }
    has_digit = has_digit || (c >= '0' && c <= '9');
    has_hyphen = has_hyphen || c == '-';
    is_word = is_word || is_upper || is_lower;
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  token->has_digit = has_digit;
  token->has_hyphen = has_hyphen;
  is_word = is_word || has_digit;
  if (ascii) {
    token->capitalized = capitalized;
    token->is_word = is_word;
    token->all_caps = letters >= 2 && upper == letters;
    return upper == 0;  // its lower case is the slice of the ASCII-lowered text already set
  }
  letters = upper = 0;
  token->lower = non_ascii_lower->emplace_back(Utf8Lower(text));
  bool first_letter_seen = false;
  for (std::size_t pos = 0; pos < text.size();) {
    CodePoint cp = Decode(text, pos);
    if (IsWordChar(cp.value)) token->is_word = true;
    if (IsLetter(cp.value)) {
      ++letters;
      if (IsUpper(cp.value)) ++upper;
      if (!first_letter_seen) token->capitalized = IsUpper(cp.value);
      first_letter_seen = true;
    }
    pos += cp.length;
  }
  token->all_caps = letters >= 2 && upper == letters;
  return token->lower == token->text;
}

// newline_before[i]: whether a line break separates token i from the one before it.
std::vector<Token> Tokenize(Segmented::Storage* storage, const Lexicons& lexicons,
                            std::vector<uint8_t>* newline_before) {
  const std::string_view text = storage->text;
  const std::string_view lowered = storage->ascii_lower;
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  newline_before->reserve(text.size() / 5);
  bool newline_pending = false;
  std::size_t pos = 0;
  const std::size_t size = text.size();
  auto push = [&](std::size_t begin, std::size_t end) {
    Token& token = tokens.emplace_back();
    newline_before->push_back(newline_pending);
    newline_pending = false;
    token.begin = static_cast<uint32_t>(begin);
    token.end = static_cast<uint32_t>(end);
    token.text = text.substr(begin, end - begin);
    token.lower = lowered.substr(begin, end - begin);
    const bool lower_is_text = FillFlags(&token, size - begin, &storage->non_ascii_lower);
    token.text_hash = ShortStringHash(token.text);
    token.lower_hash = lower_is_text ? token.text_hash : ShortStringHash(token.lower);
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < size) {
    if (bytes[pos] < 0x80) {  // the common case, without decoding
      if (kAsciiClass[bytes[pos]] == kSpaceByte) {
        newline_pending = newline_pending || bytes[pos] == '\n';
        ++pos;
        continue;
      }
      if (kAsciiClass[bytes[pos]] == kOtherByte) {  // punctuation: no letter, nothing to lower
        Token& token = tokens.emplace_back();
        newline_before->push_back(newline_pending);
        newline_pending = false;
        token.begin = static_cast<uint32_t>(pos);
        token.end = static_cast<uint32_t>(pos + 1);
        token.text = text.substr(pos, 1);
        token.lower = token.text;
        token.text_hash = token.lower_hash = ShortStringHash(token.text);
        token.has_hyphen = bytes[pos] == '-';
        ++pos;
        continue;
      }
    } else {
      CodePoint cp = Decode(text, pos);
      if (IsSpace(cp.value)) {
        pos += cp.length;
        continue;
      }
      if (!IsWordChar(cp.value)) {
        push(pos, pos + cp.length);
        pos += cp.length;
        continue;
      }
    }
    std::size_t begin = pos;
    std::size_t end = pos;
    while (end < size) {
#if defined(__SSE2__)
      // The letters and digits of a word, sixteen bytes at a look.
      if (end + 16 <= size) {
        const ByteClasses classes = ClassifyBytes(bytes + end);
        const unsigned word = classes.upper | classes.lower | classes.digit;
        end += static_cast<std::size_t>(std::countr_one(word));
        if (word == 0xFFFFu) continue;
      } else if (kAsciiClass[bytes[end] & 0x7F] == kWordByte && bytes[end] < 0x80) {
        ++end;
        continue;
      }
#else
      if (bytes[end] < 0x80 && kAsciiClass[bytes[end]] == kWordByte) {
        ++end;
        continue;
      }
#endif
      // Only a hyphen, a digit separator or an apostrophe can join; a space ends the word at once.
      if (bytes[end] < 0x80 && bytes[end] != '-' && bytes[end] != ',' && bytes[end] != '.' &&
          bytes[end] != '/' && bytes[end] != '\'')
        break;
      CodePoint here = Decode(text, end);
      if (IsWordChar(here.value)) {
        end += here.length;
        continue;
      }
      if (end + here.length >= size) break;
      CodePoint next = Decode(text, end + here.length);
      // Inner hyphens, digit separators and slashes join: "al-Assad", "1,000", "4/4/2017".
      bool joins = IsHyphen(here.value) && IsWordChar(next.value);
      joins = joins || ((here.value == ',' || here.value == '.' || here.value == '/') &&
                        end > begin && text[end - 1] >= '0' && text[end - 1] <= '9' &&
                        next.value >= '0' && next.value <= '9');
      // Inner apostrophes join ("don't", "O'Brien"), but "'s" is split off below.
      if (IsApostrophe(here.value) && IsLetter(next.value)) {
        std::size_t after = end + here.length + next.length;
        bool possessive = (next.value == 's' || next.value == 'S') &&
                          (after >= size || !IsWordChar(Decode(text, after).value));
        joins = !possessive;
      }
      if (!joins) break;
      end += here.length + next.length;
    }
    // Dotted acronyms and abbreviations keep their dots: "U.S.", "U.N.", "Mr.".
    if (end < size && text[end] == '.') {
      std::size_t dot = end;  // the last dot of "U.S." while scanning
      if (end - begin == 1) {
        while (dot + 2 < size && IsLetter(static_cast<unsigned char>(text[dot + 1])) &&
               text[dot + 1] > 0 && text[dot + 2] == '.') {
          dot += 2;
        }
      }
      if (dot > end) {
        end = dot + 1;
      } else if (lexicons.abbreviations.Contains(lowered.substr(begin, end - begin))) {
        end += 1;
      }
    }
    push(begin, end);
    pos = end;
    // The possessive "'s" as its own token.
    if (pos < size) {
      CodePoint here = Decode(text, pos);
      if (IsApostrophe(here.value) && pos + here.length < size &&
          (text[pos + here.length] == 's' || text[pos + here.length] == 'S')) {
        std::size_t after = pos + here.length + 1;
        if (after >= size || !IsWordChar(Decode(text, after).value)) {
          push(pos, after);
          pos = after;
        }
      }
    }
  }
  return tokens;
}

bool IsClosingPunct(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" ||
         t == "]";
}
bool IsOpeningPunct(std::string_view t) {
  return t == "\"" || t == "(" || t == "\xE2\x80\x9C" || t == "'" || t == "[";
}

}  // namespace

void MarkerSet::Add(std::string marker) {
  if (marker.empty()) return;
  const auto first = static_cast<unsigned char>(marker[0]);
  // A one-byte marker starts every pair its byte begins; at the text's last byte it is looked for
  // apart.
  for (unsigned second = 0; second < 256; ++second) {
    if (marker.size() > 1 && second != static_cast<unsigned char>(marker[1])) continue;
    const std::size_t pair = Pair(first, static_cast<unsigned char>(second));
    pair_starts_[pair / 64] |= uint64_t{1} << (pair % 64);
  }
  starts_[first] = true;
  if (marker.size() == 1) single_byte_[first] = true;
  markers_.push_back(std::move(marker));
}

std::vector<std::pair<std::size_t, std::size_t>> MarkerSet::FindAll(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  auto try_at = [&](std::size_t pos) {
    for (const std::string& marker : markers_) {
      if (static_cast<unsigned char>(marker[0]) == bytes[pos] &&
          text.compare(pos, marker.size(), marker) == 0)
        found.emplace_back(pos, pos + marker.size());
    }
  };
  const std::size_t size = text.size();
  const uint64_t* pair_starts = pair_starts_.data();
  const bool* starts = starts_.data();
  auto check = [&](std::size_t pos) {
    if (!starts[bytes[pos]]) return;
    const std::size_t pair = Pair(bytes[pos], bytes[pos + 1]);
    if (((pair_starts[pair / 64] >> (pair % 64)) & 1) != 0) try_at(pos);
  };
  std::size_t pos = 0;
  // Eight bytes at a time: few blocks hold a byte that starts a marker, and the test of a whole
  // block has no branch to mispredict.
  for (; pos + 9 <= size; pos += 8) {
    const bool any = starts[bytes[pos]] | starts[bytes[pos + 1]] | starts[bytes[pos + 2]] |
                     starts[bytes[pos + 3]] | starts[bytes[pos + 4]] | starts[bytes[pos + 5]] |
                     starts[bytes[pos + 6]] | starts[bytes[pos + 7]];
    if (!any) [[likely]]
      continue;
    for (std::size_t k = 0; k < 8; ++k) check(pos + k);
  }
  for (; pos + 1 < size; ++pos) check(pos);
  if (size > 0 && single_byte_[bytes[size - 1]]) try_at(size - 1);
  std::sort(found.begin(), found.end());
  return found;
}

Segmented Segment(const std::string& text, const Lexicons& lexicons) {
  Segmented out;
  auto storage = std::make_shared<Segmented::Storage>();
  storage->text = text;
  storage->ascii_lower.resize(text.size());
  // Plain pointers: through the strings, the compiler reloads both at every byte.
  const char* from = text.data();
  char* to = storage->ascii_lower.data();
  for (std::size_t i = 0, size = text.size(); i < size; ++i) {
    const char c = from[i];
    to[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  std::vector<uint8_t> newline_before;
  out.tokens = Tokenize(storage.get(), lexicons, &newline_before);
  out.storage = std::move(storage);
  const auto& tokens = out.tokens;
  const uint32_t count = static_cast<uint32_t>(tokens.size());

  auto line_break_between = [&](uint32_t, uint32_t b) { return newline_before[b] != 0; };
  uint32_t start = 0;
  auto close = [&](uint32_t end_token) {
    if (end_token <= start) return;
    Sentence sentence;
    sentence.first_token = start;
    sentence.end_token = end_token;
    sentence.begin = tokens[start].begin;
    sentence.end = tokens[end_token - 1].end;
    out.sentences.push_back(sentence);
    start = end_token;
  };
  // Text without sentence punctuation (lists, scraped junk, glued pages) still
  // comes in sentences of bounded length, cut at the last comma or semicolon
  // when there is one: every per-sentence step stays linear in the document.
  auto close_if_too_long = [&](uint32_t i) {
    if (i + 1 - start < kMaxSentenceTokens) return;
    uint32_t cut = i + 1;
    for (uint32_t j = i; j > start + kMaxSentenceTokens / 2; --j) {
      if (tokens[j].text == "," || tokens[j].text == ";") {
        cut = j + 1;
        break;
      }
    }
    close(cut);
  };
  for (uint32_t i = 0; i < count; ++i) {
    close_if_too_long(i);
    if (i + 1 < count && line_break_between(i, i + 1)) {
      close(i + 1);
      continue;
    }
    const std::string_view t = tokens[i].text;
    if (t != "." && t != "!" && t != "?") continue;
    uint32_t j = i + 1;
    while (j < count && IsClosingPunct(tokens[j].text) && !line_break_between(j - 1, j)) ++j;
    if (j >= count) continue;
    uint32_t k = j;
    if (IsOpeningPunct(tokens[k].text) && k + 1 < count) ++k;
    if (tokens[k].capitalized || (tokens[k].text[0] >= '0' && tokens[k].text[0] <= '9')) close(j);
  }
  close(count);

  // Furniture and headings are judged per line.
  std::vector<std::size_t> newlines;
  for (std::size_t pos = text.find('\n'); pos != std::string::npos; pos = text.find('\n', pos + 1))
    newlines.push_back(pos);
  std::vector<std::pair<std::size_t, std::size_t>> markers_at = lexicons.furniture.FindAll(text);
  for (Sentence& sentence : out.sentences) {
    auto after = std::lower_bound(newlines.begin(), newlines.end(), sentence.end);
    std::size_t line_end = after == newlines.end() ? text.size() : *after;
    auto before = std::lower_bound(newlines.begin(), newlines.end(), sentence.begin);
    std::size_t line_begin = before == newlines.begin() ? 0 : *(before - 1) + 1;
    std::string_view line(text.data() + line_begin, line_end - line_begin);
    std::string_view own(text.data() + sentence.begin, sentence.end - sentence.begin);
    // A marker at the start of the line condemns the whole line; elsewhere, only its sentence.
    const std::string_view trimmed_line = Trim(line);
    for (auto m = std::lower_bound(markers_at.begin(), markers_at.end(),
                                   std::make_pair(std::size_t{sentence.begin}, std::size_t{0}));
         m != markers_at.end() && m->first < sentence.end && !sentence.furniture; ++m) {
      sentence.furniture = m->second <= sentence.end;
    }
    // A marker found where the trimmed line starts (the shortest there, first by (begin, end)).
    const std::size_t line_start = static_cast<std::size_t>(trimmed_line.data() - text.data());
    auto at_start = std::lower_bound(markers_at.begin(), markers_at.end(),
                                     std::make_pair(line_start, std::size_t{0}));
    if (at_start != markers_at.end() && at_start->first == line_start &&
        at_start->second <= line_start + trimmed_line.size())
      sentence.furniture = true;
    const Token& last = tokens[sentence.end_token - 1];
    bool final_punct =
        last.text == "." || last.text == "!" || last.text == "?" ||
        (IsClosingPunct(last.text) && sentence.end_token - sentence.first_token > 1 &&
         tokens[sentence.end_token - 2].text == ".");
    uint32_t words = 0;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) words += tokens[t].is_word;
    sentence.heading = !final_punct && words <= 4 && Trim(line).size() == own.size();
  }
  return out;
}

}  // namespace eventgraph
