// `eventgraph timex`: tag time expressions only. TimeML input (TempEval-3
// .tml / .TE3input) comes back as TimeML with TIMEX3 tags; articles (.txt,
// .jsonl) come back as a table, or JSON with --json.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "commands.h"
#include "common.h"
#include "eventgraph/document.h"
#include "eventgraph/export.h"
#include "eventgraph/timeml.h"
#include "exit_codes.h"

namespace eventgraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kDatelineBytes = 600;

struct TimexCommandOptions {
  std::vector<std::string> inputs;
  std::string out;
  std::string date;
  std::string data_dir;
  std::string numeric_dates;
  bool json = false;
  bool quiet = false;
  unsigned jobs = 0;  // 0 = one per core
  std::size_t max_doc_bytes = kDefaultMaxDocBytes;
};

bool IsTimeMlPath(const std::string& path) {
  return path.size() >= 4 &&
         (path.compare(path.size() - 4, 4, ".tml") == 0 ||
          (path.size() >= 9 && path.compare(path.size() - 9, 9, ".TE3input") == 0));
}

struct Tagged {
  std::string id, path, anchor, anchor_source;
  std::vector<Timex> timexes;
};

class TimexRunner {
 public:
  TimexRunner(const TimexCommandOptions& options, const Lexicons& lexicons,
              const TemporalLexicon& rules)
      : options_(options), lexicons_(lexicons), rules_(rules) {
    timex_options_.numeric_date_order = options.numeric_dates;
  }

  int Run() {
    std::vector<std::string> timeml_files, article_inputs;
    for (const std::string& input : options_.inputs) {
      std::error_code error;
      if (fs::is_directory(input, error)) {
        std::vector<std::string> found;
        for (const auto& entry : fs::recursive_directory_iterator(input, error)) {
          if (entry.is_regular_file() && IsTimeMlPath(entry.path().string()))
            found.push_back(entry.path().string());
        }
        std::sort(found.begin(), found.end());
        timeml_files.insert(timeml_files.end(), found.begin(), found.end());
        if (found.empty()) article_inputs.push_back(input);
      } else if (IsTimeMlPath(input)) {
        timeml_files.push_back(input);
      } else {
        article_inputs.push_back(input);
      }
    }
    if (!timeml_files.empty() && !article_inputs.empty()) {
      return Fail("give either TimeML files or articles, not both", kExitUsage);
    }
    if (!timeml_files.empty()) return RunTimeMl(timeml_files);
    return RunArticles(article_inputs);
  }

 private:
  int Fail(const std::string& message, int code) const {
    std::cerr << "eventgraph timex: error: " << message << "\n";
    return code;
  }

  int RunTimeMl(const std::vector<std::string>& files) {
    const bool to_directory =
        files.size() > 1 || (!options_.out.empty() && fs::is_directory(options_.out));
    if (files.size() > 1 && options_.out.empty())
      return Fail("several TimeML inputs need --out DIR", kExitUsage);
    if (to_directory) {
      std::error_code error;
      fs::create_directories(options_.out, error);
      if (error) return Fail("cannot create " + options_.out + ": " + error.message(), kExitOutput);
    }
    int failures = 0;
    for (const std::string& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      if (!in) {
        std::cerr << "skipped: " << path << ": cannot read\n";
        ++failures;
        continue;
      }
      Result<TimeMlDocument> doc = ParseTimeMl(buffer.str(), path);
      if (!doc.ok()) {
        std::cerr << "skipped: " << doc.status().ToString() << "\n";
        ++failures;
        continue;
      }
      std::string anchor = doc->dct.empty() ? options_.date : doc->dct;
      if (anchor.empty() && !options_.quiet)
        std::cerr << "warning: " << path
                  << ": no creation time (DCT); relative dates stay unresolved\n";
      Segmented segmented = Segment(doc->tagging_text, lexicons_);
      TimexOptions timex_options = timex_options_;
      timex_options.skip_furniture = false;  // TimeML bodies are article text only
      std::vector<Timex> timexes =
          TagTimexes(doc->tagging_text, segmented, rules_, anchor, timex_options);
      std::string annotated = WriteTimeMl(*doc, timexes);
      if (!to_directory && options_.out.empty()) {
        std::cout << annotated;
        continue;
      }
      std::string name = doc->docid.empty() ? fs::path(path).filename().string() : doc->docid;
      if (!IsTimeMlPath(name)) name += ".tml";
      const std::string target =
          to_directory ? (fs::path(options_.out) / name).string() : options_.out;
      if (Status written = WriteFileAtomically(target, annotated); !written.ok()) {
        std::cerr << "eventgraph timex: error: " << written.ToString() << "\n";
        return kExitOutput;
      }
    }
    if (failures == static_cast<int>(files.size()))
      return Fail("no file could be read", kExitPartial);
    return failures > 0 ? kExitPartial : kExitOk;
  }

