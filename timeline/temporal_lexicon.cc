// data/temporal/{words,rules,settings}.tsv -> TemporalLexicon, validated
// with file:line errors so that a typo in a rule fails at start-up, not
// silently at tagging time.
#include <algorithm>
#include <functional>
#include <set>

#include "eventgraph/text_util.h"
#include "eventgraph/tsv.h"
#include "temporal_internal.h"

namespace eventgraph {
namespace {

using temporal::FindValueFunction;
using temporal::IsBuiltInClass;

bool ParseInt(const std::string& text, int* value) {
  if (text.empty() || text.size() > 9) return false;
  std::size_t start = text[0] == '+' || text[0] == '-' ? 1 : 0;
  if (start == text.size()) return false;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  *value = std::stoi(text);
  return true;
}

// Checks the values of the classes the value functions interpret.
std::string CheckClassValue(const std::string& word_class, const std::string& value) {
  struct Range {
    const char* word_class;
    int min, max;
  };
  static const Range kRanges[] = {{"month", 1, 12},
                                  {"month-name", 1, 12},
                                  {"weekday", 1, 7},
                                  {"number", 1, 100000},
                                  {"ordinal", -1, 100}};
  for (const Range& range : kRanges) {
    if (word_class != range.word_class || (word_class == "number" && value == "X")) continue;
    int number = 0;
    if (!ParseInt(value, &number) || number < range.min || number > range.max) {
      return "class " + word_class + " takes a number from " + std::to_string(range.min) + " to " +
             std::to_string(range.max) + ", got \"" + value + "\"";
    }
  }
  auto one_of = [&](std::initializer_list<const char*> allowed) {
    for (const char* candidate : allowed) {
      if (value == candidate) return std::string();
    }
    std::string message = "class " + word_class + " takes one of";
    for (const char* candidate : allowed) message += std::string(" ") + candidate;
    return message + ", got \"" + value + "\"";
  };
  static const std::initializer_list<const char*> kUnits = {
      "second", "minute",  "hour", "day",    "week",   "weekend",
      "month",  "quarter", "year", "decade", "century"};
  if (word_class == "unit" || word_class == "units" || word_class == "frequency")
    return one_of(kUnits);
  if (word_class == "season") return one_of({"SP", "SU", "FA", "WI"});
  if (word_class == "part") return one_of({"MO", "AF", "EV", "NI", "DT"});
  if (word_class == "ampm") return one_of({"am", "pm"});
  if (word_class == "tense") return one_of({"past", "future"});
  if (word_class == "modifier") return one_of({"START", "MID", "END", "APPROX", "BEFORE", "AFTER"});
  return {};
}

class RuleParser {
 public:
  RuleParser(const TemporalLexicon& lexicon, std::string file, long line)
      : lexicon_(lexicon), file_(std::move(file)), line_(line) {}

