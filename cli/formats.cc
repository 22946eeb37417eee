#include "formats.h"

#include "eventgraph/export.h"

namespace eventgraph::cli {
namespace {

void TimelineJsWithTitle(const EventGraph& graph, OutputSink& out) {
  WriteTimelineJs(graph, "eventgraph timeline", out);
}

}  // namespace

const std::vector<OutputFormat>& OutputFormats() {
  static const std::vector<OutputFormat> kFormats = {
      {"timeline", "timeline.json", WriteTimelineJson, "timeline JSON (docs/timeline-json.md)"},
      {"graphml", "graph.graphml", WriteGraphMl, "GraphML for Gephi and networkx"},
      {"gexf", "graph.gexf", WriteGexf, "dynamic GEXF 1.3 for Gephi's timeline"},
      {"timelinejs", "timelinejs.json", TimelineJsWithTitle, "TimelineJS3 JSON"},
      {"json", "graph.json", WriteGraphJson, "the lossless graph that export and query load"},
      {"dot", "graph.dot", WriteDot, "Graphviz DOT"},
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
