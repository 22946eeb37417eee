// IdSet: a small sorted set of 32-bit ids, inline up to four.
#pragma once

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace eventgraph {

// A few ids (below 2^32), sorted, in one array (inline up to four): the merge keeps several
// such sets per event and builds three per mention, where a std::set would
// allocate a node per id.
// Reads like the std::set it replaces.
class IdSet {
 public:
  using Ids = boost::container::small_vector<uint32_t, 4>;  // most sets: no allocation
  using const_iterator = Ids::const_iterator;
  std::pair<const_iterator, bool> insert(std::size_t wide_id) {
    const auto id = static_cast<uint32_t>(wide_id);
    if (ids_.empty() || ids_.back() < id) {
      ids_.push_back(id);
      return {ids_.end() - 1, true};
    }
    auto at = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (*at == id) return {at, false};
    return {ids_.insert(at, id), true};
  }
  std::size_t count(std::size_t id) const {
    return id <= UINT32_MAX &&
                   std::binary_search(ids_.begin(), ids_.end(), static_cast<uint32_t>(id))
               ? 1
               : 0;
  }
  bool empty() const { return ids_.empty(); }
  void swap(IdSet& other) noexcept { ids_.swap(other.ids_); }
  std::size_t size() const { return ids_.size(); }
  const uint32_t* ids() const { return ids_.data(); }
  const_iterator begin() const { return ids_.begin(); }
  const_iterator end() const { return ids_.end(); }

 private:
  Ids ids_;
};

}  // namespace eventgraph
