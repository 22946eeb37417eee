// Segmented text -> Timex list (see eventgraph/timex.h for the contract).
//
// At each token, every rule of data/temporal/rules.tsv that can start there
// is matched (backtracking over optional elements); the longest match wins,
// the earlier rule on a tie, and its value is computed by the functions of
// normalise.cc. Two things come from the text around a match rather than
// from the rule: the tense (cues of words.tsv class `tense`, nearest before
// the expression, then after it), which decides whether a bare "Tuesday" or
// "in June" lies ahead or behind; and the narrative reference, the last
// calendar date tagged, from which "the next day" counts.
#include <algorithm>
#include <array>
#include <deque>
#include <span>
#include <string_view>

#include "eventgraph/text_util.h"
#include "temporal_internal.h"

namespace eventgraph {
namespace {

using temporal::Capture;
using temporal::EvalContext;

constexpr int kTenseWindowBefore = 8;  // tokens; farther cues belong to another clause
constexpr int kTenseWindowAfter = 5;

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// A token as the rules see it: hyphenated words are split ("mid-2012" ->
// "mid" "-" "2012") so that patterns can reach their parts. Its text views
// the Segmented token's; a lower-cased piece that is not a slice of the
// token's lower case lives in `owned`.
struct TimeToken {
  uint32_t begin = 0, end = 0;  // bytes in the document
  uint32_t segment_token = 0;   // the Segmented token it comes from
  std::string_view text, lower;
  uint64_t lower_hash = 0;  // ShortStringHash(lower)
  bool capitalized = false;
};

void SplitSentence(const Segmented& seg, const Sentence& sentence, std::vector<TimeToken>* out,
                   std::deque<std::string>* owned) {
  out->clear();
  owned->clear();
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const Token& token = seg.tokens[t];
    auto push = [&](std::size_t from, std::size_t to) {
      // Built in place: a TimeToken assembled on the stack and copied stalls on store forwarding.
      TimeToken& piece = out->emplace_back();
      piece.begin = token.begin + static_cast<uint32_t>(from);
      piece.end = token.begin + static_cast<uint32_t>(to);
      piece.segment_token = t;
      piece.text = std::string_view(token.text).substr(from, to - from);
      if (token.lower.size() == token.text.size()) {
        piece.lower = std::string_view(token.lower).substr(from, to - from);
      } else {
        piece.lower = owned->emplace_back(Utf8Lower(std::string(piece.text)));
      }
      piece.lower_hash =
          from == 0 && to == token.text.size() ? token.lower_hash : ShortStringHash(piece.lower);
      piece.capitalized = from == 0 ? token.capitalized : IsAsciiUpper(piece.text[0]);
    };
    // An inline scan: a memchr call per token costs more than the scan of a short word.
    if (std::find(token.text.begin(), token.text.end(), '-') == token.text.end() ||
        token.text.size() == 1) {
      push(0, token.text.size());
      continue;
    }
    date::sys_days ignored;
    if (token.text.size() == 10 && temporal::ParseDay(token.text, &ignored)) {
      push(0, token.text.size());
      continue;
    }
    std::size_t start = 0;
    for (std::size_t pos = 0; pos <= token.text.size(); ++pos) {
      if (pos < token.text.size() && token.text[pos] != '-') continue;
      if (pos > start) push(start, pos);
      if (pos < token.text.size()) push(pos, pos + 1);
      start = pos + 1;
    }
  }
}

int ParseSmall(std::string_view digits) {  // digits.size() <= 9
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

int DayOfMonth(std::string_view text) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (text.size() > 2 && text.substr(text.size() - 2) == suffix) text.remove_suffix(2);
  }
  if (!AllDigits(text) || text.size() > 2) return 0;
  int day = ParseSmall(text);
  return day >= 1 && day <= 31 ? day : 0;
}

class Tagger {
 public:
  Tagger(const std::string& text, const Segmented& seg, const TemporalLexicon& rules,
         const std::string& anchor, const TimexOptions& options)
      : text_(text), seg_(seg), rules_(rules), options_(options) {
    context_.has_anchor = temporal::ParseDay(anchor, &context_.anchor) && anchor.size() == 10;
    numeric_order_ =
        options.numeric_date_order.empty() ? rules.numeric_date_order : options.numeric_date_order;
  }

