// Tokens, their parse and entity mentions -> event mentions and stated relations.
//
// Triggers come from data/lexicon/triggers.tsv (verbs in every inflection,
// nouns in both numbers, multi-word patterns with "*" gaps); the longest
// trigger at a position wins and triggers never start inside a name.
// Everything else is read off the dependency tree (extract/analyse.cc):
//   - arguments are the names among the trigger's dependents: for a verb its
//     subject (agent), object or passive subject (target) and obliques by
//     their preposition ("by" agent; "with", "between" participant; "in", "at"
//     + a place location; "on", "against", "to" target); for a noun its
//     possessor ("Syria's attack", "his meeting"), a name compounded with it
//     ("the Moscow talks": where; "the U.S. strike": who) and its nominal
//     modifiers by preposition. Conjoined names share a role; a verb without a
//     subject takes the one of the verb it is coordinated with or controlled by.
//   - a noun told "with" someone ("talks with X") also takes the subject of the
//     clause it belongs to: "Lavrov spoke after talks with X".
// "He", "his" stand for the first person named in the sentence before them,
// else in one of the two sentences before (data/lexicon/pronouns.tsv).
// Modality: a word of lexicon/modality.tsv in the verb group or noun phrase
// ("did not", "could", "will", "the alleged"), or the verb the event is the
// complement of ("denied attacking"), marks it; a negation always wins.
// Reported speech: events in the clause a reporting verb reports ("Lavrov said
// X", "X, Lavrov said") get the verb's subject as their source; a claim
// ("Moscow claimed X") marks them alleged.
// A relation cue ("prompted", "in retaliation for") between two triggers
// of one sentence states "causes" or "before" in the direction it names.
#include <algorithm>
#include <cstdlib>

#include "entities_internal.h"

namespace eventgraph {
namespace {

constexpr uint32_t kMaxGap = 3;  // words a "*" in a trigger pattern may stand for

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

// Reads an event's arguments, modality and source off the dependency tree of its sentence.
class ClauseReader {
 public:
  ClauseReader(const Segmented& seg, const Lexicons& lex, DocumentMentions* out)
      : seg_(seg),
        lex_(lex),
        out_(*out),
        words_(out->words),
        entity_at_(seg.tokens.size(), -1),
        first_person_(seg.sentences.size(), -1),
        pronoun_of_(seg.tokens.size(), nullptr),
        children_(out->words.size()) {
    for (std::size_t m = 0; m < out_.entities.size(); ++m) {
      const EntityMention& mention = out_.entities[m];
      for (uint32_t t = mention.first_token; t < mention.end_token; ++t)
        entity_at_[t] = static_cast<int>(m);
      if (mention.kind == EntityKind::kPerson && !mention.modifier &&
          first_person_[mention.sentence] < 0)
        first_person_[mention.sentence] = static_cast<int>(m);
    }
    for (std::size_t t = 0; t < seg.tokens.size(); ++t) {
      if (!seg.tokens[t].is_word) continue;
      if (auto pronoun = lex.pronouns.find(seg.tokens[t].Lower()); pronoun != lex.pronouns.end())
        pronoun_of_[t] = &pronoun->second;
    }
    for (std::size_t w = 0; w < words_.size(); ++w) {
      if (words_[w].head >= 0) children_[words_[w].head].push_back(static_cast<uint32_t>(w));
    }
  }

  int EntityAt(uint32_t token) const { return entity_at_[token]; }

