#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

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
  const char* type = "DATE";
};

// {input text, document date, expected expression, expected value, type}.
// 2017-04-12 is a Wednesday in ISO week 15.
const Case kCases[] = {
    // Full dates in their common spellings.
    {"It was 2017-04-04.", "", "2017-04-04", "2017-04-04"},
    {"Seen on Wednesday, April 12, 2017.", "", "Wednesday, April 12, 2017", "2017-04-12"},
    {"It was 4 April 2017.", "", "4 April 2017", "2017-04-04"},
    {"On the 4th of April, 2017 it began.", "", "the 4th of April, 2017", "2017-04-04"},
    {"Signed Feb. 29, 2016.", "", "Feb. 29, 2016", "2016-02-29"},
    {"The April 4 attack.", "2017-04-12", "April 4", "2017-04-04"},
    {"On Apr. 4 it began.", "2017-04-12", "Apr. 4", "2017-04-04"},
    {"On 4 April it began.", "2017-04-12", "4 April", "2017-04-04"},
    {"Due on Jan 5.", "2016-12-20", "Jan 5",
     "2017-01-05"},  // the nearest January 5, across the year end
    {"Signed on Dec. 30.", "2017-01-03", "Dec. 30", "2016-12-30"},
    {"Born on February 29.", "2016-03-10", "February 29",
     "2016-02-29"},  // a leap day, in a leap year
    {"The eve of April 6 was calm.", "2017-04-12", "The eve of April 6", "2017-04-05"},
    // Months, seasons, quarters, halves.
    {"Prices rose in April 2017.", "", "April 2017", "2017-04"},
    {"Talks in January failed.", "2017-04-12", "January", "2017-01"},
    {"Talks in November failed.", "2017-04-12", "November", "2016-11"},
    {"Talks in April failed.", "2017-04-12", "April", "2017-04"},
    {"Talks will resume in June.", "2017-04-12", "June", "2017-06"},
    {"Talks resumed last June.", "2017-04-12", "last June", "2016-06"},
    {"It started in early December.", "2017-04-12", "early December", "2016-12"},
    {"It peaked in mid-2009.", "2017-04-12", "mid-2009", "2009"},
    {"It ends by the end of March 2018.", "2017-04-12", "the end of March 2018", "2018-03"},
    {"Profit fell in the first quarter.", "2017-04-12", "the first quarter", "2017-Q1"},
    {"Profit fell in the fourth quarter.", "2017-02-12", "the fourth quarter", "2016-Q4"},
    {"Third-quarter profit fell.", "2017-12-01", "Third-quarter", "2017-Q3"},
    {"Profit fell in the third quarter of 2015.", "2017-04-12", "the third quarter of 2015",
     "2015-Q3"},
    {"Sales rose in the second half of 2015.", "2017-04-12", "the second half of 2015", "2015-H2"},
    {"It was built in the summer of 1999.", "2017-04-12", "the summer of 1999", "1999-SU"},
    {"It was built last summer.", "2017-04-12", "last summer", "2016-SU"},
    {"It will open this summer.", "2017-04-12", "this summer", "2017-SU"},
    {"It was built in the winter.", "2017-01-12", "the winter", "2016-WI"},
    // Years, decades, centuries.
    {"It happened in 2013.", "2017-04-12", "2013", "2013"},
    {"Since 2015 it has grown.", "2017-04-12", "2015", "2015"},
    {"Results for fiscal 2016 were weak.", "2017-04-12", "fiscal 2016", "2016"},
    {"Back in the 1990s.", "2017-04-12", "the 1990s", "199"},
    {"A hit of the '80s.", "2017-04-12", "the '80s", "198"},
    {"In the early 2000s it grew.", "2017-04-12", "the early 2000s", "200"},
    {"The 20th century was violent.", "2017-04-12", "The 20th century", "19"},
    {"In 1453 the city fell.", "2017-04-12", "1453", "1453"},
    // Relative to the document date.
    {"It happened yesterday.", "2021-01-01", "yesterday", "2020-12-31"},
    {"It happened yesterday.", "2016-03-01", "yesterday", "2016-02-29"},  // leap day
    {"It happened yesterday.", "2017-03-01", "yesterday", "2017-02-28"},
    {"It opens tomorrow.", "2016-12-31", "tomorrow", "2017-01-01"},
    {"It opens today.", "2017-04-12", "today", "2017-04-12"},
    {"The attack came last week.", "2017-04-12", "last week", "2017-W14"},
    {"It began last week.", "2021-01-03", "last week",
     "2020-W52"},  // 2021-01-03 is a Sunday of 2020-W53
    {"It began last week.", "2021-01-10", "last week", "2020-W53"},
    {"It began this week.", "2016-01-01", "this week", "2015-W53"},
    {"It begins next week.", "2020-12-25", "next week", "2020-W53"},
    {"It begins next week.", "2020-12-31", "next week", "2021-W01"},
    {"Elections last year.", "2017-04-12", "last year", "2016"},
    {"Elections last year.", "2017-01-01", "last year", "2016"},
    {"Elections next year.", "2017-12-31", "next year", "2018"},
    {"Prices rose last month.", "2017-01-15", "last month", "2016-12"},
    {"Prices rose last month.", "2016-03-31", "last month", "2016-02"},
    {"Prices fall next month.", "2017-12-15", "next month", "2018-01"},
    {"Earlier this month it rained.", "2017-04-12", "Earlier this month", "2017-04"},
    {"It grew early this year.", "2017-04-12", "early this year", "2017"},
    {"It fell late last year.", "2017-04-12", "late last year", "2016"},
    {"Results last quarter were weak.", "2017-02-12", "last quarter", "2016-Q4"},
    {"The war started six years ago.", "2017-04-12", "six years ago", "2011"},
    {"It opened two weeks ago.", "2017-01-04", "two weeks ago", "2016-W51"},
    {"It closed three days ago.", "2016-03-02", "three days ago", "2016-02-28"},
    {"It closed a month ago.", "2017-03-31", "a month ago", "2017-02"},
    {"It closed years ago.", "2017-04-12", "years ago", "PAST_REF"},
    {"It closed a decade ago.", "2017-04-12", "a decade ago", "200"},
    {"It happened last night.", "2017-04-12", "last night", "2017-04-11TNI", "TIME"},
    {"It happened this morning.", "2017-04-12", "this morning", "2017-04-12TMO", "TIME"},
    {"It happens tonight.", "2017-01-01", "tonight", "2017-01-01TNI", "TIME"},
    // Weekdays: the one of the anchor's week, in the past unless the clause speaks of the future.
    {"They met on Tuesday.", "2017-04-12", "Tuesday", "2017-04-11"},
    {"They met Wednesday.", "2017-04-12", "Wednesday",
     "2017-04-12"},  // "Tuesday" said on a Tuesday
    {"They met on Friday.", "2017-04-12", "Friday", "2017-04-07"},
    {"They will meet on Friday.", "2017-04-12", "Friday", "2017-04-14"},
    {"They will meet on Monday.", "2017-04-12", "Monday", "2017-04-17"},
    {"The vote is scheduled for Sunday.", "2020-12-30", "Sunday",
     "2021-01-03"},  // across the year end
    {"They met on Thursday.", "2021-01-01", "Thursday", "2020-12-31"},
    {"They met last Tuesday.", "2017-04-11", "last Tuesday", "2017-04-04"},
    {"They meet next Tuesday.", "2017-04-11", "next Tuesday", "2017-04-18"},
    {"They met Tuesday night.", "2017-04-12", "Tuesday night", "2017-04-11TNI", "TIME"},
    {"They met late Monday.", "2017-04-12", "late Monday", "2017-04-10"},
    {"They met on Tuesday, April 11.", "2017-04-12", "Tuesday, April 11", "2017-04-11"},
    {"Protests over the weekend.", "2017-04-12", "the weekend", "2017-W14-WE"},
    {"Protests last weekend.", "2017-04-16", "last weekend", "2017-W14-WE"},
    // Relative to the last date mentioned.
    {"On March 3, 2015 they met. The next day they left.", "2017-04-12", "March 3, 2015",
     "2015-03-03"},
    {"They met. The next day they left.", "2017-04-12", "The next day", "2017-04-13"},
    {"They met on the same day.", "2017-04-12", "the same day", "2017-04-12"},
    // TimeML: "later", "after" and the like are signals outside a duration.
    {"Two days later they left.", "2017-04-12", "Two days", "P2D", "DURATION"},
    {"It closed a year before the war.", "2017-04-12", "a year", "P1Y", "DURATION"},
    // Fixed-date holidays, the nearest one.
    {"They met on Christmas Eve.", "2013-03-22", "Christmas Eve", "2012-12-24"},
    {"Shops close on New Year's Day.", "2016-12-20", "New Year's Day", "2017-01-01"},
    {"It ended late yesterday.", "2017-04-12", "late yesterday", "2017-04-11"},
    {"Profit rose by year-end.", "2017-04-12", "year-end", "2017"},
    // Clock times, on the day last mentioned.
    {"The blast came at 10:30 a.m.", "2017-04-12", "10:30 a.m.", "2017-04-12T10:30", "TIME"},
    {"The blast came at 3 p.m. yesterday.", "2017-04-12", "3 p.m.", "2017-04-12T15:00", "TIME"},
    {"The vote closed at midnight.", "2017-04-12", "midnight", "2017-04-12T24:00", "TIME"},
    {"They met at noon.", "2017-04-12", "noon", "2017-04-12T12:00", "TIME"},
    // Durations.
    {"It lasted three days.", "2017-04-12", "three days", "P3D", "DURATION"},
    {"After several hours of talks.", "2017-04-12", "several hours", "PTXH", "DURATION"},
    {"It took a few days.", "2017-04-12", "a few days", "PXD", "DURATION"},
    {"It took a couple of weeks.", "2017-04-12", "a couple of weeks", "P2W", "DURATION"},
    {"A five-year plan.", "2017-04-12", "five-year", "P5Y", "DURATION"},
    {"Over the past 24 hours.", "2017-04-12", "the past 24 hours", "PT24H", "DURATION"},
    {"Over the past several months.", "2017-04-12", "the past several months", "PXM", "DURATION"},
    {"Over the past week.", "2017-04-12", "the past week", "P1W", "DURATION"},
    {"In the coming weeks.", "2017-04-12", "the coming weeks", "PXW", "DURATION"},
    {"Prices fell in recent years.", "2017-04-12", "recent years", "PXY", "DURATION"},
    {"They argued for hours.", "2017-04-12", "hours", "PTXH", "DURATION"},
    {"It came hours after the vote.", "2017-04-12", "hours", "PTXH", "DURATION"},
    {"The worst in a decade.", "2017-04-12", "a decade", "P10Y", "DURATION"},
    {"It lasted two decades.", "2017-04-12", "two decades", "P20Y", "DURATION"},
    // Sets.
    {"It meets every year.", "2017-04-12", "every year", "P1Y", "SET"},
    {"It meets twice a week.", "2017-04-12", "twice a week", "P1W", "SET"},
    {"The annual report.", "2017-04-12", "annual", "P1Y", "SET"},
    {"It meets every Tuesday.", "2017-04-12", "every Tuesday", "XXXX-WXX-2", "SET"},
    // Reference points.
    {"He is now in charge.", "2017-04-12", "now", "PRESENT_REF"},
    {"He recently resigned.", "2017-04-12", "recently", "PAST_REF"},
    {"As in the past, it failed.", "2017-04-12", "the past", "PAST_REF"},
    {"In the near future it will.", "2017-04-12", "the near future", "FUTURE_REF"},
    // One row for each remaining rule of rules.tsv (the coverage test below asks for it).
    {"On the eve of the vote, calm.", "2017-04-12", "the eve", "XXXX-XX-XX"},
    {"Shops shut at Christmas.", "2017-04-12", "Christmas", "2016-12-25"},
    {"Sales on Boxing Day.", "2017-12-20", "Boxing Day", "2017-12-26"},
    {"Fireworks on New Year's Eve.", "2017-01-02", "New Year's Eve", "2016-12-31"},
    {"Cards on Valentine's Day.", "2017-01-20", "Valentine's Day", "2017-02-14"},
    {"Parties at Halloween.", "2017-10-20", "Halloween", "2017-10-31"},
    {"It fell in late March 2015.", "2017-04-12", "late March 2015", "2015-03"},
    {"By the end of June, it was over.", "2017-08-12", "the end of June", "2017-06"},
    {"September was dry.", "2017-04-12", "September", "2016-09"},
    {"It opens next June.", "2017-04-12", "next June", "2017-06"},  // the next one to come
    {"It opened this June.", "2017-08-12", "this June", "2017-06"},
    {"It flooded in spring 2015.", "2017-04-12", "spring 2015", "2015-SP"},
    {"It opens next spring.", "2017-04-12", "next spring", "2018-SP"},
    {"In the 2015 fourth quarter, sales fell.", "2017-04-12", "the 2015 fourth quarter", "2015-Q4"},
    {"By the end of 2015, it was over.", "2017-04-12", "the end of 2015", "2015"},
    {"2015 was a hard year.", "2017-04-12", "2015", "2015"},
    {"They met the day before yesterday.", "2017-04-12", "the day before yesterday", "2017-04-10"},
    {"They meet the day after tomorrow.", "2017-04-12", "the day after tomorrow", "2017-04-14"},
    {"It opened early today.", "2017-04-12", "early today", "2017-04-12"},
    {"It opened earlier today.", "2017-04-12", "earlier today", "2017-04-12"},
    {"It opens late tomorrow.", "2017-04-12", "late tomorrow", "2017-04-13"},
    {"Profit rose by quarter-end.", "2017-04-12", "quarter-end", "2017-Q2"},
    {"They ate in the evening.", "2017-04-12", "the evening", "2017-04-12TEV", "TIME"},
    {"It rained yesterday morning.", "2017-04-12", "yesterday morning", "2017-04-11TMO", "TIME"},
    {"It rains tomorrow evening.", "2017-04-12", "tomorrow evening", "2017-04-13TEV", "TIME"},
    {"Protests this past weekend.", "2017-04-12", "this past weekend", "2017-W14-WE"},
    {"Protests are planned next weekend.", "2017-04-12", "next weekend", "2017-W15-WE"},
    {"Sales in the current quarter rose.", "2017-04-12", "the current quarter", "2017-Q2"},
    {"Sales for the year rose.", "2017-04-12", "the year", "2017"},
    {"Sales for the quarter rose.", "2017-04-12", "the quarter", "2017-Q2"},
    {"Sales this past month rose.", "2017-04-12", "this past month", "2017-03"},
    {"Sales rise early next year.", "2017-04-12", "early next year", "2018"},
    {"Sales rise at the beginning of the month.", "2017-04-12", "the beginning of the month",
     "2017-04"},
    {"Sales fell at the end of last year.", "2017-04-12", "the end of last year", "2016"},
    {"Sales rise at the end of next month.", "2017-04-12", "the end of next month", "2017-05"},
    {"Sales rise two years from now.", "2017-04-12", "two years from now", "2019"},
    {"They met this Monday.", "2017-04-12", "this Monday", "2017-04-10"},
    {"The previous year they had argued.", "2017-04-12", "The previous year", "2016"},
    {"They met. The year before they had argued.", "2017-04-12", "The year before", "2016"},
    {"They met. The week after they argued.", "2017-04-12", "The week after", "2017-W16"},
    {"Later in the week they argued.", "2017-04-12", "the week", "2017-W15"},
    {"They met that day.", "2017-04-12", "that day", "2017-04-12"},
    {"They met at five o'clock.", "2017-04-12", "five o'clock", "2017-04-12T05:00", "TIME"},
    {"In the first 100 days he acted.", "2017-04-12", "the first 100 days", "P100D", "DURATION"},
    {"A month-long strike.", "2017-04-12", "month-long", "P1M", "DURATION"},
    {"It grew over the years.", "2017-04-12", "the years", "PXY", "DURATION"},
    {"It costs $5 million a year.", "2017-04-12", "a year", "P1Y", "SET"},
    {"Take two a day.", "2017-04-12", "a day", "P1D", "SET"},
    {"At present it is closed.", "2017-04-12", "present", "PRESENT_REF"},
    {"Until the present it was closed.", "2017-04-12", "the present", "PRESENT_REF"},
    {"It is rare these days.", "2017-04-12", "these days", "PRESENT_REF"},
    // Tuesday said on a Tuesday, in the past and in the future.
    {"They met on Tuesday.", "2017-04-11", "Tuesday", "2017-04-11"},
    {"They will meet on Tuesday.", "2017-04-11", "Tuesday", "2017-04-11"},
    // Without an anchor, relative expressions stay unresolved.
    {"It began last week.", "", "last week", "XXXX-WXX"},
    {"They met on Tuesday.", "", "Tuesday", "XXXX-WXX-2"},
    {"The April 4 attack.", "", "April 4", "XXXX-04-04"},
    {"Talks in January failed.", "", "January", "XXXX-01"},
    {"It happened yesterday.", "", "yesterday", "XXXX-XX-XX"},
    {"Elections last year.", "", "last year", "XXXX"},
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
    CHECK(found[0].type == c.type);
    CHECK_FALSE(found[0].rule.empty());
  }
}

