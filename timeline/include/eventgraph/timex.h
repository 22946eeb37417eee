// Time expressions: finding them in a segmented document and normalising
// them to TIMEX3 values (TimeML) against an anchor date.
//
//   Result<TemporalLexicon> rules = LoadTemporalLexicon("data");
//   std::vector<Timex> timexes = TagTimexes(text, segmented, *rules, "2017-04-12");
//   DayInterval days;
//   if (ValueToInterval(timexes[0].value, &days)) ... days.first, days.last ...
//
// What is a time expression and how it is normalised lives in data:
// data/temporal/words.tsv (word classes), rules.tsv (patterns and value
// functions) and settings.tsv; docs/temporal-rules.md is their grammar.
// Values never depend on the wall clock: a relative expression is resolved
// against the anchor only, and stays unresolved ("XXXX-WXX-3") without one.
// Each Timex records the rule that produced it and the anchor it used.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventgraph/extract.h"
#include "eventgraph/status.h"
#include "eventgraph/word_map.h"

namespace eventgraph {

// A longer pattern is refused at load: the tagger keeps a match in fixed arrays, not vectors.
constexpr std::size_t kMaxPatternElements = 16;

// One element of a rule's pattern: a literal (with alternatives) or a word class.
struct PatternElement {
  std::vector<std::string> literals;  // lower case; empty for a class
  std::string word_class;             // "month", "year", ... ; empty for a literal
  int class_id = -1;                  // TemporalLexicon::class_names index; -1 for a literal
  std::vector<int> literal_ids;       // the literals' TemporalLexicon::WordEntry::literal ids
  std::string capture;                // the name a value expression uses ($capture)
  bool optional = false;
  bool capitalized = false;  // the token must start with a capital letter
};

// A value expression: a constant, a capture, or a function of expressions.
struct ValueExpr {
  enum class Kind { kConstant, kCapture, kCall };
  Kind kind = Kind::kConstant;
  std::string text;      // the constant, the capture's name, or the function's name
  bool negated = false;  // "-$number"
  std::vector<ValueExpr> args;
};

struct TemporalRule {
  std::string name;
  std::string type;  // DATE, TIME, DURATION, SET, or IGNORE
  std::vector<PatternElement> pattern;
  std::size_t extent_begin = 0, extent_end = 0;  // elements [begin, end) form the expression's text
  ValueExpr value;
  ValueExpr mod;       // TIMEX3 mod (START, END, MID, ...); an empty constant when none
  std::string source;  // "rules.tsv:42", for messages and `explain`
  // What the token after the first may be, for a quick no before matching: the
  // literals' ids and the classes an element that can take it names, or the
  // pattern may end after one token.
  std::vector<int> second_literals, second_classes;
  bool may_end_after_one = true;
};

struct TemporalLexicon {
  // class -> word -> value, from words.tsv
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> classes;
  // word -> (class, value) pairs: the same table read the other way, for tagging
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> word_classes;
  std::vector<TemporalRule> rules;          // in file order: on equal length, the earlier wins
  std::string numeric_date_order = "none";  // "mdy", "dmy" or "none"
  std::string past_tense_suffix;            // "ed": "attacked" is a past-tense cue
  // Rules indexed by what their first token can be: a literal word, or "@class".
  std::unordered_map<std::string, std::vector<uint32_t>> rules_by_first;

