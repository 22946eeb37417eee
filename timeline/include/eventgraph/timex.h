// Time expressions: finding them in a segmented document and normalising
// them to TIMEX3 values (TimeML) against an anchor date.
//
//   Result<TemporalLexicon> words = LoadTemporalLexicon("data");
//   std::vector<Timex> timexes = TagTimexes(text, segmented, *words, "2017-04-12");
//   DayInterval days;
//   if (ValueToInterval(timexes[0].value, &days)) ... days.first, days.last ...
//
// Values never depend on the wall clock: a relative expression is resolved
// against the anchor only, and stays unresolved ("XXXX-WXX-3") without one.
// Each Timex records the rule that produced it and the anchor it used.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "eventgraph/extract.h"
#include "eventgraph/status.h"

namespace eventgraph {

struct RelativeWord {
  std::string unit;  // "day", "week", "month", "year", or "ref" (PRESENT_REF / PAST_REF / FUTURE_REF)
  int offset = 0;    // units from the anchor; for "ref", -1 past, 0 present, +1 future
};

struct TemporalLexicon {
  std::unordered_map<std::string, int> months;     // "april", "apr", "apr." -> 4
  std::unordered_map<std::string, int> weekdays;   // "tuesday", "tue" -> 2 (ISO: Monday = 1)
  std::unordered_map<std::string, std::string> units;  // "days" -> "day"
  std::unordered_map<std::string, int> numbers;    // "six" -> 6
  PhraseTable<RelativeWord> relative;              // "last week" -> {week, -1}
  std::vector<std::string> future_cues;            // "will", "next", ... : weekday lies ahead
};

Result<TemporalLexicon> LoadTemporalLexicon(const std::string& data_dir);

struct Timex {
  uint32_t sentence = 0;
  uint32_t first_token = 0, end_token = 0;
  std::string text;     // as written
  std::string type;     // DATE, TIME, DURATION or SET
  std::string value;    // TIMEX3 value: 2017-04-04, 2017-W14, 2017-04, 2017, 201, P3D, PAST_REF, XXXX-WXX-3
  std::string anchor;   // the anchor date used ("" when none was needed or available)
  std::string rule;     // which rule produced the value, for `explain`
  bool resolved() const { return value.find('X') == std::string::npos; }
};

// Tags every non-furniture sentence of `segmented`. `anchor` is the
// document creation time as YYYY-MM-DD, or "" when unknown.
std::vector<Timex> TagTimexes(const std::string& text, const Segmented& segmented,
                              const TemporalLexicon& words, const std::string& anchor);

// The first full calendar date (day, month and year) found in the first
// `max_bytes` of the document, as YYYY-MM-DD: a dateline or caption date
// that can anchor an undated document. "" when there is none.
std::string FindDateline(const std::vector<Timex>& unanchored_timexes, const Segmented& segmented,
                         uint32_t max_bytes);

// The calendar days a DATE value covers, as YYYY-MM-DD strings. Handles
// days, ISO weeks, months, quarters, seasons are not intervals (false), years
// and decades. Returns false for durations, references and unresolved values.
struct DayInterval {
  std::string first, last;
  std::string granularity;  // "day", "week", "month", "quarter", "year", "decade"
};
bool ValueToInterval(const std::string& value, DayInterval* interval);

}  // namespace eventgraph
