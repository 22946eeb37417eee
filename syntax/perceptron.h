// Internal to syntax/: the averaged perceptron both the tagger and the parser
// learn with, in its two forms.
//
// TrainingWeights: what the trainer updates (per feature, the classes it has
// touched with their running sums for averaging). AveragedWeights: what a
// model file holds and Analyze reads: per feature a short row of (class,
// weight) pairs, found through an open-addressing table of feature hashes.
// Features are 64-bit hashes of (template, values): FeatureHash below.
#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventgraph/prefetch.h"
#include "eventgraph/word_map.h"

namespace eventgraph::syntax_internal {

// Combines a running feature hash with one more value (a splitmix64 step):
// FeatureHash(FeatureHash(template, a), b).
inline uint64_t FeatureHash(uint64_t seed, uint64_t value) {
  uint64_t x = seed ^ (value + 0x9E3779B97F4A7C15ull + (seed << 6) + (seed >> 2));
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
inline uint64_t WordHash(std::string_view word) { return ShortStringHash(word) | 1; }

class AveragedWeights {
 public:
  struct Entry {
    float weight;
    uint16_t cls;
  };

  // Adds each feature's weights to scores[class]; unknown features add nothing. `count` is at
  // most kMaxScoredFeatures; `scores` has room for padded_classes(). Finish() must have run.
  //
  // Shaped for the memory, not the arithmetic: most features of a word miss the cache, so the
  // slots of all of them are asked for first, then the rows of those found, and only then is
  // anything added, letting the misses overlap instead of following one another. Slots are 8
  // bytes and sparse weights 4 (16-bit, with one scale for the table) so that more of the table
  // stays in cache. A feature with weights for many classes keeps them as a dense row of floats.
  void Score(const uint64_t* features, std::size_t count, float* scores) const {
    if (!inline_.empty()) return ScoreInline(features, count, scores);
    if (slots_.empty()) return;
    for (std::size_t i = 0; i < count; ++i) PrefetchLine(&slots_[features[i] & mask_]);
    uint32_t found[kMaxScoredFeatures];
    std::size_t rows = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const uint32_t ref = Find(features[i]);
      if (ref == kEmpty) continue;
      PrefetchLine(ref & kDense ? static_cast<const void*>(dense_.data() + (ref & ~kDense) * padded_)
                                : static_cast<const void*>(packed_.data() + ref));
      found[rows++] = ref;
    }
    for (std::size_t r = 0; r < rows; ++r) {
      const uint32_t ref = found[r];
      if (ref & kDense) {
        AddDense(dense_.data() + (ref & ~kDense) * padded_, scores);
      } else {
        const uint32_t* entry = packed_.data() + ref;
        const uint32_t entries = *entry++;
        for (uint32_t k = 0; k < entries; ++k) {
          scores[entry[k] >> 16] += static_cast<float>(static_cast<int16_t>(entry[k] & 0xFFFF)) * scale_;
        }
      }
    }
  }
  static constexpr std::size_t kMaxScoredFeatures = 128;
  // A table of at most this many classes keeps its weights in the hash slot itself (the
  // parser's transitions): one memory access a feature, no row to follow.
  static constexpr std::size_t kInlineClasses = 7;

  // Classes must be set before rows are added; Finish() after the last row, before Score.
  void SetClasses(std::size_t classes);
  void Finish();
  std::size_t classes() const { return classes_; }
  std::size_t padded_classes() const { return padded_; }
  std::size_t features() const { return rows_.size(); }
  std::size_t entries() const { return entries_.size(); }

  // Rows are added once each, with their entries (sorted by class).
  void AddRow(uint64_t feature, const Entry* entries, uint32_t count);
  void Write(std::ostream& out) const;
  bool Read(std::istream& in, std::size_t classes);

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  static constexpr uint32_t kDense = 0x80000000u;
  struct Row {
    uint64_t feature = 0;
    uint32_t offset = 0, count = 0;  // in entries_
  };
  struct Slot {
    uint32_t check = 0;     // the feature's high 32 bits (its low bits chose the slot)
    uint32_t ref = kEmpty;  // kDense | dense row, or the offset of its count in packed_
  };
  // An inline slot is 16 bytes (four to a cache line). 16 bits of the feature check it (0 marks
  // an empty one): an unknown feature passes for a known one about once in 30,000 lookups, and
  // adds that feature's weights.
  struct InlineSlot {
    uint16_t check = 0;
    int16_t weight[kInlineClasses] = {};
  };
  static uint16_t InlineCheck(uint64_t feature) {
    const auto check = static_cast<uint16_t>(feature >> 48);
    return check == 0 ? 1 : check;
  }
  void ScoreInline(const uint64_t* features, std::size_t count, float* scores) const {
    for (std::size_t i = 0; i < count; ++i) PrefetchLine(&inline_[features[i] & mask_]);
    int32_t sums[kInlineClasses] = {};
    for (std::size_t i = 0; i < count; ++i) {
      const uint16_t check = InlineCheck(features[i]);
      for (std::size_t slot = features[i] & mask_;; slot = (slot + 1) & mask_) {
        const InlineSlot& at = inline_[slot];
        if (at.check == 0) break;
        if (at.check == check) {
          for (std::size_t k = 0; k < kInlineClasses; ++k) sums[k] += at.weight[k];
          break;
        }
      }
    }
    for (std::size_t k = 0; k < classes_; ++k) scores[k] += static_cast<float>(sums[k]) * scale_;
  }
  uint32_t Find(uint64_t feature) const {
    const uint32_t check = static_cast<uint32_t>(feature >> 32);
    for (std::size_t slot = feature & mask_;; slot = (slot + 1) & mask_) {
      const Slot& at = slots_[slot];
      if (at.ref == kEmpty) return kEmpty;
      if (at.check == check) return at.ref;
    }
  }
  void AddDense(const float* row, float* scores) const {
    for (std::size_t k = 0; k < padded_; k += 4) {
      scores[k] += row[k];
      scores[k + 1] += row[k + 1];
      scores[k + 2] += row[k + 2];
      scores[k + 3] += row[k + 3];
    }
  }

  std::size_t classes_ = 0, padded_ = 0;
  std::vector<Row> rows_;       // in the order added (what Write writes)
  std::vector<Entry> entries_;  // every row's entries, in row order
  // What Score reads, made by Finish().
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<uint32_t> packed_;  // per sparse row: count, then (class << 16 | int16 weight)
  std::vector<float> dense_;      // padded_ weights per dense row
  std::vector<InlineSlot> inline_;  // for kInlineClasses or fewer: instead of the three above
  float scale_ = 1.0f;            // a packed weight's unit
};

class TrainingWeights {
 public:
  explicit TrainingWeights(std::size_t classes) : classes_(classes) {}

  void Score(const uint64_t* features, std::size_t count, float* scores) const;
  // weight[f][cls] += delta for each feature; `now` counts the instances seen so far.
  void Update(const uint64_t* features, std::size_t count, std::size_t cls, float delta,
              uint64_t now);
  // The weights averaged over `now` instances, features in hash order (so that the same
  // training gives the same bytes), entries whose |average| is below `prune` dropped, and
  // features none of whose |averages| reaches `prune_rows`.
  AveragedWeights Average(uint64_t now, float prune, float prune_rows = 0.0f) const;

 private:
  struct Entry {
    uint16_t cls;
    float weight;
    double total;
    uint64_t stamp;
  };
  std::size_t classes_;
  std::unordered_map<uint64_t, std::vector<Entry>> rows_;
};

}  // namespace eventgraph::syntax_internal
