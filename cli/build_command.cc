// `eventgraph build`: inputs -> DIR/timeline.json, graph.graphml, graph.gexf,
// timelinejs.json and graph.json.
#include <unistd.h>
#include <algorithm>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "commands.h"
#include "common.h"
#include "eventgraph/export.h"
#include "exit_codes.h"
#include "formats.h"
#include "pipeline.h"

namespace eventgraph::cli {
namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::vector<std::string> inputs;    // files, directories, or "-" (JSONL on stdin)
  std::string out;                    // output directory, created if missing
  std::string date;                   // fallback anchor for undated documents ("" = none)
  std::string data_dir;               // lexicons; default: see DefaultDataDir()
  std::vector<std::string> lexicons;  // user lexicons added over the bundled ones, in order
  unsigned jobs = 0;                  // 0 = one per core
  std::size_t max_doc_bytes = kDefaultMaxDocBytes;  // larger documents are skipped
  bool strict = false;                              // skipped documents make the run fail
  bool quiet = false;                               // no warnings or progress on stderr
  bool json = false;                                // the summary as JSON on stdout
  std::vector<std::string> formats;                 // output formats by name; empty = the default
};

// What `build` writes when --formats is not given: every format but DOT, which only helps small
// graphs.
const std::vector<std::string>& DefaultBuildFormats() {
  static const std::vector<std::string> kDefault = {"timeline", "graphml", "gexf", "timelinejs",
                                                    "json"};
  return kDefault;
}

Status PrepareOutputDirectory(const std::string& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error)
    return Status(StatusCode::kIoError, "cannot create output directory: " + error.message(), dir);
  if (!fs::is_directory(dir, error)) return Status(StatusCode::kIoError, "not a directory", dir);
  if (::access(dir.c_str(), W_OK) != 0)
    return Status(StatusCode::kIoError, "output directory is not writable", dir);
  return Status();
}

// A run killed while writing (SIGKILL, power loss) leaves its temporary files
// ("graph.graphml.tmp.<pid>") beside the complete outputs of the run before; the
// next run clears those whose process is gone.
void RemoveStaleTemporaries(const std::string& dir) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    for (const OutputFormat& format : OutputFormats()) {
      const std::string prefix = std::string(format.file) + ".tmp.";
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string pid = name.substr(prefix.size());
      if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
      if (fs::exists("/proc/" + pid, error) && pid != std::to_string(::getpid())) continue;
      fs::remove(entry.path(), error);
    }
  }
}

// The process's end returns a run's memory at once: freeing a graph's millions of allocations
// one by one took 0.4 s of a 20 s build of 100,000 articles. Kept reachable from a static that
// is never destroyed, so that a leak checker at exit does not count it.
void LeaveToExit(std::unique_ptr<PipelineResult> run) {
  static auto* const left = new std::vector<PipelineResult*>;
  left->push_back(run.release());
}