  Status Pattern(const std::string& text, TemporalRule* rule) {
    std::vector<std::string> parts;
    for (std::string_view part : Split(text, ' ')) {
      if (!part.empty()) parts.emplace_back(part);
    }
    bool open = false, closed = false;
    rule->extent_begin = 0;
    for (const std::string& part : parts) {
      if (part == "[") {
        if (open || closed) return Error("only one [ ... ] extent is allowed");
        open = true;
        rule->extent_begin = rule->pattern.size();
        continue;
      }
      if (part == "]") {
        if (!open || closed) return Error("] without [");
        closed = true;
        rule->extent_end = rule->pattern.size();
        continue;
      }
      PatternElement element;
      std::string body = part;
      if (body.size() > 1 && body.back() == '?') {
        element.optional = true;
        body.pop_back();
      }
      if (body.size() > 1 && body[0] == '@') {
        std::string word_class = body.substr(1), capture;
        if (std::size_t equals = word_class.find('='); equals != std::string::npos) {
          capture = word_class.substr(equals + 1);
          word_class.resize(equals);
        }
        for (std::string* piece : {&word_class, &capture}) {
          if (!piece->empty() && piece->back() == '^') {
            element.capitalized = true;
            piece->pop_back();
          }
        }
        if (!IsBuiltInClass(word_class) && !lexicon_.classes.count(word_class)) {
          return Error("unknown word class @" + word_class + " (not in words.tsv, not built in)");
        }
        element.word_class = word_class;
        element.capture = capture.empty() ? word_class : capture;
        for (const PatternElement& earlier : rule->pattern) {
          if (!earlier.capture.empty() && earlier.capture == element.capture) {
            return Error("capture $" + element.capture +
                         " appears twice; name one with @class=name");
          }
        }
      } else {
        if (body.size() > 1 && body.back() == '^') {
          element.capitalized = true;
          body.pop_back();
        }
        for (std::string_view literal : Split(body, '|')) {
          if (literal.empty()) return Error("empty alternative in \"" + body + "\"");
          element.literals.push_back(Utf8Lower(std::string(literal)));
        }
      }
      rule->pattern.push_back(std::move(element));
    }
    if (open && !closed) return Error("[ without ]");
    if (!open) rule->extent_end = rule->pattern.size();
    if (rule->pattern.empty()) return Error("empty pattern");
    if (rule->pattern.size() > kMaxPatternElements)
      return Error("a pattern has at most " + std::to_string(kMaxPatternElements) + " elements");
    bool required = false;
    for (std::size_t i = rule->extent_begin; i < rule->extent_end; ++i)
      required |= !rule->pattern[i].optional;
    if (!required) return Error("the extent needs at least one element that is not optional");
    return Status();
  }

  Status Value(const std::string& text, const TemporalRule& rule, ValueExpr* expr) {
    text_ = text;
    pos_ = 0;
    Status status = Expr(rule, expr, true);
    if (!status.ok()) return status;
    SkipSpaces();
    if (pos_ != text_.size())
      return Error("unexpected \"" + text_.substr(pos_) + "\" in value \"" + text_ + "\"");
    return Status();
  }

 private:
  Status Error(const std::string& message) const {
    return Status(StatusCode::kDataError, message, file_, line_);
  }
  void SkipSpaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  Status Expr(const TemporalRule& rule, ValueExpr* expr, bool top) {
    SkipSpaces();
    // A whole value without parentheses is a TIMEX3 value as it stands: "PRESENT_REF",
    // "XXXX-XX-XX".
    if (top && text_.find('(') == std::string::npos && text_[0] != '$') {
      expr->kind = ValueExpr::Kind::kConstant;
      expr->text = text_;
      pos_ = text_.size();
      return Status();
    }
    if (pos_ < text_.size() && text_[pos_] == '-' && pos_ + 1 < text_.size() &&
        text_[pos_ + 1] == '$') {
      expr->negated = true;
      ++pos_;
    }
    std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '(' && text_[pos_] != ')' && text_[pos_] != ',' &&
           text_[pos_] != ' ') {
      ++pos_;
    }
    std::string word = text_.substr(start, pos_ - start);
    if (word.empty()) return Error("expected a value in \"" + text_ + "\"");
    SkipSpaces();
    if (word[0] == '$') {
      expr->kind = ValueExpr::Kind::kCapture;
      expr->text = word.substr(1);
      bool known = false;
      for (const PatternElement& element : rule.pattern)
        known = known || element.capture == expr->text;
      if (!known) return Error("$" + expr->text + " is not captured by the pattern");
      return Status();
    }
    if (pos_ >= text_.size() || text_[pos_] != '(') {
      expr->kind = ValueExpr::Kind::kConstant;
      expr->text = word;
      return Status();
    }
    expr->kind = ValueExpr::Kind::kCall;
    expr->text = word;
    const temporal::ValueFunction* function = FindValueFunction(word);
    if (!function)
      return Error("unknown value function " + word + "() (see docs/temporal-rules.md)");
    ++pos_;  // (
    SkipSpaces();
    if (pos_ < text_.size() && text_[pos_] == ')') {
      ++pos_;
    } else {
      while (true) {
        ValueExpr arg;
        Status status = Expr(rule, &arg, false);
        if (!status.ok()) return status;
        expr->args.push_back(std::move(arg));
        SkipSpaces();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] == ')') {
          ++pos_;
          break;
        }
        return Error("expected , or ) in \"" + text_ + "\"");
      }
    }
    if (expr->args.size() < function->min_args || expr->args.size() > function->max_args) {
      return Error(word + "() takes " + std::to_string(function->min_args) + " to " +
                   std::to_string(function->max_args) + " arguments, got " +
                   std::to_string(expr->args.size()));
    }
    return Status();
  }

  const TemporalLexicon& lexicon_;
  std::string file_;
  long line_;
  std::string text_;
  std::size_t pos_ = 0;
};

