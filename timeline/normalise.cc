// The value functions of rules.tsv: calendar arithmetic on the anchor, the
// narrative reference and the captures. Rules decide which words mean what;
// this file only knows how weeks, months, seasons and years add up.
#include <date/date.h>
#include <date/iso_week.h>

#include <cstdio>
#include <functional>
#include <map>

#include "temporal_internal.h"

namespace eventgraph::temporal {
namespace {

using date::sys_days;

const char* const kBuiltInClasses[] = {"year",         "day",  "decade", "iso-date",
                                       "numeric-date", "hour", "minute", "digits"};

// Granularities, finest first; a narrative reference serves units no finer than itself.
int GranularityRank(const std::string& unit) {
  static const std::map<std::string, int> kRanks = {
      {"second", 0},  {"minute", 0}, {"hour", 0},   {"day", 1},     {"week", 2},
      {"weekend", 2}, {"month", 3},  {"season", 4}, {"quarter", 4}, {"half", 5},
      {"year", 6},    {"decade", 7}, {"century", 8}};
  auto found = kRanks.find(unit);
  return found == kRanks.end() ? 9 : found->second;
}

std::string Pad(int value, int width) {
  if (value < 0 || value > 99999999) {  // rare: keep printf's sign and width rules
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
    return buffer;
  }
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width)
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return digits;
}

std::string FormatWeek(sys_days day) {
  iso_week::year_weeknum_weekday week{day};
  return Pad(static_cast<int>(week.year()), 4) + "-W" +
         Pad(static_cast<int>(static_cast<unsigned>(week.weeknum())), 2);
}

int YearOf(sys_days day) { return static_cast<int>(date::year_month_day{day}.year()); }
int MonthOf(sys_days day) {
  return static_cast<int>(static_cast<unsigned>(date::year_month_day{day}.month()));
}

// Which occurrence of a recurring period the text means, relative to the anchor.
enum class Direction { kPast, kFuture, kBefore, kAfter, kNearest };

// A recurring period (a month, a weekday, a season) numbered on one line:
// `target_index` candidates are compared with `anchor_index`.
long long Choose(long long anchor_index, long long period, long long offset_in_period,
                 Direction direction) {
  // The occurrence in the anchor's period, then moved by whole periods.
  long long base = anchor_index - ((anchor_index % period) + period) % period + offset_in_period;
  long long past = base > anchor_index ? base - period : base;
  long long future = base < anchor_index ? base + period : base;
  switch (direction) {
    case Direction::kPast:
      return past;
    case Direction::kFuture:
      return future;
    case Direction::kBefore:
      return past == anchor_index ? past - period : past;
    case Direction::kAfter:
      return future == anchor_index ? future + period : future;
    case Direction::kNearest:
      return anchor_index - past <= future - anchor_index ? past : future;
  }
  return past;
}

struct Arg {
  bool present = false;
  std::string text;
};

class Evaluator {
 public:
  Evaluator(std::span<const Capture> captures, const EvalContext& context)
      : captures_(captures), context_(context) {}

  std::optional<std::string> Eval(const ValueExpr& expr) {
    switch (expr.kind) {
      case ValueExpr::Kind::kConstant:
        return expr.text;
      case ValueExpr::Kind::kCapture: {
        for (const Capture& capture : captures_) {
          if (capture.name == expr.text)
            return expr.negated ? Negate(std::string(capture.value)) : std::string(capture.value);
        }
        return expr.negated ? std::string("-") : std::string();  // absent; "-" keeps the sign
      }
      case ValueExpr::Kind::kCall:
        break;
    }
    std::vector<Arg> args;
    for (const ValueExpr& arg_expr : expr.args) {
      std::optional<std::string> value = Eval(arg_expr);
      if (!value) return std::nullopt;
      args.push_back({!value->empty() && *value != "-", *value});
    }
    return Call(expr.text, args);
  }

  const std::string& anchor_used() const { return anchor_used_; }

