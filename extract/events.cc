// Tokens and entity mentions -> event mentions and stated relations.
//
// Triggers come from data/lexicon/triggers.tsv (verbs in every inflection,
// nouns in both numbers, multi-word patterns with "*" gaps); the longest
// trigger at a position wins and triggers never start inside a name.
// Arguments are read off the clause around the trigger:
//   - the nearest name before it is the agent ("Lavrov criticized"), and
//     names joined to it by "and" are participants ("X and Y meet");
//   - after it, the preposition before a name decides its role: "with",
//     "between", "and" -> participant; "in", "at" + a place -> location;
//     "by" -> agent; "on", "against", "to" or none -> target.
//   - a noun told "with" someone ("talks with X", "a news conference with X")
//     also takes the clause's subject: "Lavrov spoke after talks with X".
// "He", "his" stand for the first person named in the sentence before them,
// else in one of the two sentences before (data/lexicon/pronouns.tsv).
// Modality: the nearest word of lexicon/modality.tsv within a few words before
// the trigger marks it hypothetical ("could"), future ("will") or alleged
// ("alleged"); a negation ("did not") always wins. Mentions are kept, flagged.
// Reported speech: events in the clause a reporting verb introduces ("Lavrov
// said X", "X, Lavrov said") get the verb's subject as their source; a claim
// ("Moscow claimed X") marks them alleged.
// A relation cue ("prompted", "in retaliation for") between two triggers
// of one sentence states "causes" or "before" in the direction it names.
#include <algorithm>
#include <set>

#include "entities_internal.h"