int RunBuild(const BuildOptions& options) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "eventgraph build: error: " << status.ToString() << "\n";
    return code;
  };
  if (!options.date.empty() && !IsValidIsoDate(options.date)) {
    return fail(Status(StatusCode::kInvalidArgument,
                       "--date must be a valid YYYY-MM-DD date, got " + options.date),
                kExitUsage);
  }
  std::vector<InputFile> files;
  std::vector<ReadIssue> listing_issues;  // directories that cannot be listed
  if (Status listed = ListInputs(options.inputs, &files, &listing_issues); !listed.ok())
    return fail(listed, kExitUsage);
  const std::string data_dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  Result<Lexicons> lexicons = LoadLexicons(data_dir, options.lexicons);
  if (!lexicons.ok()) return fail(lexicons.status(), kExitUsage);
  if (Status syntax = LoadSyntax(&*lexicons); !syntax.ok()) return fail(syntax, kExitUsage);
  Result<TemporalLexicon> temporal = LoadTemporalLexicon(data_dir);
  if (!temporal.ok()) return fail(temporal.status(), kExitUsage);
  // Fail before the work, not after it.
  if (Status ready = PrepareOutputDirectory(options.out); !ready.ok())
    return fail(ready, kExitOutput);
  RemoveStaleTemporaries(options.out);

  PipelineOptions pipeline;
  pipeline.fallback_date = options.date;
  pipeline.read.max_doc_bytes = options.max_doc_bytes;
  pipeline.jobs =
      options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const bool show_progress = !options.quiet && ::isatty(STDERR_FILENO) && files.size() > 1;
  auto progress = [&](std::size_t done, std::size_t total) {
    if (show_progress)
      std::cerr << "\r[" << done << "/" << total << "] files read" << (done == total ? "\n" : "");
  };
  // Made in place (a graph's move is not free), and left to the process's end on success.
  std::unique_ptr<PipelineResult> run(
      new PipelineResult(RunPipeline(files, *lexicons, *temporal, pipeline, progress)));
  PipelineResult& result = *run;
  for (const ReadIssue& issue : listing_issues) result.skipped += issue.skipped ? issue.count : 0;
  result.issues.insert(result.issues.begin(), listing_issues.begin(), listing_issues.end());

  if (!options.quiet) {
    for (const ReadIssue& issue : result.issues) PrintReadIssue(issue);
    const RepairCounts& repaired = result.repairs;
    if (repaired.html > 0)
      std::cerr << "note: " << repaired.html << " document(s) read as HTML (tags stripped)\n";
    if (repaired.utf16 > 0)
      std::cerr << "note: " << repaired.utf16 << " document(s) decoded from UTF-16\n";
    if (repaired.glued_words > 0)
      std::cerr << "note: " << repaired.glued_words << " glued word(s) split in "
                << repaired.glued_documents << " document(s) (\"thatAt\" -> \"that At\")\n";
    if (result.unanchored > 0) {
      std::cerr << "note: " << result.unanchored
                << " document(s) have no date; their relative dates stay unresolved (give --date "
                   "YYYY-MM-DD)\n";
    }
  }
  if (result.documents == 0) {
    std::cerr << "eventgraph build: error: no document could be read"
              << (result.skipped > 0 ? " (" + std::to_string(result.skipped) + " skipped)" : "")
              << "; no output written\n";
    return kExitPartial;
  }

  // The formats asked for, in the table's order, serialised and written in parallel, each
  // atomically.
  const auto writing = std::chrono::steady_clock::now();
  const std::vector<std::string>& wanted =
      options.formats.empty() ? DefaultBuildFormats() : options.formats;
  std::vector<std::pair<const OutputFormat*, std::string>> written;
  for (const OutputFormat& format : OutputFormats()) {
    if (std::find(wanted.begin(), wanted.end(), format.name) == wanted.end()) continue;
    written.emplace_back(&format, (fs::path(options.out) / format.file).string());
  }
  // The slowest to serialise first, so that the writers finish together.
  std::vector<std::size_t> schedule(written.size());
  for (std::size_t i = 0; i < schedule.size(); ++i) schedule[i] = i;
  auto cost = [&](std::size_t i) {
    const std::string name = written[i].first->name;
    return name == "json" ? 0 : name == "timeline" ? 1 : name == "gexf" ? 2 : 3;
  };
  std::stable_sort(schedule.begin(), schedule.end(),
                   [&](std::size_t a, std::size_t b) { return cost(a) < cost(b); });
  std::vector<Status> write_status(written.size());
  std::atomic<std::size_t> next_write{0};
  auto write = [&] {
    for (std::size_t k = next_write++; k < schedule.size(); k = next_write++) {
      const std::size_t i = schedule[k];
      write_status[i] = WriteFileAtomically(
          written[i].second, [&](OutputSink& out) { written[i].first->write(result.graph, out); });
    }
  };
  {
    std::vector<std::thread> writers;
    for (unsigned j = 1; j < pipeline.jobs && j < written.size(); ++j) writers.emplace_back(write);
    write();
    for (std::thread& writer : writers) writer.join();
  }
  for (const Status& status : write_status) {
    if (!status.ok()) return fail(status, kExitOutput);
  }
  const double write_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - writing).count();
  std::size_t dated = 0;
  for (const Event& event : result.graph.events) dated += !event.start.empty();
  if (options.json) {
    std::cout << "{\"documents\": " << result.documents << ", \"skipped\": " << result.skipped
              << ", \"empty\": " << result.empty
              << ", \"entities\": " << result.graph.entities.size()
              << ", \"events\": " << result.graph.events.size() << ", \"dated_events\": " << dated
              << ", \"relations\": " << result.graph.relations.size()
              << ", \"repaired\": {\"invalid_utf8\": " << result.repairs.invalid_utf8
              << ", \"html\": " << result.repairs.html << ", \"utf16\": " << result.repairs.utf16
              << ", \"glued_documents\": " << result.repairs.glued_documents
              << ", \"glued_words\": " << result.repairs.glued_words << "}"
              << ", \"issues\": [";
    for (std::size_t i = 0; i < result.issues.size(); ++i) {
      const ReadIssue& issue = result.issues[i];
      std::cout << (i ? ", " : "") << "{\"file\": " << JsonString(issue.file)
                << ", \"line\": " << issue.line
                << ", \"skipped\": " << (issue.skipped ? "true" : "false")
                << ", \"message\": " << JsonString(issue.message) << "}";
    }
    std::cout << "]";
    for (const auto& [format, path] : written)
      std::cout << ", " << JsonString(format->name) << ": " << JsonString(path);
    std::cout << ", \"seconds\": {\"extract\": " << result.extract_seconds
              << ", \"merge\": " << result.merge_seconds << ", \"write\": " << write_seconds
              << ", \"merge_stages\": {\"entities\": " << result.stats.entities_seconds
              << ", \"events\": " << result.stats.merge_seconds
              << ", \"make_events\": " << result.stats.events_seconds
              << ", \"labels\": " << result.stats.labels_seconds
              << ", \"relations\": " << result.stats.relations_seconds << "}}}\n";
  } else {
    std::cout << "eventgraph build: " << result.documents << " documents (" << result.skipped
              << " skipped, " << result.empty << " empty) -> " << result.graph.entities.size()
              << " entities, " << result.graph.events.size() << " events (" << dated << " dated), "
              << result.graph.relations.size() << " relations\n";
    for (const auto& [format, path] : written)
      std::cout << "  " << path << "  (" << format->what << ")\n";
    std::size_t shown = 0;
    for (const Event& event : result.graph.events) {
      if (event.start.empty() || event.mentions.size() < 2) continue;
      if (shown++ == 0) std::cout << "Events told by several mentions:\n";
      std::cout << "  " << event.date << "  " << event.label << "  (" << event.mentions.size()
                << " mentions)\n";
      if (shown == 10) break;
    }
  }
  const int code = options.strict && result.skipped > 0 ? kExitPartial : kExitOk;
  LeaveToExit(std::move(run));
  return code;
}

}  // namespace