  // The functions rules.tsv may call: name, arity, and the method computing it.
  struct Entry {
    ValueFunction spec;
    std::optional<std::string> (Evaluator::*method)(const std::string& name,
                                                    const std::vector<Arg>& args);
  };
  static const Entry* FindEntry(const std::string& name);

 private:
  static std::string Negate(const std::string& value) {
    if (value.empty()) return "-";
    return value[0] == '-' ? value.substr(1) : "-" + value;
  }

  // An integer argument; `unspecified` when absent or "X" ("several").
  static bool Int(const Arg& arg, int* value, bool* unspecified = nullptr) {
    if (unspecified) *unspecified = false;
    std::string_view text = arg.text;
    bool negative = !text.empty() && text[0] == '-';
    if (negative) text = text.substr(1);
    if (text.empty() || text == "X" || text == "x") {
      if (!unspecified) return false;
      *unspecified = true;
      *value = negative ? -1 : 1;
      return true;
    }
    if (text.size() > 9) return false;
    for (char c : text) {
      if (c < '0' || c > '9') return false;
    }
    *value = 0;  // digits only, checked above: no need for atoi's locale and sign handling
    for (char c : text) *value = *value * 10 + (c - '0');
    if (negative) *value = -*value;
    return true;
  }

  Direction DirectionArg(const std::vector<Arg>& args, std::size_t index,
                         Direction fallback) const {
    if (index < args.size() && args[index].present) {
      const std::string& word = args[index].text;
      if (word == "past") return Direction::kPast;
      if (word == "future") return Direction::kFuture;
      if (word == "before") return Direction::kBefore;
      if (word == "after") return Direction::kAfter;
      if (word == "nearest") return Direction::kNearest;
    }
    if (context_.tense < 0) return Direction::kPast;
    if (context_.tense > 0) return Direction::kFuture;
    return fallback;
  }

  bool UseAnchor() {
    if (!context_.has_anchor) return false;
    anchor_used_ = FormatDay(context_.anchor);
    return true;
  }

  // The day a narrative expression counts from: the last date mentioned when
  // it is at least as fine as `unit`, else the anchor.
  bool NarrativeBase(const std::string& unit, sys_days* base) {
    if (context_.has_reference) {
      DayInterval interval;
      if (ValueToInterval(context_.reference, &interval) &&
          GranularityRank(interval.granularity) <= GranularityRank(unit) &&
          ParseDay(interval.first, base)) {
        anchor_used_ = context_.reference;
        return true;
      }
    }
    if (!UseAnchor()) return false;
    *base = context_.anchor;
    return true;
  }

  static std::optional<std::string> Unresolved(const std::string& unit) {
    if (unit == "day" || unit == "hour" || unit == "minute" || unit == "second")
      return "XXXX-XX-XX";
    if (unit == "week") return "XXXX-WXX";
    if (unit == "weekend") return "XXXX-WXX-WE";
    if (unit == "month") return "XXXX-XX";
    if (unit == "quarter") return "XXXX-QX";
    if (unit == "decade") return "XXX";
    if (unit == "century") return "XX";
    return "XXXX";
  }

  // `base` moved by `offset` units, written at that unit's granularity.
  static std::optional<std::string> Shifted(sys_days base, const std::string& unit, int offset) {
    if (unit == "day" || unit == "hour" || unit == "minute" || unit == "second") {
      return FormatDay(base + date::days{unit == "day" ? offset : 0});
    }
    if (unit == "week") return FormatWeek(base + date::days{7 * offset});
    if (unit == "weekend") return FormatWeek(base + date::days{7 * offset}) + "-WE";
    const int year = YearOf(base), month = MonthOf(base);
    if (unit == "month") {
      int index = year * 12 + (month - 1) + offset;
      if (index < 0 || index >= 10000 * 12) return std::nullopt;
      return Pad(index / 12, 4) + "-" + Pad(index % 12 + 1, 2);
    }
    if (unit == "quarter") {
      int index = year * 4 + (month - 1) / 3 + offset;
      if (index < 0 || index >= 10000 * 4) return std::nullopt;
      return Pad(index / 4, 4) + "-Q" + std::to_string(index % 4 + 1);
    }
    if (unit == "year") {
      if (year + offset < 0 || year + offset > 9999) return std::nullopt;
      return Pad(year + offset, 4);
    }
    if (unit == "decade") {
      if (year / 10 + offset < 0 || year / 10 + offset > 999) return std::nullopt;
      return Pad(year / 10 + offset, 3);
    }
    if (unit == "century") {
      if (year / 100 + offset < 0 || year / 100 + offset > 99) return std::nullopt;
      return Pad(year / 100 + offset, 2);
    }
    return std::nullopt;
  }

