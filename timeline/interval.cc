// TIMEX3 calendar values -> the days they cover.
#include <date/date.h>
#include <date/iso_week.h>

#include <algorithm>

#include "temporal_internal.h"

namespace eventgraph {
namespace {

using date::sys_days;

bool Digits(const std::string& value, std::size_t from, std::size_t count) {
  return value.size() >= from + count &&
         std::all_of(value.begin() + static_cast<long>(from),
                     value.begin() + static_cast<long>(from + count),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// Of digits checked by Digits().
int Number(const std::string& value, std::size_t from, std::size_t count) {
  int number = 0;
  for (std::size_t i = from; i < from + count; ++i) number = number * 10 + (value[i] - '0');
  return number;
}

sys_days MonthStart(int year, unsigned month) {
  return sys_days{date::year{year} / date::month{month} / 1};
}
sys_days MonthEnd(int year, unsigned month) {
  return sys_days{date::year{year} / date::month{month} / date::last};
}

}  // namespace

bool ValueToInterval(const std::string& value, DayInterval* interval) {
  sys_days first, last;
  const char* granularity = nullptr;
  if (!temporal::ValueToDays(value, &first, &last, &granularity)) return false;
  interval->granularity = granularity;
  interval->first = temporal::FormatDay(first);
  interval->last = temporal::FormatDay(last);
  return true;
}

namespace temporal {

bool ValueToDays(const std::string& value, sys_days* first_day, sys_days* last_day,
                 const char** granularity) {
  sys_days& first = *first_day;
  sys_days& last = *last_day;
  const std::size_t size = value.size();
  const bool year_prefix = size >= 4 && Digits(value, 0, 4);
  if (size >= 10 &&
      temporal::ParseDay(value, &first)) {  // a day, or a time of day ("2017-04-12TNI")
    last = first;
    *granularity = "day";
  } else if (year_prefix && (size == 8 || size == 11) && value[4] == '-' && value[5] == 'W' &&
             Digits(value, 6, 2)) {
    iso_week::year_weeknum_weekday monday{
        iso_week::year{Number(value, 0, 4)},
        iso_week::weeknum{static_cast<unsigned>(Number(value, 6, 2))}, iso_week::mon};
    if (!monday.ok()) return false;  // week 53 only exists in some years
    first = sys_days{monday};
    last = first + date::days{6};
    if (size == 11) {
      if (value.compare(8, 3, "-WE") != 0) return false;
      first += date::days{5};  // Saturday and Sunday
    }
    *granularity = "week";
  } else if (year_prefix && size == 7 && value[4] == '-' && (value[5] == 'Q' || value[5] == 'H') &&
             Digits(value, 6, 1)) {
    const int year = Number(value, 0, 4);
    const unsigned part = static_cast<unsigned>(value[6] - '0');
    const unsigned months = value[5] == 'Q' ? 3 : 6;
    if (part < 1 || part > 12 / months) return false;
    first = MonthStart(year, months * (part - 1) + 1);
    last = MonthEnd(year, months * part);
    *granularity = value[5] == 'Q' ? "quarter" : "half";
  } else if (year_prefix && size == 7 && value[4] == '-' && Digits(value, 5, 2)) {
    const int year = Number(value, 0, 4);
    const unsigned month = static_cast<unsigned>(Number(value, 5, 2));
    if (month < 1 || month > 12) return false;
    first = MonthStart(year, month);
    last = MonthEnd(year, month);
    *granularity = "month";
  } else if (year_prefix && size == 7 && value[4] == '-') {
    // Seasons, meteorologically: winter runs from December into the next year.
    const int year = Number(value, 0, 4);
    const std::string season = value.substr(5);
    if (season == "SP") {
      first = MonthStart(year, 3), last = MonthEnd(year, 5);
    } else if (season == "SU") {
      first = MonthStart(year, 6), last = MonthEnd(year, 8);
    } else if (season == "FA") {
      first = MonthStart(year, 9), last = MonthEnd(year, 11);
    } else if (season == "WI") {
      first = MonthStart(year, 12), last = MonthEnd(year + 1, 2);
    } else {
      return false;
    }
    *granularity = "season";
  } else if (year_prefix && size == 4) {
    const int year = Number(value, 0, 4);
    first = MonthStart(year, 1);
    last = MonthEnd(year, 12);
    *granularity = "year";
  } else if (size == 3 && Digits(value, 0, 3)) {
    const int decade = Number(value, 0, 3) * 10;
    first = MonthStart(decade, 1);
    last = MonthEnd(decade + 9, 12);
    *granularity = "decade";
  } else if (size == 2 && Digits(value, 0, 2)) {
    const int century = Number(value, 0, 2) * 100;
    first = MonthStart(century, 1);
    last = MonthEnd(century + 99, 12);
    *granularity = "century";
  } else {
    return false;
  }
  return true;
}

}  // namespace temporal
}  // namespace eventgraph