namespace eventgraph {
namespace {

constexpr uint32_t kModalityWindow = 4;   // words before a trigger that can negate or hedge it
constexpr uint32_t kArgumentWindow = 12;  // words after a trigger where its arguments may be
constexpr uint32_t kMaxGap = 3;           // words a "*" in a trigger pattern may stand for
constexpr uint32_t kNounAgentReach = 3;   // words before a noun trigger where its agent may be

// Length of `pattern` matched at token i (0 when it does not match).
uint32_t MatchPattern(const std::vector<Token>& tokens, uint32_t i, uint32_t end,
                      const std::vector<std::string>& pattern, std::size_t p) {
  if (p == pattern.size()) return 0;
  if (pattern[p] == "*") {
    for (uint32_t skip = 0; skip <= kMaxGap && i + skip < end; ++skip) {
      uint32_t rest = MatchPattern(tokens, i + skip, end, pattern, p + 1);
      if (rest > 0) return skip + rest;
    }
    return 0;
  }
  if (i >= end || tokens[i].lower != pattern[p]) return 0;
  if (p + 1 == pattern.size()) return 1;
  uint32_t rest = MatchPattern(tokens, i + 1, end, pattern, p + 1);
  return rest > 0 ? rest + 1 : 0;
}

bool IsClauseBreak(const Token& token) {
  return token.text == ";" || token.text == ":" || token.text == "\"" ||
         token.text == "\xE2\x80\x9C" || token.text == "\xE2\x80\x9D";
}

bool CueAt(const Lexicons& lex, const std::vector<Token>& tokens, uint32_t i, uint32_t end) {
  auto starting = lex.relation_cues_by_first.find(tokens[i].Lower());
  if (starting == lex.relation_cues_by_first.end()) return false;
  for (std::size_t c : starting->second) {
    if (MatchPattern(tokens, i, end, lex.relation_cues[c].tokens, 0) > 0) return true;
  }
  return false;
}

bool IsPreposition(std::string_view word) {
  static const std::set<std::string_view> kPrepositions = {
      "with",      "between", "in",   "at",    "by",    "on",     "against",
      "to",        "of",      "from", "for",   "after", "before", "during",
      "following", "over",    "into", "about", "near",  "under"};
  return kPrepositions.count(word) > 0;
}

// A participle right after a preposition ("talks with visiting X") modifies a
// name; it does not start another clause.
bool IsAttributiveParticiple(const std::vector<Token>& tokens, const EventMention& event) {
  const std::string_view word = tokens[event.first_token].lower;
  return event.verbal && event.end_token == event.first_token + 1 && word.size() > 4 &&
         word.compare(word.size() - 3, 3, "ing") == 0 && event.first_token > 0 &&
         IsPreposition(tokens[event.first_token - 1].lower);
}

}  // namespace

void FindEventMentions(const Segmented& seg, const Lexicons& lex, DocumentMentions* out) {
  const std::vector<Token>& tokens = seg.tokens;
  // Which entity mention (if any) covers each token.
  std::vector<int> entity_at(tokens.size(), -1);
  for (std::size_t m = 0; m < out->entities.size(); ++m) {
    const EntityMention& mention = out->entities[m];
    for (uint32_t t = mention.first_token; t < mention.end_token; ++t)
      entity_at[t] = static_cast<int>(m);
  }
  // A pronoun stands for the first person named before it in its sentence,
  // else for the first person of one of the two sentences before.
  std::vector<int> first_person(seg.sentences.size(), -1);
  for (std::size_t m = 0; m < out->entities.size(); ++m) {
    const EntityMention& mention = out->entities[m];
    if (mention.kind == EntityKind::kPerson && !mention.modifier &&
        first_person[mention.sentence] < 0)
      first_person[mention.sentence] = static_cast<int>(m);
  }
  // Each token's pronoun class, looked up once: the argument scans below look
  // at the same tokens again for every trigger near them.
  std::vector<const std::string*> pronoun_of(tokens.size(), nullptr);
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (!tokens[t].is_word) continue;
    if (auto pronoun = lex.pronouns.find(tokens[t].Lower()); pronoun != lex.pronouns.end())
      pronoun_of[t] = &pronoun->second;
  }
  auto referent = [&](uint32_t t, uint32_t sentence, bool possessive_too = false) -> int {
    if (entity_at[t] >= 0) return entity_at[t];
    const std::string* pronoun = pronoun_of[t];
    if (!pronoun || !(*pronoun == "subject" || (possessive_too && *pronoun == "possessive")))
      return -1;
    if (int p = first_person[sentence]; p >= 0 && out->entities[p].end_token <= t) return p;
    for (uint32_t back = 1; back <= 2 && back <= sentence; ++back) {
      if (seg.sentences[sentence - back].furniture) continue;
      if (first_person[sentence - back] >= 0) return first_person[sentence - back];
    }
    return -1;
  };
  // "their talks": everyone named before in the sentence, else in the one before.
  auto group_referent = [&](uint32_t t, uint32_t sentence) {
    std::vector<int> group;
    if (entity_at[t] >= 0 || !pronoun_of[t] || *pronoun_of[t] != "plural possessive") return group;
    for (uint32_t s = sentence + 1; s-- > 0 && s + 1 >= sentence && group.size() < 2;) {
      group.clear();
      for (std::size_t m = 0; m < out->entities.size(); ++m) {
        const EntityMention& mention = out->entities[m];
        if (mention.sentence == s && mention.kind == EntityKind::kPerson && !mention.modifier &&
            (s < sentence || mention.end_token <= t))
          group.push_back(static_cast<int>(m));
      }
    }
    if (group.size() < 2) group.clear();
    return group;
  };
  auto first_token_of = [&](uint32_t t) {
    return entity_at[t] >= 0 ? out->entities[entity_at[t]].first_token : t;
  };

