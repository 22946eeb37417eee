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
// Negation ("did not discuss") and hedges ("could", "alleged") within a
// few words before the trigger are flagged, not dropped.
// A relation cue ("prompted", "in retaliation for") between two triggers
// of one sentence states "causes" or "before" in the direction it names.
#include <algorithm>

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
  for (const RelationCue& cue : lex.relation_cues) {
    if (cue.tokens.front() == tokens[i].lower && MatchPattern(tokens, i, end, cue.tokens, 0) > 0)
      return true;
  }
  return false;
}

bool Contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
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

  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    if (sentence.furniture || sentence.heading) continue;
    const std::size_t first_event = out->events.size();
    for (uint32_t i = sentence.first_token; i < sentence.end_token;) {
      auto bucket = lex.triggers.by_first_token.find(tokens[i].lower);
      uint32_t best = 0;
      const TriggerSense* sense = nullptr;
      if (entity_at[i] < 0 && bucket != lex.triggers.by_first_token.end()) {
        for (const auto& phrase : bucket->second) {
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
      for (uint32_t t = i; t > sentence.first_token && i - t < kModalityWindow; --t) {
        const std::string& word = tokens[t - 1].lower;
        if (IsClauseBreak(tokens[t - 1]) || tokens[t - 1].text == ",") break;
        if (Contains(lex.negations, word)) event.negated = true;
        if (Contains(lex.hedges, word)) event.hedged = true;
      }
      out->events.push_back(std::move(event));
      i += best;
    }

    // Arguments, now that every trigger of the sentence is known: a clause
    // ends at the next trigger, so arguments are not shared by accident.
    for (std::size_t e = first_event; e < out->events.size(); ++e) {
      EventMention& event = out->events[e];
      const uint32_t left_limit =
          e > first_event ? out->events[e - 1].end_token : sentence.first_token;
      const uint32_t right_limit =
          std::min(e + 1 < out->events.size() ? out->events[e + 1].first_token : sentence.end_token,
                   std::min(sentence.end_token, event.end_token + kArgumentWindow));
      auto add = [&](ArgumentRole role, int entity) {
        for (const EventArgument& argument : event.arguments) {
          if (argument.entity == static_cast<uint32_t>(entity)) return;
        }
        event.arguments.push_back({role, static_cast<uint32_t>(entity)});
      };
      // Left: the subject, and names joined to it by "and". A noun takes
      // only a name right before it: "Syria's attack", "the U.S. missile strike".
      const uint32_t noun_reach = event.first_token > left_limit + kNounAgentReach
                                      ? event.first_token - kNounAgentReach
                                      : left_limit;
      for (uint32_t t = event.first_token; t > (event.verbal ? left_limit : noun_reach); --t) {
        const Token& token = tokens[t - 1];
        if (IsClauseBreak(token)) break;
        int entity = entity_at[t - 1];
        if (entity < 0) continue;
        const EntityMention& mention = out->entities[entity];
        if (mention.modifier) continue;
        bool leads_conjunction = false;
        uint32_t before = mention.first_token;
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
              const std::string next = t + 1 < right_limit ? tokens[t + 1].lower : "";
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
            const bool place_of =
                token.lower == "of" && t > 0 && lex.place_cues.count(tokens[t - 1].lower);
            const bool place_list =
                token.lower == "and" && (preposition == "in" || preposition == "at");
            if (!place_of && !place_list)
              preposition = token.lower;  // "the town of X" keeps what came before
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
        } else if ((preposition == "in" || preposition == "at") && place) {
          add(ArgumentRole::kLocation, entity);
        } else if (preposition == "by") {
          add(ArgumentRole::kAgent, entity);
        } else if ((preposition.empty() && event.verbal) || preposition == "on" ||
                   preposition == "against" || preposition == "to") {
          add(ArgumentRole::kTarget, entity);
        }
      }
    }

    // Relations stated by a cue between two triggers of this sentence.
    for (const RelationCue& cue : lex.relation_cues) {
      for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
        if (tokens[i].lower != cue.tokens.front()) continue;
        uint32_t length = MatchPattern(tokens, i, sentence.end_token, cue.tokens, 0);
        if (length == 0) continue;
        int left = -1, right = -1;
        for (std::size_t e = first_event; e < out->events.size(); ++e) {
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
