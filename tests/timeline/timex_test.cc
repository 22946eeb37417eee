#include <catch2/catch.hpp>

#include "../test_support.h"

using namespace eventgraph;
using eventgraph::testing::TestLexicons;
using eventgraph::testing::TestTemporal;

namespace {

struct Case {
  const char* text;
  const char* anchor;    // document creation time, or "" for none
  const char* expected;  // text of the first time expression
  const char* value;     // its TIMEX3 value
};

// {input text, document date, expected expression, expected value}
const Case kCases[] = {
    {"The attack came last week.", "2017-04-12", "last week", "2017-W14"},
    {"They met on Tuesday.", "2017-04-12", "Tuesday", "2017-04-11"},
    {"They met Wednesday.", "2017-04-12", "Wednesday", "2017-04-12"},
    {"They will meet on Friday.", "2017-04-12", "Friday", "2017-04-14"},
    {"They met on Friday.", "2017-04-12", "Friday", "2017-04-07"},
    {"The April 4 attack.", "2017-04-12", "April 4", "2017-04-04"},
    {"On Apr. 4 it began.", "2017-04-12", "Apr. 4", "2017-04-04"},
    {"Seen on Wednesday, April 12, 2017.", "", "Wednesday, April 12, 2017", "2017-04-12"},
    {"It was 4 April 2017.", "", "4 April 2017", "2017-04-04"},
    {"It was 2017-04-04.", "", "2017-04-04", "2017-04-04"},
    {"The war started six years ago.", "2017-04-12", "six years ago", "2011"},
    {"It happened in 2013.", "2017-04-12", "2013", "2013"},
    {"Back in the 1990s.", "2017-04-12", "the 1990s", "199"},
    {"It happened yesterday.", "2021-01-01", "yesterday", "2020-12-31"},
    {"Elections last year.", "2017-04-12", "last year", "2016"},
    {"Prices rose last month.", "2017-01-15", "last month", "2016-12"},
    {"Talks in January failed.", "2017-04-12", "January", "2017-01"},
    {"Talks in November failed.", "2017-04-12", "November", "2016-11"},
    {"Earlier this month it rained.", "2017-04-12", "Earlier this month", "2017-04"},
    {"It lasted three days.", "2017-04-12", "three days", "P3D"},
    {"After several hours of talks.", "2017-04-12", "several hours", "PTXH"},
    {"He is now in charge.", "2017-04-12", "now", "PRESENT_REF"},
    // ISO weeks across a year end: 2021-01-03 is a Sunday in week 2020-W53.
    {"It began last week.", "2021-01-03", "last week", "2020-W52"},
    {"It began last week.", "2021-01-10", "last week", "2020-W53"},
    {"It began this week.", "2016-01-01", "this week", "2015-W53"},
    // Without an anchor, relative expressions stay unresolved.
    {"It began last week.", "", "last week", "XXXX-WXX"},
    {"They met on Tuesday.", "", "Tuesday", "XXXX-WXX-2"},
    {"The April 4 attack.", "", "April 4", "XXXX-04-04"},
};

std::vector<Timex> Tag(const std::string& text, const std::string& anchor) {
  Segmented seg = Segment(text, TestLexicons());
  return TagTimexes(text, seg, TestTemporal(), anchor);
}

}  // namespace

TEST_CASE("Time expressions are found and normalised against the anchor", "[timex]") {
  for (const Case& c : kCases) {
    INFO(c.text << " @ " << c.anchor);
    std::vector<Timex> found = Tag(c.text, c.anchor);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].text == c.expected);
    CHECK(found[0].value == c.value);
    CHECK_FALSE(found[0].rule.empty());
  }
}

TEST_CASE("Anchored values record their anchor; absolute ones need none", "[timex]") {
  std::vector<Timex> relative = Tag("It happened yesterday.", "2017-04-12");
  REQUIRE(relative.size() == 1);
  CHECK(relative[0].anchor == "2017-04-12");
  std::vector<Timex> absolute = Tag("It was 2017-04-04.", "2017-04-12");
  REQUIRE(absolute.size() == 1);
  CHECK(absolute[0].anchor.empty());
}

TEST_CASE("Words that only look like dates are left alone", "[timex]") {
  CHECK(Tag("They may march on.", "2017-04-12").empty());
  CHECK(Tag("It killed 87 people.", "2017-04-12").empty());
}

TEST_CASE("An impossible calendar date is not normalised", "[timex]") {
  for (const Timex& t : Tag("Signed on February 30, 2017.", "2017-04-12")) {
    CHECK(t.value != "2017-02-30");
  }
}

TEST_CASE("A dateline anchors an undated document", "[timex]") {
  std::string text = "KABUL, Wednesday, April 12, 2017 - Officials met yesterday.";
  Segmented seg = Segment(text, TestLexicons());
  std::vector<Timex> unanchored = TagTimexes(text, seg, TestTemporal(), "");
  CHECK(FindDateline(unanchored, 600) == "2017-04-12");
  CHECK(FindDateline(unanchored, 3).empty());
}

TEST_CASE("Values map to day intervals at their granularity", "[timex]") {
  DayInterval days;
  REQUIRE(ValueToInterval("2017-04-04", &days));
  CHECK((days.first == "2017-04-04" && days.last == "2017-04-04" && days.granularity == "day"));
  REQUIRE(ValueToInterval("2017-W14", &days));
  CHECK((days.first == "2017-04-03" && days.last == "2017-04-09" && days.granularity == "week"));
  REQUIRE(ValueToInterval("2020-W53", &days));
  CHECK((days.first == "2020-12-28" && days.last == "2021-01-03"));
  CHECK_FALSE(ValueToInterval("2021-W53", &days));  // 2021 has 52 ISO weeks
  REQUIRE(ValueToInterval("2016-02", &days));
  CHECK((days.first == "2016-02-01" && days.last == "2016-02-29"));
  REQUIRE(ValueToInterval("2017-Q2", &days));
  CHECK((days.first == "2017-04-01" && days.last == "2017-06-30"));
  REQUIRE(ValueToInterval("2017", &days));
  CHECK((days.first == "2017-01-01" && days.last == "2017-12-31"));
  REQUIRE(ValueToInterval("199", &days));
  CHECK((days.first == "1990-01-01" && days.last == "1999-12-31"));
  CHECK_FALSE(ValueToInterval("P3D", &days));
  CHECK_FALSE(ValueToInterval("XXXX-WXX-2", &days));
  CHECK_FALSE(ValueToInterval("PRESENT_REF", &days));
}
