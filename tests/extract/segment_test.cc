#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "../test_support.h"

using namespace eventgraph;
using eventgraph::testing::TestLexicons;

namespace {

std::vector<std::string> TokenTexts(const Segmented& seg) {
  std::vector<std::string> out;
  for (const Token& token : seg.tokens) out.emplace_back(token.text);
  return out;
}

std::vector<std::string> SentenceTexts(const std::string& text, const Segmented& seg) {
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("Tokens keep acronyms, hyphenated names and split possessives", "[segment]") {
  std::string text = "The U.S. envoy met al-Assad's aide, Mr. Smith, in Khan Sheikhoun.";
  Segmented seg = Segment(text, TestLexicons());
  CHECK(TokenTexts(seg) == std::vector<std::string>{"The", "U.S.", "envoy", "met", "al-Assad", "'s",
                                                    "aide", ",", "Mr.", "Smith", ",", "in", "Khan",
                                                    "Sheikhoun", "."});
  REQUIRE(seg.sentences.size() == 1);  // neither "U.S." nor "Mr." ends the sentence
  CHECK(seg.tokens[1].all_caps);
  CHECK(seg.tokens[12].capitalized);
  CHECK(seg.tokens[4].has_hyphen);
  CHECK_FALSE(seg.tokens[4].has_digit);
  Segmented dates = Segment("On 4/4/2017 - or mid-2012 - it began.", TestLexicons());
  REQUIRE(dates.tokens.size() == 9);
  CHECK(dates.tokens[1].has_digit);
  CHECK_FALSE(dates.tokens[1].has_hyphen);
  CHECK(dates.tokens[2].has_hyphen);  // a dash on its own
  CHECK(dates.tokens[4].has_digit);
  CHECK(dates.tokens[4].has_hyphen);
  CHECK_FALSE(dates.tokens[6].has_digit);
}

TEST_CASE("Sentences end at punctuation, at line breaks, and in glued text", "[segment]") {
  std::string text =
      "First one. Second one!\nA heading\nIt was counterproductive.During the talks, he left.";
  Segmented seg = Segment(text, TestLexicons());
  CHECK(SentenceTexts(text, seg) ==
        std::vector<std::string>{"First one.", "Second one!", "A heading",
                                 "It was counterproductive.", "During the talks, he left."});
  CHECK(seg.sentences[2].heading);
  CHECK_FALSE(seg.sentences[0].heading);
}

TEST_CASE("Page furniture is marked so nothing is extracted from it", "[segment]") {
  std::string text =
      "Leaders met in Paris. (AP Photo/Jane Doe)\nWATCH LIVE\nMore from the site: an attack story";
  Segmented seg = Segment(text, TestLexicons());
  REQUIRE(seg.sentences.size() == 4);
  CHECK_FALSE(seg.sentences[0].furniture);
  CHECK(seg.sentences[1].furniture);
  CHECK(seg.sentences[2].furniture);
  CHECK(seg.sentences[3].furniture);
}

TEST_CASE("A line is furniture when a marker starts it, and only when the whole marker is there",
          "[segment]") {
  std::string text = "Troops left the town.\n  Read more  \nRead mor\nShare this story today.";
  Segmented seg = Segment(text, TestLexicons());
  REQUIRE(seg.sentences.size() == 4);
  CHECK_FALSE(seg.sentences[0].furniture);
  CHECK(seg.sentences[1].furniture);        // indented, with spaces after it
  CHECK_FALSE(seg.sentences[2].furniture);  // cut short by the line's end
  CHECK(seg.sentences[3].furniture);
}

TEST_CASE("Markers are found wherever they occur, as a plain search finds them", "[segment]") {
  MarkerSet markers;
  for (const char* marker : {"|", "| AP", "Photo/", "(c) ", "ab", "\xC2\xA9"}) markers.Add(marker);
  // Texts of every length up to a few blocks of eight bytes, made of the markers' bytes and others,
  // so that markers fall at every offset, overlap, and end the text.
  const std::string alphabet = "|APhoto/(c) ab\xC2\xA9xy";
  std::mt19937 random(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const std::size_t length = random() % 40;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    if (round % 3 == 0 && !text.empty()) text.back() = '|';  // a one-byte marker as the last byte
    std::vector<std::pair<std::size_t, std::size_t>> expected;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      for (const std::string& marker : markers.markers()) {
        if (text.compare(pos, marker.size(), marker) == 0)
          expected.emplace_back(pos, pos + marker.size());
      }
    }
    std::sort(expected.begin(), expected.end());
    INFO(text);
    CHECK(markers.FindAll(text) == expected);
  }
}

TEST_CASE("Curly apostrophes and non-breaking spaces tokenise like plain ones", "[segment]") {
  std::string text =
      "Russia\xE2\x80\x99s\xC2\xA0"
      "army";
  Segmented seg = Segment(text, TestLexicons());
  CHECK(TokenTexts(seg) == std::vector<std::string>{"Russia", "\xE2\x80\x99s", "army"});
}

TEST_CASE("Tokens outlive the text they were cut from, in copies too", "[segment]") {
  Segmented copy;
  {
    auto text =
        std::make_unique<std::string>("Über-Minister ÉLYSÉE met Reuters in Khan Sheikhoun.");
    Segmented seg = Segment(*text, TestLexicons());
    text.reset();  // the views must not point into the caller's string
    copy = seg;
  }
  REQUIRE(copy.tokens.size() == 8);
  CHECK(copy.tokens[0].text == "Über-Minister");
  CHECK(copy.tokens[0].lower == "über-minister");
  CHECK(copy.tokens[1].lower == "élysée");
  CHECK(copy.tokens[1].all_caps);
  CHECK(copy.tokens[3].text == "Reuters");
  CHECK(copy.tokens[3].lower == "reuters");
  CHECK(copy.tokens[7].text == ".");
}

TEST_CASE("Each token carries the hashes of its text and lower case", "[segment]") {
  // The lexicon tables are probed with these hashes, never recomputed: a stale one would make
  // a listed word miss its entry.
  const std::string text =
      "MOSCOW — Ministers of Côte d'Ivoire met ÉLYSÉE officials, the U.S. said on 4/4/2017; "
      "al-Assad's forces (and Putin's) \"left\" at 10.30.";
  Segmented seg = Segment(text, TestLexicons());
  REQUIRE(seg.tokens.size() > 20);
  std::size_t changed_by_lower_case = 0;
  for (const Token& token : seg.tokens) {
    INFO(token.text);
    CHECK(token.text_hash == ShortStringHash(token.text));
    CHECK(token.lower_hash == ShortStringHash(token.lower));
    changed_by_lower_case += token.text != token.lower;
  }
  CHECK(changed_by_lower_case >= 4);  // MOSCOW, Ministers, ÉLYSÉE, ...
  // A table finds a token's word through either form of the lookup.
  FlatWordMap<int> words;
  words["élysée"] = 1;
  words["moscow"] = 2;
  int found = 0;
  for (const Token& token : seg.tokens) {
    if (const int* value = words.Find(token.Lower())) found += *value;
  }
  CHECK(found == 3);
}

TEST_CASE("Tokens and their flags are the same wherever the text ends", "[segment]") {
  // Words are scanned, and short tokens' flags read, sixteen bytes at a time, except within
  // sixteen bytes of the text's end, where they are read byte by byte: the same text with room
  // after it (only spaces) takes the other path for every token near its end, and must give the
  // same tokens.
  const std::vector<std::string> pieces = {
      "a", "Z", "0",  "9", "@", "[",      "`",      "{", "/", ":", "-", "'", ".",    ",",
      " ", " ", "\n", "é", "É", "\u2019", "\u00a0", "s", "S", "U", "x", "Q", "\x7f", "7"};
  std::mt19937 random(20261207);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(1, 48);
  auto describe = [](const Token& t) {
    return std::string(t.text) + "|" + std::string(t.lower) + "|" + std::to_string(t.begin) + "-" +
           std::to_string(t.end) + "|" + std::to_string(t.capitalized) +
           std::to_string(t.all_caps) + std::to_string(t.is_word) + std::to_string(t.has_digit) +
           std::to_string(t.has_hyphen) + "|" + std::to_string(t.text_hash) + "|" +
           std::to_string(t.lower_hash);
  };
  std::size_t compared = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const std::size_t count = length(random);
    for (std::size_t i = 0; i < count; ++i) text += pieces[piece(random)];
    if (round % 4 == 0) text += std::string(length(random), 'w');  // words longer than 16 bytes
    const Segmented alone = Segment(text, TestLexicons());
    const Segmented padded = Segment(text + std::string(32, ' '), TestLexicons());
    std::vector<std::string> a, b;
    for (const Token& t : alone.tokens) a.push_back(describe(t));
    for (const Token& t : padded.tokens) b.push_back(describe(t));
    INFO(text);
    REQUIRE(a == b);
    compared += a.size();
  }
  CHECK(compared > 20000);
}
