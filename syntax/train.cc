// Training the backbone from CoNLL-U treebanks, and scoring it.
//
// In order: WordNet is read; the joint tag set, the tag dictionary and the
// ambiguity classes are counted from the training words; the tagger is
// trained (and, for the parser's sake, trained again on each of
// `jackknife_folds` parts left out, to tag that part); the lemma table keeps
// the treebank lemmas the rules would get wrong; the parser is trained with a
// dynamic oracle on the jackknifed tags. Everything runs in one thread in a
// fixed order with one seeded generator, so the same inputs give the same bytes.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "eventgraph/syntax_train.h"
#include "eventgraph/text_util.h"
#include "model.h"

namespace eventgraph {

using namespace syntax_internal;

namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Fisher-Yates with the engine's raw output: std::shuffle's algorithm is the library's choice.
  void Shuffle(std::vector<std::size_t>* items) {
    for (std::size_t i = items->size(); i > 1; --i) {
      std::swap((*items)[i - 1], (*items)[engine_() % i]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

std::string UniversalRelation(const std::string& relation) {
  return relation.substr(0, relation.find(':'));
}

struct TrainingSentence {
  std::vector<std::string_view> words;
  std::vector<uint16_t> tags;        // gold joint tags
  std::vector<uint16_t> parse_tags;  // the tags the parser trains on (jackknifed)
  std::vector<int> heads;            // internal: the root is word n
  std::vector<int> labels;
  bool parseable = true;
};

void Log(const SyntaxTrainOptions& options, const std::string& line) {
  if (options.log != nullptr) *options.log << line << std::endl;
}

// Tag dictionary and ambiguity classes, counted from the given sentences.
void CountWords(const std::vector<TrainingSentence>& sentences,
                const std::vector<std::size_t>& which, std::size_t tag_count,
                TaggerTables* tables) {
  std::map<std::string, std::vector<uint32_t>> by_form, by_lower;
  for (std::size_t s : which) {
    const TrainingSentence& sentence = sentences[s];
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
      auto& form_counts = by_form[std::string(sentence.words[i])];
      auto& lower_counts = by_lower[AsciiLower(sentence.words[i])];
      if (form_counts.empty()) form_counts.assign(tag_count, 0);
      if (lower_counts.empty()) lower_counts.assign(tag_count, 0);
      ++form_counts[sentence.tags[i]];
      ++lower_counts[sentence.tags[i]];
    }
  }
  tables->unambiguous = {};
  tables->ambiguity = {};
  for (const auto& [form, counts] : by_form) {
    uint32_t total = 0, best = 0;
    std::size_t best_tag = 0;
    for (std::size_t tag = 0; tag < counts.size(); ++tag) {
      total += counts[tag];
      if (counts[tag] > best) best = counts[tag], best_tag = tag;
    }
    if (total >= 20 && best >= 0.99 * total) {
      tables->unambiguous[form] = static_cast<uint16_t>(best_tag);
    }
  }
  for (const auto& [lower, counts] : by_lower) {
    uint32_t total = 0;
    for (uint32_t count : counts) total += count;
    if (total < 3) continue;  // rare words stay unknown, as unseen words are at run time
    uint64_t hash = 0x3C1A55ull;
    for (std::size_t tag = 0; tag < counts.size(); ++tag) {
      if (counts[tag] * 20 >= total) hash = FeatureHash(hash, tag + 1);
    }
    tables->ambiguity[lower] = hash;
  }
}

AveragedWeights TrainTagger(const std::vector<TrainingSentence>& sentences,
                            std::vector<std::size_t> which, const TaggerTables& tables,
                            const WordNetLexicon& wordnet, const SyntaxTrainOptions& options,
                            Random& random, const std::string& what) {
  const std::size_t tag_count = tables.upos.size();
  TrainingWeights weights(tag_count);
  std::vector<WordFeatures> described;
  std::vector<uint16_t> tags;
  std::vector<float> scores(tag_count);
  uint64_t features[kMaxFeatures];
  uint64_t now = 0;
  for (int epoch = 0; epoch < options.tagger_epochs; ++epoch) {
    random.Shuffle(&which);
    std::size_t right = 0, seen = 0;
    for (std::size_t s : which) {
      const TrainingSentence& sentence = sentences[s];
      DescribeWords(sentence.words, tables, wordnet, &described);
      tags.assign(sentence.words.size(), 0);
      for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        ++now;
        ++seen;
        const uint16_t gold = sentence.tags[i];
        if (const uint16_t* fixed = tables.unambiguous.Find(sentence.words[i])) {
          tags[i] = *fixed;
          right += *fixed == gold;
          continue;
        }
        std::size_t count = TaggerFeatures(described, i, tags, features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        weights.Score(features, count, scores.data());
        uint16_t guess = static_cast<uint16_t>(std::max_element(scores.begin(), scores.end()) -
                                               scores.begin());
        if (guess != gold) {
          weights.Update(features, count, gold, 1.0f, now);
          weights.Update(features, count, guess, -1.0f, now);
        } else {
          ++right;
        }
        tags[i] = guess;
      }
    }
    Log(options, what + " epoch " + std::to_string(epoch + 1) + ": training accuracy " +
                     std::to_string(100.0 * static_cast<double>(right) /
                                    static_cast<double>(std::max<std::size_t>(seen, 1))));
  }
  return weights.Average(now, options.prune);
}

// The dynamic oracle's costs (Goldberg & Nivre 2013): how many gold arcs still reachable a
// transition makes unreachable.
struct Costs {
  int shift = 0, left = 0, right = 0;
};

Costs TransitionCosts(const ParserState& state, const std::vector<int>& gold_heads,
                      std::vector<uint8_t>& in_stack) {
  Costs costs;
  const int n = state.n;
  const int b0 = state.front;
  const int s0 = state.stack.empty() ? -1 : state.stack.back();
  const int s1 = state.stack.size() >= 2 ? state.stack[state.stack.size() - 2] : -1;
  for (int x : state.stack) in_stack[x] = 1;
  if (state.CanShift()) {
    for (int x : state.stack) costs.shift += gold_heads[x] == b0;
    int h = gold_heads[b0];
    if (h >= 0 && h < n && in_stack[h] && h != s0) ++costs.shift;
  }
  if (s0 >= 0) {
    int children_in_buffer = 0;
    for (int d = b0; d < n; ++d) children_in_buffer += gold_heads[d] == s0;
    const int h = gold_heads[s0];
    costs.left = children_in_buffer + (h != b0 && (h == s1 || h > b0));
    costs.right = children_in_buffer + (h != s1 && h >= b0);
  }
  for (int x : state.stack) in_stack[x] = 0;
  return costs;
}

// Trains both classifiers of `tables` (its relations set) by parsing each sentence with them:
// the transition classifier against the dynamic oracle's unlabeled costs, the relation
// classifier on every arc made that is in the gold tree.
// The dynamic oracle's cost of each transition: an arc in the gold tree costs one more in a group
// other than its relation's; a transition the state does not allow costs the most.
void GroupedCosts(const ParserState& state, const TrainingSentence& sentence,
                  const std::vector<int>& groups, std::vector<uint8_t>& in_stack, int* costs) {
  const Costs unlabeled = TransitionCosts(state, sentence.heads, in_stack);
  std::fill(costs, costs + kTransitions, std::numeric_limits<int>::max());
  if (state.CanShift()) costs[kShift] = unlabeled.shift;
  if (state.stack.empty()) return;
  const int s0 = state.stack.back();
  const int gold_group = groups[sentence.labels[s0]];
  for (int group = 0; group < kRelationGroups; ++group) {
    if (state.CanLeft()) {
      costs[LeftIn(group)] = unlabeled.left + (sentence.heads[s0] == state.front &&
                                               group != gold_group);
    }
    if (state.CanRight()) {
      const int s1 = state.stack[state.stack.size() - 2];
      costs[RightIn(group)] = unlabeled.right + (sentence.heads[s0] == s1 && group != gold_group);
    }
  }
}

struct RelationCounts {
  std::size_t right = 0, seen = 0;
};

// The relation of the arc `transition` makes, learnt from when the arc is in the gold tree (and
// then the gold one when `following_gold`).
int TrainRelation(const ParserTables& tables, TrainingWeights& labels, const ParserState& state,
                  int transition, const TrainingSentence& sentence,
                  std::span<const uint64_t> word_hashes, bool following_gold, uint64_t now,
                  std::vector<float>* scores, RelationCounts* counts) {
  uint64_t features[kMaxFeatures];
  const int dependent = state.stack.back();
  const int head = state.ArcHead(transition);
  const std::size_t count =
      LabelFeatures(state, head, word_hashes, sentence.parse_tags, features);
  std::fill(scores->begin(), scores->end(), 0.0f);
  labels.Score(features, count, scores->data());
  int relation = BestLabel(tables, GroupOf(transition), head, state.n, scores->data());
  if (sentence.heads[dependent] != head) return relation;
  const int gold = sentence.labels[dependent];
  ++counts->seen;
  if (relation == gold) {
    ++counts->right;
    return relation;
  }
  labels.Update(features, count, gold, 1.0f, now);
  labels.Update(features, count, relation, -1.0f, now);
  return following_gold ? gold : relation;
}

void TrainParser(const std::vector<TrainingSentence>& sentences, const SyntaxTrainOptions& options,
                 Random& random, ParserTables* tables) {
  const std::size_t relations = tables->relations.size();
  TrainingWeights transitions(kTransitions), labels(relations);
  std::vector<std::size_t> order;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].parseable) order.push_back(s);
  }
  std::vector<std::vector<uint64_t>> word_hashes(sentences.size());
  for (std::size_t s : order) {
    for (std::string_view word : sentences[s].words) {
      word_hashes[s].push_back(WordHash(AsciiLower(word)));
    }
  }
  ParserState state;
  std::vector<float> label_scores(relations);
  std::vector<uint8_t> in_stack;
  uint64_t features[kMaxFeatures];
  uint64_t now = 0;
  for (int epoch = 0; epoch < options.parser_epochs; ++epoch) {
    random.Shuffle(&order);
    std::size_t right = 0, seen = 0;
    RelationCounts relations_counted;
    for (std::size_t s : order) {
      const TrainingSentence& sentence = sentences[s];
      const int n = static_cast<int>(sentence.words.size());
      in_stack.assign(n + 1, 0);
      state.Reset(n);
      while (!state.Done()) {
        ++now;
        ++seen;
        std::size_t count = ParserFeatures(state, word_hashes[s], sentence.parse_tags, features);
        float scores[kTransitions] = {};
        transitions.Score(features, count, scores);
        int costs[kTransitions];
        GroupedCosts(state, sentence, tables->groups, in_stack, costs);
        const int predicted = BestValidTransition(state, scores);
        const int least = *std::min_element(std::begin(costs), std::end(costs));
        int best_gold = -1;
        for (int t = 0; t < kTransitions; ++t) {
          if (costs[t] == least && (best_gold < 0 || scores[t] > scores[best_gold])) best_gold = t;
        }
        int next = predicted;
        bool following_gold = true;
        if (costs[predicted] > least) {
          transitions.Update(features, count, best_gold, 1.0f, now);
          transitions.Update(features, count, predicted, -1.0f, now);
          following_gold = epoch < options.explore_from || random.Uniform() >= options.explore;
          if (following_gold) next = best_gold;
        } else {
          ++right;
        }
        const int relation =
            next == kShift ? -1
                           : TrainRelation(*tables, labels, state, next, sentence, word_hashes[s],
                                           following_gold, now, &label_scores, &relations_counted);
        state.Apply(next, relation);
      }
    }
    auto percent = [](std::size_t part, std::size_t whole) {
      return std::to_string(100.0 * static_cast<double>(part) /
                            static_cast<double>(std::max<std::size_t>(whole, 1)));
    };
    Log(options, "parser epoch " + std::to_string(epoch + 1) + ": transitions right " +
                     percent(right, seen) + ", relations right " +
                     percent(relations_counted.right, relations_counted.seen));
  }
  tables->transitions = transitions.Average(now, options.prune, options.prune_transitions);
  tables->labels = labels.Average(now, options.prune);
}

}  // namespace

