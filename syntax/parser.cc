// The parser: arc-hybrid transitions, their features and greedy decoding, the
// one code both the trainer (train.cc) and Analyze (syntax_model.cc) call.
#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <limits>

#include "model.h"

namespace eventgraph::syntax_internal {


void ParserState::Reset(int words) {
  n = words;
  stack.clear();
  front = 0;
  head.assign(n + 1, -1);
  label.assign(n + 1, -1);
  left_children.assign(n + 1, {-1, -1});
  right_children.assign(n + 1, {-1, -1});
  left_count.assign(n + 1, 0);
  right_count.assign(n + 1, 0);
  left_labels.assign(n + 1, 0);
  right_labels.assign(n + 1, 0);
}

void ParserState::Attach(int dependent, int head_word, int relation) {
  head[dependent] = head_word;
  label[dependent] = relation;
  if (dependent < head_word) {
    // The features read a word's two outermost dependents on each side.
    auto& children = left_children[head_word];
    if (children[0] == -1 || dependent < children[0]) {
      children[1] = children[0];
      children[0] = dependent;
    } else if (children[1] == -1 || dependent < children[1]) {
      children[1] = dependent;
    }
    left_count[head_word] = static_cast<uint8_t>(std::min(255, left_count[head_word] + 1));
    left_labels[head_word] |= uint64_t{1} << (relation & 63);
  } else {
    auto& children = right_children[head_word];
    if (children[0] == -1 || dependent > children[0]) {
      children[1] = children[0];
      children[0] = dependent;
    } else if (children[1] == -1 || dependent > children[1]) {
      children[1] = dependent;
    }
    right_count[head_word] = static_cast<uint8_t>(std::min(255, right_count[head_word] + 1));
    right_labels[head_word] |= uint64_t{1} << (relation & 63);
  }
}

void ParserState::Apply(int transition, int relation) {
  if (transition == kShift) {
    stack.push_back(front++);
    return;
  }
  const int top = stack.back();
  const int head_word = ArcHead(transition);
  stack.pop_back();
  Attach(top, head_word, relation);
}

namespace {
// One template's feature: the values weighted by odd constants, then one splitmix64 finish.
// (The four chained FeatureHash steps this replaced cost a tenth of the parser's time.)
inline uint64_t TemplateHash(uint64_t id, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  uint64_t x = id * 0x9E3779B97F4A7C15ull + a * 0xC2B2AE3D27D4EB4Full + b * 0x165667B19E3779F9ull +
               c * 0xD6E8FEB86659FD93ull + d * 0xFF51AFD7ED558CCDull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return (x ^ (x >> 31)) | 1;
}

// What the templates read of a word of the sentence, by index: -1 is no word, n the root.
struct WordValues {
  static constexpr uint64_t kNone = 0x7A11ED0FFULL;
  static constexpr uint64_t kRoot = 0x2007ULL;
  const ParserState& state;
  std::span<const uint64_t> words;
  std::span<const uint16_t> tags;
  uint64_t word(int i) const { return i < 0 ? kNone : i == state.n ? kRoot : words[i]; }
  uint64_t tag(int i) const {
    return i < 0 ? kNone : i == state.n ? kRoot : uint64_t{tags[i]} + 1;
  }
  uint64_t label(int i) const {
    return i < 0 || state.label[i] < 0 ? kNone : uint64_t(state.label[i]) + 1;
  }
};

enum Parser : uint64_t {
  kS0w = 1000, kS0t, kS0wt, kS1w, kS1t, kS1wt, kS2t, kB0w, kB0t, kB0wt, kB1w, kB1t, kB1wt, kB2w,
  kB2t, kS0wtB0wt, kS0wtB0w, kS0wB0wt, kS0wtB0t, kS0tB0wt, kS0wB0w, kS0tB0t, kB0tB1t,
  kS1wtS0wt, kS1wS0w, kS1tS0t, kS1wtS0t, kS1tS0wt, kB0tB1tB2t, kS0tB0tB1t, kS1tS0tB0t,
  kS2tS1tS0t, kS1tS0tS0l1t, kS1tS0tS0r1t, kS0tS0l1tB0t, kS0tB0tB0l1t, kS1tS1r1tS0t,
  kS1tS1l1tS0t, kS0wDist, kS0tDist, kB0wDist, kB0tDist, kS0tB0tDist, kS1tS0tDist, kS1wS0wDist,
  kS0wVl, kS0wVr, kS0tVl, kS0tVr, kS1wVl, kS1wVr, kS1tVr, kB0wVl, kB0tVl, kS0l1w, kS0l1t,
  kS0l1l, kS0r1w, kS0r1t, kS0r1l, kS0l2t, kS0l2l, kS0r2t, kS0r2l, kS1l1t, kS1l1l, kS1r1t,
  kS1r1l, kS1r2t, kS1r2l, kB0l1w, kB0l1t, kB0l1l, kB0l2t, kB0l2l, kS0tS0l1tS0l2t,
  kS0tS0r1tS0r2t, kS1tS1r1tS1r2t, kB0tB0l1tB0l2t, kS0wSl, kS0tSl, kS0wSr, kS0tSr, kS1wSr,
  kS1tSr, kB0wSl, kB0tSl, kS1tS0tB0tB1t, kS0wB0wB1t
};
}  // namespace

std::size_t ParserFeatures(const ParserState& state, std::span<const uint64_t> words,
                           std::span<const uint16_t> tags, uint64_t* out) {
  constexpr uint64_t kNone = WordValues::kNone;
  const WordValues values{state, words, tags};
  auto word = [&](int i) { return values.word(i); };
  auto tag = [&](int i) { return values.tag(i); };
  auto lab = [&](int i) { return values.label(i); };
  const std::size_t depth = state.stack.size();
  const int s0 = depth >= 1 ? state.stack[depth - 1] : -1;
  const int s1 = depth >= 2 ? state.stack[depth - 2] : -1;
  const int s2 = depth >= 3 ? state.stack[depth - 3] : -1;
  const int b0 = state.front <= state.n ? state.front : -1;
  const int b1 = state.front + 1 <= state.n ? state.front + 1 : -1;
  const int b2 = state.front + 2 <= state.n ? state.front + 2 : -1;
  auto left = [&](int i, int k) { return i < 0 ? -1 : state.left_children[i][k]; };
  auto right = [&](int i, int k) { return i < 0 ? -1 : state.right_children[i][k]; };
  auto valency_left = [&](int i) -> uint64_t { return i < 0 ? kNone : state.left_count[i]; };
  auto valency_right = [&](int i) -> uint64_t { return i < 0 ? kNone : state.right_count[i]; };
  auto labels_left = [&](int i) -> uint64_t { return i < 0 ? kNone : state.left_labels[i]; };
  auto labels_right = [&](int i) -> uint64_t { return i < 0 ? kNone : state.right_labels[i]; };
  auto distance = [](int a, int b) -> uint64_t {
    if (a < 0 || b < 0) return 0;
    int d = std::abs(b - a);
    return d <= 5 ? d : d <= 10 ? 6 : 7;
  };

  std::size_t count = 0;
  auto add = [&](uint64_t id, uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0) {
    out[count++] = TemplateHash(id, a, b, c, d);
  };
  const uint64_t s0w = word(s0), s0t = tag(s0), s1w = word(s1), s1t = tag(s1);
  const uint64_t b0w = word(b0), b0t = tag(b0), b1w = word(b1), b1t = tag(b1);
  const uint64_t b2t = tag(b2);
  add(kS0w, s0w);
  add(kS0t, s0t);
  add(kS0wt, s0w, s0t);
  add(kS1w, s1w);
  add(kS1t, s1t);
  add(kS1wt, s1w, s1t);
  add(kS2t, tag(s2));
  add(kB0w, b0w);
  add(kB0t, b0t);
  add(kB0wt, b0w, b0t);
  add(kB1w, b1w);
  add(kB1t, b1t);
  add(kB1wt, b1w, b1t);
  add(kB2w, word(b2));
  add(kB2t, b2t);
  add(kS0wtB0wt, s0w, s0t, b0w, b0t);
  add(kS0wtB0w, s0w, s0t, b0w);
  add(kS0wB0wt, s0w, b0w, b0t);
  add(kS0wtB0t, s0w, s0t, b0t);
  add(kS0tB0wt, s0t, b0w, b0t);
  add(kS0wB0w, s0w, b0w);
  add(kS0tB0t, s0t, b0t);
  add(kB0tB1t, b0t, b1t);
  add(kS1wtS0wt, s1w, s1t, s0w, s0t);
  add(kS1wS0w, s1w, s0w);
  add(kS1tS0t, s1t, s0t);
  add(kS1wtS0t, s1w, s1t, s0t);
  add(kS1tS0wt, s1t, s0w, s0t);
  add(kB0tB1tB2t, b0t, b1t, b2t);
  add(kS0tB0tB1t, s0t, b0t, b1t);
  add(kS1tS0tB0t, s1t, s0t, b0t);
  add(kS2tS1tS0t, tag(s2), s1t, s0t);
  const int s0l1 = left(s0, 0), s0l2 = left(s0, 1), s0r1 = right(s0, 0), s0r2 = right(s0, 1);
  const int s1l1 = left(s1, 0), s1r1 = right(s1, 0), s1r2 = right(s1, 1);
  const int b0l1 = left(b0, 0), b0l2 = left(b0, 1);
  add(kS1tS0tS0l1t, s1t, s0t, tag(s0l1));
  add(kS1tS0tS0r1t, s1t, s0t, tag(s0r1));
  add(kS0tS0l1tB0t, s0t, tag(s0l1), b0t);
  add(kS0tB0tB0l1t, s0t, b0t, tag(b0l1));
  add(kS1tS1r1tS0t, s1t, tag(s1r1), s0t);
  add(kS1tS1l1tS0t, s1t, tag(s1l1), s0t);
  const uint64_t d_s0b0 = distance(s0, b0), d_s1s0 = distance(s1, s0);
  add(kS0wDist, s0w, d_s0b0);
  add(kS0tDist, s0t, d_s0b0);
  add(kB0wDist, b0w, d_s0b0);
  add(kB0tDist, b0t, d_s0b0);
  add(kS0tB0tDist, s0t, b0t, d_s0b0);
  add(kS1tS0tDist, s1t, s0t, d_s1s0);
  add(kS1wS0wDist, s1w, s0w, d_s1s0);
  add(kS0wVl, s0w, valency_left(s0));
  add(kS0wVr, s0w, valency_right(s0));
  add(kS0tVl, s0t, valency_left(s0));
  add(kS0tVr, s0t, valency_right(s0));
  add(kS1wVl, s1w, valency_left(s1));
  add(kS1wVr, s1w, valency_right(s1));
  add(kS1tVr, s1t, valency_right(s1));
  add(kB0wVl, b0w, valency_left(b0));
  add(kB0tVl, b0t, valency_left(b0));
  add(kS0l1w, word(s0l1));
  add(kS0l1t, tag(s0l1));
  add(kS0l1l, lab(s0l1));
  add(kS0r1w, word(s0r1));
  add(kS0r1t, tag(s0r1));
  add(kS0r1l, lab(s0r1));
  add(kS0l2t, tag(s0l2));
  add(kS0l2l, lab(s0l2));
  add(kS0r2t, tag(s0r2));
  add(kS0r2l, lab(s0r2));
  add(kS1l1t, tag(s1l1));
  add(kS1l1l, lab(s1l1));
  add(kS1r1t, tag(s1r1));
  add(kS1r1l, lab(s1r1));
  add(kS1r2t, tag(s1r2));
  add(kS1r2l, lab(s1r2));
  add(kB0l1w, word(b0l1));
  add(kB0l1t, tag(b0l1));
  add(kB0l1l, lab(b0l1));
  add(kB0l2t, tag(b0l2));
  add(kB0l2l, lab(b0l2));
  add(kS0tS0l1tS0l2t, s0t, tag(s0l1), tag(s0l2));
  add(kS0tS0r1tS0r2t, s0t, tag(s0r1), tag(s0r2));
  add(kS1tS1r1tS1r2t, s1t, tag(s1r1), tag(s1r2));
  add(kB0tB0l1tB0l2t, b0t, tag(b0l1), tag(b0l2));
  add(kS0wSl, s0w, labels_left(s0));
  add(kS0tSl, s0t, labels_left(s0));
  add(kS0wSr, s0w, labels_right(s0));
  add(kS0tSr, s0t, labels_right(s0));
  add(kS1wSr, s1w, labels_right(s1));
  add(kS1tSr, s1t, labels_right(s1));
  add(kB0wSl, b0w, labels_left(b0));
  add(kB0tSl, b0t, labels_left(b0));
  add(kS1tS0tB0tB1t, s1t, s0t, b0t, b1t);
  add(kS0wB0wB1t, s0w, b0w, b1t);
  return count;
}

namespace {
enum Label : uint64_t {
  kDw = 2000, kDt, kDwt, kHw, kHt, kHwt, kDtHt, kDwHt, kDtHw, kDwHw, kDtHtDist, kDtLeftLabels,
  kDtRightLabels, kHtLeftLabels, kHtRightLabels, kDtDl1t, kDtDr1t, kDl1wHt, kDl1w, kDl1l,
  kDr1l, kDtBeforeAfter, kHtBeforeAfter, kDtHtBelow, kDwDl1w, kDtValency
};
}  // namespace

std::size_t LabelFeatures(const ParserState& state, int head, std::span<const uint64_t> words,
                          std::span<const uint16_t> tags, uint64_t* out) {
  constexpr uint64_t kNone = WordValues::kNone;
  const int n = state.n;
  const WordValues values{state, words, tags};
  auto word = [&](int i) { return values.word(i); };
  auto tag = [&](int i) { return values.tag(i); };
  auto lab = [&](int i) { return values.label(i); };
  const int dependent = state.stack.back();
  // The direction goes into every template: a word's relation to a head on its left differs
  // from one to a head on its right.
  const uint64_t direction = head > dependent ? 1 : 2;
  const int gap = std::abs(head - dependent);
  const uint64_t distance = gap <= 5 ? gap : gap <= 10 ? 6 : 7;
  const uint64_t dw = word(dependent), dt = tag(dependent), hw = word(head), ht = tag(head);
  const int dl1 = state.left_children[dependent][0], dr1 = state.right_children[dependent][0];
  // The word under the top that is not the head (s1 for LEFT, s2 for RIGHT).
  const std::size_t depth = state.stack.size();
  const std::size_t under = head == state.front ? 2 : 3;
  const int below = depth >= under ? state.stack[depth - under] : -1;
  std::size_t count = 0;
  auto add = [&](uint64_t id, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    out[count++] = TemplateHash(id, direction, a, b, c);
  };
  add(kDw, dw);
  add(kDt, dt);
  add(kDwt, dw, dt);
  add(kHw, hw);
  add(kHt, ht);
  add(kHwt, hw, ht);
  add(kDtHt, dt, ht);
  add(kDwHt, dw, ht);
  add(kDtHw, dt, hw);
  add(kDwHw, dw, hw);
  add(kDtHtDist, dt, ht, distance);
  add(kDtLeftLabels, dt, state.left_labels[dependent]);
  add(kDtRightLabels, dt, state.right_labels[dependent]);
  add(kHtLeftLabels, ht, head < n ? state.left_labels[head] : kNone);
  add(kHtRightLabels, ht, head < n ? state.right_labels[head] : kNone);
  add(kDtDl1t, dt, tag(dl1));
  add(kDtDr1t, dt, tag(dr1));
  // The dependent's first word is often the preposition or marker that decides its relation.
  add(kDl1wHt, word(dl1), ht);
  add(kDl1w, word(dl1), dt);
  add(kDl1l, lab(dl1), dt);
  add(kDr1l, lab(dr1), dt);
  add(kDtBeforeAfter, dt, tag(dependent - 1), tag(dependent + 1));
  add(kHtBeforeAfter, ht, tag(head - 1), head < n ? tag(head + 1) : kNone);
  add(kDtHtBelow, dt, ht, tag(below));
  add(kDwDl1w, dw, word(dl1));
  add(kDtValency, dt, state.left_count[dependent], state.right_count[dependent]);
  return count;
}

int RelationGroup(std::string_view relation) {
  const std::string_view universal = relation.substr(0, relation.find(':'));
  static constexpr std::string_view kClause[] = {
      "nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "advcl", "advmod", "aux",
      "cop", "mark", "expl", "discourse", "vocative", "dislocated"};
  static constexpr std::string_view kNominal[] = {"nmod", "appos", "nummod", "acl", "amod",
                                                  "det", "clf", "case", "compound", "flat",
                                                  "fixed"};
  if (std::find(std::begin(kClause), std::end(kClause), universal) != std::end(kClause)) return 0;
  if (std::find(std::begin(kNominal), std::end(kNominal), universal) != std::end(kNominal)) {
    return 1;
  }
  return 2;
}

int BestValidTransition(const ParserState& state, const float* scores) {
  int best = -1;
  auto consider = [&](int transition) {
    if (best < 0 || scores[transition] > scores[best]) best = transition;
  };
  if (state.CanShift()) consider(kShift);
  for (int group = 0; group < kRelationGroups; ++group) {
    if (state.CanLeft()) consider(LeftIn(group));
    if (state.CanRight()) consider(RightIn(group));
  }
  return best;
}

int BestLabel(const ParserTables& tables, int group, int head, int words, const float* scores) {
  if (head == words) return tables.root_relation;
  int best = -1, best_any = -1;
  for (int l = 0; l < static_cast<int>(tables.relations.size()); ++l) {
    if (l == tables.root_relation) continue;
    if (best_any < 0 || scores[l] > scores[best_any]) best_any = l;
    if (tables.groups[l] == group && (best < 0 || scores[l] > scores[best])) best = l;
  }
  return best >= 0 ? best : best_any;
}

void ParseWords(const ParserTables& tables, std::span<const uint64_t> words,
                std::span<const uint16_t> tags, ParserState* state, std::vector<float>* scores) {
  uint64_t features[kMaxFeatures];
  float transition_scores[kTransitions];
  state->Reset(static_cast<int>(words.size()));
  while (!state->Done()) {
    std::size_t count = ParserFeatures(*state, words, tags, features);
    std::fill(std::begin(transition_scores), std::end(transition_scores), 0.0f);
    tables.transitions.Score(features, count, transition_scores);
    const int transition = BestValidTransition(*state, transition_scores);
    int relation = -1;
    if (transition != kShift) {
      const int head = state->ArcHead(transition);
      count = LabelFeatures(*state, head, words, tags, features);
      scores->assign(tables.labels.padded_classes(), 0.0f);
      tables.labels.Score(features, count, scores->data());
      relation = BestLabel(tables, GroupOf(transition), head, state->n, scores->data());
    }
    state->Apply(transition, relation);
  }
}

}  // namespace eventgraph::syntax_internal