// The keys a rule's first token can match, looking through leading optional elements.
std::vector<std::string> FirstKeys(const TemporalRule& rule) {
  std::vector<std::string> keys;
  for (const PatternElement& element : rule.pattern) {
    if (element.word_class.empty()) {
      keys.insert(keys.end(), element.literals.begin(), element.literals.end());
    } else {
      keys.push_back("@" + element.word_class);
    }
    if (!element.optional) break;
  }
  return keys;
}

// Marks the words of one required element of each rule as keys: not one with a word of one or
// two letters ("a", "of", "in") when there is another; then a word class (months, units ...)
// before literals; then the later element, usually the head ("fall" in "the fall of"). A class
// of numbers written in digits has no short word. Which element is chosen only decides how many
// sentences are skipped unread, never what is tagged.
void MarkKeyWords(TemporalLexicon* lexicon) {
  auto words_of = [&](const PatternElement& element) {
    std::vector<std::string> words = element.literals;
    if (!element.word_class.empty()) {
      auto listed = lexicon->classes.find(element.word_class);
      if (listed != lexicon->classes.end()) {
        for (const auto& [word, value] : listed->second) words.push_back(word);
      }
    }
    return words;
  };
  for (const TemporalRule& rule : lexicon->rules) {
    const PatternElement* chosen = nullptr;
    std::pair<std::size_t, bool> chosen_rank;
    for (const PatternElement& element : rule.pattern) {
      if (element.optional) continue;
      std::size_t shortest = SIZE_MAX;  // a class with no listed word matches digits only
      for (const std::string& word : words_of(element)) shortest = std::min(shortest, word.size());
      const std::pair<std::size_t, bool> rank{std::min<std::size_t>(shortest, 3),
                                              !element.word_class.empty()};
      if (!chosen || rank >= chosen_rank) {  // on a tie the later, usually the head word
        chosen = &element;
        chosen_rank = rank;
      }
    }
    if (!chosen) {
      lexicon->scan_every_sentence = true;
      continue;
    }
    for (const std::string& word : words_of(*chosen)) {
      lexicon->words[word].key = true;
      if (word.empty()) continue;
      const uint32_t bit = uint32_t{1} << std::min<std::size_t>(word.size(), 31);
      lexicon->key_lengths_by_first[static_cast<unsigned char>(word.front())] |= bit;
      lexicon->key_lengths_by_last[static_cast<unsigned char>(word.back())] |= bit;
    }
  }
}

