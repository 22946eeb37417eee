// The linguistic backbone: part of speech, lemma and dependency tree for the
// words of a sentence, from a model trained on the UD treebanks.
//
//   Result<SyntaxModel> model = SyntaxModel::Load("data/models/syntax.bin");
//   std::vector<std::string_view> words = {"Police", "arrested", "two", "men", "."};
//   std::vector<AnalyzedWord> analysis;
//   model->Analyze(words, &analysis);
//   // analysis[1]: VERB VBD "arrest", head 0 (root); analysis[0]: nsubj of 2 (1-based).
//
// Stages, in order, each a function of the ones before it: tags (a greedy
// averaged-perceptron tagger over joint UPOS+XPOS tags), lemmas (the
// treebanks' own forms, WordNet's irregular forms and morphological rules),
// and the tree (a greedy arc-hybrid transition parser with an averaged
// perceptron). The words are UD words: "don't" is "do" + "n't", "U.N.'s" is
// "U.N." + "'s" (SplitSyntacticWords does this for raw tokens).
// A model is immutable after Load and may be shared by any number of threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/status.h"

namespace eventgraph {

// Universal part-of-speech tags, in the order UD lists them.
enum class Upos : uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum,
  kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb, kX
};
const char* UposName(Upos upos);
bool ParseUpos(std::string_view name, Upos* upos);

struct AnalyzedWord {
  Upos upos = Upos::kX;
  std::string_view xpos;      // Penn Treebank tag ("VBD"); points into the model
  std::string lemma;          // "arrest"
  int head = 0;               // 1-based index of the head word; 0: the root of the sentence
  std::string_view relation;  // UD relation to the head ("nsubj", "obl:tmod"); points into the model
};

// What a model file holds besides its weights: where it came from and how it scored.
struct SyntaxModelInfo {
  std::string description;  // the training command, data and scores, as the trainer wrote them
  std::size_t tags = 0, relations = 0, tagger_features = 0, parser_features = 0, lemma_forms = 0;
};

class SyntaxModel {
 public:
  // Reads a model written by TrainSyntaxModel. A missing, truncated or foreign file is a
  // kNotFound / kDataError naming the file.
  static Result<SyntaxModel> Load(const std::string& path);

  SyntaxModel();
  SyntaxModel(SyntaxModel&&) noexcept;
  SyntaxModel& operator=(SyntaxModel&&) noexcept;
  ~SyntaxModel();

  // Analyses one sentence. `out` is resized to words.size(). Sentences longer than
  // kMaxWords are parsed in pieces of kMaxWords (each piece its own tree).
  void Analyze(std::span<const std::string_view> words, std::vector<AnalyzedWord>* out) const;

  const SyntaxModelInfo& info() const;

  static constexpr std::size_t kMaxWords = 250;

  struct Parts;  // defined in syntax/model.h, shared with the trainer

  explicit SyntaxModel(std::unique_ptr<Parts> parts);
  const Parts& parts() const { return *parts_; }

 private:
  std::unique_ptr<Parts> parts_;
};

// Splits a raw token into UD words the way the English treebanks do: clitics
// ("n't", "'s", "'re", "'ll", "'ve", "'d", "'m") and "cannot" -> "can" + "not".
// Returns the byte lengths of the pieces in order (one piece: the token whole).
std::vector<uint32_t> SplitSyntacticWords(std::string_view token);

}  // namespace eventgraph
