// The output formats `build` writes and `export` re-writes, one table for both.
#pragma once

#include <string>
#include <vector>

#include "eventgraph/export.h"

namespace eventgraph::cli {

struct OutputFormat {
  const char* name;  // --format value
  const char* file;  // the file name `build` gives it in its output directory
  void (*write)(const EventGraph& graph, OutputSink& out);
  const char* what;  // for --help and the summary
};

// timeline, graphml, gexf, timelinejs, json (graph.json), dot. Neo4j CSV is two
// files and is written by `export --format csv` alone.
const std::vector<OutputFormat>& OutputFormats();
const OutputFormat* FindOutputFormat(const std::string& name);

}  // namespace eventgraph::cli