  std::vector<Timex> Run() {
    for (uint32_t s = 0; s < seg_.sentences.size(); ++s) {
      const Sentence& sentence = seg_.sentences[s];
      if (sentence.furniture && options_.skip_furniture) continue;
      sentence_ = s;
      if (!MayHoldTime(sentence)) continue;
      SplitSentence(seg_, sentence, &tokens_, &owned_);
      if (classes_.size() < tokens_.size()) classes_.resize(tokens_.size());
      bool any_candidate = false;
      for (std::size_t i = 0; i < tokens_.size(); ++i) {
        ClassesOf(tokens_[i], &classes_[i]);
        any_candidate = any_candidate || (classes_[i].word && !classes_[i].word->rules.empty()) ||
                        !classes_[i].shaped.empty();
      }
      if (!any_candidate) continue;  // most sentences name no time at all
      if (matches_.size() < tokens_.size()) matches_.resize(tokens_.size());
      computed_.assign(tokens_.size(), false);
      for (std::size_t i = 0; i < tokens_.size();) i = std::max(i + 1, TagAt(i));
    }
    return std::move(out_);
  }

 private:
  // The word classes a token belongs to: those words.tsv lists it in, and
  // those its shape gives it (digits, ordinals, ISO dates ...), with its value
  // in each.
  struct TokenClasses {
    const TemporalLexicon::WordEntry* word = nullptr;  // its words.tsv entry and rules, if any
    std::vector<std::pair<int, std::string>> shaped;   // (class id, value)
  };

