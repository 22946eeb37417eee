// data/ -> Lexicons. Every file is validated as it is read; the first
// malformed line fails the whole load with `file:line: reason`, so that a run
// never starts on a half-understood lexicon. See docs/data.md for the files.
#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <unordered_map>

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

bool IsRoleCode(const std::string& code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The tables of names, shared by the bundled files and user lexicons: a row
// is `fields[first...]` in the column order of the bundled file.
class NameTableLoader {
 public:
  explicit NameTableLoader(Lexicons* lex) : lex_(*lex) {}

  Status Add(const std::string& table, const std::vector<std::string>& fields, std::size_t first,
             const std::string& file, long line) {
    std::vector<std::string> f(fields.begin() + static_cast<long>(first), fields.end());
    auto error = [&](const std::string& message) {
      return Status(StatusCode::kDataError, message, file, line);
    };
    auto arity = [&](std::size_t min, std::size_t max, const char* columns) {
      return f.size() >= min && f.size() <= max ? Status()
                                                : error(table + " takes " + columns + ", got " +
                                                        std::to_string(f.size()) + " fields");
    };
    if (table == "entity") {
      if (Status s = arity(3, 6, "name, kind, canonical, [country, code, region]"); !s.ok())
        return s;
      GazetteerEntry entry;
      entry.canonical = f[2];
      entry.seat = f[1] == "seat";
      if (!ParseEntityKind(entry.seat ? "location" : f[1], &entry.kind)) {
        return error("unknown entity kind \"" + f[1] + "\"");
      }
      entry.country = f.size() > 3 ? f[3] : "";
      entry.code = f.size() > 4 ? f[4] : "";
      entry.region = f.size() > 5 ? f[5] : "";
      if (!entry.country.empty() && !lex_.country_names.count(entry.country)) {
        return error("unknown country code \"" + entry.country + "\"");
      }
      if (!entry.code.empty() && (entry.code.size() < 3 || entry.code.size() > 12 ||
                                  !std::all_of(entry.code.begin(), entry.code.end(),
                                               [](char c) { return c >= 'A' && c <= 'Z'; }))) {
        return error("an actor code is 3 to 12 capital letters, got \"" + entry.code + "\"");
      }
      if (!entry.region.empty()) {
        auto region = lex_.subdivisions.find(entry.region);
        if (region == lex_.subdivisions.end()) {
          return error("unknown ISO 3166-2 code \"" + entry.region +
                       "\" (not in subdivisions.tsv)");
        }
        if (!entry.country.empty() && region->second.country != entry.country) {
          return error("region " + entry.region + " is not in " + entry.country);
        }
      }
      if (entry.seat && (entry.country.empty() || entry.code.empty())) {
        return error("a seat needs a country and the actor code it stands for");
      }
      lex_.gazetteer.Add(Words(f[0]), entry);
    } else if (table == "title") {
      if (Status s = arity(3, 3, "title, kind, role code or -"); !s.ok()) return s;
      EntityKind kind;
      if (!ParseEntityKind(f[1], &kind)) return error("unknown entity kind \"" + f[1] + "\"");
      if (f[2] != "-" && !IsRoleCode(f[2]))
        return error("a role code is 3 capital letters or -, got \"" + f[2] + "\"");
      std::string role = AsciiLower(f[0]);
      lex_.titles.Add(Words(role), role);
      lex_.title_kind[role] = kind;
      lex_.title_code[role] = f[2] == "-" ? "" : f[2];
    } else if (table == "non_name") {
      if (Status s = arity(1, 2, "word, [why]"); !s.ok()) return s;
      lex_.non_names[f[0]] = f.size() > 1 ? f[1] : "";
    } else if (table == "name_head" || table == "place_cue") {
      if (Status s = arity(2, table == "name_head" ? 3 : 2, "word, kind[, role code]"); !s.ok())
        return s;
      EntityKind kind;
      if (!ParseEntityKind(f[1], &kind)) return error("unknown entity kind \"" + f[1] + "\"");
      (table == "name_head" ? lex_.name_heads : lex_.place_cues)[f[0]] = kind;
      if (f.size() == 3) {
        if (!IsRoleCode(f[2]))
          return error("a role code is 3 capital letters, got \"" + f[2] + "\"");
        lex_.name_head_code[f[0]] = f[2];
      }
    } else if (table == "actor_head") {
      if (Status s = arity(2, 2, "word, role code"); !s.ok()) return s;
      if (!IsRoleCode(f[1])) return error("a role code is 3 capital letters, got \"" + f[1] + "\"");
      lex_.actor_heads[AsciiLower(f[0])] = f[1];
    } else {
      return error(
          "unknown table \"" + table +
          "\" (entity, alias, demonym, title, non_name, name_head, place_cue, actor_head)");
    }
    return Status();
  }

 private:
  Lexicons& lex_;
};

#define EVENTGRAPH_READ(rows, path, min, max)             \
  auto rows##_result = ReadTsv(path, min, max);           \
  if (!rows##_result.ok()) return rows##_result.status(); \
  const std::vector<TsvRow>& rows = *rows##_result

// The merge's weights (merge/weights.tsv): every name once, each an integer.
Status ReadMergeWeights(const std::string& path, MergeWeights* weights) {
  EVENTGRAPH_READ(rows, path, 2, 3);
  const std::pair<const char*, int MergeWeights::*> kNames[] = {
      {"dated_overlap", &MergeWeights::dated_overlap},
      {"dates_undated_event", &MergeWeights::dates_undated_event},
      {"dated_event_for_undated", &MergeWeights::dated_event_for_undated},
      {"per_shared", &MergeWeights::per_shared},
      {"per_mention", &MergeWeights::per_mention},
      {"generalised_type", &MergeWeights::generalised_type},
      {"threshold", &MergeWeights::threshold},
      {"news_cycle_days", &MergeWeights::news_cycle_days},
      {"place_evidence_days", &MergeWeights::place_evidence_days}};
  std::set<std::string> seen;
  for (const TsvRow& row : rows) {
    const auto* known = std::find_if(std::begin(kNames), std::end(kNames), [&](const auto& entry) {
      return row.fields[0] == entry.first;
    });
    if (known == std::end(kNames))
      return Status(StatusCode::kDataError, "unknown merge weight \"" + row.fields[0] + "\"", path,
                    row.line);
    if (!seen.insert(row.fields[0]).second)
      return Status(StatusCode::kDataError, "merge weight \"" + row.fields[0] + "\" given twice",
                    path, row.line);
    if (!ParseInt(row.fields[1], &(weights->*(known->second))))
      return Status(StatusCode::kDataError, "expected an integer, got \"" + row.fields[1] + "\"",
                    path, row.line);
  }
  for (const auto& [name, member] : kNames) {
    if (!seen.count(name))
      return Status(StatusCode::kDataError, std::string("merge weight \"") + name + "\" missing",
                    path);
  }
  return Status();
}

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

const EventType* Lexicons::FindEventType(std::string_view slug) const {
  auto found = event_type_index.find(slug);
  return found == event_type_index.end() ? nullptr : &event_types[found->second];
}

Result<Lexicons> LoadLexicons(const std::string& data_dir,
                              const std::vector<std::string>& extra_lexicons) {
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
        lex.gazetteer.Add(Words(row.fields[i]),
                          {display, EntityKind::kCountry, code, code, "", false});
      }
    }
  }
  for (const TsvRow& row : aliases) {
    auto name = lex.country_names.find(row.fields[1]);
    if (name == lex.country_names.end()) {
      return Status(StatusCode::kDataError, "unknown country code \"" + row.fields[1] + "\"",
                    gaz + "country_aliases.tsv", row.line);
    }
    lex.gazetteer.Add(Words(row.fields[0]), {name->second, EntityKind::kCountry, row.fields[1],
                                             row.fields[1], "", false});
  }
  EVENTGRAPH_READ(demonyms, gaz + "demonyms.tsv", 2, 2);
  for (const TsvRow& row : demonyms) {
    if (!lex.country_names.count(row.fields[1])) {
      return Status(StatusCode::kDataError, "unknown country code \"" + row.fields[1] + "\"",
                    gaz + "demonyms.tsv", row.line);
    }
    lex.demonyms[row.fields[0]] = row.fields[1];
  }
  EVENTGRAPH_READ(subdivisions, gaz + "subdivisions.tsv", 4, 5);
  for (const TsvRow& row : subdivisions) {
    if (!lex.country_names.count(row.fields[1])) {
      return Status(StatusCode::kDataError, "unknown country code \"" + row.fields[1] + "\"",
                    gaz + "subdivisions.tsv", row.line);
    }
    lex.subdivisions[row.fields[0]] = {row.fields[0], row.fields[1], row.fields[2]};
    for (std::size_t i : {2, 3}) {
      std::vector<std::string>& codes = lex.subdivisions_by_name[AsciiLower(row.fields[i])];
      if (std::find(codes.begin(), codes.end(), row.fields[0]) == codes.end())
        codes.push_back(row.fields[0]);
    }
  }
  NameTableLoader names(&lex);
  EVENTGRAPH_READ(entities, gaz + "entities.tsv", 3, 6);
  for (const TsvRow& row : entities) {
    if (Status s = names.Add("entity", row.fields, 0, gaz + "entities.tsv", row.line); !s.ok())
      return s;
  }
  struct NameFile {
    const char* table;
    std::string path;
    std::size_t min, max;
  };
  for (const NameFile& file : {NameFile{"title", lexdir + "titles.tsv", 3, 3},
                               NameFile{"non_name", lexdir + "non_names.tsv", 1, 2},
                               NameFile{"name_head", lexdir + "name_heads.tsv", 2, 3},
                               NameFile{"place_cue", lexdir + "place_cues.tsv", 2, 2},
                               NameFile{"actor_head", lexdir + "actor_heads.tsv", 2, 2}}) {
    EVENTGRAPH_READ(rows, file.path, file.min, file.max);
    for (const TsvRow& row : rows) {
      if (Status s = names.Add(file.table, row.fields, 0, file.path, row.line); !s.ok()) return s;
    }
  }
  EVENTGRAPH_READ(connectors, lexdir + "name_connectors.tsv", 1, 1);
  for (const TsvRow& row : connectors) lex.name_connectors[row.fields[0]] = true;
  EVENTGRAPH_READ(abbreviations, lexdir + "abbreviations.tsv", 1, 1);
  for (const TsvRow& row : abbreviations) lex.abbreviations[AsciiLower(row.fields[0])] = true;
  EVENTGRAPH_READ(furniture, lexdir + "furniture.tsv", 1, 1);
  for (const TsvRow& row : furniture) lex.furniture.Add(row.fields[0]);
  EVENTGRAPH_READ(modality, lexdir + "modality.tsv", 2, 2);
  for (const TsvRow& row : modality) {
    static const std::set<std::string> kModalities = {"negation", "hypothetical", "future",
                                                      "alleged"};
    if (!kModalities.count(row.fields[1])) {
      return Status(
          StatusCode::kDataError,
          "expected negation, hypothetical, future or alleged, got \"" + row.fields[1] + "\"",
          lexdir + "modality.tsv", row.line);
    }
    lex.modality_words[AsciiLower(row.fields[0])] =
        row.fields[1] == "negation" ? "negated" : row.fields[1];
  }
  EVENTGRAPH_READ(pronouns, lexdir + "pronouns.tsv", 2, 2);
  for (const TsvRow& row : pronouns) {
    static const std::set<std::string> kCases = {"subject", "possessive", "object",
                                                 "plural possessive"};
    if (!kCases.count(row.fields[1])) {
      return Status(StatusCode::kDataError,
                    "expected subject, possessive, object or plural possessive, got \"" +
                        row.fields[1] + "\"",
                    lexdir + "pronouns.tsv", row.line);
    }
    lex.pronouns[AsciiLower(row.fields[0])] = row.fields[1];
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
  if (Status read = ReadMergeWeights(data_dir + "/merge/weights.tsv", &lex.merge); !read.ok())
    return read;
  std::unordered_map<std::string, Irregular> irregular;
  EVENTGRAPH_READ(irregular_rows, lexdir + "irregular_verbs.tsv", 2, 5);
  for (const TsvRow& row : irregular_rows) {
    Irregular& entry = irregular[AsciiLower(row.fields[0])];
    for (std::size_t i = 1; i < row.fields.size(); ++i)
      entry.forms.push_back(AsciiLower(row.fields[i]));
  }
  EVENTGRAPH_READ(directions, lexdir + "place_directions.tsv", 1, 1);
  for (const TsvRow& row : directions) lex.place_directions[AsciiLower(row.fields[0])] = true;
  EVENTGRAPH_READ(acting, lexdir + "acting_verbs.tsv", 1, 1);
  for (const TsvRow& row : acting) {
    for (const std::string& form : VerbForms(AsciiLower(row.fields[0]), irregular))
      lex.acting_verbs[form] = true;
  }
  EVENTGRAPH_READ(reporting, lexdir + "reporting_verbs.tsv", 2, 2);
  for (const TsvRow& row : reporting) {
    if (row.fields[1] != "report" && row.fields[1] != "claim") {
      return Status(StatusCode::kDataError,
                    "expected \"report\" or \"claim\", got \"" + row.fields[1] + "\"",
                    lexdir + "reporting_verbs.tsv", row.line);
    }
    for (const std::string& form : VerbForms(AsciiLower(row.fields[0]), irregular))
      lex.reporting_verbs[form] = row.fields[1] == "claim";
  }
  EVENTGRAPH_READ(trigger_rows, lexdir + "triggers.tsv", 3, 4);
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
    const bool passive_agent = row.fields.size() == 4 && row.fields[3] == "passive-agent";
    if (row.fields.size() == 4 && !passive_agent) {
      return Status(StatusCode::kDataError,
                    "expected \"passive-agent\" or nothing in the fourth field, got \"" +
                        row.fields[3] + "\"",
                    lexdir + "triggers.tsv", row.line);
    }
    std::vector<std::string> heads;
    if (pos == "verb") {
      heads = VerbForms(words.front(), irregular);
    } else if (pos == "noun") {
      // Nouns inflect on their last word: "chemical attack" -> "chemical attacks".
      std::vector<std::string> plural = words;
      plural.back() = PluralOrThirdPerson(plural.back());
      lex.triggers.Add(words, {type, false, passive_agent});
      lex.triggers.Add(plural, {type, false, passive_agent});
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
      lex.triggers.Add(std::move(inflected), {type, true, passive_agent});
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

  // User lexicons: each row names the table it adds to, then that table's columns.
  for (const std::string& path : extra_lexicons) {
    EVENTGRAPH_READ(rows, path, 2, 7);
    for (const TsvRow& row : rows) {
      const std::string& table = row.fields[0];
      if (table == "alias") {
        if (row.fields.size() != 3) {
          return Status(StatusCode::kDataError, "alias takes: alias, country alpha-3", path,
                        row.line);
        }
        auto name = lex.country_names.find(row.fields[2]);
        if (name == lex.country_names.end()) {
          return Status(StatusCode::kDataError, "unknown country code \"" + row.fields[2] + "\"",
                        path, row.line);
        }
        lex.gazetteer.Add(Words(row.fields[1]), {name->second, EntityKind::kCountry, row.fields[2],
                                                 row.fields[2], "", false});
      } else if (table == "demonym") {
        if (row.fields.size() != 3 || !lex.country_names.count(row.fields[2])) {
          return Status(StatusCode::kDataError, "demonym takes: adjective, known country alpha-3",
                        path, row.line);
        }
        lex.demonyms[row.fields[1]] = row.fields[2];
      } else if (Status s = names.Add(table, row.fields, 1, path, row.line); !s.ok()) {
        return s;
      }
    }
  }
  for (std::size_t c = 0; c < lex.relation_cues.size(); ++c)
    lex.relation_cues_by_first[lex.relation_cues[c].tokens.front()].push_back(c);
  return lex;
}

}  // namespace eventgraph
