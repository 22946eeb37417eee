// Internal to the CLI: documents -> EventGraph over a pool of threads.
// Documents are extracted in parallel, then added to the graph in input
// order, so the outputs are the same bytes for any number of jobs.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "eventgraph/document.h"
#include "eventgraph/graph.h"
#include "eventgraph/timex.h"

namespace eventgraph::cli {

struct PipelineOptions {
  std::string fallback_date;  // --date: anchor for undated documents ("" = none)
  unsigned jobs = 1;          // --jobs: worker threads
};

struct PipelineResult {
  EventGraph graph;
  BuildStats stats;
  std::vector<ReadIssue> issues;  // in input order
  std::size_t documents = 0, skipped = 0, empty = 0, dateline_anchored = 0, unanchored = 0;
};

PipelineResult RunPipeline(
    const std::vector<InputFile>& files, const Lexicons& lexicons, const TemporalLexicon& temporal,
    const PipelineOptions& options,
    const std::function<void(std::size_t done, std::size_t total)>& progress);

}  // namespace eventgraph::cli