// Class ids, each pattern element's id, and per word its classes and the rules that can start on
// it, so that tagging a token costs one hash lookup and no string comparison of class names.
void IndexForTagging(TemporalLexicon* lexicon) {
  auto id_of = [&](const std::string& name) {
    auto [it, added] =
        lexicon->class_ids.emplace(name, static_cast<int>(lexicon->class_names.size()));
    if (added) lexicon->class_names.push_back(name);
    return it->second;
  };
  // Classes the tagger gives tokens by their shape, whether or not words.tsv lists them.
  TemporalLexicon::TaggerClassIds& ids = lexicon->tagger_classes;
  for (auto [name, id] :
       std::initializer_list<std::pair<const char*, int*>>{{"digits", &ids.digits},
                                                           {"number", &ids.number},
                                                           {"year", &ids.year},
                                                           {"hour", &ids.hour},
                                                           {"minute", &ids.minute},
                                                           {"day", &ids.day},
                                                           {"ordinal", &ids.ordinal},
                                                           {"decade", &ids.decade},
                                                           {"iso-date", &ids.iso_date},
                                                           {"numeric-date", &ids.numeric_date},
                                                           {"tense", &ids.tense},
                                                           {"participle-aux", &ids.participle_aux}})
    *id = id_of(name);
  for (const auto& [name, words] : lexicon->classes) id_of(name);
  lexicon->rules_by_class.assign(lexicon->class_names.size(), {});
  int literals = 0;
  for (TemporalRule& rule : lexicon->rules) {
    for (PatternElement& element : rule.pattern) {
      if (!element.word_class.empty()) element.class_id = id_of(element.word_class);
      for (const std::string& literal : element.literals) {
        int& id = lexicon->words[literal].literal;
        if (id < 0) id = literals++;
        element.literal_ids.push_back(id);
      }
    }
  }
  // Element j takes the first token when the elements before it are optional; element k the
  // second when those between j and k are.
  for (TemporalRule& rule : lexicon->rules) {
    const std::vector<PatternElement>& pattern = rule.pattern;
    rule.may_end_after_one = false;
    for (std::size_t j = 0; j < pattern.size(); ++j) {
      std::size_t k = j + 1;
      for (; k < pattern.size(); ++k) {
        const PatternElement& next = pattern[k];
        if (next.class_id >= 0) rule.second_classes.push_back(next.class_id);
        rule.second_literals.insert(rule.second_literals.end(), next.literal_ids.begin(),
                                    next.literal_ids.end());
        if (!next.optional) break;
      }
      if (k >= pattern.size()) rule.may_end_after_one = true;
      if (!pattern[j].optional) break;
    }
    for (std::vector<int>* ids : {&rule.second_literals, &rule.second_classes}) {
      std::sort(ids->begin(), ids->end());
      ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    }
    TemporalLexicon::RuleGate& gate = lexicon->gates.emplace_back();
    gate.offset = static_cast<uint32_t>(lexicon->gate_ids.size());
    gate.literals = static_cast<uint16_t>(rule.second_literals.size());
    gate.classes = static_cast<uint16_t>(rule.second_classes.size());
    gate.may_end_after_one = rule.may_end_after_one;
    for (const std::vector<int>* ids : {&rule.second_literals, &rule.second_classes})
      lexicon->gate_ids.insert(lexicon->gate_ids.end(), ids->begin(), ids->end());
  }
  lexicon->rules_by_class.resize(lexicon->class_names.size());
  for (const auto& [key, rules] : lexicon->rules_by_first) {
    if (key.size() > 1 && key[0] == '@') {
      lexicon->rules_by_class[lexicon->class_ids.at(key.substr(1))] = rules;
    } else {
      lexicon->words[key].rules = rules;
    }
  }
  for (const auto& [word, classes] : lexicon->word_classes) {
    TemporalLexicon::WordEntry& entry = lexicon->words[word];
    for (const auto& [name, value] : classes) {
      const int id = id_of(name);
      entry.classes.emplace_back(id, value);
      const std::vector<uint32_t>& starting = lexicon->rules_by_class[id];
      entry.rules.insert(entry.rules.end(), starting.begin(), starting.end());
    }
  }
  MarkKeyWords(lexicon);
  for (auto& [word, entry] : lexicon->words) {
    std::sort(entry.rules.begin(), entry.rules.end());
    entry.rules.erase(std::unique(entry.rules.begin(), entry.rules.end()), entry.rules.end());
    for (uint32_t r : entry.rules) {
      if (lexicon->rules[r].may_end_after_one) entry.rules_alone.push_back(r);
    }
  }
}

}  // namespace

