// SyntaxModel::Analyze: tags, then lemmas, then the tree (see syntax.h).
#include <algorithm>
#include <cctype>

#include "model.h"

namespace eventgraph {

using namespace syntax_internal;

namespace {
constexpr const char* kUposNames[] = {"ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET",
                                      "INTJ", "NOUN", "NUM",   "PART",  "PRON",  "PROPN",
                                      "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// Scratch space one thread reuses from sentence to sentence.
struct Scratch {
  std::vector<WordFeatures> words;
  std::vector<uint16_t> tags;
  std::vector<uint64_t> word_hashes;
  std::vector<float> scores;
  ParserState state;
};

void AnalyzePiece(const SyntaxModel::Parts& model, std::span<const std::string_view> words,
                  AnalyzedWord* out, Scratch& scratch) {
  const std::size_t n = words.size();
  const TaggerTables& tagger = model.tagger;
  TagWords(tagger, model.wordnet, words, &scratch.words, &scratch.tags, &scratch.scores);
  for (std::size_t i = 0; i < n; ++i) {
    uint16_t tag = scratch.tags[i];
    out[i].upos = tagger.upos[tag];
    out[i].xpos = tagger.xpos[tag];
    out[i].lemma = model.lemmatizer.Lemma(words[i], out[i].upos, out[i].xpos, model.wordnet);
  }
  scratch.word_hashes.resize(n);
  for (std::size_t i = 0; i < n; ++i) scratch.word_hashes[i] = scratch.words[i].lower;
  ParserState& state = scratch.state;
  ParseWords(model.parser, scratch.word_hashes, scratch.tags, &state, &scratch.scores);
  for (std::size_t i = 0; i < n; ++i) {
    int head = state.head[i];
    const bool root = head == static_cast<int>(n);
    out[i].head = root ? 0 : head + 1;
    out[i].relation = root ? std::string_view("root") : model.parser.relations[state.label[i]];
  }
}

}  // namespace

const char* UposName(Upos upos) { return kUposNames[static_cast<int>(upos)]; }

bool ParseUpos(std::string_view name, Upos* upos) {
  for (int i = 0; i < static_cast<int>(std::size(kUposNames)); ++i) {
    if (name == kUposNames[i]) {
      *upos = static_cast<Upos>(i);
      return true;
    }
  }
  return false;
}

SyntaxModel::SyntaxModel() : parts_(std::make_unique<Parts>()) {}
SyntaxModel::SyntaxModel(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
SyntaxModel::SyntaxModel(SyntaxModel&&) noexcept = default;
SyntaxModel& SyntaxModel::operator=(SyntaxModel&&) noexcept = default;
SyntaxModel::~SyntaxModel() = default;

const SyntaxModelInfo& SyntaxModel::info() const { return parts_->info; }

Result<SyntaxModel> SyntaxModel::Load(const std::string& path) { return ReadModel(path); }

void SyntaxModel::Analyze(std::span<const std::string_view> words,
                          std::vector<AnalyzedWord>* out) const {
  thread_local Scratch scratch;
  out->resize(words.size());
  if (parts_->tagger.upos.empty()) return;  // an empty model: nothing to say
  for (std::size_t begin = 0; begin < words.size(); begin += kMaxWords) {
    std::size_t end = std::min(words.size(), begin + kMaxWords);
    AnalyzePiece(*parts_, words.subspan(begin, end - begin), out->data() + begin, scratch);
    for (std::size_t i = begin; i < end; ++i) {
      if ((*out)[i].head != 0) (*out)[i].head += static_cast<int>(begin);
    }
  }
}

std::vector<uint32_t> SplitSyntacticWords(std::string_view token) {
  auto lower_equals = [](std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      if (c != lower[i]) return false;
    }
    return true;
  };
  const uint32_t size = static_cast<uint32_t>(token.size());
  if (lower_equals(token, "cannot")) return {3, 3};
  // "n't" needs a word before it: "don't" -> "do" "n't"; "can't" -> "ca" "n't" as the treebanks do.
  if (size >= 4 && lower_equals(token.substr(size - 3), "n't")) return {size - 3, 3};
  // The typographic apostrophe the normaliser may have left.
  if (size >= 6 && lower_equals(token.substr(size - 5), "n\xE2\x80\x99t")) return {size - 5, 5};
  for (std::string_view clitic : {"'s", "'re", "'ll", "'ve", "'d", "'m", "\xE2\x80\x99" "s",
                                   "\xE2\x80\x99" "re", "\xE2\x80\x99" "ll", "\xE2\x80\x99" "ve",
                                   "\xE2\x80\x99" "d", "\xE2\x80\x99" "m"}) {
    const uint32_t length = static_cast<uint32_t>(clitic.size());
    if (size > length && lower_equals(token.substr(size - length), clitic)) {
      return {size - length, length};
    }
  }
  return {size};
}

}  // namespace eventgraph
