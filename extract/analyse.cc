// Sentences -> words with part of speech, lemma and dependency tree: the
// linguistic backbone (syntax.h) run on every sentence that is not page
// furniture, its words mapped back to the tokens they are made of.
#include "entities_internal.h"

namespace eventgraph {

Status LoadSyntax(Lexicons* lexicons, const std::string& model_path) {
  const std::string path =
      model_path.empty() ? lexicons->data_dir + "/models/syntax.bin" : model_path;
  Result<SyntaxModel> model = SyntaxModel::Load(path);
  if (!model.ok()) return model.status();
  lexicons->syntax = std::make_shared<const SyntaxModel>(std::move(*model));
  return Status();
}

void SplitSentenceWords(const Segmented& segmented, const Sentence& sentence, SentenceWords* out) {
  out->forms.clear();
  out->token.clear();
  out->begin.clear();
  out->end.clear();
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const Token& token = segmented.tokens[t];
    uint32_t offset = 0;
    for (uint32_t length : SplitSyntacticWords(token.text)) {
      out->forms.push_back(token.text.substr(offset, length));
      out->token.push_back(t);
      out->begin.push_back(token.begin + offset);
      out->end.push_back(token.begin + offset + length);
      offset += length;
    }
  }
}

void AnalyseSentences(const Segmented& segmented, const SyntaxModel* model,
                      DocumentMentions* mentions) {
  mentions->token_word.assign(segmented.tokens.size(), DocumentMentions::kNoWord);
  if (model == nullptr) return;
  SentenceWords words;
  std::vector<AnalyzedWord> analysis;
  for (const Sentence& sentence : segmented.sentences) {
    if (sentence.furniture || sentence.first_token == sentence.end_token) continue;
    SplitSentenceWords(segmented, sentence, &words);
    model->Analyze(words.forms, &analysis);
    const auto base = static_cast<int32_t>(mentions->words.size());
    for (std::size_t i = 0; i < words.forms.size(); ++i) {
      SyntaxWord word;
      word.token = words.token[i];
      word.upos = analysis[i].upos;
      word.lemma = std::move(analysis[i].lemma);
      word.head = analysis[i].head == 0 ? -1 : base + analysis[i].head - 1;
      word.relation = analysis[i].relation;
      if (mentions->token_word[word.token] == DocumentMentions::kNoWord) {
        mentions->token_word[word.token] = static_cast<uint32_t>(mentions->words.size());
      }
      mentions->words.push_back(std::move(word));
    }
  }
}

}  // namespace eventgraph
