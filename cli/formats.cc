#include "formats.h"

#include "eventgraph/export.h"

namespace eventgraph::cli {
namespace {

std::string TimelineJsWithTitle(const EventGraph& graph) {
  return TimelineJs(graph, "eventgraph timeline");
}

}  // namespace

const std::vector<OutputFormat>& OutputFormats() {
  static const std::vector<OutputFormat> kFormats = {
      {"timeline", "timeline.json", TimelineJson, "timeline JSON (docs/timeline-json.md)"},
      {"graphml", "graph.graphml", GraphMl, "GraphML for Gephi and networkx"},
      {"gexf", "graph.gexf", Gexf, "dynamic GEXF 1.3 for Gephi's timeline"},
      {"timelinejs", "timelinejs.json", TimelineJsWithTitle, "TimelineJS3 JSON"},
      {"json", "graph.json", GraphJson, "the lossless graph that export and query load"},
      {"dot", "graph.dot", Dot, "Graphviz DOT"},
  };
  return kFormats;
}

const OutputFormat* FindOutputFormat(const std::string& name) {
  for (const OutputFormat& format : OutputFormats()) {
    if (name == format.name) return &format;
  }
  return nullptr;
}

}  // namespace eventgraph::cli