namespace {

using TagIds = std::map<std::pair<std::string, std::string>, uint16_t>;
using RelationIds = std::map<std::string, int>;

// Joint tags and relations, numbered in sorted order.
Status NumberTagsAndRelations(const std::vector<ConlluSentence>& treebank,
                              SyntaxModel::Parts* parts, TagIds* tag_ids,
                              RelationIds* relation_ids) {
  std::set<std::pair<std::string, std::string>> joint;
  std::set<std::string> relation_names;
  for (const ConlluSentence& sentence : treebank) {
    for (const ConlluWord& word : sentence.words) {
      Upos upos;
      if (!ParseUpos(word.upos, &upos)) {
        return Status(StatusCode::kDataError, "unknown UPOS '" + word.upos + "' in the treebank");
      }
      joint.insert({word.upos, word.xpos});
      if (word.head > 0) relation_names.insert(word.deprel);
    }
  }
  relation_names.insert("root");
  TaggerTables& tagger = parts->tagger;
  for (const auto& tag : joint) {
    (*tag_ids)[tag] = static_cast<uint16_t>(tagger.upos.size());
    Upos upos;
    ParseUpos(tag.first, &upos);
    tagger.upos.push_back(upos);
    tagger.xpos.push_back(tag.second);
  }
  for (const std::string& name : relation_names) {
    (*relation_ids)[name] = static_cast<int>(parts->parser.relations.size());
    parts->parser.relations.push_back(name);
  }
  if (relation_ids->size() > 64) return Status(StatusCode::kDataError, "more than 64 relations");
  parts->parser.root_relation = relation_ids->at("root");
  for (const std::string& name : parts->parser.relations) {
    parts->parser.groups.push_back(RelationGroup(name));
  }
  return Status();
}

std::vector<TrainingSentence> MakeTrainingSentences(const std::vector<ConlluSentence>& treebank,
                                                    const TagIds& tag_ids,
                                                    const RelationIds& relation_ids) {
  std::vector<TrainingSentence> sentences(treebank.size());
  for (std::size_t s = 0; s < treebank.size(); ++s) {
    const ConlluSentence& gold = treebank[s];
    TrainingSentence& sentence = sentences[s];
    const int n = static_cast<int>(gold.words.size());
    sentence.parseable = n <= static_cast<int>(SyntaxModel::kMaxWords);
    for (const ConlluWord& word : gold.words) {
      sentence.words.push_back(word.form);
      sentence.tags.push_back(tag_ids.at({word.upos, word.xpos}));
      if (word.head < 0) sentence.parseable = false;
      sentence.heads.push_back(word.head <= 0 ? n : word.head - 1);
      // A word without a head ("_") leaves its sentence out of the parser's training.
      sentence.labels.push_back(relation_ids.at(word.head <= 0 ? "root" : word.deprel));
    }
  }
  return sentences;
}

// The tags the parser trains on: each of `jackknife_folds` parts tagged by a tagger trained on
// the others (gold tags with one part).
void JackknifeTags(const SyntaxModel::Parts& parts, const SyntaxTrainOptions& options,
                   const std::vector<std::size_t>& all, Random& random,
                   std::vector<TrainingSentence>* sentences) {
  for (TrainingSentence& sentence : *sentences) sentence.parse_tags = sentence.tags;
  const int folds = std::max(1, options.jackknife_folds);
  if (folds == 1) return;
  std::vector<WordFeatures> described;
  std::vector<float> scores;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<std::size_t> rest, held;
    for (std::size_t s : all) (static_cast<int>(s % folds) == fold ? held : rest).push_back(s);
    TaggerTables fold_tagger;
    fold_tagger.upos = parts.tagger.upos;
    fold_tagger.xpos = parts.tagger.xpos;
    CountWords(*sentences, rest, fold_tagger.upos.size(), &fold_tagger);
    fold_tagger.weights = TrainTagger(*sentences, rest, fold_tagger, parts.wordnet, options,
                                      random, "tagger fold " + std::to_string(fold + 1));
    for (std::size_t s : held) {
      TagWords(fold_tagger, parts.wordnet, (*sentences)[s].words, &described,
               &(*sentences)[s].parse_tags, &scores);
    }
  }
}

