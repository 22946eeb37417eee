// data/ -> Lexicons. Every file is validated as it is read; the first
// malformed line fails the whole load with `file:line: reason`, so that a run
// never starts on a half-understood lexicon. See docs/data.md for the files.
#include <algorithm>
#include <filesystem>
#include <set>

#include "eventgraph/extract.h"
#include "eventgraph/text_util.h"
#include "eventgraph/tsv.h"

namespace eventgraph {
namespace {

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> words;
  for (std::string_view word : Split(phrase, ' ')) {
    if (!word.empty()) words.emplace_back(word);
  }
  return words;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Short consonant-vowel-consonant verbs double their last letter: ban -> banned.
bool DoublesFinalConsonant(const std::string& verb) {
  std::size_t n = verb.size();
  if (n < 3 || n > 4) return false;
  char last = verb[n - 1];
  return !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(verb[n - 2]) &&
         !IsVowel(verb[n - 3]);
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string PluralOrThirdPerson(const std::string& word) {
  if (EndsWith(word, "y") && word.size() > 1 && !IsVowel(word[word.size() - 2])) {
    return word.substr(0, word.size() - 1) + "ies";
  }
  if (EndsWith(word, "s") || EndsWith(word, "x") || EndsWith(word, "z") || EndsWith(word, "ch") ||
      EndsWith(word, "sh")) {
    return word + "es";
  }
  return word + "s";
}

struct Irregular {
  std::vector<std::string> forms;
};

std::vector<std::string> VerbForms(const std::string& lemma,
                                   const std::unordered_map<std::string, Irregular>& irregular) {
  std::set<std::string> forms{lemma, PluralOrThirdPerson(lemma)};
  auto found = irregular.find(lemma);
  if (found != irregular.end()) {
    forms.insert(found->second.forms.begin(), found->second.forms.end());
  } else if (EndsWith(lemma, "e")) {
    forms.insert(lemma + "d");
  } else if (EndsWith(lemma, "y") && !IsVowel(lemma[lemma.size() - 2])) {
    forms.insert(lemma.substr(0, lemma.size() - 1) + "ied");
  } else if (DoublesFinalConsonant(lemma)) {
    forms.insert(lemma + lemma.back() + "ed");
  } else {
    forms.insert(lemma + "ed");
  }
  if (EndsWith(lemma, "ie")) {
    forms.insert(lemma.substr(0, lemma.size() - 2) + "ying");
  } else if (EndsWith(lemma, "e") && !EndsWith(lemma, "ee")) {
    forms.insert(lemma.substr(0, lemma.size() - 1) + "ing");
  } else if (DoublesFinalConsonant(lemma)) {
    forms.insert(lemma + lemma.back() + "ing");
  } else {
    forms.insert(lemma + "ing");
  }
  return {forms.begin(), forms.end()};
}

#define EVENTGRAPH_READ(rows, path, min, max)             \
  auto rows##_result = ReadTsv(path, min, max);           \
  if (!rows##_result.ok()) return rows##_result.status(); \
  const std::vector<TsvRow>& rows = *rows##_result

}  // namespace

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kCountry:
      return "country";
    case EntityKind::kLocation:
      return "location";
    case EntityKind::kGroup:
      return "group";
    case EntityKind::kOther:
      return "other";
  }
  return "other";
}

bool ParseEntityKind(const std::string& name, EntityKind* kind) {
  static const std::pair<const char*, EntityKind> kKinds[] = {
      {"person", EntityKind::kPerson},   {"organization", EntityKind::kOrganization},
      {"country", EntityKind::kCountry}, {"location", EntityKind::kLocation},
      {"group", EntityKind::kGroup},     {"other", EntityKind::kOther}};
  for (const auto& [text, value] : kKinds) {
    if (name == text) {
      *kind = value;
      return true;
    }
  }
  return false;
}

const char* ArgumentRoleName(ArgumentRole role) {
  switch (role) {
    case ArgumentRole::kAgent:
      return "agent";
    case ArgumentRole::kTarget:
      return "target";
    case ArgumentRole::kParticipant:
      return "participant";
    case ArgumentRole::kLocation:
      return "location";
  }
  return "participant";
}

const EventType* Lexicons::FindEventType(const std::string& slug) const {
  auto found = event_type_index.find(slug);
  return found == event_type_index.end() ? nullptr : &event_types[found->second];
}

Result<Lexicons> LoadLexicons(const std::string& data_dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(data_dir, error)) {
    return Status(StatusCode::kNotFound, "data directory not found (use --data-dir)", data_dir);
  }
  Lexicons lex;
  lex.data_dir = data_dir;
  const std::string gaz = data_dir + "/gazetteer/";
  const std::string lexdir = data_dir + "/lexicon/";