  // The word of [first, end) that heads the others (the first whose head lies outside), or -1.
  int32_t HeadOf(uint32_t first, uint32_t end) const {
    for (uint32_t t = first; t < end; ++t) {
      const uint32_t w = out_.token_word[t];
      if (w == DocumentMentions::kNoWord) continue;
      const int32_t head = words_[w].head;
      if (head < 0 || words_[head].token < first || words_[head].token >= end)
        return static_cast<int32_t>(w);
    }
    return -1;
  }
  bool IsVerb(int32_t w) const { return words_[w].upos == Upos::kVerb; }
  // "obl" of "obl:agent".
  std::string_view Base(int32_t w) const {
    const std::string_view relation = words_[w].relation;
    return relation.substr(0, relation.find(':'));
  }
  std::string_view Lower(int32_t w) const { return seg_.tokens[words_[w].token].lower; }
  const std::vector<uint32_t>& Children(int32_t w) const { return children_[w]; }
  // The preposition that marks a word ("with" in "talks with X"), lower case, or "".
  std::string_view CaseOf(int32_t w) const {
    for (uint32_t child : children_[w]) {
      if (Base(child) == "case") return Lower(child);
    }
    return {};
  }
  // The entity a word names: the mention over its token; for a pronoun, the person it stands for
  // (a possessive one only when `possessive_too`); for a common noun, a name in apposition to it,
  // or after "of" ("the town of Kalima").
  int EntityOf(int32_t w, uint32_t sentence, bool possessive_too) const {
    const uint32_t token = words_[w].token;
    if (entity_at_[token] >= 0 && !out_.entities[entity_at_[token]].modifier)
      return entity_at_[token];
    if (int person = Referent(token, sentence, possessive_too); person >= 0) return person;
    // A word that is only an affiliation or a title ("Kenyan" in "Kenyan President Peter Mwangi"
    // when the parser heads the phrase there) stands for the name it introduces.
    const Upos upos = words_[w].upos;
    if (upos != Upos::kNoun && upos != Upos::kPropn && upos != Upos::kAdj && entity_at_[token] < 0)
      return -1;
    // "A White House spokesman, Scott Stanzel": the name in apposition, not the affiliation;
    // "Kenyan police": the country.
    int found = -1, found_rank = 5;
    for (uint32_t child : children_[w]) {
      const std::string_view base = Base(child);
      const int rank = base == "appos"                                               ? 0
                       : base == "flat" || (base == "nmod" && CaseOf(child).empty()) ? 1
                       : base == "nmod" && CaseOf(child) == "of"                     ? 2
                       : base == "compound" || base == "amod"                        ? 3
                       : base == "conj" && entity_at_[token] < 0 ? 4  // "Kenyan [,] X"
                                                                 : 5;
      const int entity = entity_at_[words_[child].token];
      if (rank < found_rank && entity >= 0 && !out_.entities[entity].modifier) {
        found = entity;
        found_rank = rank;
      }
    }
    if (found < 0 && entity_at_[token] >= 0) return entity_at_[token];  // the affiliation itself
    return found;
  }
  // A pronoun stands for the first person named before it in its sentence, else for the first
  // person of one of the two sentences before.
  int Referent(uint32_t t, uint32_t sentence, bool possessive_too) const {
    const std::string* pronoun = pronoun_of_[t];
    if (!pronoun || !(*pronoun == "subject" || (possessive_too && *pronoun == "possessive")))
      return -1;
    if (int p = first_person_[sentence]; p >= 0 && out_.entities[p].end_token <= t) return p;
    for (uint32_t back = 1; back <= 2 && back <= sentence; ++back) {
      if (seg_.sentences[sentence - back].furniture) continue;
      if (first_person_[sentence - back] >= 0) return first_person_[sentence - back];
    }
    return -1;
  }
  // "their talks": the people named before in the sentence, else in the one before.
  std::vector<int> GroupReferent(uint32_t t, uint32_t sentence) const {
    std::vector<int> group;
    if (entity_at_[t] >= 0 || !pronoun_of_[t] || *pronoun_of_[t] != "plural possessive")
      return group;
    for (uint32_t s = sentence + 1; s-- > 0 && s + 1 >= sentence && group.size() < 2;) {
      group.clear();
      for (std::size_t m = 0; m < out_.entities.size(); ++m) {
        const EntityMention& mention = out_.entities[m];
        if (mention.sentence == s && mention.kind == EntityKind::kPerson && !mention.modifier &&
            (s < sentence || mention.end_token <= t))
          group.push_back(static_cast<int>(m));
      }
    }
    if (group.size() < 2) group.clear();
    return group;
  }
  const EntityMention& Entity(int m) const { return out_.entities[m]; }
  const Lexicons& lexicons() const { return lex_; }
  const std::vector<SyntaxWord>& words() const { return words_; }