  int RunArticles(const std::vector<std::string>& inputs) {
    std::vector<InputFile> files;
    if (Status listed = ListInputs(inputs, &files); !listed.ok())
      return Fail(listed.ToString(), kExitUsage);
    const unsigned jobs =
        options_.jobs > 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
    ReadOptions read_options;
    read_options.max_doc_bytes = options_.max_doc_bytes;
    std::vector<Tagged> tagged;
    std::vector<Document> batch;
    std::size_t skipped = 0;
    // Documents are read in order, then tagged a batch at a time by `jobs` threads, so that
    // memory holds a batch of texts, not the corpus.
    constexpr std::size_t kBatch = 1024;
    auto tag_batch = [&] {
      const auto started = std::chrono::steady_clock::now();
      const std::size_t base = tagged.size();
      tagged.resize(base + batch.size());
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t i = next++; i < batch.size(); i = next++) {
          const Document& document = batch[i];
          Tagged& out = tagged[base + i];
          out.id = document.id;
          out.path = document.path;
          Segmented segmented = Segment(document.text, lexicons_);
          AnchoredTimexes anchored =
              TagWithBestAnchor(document.text, segmented, rules_, document.date, options_.date,
                                kDatelineBytes, timex_options_);
          out.timexes = std::move(anchored.timexes);
          out.anchor = std::move(anchored.anchor);
          out.anchor_source = std::move(anchored.anchor_source);
        }
      };
      std::vector<std::thread> pool;
      for (unsigned j = 1; j < jobs && j < batch.size(); ++j) pool.emplace_back(work);
      work();
      for (std::thread& thread : pool) thread.join();
      batch.clear();
      tagging_seconds_ +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    for (const InputFile& file : files) {
      ReadOutcome read = ReadInputFile(file, read_options);
      for (const ReadIssue& issue : read.issues) {
        skipped += issue.skipped;
        if (!options_.quiet) PrintReadIssue(issue);
      }
      for (Document& document : read.documents) {
        batch.push_back(std::move(document));
        if (batch.size() == kBatch) tag_batch();
      }
    }
    if (!batch.empty()) tag_batch();
    std::string output = options_.json ? Json(tagged) : Table(tagged);
    if (options_.out.empty()) {
      std::cout << output;
    } else if (Status written = WriteFileAtomically(options_.out, output); !written.ok()) {
      return Fail(written.ToString(), kExitOutput);
    }
    if (tagged.empty()) return Fail("no document could be read", kExitPartial);
    return skipped > 0 ? kExitPartial : kExitOk;
  }

  static std::string Table(const std::vector<Tagged>& tagged) {
    std::ostringstream out;
    out << "document\tbegin\tend\ttype\tvalue\tmod\ttext\trule\tanchor\n";
    for (const Tagged& doc : tagged) {
      for (const Timex& t : doc.timexes) {
        out << doc.id << '\t' << t.begin << '\t' << t.end << '\t' << t.type << '\t' << t.value
            << '\t' << t.mod << '\t' << t.text << '\t' << t.rule << '\t' << t.anchor << '\n';
      }
    }
    return out.str();
  }

  std::string Json(const std::vector<Tagged>& tagged) const {
    std::ostringstream out;
    out << "{\"documents\": [";
    for (std::size_t d = 0; d < tagged.size(); ++d) {
      const Tagged& doc = tagged[d];
      out << (d ? ",\n  " : "\n  ") << "{\"id\": " << JsonString(doc.id)
          << ", \"path\": " << JsonString(doc.path)
          << ", \"anchor\": " << (doc.anchor.empty() ? "null" : JsonString(doc.anchor))
          << ", \"anchor_source\": "
          << (doc.anchor_source.empty() ? "null" : JsonString(doc.anchor_source))
          << ", \"timexes\": [";
      for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
        const Timex& t = doc.timexes[i];
        out << (i ? ",\n    " : "\n    ") << "{\"text\": " << JsonString(t.text)
            << ", \"begin\": " << t.begin << ", \"end\": " << t.end
            << ", \"type\": " << JsonString(t.type) << ", \"value\": " << JsonString(t.value)
            << ", \"mod\": " << (t.mod.empty() ? "null" : JsonString(t.mod))
            << ", \"anchor\": " << (t.anchor.empty() ? "null" : JsonString(t.anchor))
            << ", \"rule\": " << JsonString(t.rule) << "}";
      }
      out << (doc.timexes.empty() ? "]}" : "\n  ]}");
    }
    // Tokenising and tagging alone, wall clock over the threads (reading and printing excluded):
    // what bench/compare-chrono sets beside chrono-node's parsing time.
    out << (tagged.empty() ? "]" : "\n]") << ", \"seconds\": {\"tagging\": " << tagging_seconds_
        << "}}\n";
    return out.str();
  }

  const TimexCommandOptions& options_;
  const Lexicons& lexicons_;
  const TemporalLexicon& rules_;
  TimexOptions timex_options_;
  double tagging_seconds_ = 0;
};

