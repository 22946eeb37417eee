// Training and scoring the linguistic backbone (see syntax.h) on CoNLL-U treebanks.
//
//   SyntaxTrainOptions options;
//   options.train_files = {"gum/GUM_news_a.conllu", "en_ewt-ud-dev.conllu"};
//   Result<SyntaxModel> model = TrainSyntaxModel(options);
//   Status saved = SaveSyntaxModel(*model, "data/models/syntax.bin");
//   SyntaxScores scores = ScoreSyntax(*model, gold_sentences);
//
// Training is deterministic: the same files, in the same order, with the same
// options give a model file with the same bytes.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "eventgraph/conllu.h"
#include "eventgraph/status.h"
#include "eventgraph/syntax.h"

namespace eventgraph {

struct SyntaxTrainOptions {
  std::vector<std::string> train_files;            // CoNLL-U
  std::string wordnet_dir = "/usr/share/wordnet";  // Debian's wordnet-base
  int tagger_epochs = 8;
  int parser_epochs = 18;
  // From this epoch on (0-based), the parser follows its own wrong transitions with probability
  // `explore` and learns what is best from there (a dynamic oracle, Goldberg & Nivre 2012).
  int explore_from = 1;
  double explore = 0.9;
  // Parts of the training data the parser learns from with tags predicted by a tagger trained on
  // the other parts, so that it meets tagging errors as it will at run time (0 or 1: gold tags).
  int jackknife_folds = 4;
  // Averaged weights smaller than this are dropped from the file. An averaged weight of 1 is one
  // update held through the whole of training; most features below it were updated once or
  // twice, late. Absolute, so a tiny training set wants 0.
  float prune = 1.0f;
  // A transition feature is kept only if one of its averaged weights is at least this large: the
  // transition table is read at every step, and half its features fall below 2 (on GUM dev,
  // dropping them cost 0.2 LAS and made the parser about 1.2x as fast).
  float prune_transitions = 2.0f;
  uint64_t seed = 1;
  std::string description;  // written into the model (the command and the data)
  std::ostream* log = nullptr;  // progress, one line per epoch
};

Result<SyntaxModel> TrainSyntaxModel(const SyntaxTrainOptions& options);
Status SaveSyntaxModel(const SyntaxModel& model, const std::string& path);

struct SyntaxScores {
  std::size_t words = 0;
  double upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // percentages; LAS on universal relations
};
// Scores the model on gold sentences, with their words as given (gold tokenisation).
// `predicted`, when given, receives the system's sentences.
SyntaxScores ScoreSyntax(const SyntaxModel& model, const std::vector<ConlluSentence>& gold,
                         std::vector<ConlluSentence>* predicted = nullptr);

}  // namespace eventgraph