  enum class CueReading { kRelates, kNoRelation, kByPosition, kLeftByPosition };
  // The two events a relation cue at tokens [first, end) relates, read off the tree. A cue of
  // prepositions and subordinators ("after", "ahead of", "in retaliation for") marks the event it
  // governs (`right`: "after [the talks]", "after [Putin met ...]") and relates it to the event
  // that phrase attaches to (`left`): the nearest event among its heads, or the object or subject
  // of a head that is none ("ended their protest after ...", "the news conference came after").
  // kNoRelation: such a cue that is an adverb ("had met before") or governs no event ("after 4
  // pm"). A cue with a verb ("prompted", "led to") is read by position (kByPosition), and so is
  // the left event of a phrase whose heads name none (kLeftByPosition). `event_of_word`: the
  // sentence's events by their head word, -1 for none.
  CueReading ReadCue(uint32_t first, uint32_t end, const std::vector<int>& event_of_word, int* left,
                     int* right) const {
    int32_t last = -1;
    for (uint32_t t = first; t < end; ++t) {
      const uint32_t w = out_.token_word[t];
      if (w == DocumentMentions::kNoWord) return CueReading::kByPosition;
      if (words_[w].upos == Upos::kVerb || words_[w].upos == Upos::kAux)
        return CueReading::kByPosition;
      last = static_cast<int32_t>(w);
    }
    if (last < 0) return CueReading::kByPosition;
    const std::string_view base = Base(last);
    if (base != "case" && base != "mark") return CueReading::kNoRelation;
    const int32_t governed = words_[last].head;
    if (governed < 0 || event_of_word[governed] < 0) return CueReading::kNoRelation;
    *right = event_of_word[governed];
    for (int32_t at = words_[governed].head; at >= 0; at = words_[at].head) {
      if (event_of_word[at] >= 0) {
        *left = event_of_word[at];
        return CueReading::kRelates;
      }
      // A head that is no event ("came", "ended"): the event it is about, its object ("ended
      // their protest after the arrests") else its subject ("the conference came after ...").
      for (const char* wanted : {"obj", "nsubj", "nsubj:pass"}) {
        for (uint32_t child : children_[at]) {
          if (words_[child].relation == wanted && event_of_word[child] >= 0) {
            *left = event_of_word[child];
            return CueReading::kRelates;
          }
        }
      }
    }
    return CueReading::kLeftByPosition;
  }
  DocumentMentions& mentions() const { return out_; }