  // Whether some rule could match in the sentence: it has a key word (see
  // TemporalLexicon::scan_every_sentence), a digit (every class given by shape
  // has one) or a hyphenated word (whose parts the rules see).
  bool MayHoldTime(const Sentence& sentence) const {
    if (rules_.scan_every_sentence) return true;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = seg_.tokens[t];
      if (token.has_digit || token.has_hyphen) return true;
      if (!rules_.MayBeKey(token.lower)) continue;
      const TemporalLexicon::WordEntry* entry = rules_.words.Find(token.Lower());
      if (entry && entry->key) return true;
    }
    return false;
  }

  static void Shaped(int id, std::string value, TokenClasses* out) {
    if (id >= 0) out->shaped.emplace_back(id, std::move(value));
  }

  void ClassesOf(const TimeToken& token, TokenClasses* out) const {
    out->shaped.clear();
    out->word = rules_.words.Find(HashedWord{token.lower, token.lower_hash});
    const std::string_view t = token.text;
    if (t.empty() || std::none_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return;  // every class given by shape has a digit
    if (AllDigits(t)) {
      Shaped(ids_.digits, std::string(t), out);
      if (t.size() <= 4) Shaped(ids_.number, std::to_string(ParseSmall(t)), out);
      if (t.size() == 4 && t >= "1000" && t <= "2999") Shaped(ids_.year, std::string(t), out);
      if (t.size() <= 2 && ParseSmall(t) <= 24)
        Shaped(ids_.hour, std::to_string(ParseSmall(t)), out);
      if (t.size() == 2 && ParseSmall(t) <= 59) Shaped(ids_.minute, std::string(t), out);
    }
    if (int day = DayOfMonth(t)) Shaped(ids_.day, std::to_string(day), out);
    // Numeric ordinals: "20th", "1st".
    if (t.size() > 2 && AllDigits(t.substr(0, t.size() - 2)) && t.size() <= 5) {
      std::string suffix = AsciiLower(std::string(t.substr(t.size() - 2)));
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
        Shaped(ids_.ordinal, std::to_string(ParseSmall(t.substr(0, t.size() - 2))), out);
      }
    }
    // Decades: "1990s" -> 199; "90s" -> 199 (tens from 3 up are taken as the 1900s).
    if (t.size() == 5 && t[4] == 's' && AllDigits(t.substr(0, 4)) && t[3] == '0') {
      Shaped(ids_.decade, std::string(t.substr(0, 3)), out);
    } else if (t.size() == 3 && t[2] == 's' && AllDigits(t.substr(0, 2)) && t[1] == '0') {
      Shaped(ids_.decade, std::string(t[0] >= '3' ? "19" : "20") + t[0], out);
    }
    date::sys_days day;
    if (t.size() == 10 && temporal::ParseDay(std::string(t), &day))
      Shaped(ids_.iso_date, std::string(t), out);
    if (numeric_order_ != "none" && t.find('/') != std::string_view::npos) {
      std::vector<std::string_view> parts = Split(t, '/');
      if (parts.size() == 3 && AllDigits(parts[0]) && AllDigits(parts[1]) && parts[2].size() == 4 &&
          AllDigits(parts[2]) && parts[0].size() <= 2 && parts[1].size() <= 2) {
        std::string_view month = numeric_order_ == "mdy" ? parts[0] : parts[1];
        std::string_view day_part = numeric_order_ == "mdy" ? parts[1] : parts[0];
        std::string iso = std::string(parts[2]) + "-" + (month.size() == 1 ? "0" : "") +
                          std::string(month) + "-" + (day_part.size() == 1 ? "0" : "") +
                          std::string(day_part);
        if (temporal::ParseDay(iso, &day)) Shaped(ids_.numeric_date, iso, out);
      }
    }
  }

  const std::string* ClassValue(std::size_t token, int class_id) const {
    const TokenClasses& classes = classes_[token];
    if (classes.word) {
      for (const auto& [id, value] : classes.word->classes) {
        if (id == class_id) return &value;
      }
    }
    for (const auto& [id, value] : classes.shaped) {
      if (id == class_id) return &value;
    }
    return nullptr;
  }

  // In fixed arrays: a match is copied whenever it grows longer, and vectors would allocate.
  struct Match {
    std::size_t end = 0;                                     // one past the last token matched
    std::array<uint32_t, kMaxPatternElements + 1> starts{};  // token where each element starts
    std::array<Capture, kMaxPatternElements> captures{};
    std::size_t capture_count = 0;
    std::span<const Capture> Captures() const { return {captures.data(), capture_count}; }
  };

  // Longest match of rule.pattern[element...] from `pos`; extends `current`.
  void MatchFrom(const TemporalRule& rule, std::size_t element, std::size_t pos, Match& current,
                 std::optional<Match>& best) const {
    current.starts[element] = static_cast<uint32_t>(pos);
    if (element == rule.pattern.size()) {
      if (!best || pos > best->end) {
        best = current;
        best->end = pos;
      }
      return;
    }
    const PatternElement& want = rule.pattern[element];
    if (pos < tokens_.size() && (!want.capitalized || tokens_[pos].capitalized)) {
      if (want.word_class.empty()) {
        const TemporalLexicon::WordEntry* word = classes_[pos].word;
        if (word && word->literal >= 0 &&
            std::find(want.literal_ids.begin(), want.literal_ids.end(), word->literal) !=
                want.literal_ids.end()) {
          MatchFrom(rule, element + 1, pos + 1, current, best);
        }
      } else if (const std::string* value = ClassValue(pos, want.class_id)) {
        current.captures[current.capture_count++] = {want.capture, *value};
        MatchFrom(rule, element + 1, pos + 1, current, best);
        --current.capture_count;
      }
    }
    if (want.optional) MatchFrom(rule, element + 1, pos, current, best);
  }

  // Tense cue nearest the expression: -1 past, +1 future, 0 none.
  int TenseAround(std::size_t begin, std::size_t end) const {
    auto cue = [&](std::size_t i) {
      if (const std::string* tense = ClassValue(i, ids_.tense)) return *tense == "future" ? 1 : -1;
      const std::string_view word = tokens_[i].lower;
      const std::string& suffix = rules_.past_tense_suffix;
      if (suffix.empty() || tokens_[i].capitalized || word.size() < suffix.size() + 3 ||
          word.compare(word.size() - suffix.size(), suffix.size(), suffix) != 0 ||
          !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return 0;
      }
      // A participle after "be" or "to" ("will be released") says nothing of the time; keep
      // looking.
      for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
        if (ClassValue(i - back, ids_.participle_aux)) return 0;
      }
      return -1;
    };
    for (int d = 1; d <= kTenseWindowBefore && begin >= static_cast<std::size_t>(d); ++d) {
      if (int tense = cue(begin - d)) return tense;
    }
    for (int d = 0; d < kTenseWindowAfter && end + d < tokens_.size(); ++d) {
      if (int tense = cue(end + d)) return tense;
    }
    return 0;
  }

  // Where the longest match starting at `i` ends (i when there is none).
  std::size_t LongestMatchEnd(std::size_t i) {
    std::size_t longest = i;
    for (const auto& [r, match] : MatchesAt(i)) longest = std::max(longest, match.end);
    return longest;
  }

  // Every rule's longest match at token `i`: longest first, the earlier rule on a tie. Computed
  // once per token of the sentence (a rule's extent may ask again).
  const std::vector<std::pair<uint32_t, Match>>& MatchesAt(std::size_t i) {
    if (!computed_[i]) {
      ComputeMatchesAt(i, &matches_[i]);
      computed_[i] = true;
    }
    return matches_[i];
  }

  // Whether token `next` is one the rule's second element could take: most
  // rules starting on "the" or a number stop there.
  bool MayContinue(const TemporalLexicon::RuleGate& gate, std::size_t next) const {
    if (next >= tokens_.size()) return false;
    const TokenClasses& classes = classes_[next];
    const int* literals = rules_.gate_ids.data() + gate.offset;
    const int* literals_end = literals + gate.literals;
    const int* class_ids = literals_end;
    const int* class_ids_end = class_ids + gate.classes;
    auto has_class = [&](int id) {
      return std::find(class_ids, class_ids_end, id) != class_ids_end;
    };
    if (classes.word) {
      if (classes.word->literal >= 0 &&
          std::find(literals, literals_end, classes.word->literal) != literals_end)
        return true;
      for (const auto& [id, value] : classes.word->classes) {
        if (has_class(id)) return true;
      }
    }
    for (const auto& [id, value] : classes.shaped) {
      if (has_class(id)) return true;
    }
    return false;
  }

  void ComputeMatchesAt(std::size_t i, std::vector<std::pair<uint32_t, Match>>* out) {
    std::vector<std::pair<uint32_t, Match>>& matches = *out;  // (rule, match)
    matches.clear();
    const TokenClasses& classes = classes_[i];
    if ((!classes.word || classes.word->rules.empty()) && classes.shaped.empty()) return;
    // A listed word's rules are sorted and unique already; a shaped token's are merged here.
    // Before a word no pattern names ("the president"), only the rules that may end on this
    // token can match.
    const bool next_is_listed =
        i + 1 < tokens_.size() && (classes_[i + 1].word || !classes_[i + 1].shaped.empty());
    const std::vector<uint32_t>* listed =
        !classes.word ? nullptr
                      : (next_is_listed ? &classes.word->rules : &classes.word->rules_alone);
    if (!classes.shaped.empty()) {
      candidates_.clear();
      if (listed) candidates_ = *listed;
      for (const auto& [id, value] : classes.shaped) {
        const std::vector<uint32_t>& starting = rules_.rules_by_class[id];
        candidates_.insert(candidates_.end(), starting.begin(), starting.end());
      }
      std::sort(candidates_.begin(), candidates_.end());
      candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
      listed = &candidates_;
    }
    const std::vector<uint32_t>& candidates = *listed;
    if (candidates.empty()) return;

    Match& current = current_;
    for (uint32_t r : candidates) {
      const TemporalLexicon::RuleGate& gate = rules_.gates[r];
      if (!gate.may_end_after_one && !MayContinue(gate, i + 1)) continue;
      const TemporalRule& rule = rules_.rules[r];
      std::fill_n(current.starts.begin(), rule.pattern.size() + 1, static_cast<uint32_t>(i));
      current.capture_count = 0;
      std::optional<Match> best;
      MatchFrom(rule, 0, i, current, best);
      if (best && best->end > i) matches.emplace_back(r, *best);
    }
    // Longest first, the earlier rule on a tie: an insertion sort, stable and without the buffer
    // std::stable_sort allocates, for the few matches a token has.
    for (std::size_t k = 1; k < matches.size(); ++k) {
      for (std::size_t j = k; j > 0 && matches[j].second.end > matches[j - 1].second.end; --j)
        std::swap(matches[j], matches[j - 1]);
    }
  }

  // Tags at token `i`; returns the token to continue from.
  std::size_t TagAt(std::size_t i) {
    const std::vector<std::pair<uint32_t, Match>>& matches = MatchesAt(i);
    for (const auto& [r, match] : matches) {
      const TemporalRule& rule = rules_.rules[r];
      if (rule.type == "IGNORE") return match.end;
      // A rule that needs a word before its extent ("in [ the spring ]") yields
      // to a longer expression starting at the extent ("the spring of 1939").
      if (std::size_t extent = match.starts[rule.extent_begin];
          extent > i && LongestMatchEnd(extent) > match.end) {
        return extent;
      }
      std::size_t begin = match.starts[rule.extent_begin], end = match.starts[rule.extent_end];
      // Punctuation at the edges ("Tuesday ," before an optional year that was not there) stays
      // outside.
      while (begin < end && !IsWordish(tokens_[begin])) ++begin;
      while (end > begin && !IsWordish(tokens_[end - 1])) --end;
      if (begin == end) continue;
      context_.tense = TenseAround(begin, end);
      const std::span<const Capture> captures = match.Captures();
      std::optional<temporal::EvalResult> value =
          temporal::Evaluate(rule.value, captures, context_);
      if (!value) continue;
      Timex timex;
      timex.sentence = sentence_;
      timex.begin = tokens_[begin].begin;
      timex.end = tokens_[end - 1].end;
      timex.first_token = tokens_[begin].segment_token;
      timex.end_token = tokens_[end - 1].segment_token + 1;
      timex.text = text_.substr(timex.begin, timex.end - timex.begin);
      timex.type = rule.type;
      timex.value = value->value;
      timex.anchor = value->anchor;
      timex.rule = rule.name;
      if (!rule.mod.text.empty()) {
        if (auto mod = temporal::Evaluate(rule.mod, captures, context_)) timex.mod = mod->value;
      }
      date::sys_days first, last;
      const char* granularity;
      if ((timex.type == "DATE" || timex.type == "TIME") &&
          temporal::ValueToDays(timex.value, &first, &last, &granularity)) {
        context_.has_reference = true;
        context_.reference = timex.value;
      }
      out_.push_back(std::move(timex));
      return end;
    }
    return i + 1;
  }

  static bool IsWordish(const TimeToken& token) {
    return std::any_of(token.text.begin(), token.text.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             static_cast<unsigned char>(c) >= 0x80;
    });
  }

  const std::string& text_;
  const Segmented& seg_;
  const TemporalLexicon& rules_;
  const TimexOptions& options_;
  std::string numeric_order_;
  EvalContext context_;
  uint32_t sentence_ = 0;
  const TemporalLexicon::TaggerClassIds& ids_ = rules_.tagger_classes;
  std::vector<TimeToken> tokens_;
  std::deque<std::string> owned_;      // lower-cased pieces that are not slices
  std::vector<TokenClasses> classes_;  // per token of the sentence (may be longer)
  std::vector<uint32_t> candidates_;   // ComputeMatchesAt's buffers, reused
  Match current_;
  // Per token of the sentence, once computed: every rule's longest match there.
  std::vector<std::vector<std::pair<uint32_t, Match>>> matches_;
  std::vector<bool> computed_;
  std::vector<Timex> out_;
};

}  // namespace

