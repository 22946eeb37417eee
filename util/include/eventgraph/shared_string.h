// An immutable string that copies share instead of duplicating.
//
// A graph of millions of mentions holds the same few values over and over: the
// sentence of a mention is held by every mention and relation stated in it,
// and triggers, rules and modalities come from small vocabularies. A
// SharedString is one pointer (8 bytes, where a std::string is 32) to a
// reference-counted block holding the characters once; copying it copies the
// pointer. Reads as a std::string_view; the empty string holds no block.
#pragma once

#include <array>
#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace eventgraph {

class SharedString {
 public:
  SharedString() noexcept = default;
  SharedString(std::string_view text) : block_(Make(text)) {}  // NOLINT: implicit by design
  SharedString(const std::string& text) : block_(Make(text)) {}
  SharedString(const char* text) : block_(Make(text)) {}
  SharedString(const SharedString& other) noexcept : block_(other.block_) { Retain(); }
  SharedString(SharedString&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  SharedString& operator=(const SharedString& other) noexcept {
    SharedString copy(other);
    std::swap(block_, copy.block_);
    return *this;
  }
  SharedString& operator=(SharedString&& other) noexcept {
    SharedString moved(std::move(other));
    std::swap(block_, moved.block_);
    return *this;
  }
  ~SharedString() { Release(); }

  std::string_view view() const noexcept {
    return block_ ? std::string_view(Characters(block_), block_->size) : std::string_view();
  }
  operator std::string_view() const noexcept { return view(); }  // NOLINT: implicit by design
  std::string str() const { return std::string(view()); }
  const char* c_str() const noexcept { return block_ ? Characters(block_) : ""; }
  const char* data() const noexcept { return c_str(); }
  std::size_t size() const noexcept { return block_ ? block_->size : 0; }
  bool empty() const noexcept { return block_ == nullptr; }
  void clear() noexcept {
    Release();
    block_ = nullptr;
  }
  // Whether two strings share one block (then they are equal without comparing).
  bool SharesWith(const SharedString& other) const noexcept { return block_ == other.block_; }

  friend bool operator==(const SharedString& a, const SharedString& b) noexcept {
    return a.block_ == b.block_ || a.view() == b.view();
  }
  friend bool operator==(const SharedString& a, std::string_view b) noexcept {
    return a.view() == b;
  }
  friend bool operator==(const SharedString& a, const std::string& b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend bool operator==(const SharedString& a, const char* b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const SharedString& a, const SharedString& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::ostream& operator<<(std::ostream& out, const SharedString& text) {
    return out << text.view();
  }

 private:
  // 8 bytes: a graph holds millions of blocks (a sentence's text is one). Four billion
  // references to one block would take 32 GB of pointers first.
  struct Block {
    std::atomic<uint32_t> references;
    uint32_t size;
  };
  static char* Characters(Block* block) noexcept { return reinterpret_cast<char*>(block + 1); }
  static Block* Make(std::string_view text) {
    if (text.empty()) return nullptr;
    if (text.size() > UINT32_MAX) throw std::length_error("SharedString: text of 4 GiB or more");
    void* memory = ::operator new(sizeof(Block) + text.size() + 1);
    Block* block = new (memory) Block{{1}, static_cast<uint32_t>(text.size())};
    std::memcpy(Characters(block), text.data(), text.size());
    Characters(block)[text.size()] = '\0';
    return block;
  }
  void Retain() noexcept {
    if (block_) block_->references.fetch_add(1, std::memory_order_relaxed);
  }
  void Release() noexcept {
    if (block_ && block_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      block_->~Block();
      ::operator delete(block_);
    }
  }

  Block* block_ = nullptr;
};

// One SharedString per distinct value, handed out to any thread: the values a
// corpus repeats (triggers, modalities, time expressions) are held once, and a
// value seen before costs a lookup, not an allocation. Sharded, so that
// threads interning at once rarely wait on each other.
class SharedStringPool {
 public:
  SharedString Intern(std::string_view text) {
    if (text.empty()) return SharedString();
    // Hashed once: the hash picks the shard and is kept with the string for the set's buckets.
    const Key key{text, std::hash<std::string_view>()(text)};
    Shard& shard = shards_[key.hash % kShards];
    std::lock_guard<std::mutex> lock(shard.mutex);
    auto found = shard.strings.find(key);
    if (found == shard.strings.end())
      found = shard.strings.insert({SharedString(text), key.hash}).first;
    return found->value;
  }

 private:
  struct Key {
    std::string_view text;
    std::size_t hash;
  };
  struct Entry {
    SharedString value;
    std::size_t hash;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(const Key& key) const noexcept { return key.hash; }
    std::size_t operator()(const Entry& entry) const noexcept { return entry.hash; }
  };
  struct Equal {
    using is_transparent = void;
    static std::string_view Text(const Key& key) { return key.text; }
    static std::string_view Text(const Entry& entry) { return entry.value.view(); }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const noexcept {
      return Text(a) == Text(b);
    }
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_set<Entry, Hash, Equal> strings;
  };
  static constexpr std::size_t kShards = 16;
  std::array<Shard, kShards> shards_;
};

}  // namespace eventgraph

template <>
struct std::hash<eventgraph::SharedString> {
  std::size_t operator()(const eventgraph::SharedString& text) const noexcept {
    return std::hash<std::string_view>()(text.view());
  }
};
