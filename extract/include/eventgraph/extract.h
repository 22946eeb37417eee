// Text -> mentions: sentences, tokens, entity mentions, event mentions and the
// relations a sentence states between two of its events.
//
//   Result<Lexicons> lexicons = LoadLexicons("data");
//   DocumentMentions mentions = ExtractMentions(doc, *lexicons);
//
// Everything here is driven by the lexicons under data/ (gazetteer, titles,
// triggers, ontology, relation cues); no knowledge of a particular article.
// Offsets are byte offsets into Document::text; exporters convert them.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eventgraph/document.h"
#include "eventgraph/status.h"
#include "eventgraph/syntax.h"
#include "eventgraph/word_map.h"

namespace eventgraph {

// ---------------------------------------------------------------- lexicons

enum class EntityKind { kPerson, kOrganization, kCountry, kLocation, kGroup, kOther };
const char* EntityKindName(EntityKind kind);
bool ParseEntityKind(const std::string& name, EntityKind* kind);

struct GazetteerEntry {
  std::string canonical;  // the name every alias maps to
  EntityKind kind = EntityKind::kOther;
  std::string country;  // ISO 3166-1 alpha-3 the entry belongs to, or empty
  std::string code;     // CAMEO-style actor code ("RUSGOV", "IGOUNO"), or empty
  std::string region;   // ISO 3166-2 subdivision of a place ("SY-ID"), or empty
  bool seat = false;    // a capital or seat of government: acting, it stands for the government
};

// An ISO 3166-2 subdivision, from data/gazetteer/subdivisions.tsv.
struct Subdivision {
  std::string code;     // "SY-ID"
  std::string country;  // "SYR"
  std::string name;     // "Idlib", as iso-codes writes it
};

struct EventType {
  std::string slug;    // e.g. "chemical_attack"
  std::string family;  // e.g. "conflict"
  std::string ace;     // ACE 2005 type, e.g. "Conflict.Attack", or "-"
  std::string cameo;   // CAMEO code, e.g. "2041", or "-"
  std::string parent;  // the more general type ("attack" for "chemical_attack"), or "-"
  std::string label;   // template: "{Trigger}[ by {agent}][ in {location}]"
};

struct TriggerPattern {
  std::vector<std::string> tokens;  // lower case; "*" matches 0..3 tokens
  std::string type;                 // EventType::slug
};

enum class CueDirection { kLeftToRight, kRightToLeft };
struct RelationCue {
  std::vector<std::string> tokens;  // lower case
  std::string type;                 // "causes" or "before"
  CueDirection direction = CueDirection::kLeftToRight;
};

// Word tables, looked up at every token by std::string_view: flat open
// addressing (util/word_map.h) instead of std::unordered_map's nodes.
template <typename Value>
using WordMap = FlatWordMap<Value>;

// A trie-free but hash-indexed phrase table: phrases keyed by their first
// token, longest first, so matching is one hash lookup per token.
template <typename Value>
struct PhraseTable {
  struct Phrase {
    std::vector<std::string> tokens;
    Value value;
  };
  FlatWordMap<std::vector<Phrase>> by_first_token;  // looked up at every token
  std::size_t max_length = 0;

  // Adds a phrase; an identical phrase added later replaces the earlier one,
  // so that user lexicons can override the bundled ones.
  void Add(std::vector<std::string> tokens, Value value) {
    if (tokens.empty()) return;
    if (tokens.size() > max_length) max_length = tokens.size();
    auto& bucket = by_first_token[tokens.front()];
    for (Phrase& phrase : bucket) {
      if (phrase.tokens == tokens) {
        phrase.value = std::move(value);
        return;
      }
    }
    bucket.push_back({std::move(tokens), std::move(value)});
    std::stable_sort(bucket.begin(), bucket.end(), [](const Phrase& a, const Phrase& b) {
      return a.tokens.size() > b.tokens.size();
    });
  }
};

// Literal byte strings found anywhere in a text (the page-furniture markers). Most positions of a
// text begin no marker: a bit per pair of first two bytes turns them away with one test instead of
// a look at every marker.
class MarkerSet {
 public:
  void Add(std::string marker);
  const std::vector<std::string>& markers() const { return markers_; }
  // Where each marker occurs, (begin, end), by begin then end.
  std::vector<std::pair<std::size_t, std::size_t>> FindAll(std::string_view text) const;

