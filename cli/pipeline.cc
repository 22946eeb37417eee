#include "pipeline.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
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

// A unit of work, taken in input order: a .txt/.html file, or some lines of a JSONL file (or
// of standard input), so that one large JSONL file is extracted on every thread and streamed.
struct WorkItem {
  std::size_t file = 0;  // index in the input files
  bool last_of_file = true;
  bool jsonl = false;
  JsonlLines lines;               // when jsonl
  std::vector<ReadIssue> issues;  // the file could not be opened
};

struct ItemResult {
  std::size_t file = 0;
  bool last_of_file = true;
  std::vector<Processed> documents;
  std::vector<ReadIssue> issues;
};

// Hands out the work items in input order; called by one worker at a time.
class WorkSource {
 public:
  WorkSource(const std::vector<InputFile>& files, const ReadOptions& options)
      : files_(files), options_(options) {}

  // The file being read (only while Next reads one).
  std::size_t current_file() const { return std::min(next_file_, files_.size() - 1); }

  bool Next(WorkItem* item) {
    for (;;) {
      if (reader_) {
        item->file = next_file_;
        item->jsonl = true;
        item->last_of_file = !reader_->Next(&item->lines);
        if (item->last_of_file) {
          reader_.reset();
          stream_.reset();
          ++next_file_;
        }
        return true;
      }
      if (next_file_ == files_.size()) return false;
      const InputFile& file = files_[next_file_];
      if (file.format != InputFile::Format::kJsonl) {
        item->file = next_file_++;
        return true;
      }
      if (file.path == "-") {
        reader_ = std::make_unique<JsonlReader>(std::cin, "-", options_);
        continue;
      }
      stream_ = std::make_unique<std::ifstream>();
      if (!OpenJsonlFile(file.path, stream_.get(), &item->issues)) {
        stream_.reset();
        item->file = next_file_++;
        item->jsonl = true;
        return true;
      }
      reader_ = std::make_unique<JsonlReader>(*stream_, file.path, options_);
    }
  }

 private:
  const std::vector<InputFile>& files_;
  ReadOptions options_;
  std::size_t next_file_ = 0;
  std::unique_ptr<std::ifstream> stream_;
  std::unique_ptr<JsonlReader> reader_;
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
  const unsigned jobs = std::max(1u, options.jobs);
  // Streaming: work items (files, or lines of a JSONL file) are read and
  // extracted by any worker, then added to the graph in input order (so the
  // outputs do not depend on --jobs) and released. Workers run at most `window`
  // items ahead of the next one to add, so memory holds a bounded number of
  // documents, not the corpus.
  const std::size_t window = 16 * static_cast<std::size_t>(jobs);
  WorkSource source(files, options.read);
  std::mutex source_mutex;       // taking the next item (reading JSONL lines) and numbering it
  std::size_t next_to_take = 0;  // under source_mutex
  std::map<std::size_t, ItemResult> done;  // by item number, until added
  std::size_t next_to_add = 0;
  bool adding = false;  // a worker is adding documents to the graph
  std::mutex mutex;
  std::condition_variable room;
  // A file's issues are listed up to a cap; the items of one file are added one after another.
  std::optional<FileIssues> file_issues;

  // Called with `lock` held. One worker at a time adds the documents that are
  // ready, in input order, with the lock released, so that the others go on
  // extracting and handing in their results meanwhile; it takes up what they
  // hand in before it stops.
  auto add_ready = [&](std::unique_lock<std::mutex>& lock) {
    if (adding) return;
    adding = true;
    while (!done.empty() && done.begin()->first == next_to_add) {
      ItemResult result = std::move(done.begin()->second);
      done.erase(done.begin());
      ++next_to_add;
      lock.unlock();
      if (!file_issues) file_issues.emplace(&out.issues);
      for (ReadIssue& issue : result.issues) {
        out.skipped += issue.skipped ? issue.count : 0;
        file_issues->Add(std::move(issue));
      }
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
      if (result.last_of_file) {
        file_issues->Close();
        file_issues.reset();
        if (progress) progress(result.file + 1, files.size());
      }
      result = ItemResult();  // release the text and tokens
      lock.lock();
      room.notify_all();
    }
    adding = false;
  };
  auto process = [&](const WorkItem& item, ItemResult* result) {
    ReadOutcome read;
    if (!item.jsonl) {
      read = ReadInputFile(files[item.file], options.read);
    } else {
      read = ParseJsonlLines(item.lines);
      read.issues.insert(read.issues.begin(), item.issues.begin(), item.issues.end());
    }
    result->issues = std::move(read.issues);
    for (Document& document : read.documents) {
      const std::string path = document.path;
      const long line = document.line;
      // One document that breaks a stage must cost that document, not the run.
      try {
        result->documents.push_back(
            Process(document, lexicons, temporal, options.fallback_date, builder));
        document = Document();  // its text is not needed past here
      } catch (const std::exception& error) {
        result->issues.push_back(
            {path, line, std::string("internal error while extracting: ") + error.what(), true});
      }
    }
  };
  auto work = [&] {
    for (;;) {
      WorkItem item;
      std::size_t number = 0;
      {
        std::lock_guard<std::mutex> lock(source_mutex);
        try {
          if (!source.Next(&item)) return;
        } catch (const std::exception& error) {  // the file's next lines are still read
          item = WorkItem();
          item.file = source.current_file();
          item.jsonl = true;
          item.last_of_file = false;
          item.issues.push_back({files[item.file].path, 0,
                                 std::string("internal error while reading: ") + error.what(),
                                 true});
        }
        number = next_to_take++;
      }
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return number < next_to_add + window; });
      }
      ItemResult result;
      result.file = item.file;
      result.last_of_file = item.last_of_file;
      try {
        process(item, &result);
      } catch (const std::exception& error) {
        result.issues.push_back({files[item.file].path, 0,
                                 std::string("internal error while reading: ") + error.what(),
                                 true});
      }
      std::unique_lock<std::mutex> lock(mutex);
      done.emplace(number, std::move(result));
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