  out->events.reserve(out->events.size() + seg.sentences.size());  // about one a sentence
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    if (sentence.furniture || sentence.heading) continue;
    const std::size_t first_event = out->events.size();
    for (uint32_t i = sentence.first_token; i < sentence.end_token;) {
      const auto* bucket = lex.triggers.by_first_token.Find(tokens[i].Lower());
      uint32_t best = 0;
      const TriggerSense* sense = nullptr;
      if (entity_at[i] < 0 && bucket) {
        for (const auto& phrase : *bucket) {
          uint32_t length = MatchPattern(tokens, i, sentence.end_token, phrase.tokens, 0);
          if (length > best) {
            best = length;
            sense = &phrase.value;
          }
        }
      }
      if (best == 0) {
        ++i;
        continue;
      }
      EventMention event;
      event.sentence = s;
      event.first_token = i;
      event.end_token = i + best;
      event.type = sense->type;
      event.verbal = sense->verbal;
      for (uint32_t t = i; t < i + best; ++t) {
        if (t > i) event.trigger += ' ';
        event.trigger += tokens[t].text;
      }
      std::string nearest;
      for (uint32_t t = i; t > sentence.first_token && i - t < kModalityWindow; --t) {
        if (IsClauseBreak(tokens[t - 1]) || tokens[t - 1].text == ",") break;
        auto cue = lex.modality_words.find(tokens[t - 1].Lower());
        if (cue == lex.modality_words.end()) continue;
        if (cue->second == "negated") {
          // "wasn't responsible for the attack" denies a responsibility, not the attack.
          bool governed = false;
          for (uint32_t between = t; between < i; ++between)
            governed = governed || IsPreposition(tokens[between].lower);
          if (governed) continue;
          nearest = cue->second;
          break;
        }
        if (nearest.empty()) nearest = cue->second;
      }
      if (!nearest.empty()) event.modality = nearest;
      out->events.push_back(std::move(event));
      i += best;
    }

    for (std::size_t e = first_event; e < out->events.size(); ++e)
      out->events[e].attributive = IsAttributiveParticiple(tokens, out->events[e]);