TEST_CASE("Every rule of data/temporal/rules.tsv has a row in the table", "[timex]") {
  std::set<std::string> covered;
  for (const Case& c : kCases) {
    std::vector<Timex> found = Tag(c.text, c.anchor);
    if (!found.empty()) covered.insert(found[0].rule);
  }
  covered.insert("numeric-date");  // needs a configured order: its own test below
  for (const TemporalRule& rule : TestTemporal().rules) {
    if (rule.type == "IGNORE") continue;
    INFO("rule " << rule.name << " (" << rule.source << ") has no example in kCases");
    CHECK(covered.count(rule.name) == 1);
  }
}

TEST_CASE("Anchored values record their anchor, absolute ones need none", "[timex]") {
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
  CHECK(Tag("He is in his early 80s.", "2017-04-12").empty());  // an age, not a decade
  CHECK(Tag("The 6-year-old boy, 40 years old, was safe.", "2017-04-12").empty());  // ages
  CHECK(Tag("About 2000 people came; he earned $2013.", "2017-04-12").empty());     // amounts
  CHECK(Tag("After the fall of Rome, the March began.", "2017-04-12").empty());
}

TEST_CASE("Values stay within four-digit years", "[timex]") {
  for (const Timex& t : Tag("Cities rose 3000 years ago and 9999 months ago.", "2017-04-12")) {
    INFO(t.text << " -> " << t.value);
    CHECK(t.value.find('-') != 0);
    CHECK(t.value.find("--") == std::string::npos);
  }
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

TEST_CASE("Numeric dates are read only in the configured order", "[timex]") {
  const std::string text = "It was signed on 04/05/2017.";
  Segmented seg = Segment(text, TestLexicons());
  CHECK(TagTimexes(text, seg, TestTemporal(), "2017-06-01").empty());  // settings.tsv ships "none"
  TimexOptions mdy;
  mdy.numeric_date_order = "mdy";
  std::vector<Timex> american = TagTimexes(text, seg, TestTemporal(), "2017-06-01", mdy);
  REQUIRE(american.size() == 1);
  CHECK((american[0].value == "2017-04-05" && american[0].rule == "numeric-date"));
  TimexOptions dmy;
  dmy.numeric_date_order = "dmy";
  std::vector<Timex> european = TagTimexes(text, seg, TestTemporal(), "2017-06-01", dmy);
  REQUIRE(european.size() == 1);
  CHECK(european[0].value == "2017-05-04");
  const std::string impossible = "On 13/13/2017.";
  CHECK(
      TagTimexes(impossible, Segment(impossible, TestLexicons()), TestTemporal(), "", dmy).empty());
}

TEST_CASE("Random runs of temporal words never break the tagger", "[timex]") {
  // Deterministic pseudo-random sentences from the words rules look for, with
  // anchors at the edges of the calendar; run under ASan/UBSan in CI.
  const std::vector<std::string> words = {
      "the",        "last",       "next",    "this",    "past",  "of",         "in",
      "on",         "ago",        "later",   "-",       ",",     "'",          "April",
      "Feb.",       "Tuesday",    "Sunday",  "weekend", "week",  "weeks",      "year",
      "years",      "decade",     "century", "quarter", "first", "fourth",     "20th",
      "1990s",      "90s",        "2017",    "1000",    "2999",  "31",         "29",
      "0",          "00",         "24",      "12",      "9999",  "a",          "several",
      "half",       "early",      "late",    "mid",     "end",   "spring",     "winter",
      "morning",    "night",      "a.m.",    "p.m.",    ":",     "2017-02-29", "2016-02-29",
      "13/13/2017", "02/29/2016", "will",    "said",    "been",  "released",   "every",
      "twice",      "o'clock"};
  const std::vector<std::string> anchors = {"",           "0001-01-01", "1582-10-15", "2016-02-29",
                                            "2020-12-31", "2021-01-03", "9999-12-31"};
  uint64_t state = 42;
  auto next = [&state](std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % n);
  };
  TimexOptions dmy;
  dmy.numeric_date_order = "dmy";
  std::size_t tagged = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t i = 0, n = 1 + next(12); i < n; ++i) text += words[next(words.size())] + " ";
    const std::string& anchor = anchors[next(anchors.size())];
    for (const Timex& t :
         TagTimexes(text, Segment(text, TestLexicons()), TestTemporal(), anchor, dmy)) {
      ++tagged;
      INFO(text << " @ " << anchor << " -> " << t.value);
      REQUIRE_FALSE(t.value.empty());
      CHECK(t.value[0] != '-');
      CHECK(t.end > t.begin);
      CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
    }
  }
  CHECK(tagged > 1000);
}

