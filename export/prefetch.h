// Asking for what the next event's mentions point to before writing this one.
//
// Every writer that lists mentions reads each one's sentence, a block of its own somewhere in a
// heap of millions, and its article's entry: two cache misses per mention, which were half the
// time of the TimelineJS writer. Requested one event ahead, they arrive while this one is written.
#pragma once

#include <cstddef>
#include <vector>

#include "eventgraph/graph.h"
#include "eventgraph/prefetch.h"

namespace eventgraph::export_detail {

// Two steps: the mention list of the event after next, then what the next event's mentions
// point to (reading their pointers needs their list in cache).
inline void PrefetchMentionList(const Event& event) {
  const char* first = reinterpret_cast<const char*>(event.mentions.data());
  const char* end = reinterpret_cast<const char*>(event.mentions.data() + event.mentions.size());
  for (const char* line = first; line < end; line += 64) PrefetchLine(line);
}

inline void PrefetchMentions(const EventGraph& graph, const Event& event) {
  for (const Mention& mention : event.mentions) {
    PrefetchLine(mention.sentence.data());
    PrefetchLine(&graph.documents[mention.document]);
  }
}

// Before writing graph.events[e], in a writer that writes every event's mentions.
inline void PrefetchAhead(const EventGraph& graph, std::size_t e) {
  if (e + 2 < graph.events.size()) PrefetchMentionList(graph.events[e + 2]);
  if (e + 1 < graph.events.size()) PrefetchMentions(graph, graph.events[e + 1]);
}

}  // namespace eventgraph::export_detail
