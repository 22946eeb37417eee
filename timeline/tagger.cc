// Segmented text -> Timex list (see eventgraph/timex.h for the contract).
//
// Rules, tried at each token in this order (the first that matches wins and
// its tokens are consumed):
//   iso-date            2017-04-04
//   month-day-year      [Wednesday,] April 12, 2017 / 12 April 2017
//   month-day-nearest   April 4 -> the year that puts it nearest the anchor
//   month-year          April 2017
//   month-nearest-past  in January -> the latest January not after the anchor
//   relative            yesterday, last week, this year, now ... (data/temporal/relative.tsv)
//   n-units-ago         six years ago
//   duration            three days, several hours -> P3D, PTXH
//   weekday             on Tuesday -> that day of the anchor's week; in the past
//                       unless the sentence speaks of the future (future_cues.tsv)
//   year, decade        in 2013, the 1990s
// All the words (month names, weekdays, units, numbers, relative phrases)
// come from data/temporal/; the shapes above are the grammar.
#include <date/date.h>
#include <date/iso_week.h>

#include <algorithm>
#include <cstdio>

#include "eventgraph/text_util.h"
#include "eventgraph/timex.h"

namespace eventgraph {
namespace {

using date::sys_days;

bool AllDigits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string FormatDay(sys_days day) {
  date::year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string FormatWeek(sys_days day) {
  iso_week::year_weeknum_weekday week{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02u", static_cast<int>(week.year()),
                static_cast<unsigned>(week.weeknum()));
  return buffer;
}

std::string FormatMonth(int year, int month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

bool ParseDay(const std::string& text, sys_days* day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!AllDigits(text.substr(0, 4)) || !AllDigits(text.substr(5, 2)) || !AllDigits(text.substr(8, 2))) return false;
  date::year_month_day ymd{date::year{std::stoi(text.substr(0, 4))},
                           date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                           date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  if (!ymd.ok()) return false;
  *day = sys_days{ymd};
  return true;
}

// A day-of-month token: "4", "04", "4th".
int DayOfMonth(const std::string& text) {
  std::string digits = text;
  for (const char* suffix : {"st", "nd", "rd", "th"}) {
    if (digits.size() > 2 && digits.compare(digits.size() - 2, 2, suffix) == 0) digits.resize(digits.size() - 2);
  }
  if (!AllDigits(digits) || digits.size() > 2) return 0;
  int day = std::stoi(digits);
  return day >= 1 && day <= 31 ? day : 0;
}

int Year(const std::string& text) {
  if (text.size() != 4 || !AllDigits(text)) return 0;
  int year = std::stoi(text);
  return year >= 1000 && year <= 2999 ? year : 0;
}

class Tagger {
 public:
  Tagger(const std::string& text, const Segmented& seg, const TemporalLexicon& words, const std::string& anchor)
      : text_(text), seg_(seg), words_(words), anchor_text_(anchor) {
    has_anchor_ = ParseDay(anchor, &anchor_);
  }

  std::vector<Timex> Run() {
    for (uint32_t s = 0; s < seg_.sentences.size(); ++s) {
      const Sentence& sentence = seg_.sentences[s];
      if (sentence.furniture) continue;
      sentence_ = s;
      end_ = sentence.end_token;
      future_ = false;
      for (uint32_t t = sentence.first_token; t < end_; ++t) {
        future_ = future_ || std::find(words_.future_cues.begin(), words_.future_cues.end(), tok(t).lower) !=
                                 words_.future_cues.end();
      }
      for (uint32_t i = sentence.first_token; i < end_;) {
        uint32_t consumed = TryAll(i);
        i += consumed > 0 ? consumed : 1;
      }
    }
    return std::move(out_);
  }

 private:
  const Token& tok(uint32_t i) const { return seg_.tokens[i]; }
  bool Is(uint32_t i, const char* lower) const { return i < end_ && tok(i).lower == lower; }
  int MonthAt(uint32_t i) const {
    if (i >= end_ || !tok(i).capitalized) return 0;  // "may", "march" as verbs
    auto found = words_.months.find(tok(i).lower);
    return found == words_.months.end() ? 0 : found->second;
  }
  int WeekdayAt(uint32_t i) const {
    if (i >= end_ || !tok(i).capitalized) return 0;
    auto found = words_.weekdays.find(tok(i).lower);
    return found == words_.weekdays.end() ? 0 : found->second;
  }
  int NumberAt(uint32_t i) const {
    if (i >= end_) return -1;
    if (AllDigits(tok(i).text) && tok(i).text.size() <= 4) return std::stoi(tok(i).text);
    auto found = words_.numbers.find(tok(i).lower);
    return found == words_.numbers.end() ? -1 : found->second;
  }

  uint32_t Emit(uint32_t first, uint32_t end, const char* type, std::string value, const char* rule, bool anchored) {
    Timex timex;
    timex.sentence = sentence_;
    timex.first_token = first;
    timex.end_token = end;
    timex.text = text_.substr(tok(first).begin, tok(end - 1).end - tok(first).begin);
    timex.type = type;
    timex.value = std::move(value);
    timex.rule = rule;
    if (anchored && has_anchor_) timex.anchor = anchor_text_;
    out_.push_back(std::move(timex));
    return end - first;
  }

  uint32_t TryAll(uint32_t i) {
    if (uint32_t n = TryIsoDate(i)) return n;
    if (uint32_t n = TryCalendar(i)) return n;
    if (uint32_t n = TryRelative(i)) return n;
    if (uint32_t n = TryUnits(i)) return n;
    if (uint32_t n = TryWeekday(i)) return n;
    if (uint32_t n = TryYear(i)) return n;
    return 0;
  }

  uint32_t TryIsoDate(uint32_t i) {
    sys_days day;
    if (!ParseDay(tok(i).text, &day)) return 0;
    return Emit(i, i + 1, "DATE", tok(i).text, "iso-date", false);
  }

  // Month-first and day-first calendar dates, optionally after a weekday.
  uint32_t TryCalendar(uint32_t i) {
    uint32_t start = i;
    if (WeekdayAt(i) && (MonthAt(i + 1) || (Is(i + 1, ",") && MonthAt(i + 2)) || (DayOfMonth(tok_or(i + 1)) && MonthAt(i + 2)))) {
      i += Is(i + 1, ",") ? 2 : 1;  // "Wednesday, April 12, 2017"
    }
    int month = 0, day = 0;
    uint32_t next = i;
    if ((month = MonthAt(i))) {
      next = i + 1;
      if (next < end_ && (day = DayOfMonth(tok(next).text))) ++next;
    } else if ((day = DayOfMonth(tok_or(i))) && (month = MonthAt(i + 1))) {
      next = i + 2;
    } else {
      return 0;
    }
    int year = 0;
    uint32_t after_year = next;
    if (next < end_ && (year = Year(tok(next).text))) {
      after_year = next + 1;
    } else if (Is(next, ",") && next + 1 < end_ && (year = Year(tok(next + 1).text))) {
      after_year = next + 2;
    }
    if (day && year) {
      date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                               date::day{static_cast<unsigned>(day)}};
      if (!ymd.ok()) return 0;  // "February 30, 2017" is not a date
      return Emit(start, after_year, "DATE", FormatDay(sys_days{ymd}), "month-day-year", false);
    }
    if (day) {
      if (!has_anchor_) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "XXXX-%02d-%02d", month, day);
        return Emit(start, next, "DATE", buffer, "month-day-nearest", false);
      }
      int anchor_year = static_cast<int>(date::year_month_day{anchor_}.year());
      sys_days best{};
      bool found = false;
      for (int y = anchor_year - 1; y <= anchor_year + 1; ++y) {
        date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
        if (!ymd.ok()) continue;
        sys_days candidate{ymd};
        if (!found || std::abs((candidate - anchor_).count()) < std::abs((best - anchor_).count())) best = candidate;
        found = true;
      }
      if (!found) return 0;
      return Emit(start, next, "DATE", FormatDay(best), "month-day-nearest", true);
    }
    if (year) return Emit(start, after_year, "DATE", FormatMonth(year, month), "month-year", false);
    // A bare month name needs a preposition before it: "in January", not "May".
    if (i == 0 || !(Is(i - 1, "in") || Is(i - 1, "since") || Is(i - 1, "until") || Is(i - 1, "by") ||
                    Is(i - 1, "early") || Is(i - 1, "late") || Is(i - 1, "mid") || Is(i - 1, "last"))) {
      return 0;
    }
    if (!has_anchor_) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "XXXX-%02d", month);
      return Emit(start, next, "DATE", buffer, "month-nearest-past", false);
    }
    date::year_month_day anchor{anchor_};
    int y = static_cast<int>(anchor.year());
    if (month > static_cast<int>(static_cast<unsigned>(anchor.month()))) --y;
    return Emit(start, next, "DATE", FormatMonth(y, month), "month-nearest-past", true);
  }
  std::string tok_or(uint32_t i) const { return i < end_ ? tok(i).text : std::string(); }

  uint32_t TryRelative(uint32_t i) {
    auto bucket = words_.relative.by_first_token.find(tok(i).lower);
    if (bucket == words_.relative.by_first_token.end()) return 0;
    for (const auto& phrase : bucket->second) {
      if (i + phrase.tokens.size() > end_) continue;
      bool match = true;
      for (std::size_t k = 1; k < phrase.tokens.size() && match; ++k) match = tok(i + k).lower == phrase.tokens[k];
      if (!match) continue;
      const RelativeWord& word = phrase.value;
      const uint32_t end = i + static_cast<uint32_t>(phrase.tokens.size());
      if (word.unit == "ref") {
        const char* value = word.offset < 0 ? "PAST_REF" : word.offset > 0 ? "FUTURE_REF" : "PRESENT_REF";
        return Emit(i, end, "DATE", value, "relative", false);
      }
      return Emit(i, end, "DATE", Shift(word.unit, word.offset, "XXXX-XX-XX"), "relative", true);
    }
    return 0;
  }

  // The anchor moved by `offset` units, at that unit's granularity.
  std::string Shift(const std::string& unit, int offset, const char* unresolved_day) const {
    if (!has_anchor_) {
      if (unit == "day") return unresolved_day;
      if (unit == "week") return "XXXX-WXX";
      if (unit == "month") return "XXXX-XX";
      return "XXXX";
    }
    if (unit == "day") return FormatDay(anchor_ + date::days{offset});
    if (unit == "week") return FormatWeek(anchor_ + date::days{7 * offset});
    date::year_month_day ymd{anchor_};
    if (unit == "month") {
      auto shifted = date::year_month{ymd.year(), ymd.month()} + date::months{offset};
      return FormatMonth(static_cast<int>(shifted.year()), static_cast<int>(static_cast<unsigned>(shifted.month())));
    }
    int year = static_cast<int>(ymd.year()) + (unit == "decade" ? 10 * offset : offset);
    return unit == "decade" ? std::to_string(year / 10) : std::to_string(year);
  }

  uint32_t TryUnits(uint32_t i) {
    int count = NumberAt(i);
    if (count < 0 || i + 1 >= end_) return 0;
    auto unit = words_.units.find(tok(i + 1).lower);
    if (unit == words_.units.end()) return 0;
    if (Is(i + 2, "ago")) {
      if (count == 0) return Emit(i, i + 3, "DATE", "PAST_REF", "n-units-ago", false);
      return Emit(i, i + 3, "DATE", Shift(unit->second, -count, "XXXX-XX-XX"), "n-units-ago", true);
    }
    std::string amount = count == 0 ? "X" : std::to_string(count);
    const std::string& u = unit->second;
    // Appended piece by piece: GCC 12 warns (-Wrestrict) on "literal" + std::string.
    std::string value = u == "hour" ? "PT" : "P";
    if (u == "decade") {
      value += count == 0 ? std::string("X") : std::to_string(count * 10);
      value += 'Y';
    } else {
      value += amount;
      value += u == "hour" ? 'H' : static_cast<char>(u[0] - 'a' + 'A');
    }
    return Emit(i, i + 2, "DURATION", value, "duration", false);
  }

  uint32_t TryWeekday(uint32_t i) {
    int weekday = WeekdayAt(i);
    if (!weekday) return 0;
    if (!has_anchor_) return Emit(i, i + 1, "DATE", "XXXX-WXX-" + std::to_string(weekday), "weekday", false);
    iso_week::year_weeknum_weekday anchor_week{anchor_};
    sys_days day = sys_days{iso_week::year_weeknum_weekday{anchor_week.year(), anchor_week.weeknum(),
                                                           iso_week::weekday{static_cast<unsigned>(weekday % 7)}}};
    if (future_ && day < anchor_) day += date::days{7};
    if (!future_ && day > anchor_) day -= date::days{7};
    return Emit(i, i + 1, "DATE", FormatDay(day), future_ ? "weekday-future" : "weekday-past", true);
  }

  uint32_t TryYear(uint32_t i) {
    const std::string& text = tok(i).text;
    if (text.size() == 5 && text[4] == 's' && AllDigits(text.substr(0, 4)) && text[3] == '0') {
      return Emit(i, i + 1, "DATE", text.substr(0, 3), "decade", false);
    }
    int year = Year(text);
    if (year < 1900 || year > 2099) return 0;
    // A year stands alone: not "2017 people" after a number, not inside "1,000".
    if (i + 1 < end_ && words_.units.count(tok(i + 1).lower)) return 0;
    return Emit(i, i + 1, "DATE", text, "year", false);
  }

  const std::string& text_;
  const Segmented& seg_;
  const TemporalLexicon& words_;
  std::string anchor_text_;
  sys_days anchor_{};
  bool has_anchor_ = false;
  uint32_t sentence_ = 0, end_ = 0;
  bool future_ = false;
  std::vector<Timex> out_;
};

}  // namespace

