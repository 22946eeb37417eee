// BucketIndex: short lists of ids by a 64-bit key, in one open-addressing table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "eventgraph/prefetch.h"

namespace eventgraph {

// Lists of clusters by a 64-bit key, in one open-addressing table: merging
// looks buckets up several times per mention, and std::unordered_map's
// node-per-entry layout made those lookups the largest cost of the merge.
// Only a list's latest `keep` entries are ever read, so a list holds at most
// twice that many: in a large corpus most buckets fill, and their older
// entries were most of the merge's memory.
class BucketIndex {
 public:
  using List = std::vector<uint32_t>;  // cluster indices, the latest last
  explicit BucketIndex(std::size_t keep) : keep_(keep) { Rehash(1024); }
  void Add(uint64_t key, std::size_t cluster) {
    std::size_t slot = Find(key);
    if (slots_[slot].list == 0) {
      if (2 * (lists_.size() + 1) > slots_.size()) {
        Rehash(2 * slots_.size());
        slot = Find(key);
      }
      lists_.emplace_back();
      slots_[slot] = {key, static_cast<uint32_t>(lists_.size())};
    }
    List& list = lists_[slots_[slot].list - 1];
    if (list.size() == 2 * keep_) list.erase(list.begin(), list.begin() + keep_);
    list.push_back(static_cast<uint32_t>(cluster));
  }
  const List* find(uint64_t key) const {
    const std::size_t slot = Find(key);
    return slots_[slot].list == 0 ? nullptr : &lists_[slots_[slot].list - 1];
  }
  // Asks for the slot where a lookup of `key` starts.
  void Prefetch(uint64_t key) const { PrefetchLine(&slots_[Mix(key) & (slots_.size() - 1)]); }

 private:
  // A key and its list together: a lookup that misses the cache misses it once.
  struct Slot {
    uint64_t key = 0;
    uint32_t list = 0;  // 1 + index into lists_; 0 = empty
  };
  static uint64_t Mix(uint64_t key) {  // MurmurHash3's finaliser
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    key *= 0xc4ceb9fe1a85ec53ULL;
    return key ^ (key >> 33);
  }
  std::size_t Find(uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = Mix(key) & mask;
    while (slots_[slot].list != 0 && slots_[slot].key != key) slot = (slot + 1) & mask;
    return slot;
  }
  void Rehash(std::size_t size) {
    std::vector<Slot> slots(size);
    for (const Slot& old : slots_) {
      if (old.list == 0) continue;
      std::size_t slot = Mix(old.key) & (size - 1);
      while (slots[slot].list != 0) slot = (slot + 1) & (size - 1);
      slots[slot] = old;
    }
    slots_ = std::move(slots);
  }
  std::size_t keep_;
  std::vector<Slot> slots_;
  std::vector<List> lists_;
};

}  // namespace eventgraph
