// A string -> value table for the per-token lookups of the inner loops.
//
// std::unordered_map hashes with a general byte hash, divides by a prime to
// find the bucket and follows a node pointer; a word of news text is short, so
// this table hashes it in a few multiplications, masks a power of two and
// probes a flat array that keeps each slot's full hash, comparing strings only
// on a hash hit. Entries live in insertion order (like a vector: a reference
// to a value is valid until the next insertion).
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventgraph {

inline uint64_t ShortStringHash(std::string_view text) {
  const char* at = text.data();
  const std::size_t size = text.size();
  auto load64 = [](const char* from) {
    uint64_t value;
    std::memcpy(&value, from, 8);
    return value;
  };
  auto load32 = [](const char* from) {
    uint32_t value;
    std::memcpy(&value, from, 4);
    return uint64_t{value};
  };
  uint64_t hash = 0x9E3779B97F4A7C15ull ^ (size * 0xFF51AFD7ED558CCDull);
  uint64_t last = 0;  // the last bytes, read whole (overlapping what came before)
  if (size >= 8) {
    for (std::size_t done = 0; done + 8 < size; done += 8) {
      hash = (hash ^ load64(at + done)) * 0xBF58476D1CE4E5B9ull;
      hash ^= hash >> 31;
    }
    last = load64(at + size - 8);
  } else if (size >= 4) {
    last = load32(at) | load32(at + size - 4) << 32;
  } else if (size > 0) {
    last = uint64_t{static_cast<unsigned char>(at[0])} |
           uint64_t{static_cast<unsigned char>(at[size / 2])} << 8 |
           uint64_t{static_cast<unsigned char>(at[size - 1])} << 16;
  }
  hash = (hash ^ last) * 0x94D049BB133111EBull;
  return hash ^ (hash >> 29);
}

// A word with its ShortStringHash, computed once: a token is looked up in a dozen tables.
struct HashedWord {
  std::string_view text;
  uint64_t hash = 0;
};

template <typename Value>
class FlatWordMap {
 public:
  using Entry = std::pair<std::string, Value>;

  const Value* Find(std::string_view key) const { return Find({key, ShortStringHash(key)}); }
  const Value* Find(HashedWord key) const {
    const uint32_t index = IndexOf(key);
    return index == kEmpty ? nullptr : &entries_[index].second;
  }
  Value* Find(std::string_view key) { return const_cast<Value*>(std::as_const(*this).Find(key)); }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // The value for `key`, added (value-initialised) when missing.
  Value& operator[](std::string_view key) {
    if (Value* found = Find(key)) return *found;
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    const uint64_t hash = ShortStringHash(key);
    Place(hash, static_cast<uint32_t>(entries_.size()));
    return entries_.emplace_back(std::string(key), Value{}).second;
  }

  // The std::unordered_map calls the lexicon tables are read and built with.
  auto find(std::string_view key) const { return find(HashedWord{key, ShortStringHash(key)}); }
  auto find(HashedWord key) const {
    const uint32_t index = IndexOf(key);
    return index == kEmpty ? entries_.end() : entries_.begin() + index;
  }
  std::size_t count(std::string_view key) const { return Contains(key) ? 1 : 0; }
  std::size_t count(HashedWord key) const { return Find(key) != nullptr ? 1 : 0; }
  bool contains(std::string_view key) const { return Contains(key); }
  const Value& at(std::string_view key) const {
    if (const Value* found = Find(key)) return *found;
    throw std::out_of_range("FlatWordMap::at: " + std::string(key));
  }
  // Adds `value` under `key` unless the key is there; says whether it was added.
  std::pair<Value*, bool> emplace(std::string_view key, Value value) {
    if (Value* found = Find(key)) return {found, false};
    Value& added = (*this)[key];
    added = std::move(value);
    return {&added, true};
  }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // In insertion order.
  auto begin() { return entries_.begin(); }
  auto end() { return entries_.end(); }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {         // 8 bytes, so that a table of a thousand words stays in the L1 cache
    uint32_t hash = 0;  // the hash's high half (its low bits chose the slot)
    uint32_t index = kEmpty;
  };

  // Inline for short words, where a call to memcmp costs more than the comparison.
  static bool Equal(const std::string& stored, std::string_view key) {
    if (stored.size() != key.size()) return false;
    if (key.size() > 16) return std::memcmp(stored.data(), key.data(), key.size()) == 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (stored[i] != key[i]) return false;
    }
    return true;
  }

  // Two bits per word in a filter a sixteenth the size of the slots: most words looked up are in
  // none of the tables, and the filter of a large table stays in the cache where its slots do not.
  std::size_t FilterBit(uint64_t hash, int which) const {
    return static_cast<std::size_t>(hash >> (which == 0 ? 20 : 42)) & filter_mask_;
  }
  bool MayContain(uint64_t hash) const {
    const std::size_t a = FilterBit(hash, 0), b = FilterBit(hash, 1);
    return ((filter_[a / 64] >> (a % 64)) & (filter_[b / 64] >> (b % 64)) & 1) != 0;
  }
  void AddToFilter(uint64_t hash) {
    for (int which = 0; which < 2; ++which) {
      const std::size_t bit = FilterBit(hash, which);
      filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }

  uint32_t IndexOf(HashedWord word) const {
    if (entries_.empty()) return kEmpty;
    const std::string_view key = word.text;
    const uint64_t hash = word.hash;
    assert(hash == ShortStringHash(key));
    if (!MayContain(hash)) return kEmpty;
    for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const Slot& here = slots_[slot];
      if (here.index == kEmpty) return kEmpty;
      if (here.hash == static_cast<uint32_t>(hash >> 32) && Equal(entries_[here.index].first, key))
        return here.index;
    }
  }
  void Place(uint64_t hash, uint32_t index) {
    std::size_t slot = hash & mask_;
    while (slots_[slot].index != kEmpty) slot = (slot + 1) & mask_;
    slots_[slot] = {static_cast<uint32_t>(hash >> 32), index};
    AddToFilter(hash);
  }

  void Grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    // Four bits per slot (at least eight per word, as a table is at most half full).
    filter_.assign(std::max<std::size_t>(1, slots_.size() * 4 / 64), 0);
    filter_mask_ = filter_.size() * 64 - 1;
    for (uint32_t i = 0; i < entries_.size(); ++i) Place(ShortStringHash(entries_[i].first), i);
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<uint64_t> filter_;
  std::size_t filter_mask_ = 0;
};

}  // namespace eventgraph