  std::optional<std::string> Call(const std::string& name, const std::vector<Arg>& args) {
    const Entry* entry = FindEntry(name);
    if (!entry) return std::nullopt;
    std::optional<std::string> value = (this->*entry->method)(name, args);
    // "3000 years ago" has no four-digit TIMEX3 year.
    if (value && !value->empty() && (*value)[0] == '-') return std::nullopt;
    return value;
  }

  std::optional<std::string> Date(const std::string&, const std::vector<Arg>& args) {
    int a = 0, b = 0, c = 0;
    if (!Int(args[0], &a) || !Int(args[1], &b) || !Int(args[2], &c)) return std::nullopt;
    date::year_month_day ymd{date::year{a}, date::month{static_cast<unsigned>(b)},
                             date::day{static_cast<unsigned>(c)}};
    if (!ymd.ok()) return std::nullopt;  // "February 30, 2017" is not a date
    return FormatDay(sys_days{ymd});
  }

  std::optional<std::string> YearMonth(const std::string&, const std::vector<Arg>& args) {
    int a = 0, b = 0;
    if (!Int(args[0], &a) || !Int(args[1], &b) || b < 1 || b > 12) return std::nullopt;
    return Pad(a, 4) + "-" + Pad(b, 2);
  }

  std::optional<std::string> Year(const std::string& name, const std::vector<Arg>& args) {
    int a = 0;
    if (!Int(args[0], &a)) return std::nullopt;
    // A bare number is a year only in the range news usually means.
    if (name == "recent-year" && (a < 1900 || a > 2099)) return std::nullopt;
    return Pad(a, 4);
  }

  std::optional<std::string> Century(const std::string&, const std::vector<Arg>& args) {
    int a = 0;
    if (!Int(args[0], &a) || a < 1 || a > 30) return std::nullopt;
    return Pad(a - 1, 2);
  }

  std::optional<std::string> MonthDay(const std::string&, const std::vector<Arg>& args) {
    int a = 0, b = 0;
    if (!Int(args[0], &a) || !Int(args[1], &b)) return std::nullopt;
    date::month_day md{date::month{static_cast<unsigned>(a)}, date::day{static_cast<unsigned>(b)}};
    if (!md.ok()) return std::nullopt;
    if (!UseAnchor()) return "XXXX-" + Pad(a, 2) + "-" + Pad(b, 2);
    // Candidates in the anchor's year and its neighbours; February 29 only where it exists.
    Direction direction = DirectionArg(args, 2, Direction::kNearest);
    const int anchor_year = YearOf(context_.anchor);
    std::optional<sys_days> best;
    for (int y = anchor_year - 4; y <= anchor_year + 4; ++y) {
      date::year_month_day ymd{date::year{y}, md.month(), md.day()};
      if (!ymd.ok()) continue;
      sys_days day{ymd};
      long long distance = (day - context_.anchor).count();
      bool fits = direction == Direction::kNearest ||
                  (direction == Direction::kPast && distance <= 0) ||
                  (direction == Direction::kFuture && distance >= 0) ||
                  (direction == Direction::kBefore && distance < 0) ||
                  (direction == Direction::kAfter && distance > 0);
      if (fits && (!best || std::llabs(distance) < std::llabs((*best - context_.anchor).count())))
        best = day;
    }
    if (!best) return std::nullopt;
    return FormatDay(*best);
  }