Result<TemporalLexicon> LoadTemporalLexicon(const std::string& data_dir) {
  const std::string dir = data_dir + "/temporal/";
  TemporalLexicon lexicon;

  auto words = ReadTsv(dir + "words.tsv", 3, 3);
  if (!words.ok()) return words.status();
  for (const TsvRow& row : *words) {
    const std::string& word_class = row.fields[0];
    if (IsBuiltInClass(word_class)) {
      return Status(StatusCode::kDataError,
                    "class " + word_class + " is built in and cannot be listed", dir + "words.tsv",
                    row.line);
    }
    if (std::string problem = CheckClassValue(word_class, row.fields[2]); !problem.empty()) {
      return Status(StatusCode::kDataError, problem, dir + "words.tsv", row.line);
    }
    const std::string word = Utf8Lower(row.fields[1]);
    if (word.find(' ') != std::string::npos) {
      return Status(StatusCode::kDataError, "a word must be one token: \"" + word + "\"",
                    dir + "words.tsv", row.line);
    }
    if (lexicon.classes[word_class].count(word)) {
      return Status(StatusCode::kDataError,
                    "\"" + word + "\" is listed twice in class " + word_class, dir + "words.tsv",
                    row.line);
    }
    lexicon.classes[word_class][word] = row.fields[2];
    lexicon.word_classes[word].emplace_back(word_class, row.fields[2]);
  }
  for (const char* required : {"month", "weekday", "number", "unit", "tense"}) {
    if (!lexicon.classes.count(required)) {
      return Status(StatusCode::kDataError, std::string("class ") + required + " is missing",
                    dir + "words.tsv");
    }
  }

  auto settings = ReadTsv(dir + "settings.tsv", 2, 2);
  if (!settings.ok()) return settings.status();
  for (const TsvRow& row : *settings) {
    const std::string& key = row.fields[0];
    const std::string& value = row.fields[1];
    if (key == "numeric_date_order") {
      if (value != "mdy" && value != "dmy" && value != "none") {
        return Status(StatusCode::kDataError,
                      "numeric_date_order is mdy, dmy or none, got \"" + value + "\"",
                      dir + "settings.tsv", row.line);
      }
      lexicon.numeric_date_order = value;
    } else if (key == "past_tense_suffix") {
      lexicon.past_tense_suffix = AsciiLower(value);
    } else {
      return Status(StatusCode::kDataError, "unknown setting \"" + key + "\"", dir + "settings.tsv",
                    row.line);
    }
  }

  auto rules = ReadTsv(dir + "rules.tsv", 3, 5);
  if (!rules.ok()) return rules.status();
  std::set<std::string> names;
  for (const TsvRow& row : *rules) {
    TemporalRule rule;
    rule.name = row.fields[0];
    rule.type = row.fields[1];
    rule.source = "rules.tsv:" + std::to_string(row.line);
    RuleParser parser(lexicon, dir + "rules.tsv", row.line);
    if (!names.insert(rule.name).second) {
      return Status(StatusCode::kDataError, "rule " + rule.name + " is defined twice",
                    dir + "rules.tsv", row.line);
    }
    static const std::set<std::string> kTypes = {"DATE", "TIME", "DURATION", "SET", "IGNORE"};
    if (!kTypes.count(rule.type)) {
      return Status(StatusCode::kDataError,
                    "type is DATE, TIME, DURATION, SET or IGNORE, got \"" + rule.type + "\"",
                    dir + "rules.tsv", row.line);
    }
    if (Status status = parser.Pattern(row.fields[2], &rule); !status.ok()) return status;
    if (rule.type != "IGNORE") {
      if (row.fields.size() < 4 || row.fields[3].empty()) {
        return Status(StatusCode::kDataError, "rule " + rule.name + " needs a value",
                      dir + "rules.tsv", row.line);
      }
      if (Status status = parser.Value(row.fields[3], rule, &rule.value); !status.ok())
        return status;
      if (row.fields.size() == 5 && !row.fields[4].empty()) {
        if (Status status = parser.Value(row.fields[4], rule, &rule.mod); !status.ok())
          return status;
      }
    }
    const uint32_t index = static_cast<uint32_t>(lexicon.rules.size());
    for (const std::string& key : FirstKeys(rule)) lexicon.rules_by_first[key].push_back(index);
    lexicon.rules.push_back(std::move(rule));
  }
  if (lexicon.rules.empty()) {
    return Status(StatusCode::kDataError, "no rules", dir + "rules.tsv");
  }
  IndexForTagging(&lexicon);
  return lexicon;
}

}  // namespace eventgraph
