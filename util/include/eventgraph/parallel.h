// The parallel loops of the build: chunks of an index range on a few threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace eventgraph {

// fn(begin, end) for chunks of [0, count) on `jobs` threads (this one included), the chunks
// taken in turn: a thread owns what its chunk's indices point to while it works on the chunk.
template <typename Fn>
void ParallelForChunks(std::size_t count, unsigned jobs, const Fn& fn, std::size_t chunk = 256) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t begin = next.fetch_add(chunk); begin < count; begin = next.fetch_add(chunk))
      fn(begin, std::min(count, begin + chunk));
  };
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs && j * chunk < count; ++j) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
}

// fn(0) ... fn(count - 1) on `jobs` threads (this one included), in chunks taken in turn.
template <typename Fn>
void ParallelFor(std::size_t count, unsigned jobs, const Fn& fn, std::size_t chunk = 256) {
  ParallelForChunks(
      count, jobs,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) fn(i);
      },
      chunk);
}

}  // namespace eventgraph