// Lemmas: keep a treebank lemma only where the rules (or the entry for the lower-case form)
// would say something else.
void BuildLemmaTable(const std::vector<ConlluSentence>& treebank, SyntaxModel::Parts* parts) {
  std::map<std::string, std::map<std::string, uint32_t>> exact, lowered;
  for (const ConlluSentence& sentence : treebank) {
    for (const ConlluWord& word : sentence.words) {
      if (word.lemma.empty() || word.lemma == "_") continue;
      ++exact[word.form + '\t' + word.xpos][word.lemma];
      ++lowered[AsciiLower(word.form) + '\t' + word.xpos][word.lemma];
    }
  }
  auto most_frequent = [](const std::map<std::string, uint32_t>& counts) {
    auto best = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      if (it->second > best->second) best = it;
    }
    return best->first;
  };
  const TaggerTables& tagger = parts->tagger;
  auto upos_of = [&](const std::string& xpos) {
    for (std::size_t tag = 0; tag < tagger.xpos.size(); ++tag) {
      if (tagger.xpos[tag] == xpos) return tagger.upos[tag];
    }
    return Upos::kX;
  };
  // `checked` is the table each entry is tested against: the rules alone for lower-case forms;
  // the rules with the lower-case entries for exact forms (entries added for exact forms do not
  // change the lower-case lookups of other exact forms).
  auto keep_where_wrong = [&](const auto& table, const Lemmatizer& checked) {
    for (const auto& [key, counts] : table) {
      std::string form = key.substr(0, key.find('\t')), xpos = key.substr(key.find('\t') + 1);
      std::string lemma = most_frequent(counts);
      if (checked.Lemma(form, upos_of(xpos), xpos, parts->wordnet) != lemma) {
        parts->lemmatizer.by_form_and_tag[key] = lemma;
      }
    }
  };
  keep_where_wrong(lowered, Lemmatizer());
  const Lemmatizer lower_only = parts->lemmatizer;
  keep_where_wrong(exact, lower_only);
}

}  // namespace