 private:
  const Segmented& seg_;
  const Lexicons& lex_;
  DocumentMentions& out_;
  const std::vector<SyntaxWord>& words_;
  std::vector<int> entity_at_;
  std::vector<int> first_person_;
  std::vector<const std::string*> pronoun_of_;
  std::vector<std::vector<uint32_t>> children_;
};

bool IsPlace(const EntityMention& mention) {
  return mention.kind == EntityKind::kLocation || mention.kind == EntityKind::kCountry;
}

void AddArgument(EventMention* event, ArgumentRole role, int entity) {
  if (entity < 0) return;
  for (const EventArgument& argument : event->arguments) {
    if (argument.entity == static_cast<uint32_t>(entity)) return;
  }
  event->arguments.push_back({role, static_cast<uint32_t>(entity)});
}

// The role a dependent of an event takes, from its relation and preposition, or false when it
// says nothing of who took part or where (a time, a manner, a reason).
// `under_preposition`: the dependent hangs from a preposition the parser made its head ("conference
// [with] Peter Mwangi"); it is read as that preposition's nominal.
bool RoleOf(const ClauseReader& tree, int32_t event_word, bool verbal, int32_t dependent,
            const EntityMention& named, ArgumentRole* role,
            std::string_view under_preposition = {}) {
  const bool under = !under_preposition.empty();
  const std::string_view relation = under ? "nmod" : tree.words()[dependent].relation;
  const std::string_view base = under ? "nmod" : tree.Base(dependent);
  const std::string_view preposition = under ? under_preposition : tree.CaseOf(dependent);
  (void)event_word;
  if (relation == "nsubj:pass" || base == "obj" || base == "iobj") {
    // "Rebels attacked the town of Kalima": a place attacked or visited is where it happened.
    *role = named.kind == EntityKind::kLocation ? ArgumentRole::kLocation : ArgumentRole::kTarget;
    return true;
  }
  if (base == "nsubj") {
    *role = ArgumentRole::kAgent;
    return verbal;
  }
  if (relation == "nmod:poss") {
    *role = ArgumentRole::kAgent;
    return true;
  }
  if (base == "compound" || base == "amod") {
    // "the Moscow talks" says where; "the U.S. strike", "Syrian shelling" say who.
    if (named.modifier) return false;
    *role = named.kind == EntityKind::kLocation ? ArgumentRole::kLocation : ArgumentRole::kAgent;
    return !verbal;
  }
  if (base != "obl" && base != "nmod") return false;
  if (relation == "obl:agent" || preposition == "by") {
    *role = ArgumentRole::kAgent;
  } else if (preposition == "with" || preposition == "between" || preposition == "alongside") {
    *role = ArgumentRole::kParticipant;
  } else if ((preposition == "in" || preposition == "at" || preposition == "near" ||
              preposition == "inside" || preposition == "outside" || preposition == "across" ||
              preposition == "into" || preposition == "on") &&
             IsPlace(named)) {
    *role = ArgumentRole::kLocation;
  } else if (preposition == "on" || preposition == "against" || preposition == "to" ||
             (preposition == "of" && !verbal)) {
    *role = ArgumentRole::kTarget;
  } else {
    return false;
  }
  return true;
}

// The dependents of a trigger: a trigger of several words ("agreed on Monday to buy") is one
// predicate, so the dependents of all its words outside it are its own.
std::vector<int32_t> TriggerDependents(const ClauseReader& tree, const EventMention& event) {
  std::vector<int32_t> dependents;
  const std::vector<SyntaxWord>& words = tree.words();
  for (uint32_t t = event.first_token; t < event.end_token; ++t) {
    for (uint32_t w = tree.mentions().token_word[t];
         w != DocumentMentions::kNoWord && w < words.size() && words[w].token == t; ++w) {
      for (uint32_t child : tree.Children(static_cast<int32_t>(w))) {
        if (words[child].token < event.first_token || words[child].token >= event.end_token)
          dependents.push_back(static_cast<int32_t>(child));
      }
    }
  }
  return dependents;
}

struct DependentsRead {
  bool has_subject = false;  // the trigger has a subject of its own, named or not
  bool told_with = false;    // a participant came with "with" ("talks with X")
};

// The names among the trigger's dependents, each in the role its relation and preposition give;
// conjuncts share their first's role, and an agent shared that way makes participants.
DependentsRead ArgumentsOfDependents(const ClauseReader& tree, int32_t head, uint32_t sentence,
                                     bool passive_agent, EventMention* event) {
  DependentsRead read;
  const bool verbal = event->verbal;
  for (int32_t dependent : TriggerDependents(tree, *event)) {
    // The parser sometimes heads a prepositional phrase with its preposition ("a news conference
    // [with] -> Peter Mwangi"): the nominal under it is the dependent, marked by it.
    int32_t word = dependent;
    std::string_view under_preposition;
    if (tree.words()[dependent].upos == Upos::kAdp) {
      for (uint32_t child : tree.Children(dependent)) {
        const std::string_view child_base = tree.Base(static_cast<int32_t>(child));
        if (child_base == "obj" || child_base == "obl" || child_base == "nmod") {
          word = static_cast<int32_t>(child);
          under_preposition = tree.Lower(dependent);
          break;
        }
      }
    }
    const std::string_view relation = tree.words()[word].relation;
    if (!verbal && relation == "nmod:poss") {
      const std::vector<int> group = tree.GroupReferent(tree.words()[word].token, sentence);
      for (int member : group) AddArgument(event, ArgumentRole::kParticipant, member);
      if (!group.empty()) continue;
    }
    const int entity = tree.EntityOf(word, sentence, /*possessive_too=*/relation == "nmod:poss");
    if (tree.Base(word) == "nsubj") read.has_subject = true;
    if (entity < 0) continue;
    const EntityMention& named = tree.Entity(entity);
    if (named.modifier && tree.Base(word) != "compound") continue;
    ArgumentRole role;
    if (!RoleOf(tree, head, verbal, word, named, &role, under_preposition)) continue;
    if (passive_agent && relation == "nsubj:pass") role = ArgumentRole::kAgent;
    std::vector<int> conjuncts;
    for (uint32_t child : tree.Children(word)) {
      if (tree.Base(static_cast<int32_t>(child)) != "conj") continue;
      int other = tree.EntityOf(static_cast<int32_t>(child), sentence, false);
      if (other >= 0) conjuncts.push_back(other);
    }
    if (role == ArgumentRole::kAgent && !conjuncts.empty()) role = ArgumentRole::kParticipant;
    const std::string_view preposition =
        under_preposition.empty() ? tree.CaseOf(word) : under_preposition;
    read.told_with =
        read.told_with || (role == ArgumentRole::kParticipant && preposition == "with");
    AddArgument(event, role, entity);
    for (int other : conjuncts) AddArgument(event, role, other);
  }
  return read;
}

// "arrested Peter Mwangi in Mombasa": a place after an argument of a verb says where the event
// happened, whichever word the parser hung it from.
void PlacesOfArguments(const ClauseReader& tree, int32_t head, uint32_t sentence,
                       EventMention* event) {
  for (uint32_t dependent : tree.Children(head)) {
    const std::string_view relation = tree.words()[dependent].relation;
    if (relation != "obj" && tree.Base(static_cast<int32_t>(dependent)) != "obl" &&
        relation != "nsubj:pass")
      continue;
    for (uint32_t modifier : tree.Children(static_cast<int32_t>(dependent))) {
      if (tree.Base(static_cast<int32_t>(modifier)) != "nmod") continue;
      const std::string_view preposition = tree.CaseOf(static_cast<int32_t>(modifier));
      if (preposition != "in" && preposition != "at" && preposition != "near") continue;
      const int place = tree.EntityOf(static_cast<int32_t>(modifier), sentence, false);
      if (place >= 0 && IsPlace(tree.Entity(place)))
        AddArgument(event, ArgumentRole::kLocation, place);
    }
  }
}

// A verb with no subject of its own takes the one of the verb it is coordinated with or
// controlled by ("Police arrested two men and charged a third", "Russia agreed to meet X"); with
// an object there, object control: "The attack prompted Brazil to launch ...", "urged X to leave".
void InheritSubject(const ClauseReader& tree, int32_t head, uint32_t sentence,
                    EventMention* event) {
  const std::string_view base = tree.Base(head);
  const int32_t governor = tree.words()[head].head;
  bool infinitive = false;
  for (uint32_t child : tree.Children(head))
    infinitive = infinitive || (tree.Base(static_cast<int32_t>(child)) == "mark" &&
                                tree.Lower(static_cast<int32_t>(child)) == "to");
  if (governor < 0 || !(base == "conj" || base == "xcomp" || (base == "advcl" && infinitive)))
    return;
  int32_t object = -1;
  for (uint32_t dependent : tree.Children(governor)) {
    if (base != "conj" && tree.Base(static_cast<int32_t>(dependent)) == "obj")
      object = static_cast<int32_t>(dependent);
  }
  if (object >= 0) {
    AddArgument(event, ArgumentRole::kAgent, tree.EntityOf(object, sentence, false));
    return;
  }
  for (uint32_t dependent : tree.Children(governor)) {
    const std::string_view relation = tree.words()[dependent].relation;
    if (relation != "nsubj" && !(base == "conj" && relation == "nsubj:pass")) continue;
    AddArgument(event, relation == "nsubj" ? ArgumentRole::kAgent : ArgumentRole::kTarget,
                tree.EntityOf(static_cast<int32_t>(dependent), sentence, false));
  }
}

// "Lavrov spoke after talks with X": the other side of talks told "with" someone is the subject
// of the clause they belong to, found through the nouns they modify ("after hours of talks").
void JoinClauseSubject(const ClauseReader& tree, int32_t head, uint32_t sentence,
                       EventMention* event) {
  const bool has_agent =
      std::any_of(event->arguments.begin(), event->arguments.end(),
                  [](const EventArgument& a) { return a.role == ArgumentRole::kAgent; });
  if (has_agent) return;
  int32_t clause = tree.words()[head].head;
  while (clause >= 0 && !tree.IsVerb(clause) &&
         (tree.Base(clause) == "nmod" || tree.Base(clause) == "obl" || tree.Base(clause) == "obj"))
    clause = tree.words()[clause].head;
  if (clause < 0 || !tree.IsVerb(clause)) return;
  for (uint32_t dependent : tree.Children(clause)) {
    if (tree.Base(static_cast<int32_t>(dependent)) != "nsubj") continue;
    const int entity = tree.EntityOf(static_cast<int32_t>(dependent), sentence, false);
    if (entity >= 0 && tree.Entity(entity).kind != EntityKind::kLocation)
      AddArgument(event, ArgumentRole::kParticipant, entity);
  }
}

// Arguments from the dependents of the event's head word: subject, object and obliques by their
// prepositions for a verb; possessor, compound and nominal modifiers for a noun (RoleOf); then
// what the clause around supplies.
void FindArguments(const ClauseReader& tree, int32_t head, uint32_t sentence, bool passive_agent,
                   EventMention* event) {
  const DependentsRead read = ArgumentsOfDependents(tree, head, sentence, passive_agent, event);
  if (event->verbal) {
    PlacesOfArguments(tree, head, sentence, event);
    if (!read.has_subject) InheritSubject(tree, head, sentence, event);
  } else if (read.told_with) {
    JoinClauseSubject(tree, head, sentence, event);
  }
}

// A modality word (data/lexicon/modality.tsv) among the words that make the verb group or the
// noun phrase of the event: its auxiliaries and adverbs ("did not", "could", "will", "never"), a
// determiner or adjective of a noun ("no talks", "the alleged attack"); or the verb it is the
// complement of ("denied attacking", "threatened to strike"). A noun that is the object of a
// negated verb is negated too ("did not discuss sanctions"). Negation wins over the others.
std::string Modality(const ClauseReader& tree, int32_t head) {
  std::string found;
  int found_distance = 0;
  const auto at = static_cast<int>(tree.words()[head].token);
  // The nearest cue decides ("whether X will meet": future), a negation wins over any.
  auto consider = [&](int32_t word) {
    auto cue = tree.lexicons().modality_words.find(tree.Lower(word));
    if (cue == tree.lexicons().modality_words.end() || found == "negated") return;
    const int distance = std::abs(at - static_cast<int>(tree.words()[word].token));
    if (cue->second == "negated" || found.empty() || distance < found_distance) {
      found = cue->second;
      found_distance = distance;
    }
  };
  auto group_of = [&](int32_t verb) {
    for (uint32_t child : tree.Children(verb)) {
      const std::string_view base = tree.Base(static_cast<int32_t>(child));
      if (base == "aux" || base == "advmod" || base == "det" || base == "amod" || base == "mark")
        consider(static_cast<int32_t>(child));
    }
  };
  group_of(head);
  const std::string_view base = tree.Base(head);
  const int32_t governor = tree.words()[head].head;
  if (governor >= 0 && (base == "xcomp" || base == "ccomp") && found != "negated") {
    consider(governor);
  }
  if (governor >= 0 && base == "obj" && found.empty()) {
    for (uint32_t child : tree.Children(governor)) {
      const std::string_view child_base = tree.Base(static_cast<int32_t>(child));
      if (child_base != "aux" && child_base != "advmod") continue;
      auto cue = tree.lexicons().modality_words.find(tree.Lower(static_cast<int32_t>(child)));
      if (cue != tree.lexicons().modality_words.end() && cue->second == "negated")
        found = "negated";
    }
  }
  return found.empty() ? "asserted" : found;
}

// Is `word` inside the subtree of `root`?
bool Within(const ClauseReader& tree, int32_t word, int32_t root) {
  for (int32_t w = word; w >= 0; w = tree.words()[w].head) {
    if (w == root) return true;
  }
  return false;
}

// Reported speech: a reporting verb (data/lexicon/reporting_verbs.tsv) gives its subject as the
// source of the events in the clause it reports: its complement ("X said rebels attacked"), or the
// clause it is a parenthetical of ("Rebels attacked the convoy, X said"). A claim marks them
// alleged.
void FindSources(const ClauseReader& tree, uint32_t sentence, std::size_t first_event) {
  DocumentMentions& out = tree.mentions();
  const Sentence& bounds = out.segmented.sentences[sentence];
  for (uint32_t t = bounds.first_token; t < bounds.end_token; ++t) {
    const uint32_t w = out.token_word[t];
    if (w == DocumentMentions::kNoWord || tree.EntityAt(t) >= 0) continue;
    const auto verb = static_cast<int32_t>(w);
    if (tree.words()[verb].upos != Upos::kVerb) continue;
    auto reporting = tree.lexicons().reporting_verbs.find(out.segmented.tokens[t].Lower());
    if (reporting == tree.lexicons().reporting_verbs.end()) continue;
    int speaker = -1;
    std::vector<int32_t> reported;
    for (uint32_t child : tree.Children(verb)) {
      const std::string_view base = tree.Base(static_cast<int32_t>(child));
      if (base == "nsubj" && speaker < 0)
        speaker = tree.EntityOf(static_cast<int32_t>(child), sentence, false);
      if (base == "ccomp" || base == "parataxis") reported.push_back(static_cast<int32_t>(child));
      // "said on Monday that ...": a clause opened by the conjunction "that" is a complement,
      // never a relative clause, whatever word after the verb the parser hung it from.
      if (base != "obl" && base != "obj") continue;
      for (uint32_t clause : tree.Children(static_cast<int32_t>(child))) {
        if (tree.Base(static_cast<int32_t>(clause)) != "acl") continue;
        for (uint32_t mark : tree.Children(static_cast<int32_t>(clause))) {
          if (tree.Base(static_cast<int32_t>(mark)) == "mark" &&
              tree.Lower(static_cast<int32_t>(mark)) == "that")
            reported.push_back(static_cast<int32_t>(clause));
        }
      }
    }
    // "Rebels attacked the convoy, X said": the reporting clause hangs from the clause it reports,
    // as parataxis (or as a conjunct with no "and" or "but": how parsers often read it).
    const int32_t governor = tree.words()[verb].head;
    const std::string_view base = tree.Base(verb);
    bool coordinated = false;
    for (uint32_t child : tree.Children(verb))
      coordinated = coordinated || tree.Base(static_cast<int32_t>(child)) == "cc";
    const bool parenthetical =
        governor >= 0 &&
        (base == "parataxis" || (base == "conj" && !coordinated && governor < verb));
    if (speaker < 0 && !reporting->second) continue;  // a claim is one whoever makes it
    for (std::size_t e = first_event; e < out.events.size(); ++e) {
      EventMention& event = out.events[e];
      const int32_t head = tree.HeadOf(event.first_token, event.end_token);
      if (head < 0 || head == verb) continue;
      bool told = false;
      for (int32_t clause : reported) told = told || Within(tree, head, clause);
      if (parenthetical && !Within(tree, head, verb) && Within(tree, head, governor)) told = true;
      if (!told) continue;
      if (event.source < 0 && speaker >= 0) event.source = speaker;
      // "We agreed to ...", X said: in what X says, "I" and "we" are X (or X's side).
      const bool has_agent =
          std::any_of(event.arguments.begin(), event.arguments.end(),
                      [](const EventArgument& a) { return a.role == ArgumentRole::kAgent; });
      if (speaker >= 0 && !has_agent) {
        for (uint32_t child : tree.Children(head)) {
          const std::string_view pronoun = tree.Lower(static_cast<int32_t>(child));
          if (tree.Base(static_cast<int32_t>(child)) == "nsubj" &&
              (pronoun == "we" || pronoun == "i"))
            AddArgument(&event, ArgumentRole::kAgent, speaker);
        }
      }
      if (reporting->second && event.modality == "asserted") event.modality = "alleged";
    }
  }
}

}  // namespace

// Relations stated by a cue between two triggers of sentence `s`, whose events start at
// `first_event` and have the head words `event_heads`.
void StateRelations(const ClauseReader& tree, const Segmented& seg, const Lexicons& lex, uint32_t s,
                    std::size_t first_event, const std::vector<int32_t>& event_heads,
                    DocumentMentions* out) {
  const std::vector<Token>& tokens = seg.tokens;
  const Sentence& sentence = seg.sentences[s];
  // (cue, token) where a cue's first word stands, cue by cue as the file lists them.
  std::vector<std::pair<std::size_t, uint32_t>> cue_starts;
  for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    auto starting = lex.relation_cues_by_first.find(tokens[i].Lower());
    if (starting == lex.relation_cues_by_first.end()) continue;
    for (std::size_t c : starting->second) cue_starts.emplace_back(c, i);
  }
  std::sort(cue_starts.begin(), cue_starts.end());
  std::vector<int> event_of_word;
  if (!cue_starts.empty()) {
    event_of_word.assign(out->words.size(), -1);
    for (std::size_t e = first_event; e < out->events.size(); ++e) {
      const EventMention& event = out->events[e];
      const int32_t head = event_heads[e - first_event];
      if (head >= 0 && !event.attributive && event_of_word[head] < 0)
        event_of_word[head] = static_cast<int>(e);
    }
  }
  for (const auto& [cue_index, i] : cue_starts) {
    const RelationCue& cue = lex.relation_cues[cue_index];
    uint32_t length = MatchPattern(tokens, i, sentence.end_token, cue.tokens, 0);
    if (length == 0) continue;
    int left = -1, right = -1;
    const ClauseReader::CueReading reading =
        tree.ReadCue(i, i + length, event_of_word, &left, &right);
    if (reading == ClauseReader::CueReading::kNoRelation) continue;
    if (reading == ClauseReader::CueReading::kByPosition ||
        reading == ClauseReader::CueReading::kLeftByPosition) {
      const bool right_known = reading == ClauseReader::CueReading::kLeftByPosition;
      for (std::size_t e = first_event; e < out->events.size(); ++e) {
        if (out->events[e].attributive) continue;
        if (out->events[e].end_token <= i) left = static_cast<int>(e);
        if (!right_known && right < 0 && out->events[e].first_token >= i + length)
          right = static_cast<int>(e);
      }
    }
    if (left < 0 || right < 0 || left == right) continue;
    StatedRelation relation;
    relation.type = cue.type;
    relation.sentence = s;
    bool forward = cue.direction == CueDirection::kLeftToRight;
    relation.source = static_cast<uint32_t>(forward ? left : right);
    relation.target = static_cast<uint32_t>(forward ? right : left);
    out->relations.push_back(relation);
  }
}