  // Countries, their aliases and demonyms. An alias marked "display" is the
  // name shown for the country ("Russia" rather than "Russian Federation").
  EVENTGRAPH_READ(aliases, gaz + "country_aliases.tsv", 2, 3);
  std::unordered_map<std::string, std::string> display_override;
  for (const TsvRow& row : aliases) {
    if (row.fields.size() == 3) {
      if (row.fields[2] != "display") {
        return Status(StatusCode::kDataError, "third field must be \"display\" or absent",
                      gaz + "country_aliases.tsv", row.line);
      }
      display_override[row.fields[1]] = row.fields[0];
    }
  }
  EVENTGRAPH_READ(countries, gaz + "countries.tsv", 2, 4);
  for (const TsvRow& row : countries) {
    const std::string& code = row.fields[0];
    if (code.size() != 3) {
      return Status(StatusCode::kDataError,
                    "expected an ISO 3166-1 alpha-3 code, got \"" + code + "\"",
                    gaz + "countries.tsv", row.line);
    }
    // Prefer the common name ("Syria") over the formal one for display.
    std::string display =
        row.fields.size() >= 3 && !row.fields[2].empty() ? row.fields[2] : row.fields[1];
    if (auto found = display_override.find(code); found != display_override.end())
      display = found->second;
    lex.country_names[code] = display;
    for (std::size_t i = 1; i < row.fields.size(); ++i) {
      if (!row.fields[i].empty()) {
        lex.gazetteer.Add(Words(row.fields[i]), {display, EntityKind::kCountry, code});
      }
    }
  }
  for (const TsvRow& row : aliases) {
    auto name = lex.country_names.find(row.fields[1]);
    if (name == lex.country_names.end()) {
      return Status(StatusCode::kDataError, "unknown country code \"" + row.fields[1] + "\"",
                    gaz + "country_aliases.tsv", row.line);
    }
    lex.gazetteer.Add(Words(row.fields[0]), {name->second, EntityKind::kCountry, row.fields[1]});
  }
  EVENTGRAPH_READ(demonyms, gaz + "demonyms.tsv", 2, 2);
  for (const TsvRow& row : demonyms) {
    if (!lex.country_names.count(row.fields[1])) {
      return Status(StatusCode::kDataError, "unknown country code \"" + row.fields[1] + "\"",
                    gaz + "demonyms.tsv", row.line);
    }
    lex.demonyms[row.fields[0]] = row.fields[1];
  }
  EVENTGRAPH_READ(entities, gaz + "entities.tsv", 3, 4);
  for (const TsvRow& row : entities) {
    EntityKind kind;
    if (!ParseEntityKind(row.fields[1], &kind)) {
      return Status(StatusCode::kDataError, "unknown entity kind \"" + row.fields[1] + "\"",
                    gaz + "entities.tsv", row.line);
    }
    std::string country = row.fields.size() > 3 ? row.fields[3] : "";
    if (!country.empty() && !lex.country_names.count(country)) {
      return Status(StatusCode::kDataError, "unknown country code \"" + country + "\"",
                    gaz + "entities.tsv", row.line);
    }
    lex.gazetteer.Add(Words(row.fields[0]), {row.fields[2], kind, country});
  }

  // Names: titles, non-names, head words, place cues, connectors.
  EVENTGRAPH_READ(titles, lexdir + "titles.tsv", 2, 2);
  for (const TsvRow& row : titles) {
    EntityKind kind;
    if (!ParseEntityKind(row.fields[1], &kind)) {
      return Status(StatusCode::kDataError, "unknown entity kind \"" + row.fields[1] + "\"",
                    lexdir + "titles.tsv", row.line);
    }
    std::string role = AsciiLower(row.fields[0]);
    lex.titles.Add(Words(role), role);
    lex.title_kind[role] = kind;
  }
  EVENTGRAPH_READ(non_names, lexdir + "non_names.tsv", 1, 2);
  for (const TsvRow& row : non_names) {
    lex.non_names[row.fields[0]] = row.fields.size() > 1 ? row.fields[1] : "";
  }
  for (const char* file : {"name_heads.tsv", "place_cues.tsv"}) {
    EVENTGRAPH_READ(rows, lexdir + file, 2, 2);
    for (const TsvRow& row : rows) {
      EntityKind kind;
      if (!ParseEntityKind(row.fields[1], &kind)) {
        return Status(StatusCode::kDataError, "unknown entity kind \"" + row.fields[1] + "\"",
                      lexdir + file, row.line);
      }
      (std::string(file) == "name_heads.tsv" ? lex.name_heads : lex.place_cues)[row.fields[0]] =
          kind;
    }
  }
  EVENTGRAPH_READ(actor_heads, lexdir + "actor_heads.tsv", 1, 1);
  for (const TsvRow& row : actor_heads)
    lex.actor_heads[AsciiLower(row.fields[0])] = AsciiLower(row.fields[0]);
  EVENTGRAPH_READ(connectors, lexdir + "name_connectors.tsv", 1, 1);
  for (const TsvRow& row : connectors) lex.name_connectors.push_back(row.fields[0]);
  EVENTGRAPH_READ(abbreviations, lexdir + "abbreviations.tsv", 1, 1);
  for (const TsvRow& row : abbreviations) lex.abbreviations[AsciiLower(row.fields[0])] = true;
  EVENTGRAPH_READ(furniture, lexdir + "furniture.tsv", 1, 1);
  for (const TsvRow& row : furniture) lex.furniture.push_back(row.fields[0]);
  EVENTGRAPH_READ(modality, lexdir + "modality.tsv", 2, 2);
  for (const TsvRow& row : modality) {
    if (row.fields[1] == "negation") {
      lex.negations.push_back(AsciiLower(row.fields[0]));
    } else if (row.fields[1] == "hedge") {
      lex.hedges.push_back(AsciiLower(row.fields[0]));
    } else {
      return Status(StatusCode::kDataError,
                    "expected \"negation\" or \"hedge\", got \"" + row.fields[1] + "\"",
                    lexdir + "modality.tsv", row.line);
    }
  }