Result<SyntaxModel> TrainSyntaxModel(const SyntaxTrainOptions& options) {
  std::vector<ConlluSentence> treebank;
  for (const std::string& file : options.train_files) {
    Status read = ReadConllu(file, &treebank);
    if (!read.ok()) return read;
  }
  if (treebank.empty()) return Status(StatusCode::kInvalidArgument, "no training sentences");
  auto parts = std::make_unique<SyntaxModel::Parts>();
  parts->info.description = options.description;
  if (Status wordnet = LoadWordNet(options.wordnet_dir, &parts->wordnet); !wordnet.ok())
    return wordnet;
  TagIds tag_ids;
  RelationIds relation_ids;
  if (Status numbered = NumberTagsAndRelations(treebank, parts.get(), &tag_ids, &relation_ids);
      !numbered.ok())
    return numbered;
  std::vector<TrainingSentence> sentences = MakeTrainingSentences(treebank, tag_ids, relation_ids);

  Random random(options.seed);
  std::vector<std::size_t> all(sentences.size());
  for (std::size_t s = 0; s < all.size(); ++s) all[s] = s;
  JackknifeTags(*parts, options, all, random, &sentences);
  TaggerTables& tagger = parts->tagger;
  CountWords(sentences, all, tagger.upos.size(), &tagger);
  tagger.weights = TrainTagger(sentences, all, tagger, parts->wordnet, options, random, "tagger");
  BuildLemmaTable(treebank, parts.get());
  TrainParser(sentences, options, random, &parts->parser);

  SyntaxModelInfo& info = parts->info;
  info.tags = tagger.upos.size();
  info.relations = parts->parser.relations.size();
  info.tagger_features = tagger.weights.features();
  info.parser_features = parts->parser.transitions.features() + parts->parser.labels.features();
  info.lemma_forms = parts->lemmatizer.by_form_and_tag.size();
  return SyntaxModel(std::move(parts));
}

