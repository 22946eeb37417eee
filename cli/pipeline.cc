#include "pipeline.h"

#include <atomic>
#include <mutex>
#include <thread>

namespace eventgraph::cli {
namespace {

constexpr uint32_t kDatelineBytes = 600;  // a dateline sits at the top of an article

struct Processed {
  Document document;
  DocumentMentions mentions;
  std::vector<Timex> timexes;
  std::string anchor, anchor_source;
};

struct FileResult {
  std::vector<Processed> documents;
  std::vector<ReadIssue> issues;
};

Processed Process(Document document, const Lexicons& lexicons, const TemporalLexicon& temporal,
                  const std::string& fallback_date) {
  Processed out;
  out.mentions = ExtractMentions(document, lexicons);
  AnchoredTimexes tagged = TagWithBestAnchor(document.text, out.mentions.segmented, temporal,
                                             document.date, fallback_date, kDatelineBytes);
  out.timexes = std::move(tagged.timexes);
  out.anchor = std::move(tagged.anchor);
  out.anchor_source = std::move(tagged.anchor_source);
  out.document = std::move(document);
  return out;
}

}  // namespace

PipelineResult RunPipeline(const std::vector<InputFile>& files, const Lexicons& lexicons,
                           const TemporalLexicon& temporal, const PipelineOptions& options,
                           const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<FileResult> results(files.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex progress_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      ReadOutcome read = ReadInputFile(files[i]);
      FileResult& result = results[i];
      result.issues = std::move(read.issues);
      for (Document& document : read.documents) {
        result.documents.push_back(
            Process(std::move(document), lexicons, temporal, options.fallback_date));
      }
      std::size_t finished = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress(finished, files.size());
      }
    }
  };
  unsigned jobs =
      std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(files.size())));
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();

  PipelineResult out;
  GraphBuilder builder(lexicons);
  for (FileResult& result : results) {
    for (const ReadIssue& issue : result.issues) out.skipped += issue.skipped;
    out.issues.insert(out.issues.end(), result.issues.begin(), result.issues.end());
    for (Processed& processed : result.documents) {
      ++out.documents;
      if (processed.mentions.segmented.tokens.empty()) ++out.empty;
      if (processed.anchor_source == "dateline") ++out.dateline_anchored;
      if (processed.anchor.empty()) ++out.unanchored;
      builder.AddDocument(processed.document, processed.mentions, processed.timexes,
                          processed.anchor, processed.anchor_source);
      processed = Processed();  // release the text and tokens early
    }
  }
  out.graph = builder.Build();
  out.stats = builder.stats();
  return out;
}

}  // namespace eventgraph::cli