  // The same tables keyed for the tagger's inner loop, built at load: word
  // classes by number, and per listed word its classes and every rule that
  // can start on it (through the word itself or one of its classes).
  struct WordEntry {
    std::vector<std::pair<int, std::string>> classes;  // (class id, value)
    std::vector<uint32_t> rules;                       // sorted, unique
    std::vector<uint32_t> rules_alone;  // those of `rules` that may match this word alone
    bool key = false;  // some rule cannot match without this word (see scan_every_sentence)
    int literal = -1;  // a number for the word when some pattern names it literally
  };
  std::vector<std::string> class_names;  // listed classes and the built-in ones
  std::unordered_map<std::string, int> class_ids;
  std::vector<std::vector<uint32_t>> rules_by_class;  // class id -> rules that can start on it
  // Each rule's second_literals, second_classes and may_end_after_one again, packed together
  // (rule r's ids are gate_ids[offset, offset + literals + classes)): the tagger asks this of
  // every rule a word can start, and a TemporalRule is several cache lines.
  struct RuleGate {
    uint32_t offset = 0;
    uint16_t literals = 0, classes = 0;
    bool may_end_after_one = true;
  };
  std::vector<RuleGate> gates;  // by rule
  // Every rule has one required element chosen as its key; a sentence with no key word, no digit
  // and no hyphenated word cannot match any rule and is not tagged. False when some rule has no
  // required element (then every sentence is).
  bool scan_every_sentence = false;
  // A quick no before looking a word up as a key: bit min(length, 31) of key_lengths_by_first[b]
  // and of key_lengths_by_last[b] is set when some key word of that length begins (ends) with
  // byte b.
  std::array<uint32_t, 256> key_lengths_by_first{}, key_lengths_by_last{};
  bool MayBeKey(std::string_view lower) const {
    if (lower.empty()) return false;
    const uint32_t bit = uint32_t{1} << std::min<std::size_t>(lower.size(), 31);
    return (key_lengths_by_first[static_cast<unsigned char>(lower.front())] & bit) &&
           (key_lengths_by_last[static_cast<unsigned char>(lower.back())] & bit);
  }
  std::vector<int> gate_ids;
  FlatWordMap<WordEntry> words;
  // The classes the tagger gives tokens by their shape, and the cue classes it reads, by id
  // (set at load, so that tagging a document looks up no class name).
  struct TaggerClassIds {
    int digits = -1, number = -1, year = -1, hour = -1, minute = -1, day = -1, ordinal = -1,
        decade = -1, iso_date = -1, numeric_date = -1, tense = -1, participle_aux = -1;
  };
  TaggerClassIds tagger_classes;
  int ClassId(const std::string& name) const {
    auto found = class_ids.find(name);
    return found == class_ids.end() ? -1 : found->second;
  }
};

// Loads and validates data_dir/temporal/{words,rules,settings}.tsv; errors
// name the file and line.
Result<TemporalLexicon> LoadTemporalLexicon(const std::string& data_dir);

struct Timex {
  uint32_t sentence = 0;
  uint32_t begin = 0, end = 0;              // bytes in the document text
  uint32_t first_token = 0, end_token = 0;  // the Segmented tokens it overlaps
  std::string text;                         // as written
  std::string type;                         // DATE, TIME, DURATION or SET
  std::string
      value;  // TIMEX3 value: 2017-04-04, 2017-W14, 2017-04, 2017, 201, P3D, PAST_REF, XXXX-WXX-3
  std::string mod;  // TIMEX3 mod: START, END, MID, or ""
  std::string
      anchor;        // the date the value was computed from ("" when none was needed or available)
  std::string rule;  // which rule produced the value, for `explain`
  bool resolved() const { return value.find('X') == std::string::npos; }
};

struct TimexOptions {
  std::string numeric_date_order;  // overrides settings.tsv when not empty
  bool skip_furniture = true;      // leave bylines and credits untagged
};

// Tags every sentence of `segmented`. `anchor` is the document creation time
// as YYYY-MM-DD, or "" when unknown.
std::vector<Timex> TagTimexes(const std::string& text, const Segmented& segmented,
                              const TemporalLexicon& rules, const std::string& anchor,
                              const TimexOptions& options = {});

// The first full calendar date (day, month and year) written out in the first
// `max_bytes` of the document, as YYYY-MM-DD: a dateline or caption date that
// can anchor an undated document. "" when there is none.
std::string FindDateline(const std::vector<Timex>& unanchored_timexes, uint32_t max_bytes);

// A document's time expressions, tagged against the best anchor it has: its
// own date, else a dateline in its first `dateline_bytes`, else `fallback`
// (the user's --date). `anchor_source` says which: "document", "dateline",
// "fallback", or "" when there is none.
struct AnchoredTimexes {
  std::vector<Timex> timexes;
  std::string anchor, anchor_source;
};
AnchoredTimexes TagWithBestAnchor(const std::string& text, const Segmented& segmented,
                                  const TemporalLexicon& rules, const std::string& document_date,
                                  const std::string& fallback, uint32_t dateline_bytes,
                                  const TimexOptions& options = {});

// The calendar days a DATE or TIME value covers, as YYYY-MM-DD strings.
// Handles days (and times of day), ISO weeks and weekends, months, quarters,
// halves, seasons, years, decades and centuries. Returns false for durations,
// references and unresolved values.
struct DayInterval {
  std::string first, last;
  std::string granularity;  // "day", "week", "month", "quarter", "half", "season", "year",
                            // "decade", "century"
};
bool ValueToInterval(const std::string& value, DayInterval* interval);

}  // namespace eventgraph
