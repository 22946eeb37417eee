// Text repair before extraction: what real corpora throw at us (scraped HTML,
// invalid UTF-8, typographic characters, pages glued together) becomes plain,
// valid, NFC UTF-8 that the segmenter and the lexicons expect.
//
//   if (LooksBinary(content)) Skip("binary file");
//   TextRepairs repairs;
//   std::string text = NormalizeText(content, &repairs);
//   if (repairs.invalid_utf8 > 0) Warn(...);
//
// Every step keeps what it cannot repair safely: a name like "McDonald" or
// "iPhone" is never split, an "&" that starts no entity stays an "&".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

struct TextRepairs {
  std::size_t invalid_utf8 = 0;  // invalid sequences replaced by U+FFFD
  std::size_t glued = 0;         // words split where a space was missing ("thatAt")
  bool html = false;             // tags stripped and entities decoded
  bool utf16 = false;            // decoded from UTF-16 (it had a byte-order mark)
};

// True when `content` is not text: NUL bytes (UTF-16 with a byte-order mark
// aside), or more than a fifth of its first 64 KB control bytes or invalid
// UTF-8.
bool LooksBinary(std::string_view content);

// True when `text` starts as an HTML document or carries several common tags.
bool LooksLikeHtml(std::string_view text);

// The visible text of an HTML page (libxml2's forgiving HTML parser): blocks
// become lines, scripts, styles, navigation and forms are dropped, entities
// decoded. `text` must be valid UTF-8.
std::string HtmlToText(std::string_view text);

// Decodes the character references that scraped plain text often keeps
// ("&amp;", "&#8217;", "&quot;"); anything else that starts with "&" stays.
std::string DecodeCharacterReferences(std::string_view text);

// Inserts the missing space between glued sentences and words: "thatAt" ->
// "that At", "said.The" -> "said. The", "adding,that" -> "adding, that".
// Words that start with a capital ("McDonald") or one lowercase letter
// ("iPhone", "eBay") are left alone. `splits` counts the spaces inserted.
std::string SplitGluedWords(std::string_view text, std::size_t* splits = nullptr);

// The whole repair: byte-order marks and UTF-16, invalid UTF-8 (U+FFFD), HTML
// when the text looks like HTML (else stray character references), NFC,
// typographic quotes and apostrophes to ASCII, exotic spaces to a space,
// invisible characters dropped, CR LF to LF, control characters to spaces,
// then glued words split. `origin`, when given, receives for each code point
// of the result the index of the code point of the input text it comes from
// (the input after UTF-16 decoding and U+FFFD repair; for HTML, the page's
// text), plus one last entry, the input's length; it is left empty when the
// two are the same text.
std::string NormalizeText(std::string_view raw, TextRepairs* repairs = nullptr,
                          std::vector<uint32_t>* origin = nullptr);

// NormalizeText without its shortcut for text that no pass would change: every character goes
// through every pass. The same results, more slowly: what tests compare NormalizeText with.
std::string NormalizeTextTraced(std::string_view raw, TextRepairs* repairs = nullptr,
                                std::vector<uint32_t>* origin = nullptr);

}  // namespace eventgraph