void FindEventMentions(const Segmented& seg, const Lexicons& lex, DocumentMentions* out) {
  const std::vector<Token>& tokens = seg.tokens;
  const ClauseReader tree(seg, lex, out);
  out->events.reserve(out->events.size() + seg.sentences.size());  // about one a sentence
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    if (sentence.furniture || sentence.heading) continue;
    const std::size_t first_event = out->events.size();
    std::vector<bool> passive_agent;  // by event of this sentence: its trigger's sense says so
    for (uint32_t i = sentence.first_token; i < sentence.end_token;) {
      const auto* bucket = lex.triggers.by_first_token.Find(tokens[i].Lower());
      uint32_t best = 0;
      const TriggerSense* sense = nullptr;
      if (tree.EntityAt(i) < 0 && bucket) {
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
      passive_agent.push_back(sense->passive_agent);
      for (uint32_t t = i; t < i + best; ++t) {
        if (t > i) event.trigger += ' ';
        event.trigger += tokens[t].text;
      }
      out->events.push_back(std::move(event));
      i += best;
    }

    // Each event's head word, -1 for none: the arguments and the relation cues read it.
    std::vector<int32_t> event_heads(out->events.size() - first_event, -1);
    for (std::size_t e = first_event; e < out->events.size(); ++e) {
      EventMention& event = out->events[e];
      const int32_t head = tree.HeadOf(event.first_token, event.end_token);
      event_heads[e - first_event] = head;
      if (head < 0) continue;
      event.verbal = tree.IsVerb(head);
      event.attributive = tree.Base(head) == "amod";
      FindArguments(tree, head, s, passive_agent[e - first_event], &event);
      event.modality = Modality(tree, head);
    }
    FindSources(tree, s, first_event);

    StateRelations(tree, seg, lex, s, first_event, event_heads, out);
  }
}

DocumentMentions ExtractMentions(const Document& document, const Lexicons& lexicons) {
  DocumentMentions mentions;
  mentions.segmented = Segment(document.text, lexicons);
  AnalyseSentences(mentions.segmented, lexicons.syntax.get(), &mentions);
  mentions.entities = FindEntityMentions(mentions.segmented, lexicons);
  JoinNamesOfOneNounPhrase(mentions.segmented, lexicons, &mentions);
  FindEventMentions(mentions.segmented, lexicons, &mentions);
  ResolveSeats(mentions.segmented, lexicons, &mentions);
  return mentions;
}

}  // namespace eventgraph
