// BlockList: a list of millions, grown and freed in fixed blocks.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace eventgraph {

// A list of millions that grows in fixed blocks: growing never copies what it holds (nor holds it
// twice), and its blocks can be freed one by one once their elements are used up.
template <typename T>
class BlockList {
 public:
  static constexpr std::size_t kBlock = std::size_t{1} << 15;

  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](std::size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
  void push_back(T value) {
    if (size_ % kBlock == 0) blocks_.push_back(std::make_unique<T[]>(kBlock));
    blocks_[size_ / kBlock][size_ % kBlock] = std::move(value);
    ++size_;
  }
  // Frees the block of element i when i is its last (or the list's last): call in order.
  void ReleaseThrough(std::size_t i) {
    if ((i + 1) % kBlock == 0 || i + 1 == size_) blocks_[i / kBlock].reset();
  }
  void clear() {
    blocks_.clear();
    size_ = 0;
  }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace eventgraph