 private:
  static std::size_t Pair(unsigned char first, unsigned char second) {
    return first | (std::size_t{second} << 8);
  }
  std::vector<std::string> markers_;
  std::array<uint64_t, 65536 / 64> pair_starts_{};  // bit Pair(a, b): a marker starts "ab"
  std::array<bool, 256> starts_{};                  // a marker starts with this byte
  std::array<bool, 256> single_byte_{};             // a one-byte marker is this byte
};

struct TriggerSense {
  std::string type;     // EventType::slug
  bool verbal = false;  // a verb ("attacked") rather than a noun ("the attack")
  // The subject of the passive is the one who acts: "Mensah was sworn in" (triggers.tsv's
  // fourth column, "passive-agent").
  bool passive_agent = false;
};

// How the merge weighs what a mention and a candidate event share (data/merge/weights.tsv, read
// by graph/merge_decision.h): a mention joins the event of the highest score at least
// `threshold`, among those with evidence.
struct MergeWeights {
  int dated_overlap = 100;           // a dated mention, a dated event: their intervals overlap
  int dates_undated_event = 40;      // a dated mention, an undated event with actors in common
  int dated_event_for_undated = 50;  // an undated mention, a dated event
  int per_shared = 10;               // each participant in common; one more when both have agents
  int per_mention = 1;               // each mention the event has, up to 9
  int generalised_type = -5;         // the mention's type is the event type's parent
  int threshold = 0;
  int news_cycle_days = 31;     // undated: only events of articles published this close
  int place_evidence_days = 8;  // dated to fewer days than this: a place or country is evidence
};

struct Lexicons {
  std::string data_dir;
  PhraseTable<GazetteerEntry> gazetteer;  // case-sensitive surface forms
  WordMap<std::string> demonyms;          // "Syrian" -> "SYR"
  WordMap<std::string> country_names;     // "SYR" -> "Syria"
  WordMap<Subdivision> subdivisions;      // "SY-ID" -> Idlib, SYR
  // lower-case ASCII name -> subdivision codes ("idlib" -> SY-ID; a name may recur in other
  // countries)
  WordMap<std::vector<std::string>> subdivisions_by_name;
  PhraseTable<std::string> titles;      // lower-case role phrases -> role
  WordMap<EntityKind> title_kind;       // role -> kind it implies
  WordMap<std::string> title_code;      // role -> CAMEO role code, or ""
  WordMap<std::string> non_names;       // capitalised non-names -> why
  WordMap<EntityKind> name_heads;       // "Council" -> organization
  WordMap<std::string> name_head_code;  // "Ministry" -> GOV
  WordMap<EntityKind> place_cues;       // "town" -> location
  WordMap<std::string> actor_heads;     // "government" -> GOV
  WordMap<bool> acting_verbs;           // inflected: "says", "warned" ...
  WordMap<bool> place_directions;       // "northern": "X in northern Y"
  WordMap<bool> name_connectors;        // "of", "al", ... (as written)
  FlatWordMap<bool> abbreviations;      // "mr", "gen", ...
  MarkerSet furniture;                  // page-furniture markers
  std::vector<EventType> event_types;
  WordMap<std::size_t> event_type_index;  // slug -> index
  PhraseTable<TriggerSense> triggers;     // inflected, lower case -> sense
  std::vector<RelationCue> relation_cues;
  // first word -> the relation cues starting with it, in file order (built by LoadLexicons)
  WordMap<std::vector<std::size_t>> relation_cues_by_first;
  // "not" -> "negated", "could" -> "hypothetical", "will" -> "future", "alleged" -> "alleged"
  WordMap<std::string> modality_words;
  WordMap<bool> reporting_verbs;  // inflected "said" -> false, "claims" -> true
  WordMap<std::string> pronouns;  // "he" -> subject, "his" -> possessive
  MergeWeights merge;
  // The linguistic backbone (data/models/syntax.bin), set by LoadSyntax: without it sentences
  // get no parse, and events no arguments.
  std::shared_ptr<const SyntaxModel> syntax;