std::vector<Timex> TagTimexes(const std::string& text, const Segmented& segmented,
                              const TemporalLexicon& rules, const std::string& anchor,
                              const TimexOptions& options) {
  return Tagger(text, segmented, rules, anchor, options).Run();
}

std::string FindDateline(const std::vector<Timex>& timexes, uint32_t max_bytes) {
  for (const Timex& timex : timexes) {
    if (timex.begin >= max_bytes) break;
    date::sys_days day;
    // Written out in full, so it needed no anchor.
    if (timex.anchor.empty() && timex.value.size() == 10 && temporal::ParseDay(timex.value, &day))
      return timex.value;
  }
  return {};
}

AnchoredTimexes TagWithBestAnchor(const std::string& text, const Segmented& segmented,
                                  const TemporalLexicon& rules, const std::string& document_date,
                                  const std::string& fallback, uint32_t dateline_bytes,
                                  const TimexOptions& options) {
  AnchoredTimexes out;
  if (!document_date.empty()) {
    out.anchor = document_date;
    out.anchor_source = "document";
    out.timexes = TagTimexes(text, segmented, rules, out.anchor, options);
    return out;
  }
  // A date the text carries beats the user's guess for the whole corpus.
  out.timexes = TagTimexes(text, segmented, rules, "", options);
  out.anchor = FindDateline(out.timexes, dateline_bytes);
  out.anchor_source = out.anchor.empty() ? "" : "dateline";
  if (out.anchor.empty() && !fallback.empty()) {
    out.anchor = fallback;
    out.anchor_source = "fallback";
  }
  if (!out.anchor.empty()) out.timexes = TagTimexes(text, segmented, rules, out.anchor, options);
  return out;
}

}  // namespace eventgraph
