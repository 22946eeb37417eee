// Asking memory for a cache line before it is read.
#pragma once

namespace eventgraph {

// __builtin_prefetch has no effect the optimiser can see: GCC finds a helper that does nothing
// else "pure" and drops every call to it, prefetches and all (the merge's and the JSON writers'
// prefetches were compiled away). The empty asm statement is an effect it must keep; it emits no
// instruction.
inline void PrefetchLine(const void* address) {
  __builtin_prefetch(address);
  asm volatile("" : : "r"(address));
}

}  // namespace eventgraph