std::vector<Timex> TagTimexes(const std::string& text, const Segmented& segmented, const TemporalLexicon& words,
                              const std::string& anchor) {
  return Tagger(text, segmented, words, anchor).Run();
}

std::string FindDateline(const std::vector<Timex>& timexes, const Segmented& segmented, uint32_t max_bytes) {
  for (const Timex& timex : timexes) {
    if (segmented.tokens[timex.first_token].begin >= max_bytes) break;
    if (timex.rule == "month-day-year" || timex.rule == "iso-date") return timex.value;
  }
  return {};
}

bool ValueToInterval(const std::string& value, DayInterval* interval) {
  auto digits = [&](std::size_t from, std::size_t count) {
    return value.size() >= from + count && AllDigits(value.substr(from, count));
  };
  sys_days first, last;
  if (value.size() == 10 && ParseDay(value, &first)) {
    last = first;
    interval->granularity = "day";
  } else if (value.size() == 8 && digits(0, 4) && value[4] == '-' && value[5] == 'W' && digits(6, 2)) {
    iso_week::year_weeknum_weekday start{iso_week::year{std::stoi(value.substr(0, 4))},
                                         iso_week::weeknum{static_cast<unsigned>(std::stoi(value.substr(6, 2)))},
                                         iso_week::mon};
    if (!start.ok()) return false;  // week 53 only exists in some years
    first = sys_days{start};
    last = first + date::days{6};
    interval->granularity = "week";
  } else if (value.size() == 7 && digits(0, 4) && value[4] == '-' && value[5] == 'Q' && value[6] >= '1' &&
             value[6] <= '4') {
    int year = std::stoi(value.substr(0, 4));
    unsigned quarter = static_cast<unsigned>(value[6] - '0');
    first = sys_days{date::year{year} / date::month{3 * quarter - 2} / 1};
    last = sys_days{date::year{year} / date::month{3 * quarter} / date::last};
    interval->granularity = "quarter";
  } else if (value.size() == 7 && digits(0, 4) && value[4] == '-' && digits(5, 2)) {
    int year = std::stoi(value.substr(0, 4));
    unsigned month = static_cast<unsigned>(std::stoi(value.substr(5, 2)));
    if (month < 1 || month > 12) return false;
    first = sys_days{date::year{year} / date::month{month} / 1};
    last = sys_days{date::year{year} / date::month{month} / date::last};
    interval->granularity = "month";
  } else if (value.size() == 4 && digits(0, 4)) {
    int year = std::stoi(value);
    first = sys_days{date::year{year} / 1 / 1};
    last = sys_days{date::year{year} / 12 / 31};
    interval->granularity = "year";
  } else if (value.size() == 3 && digits(0, 3)) {
    int decade = std::stoi(value) * 10;
    first = sys_days{date::year{decade} / 1 / 1};
    last = sys_days{date::year{decade + 9} / 12 / 31};
    interval->granularity = "decade";
  } else {
    return false;
  }
  interval->first = FormatDay(first);
  interval->last = FormatDay(last);
  return true;
}

}  // namespace eventgraph
