// Internal to the CLI: documents -> EventGraph over a pool of threads.
// Documents (a file each, or a few lines of a JSONL file at a time) are
// extracted in parallel and streamed into the graph in input order as they
// finish, so the outputs are the same bytes for any number of jobs and memory
// holds a bounded window of documents, even for one large JSONL file.
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
  ReadOptions read;           // --max-doc-bytes
};

// What text repair did over the run (documents repaired, and glued words split).
struct RepairCounts {
  std::size_t invalid_utf8 = 0, html = 0, utf16 = 0, glued_documents = 0, glued_words = 0;
};

struct PipelineResult {
  EventGraph graph;
  BuildStats stats;
  std::vector<ReadIssue> issues;  // in input order
  std::size_t documents = 0, skipped = 0, empty = 0, dateline_anchored = 0, unanchored = 0;
  RepairCounts repairs;
  double extract_seconds = 0;  // reading, extraction and tagging, in parallel, streamed in order
  double merge_seconds = 0;    // entity resolution, event merging, relations
};

PipelineResult RunPipeline(
    const std::vector<InputFile>& files, const Lexicons& lexicons, const TemporalLexicon& temporal,
    const PipelineOptions& options,
    const std::function<void(std::size_t done, std::size_t total)>& progress);

}  // namespace eventgraph::cli