Status SaveSyntaxModel(const SyntaxModel& model, const std::string& path) {
  return WriteModel(model.parts(), path);
}

SyntaxScores ScoreSyntax(const SyntaxModel& model, const std::vector<ConlluSentence>& gold,
                         std::vector<ConlluSentence>* predicted) {
  SyntaxScores scores;
  std::size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  std::vector<std::string_view> words;
  std::vector<AnalyzedWord> analysis;
  for (const ConlluSentence& sentence : gold) {
    words.clear();
    for (const ConlluWord& word : sentence.words) words.push_back(word.form);
    model.Analyze(words, &analysis);
    ConlluSentence system;
    system.comments = sentence.comments;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const ConlluWord& truth = sentence.words[i];
      const AnalyzedWord& guess = analysis[i];
      ++scores.words;
      upos += truth.upos == UposName(guess.upos);
      xpos += truth.xpos == guess.xpos;
      lemma += truth.lemma == guess.lemma;
      if (truth.head == guess.head) {
        ++uas;
        las += UniversalRelation(truth.deprel) == UniversalRelation(std::string(guess.relation));
      }
      if (predicted != nullptr) {
        ConlluWord word;
        word.form = truth.form;
        word.lemma = guess.lemma;
        word.upos = UposName(guess.upos);
        word.xpos = guess.xpos;
        word.head = guess.head;
        word.deprel = guess.relation;
        system.words.push_back(std::move(word));
      }
    }
    if (predicted != nullptr) predicted->push_back(std::move(system));
  }
  auto percent = [&](std::size_t count) {
    return scores.words == 0 ? 0.0
                             : 100.0 * static_cast<double>(count) / static_cast<double>(scores.words);
  };
  scores.upos = percent(upos);
  scores.xpos = percent(xpos);
  scores.lemma = percent(lemma);
  scores.uas = percent(uas);
  scores.las = percent(las);
  return scores;
}

}  // namespace eventgraph
