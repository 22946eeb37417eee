#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include "eventgraph/shared_string.h"
#include "eventgraph/shared_value.h"
#include "eventgraph/text_util.h"
#include "eventgraph/tsv.h"
#include "eventgraph/word_map.h"

using namespace eventgraph;

TEST_CASE("RepairUtf8 replaces invalid sequences and drops NUL bytes", "[util]") {
  std::size_t replaced = 0;
  CHECK(RepairUtf8("plain ascii", &replaced) == "plain ascii");
  CHECK(replaced == 0);
  CHECK(RepairUtf8("caf\xC3\xA9", &replaced) == "caf\xC3\xA9");  // valid é stays
  CHECK(replaced == 0);
  CHECK(RepairUtf8("bad\xFF"
                   "byte",
                   &replaced) ==
        "bad\xEF\xBF\xBD"
        "byte");
  CHECK(replaced == 1);
  CHECK(RepairUtf8(std::string("nul\0here", 8), &replaced) == "nulhere");
  CHECK(RepairUtf8("\xC3", &replaced) == "\xEF\xBF\xBD");  // truncated sequence at the end
  // ASCII is copied in runs of sixteen bytes: a NUL or a bad byte at any offset of a long text.
  for (std::size_t at = 0; at < 40; ++at) {
    INFO(at);
    std::string text(40, 'x');
    std::string nul = text, bad = text, accented = text;
    nul[at] = '\0';
    bad[at] = '\xFF';
    accented.replace(at, 1, "\xC3\xA9");
    CHECK(RepairUtf8(nul, &replaced) == std::string(39, 'x'));
    CHECK(RepairUtf8(bad, &replaced) ==
          std::string(at, 'x') + "\xEF\xBF\xBD" + std::string(39 - at, 'x'));
    CHECK(replaced == 1);
    CHECK(RepairUtf8(accented, &replaced) == accented);
    CHECK(replaced == 0);
  }
}

TEST_CASE("Slugify makes plain ASCII identifiers", "[util]") {
  CHECK(Slugify("Khan Sheikhoun") == "khan-sheikhoun");
  CHECK(Slugify("U.S. Congress") == "u-s-congress");
  CHECK(Slugify("Bashar al-Assad") == "bashar-al-assad");
  CHECK(Slugify("\xC3\xA9") == "x");  // nothing ASCII left
}

TEST_CASE("LeadingInt reads the number a text starts with, as std::stoi does", "[util]") {
  for (const char* text : {"2017", "2017-04-12", "04", "12", "-44-03-15", "+7x", " 31", "0",
                           "2147483647", "-2147483648", "0009-01-01"}) {
    INFO(text);
    CHECK(LeadingInt(text) == std::stoi(text));
  }
  CHECK(LeadingInt(std::string_view("2017-04-12").substr(5, 2)) == 4);
  CHECK_THROWS_AS(LeadingInt(""), std::invalid_argument);
  CHECK_THROWS_AS(LeadingInt("W15"), std::invalid_argument);
  CHECK_THROWS_AS(LeadingInt("-"), std::invalid_argument);
  CHECK_THROWS_AS(LeadingInt("2147483648"), std::out_of_range);
}

TEST_CASE("Utf8Lower lowers non-ASCII letters too", "[util]") {
  CHECK(Utf8Lower("\xC3\x89LYS\xC3\x89\x45") == "\xC3\xA9lys\xC3\xA9\x65");
  CHECK(AsciiLower("MiXeD") == "mixed");
}

TEST_CASE("ReadTsv reports the file and line of a malformed row", "[util]") {
  auto path = std::filesystem::temp_directory_path() / "eventgraph_tsv_test.tsv";
  {
    std::ofstream out(path);
    out << "# comment\n\nalpha\tbeta\nonly-one-field\n";
  }
  auto rows = ReadTsv(path.string(), 2, 2);
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().line() == 4);
  CHECK(rows.status().code() == StatusCode::kDataError);
  CHECK(rows.status().ToString() == path.string() + ":4: expected 2 tab-separated fields, got 1");

  auto loose = ReadTsv(path.string(), 1, 2);
  REQUIRE(loose.ok());
  REQUIRE(loose->size() == 2);
  CHECK((*loose)[0].fields == std::vector<std::string>{"alpha", "beta"});
  CHECK((*loose)[0].line == 3);
  std::filesystem::remove(path);

  auto missing = ReadTsv("/nonexistent/eventgraph.tsv", 1, 1);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
}

TEST_CASE("FlatWordMap finds what was added, through growth, and keeps insertion order", "[util]") {
  FlatWordMap<int> map;
  CHECK(map.Find("absent") == nullptr);
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back(std::string("w").append(std::to_string(i * 7919)));
  words.push_back("");                                  // the empty word is a key like any other
  words.push_back("a rather long word of many bytes");  // past the 8-byte chunks
  for (std::size_t i = 0; i < words.size(); ++i) map[words[i]] = static_cast<int>(i);
  REQUIRE(map.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const int* found = map.Find(words[i]);
    REQUIRE(found != nullptr);
    CHECK(*found == static_cast<int>(i));
  }
  CHECK(map.Find("w1") == nullptr);
  CHECK_FALSE(map.Contains("a rather long word of many byte"));
  map["w0"] = -5;  // an existing key is not added twice
  CHECK(map.size() == words.size());
  CHECK(*map.Find("w0") == -5);
  std::size_t position = 0;
  for (const auto& [word, value] : map) CHECK(word == words[position++]);
}