    // Arguments, now that every trigger of the sentence is known: a clause
    // ends at the next trigger, so arguments are not shared by accident.
    for (std::size_t e = first_event; e < out->events.size(); ++e) {
      EventMention& event = out->events[e];
      const uint32_t left_limit =
          e > first_event ? out->events[e - 1].end_token : sentence.first_token;
      uint32_t next_clause = sentence.end_token;
      for (std::size_t n = e + 1; n < out->events.size(); ++n) {
        if (out->events[n].attributive) continue;
        next_clause = out->events[n].first_token;
        break;
      }
      const uint32_t right_limit =
          std::min(next_clause, std::min(sentence.end_token, event.end_token + kArgumentWindow));
      auto add = [&](ArgumentRole role, int entity) {
        for (const EventArgument& argument : event.arguments) {
          if (argument.entity == static_cast<uint32_t>(entity)) return;
        }
        event.arguments.push_back({role, static_cast<uint32_t>(entity)});
      };
      // Left: the subject, and names joined to it by "and". A noun takes
      // only a name right before it: "Syria's attack", "the U.S. missile strike", "his meeting".
      const uint32_t noun_reach = event.first_token > left_limit + kNounAgentReach
                                      ? event.first_token - kNounAgentReach
                                      : left_limit;
      for (uint32_t t = event.first_token; t > (event.verbal ? left_limit : noun_reach); --t) {
        const Token& token = tokens[t - 1];
        if (IsClauseBreak(token)) break;
        if (!event.verbal) {
          const std::vector<int> group = group_referent(t - 1, s);
          for (int member : group) add(ArgumentRole::kParticipant, member);
          if (!group.empty()) break;
        }
        int entity = referent(t - 1, s, /*possessive_too=*/!event.verbal);
        if (entity < 0) continue;
        if (entity_at[t - 1] >= 0 && out->entities[entity].modifier) continue;
        // "the Moscow talks": a place before a noun says where, not who ("Washington's strike"
        // does).
        const EntityMention& named = out->entities[entity];
        if (!event.verbal && entity_at[t - 1] >= 0 && named.kind == EntityKind::kLocation &&
            !(named.end_token < tokens.size() && tokens[named.end_token].lower == "'s")) {
          add(ArgumentRole::kLocation, entity);
          break;
        }
        bool leads_conjunction = false;
        uint32_t before = first_token_of(t - 1);
        add(ArgumentRole::kAgent, entity);
        // "X and Y met": both take part.
        while (before >= left_limit + 2 && tokens[before - 1].lower == "and" &&
               entity_at[before - 2] >= 0) {
          leads_conjunction = true;
          int other = entity_at[before - 2];
          add(ArgumentRole::kParticipant, other);
          before = out->entities[other].first_token;
        }
        if (leads_conjunction) event.arguments.front().role = ArgumentRole::kParticipant;
        break;
      }
      // Right: the preposition before each name decides its role.
      std::string preposition;
      bool told_with = false;
      for (uint32_t t = event.end_token; t < right_limit; ++t) {
        const Token& token = tokens[t];
        if (IsClauseBreak(token) || CueAt(lex, tokens, t, sentence.end_token) ||
            token.lower == "that" || token.lower == "which" || token.lower == "who") {
          break;  // another clause: "the attack prompted Washington ...", "the attack that killed
                  // ..."
        }
        int entity = entity_at[t];
        if (entity < 0) {
          if (!token.is_word) {
            if (token.text == ",") {
              // ", announced by X": a participle clause says who did something else.
              const std::string_view next = t + 1 < right_limit ? tokens[t + 1].lower : "";
              bool participle = next.size() > 4 && (next.compare(next.size() - 2, 2, "ed") == 0 ||
                                                    next.compare(next.size() - 3, 3, "ing") == 0);
              if (participle) break;
              preposition.clear();
            }
            continue;
          }
          if (token.lower == "with" || token.lower == "between" || token.lower == "and" ||
              token.lower == "in" || token.lower == "at" || token.lower == "by" ||
              token.lower == "on" || token.lower == "against" || token.lower == "to" ||
              token.lower == "of" || token.lower == "from" || token.lower == "for") {
            // "the town of X" keeps what came before, and so does a title: "with Secretary of
            // State X".
            const bool place_of =
                token.lower == "of" && t > 0 &&
                (lex.place_cues.count(tokens[t - 1].Lower()) ||
                 (tokens[t - 1].capitalized && t + 1 < right_limit && tokens[t + 1].capitalized));
            const bool place_list =
                token.lower == "and" && (preposition == "in" || preposition == "at");
            if (!place_of && !place_list) preposition = token.lower;
          }
          continue;
        }
        const EntityMention& mention = out->entities[entity];
        t = mention.end_token - 1;
        if (mention.modifier) continue;
        bool place = mention.kind == EntityKind::kLocation || mention.kind == EntityKind::kCountry;
        if ((preposition == "on" || preposition == "in" || preposition == "at" ||
             (preposition.empty() && event.verbal)) &&
            mention.kind == EntityKind::kLocation) {
          add(ArgumentRole::kLocation, entity);  // "the attack on the town of X"
        } else if (preposition == "with" || preposition == "between" || preposition == "and") {
          add(ArgumentRole::kParticipant, entity);
          told_with = told_with || preposition == "with";
        } else if ((preposition == "in" || preposition == "at") && place) {
          add(ArgumentRole::kLocation, entity);
        } else if (preposition == "by") {
          add(ArgumentRole::kAgent, entity);
        } else if ((preposition.empty() && event.verbal) || preposition == "on" ||
                   preposition == "against" || preposition == "to") {
          add(ArgumentRole::kTarget, entity);
        }
      }
      // "Lavrov spoke after talks with X": the other side of a noun told "with"
      // someone is the clause's subject, the nearest name before it that no
      // preposition governs.
      const bool has_agent =
          std::any_of(event.arguments.begin(), event.arguments.end(),
                      [](const EventArgument& a) { return a.role == ArgumentRole::kAgent; });
      if (!event.verbal && told_with && !has_agent) {
        for (uint32_t t = event.first_token; t > sentence.first_token; --t) {
          if (IsClauseBreak(tokens[t - 1])) break;
          int entity = referent(t - 1, s);
          if (entity < 0) continue;
          const uint32_t begin = first_token_of(t - 1);
          t = begin + 1;
          const EntityMention& mention = out->entities[entity];
          if ((entity_at[begin] >= 0 && mention.modifier) || mention.kind == EntityKind::kLocation)
            continue;
          if (begin > sentence.first_token && IsPreposition(tokens[begin - 1].lower)) continue;
          add(ArgumentRole::kParticipant, entity);
          break;
        }
      }
    }

