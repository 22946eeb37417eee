#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "eventgraph/normalize.h"

using namespace eventgraph;

TEST_CASE("Glued words and sentences are split, names are not", "[normalize]") {
  struct Row {
    const char* input;
    const char* expected;
    std::size_t splits;
  };
  const Row rows[] = {
      {"adding, thatAt the same time", "adding, that At the same time", 1},
      {"it was counterproductive.During the talks", "it was counterproductive. During the talks",
       1},
      {"He said!Then he left", "He said! Then he left", 1},
      {"the minister said,adding that", "the minister said, adding that", 1},
      {"a McDonald restaurant", "a McDonald restaurant", 0},
      {"an iPhone and an eBay account", "an iPhone and an eBay account", 0},
      {"DeSantis and MacArthur met LeBron", "DeSantis and MacArthur met LeBron", 0},
      {"macOS, iOS and openAI", "macOS, iOS and openAI", 0},
      {"the U.S.Army and Mr.Smith", "the U.S.Army and Mr.Smith", 0},
      {"1,000 people; 3.5 percent", "1,000 people; 3.5 percent", 0},
      {"e.g.,the", "e.g.,the", 0},
  };
  for (const Row& row : rows) {
    INFO(row.input);
    std::size_t splits = 99;
    CHECK(SplitGluedWords(row.input, &splits) == row.expected);
    CHECK(splits == row.splits);
  }
}

TEST_CASE("Typography becomes plain, NFC UTF-8", "[normalize]") {
  TextRepairs repairs;
  // Curly quotes, a no-break space, a soft hyphen, a zero-width space, CR LF, an ellipsis, a
  // decomposed e-acute (e + U+0301) and a C0 control.
  const std::string raw =
      "\xE2\x80\x9CRussia\xE2\x80\x99s\xC2\xA0"
      "inter\xC2\xAD"
      "ference\xE2\x80\x8B\xE2\x80\x9D\r\n"
      "Wait\xE2\x80\xA6 Caf"
      "e\xCC\x81\x07!";
  CHECK(NormalizeText(raw, &repairs) == "\"Russia's interference\"\nWait... Caf\xC3\xA9 !");
  CHECK(repairs.invalid_utf8 == 0);
  CHECK_FALSE(repairs.html);
}

TEST_CASE("Every repaired character is traced to the input it came from", "[normalize]") {
  std::vector<uint32_t> origin;
  // "inter<soft hyphen>ference said.The" -> "interference said. The"
  const std::string text = NormalizeText(
      "inter\xC2\xAD"
      "ference said.The",
      nullptr, &origin);
  REQUIRE(text == "interference said. The");
  REQUIRE(origin.size() == text.size() + 1);
  CHECK(origin[4] == 4);    // 'r'
  CHECK(origin[5] == 6);    // 'f': the soft hyphen is gone
  CHECK(origin[17] == 18);  // '.'
  CHECK(origin[18] == 19);  // the inserted space stands where 'T' was
  CHECK(origin[19] == 19);  // 'T'
  CHECK(origin.back() == 22);
  // Text that needs no repair has no trace: offsets are the input's own.
  NormalizeText("Nothing to repair here.", nullptr, &origin);
  CHECK(origin.empty());
}

// NormalizeText keeps text that no pass would change as read: each row needs exactly one pass, so
// that a check the shortcut forgot would leave the text unrepaired here.
TEST_CASE("Text is kept as read only when no repair applies", "[normalize]") {
  struct Row {
    const char* input;
    const char* expected;
  };
  const Row rows[] = {
      // Nothing to repair: an em dash, precomposed letters, a name in Polish, CJK, a tab.
      {"WARSAW \xE2\x80\x94 Kova\xC4\x8D"
       "evi\xC4\x87 met \xC5\x81\xC3\xB3"
       "d\xC5\xBA\t\xE6\x9D\xB1",
       "WARSAW \xE2\x80\x94 Kova\xC4\x8D"
       "evi\xC4\x87 met \xC5\x81\xC3\xB3"
       "d\xC5\xBA\t\xE6\x9D\xB1"},
      {"AT&amp;T", "AT&T"},                          // a reference
      {"Cafe\xCC\x81", "Caf\xC3\xA9"},               // a combining mark
      {"\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"},  // Hangul jamo compose, no mark
      {"a\r\nb", "a\nb"},                            // CR LF
      {"a\x7F"
       "b",
       "a b"},                      // a control character
      {"it\xE2\x80\x99s", "it's"},  // typography
      {"said.The", "said. The"},    // glued sentences
      {"thatAt", "that At"},        // glued words
  };
  for (const Row& row : rows) {
    INFO(row.input);
    std::vector<uint32_t> origin{1, 2, 3};
    CHECK(NormalizeText(row.input, nullptr, &origin) == row.expected);
    if (std::string(row.input) == row.expected) CHECK(origin.empty());
  }
}