int RunTimex(const TimexCommandOptions& options) {
  if (!options.date.empty() && !IsValidIsoDate(options.date)) {
    std::cerr << "eventgraph timex: error: --date must be a valid YYYY-MM-DD date, got "
              << options.date << "\n";
    return kExitUsage;
  }
  const std::string data_dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  Result<Lexicons> lexicons = LoadLexicons(data_dir);
  if (!lexicons.ok()) {
    std::cerr << "eventgraph timex: error: " << lexicons.status().ToString() << "\n";
    return kExitUsage;
  }
  Result<TemporalLexicon> rules = LoadTemporalLexicon(data_dir);
  if (!rules.ok()) {
    std::cerr << "eventgraph timex: error: " << rules.status().ToString() << "\n";
    return kExitUsage;
  }
  return TimexRunner(options, *lexicons, *rules).Run();
}

}  // namespace

Command RegisterTimex(CLI::App& app) {
  auto options = std::make_shared<TimexCommandOptions>();
  CLI::App* timex = app.add_subcommand(
      "timex",
      "Find time expressions and normalise them to TIMEX3 values. TimeML files (.tml, .TE3input) "
      "are "
      "written back as TimeML; articles are listed as a table (or JSON with --json).");
  timex
      ->add_option("inputs", options->inputs,
                   "TimeML files or directories of them; or articles: .txt, .jsonl, directories, - "
                   "for JSONL on "
                   "standard input")
      ->required();
  timex->add_option(
      "--out,-o", options->out,
      "Write here instead of standard output: a file, or for several TimeML inputs a directory "
      "(files named by DOCID)");
  timex->add_option(
      "--date", options->date,
      "Anchor YYYY-MM-DD for documents without a date or DCT (default: none; relative "
      "expressions then stay unresolved, e.g. XXXX-WXX-2)");
  timex
      ->add_option("--numeric-dates", options->numeric_dates,
                   "How to read 04/05/2017: mdy, dmy, or none (default: "
                   "data/temporal/settings.tsv, shipped as none)")
      ->check(CLI::IsMember({"mdy", "dmy", "none"}));
  timex->add_option(
      "--data-dir", options->data_dir,
      "Directory of lexicons and rules (default: $EVENTGRAPH_DATA_DIR, else the bundled data/)");
  timex->add_flag("--json", options->json,
                  "Articles: print JSON instead of a table (default: off)");
  timex->add_flag("--quiet,-q", options->quiet, "No warnings on stderr (default: off)");
  AddJobsOption(timex, &options->jobs, "Articles: tagging threads");
  AddMaxDocBytesOption(timex, &options->max_doc_bytes,
                       "Articles: skip, with a message, any document");
  return [options] { return RunTimex(*options); };
}

}  // namespace eventgraph::cli
