// Internal to syntax/: what a model holds, and the feature code the trainer
// and Analyze share (training and applying are two doors to one feature code).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/syntax.h"
#include "eventgraph/word_map.h"
#include "perceptron.h"

namespace eventgraph {

namespace syntax_internal {

// WordNet parts of speech, as bits of a mask.
enum WordNetBit : uint8_t { kWnNoun = 1, kWnVerb = 2, kWnAdj = 4, kWnAdv = 8 };

// Words the lemmatiser and the tagger's features know without the treebanks: WordNet's lemmas
// with their parts of speech, and its lists of irregular forms ("went" -> verb "go").
struct WordNetLexicon {
  FlatWordMap<uint8_t> lemmas;                 // "attack" -> kWnNoun | kWnVerb
  std::array<FlatWordMap<std::string>, 4> irregular;  // by part (noun, verb, adj, adv)
  // The parts of speech `lower` (a lower-case word, inflected or not) can be a form of.
  uint8_t Mask(std::string_view lower) const;
  // Base forms of `lower` as part `part` (0 noun, 1 verb, 2 adj, 3 adv): the irregular form's
  // lemma, else the first of WordNet's detachment rules whose result is a WordNet lemma of that
  // part ("attacked" -> "attack", "stopped" -> "stop"), else "".
  std::string BaseForm(std::string_view lower, int part) const;
};

struct Lemmatizer {
  // "form\txpos" -> lemma, the most frequent in the training treebanks.
  FlatWordMap<std::string> by_form_and_tag;
  std::string Lemma(std::string_view form, Upos upos, std::string_view xpos,
                    const WordNetLexicon& wordnet) const;
};

constexpr std::size_t kMaxFeatures = AveragedWeights::kMaxScoredFeatures;

// What the tagger needs of each word of a sentence, hashed once.
struct WordFeatures {
  uint64_t form = 0, lower = 0, prefix[3] = {}, suffix[4] = {}, shape = 0, ambiguity = 0;
  uint8_t wordnet = 0;
};

struct TaggerTables {
  std::vector<Upos> upos;                // by joint tag
  std::vector<std::string> xpos;         // by joint tag
  FlatWordMap<uint16_t> unambiguous;     // frequent words with one tag
  FlatWordMap<uint64_t> ambiguity;       // lower-case word -> hash of the tags it was seen with
  AveragedWeights weights;
};

void DescribeWords(std::span<const std::string_view> words, const TaggerTables& tables,
                   const WordNetLexicon& wordnet, std::vector<WordFeatures>* out);
// Features of word `i` given the tags chosen for the words before it. Returns their count.
std::size_t TaggerFeatures(const std::vector<WordFeatures>& words, std::size_t i,
                           const std::vector<uint16_t>& tags, uint64_t* out);
// Tags a sentence greedily, left to right (`described` and `scores` are scratch space).
void TagWords(const TaggerTables& tables, const WordNetLexicon& wordnet,
              std::span<const std::string_view> words, std::vector<WordFeatures>* described,
              std::vector<uint16_t>* tags, std::vector<float>* scores);

// ---------------------------------------------------------------- parser

// Arc-hybrid (Kuhlmann et al. 2011): a stack, a buffer, and three transitions. SHIFT pushes the
// buffer's front; LEFT makes the stack's top a dependent of the buffer's front and pops it;
// RIGHT makes the top a dependent of the word under it and pops it. The root is a word after
// the last one; LEFT to it is allowed only when the stack holds one word, so a sentence gets one
// root. One classifier chooses the transition and the group of the arc's relation (clause
// dependents, nominal dependents, the rest); a second the relation within that group.
constexpr int kRelationGroups = 3;
constexpr int kShift = 0, kTransitions = 1 + 2 * kRelationGroups;
inline bool IsLeft(int transition) { return transition >= 1 && transition <= kRelationGroups; }
inline int GroupOf(int transition) { return (transition - 1) % kRelationGroups; }
inline int LeftIn(int group) { return 1 + group; }
inline int RightIn(int group) { return 1 + kRelationGroups + group; }
// A UD relation's group: 0 clause dependents, 1 nominal dependents and multiword names, 2 the rest.
int RelationGroup(std::string_view relation);

struct ParserState {
  int n = 0;  // words; word n is the root
  std::vector<int> stack;
  int front = 0;  // the buffer is front..n
  std::vector<int> head, label;
  std::vector<std::array<int, 2>> left_children, right_children;  // two nearest-outside each side
  std::vector<uint8_t> left_count, right_count;
  std::vector<uint64_t> left_labels, right_labels;  // bit sets of the labels attached

  void Reset(int words);
  bool Done() const { return front == n && stack.empty(); }
  bool CanShift() const { return front < n; }
  bool CanLeft() const { return !stack.empty() && (front < n || stack.size() == 1); }
  bool CanRight() const { return stack.size() >= 2; }
  // The head an arc transition gives the stack's top.
  int ArcHead(int transition) const {
    return IsLeft(transition) ? front : stack[stack.size() - 2];
  }
  void Apply(int transition, int label);
  void Attach(int dependent, int head_word, int label);
};

struct ParserTables {
  std::vector<std::string> relations;
  int root_relation = 0;         // the index of "root" in `relations`
  std::vector<int> groups;       // RelationGroup of each relation
  AveragedWeights transitions;   // kTransitions classes
  AveragedWeights labels;        // one class per relation
};

// Features of a parser state for the transition classifier; `words` and `tags` are the
// sentence's (lower-case word hashes and joint tag ids). Returns their count.
std::size_t ParserFeatures(const ParserState& state, std::span<const uint64_t> words,
                           std::span<const uint16_t> tags, uint64_t* out);
// Features for the relation of an arc from `head` to the stack's top, before it is made.
std::size_t LabelFeatures(const ParserState& state, int head, std::span<const uint64_t> words,
                          std::span<const uint16_t> tags, uint64_t* out);
// The highest-scoring transition the state allows.
int BestValidTransition(const ParserState& state, const float* scores);
// The highest-scoring relation of `group` for an arc to `head`: "root" for the root, never
// elsewhere.
int BestLabel(const ParserTables& tables, int group, int head, int words, const float* scores);
// Parses a tagged sentence greedily; the tree is left in `state` (head n: the root).
void ParseWords(const ParserTables& tables, std::span<const uint64_t> words,
                std::span<const uint16_t> tags, ParserState* state, std::vector<float>* scores);

}  // namespace syntax_internal

struct SyntaxModel::Parts {
  SyntaxModelInfo info;
  syntax_internal::WordNetLexicon wordnet;
  syntax_internal::TaggerTables tagger;
  syntax_internal::Lemmatizer lemmatizer;
  syntax_internal::ParserTables parser;
};

namespace syntax_internal {
// The model file (syntax/model_io.cc): magic, version, then the parts.
Status WriteModel(const SyntaxModel::Parts& parts, const std::string& path);
Result<SyntaxModel> ReadModel(const std::string& path);
// Reads WordNet's dict folder (index.noun ..., noun.exc ...).
Status LoadWordNet(const std::string& dict_dir, WordNetLexicon* lexicon);
}  // namespace syntax_internal

}  // namespace eventgraph
