// CoNLL-U: the treebanks' format, read for training and scoring, written by
// `eventgraph parse`.
//
//   std::vector<ConlluSentence> sentences;
//   Status read = ReadConllu("en_ewt-ud-dev.conllu", &sentences);
//   WriteConlluSentence(sentences[0], std::cout);
//
// Multi-word token lines ("1-2") and empty nodes ("8.1") are skipped: the
// words are the syntactic words the trees are made of. The comment lines of
// a sentence (# sent_id, # text) are kept and written back.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "eventgraph/status.h"

namespace eventgraph {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, misc;
  int head = 0;  // 1-based; 0: root
};

struct ConlluSentence {
  std::vector<std::string> comments;  // without the leading "# "... kept as written
  std::vector<ConlluWord> words;
};

// Appends the sentences of `path`. A malformed line is a kDataError naming the file and line.
Status ReadConllu(const std::string& path, std::vector<ConlluSentence>* sentences);

// Writes one sentence and the blank line after it.
void WriteConlluSentence(const ConlluSentence& sentence, std::ostream& out);

}  // namespace eventgraph
