// The tagger: its features and greedy left-to-right decoding, the one code
// both the trainer (train.cc) and Analyze (syntax_model.cc) call.
#include <algorithm>
#include <cctype>

#include "eventgraph/text_util.h"
#include "model.h"

namespace eventgraph::syntax_internal {
namespace {

// "Obama" -> "Xx", "1,200" -> "d,d", "U.S." -> "X.X.": letters and digits collapsed by class.
std::string Shape(std::string_view word) {
  std::string shape;
  char last = 0;
  for (unsigned char c : word) {
    char cls = std::isupper(c) ? 'X' : std::islower(c) ? 'x' : std::isdigit(c) ? 'd' : c >= 0x80 ? 'u' : static_cast<char>(c);
    if (cls != last) shape.push_back(cls);
    last = cls;
  }
  return shape;
}

// Template ids: each feature's hash starts from its template's id.
enum Tagger : uint64_t {
  kBias = 1, kForm, kLower, kPrefix1, kPrefix2, kPrefix3, kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kShape, kFirstShape, kTag1, kTag2, kTag12, kTag1Lower, kTag1Suffix3, kLowerM1, kSuffix3M1,
  kLowerM2, kLowerP1, kSuffix3P1, kLowerP2, kShapeP1, kWordNet, kWordNetP1, kWordNetTag1,
  kLowerM1Lower, kLowerLowerP1, kAmbiguity, kAmbiguityP1, kAmbiguityP2, kAmbiguityTag1,
  kAmbiguityM1Ambiguity,
};

}  // namespace

void DescribeWords(std::span<const std::string_view> words, const TaggerTables& tables,
                   const WordNetLexicon& wordnet, std::vector<WordFeatures>* out) {
  out->resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view form = words[i];
    std::string lower = AsciiLower(form);
    WordFeatures& word = (*out)[i];
    word.form = WordHash(form);
    word.lower = WordHash(lower);
    for (std::size_t k = 0; k < 3; ++k) {
      word.prefix[k] = WordHash(std::string_view(lower).substr(0, k + 1));
    }
    for (std::size_t k = 0; k < 4; ++k) {
      std::size_t length = std::min(lower.size(), k + 1);
      word.suffix[k] = WordHash(std::string_view(lower).substr(lower.size() - length));
    }
    word.shape = WordHash(Shape(form));
    const uint64_t* ambiguity = tables.ambiguity.Find(lower);
    word.ambiguity = ambiguity != nullptr ? *ambiguity : 0;
    word.wordnet = wordnet.Mask(lower);
  }
}

std::size_t TaggerFeatures(const std::vector<WordFeatures>& words, std::size_t i,
                           const std::vector<uint16_t>& tags, uint64_t* out) {
  std::size_t count = 0;
  auto add = [&](uint64_t id, uint64_t a, uint64_t b = 0) {
    out[count++] = FeatureHash(FeatureHash(id, a), b) | 1;
  };
  const WordFeatures& w = words[i];
  constexpr uint64_t kNone = 0x51ED270B27ULL;  // outside the sentence
  const uint64_t tag1 = i >= 1 ? tags[i - 1] + 1 : kNone;
  const uint64_t tag2 = i >= 2 ? tags[i - 2] + 1 : kNone;
  const uint64_t lower_m1 = i >= 1 ? words[i - 1].lower : kNone;
  const uint64_t lower_m2 = i >= 2 ? words[i - 2].lower : kNone;
  const uint64_t lower_p1 = i + 1 < words.size() ? words[i + 1].lower : kNone;
  const uint64_t lower_p2 = i + 2 < words.size() ? words[i + 2].lower : kNone;
  const uint64_t ambiguity_m1 = i >= 1 ? words[i - 1].ambiguity : kNone;
  const uint64_t ambiguity_p1 = i + 1 < words.size() ? words[i + 1].ambiguity : kNone;
  const uint64_t ambiguity_p2 = i + 2 < words.size() ? words[i + 2].ambiguity : kNone;
  add(kBias, 0);
  add(kForm, w.form);
  add(kLower, w.lower);
  for (uint64_t k = 0; k < 3; ++k) add(kPrefix1 + k, w.prefix[k]);
  for (uint64_t k = 0; k < 4; ++k) add(kSuffix1 + k, w.suffix[k]);
  add(kShape, w.shape);
  add(kFirstShape, w.shape, i == 0);
  add(kTag1, tag1);
  add(kTag2, tag2);
  add(kTag12, tag1, tag2);
  add(kTag1Lower, tag1, w.lower);
  add(kTag1Suffix3, tag1, w.suffix[2]);
  add(kLowerM1, lower_m1);
  add(kSuffix3M1, i >= 1 ? words[i - 1].suffix[2] : kNone);
  add(kLowerM2, lower_m2);
  add(kLowerP1, lower_p1);
  add(kSuffix3P1, i + 1 < words.size() ? words[i + 1].suffix[2] : kNone);
  add(kLowerP2, lower_p2);
  add(kShapeP1, i + 1 < words.size() ? words[i + 1].shape : kNone);
  add(kWordNet, w.wordnet);
  add(kWordNetP1, i + 1 < words.size() ? words[i + 1].wordnet : kNone);
  add(kWordNetTag1, w.wordnet, tag1);
  add(kLowerM1Lower, lower_m1, w.lower);
  add(kLowerLowerP1, w.lower, lower_p1);
  add(kAmbiguity, w.ambiguity);
  add(kAmbiguityP1, ambiguity_p1);
  add(kAmbiguityP2, ambiguity_p2);
  add(kAmbiguityTag1, w.ambiguity, tag1);
  add(kAmbiguityM1Ambiguity, ambiguity_m1, FeatureHash(w.ambiguity, ambiguity_p1));
  return count;
}

void TagWords(const TaggerTables& tables, const WordNetLexicon& wordnet,
              std::span<const std::string_view> words, std::vector<WordFeatures>* described,
              std::vector<uint16_t>* tags, std::vector<float>* scores) {
  DescribeWords(words, tables, wordnet, described);
  tags->assign(words.size(), 0);
  uint64_t features[kMaxFeatures];
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (const uint16_t* fixed = tables.unambiguous.Find(words[i])) {
      (*tags)[i] = *fixed;
      continue;
    }
    std::size_t count = TaggerFeatures(*described, i, *tags, features);
    scores->assign(tables.weights.padded_classes(), 0.0f);
    tables.weights.Score(features, count, scores->data());
    const auto tag_scores_end = scores->begin() + static_cast<std::ptrdiff_t>(tables.upos.size());
    (*tags)[i] = static_cast<uint16_t>(std::max_element(scores->begin(), tag_scores_end) -
                                       scores->begin());
  }
}

}  // namespace eventgraph::syntax_internal