TEST_CASE("SharedString holds its text once for every copy, and compares as text", "[util]") {
  std::string source = "Talks resumed in Geneva on Tuesday.";
  const SharedString sentence = source;
  source.assign(source.size(), 'x');  // the shared copy does not point into its source
  REQUIRE(sentence == "Talks resumed in Geneva on Tuesday.");
  REQUIRE(sentence.size() == 35);
  REQUIRE(std::string(sentence.c_str()) == sentence.str());

  SharedString copy = sentence;
  REQUIRE(copy.SharesWith(sentence));
  SharedString moved = std::move(copy);
  REQUIRE(moved.SharesWith(sentence));
  REQUIRE(copy.empty());  // NOLINT: a moved-from string is empty
  REQUIRE(SharedString(sentence.str()) == sentence);
  REQUIRE_FALSE(SharedString(sentence.str()).SharesWith(sentence));

  const SharedString empty = "";
  REQUIRE(empty.empty());
  REQUIRE(empty == SharedString());
  REQUIRE(std::string(empty.c_str()).empty());
  REQUIRE(empty.view().empty());

  // Ordered as std::string orders, bytes compared unsigned.
  std::map<SharedString, int> counts;
  for (const char* word : {"week", "day", "\xC3\xA9t\xC3\xA9", "day", "month"}) counts[word]++;
  std::vector<std::string> order;
  for (const auto& [word, n] : counts) order.push_back(word.str() + ":" + std::to_string(n));
  REQUIRE(order == std::vector<std::string>{"day:2", "month:1", "week:1", "\xC3\xA9t\xC3\xA9:1"});
  std::ostringstream out;
  out << sentence;
  REQUIRE(out.str() == sentence.view());

  // Copies released on several threads free the text once (ASan checks the count).
  std::vector<SharedString> copies(1000, sentence);
  std::thread other([half = std::vector<SharedString>(copies.begin(), copies.begin() + 500)]() {});
  copies.clear();
  other.join();
  REQUIRE(sentence == "Talks resumed in Geneva on Tuesday.");
}

TEST_CASE("SharedValue holds its value once for every copy, and frees it with the last", "[util]") {
  struct Counted {
    std::string text;
    int* alive;
    Counted(std::string t, int* a) : text(std::move(t)), alive(a) { ++*alive; }
    Counted(Counted&& other) noexcept : text(std::move(other.text)), alive(other.alive) {
      ++*alive;
    }
    ~Counted() { --*alive; }
  };
  int alive = 0;
  {
    SharedValue<Counted> empty;
    REQUIRE_FALSE(empty);
    REQUIRE(empty.get() == nullptr);
    SharedValue<Counted> value = SharedValue<Counted>::Make(Counted("last week", &alive));
    REQUIRE(alive == 1);  // the temporary is gone; the block holds the one value
    REQUIRE(value);
    REQUIRE(value->text == "last week");
    SharedValue<Counted> copy = value;
    REQUIRE(copy.get() == value.get());
    SharedValue<Counted> moved = std::move(copy);
    REQUIRE(moved.get() == value.get());
    REQUIRE_FALSE(copy);  // NOLINT: a moved-from handle is empty
    value = empty;
    REQUIRE(alive == 1);  // `moved` still holds it
    REQUIRE((*moved).text == "last week");
    // Copies released on several threads free it once (ASan checks the count).
    std::vector<SharedValue<Counted>> copies(1000, moved);
    std::thread other(
        [half = std::vector<SharedValue<Counted>>(copies.begin(), copies.begin() + 500)]() {});
    copies.clear();
    other.join();
    REQUIRE(alive == 1);
  }
  REQUIRE(alive == 0);
}

TEST_CASE("FlatWordMap reads like the std::unordered_map the lexicons were", "[util]") {
  FlatWordMap<int> map;
  REQUIRE(map.find("said") == map.end());
  REQUIRE(map.emplace("said", 1).second);
  REQUIRE_FALSE(map.emplace("said", 2).second);  // an existing key keeps its value
  map["warned"] = 3;
  REQUIRE(map.count("said") == 1);
  REQUIRE(map.count("says") == 0);
  REQUIRE(map.contains("warned"));
  REQUIRE(map.at("said") == 1);
  REQUIRE_THROWS_AS(map.at("claims"), std::out_of_range);
  auto found = map.find("warned");
  REQUIRE(found != map.end());
  REQUIRE(found->first == "warned");
  REQUIRE(found->second == 3);
}

TEST_CASE("SharedStringPool gives every thread the same string for a value", "[util]") {
  SharedStringPool pool;
  REQUIRE(pool.Intern("").empty());
  const SharedString first = pool.Intern("met");
  REQUIRE(first == "met");
  std::string again = "met";
  REQUIRE(pool.Intern(again).SharesWith(first));
  REQUIRE_FALSE(pool.Intern("meets").SharesWith(first));

  std::vector<std::vector<SharedString>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&pool, &seen, t] {
      for (int i = 0; i < 2000; ++i)
        seen[t].push_back(pool.Intern("day-" + std::to_string(i % 50)));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 1; t < seen.size(); ++t) {
    for (std::size_t i = 0; i < seen[t].size(); ++i) {
      REQUIRE(seen[t][i].SharesWith(seen[0][i]));
    }
  }
  REQUIRE(seen[3][1999] == "day-49");
}