  std::optional<std::string> Month(const std::string&, const std::vector<Arg>& args) {
    int a = 0;
    if (!Int(args[0], &a) || a < 1 || a > 12) return std::nullopt;
    if (!UseAnchor()) return "XXXX-" + Pad(a, 2);
    long long anchor_index = YearOf(context_.anchor) * 12LL + MonthOf(context_.anchor) - 1;
    long long index = Choose(anchor_index, 12, a - 1, DirectionArg(args, 1, Direction::kPast));
    return Pad(static_cast<int>(index / 12), 4) + "-" + Pad(static_cast<int>(index % 12) + 1, 2);
  }

  std::optional<std::string> Weekday(const std::string&, const std::vector<Arg>& args) {
    int a = 0;
    if (!Int(args[0], &a) || a < 1 || a > 7) return std::nullopt;
    if (!UseAnchor()) return "XXXX-WXX-" + std::to_string(a);
    // Days since 1970-01-05, a Monday, so that index % 7 is the ISO weekday - 1.
    long long anchor_index = (context_.anchor - sys_days{date::year{1970} / 1 / 5}).count();
    long long index = Choose(anchor_index, 7, a - 1, DirectionArg(args, 1, Direction::kPast));
    return FormatDay(sys_days{date::year{1970} / 1 / 5} + date::days{index});
  }

  std::optional<std::string> Weekend(const std::string&, const std::vector<Arg>& args) {
    if (!UseAnchor()) return "XXXX-WXX-WE";
    long long anchor_index = (context_.anchor - sys_days{date::year{1970} / 1 / 5}).count();
    // Said on a Sunday, "this weekend" began the day before and "last weekend" is a week earlier.
    if (((anchor_index % 7) + 7) % 7 == 6) --anchor_index;
    long long saturday = Choose(anchor_index, 7, 5, DirectionArg(args, 0, Direction::kPast));
    return FormatWeek(sys_days{date::year{1970} / 1 / 5} + date::days{saturday}) + "-WE";
  }

  std::optional<std::string> Season(const std::string& name, const std::vector<Arg>& args) {
    int a = 0;
    static const char* const kSeasons[] = {"SP", "SU", "FA", "WI"};
    const std::string& season = args[name == "season" ? 0 : 1].text;
    int offset = -1;
    for (int i = 0; i < 4; ++i) offset = season == kSeasons[i] ? i : offset;
    if (offset < 0) return std::nullopt;
    if (name == "year-season") {
      if (!Int(args[0], &a)) return std::nullopt;
      return Pad(a, 4) + "-" + season;
    }
    if (!UseAnchor()) return "XXXX-" + season;
    // Seasons numbered from spring; December opens the winter named by its year.
    int month = MonthOf(context_.anchor), year = YearOf(context_.anchor);
    long long anchor_index = month <= 2 ? (year - 1) * 4LL + 3 : year * 4LL + (month - 3) / 3;
    long long index = Choose(anchor_index, 4, offset, DirectionArg(args, 1, Direction::kPast));
    return Pad(static_cast<int>(index / 4), 4) + "-" + kSeasons[index % 4];
  }

  std::optional<std::string> Quarter(const std::string& name, const std::vector<Arg>& args) {
    int a = 0, b = 0;
    const bool half = name == "year-half";
    const Arg& ordinal = args[name == "quarter" ? 0 : 1];
    if (!Int(ordinal, &b)) return std::nullopt;
    const int per_year = half ? 2 : 4;
    if (b == -1)
      b = name == "quarter" ? 0
                            : per_year;  // "the last quarter": the latest one, or the year's fourth
    if (b < 0 || b > per_year) return std::nullopt;
    const std::string letter = half ? "-H" : "-Q";
    if (name != "quarter") {
      if (!Int(args[0], &a) || b == 0) return std::nullopt;
      return Pad(a, 4) + letter + std::to_string(b);
    }
    if (!UseAnchor()) return "XXXX-Q" + (b == 0 ? std::string("X") : std::to_string(b));
    long long anchor_index = YearOf(context_.anchor) * 4LL + (MonthOf(context_.anchor) - 1) / 3;
    long long index = b == 0
                          ? anchor_index - 1
                          : Choose(anchor_index, 4, b - 1, DirectionArg(args, 1, Direction::kPast));
    return Pad(static_cast<int>(index / 4), 4) + "-Q" + std::to_string(index % 4 + 1);
  }

