// The acceptance examples on the shared seed articles (April 2017).
// They are read from ../shared/seeds, not copied into the repository; the
// test passes with a warning where that folder is absent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "../test_support.h"
#include "eventgraph/document.h"
#include "eventgraph/text_util.h"

using namespace eventgraph;

TEST_CASE("Seed articles: relative dates resolve against each article's date", "[timex][seeds]") {
  const std::filesystem::path seeds = EVENTGRAPH_TEST_SEEDS_DIR;
  if (!std::filesystem::is_directory(seeds)) {
    WARN("skipped: " << seeds.string() << " is absent");
    return;
  }
  std::vector<InputFile> files;
  REQUIRE(ListInputs({seeds.string()}, &files).ok());
  REQUIRE(files.size() >= 5);
  // (expression as written, lower-cased) -> the values it received, with the anchors used.
  std::map<std::string, std::set<std::string>> values;
  std::set<std::string> anchors;
  for (const InputFile& file : files) {
    for (const Document& doc : ReadInputFile(file).documents) {
      Segmented seg = Segment(doc.text, testing::TestLexicons());
      std::string anchor = doc.date;
      // Two seeds carry no date header: their dateline ("April 12, 2017") anchors them, as in
      // `build`.
      if (anchor.empty())
        anchor = FindDateline(TagTimexes(doc.text, seg, testing::TestTemporal(), ""), 600);
      // One seed has neither; all five were published on 12 or 13 April 2017.
      if (anchor.empty()) anchor = "2017-04-12";
      anchors.insert(anchor);
      for (const Timex& timex : TagTimexes(doc.text, seg, testing::TestTemporal(), anchor)) {
        values[Utf8Lower(timex.text)].insert(timex.value);
      }
    }
  }
  CHECK(anchors.count("2017-04-12") == 1);
  // "last week" said on Wednesday 2017-04-12 (ISO week 15) is week 14.
  CHECK(values["last week"] == std::set<std::string>{"2017-W14"});
  // "on Tuesday", said on Wednesday 12 or Thursday 13 April, is the day before or two days before.
  CHECK(values["tuesday"] == std::set<std::string>{"2017-04-11"});
  CHECK(values["april 4"] == std::set<std::string>{"2017-04-04"});
  CHECK(values["last year"] == std::set<std::string>{"2016"});
  CHECK(values["january"] == std::set<std::string>{"2017-01"});
}
