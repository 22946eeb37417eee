#include "pipeline.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace eventgraph::cli {
namespace {

constexpr uint32_t kDatelineBytes = 600;  // a dateline sits at the top of an article

// What the graph needs of a document, prepared by the worker that extracted it
// (its text and tokens are gone by then), and what the summary counts.
struct Processed {
  PreparedDocument prepared;
  TextRepairs repairs;
  bool empty = false;
  std::string anchor, anchor_source;
};

struct FileResult {
  std::vector<Processed> documents;
  std::vector<ReadIssue> issues;
};

Processed Process(const Document& document, const Lexicons& lexicons,
                  const TemporalLexicon& temporal, const std::string& fallback_date,
                  const GraphBuilder& builder) {
  Processed out;
  const DocumentMentions mentions = ExtractMentions(document, lexicons);
  AnchoredTimexes tagged = TagWithBestAnchor(document.text, mentions.segmented, temporal,
                                             document.date, fallback_date, kDatelineBytes);
  out.prepared =
      builder.Prepare(document, mentions, tagged.timexes, tagged.anchor, tagged.anchor_source);
  out.repairs = document.repairs;
  out.empty = mentions.segmented.tokens.empty();
  out.anchor = std::move(tagged.anchor);
  out.anchor_source = std::move(tagged.anchor_source);
  return out;
}

}  // namespace

PipelineResult RunPipeline(const std::vector<InputFile>& files, const Lexicons& lexicons,
                           const TemporalLexicon& temporal, const PipelineOptions& options,
                           const std::function<void(std::size_t, std::size_t)>& progress) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  PipelineResult out;
  GraphBuilder builder(lexicons);
  const unsigned jobs =
      std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(files.size())));
  // Streaming: a file is read and extracted by any worker, then added to the
  // graph in input order (so the outputs do not depend on --jobs) and
  // released. Workers run at most `window` files ahead of the next one to add,
  // so memory holds a bounded number of documents, not the corpus.
  const std::size_t window = 16 * static_cast<std::size_t>(jobs);
  std::vector<FileResult> slots(files.size());
  std::vector<bool> ready(files.size(), false);
  std::size_t next_to_add = 0, next_to_take = 0;
  bool adding = false;  // a worker is adding documents to the graph
  std::mutex mutex;
  std::condition_variable room;

  // Called with `lock` held. One worker at a time adds the documents that are
  // ready, in input order, with the lock released, so that the others go on
  // extracting and handing in their results meanwhile; it takes up what they
  // hand in before it stops.
  auto add_ready = [&](std::unique_lock<std::mutex>& lock) {
    if (adding) return;
    adding = true;
    while (next_to_add < files.size() && ready[next_to_add]) {
      FileResult result = std::move(slots[next_to_add]);
      const std::size_t added = ++next_to_add;
      lock.unlock();
      for (const ReadIssue& issue : result.issues) out.skipped += issue.skipped ? issue.count : 0;
      out.issues.insert(out.issues.end(), result.issues.begin(), result.issues.end());
      for (Processed& processed : result.documents) {
        ++out.documents;
        if (processed.empty) ++out.empty;
        const TextRepairs& repairs = processed.repairs;
        out.repairs.invalid_utf8 += repairs.invalid_utf8 > 0;
        out.repairs.html += repairs.html;
        out.repairs.utf16 += repairs.utf16;
        out.repairs.glued_documents += repairs.glued > 0;
        out.repairs.glued_words += repairs.glued;
        if (processed.anchor_source == "dateline") ++out.dateline_anchored;
        if (processed.anchor.empty()) ++out.unanchored;
        builder.Add(std::move(processed.prepared));
      }
      result = FileResult();  // release the text and tokens
      if (progress) progress(added, files.size());
      lock.lock();
      room.notify_all();
    }
    adding = false;
  };
  auto work = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        if (next_to_take == files.size()) return;
        i = next_to_take++;
        room.wait(lock, [&] { return i < next_to_add + window; });
      }
      FileResult result;
      // One document that breaks a stage must cost that document, not the run.
      try {
        ReadOutcome read = ReadInputFile(files[i], options.read);
        result.issues = std::move(read.issues);
        for (Document& document : read.documents) {
          const std::string path = document.path;
          const long line = document.line;
          try {
            result.documents.push_back(
                Process(document, lexicons, temporal, options.fallback_date, builder));
            document = Document();  // its text is not needed past here
          } catch (const std::exception& error) {
            result.issues.push_back(
                {path, line, std::string("internal error while extracting: ") + error.what(),
                 true});
          }
        }
      } catch (const std::exception& error) {
        result.issues.push_back(
            {files[i].path, 0, std::string("internal error while reading: ") + error.what(), true});
      }
      std::unique_lock<std::mutex> lock(mutex);
      slots[i] = std::move(result);
      ready[i] = true;
      add_ready(lock);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  const auto extracted = Clock::now();

  out.graph = builder.Build(jobs);
  out.stats = builder.stats();
  out.extract_seconds = std::chrono::duration<double>(extracted - started).count();
  out.merge_seconds = std::chrono::duration<double>(Clock::now() - extracted).count();
  return out;
}

}  // namespace eventgraph::cli