TEST_CASE("The shortcut for text needing no repair gives what the traced passes give",
          "[normalize]") {
  // Pieces that each pass acts on, or nearly does (a name with a capital inside, an abbreviation,
  // a comma before a space), joined at random: the shortcut must say "kept" exactly when tracing
  // every character through every pass changes nothing.
  const std::vector<std::string> pieces = {"a",
                                           "said",
                                           "B",
                                           "The",
                                           ".",
                                           ",",
                                           ";",
                                           "!",
                                           "?",
                                           " ",
                                           "\n",
                                           "\t",
                                           "\r",
                                           "\x7F",
                                           "&",
                                           "&amp;",
                                           "McDonald",
                                           "e.g.",
                                           "U.S.",
                                           "x1",
                                           "\xE2\x80\x94" /* em dash */,
                                           "\xE2\x80\x99" /* curly apostrophe */,
                                           "\xC2\xA0" /* no-break space */,
                                           "\xC4\x87" /* c acute */,
                                           "\xCC\x81" /* combining acute */,
                                           "\xC5\x81\xC3\xB3" /* Lo */,
                                           "\xE6\x9D\xB1" /* CJK */,
                                           "\xE2\x80\x8B" /* zero width space */};
  std::mt19937 random(2026);
  // Short texts, and long ones of plain words between the pieces, so that the shortcut's blocks of
  // sixteen bytes meet each piece at every offset and at their edges.
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    const bool long_text = round % 2 == 1;
    const std::size_t count = random() % (long_text ? 8 : 12);
    for (std::size_t i = 0; i < count; ++i) {
      if (long_text) text.append(random() % 40, "plain words and spaces "[random() % 23]);
      text += pieces[random() % pieces.size()];
    }
    INFO(text);
    TextRepairs fast_repairs, traced_repairs;
    std::vector<uint32_t> fast_origin{7}, traced_origin{7};
    CHECK(NormalizeText(text, &fast_repairs, &fast_origin) ==
          NormalizeTextTraced(text, &traced_repairs, &traced_origin));
    CHECK(fast_origin == traced_origin);
    CHECK(fast_repairs.glued == traced_repairs.glued);
  }
}

TEST_CASE("Invalid UTF-8 and UTF-16 are repaired and counted", "[normalize]") {
  TextRepairs repairs;
  CHECK(NormalizeText("Caf\xE9 \xFF\xFEok", &repairs) ==
        "Caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBDok");
  CHECK(repairs.invalid_utf8 == 3);
  const std::string utf16le(
      "\xFF\xFE"
      "A\0b\0\x19\x20s\0",
      10);  // "Ab’s"
  CHECK(NormalizeText(utf16le, &repairs) == "Ab's");
  CHECK(repairs.utf16);
  const std::string utf16be("\xFE\xFF\0H\xD8\x3D\xDE\x00", 8);  // "H😀"
  CHECK(NormalizeText(utf16be, &repairs) == "H\xF0\x9F\x98\x80");
}

TEST_CASE("HTML pages are reduced to their text", "[normalize]") {
  const std::string page =
      "<!DOCTYPE html><html><head><title>T</title><style>p{}</style>"
      "<script>var x = '<p>not text</p>';</script></head><body>"
      "<nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>"
      "<h1>Rebels &amp; troops clash</h1>"
      "<p>Rebels attacked   a convoy<br>near Kalma on Tuesday, officials&nbsp;said.</p>"
      "<p>It was the <b>third</b> attack&#8212;this month.</p>"
      "<footer>Copyright</footer></body></html>";
  CHECK(LooksLikeHtml(page));
  TextRepairs repairs;
  CHECK(NormalizeText(page, &repairs) ==
        "Rebels & troops clash\n\nRebels attacked a convoy\nnear Kalma on Tuesday, officials "
        "said.\n\nIt was the third attack\xE2\x80\x94this month.");
  CHECK(repairs.html);
  // A fragment counts when it carries several tags; one "<" in prose does not.
  CHECK(LooksLikeHtml("<p>One.</p>\n<p>Two.</p>"));
  CHECK_FALSE(LooksLikeHtml("Turnout was < 40% and the vote <b> was close."));
  // Broken markup is still read.
  CHECK(HtmlToText("<p>Unclosed <b>bold <i>and <p>next</p>") == "Unclosed bold and\n\nnext");
}

TEST_CASE("Character references left in plain text are decoded, a bare & is kept", "[normalize]") {
  CHECK(DecodeCharacterReferences("AT&T said &quot;no&quot; &amp; left &#8217;&#x41;&bogus; &") ==
        "AT&T said \"no\" & left \xE2\x80\x99"
        "A&bogus; &");
}

TEST_CASE("Binary content is told from text", "[normalize]") {
  CHECK(LooksBinary(std::string("PK\x03\x04\0\0\x08\0", 8)));
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919) % 255 + 1));
  CHECK(LooksBinary(noise));
  CHECK_FALSE(LooksBinary("Plain text, with a caf\xE9 in Latin-1 and\ttabs.\r\n"));
  CHECK_FALSE(
      LooksBinary(std::string("\xFF\xFE"
                              "A\0",
                              4)));  // UTF-16 with its mark
  CHECK_FALSE(LooksBinary(""));
}
