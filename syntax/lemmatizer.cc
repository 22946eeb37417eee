// Lemmas: the training treebanks' own lemma for a form and tag, else
// WordNet's irregular forms and detachment rules ("morphy"), else a few
// spelling rules for words WordNet lacks ("tweeted" -> "tweet").
// Also reads WordNet's dict folder for the trainer.
#include <cctype>
#include <fstream>

#include "eventgraph/text_util.h"
#include "model.h"

namespace eventgraph::syntax_internal {
namespace {

struct Detachment {
  std::string_view suffix, ending;
};
// WordNet's morphy rules, by part, in its order.
constexpr Detachment kNounRules[] = {{"s", ""},    {"ses", "s"}, {"xes", "x"}, {"zes", "z"},
                                     {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
                                     {"ies", "y"}};
constexpr Detachment kVerbRules[] = {{"s", ""},  {"ies", "y"}, {"es", "e"},  {"es", ""},
                                     {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Detachment kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "stopped" -> "stop" after "ed" is taken: a doubled final consonant other than l, s, z.
std::string Undouble(std::string stem) {
  std::size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
      stem[n - 1] != 's' && stem[n - 1] != 'z') {
    stem.pop_back();
  }
  return stem;
}

// Spelling rules for an inflected form WordNet does not know.
std::string GuessBase(const std::string& lower, std::string_view xpos) {
  if (xpos == "NNS" || xpos == "VBZ") {
    if (EndsWith(lower, "ies")) return lower.substr(0, lower.size() - 3) + "y";
    for (std::string_view suffix : {"sses", "ches", "shes", "xes", "zes"}) {
      if (EndsWith(lower, suffix)) return lower.substr(0, lower.size() - 2);
    }
    if (EndsWith(lower, "s") && !EndsWith(lower, "ss") && !EndsWith(lower, "us") &&
        !EndsWith(lower, "is")) {
      return lower.substr(0, lower.size() - 1);
    }
    return lower;
  }
  if (xpos == "VBD" || xpos == "VBN") {
    if (EndsWith(lower, "ied")) return lower.substr(0, lower.size() - 3) + "y";
    if (EndsWith(lower, "eed")) return lower.substr(0, lower.size() - 1);
    if (EndsWith(lower, "ed")) {
      std::string stem = lower.substr(0, lower.size() - 2);
      std::string undoubled = Undouble(stem);
      if (undoubled != stem) return undoubled;
      char last = stem.empty() ? 0 : stem.back();
      if (last == 'v' || last == 'c' || last == 'g' || last == 'z' || last == 'u') return stem + "e";
      return stem;
    }
    return lower;
  }
  if (xpos == "VBG") {
    if (EndsWith(lower, "ying") && lower.size() == 5) return lower.substr(0, 1) + "ie";
    if (EndsWith(lower, "ing") && lower.size() > 4) {
      std::string stem = lower.substr(0, lower.size() - 3);
      std::string undoubled = Undouble(stem);
      if (undoubled != stem) return undoubled;
      char last = stem.back();
      if (last == 'v' || last == 'c' || last == 'g' || last == 'z' || last == 'u') return stem + "e";
      return stem;
    }
    return lower;
  }
  if (xpos == "JJR" || xpos == "RBR") {
    if (EndsWith(lower, "ier")) return lower.substr(0, lower.size() - 3) + "y";
    if (EndsWith(lower, "er")) return Undouble(lower.substr(0, lower.size() - 2));
  }
  if (xpos == "JJS" || xpos == "RBS") {
    if (EndsWith(lower, "iest")) return lower.substr(0, lower.size() - 4) + "y";
    if (EndsWith(lower, "est")) return Undouble(lower.substr(0, lower.size() - 3));
  }
  return lower;
}

bool AllCapitals(std::string_view form) {
  int letters = 0;
  for (unsigned char c : form) {
    if (std::islower(c)) return false;
    if (std::isupper(c)) ++letters;
  }
  return letters >= 2;
}

}  // namespace

std::string WordNetLexicon::BaseForm(std::string_view lower, int part) const {
  if (const std::string* irregular_form = irregular[part].Find(lower)) return *irregular_form;
  const uint8_t bit = static_cast<uint8_t>(1u << part);
  std::span<const Detachment> rules;
  if (part == 0) rules = kNounRules;
  if (part == 1) rules = kVerbRules;
  if (part == 2) rules = kAdjRules;
  for (const Detachment& rule : rules) {
    if (!EndsWith(lower, rule.suffix)) continue;
    std::string base(lower.substr(0, lower.size() - rule.suffix.size()));
    base += rule.ending;
    const uint8_t* parts = lemmas.Find(base);
    if (parts != nullptr && (*parts & bit)) return base;
    if (rule.ending.empty() && part != 0) {
      std::string undoubled = Undouble(base);
      parts = lemmas.Find(undoubled);
      if (undoubled != base && parts != nullptr && (*parts & bit)) return undoubled;
    }
  }
  return {};
}

uint8_t WordNetLexicon::Mask(std::string_view lower) const {
  const uint8_t* direct = lemmas.Find(lower);
  uint8_t mask = direct != nullptr ? *direct : 0;
  for (int part = 0; part < 4; ++part) {
    if (!(mask & (1u << part)) && !BaseForm(lower, part).empty()) mask |= 1u << part;
  }
  return mask;
}

std::string Lemmatizer::Lemma(std::string_view form, Upos upos, std::string_view xpos,
                              const WordNetLexicon& wordnet) const {
  std::string key;
  key.reserve(form.size() + 1 + xpos.size());
  key.append(form).push_back('\t');
  key.append(xpos);
  if (const std::string* known = by_form_and_tag.Find(key)) return *known;
  std::string lower = AsciiLower(form);
  std::string lower_key = lower + '\t' + std::string(xpos);
  if (const std::string* known = by_form_and_tag.Find(lower_key)) return *known;
  switch (upos) {
    case Upos::kPropn:
    case Upos::kNum:
    case Upos::kSym:
    case Upos::kPunct:
    case Upos::kX:
      return std::string(form);
    default:
      break;
  }
  int part = -1;
  if (upos == Upos::kNoun && xpos == "NNS") part = 0;
  if ((upos == Upos::kVerb || upos == Upos::kAux) &&
      (xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ")) {
    part = 1;
  }
  if (upos == Upos::kAdj && (xpos == "JJR" || xpos == "JJS")) part = 2;
  if (upos == Upos::kAdv && (xpos == "RBR" || xpos == "RBS")) part = 3;
  if (part >= 0) {
    // Inflected words are lemmatised in lower case, acronyms too: "HAS" -> "have".
    std::string base = wordnet.BaseForm(lower, part);
    return base.empty() ? GuessBase(lower, xpos) : base;
  }
  if (upos == Upos::kNoun && AllCapitals(form)) return std::string(form);
  return lower;
}

Status LoadWordNet(const std::string& dict_dir, WordNetLexicon* lexicon) {
  constexpr const char* kParts[4] = {"noun", "verb", "adj", "adv"};
  for (int part = 0; part < 4; ++part) {
    std::string index_path = dict_dir + "/index." + kParts[part];
    std::ifstream index(index_path);
    if (!index) {
      return Status(StatusCode::kNotFound,
                    "cannot read WordNet (install Debian's wordnet-base)", index_path);
    }
    std::string line;
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      std::string lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') != std::string::npos) continue;  // multi-word entries
      lexicon->lemmas[lemma] |= static_cast<uint8_t>(1u << part);
    }
    std::string exceptions_path = dict_dir + "/" + kParts[part] + ".exc";
    std::ifstream exceptions(exceptions_path);
    if (!exceptions) return Status(StatusCode::kNotFound, "cannot read WordNet", exceptions_path);
    while (std::getline(exceptions, line)) {
      std::size_t space = line.find(' ');
      if (space == std::string::npos) continue;
      std::string inflected = line.substr(0, space);
      std::size_t end = line.find(' ', space + 1);
      std::string base = line.substr(space + 1, end == std::string::npos ? end : end - space - 1);
      if (inflected.find('_') != std::string::npos) continue;
      lexicon->irregular[part].emplace(inflected, base);
    }
  }
  return Status();
}

}  // namespace eventgraph::syntax_internal
