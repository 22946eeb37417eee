// Shared by the temporal loader and tagger; not part of the public API.
#pragma once

#include <date/date.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/timex.h"

namespace eventgraph::temporal {

// Word classes recognised by shape rather than listed in words.tsv.
bool IsBuiltInClass(const std::string& name);

// The value functions rules.tsv may call, with their arity.
struct ValueFunction {
  const char* name;
  std::size_t min_args, max_args;
};
const ValueFunction* FindValueFunction(const std::string& name);

// What a tagger knows when it evaluates a rule's value.
struct EvalContext {
  bool has_anchor = false;
  date::sys_days anchor{};
  bool has_reference = false;  // the last calendar date the text mentioned
  std::string reference;       // as a TIMEX3 value, e.g. "2017-04-04" or "2016"
  int tense = 0;               // -1 past, +1 future, 0 unknown
};

// A capture's value: its class value ("4" for April, "day" for "days"), or
// absent when its optional element did not match.
// Views into the rule's pattern and the tagger's token classes, which outlive an evaluation.
struct Capture {
  std::string_view name;
  std::string_view value;
};

struct EvalResult {
  std::string value;
  std::string anchor;  // the date used, "" when none
};

// Evaluates `expr`; nullopt when the rule does not apply after all
// ("February 30, 2017", a year outside the plausible range).
std::optional<EvalResult> Evaluate(const ValueExpr& expr, std::span<const Capture> captures,
                                   const EvalContext& context);

bool ParseDay(std::string_view text, date::sys_days* day);
// ValueToInterval without the strings: the first and last day a calendar value covers, and its
// granularity ("day", "week", ...).
bool ValueToDays(const std::string& value, date::sys_days* first, date::sys_days* last,
                 const char** granularity);
std::string FormatDay(date::sys_days day);

}  // namespace eventgraph::temporal