  std::optional<std::string> Shift(const std::string& name, const std::vector<Arg>& args) {
    int a = 0;
    const std::string& unit = args[0].text;
    bool unspecified = false;
    if (!Int(args[1], &a, &unspecified)) return std::nullopt;
    if (unspecified) return a < 0 ? "PAST_REF" : "FUTURE_REF";  // "years ago"
    sys_days base;
    if (name == "shift" ? !UseAnchor() : !NarrativeBase(unit, &base)) return Unresolved(unit);
    if (name == "shift") base = context_.anchor;
    return Shifted(base, unit, a);
  }

  std::optional<std::string> Duration(const std::string&, const std::vector<Arg>& args) {
    int a = 0;
    bool unspecified = false;
    if (!args[0].present) {
      a = 1;  // "the past week"
    } else if (!Int(args[0], &a, &unspecified)) {
      return std::nullopt;
    }
    const std::string& unit = args[1].text;
    auto amount = [&](int factor) {
      return unspecified ? std::string("X") : std::to_string(a * factor);
    };
    if (unit == "second") return "PT" + amount(1) + "S";
    if (unit == "minute") return "PT" + amount(1) + "M";
    if (unit == "hour") return "PT" + amount(1) + "H";
    if (unit == "day") return "P" + amount(1) + "D";
    if (unit == "week") return "P" + amount(1) + "W";
    if (unit == "weekend") return "P" + amount(2) + "D";
    if (unit == "month") return "P" + amount(1) + "M";
    if (unit == "quarter") return "P" + amount(3) + "M";
    if (unit == "year") return "P" + amount(1) + "Y";
    if (unit == "decade") return unspecified ? "PXDE" : "P" + amount(10) + "Y";
    if (unit == "century") return unspecified ? "PXCE" : "P" + amount(100) + "Y";
    return std::nullopt;
  }

  std::optional<std::string> Set(const std::string&, const std::vector<Arg>& args) {
    const std::string& unit = args[0].text;
    if (unit == "second") return "PT1S";
    if (unit == "minute") return "PT1M";
    if (unit == "hour") return "PT1H";
    if (unit == "weekend") return "XXXX-WXX-WE";
    if (unit == "quarter") return "P3M";
    if (unit == "decade") return "P10Y";
    if (unit == "century") return "P100Y";
    return "P1" + std::string(1, static_cast<char>(unit[0] - 'a' + 'A'));
  }

  std::optional<std::string> EveryWeekday(const std::string&, const std::vector<Arg>& args) {
    int a = 0;
    if (!Int(args[0], &a) || a < 1 || a > 7) return std::nullopt;
    return "XXXX-WXX-" + std::to_string(a);
  }

  std::optional<std::string> PlusDays(const std::string&, const std::vector<Arg>& args) {
    int a = 0;
    if (!Int(args[1], &a)) return std::nullopt;
    sys_days day;
    if (!ParseDay(args[0].text, &day)) return args[0].text;  // unresolved stays unresolved
    return FormatDay(day + date::days{a});
  }

  std::optional<std::string> WithPart(const std::string&, const std::vector<Arg>& args) {
    return args[0].text + "T" + args[1].text;
  }

  std::optional<std::string> WithTime(const std::string&, const std::vector<Arg>& args) {
    int a = 0, b = 0;
    if (!Int(args[1], &a) || a < 0 || a > 24) return std::nullopt;
    if (args[2].present && (!Int(args[2], &b) || b < 0 || b > 59)) return std::nullopt;
    if (args.size() > 3 && args[3].present) {
      if (a < 1 || a > 12) return std::nullopt;
      if (args[3].text == "pm" && a < 12) a += 12;
      if (args[3].text == "am" && a == 12) a = 0;
    }
    return args[0].text + "T" + Pad(a, 2) + ":" + Pad(b, 2);
  }