Command RegisterBuild(CLI::App& app) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* build = app.add_subcommand("build",
                                       "Extract events, entities and dates from articles; write "
                                       "DIR/timeline.json, graph.graphml, graph.gexf, "
                                       "timelinejs.json and graph.json (or the --formats asked "
                                       "for).");
  build
      ->add_option(
          "inputs", options->inputs,
          "Articles: .txt files (optional first line 'date YYYY-MM-DD'), .html/.htm pages, "
          ".jsonl files (one "
          "{\"id\",\"date\",\"title\",\"text\",\"url\",\"source\"} per line, only text required), "
          "directories (searched recursively for all of these), or - for JSONL on standard input")
      ->required();
  build->add_option("--out,-o", options->out, "Output directory (created if missing)")->required();
  build->add_option(
      "--date", options->date,
      "Fallback date YYYY-MM-DD for documents that carry none, to resolve 'yesterday' or "
      "'last week' (default: none; a full date near the top of the text is used instead)");
  build->add_option(
      "--data-dir", options->data_dir,
      "Directory of lexicons and ontology (default: $EVENTGRAPH_DATA_DIR, else the bundled data/)");
  build
      ->add_option("--lexicon", options->lexicons,
                   "A user lexicon (TSV) that adds or overrides entities, aliases, demonyms, "
                   "titles and other "
                   "name words; repeatable, later files win (see docs/entities.md)")
      ->check(CLI::ExistingFile);
  std::vector<std::string> format_names;
  std::string format_help =
      "Output formats to write, comma-separated (default: all but dot, "
      "--formats timeline,graphml,gexf,timelinejs,json): ";
  for (const OutputFormat& format : OutputFormats()) {
    format_names.emplace_back(format.name);
    format_help += std::string(format_names.size() > 1 ? "; " : "") + format.name + " (" +
                   format.file + ", " + format.what + ")";
  }
  build->add_option("--formats,-f", options->formats, format_help)
      ->delimiter(',')
      ->check(CLI::IsMember(format_names));
  AddJobsOption(build, &options->jobs, "Worker threads");
  AddMaxDocBytesOption(build, &options->max_doc_bytes,
                       "Skip, with a message, any document (a .txt or .html file, a JSONL line)");
  build->add_flag("--strict", options->strict,
                  "Exit with status 1 when any document was skipped (default: off)");
  build->add_flag("--quiet,-q", options->quiet, "No warnings or progress on stderr (default: off)");
  build->add_flag("--json", options->json,
                  "Print the summary as one JSON object on stdout (default: off)");
  return [options] { return RunBuild(*options); };
}

}  // namespace eventgraph::cli