TEST_CASE("Sentences skipped for want of a key word would have yielded nothing", "[timex]") {
  // The skip is a shortcut only: tagging every sentence must find exactly the same expressions.
  TemporalLexicon every_sentence = TestTemporal();
  every_sentence.scan_every_sentence = true;
  CHECK_FALSE(TestTemporal().scan_every_sentence);  // every bundled rule has a required element
  auto same = [&](const std::string& text, const std::string& anchor) {
    Segmented seg = Segment(text, TestLexicons());
    std::vector<Timex> skipping = TagTimexes(text, seg, TestTemporal(), anchor);
    std::vector<Timex> reading = TagTimexes(text, seg, every_sentence, anchor);
    INFO(text);
    REQUIRE(skipping.size() == reading.size());
    for (std::size_t i = 0; i < skipping.size(); ++i) {
      CHECK(skipping[i].begin == reading[i].begin);
      CHECK(skipping[i].end == reading[i].end);
      CHECK(skipping[i].value == reading[i].value);
      CHECK(skipping[i].rule == reading[i].rule);
    }
    return skipping.size();
  };
  std::size_t found = 0;
  for (const Case& c : kCases) found += same(c.text, c.anchor);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(EVENTGRAPH_TEST_DATA_DIR) / "samples")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    found += same(text.str(), "2017-04-12");
  }
  for (const auto& entry : std::filesystem::directory_iterator(EVENTGRAPH_TEST_ARTICLES_DIR)) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    found += same(text.str(), "2017-04-12");
  }
  CHECK(found > std::size(kCases));
  // No digit, hyphen or key word: nothing to find.
  CHECK(same("The minister said that the talks of the council were over.", "2017-04-12") == 0);
}