  // The event ontology and its triggers.
  const std::string ontology = data_dir + "/ontology/event_types.tsv";
  EVENTGRAPH_READ(types, ontology, 6, 6);
  for (const TsvRow& row : types) {
    if (lex.event_type_index.count(row.fields[0])) {
      return Status(StatusCode::kDataError, "duplicate event type \"" + row.fields[0] + "\"",
                    ontology, row.line);
    }
    lex.event_type_index[row.fields[0]] = lex.event_types.size();
    lex.event_types.push_back(
        {row.fields[0], row.fields[1], row.fields[2], row.fields[3], row.fields[4], row.fields[5]});
  }
  for (const TsvRow& row : types) {
    if (row.fields[4] != "-" && !lex.event_type_index.count(row.fields[4])) {
      return Status(StatusCode::kDataError, "unknown parent type \"" + row.fields[4] + "\"",
                    ontology, row.line);
    }
  }
  std::unordered_map<std::string, Irregular> irregular;
  EVENTGRAPH_READ(irregular_rows, lexdir + "irregular_verbs.tsv", 2, 5);
  for (const TsvRow& row : irregular_rows) {
    Irregular& entry = irregular[AsciiLower(row.fields[0])];
    for (std::size_t i = 1; i < row.fields.size(); ++i)
      entry.forms.push_back(AsciiLower(row.fields[i]));
  }
  EVENTGRAPH_READ(trigger_rows, lexdir + "triggers.tsv", 3, 3);
  // Nouns last: a word that is both ("attack") is then read as a noun, the
  // safer reading for attaching dates.
  std::vector<TsvRow> triggers = trigger_rows;
  std::stable_partition(triggers.begin(), triggers.end(),
                        [](const TsvRow& row) { return row.fields[1] != "noun"; });
  for (const TsvRow& row : triggers) {
    const std::string& type = row.fields[2];
    if (!lex.event_type_index.count(type)) {
      return Status(StatusCode::kDataError,
                    "unknown event type \"" + type + "\" (not in ontology/event_types.tsv)",
                    lexdir + "triggers.tsv", row.line);
    }
    std::vector<std::string> words = Words(AsciiLower(row.fields[0]));
    if (words.empty() || words.front() == "*" || words.back() == "*") {
      return Status(StatusCode::kDataError, "a pattern must start and end with a word",
                    lexdir + "triggers.tsv", row.line);
    }
    const std::string& pos = row.fields[1];
    std::vector<std::string> heads;
    if (pos == "verb") {
      heads = VerbForms(words.front(), irregular);
    } else if (pos == "noun") {
      // Nouns inflect on their last word: "chemical attack" -> "chemical attacks".
      std::vector<std::string> plural = words;
      plural.back() = PluralOrThirdPerson(plural.back());
      lex.triggers.Add(words, {type, false});
      lex.triggers.Add(plural, {type, false});
      continue;
    } else if (pos == "phrase") {
      heads = {words.front()};
    } else {
      return Status(StatusCode::kDataError, "expected verb, noun or phrase, got \"" + pos + "\"",
                    lexdir + "triggers.tsv", row.line);
    }
    for (const std::string& head : heads) {
      std::vector<std::string> inflected = words;
      inflected.front() = head;
      lex.triggers.Add(std::move(inflected), {type, true});
    }
  }
  EVENTGRAPH_READ(cues, lexdir + "relation_cues.tsv", 3, 3);
  for (const TsvRow& row : cues) {
    RelationCue cue;
    cue.tokens = Words(AsciiLower(row.fields[0]));
    cue.type = row.fields[1];
    if (cue.type != "causes" && cue.type != "before") {
      return Status(StatusCode::kDataError,
                    "expected relation \"causes\" or \"before\", got \"" + cue.type + "\"",
                    lexdir + "relation_cues.tsv", row.line);
    }
    if (row.fields[2] == "forward") {
      cue.direction = CueDirection::kLeftToRight;
    } else if (row.fields[2] == "backward") {
      cue.direction = CueDirection::kRightToLeft;
    } else {
      return Status(StatusCode::kDataError, "expected direction \"forward\" or \"backward\"",
                    lexdir + "relation_cues.tsv", row.line);
    }
    lex.relation_cues.push_back(std::move(cue));
  }
  return lex;
}

}  // namespace eventgraph