    // Reported speech: "X said (that) ...", "... , X said".
    for (uint32_t v = sentence.first_token; v < sentence.end_token; ++v) {
      auto verb = lex.reporting_verbs.find(tokens[v].Lower());
      if (verb == lex.reporting_verbs.end() || entity_at[v] >= 0) continue;
      int speaker = -1;
      uint32_t speaker_begin = v;
      for (uint32_t t = v; t > sentence.first_token && v - t < 3; --t) {
        if (IsClauseBreak(tokens[t - 1]) || tokens[t - 1].text == ",") break;
        if (int entity = referent(t - 1, s); entity >= 0) {
          if (entity_at[t - 1] >= 0 && out->entities[entity].modifier) continue;
          speaker = entity;
          speaker_begin = first_token_of(t - 1);
          break;
        }
      }
      if (speaker < 0 && v + 1 < sentence.end_token && entity_at[v + 1] >= 0 &&
          !out->entities[entity_at[v + 1]].modifier) {
        speaker = entity_at[v + 1];  // "..., said Lavrov"
      }
      if (speaker < 0 && !verb->second) continue;  // a claim is one whoever makes it
      // What was said: after the verb, past a circumstance ("said at a news
      // conference", "said after talks") up to its comma or "that"; or, when
      // the speaker comes after a quotation or comma, everything before.
      uint32_t content = v + 1;
      if (content < sentence.end_token && IsPreposition(tokens[content].lower)) {
        while (content < sentence.end_token && tokens[content].text != "," &&
               tokens[content].lower != "that")
          ++content;
      }
      const bool inverted =
          speaker_begin > sentence.first_token &&
          (tokens[speaker_begin - 1].text == "," || IsClauseBreak(tokens[speaker_begin - 1]));
      for (std::size_t e = first_event; e < out->events.size(); ++e) {
        EventMention& event = out->events[e];
        const bool after = event.first_token >= content;
        const bool before = inverted && event.end_token <= speaker_begin;
        if (!after && !before) continue;
        if (event.source < 0 && speaker >= 0) event.source = speaker;
        if (verb->second && event.modality == "asserted") event.modality = "alleged";
      }
    }

    // Relations stated by a cue between two triggers of this sentence.
    // (cue, token) where a cue's first word stands, cue by cue as the file lists them.
    std::vector<std::pair<std::size_t, uint32_t>> cue_starts;
    for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      auto starting = lex.relation_cues_by_first.find(tokens[i].Lower());
      if (starting == lex.relation_cues_by_first.end()) continue;
      for (std::size_t c : starting->second) cue_starts.emplace_back(c, i);
    }
    std::sort(cue_starts.begin(), cue_starts.end());
    for (const auto& [cue_index, i] : cue_starts) {
      const RelationCue& cue = lex.relation_cues[cue_index];
      uint32_t length = MatchPattern(tokens, i, sentence.end_token, cue.tokens, 0);
      if (length == 0) continue;
      int left = -1, right = -1;
      for (std::size_t e = first_event; e < out->events.size(); ++e) {
        if (out->events[e].attributive) continue;
        if (out->events[e].end_token <= i) left = static_cast<int>(e);
        if (right < 0 && out->events[e].first_token >= i + length) right = static_cast<int>(e);
      }
      if (left < 0 || right < 0) continue;
      StatedRelation relation;
      relation.type = cue.type;
      relation.sentence = s;
      bool forward = cue.direction == CueDirection::kLeftToRight;
      relation.source = static_cast<uint32_t>(forward ? left : right);
      relation.target = static_cast<uint32_t>(forward ? right : left);
      out->relations.push_back(relation);
    }
  }
}

DocumentMentions ExtractMentions(const Document& document, const Lexicons& lexicons) {
  DocumentMentions mentions;
  mentions.segmented = Segment(document.text, lexicons);
  mentions.entities = FindEntityMentions(mentions.segmented, lexicons);
  FindEventMentions(mentions.segmented, lexicons, &mentions);
  ResolveSeats(mentions.segmented, lexicons, &mentions);
  return mentions;
}

}  // namespace eventgraph