  std::span<const Capture> captures_;
  const EvalContext& context_;
  std::string anchor_used_;
};

const Evaluator::Entry* Evaluator::FindEntry(const std::string& name) {
  static const Entry kEntries[] = {
      {{"date", 3, 3}, &Evaluator::Date},
      {{"year-month", 2, 2}, &Evaluator::YearMonth},
      {{"year", 1, 1}, &Evaluator::Year},
      {{"recent-year", 1, 1}, &Evaluator::Year},
      {{"century", 1, 1}, &Evaluator::Century},
      {{"month-day", 2, 3}, &Evaluator::MonthDay},
      {{"month", 1, 2}, &Evaluator::Month},
      {{"weekday", 1, 2}, &Evaluator::Weekday},
      {{"weekend", 0, 1}, &Evaluator::Weekend},
      {{"season", 1, 2}, &Evaluator::Season},
      {{"year-season", 2, 2}, &Evaluator::Season},
      {{"quarter", 1, 2}, &Evaluator::Quarter},
      {{"year-quarter", 2, 2}, &Evaluator::Quarter},
      {{"year-half", 2, 2}, &Evaluator::Quarter},
      {{"shift", 2, 2}, &Evaluator::Shift},
      {{"narrative", 2, 2}, &Evaluator::Shift},
      {{"duration", 2, 2}, &Evaluator::Duration},
      {{"set", 1, 1}, &Evaluator::Set},
      {{"every-weekday", 1, 1}, &Evaluator::EveryWeekday},
      {{"plus-days", 2, 2}, &Evaluator::PlusDays},
      {{"with-part", 2, 2}, &Evaluator::WithPart},
      {{"with-time", 3, 4}, &Evaluator::WithTime},
  };
  for (const Entry& entry : kEntries) {
    if (name == entry.spec.name) return &entry;
  }
  return nullptr;
}

}  // namespace

bool IsBuiltInClass(const std::string& name) {
  for (const char* built_in : kBuiltInClasses) {
    if (name == built_in) return true;
  }
  return false;
}

const ValueFunction* FindValueFunction(const std::string& name) {
  const Evaluator::Entry* entry = Evaluator::FindEntry(name);
  return entry ? &entry->spec : nullptr;
}

std::optional<EvalResult> Evaluate(const ValueExpr& expr, std::span<const Capture> captures,
                                   const EvalContext& context) {
  Evaluator evaluator(captures, context);
  std::optional<std::string> value = evaluator.Eval(expr);
  if (!value || value->empty()) return std::nullopt;
  return EvalResult{*value, evaluator.anchor_used()};
}

bool ParseDay(std::string_view text, date::sys_days* day) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  if (text.size() > 10 && text[10] != 'T') return false;
  auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  date::year_month_day ymd{date::year{digits(0, 4)},
                           date::month{static_cast<unsigned>(digits(5, 2))},
                           date::day{static_cast<unsigned>(digits(8, 2))}};
  if (!ymd.ok()) return false;
  *day = sys_days{ymd};
  return true;
}

std::string FormatDay(date::sys_days day) {
  date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year >= 0 && year <= 9999) {  // the common case, without building strings piece by piece
    const auto month = static_cast<unsigned>(ymd.month());
    const auto day_of_month = static_cast<unsigned>(ymd.day());
    char text[10] = {static_cast<char>('0' + year / 1000),
                     static_cast<char>('0' + year / 100 % 10),
                     static_cast<char>('0' + year / 10 % 10),
                     static_cast<char>('0' + year % 10),
                     '-',
                     static_cast<char>('0' + month / 10),
                     static_cast<char>('0' + month % 10),
                     '-',
                     static_cast<char>('0' + day_of_month / 10),
                     static_cast<char>('0' + day_of_month % 10)};
    return std::string(text, sizeof text);
  }
  return Pad(static_cast<int>(ymd.year()), 4) + "-" +
         Pad(static_cast<int>(static_cast<unsigned>(ymd.month())), 2) + "-" +
         Pad(static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
}

}  // namespace eventgraph::temporal
