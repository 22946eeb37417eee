// The merge's per-lane bookkeeping: what each document's mentions joined, and the tally of events
// an undated mention finds under the people its article names.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace eventgraph {

// What a lane's mentions joined, document by document, in merge order: chains through two
// arrays, not a map of vectors, as a lane's documents number in the hundreds of thousands and each
// vector was an allocation.
class DocumentLog {
 public:
  explicit DocumentLog(std::size_t documents)
      : last_merged_(documents, kNone), last_told_(documents, kNone) {}
  void Add(std::size_t document, uint32_t order, uint32_t cluster) {
    merged_.push_back({order, cluster, last_merged_[document]});
    last_merged_[document] = static_cast<uint32_t>(merged_.size() - 1);
    const uint32_t told = last_told_[document];
    if (told == kNone || told_[told].cluster != cluster) {
      told_.push_back({0, cluster, told});
      last_told_[document] = static_cast<uint32_t>(told_.size() - 1);
    }
  }
  // fn(cluster) for the latest `most` events the document's mentions joined, newest first; a run
  // of mentions joining one event counts once.
  template <typename Fn>
  void ForLatestTold(std::size_t document, std::size_t most, const Fn& fn) const {
    for (uint32_t at = last_told_[document]; at != kNone && most > 0;
         at = told_[at].previous, --most)
      fn(told_[at].cluster);
  }
  // fn(order, cluster) for each mention merged in the document, newest first.
  template <typename Fn>
  void ForMerged(std::size_t document, const Fn& fn) const {
    for (uint32_t at = last_merged_[document]; at != kNone; at = merged_[at].previous)
      fn(merged_[at].order, merged_[at].cluster);
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Entry {
    uint32_t order, cluster, previous;  // `previous`: the document's entry before, or kNone
  };
  std::vector<Entry> merged_, told_;
  std::vector<uint32_t> last_merged_, last_told_;  // per document
};

// The events an undated mention naming nobody finds under the people its article names, each
// with how many of those people it was found under and how often the article names them: in a
// large corpus such a mention finds hundreds of events, and this count is all it needs of most.
// An open-addressing table stamped by generation, so that a new mention clears nothing.
class SalienceTally {
 public:
  struct Found {
    uint32_t cluster;
    uint32_t last_person;  // the person it was last found under
    int people, times;     // compared as the pair (people, times)
  };
  // Forgets the last mention's events; `most` bounds how many Add calls come.
  void Start(std::size_t most) {
    found_.clear();
    std::size_t size = 1024;
    while (size < 2 * most) size *= 2;
    if (size > slots_.size()) {
      slots_.assign(size, {});
      generation_ = 0;
    }
    if (++generation_ == 0) {
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }
  // `cluster` found under `person`, whom the article names `times` times; each person counts once.
  void Add(uint32_t cluster, uint32_t person, int times) {
    Found& entry = Entry(cluster);
    if (entry.people > 0 && entry.last_person == person) return;
    entry.last_person = person;
    entry.people += 1;
    entry.times += times;
  }
  // The event's salience, counted from all its people rather than the buckets it was found in.
  void Set(uint32_t cluster, int people, int times) {
    Found& entry = Entry(cluster);
    entry.people = people;
    entry.times = times;
    entry.last_person = UINT32_MAX;
  }
  std::vector<Found>& found() { return found_; }

 private:
  struct Slot {
    uint32_t cluster = 0, generation = 0, index = 0;
  };
  Found& Entry(uint32_t cluster) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = (cluster * 0x9E3779B1u) & mask;
    while (slots_[slot].generation == generation_ && slots_[slot].cluster != cluster)
      slot = (slot + 1) & mask;
    if (slots_[slot].generation != generation_) {
      slots_[slot] = {cluster, generation_, static_cast<uint32_t>(found_.size())};
      found_.push_back({cluster, UINT32_MAX, 0, 0});
    }
    return found_[slots_[slot].index];
  }
  std::vector<Slot> slots_;
  uint32_t generation_ = 0;
  std::vector<Found> found_;
};

}  // namespace eventgraph
