// An immutable value that copies share: SharedString's idea for any type.
//
// A graph holds millions of mentions, and the few that are dated repeat a few thousand dates: a
// mention holds one pointer (8 bytes, where std::shared_ptr takes 16) to a reference-counted block
// that holds its value once. The empty handle holds no block and reads as false.
//
//   SharedValue<MentionTime> time = SharedValue<MentionTime>::Make(MentionTime{...});
//   if (time) use(time->value);
#pragma once

#include <atomic>
#include <cstdint>
#include <utility>

namespace eventgraph {

template <typename T>
class SharedValue {
 public:
  SharedValue() noexcept = default;
  static SharedValue Make(T value) {
    SharedValue made;
    made.block_ = new Block{{1}, std::move(value)};
    return made;
  }
  SharedValue(const SharedValue& other) noexcept : block_(other.block_) { Retain(); }
  SharedValue(SharedValue&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  SharedValue& operator=(const SharedValue& other) noexcept {
    SharedValue copy(other);
    std::swap(block_, copy.block_);
    return *this;
  }
  SharedValue& operator=(SharedValue&& other) noexcept {
    SharedValue moved(std::move(other));
    std::swap(block_, moved.block_);
    return *this;
  }
  ~SharedValue() { Release(); }

  explicit operator bool() const noexcept { return block_ != nullptr; }
  const T& operator*() const noexcept { return block_->value; }
  const T* operator->() const noexcept { return &block_->value; }
  const T* get() const noexcept { return block_ ? &block_->value : nullptr; }

 private:
  struct Block {
    std::atomic<uint32_t> references;
    T value;
  };
  void Retain() noexcept {
    if (block_) block_->references.fetch_add(1, std::memory_order_relaxed);
  }
  void Release() noexcept {
    if (block_ && block_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) delete block_;
  }

  Block* block_ = nullptr;
};

}  // namespace eventgraph