  const EventType* FindEventType(std::string_view slug) const;
};

// Loads and validates every file under `data_dir` (see docs/data.md), then
// each user lexicon in `extra_lexicons` in order (see docs/entities.md): its
// rows add entries or replace bundled ones. Any malformed line fails the load
// with `file:line: reason`.
Result<Lexicons> LoadLexicons(const std::string& data_dir,
                              const std::vector<std::string>& extra_lexicons = {});

// Loads the backbone's model into `lexicons->syntax`: `model_path`, or when empty
// DATA_DIR/models/syntax.bin. A missing or corrupt model is an error naming the file.
Status LoadSyntax(Lexicons* lexicons, const std::string& model_path = {});

// ------------------------------------------------------------ segmentation

// A token's text and lower case view storage its Segmented owns (shared by
// copies of it), so a Segmented outlives the string it was made from.
struct Token {
  uint32_t begin = 0, end = 0;  // bytes in the document text
  std::string_view text;        // surface form
  std::string_view lower;       // lower-cased surface form
  bool capitalized = false;     // starts with an upper-case letter
  bool all_caps = false;        // two or more letters, all upper case
  bool is_word = false;         // contains a letter or digit
  bool has_digit = false;       // contains an ASCII digit
  bool has_hyphen = false;      // contains an ASCII hyphen ("al-Assad", "mid-2012", "-")
  // Their hashes for the lexicon tables, computed once per token.
  uint64_t text_hash = 0, lower_hash = 0;
  HashedWord Text() const { return {text, text_hash}; }
  HashedWord Lower() const { return {lower, lower_hash}; }
};

struct Sentence {
  uint32_t begin = 0, end = 0;              // bytes in the document text
  uint32_t first_token = 0, end_token = 0;  // [first_token, end_token) in Segmented::tokens
  bool furniture = false;                   // bylines, credits, "More from ..." : no mentions taken
  bool heading = false;                     // a short line without final punctuation (a title)
};

struct Segmented {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // What the tokens' views point into: the text and its lower case, neither moved nor changed
  // once made (one allocation per document instead of two strings per token).
  struct Storage;
  std::shared_ptr<const Storage> storage;
};

Segmented Segment(const std::string& text, const Lexicons& lexicons);

// The UD words of a sentence's tokens ("don't" -> "do" "n't": SplitSyntacticWords), each with
// the token it is (part of) and its bytes in the text: what the backbone is given.
struct SentenceWords {
  std::vector<std::string_view> forms;
  std::vector<uint32_t> token, begin, end;
};
void SplitSentenceWords(const Segmented& segmented, const Sentence& sentence, SentenceWords* out);

// ---------------------------------------------------------------- mentions

struct EntityMention {
  uint32_t sentence = 0;
  uint32_t first_token = 0, end_token = 0;
  std::string surface;    // as written, possessive removed
  std::string canonical;  // gazetteer canonical name, or the surface
  EntityKind kind = EntityKind::kOther;
  std::string country;  // alpha-3 affiliation when known
  std::string role;     // title/role stated before the name, if any
  std::string code;    // CAMEO-style actor code: country + role code ("RUSGOV"), or the gazetteer's
  std::string region;  // ISO 3166-2 subdivision of a place, when known ("SY-ID")
  std::string region_name;  // its name ("Idlib")
  bool seat = false;        // a capital or seat of government (see GazetteerEntry::seat)
  bool from_gazetteer = false;
  // Its kind is only the guess for a name of two or three plain words (a person), nothing in the
  // text saying so: across documents it counts less than a kind the text gives ("in Kalma").
  bool guessed_kind = false;
  bool modifier = false;  // "U.S." in "U.S. Secretary of State ...": not an argument
};

enum class ArgumentRole { kAgent, kTarget, kParticipant, kLocation };
const char* ArgumentRoleName(ArgumentRole role);

struct EventArgument {
  ArgumentRole role;
  uint32_t entity;  // index into DocumentMentions::entities
};

struct EventMention {
  uint32_t sentence = 0;
  uint32_t first_token = 0, end_token = 0;  // the trigger
  std::string trigger;                      // trigger words as written
  std::string type;                         // EventType::slug
  bool verbal = false;                      // the trigger is a verb
  bool attributive = false;  // a participle modifying a name ("talks with visiting X"): no clause
  std::vector<EventArgument> arguments;
  // "asserted", "negated" ("did not discuss"), "hypothetical" ("could meet"), "future" ("will
  // appeal") or "alleged" ("the alleged attack", "Moscow claimed ...").
  std::string modality = "asserted";
  int source = -1;  // who reports it ("Lavrov said ..."): index into DocumentMentions::entities
  bool negated() const { return modality == "negated"; }
  bool hedged() const { return modality != "asserted" && modality != "negated"; }
};

struct StatedRelation {
  uint32_t source = 0, target = 0;  // indices into DocumentMentions::events
  std::string type;                 // "causes" or "before"
  uint32_t sentence = 0;
};

// A word as the backbone analysed it. Tokens are split into UD words where the treebanks split
// them ("don't" -> "do" "n't"); most tokens are one word.
struct SyntaxWord {
  uint32_t token = 0;  // the token it is, or is part of
  Upos upos = Upos::kX;
  std::string lemma;
  int32_t head = -1;          // index in DocumentMentions::words; -1: its sentence's root
  std::string_view relation;  // UD relation to the head ("nsubj", "obl:agent"); in the model
};

struct DocumentMentions {
  Segmented segmented;
  // The words of every sentence that is not page furniture, in order, and for each token its
  // first word (kNoWord in furniture, or without a model).
  std::vector<SyntaxWord> words;
  std::vector<uint32_t> token_word;
  static constexpr uint32_t kNoWord = 0xFFFFFFFFu;
  std::vector<EntityMention> entities;
  std::vector<EventMention> events;
  std::vector<StatedRelation> relations;
};

DocumentMentions ExtractMentions(const Document& document, const Lexicons& lexicons);

}  // namespace eventgraph
