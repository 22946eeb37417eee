// `eventgraph export`: a built graph (DIR/graph.json) -> one format, without
// re-reading the articles.
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "eventgraph/export.h"
#include "exit_codes.h"
#include "formats.h"

namespace eventgraph::cli {
namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  std::string format;
  std::string graph;  // DIR/graph.json, or DIR
  std::string out;    // a file; a directory for csv
};

int RunExport(const ExportOptions& options) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "eventgraph export: error: " << status.ToString() << "\n";
    return code;
  };
  std::string graph_path = options.graph;
  if (std::error_code error; fs::is_directory(graph_path, error))
    graph_path = (fs::path(graph_path) / "graph.json").string();
  Result<EventGraph> graph = ReadGraphJson(graph_path);
  if (!graph.ok()) return fail(graph.status(), kExitUsage);

  std::vector<std::pair<std::string, std::string>> files;  // path, content
  if (options.format == "csv") {
    std::error_code error;
    fs::create_directories(options.out, error);
    if (error || !fs::is_directory(options.out)) {
      return fail(Status(StatusCode::kIoError, "--format csv writes into a directory", options.out),
                  kExitOutput);
    }
    files.emplace_back((fs::path(options.out) / "nodes.csv").string(), Neo4jNodesCsv(*graph));
    files.emplace_back((fs::path(options.out) / "relationships.csv").string(),
                       Neo4jRelationshipsCsv(*graph));
  } else {
    const OutputFormat* format = FindOutputFormat(options.format);
    if (Status s =
            WriteFileAtomically(options.out, [&](OutputSink& out) { format->write(*graph, out); });
        !s.ok())
      return fail(s, kExitOutput);
    std::cout << options.out << "\n";
    return kExitOk;
  }
  for (const auto& [path, content] : files) {
    if (Status s = WriteFileAtomically(path, content); !s.ok()) return fail(s, kExitOutput);
    std::cout << path << "\n";
  }
  return kExitOk;
}

}  // namespace

Command RegisterExport(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export", "Write a built graph (DIR/graph.json from build) in another format.");
  std::vector<std::string> names;
  std::string formats_help = "Output format:";
  for (const OutputFormat& format : OutputFormats()) {
    names.push_back(format.name);
    formats_help += std::string(" ") + format.name + " (" + format.what + ");";
  }
  names.push_back("csv");
  formats_help += " csv (Neo4j import: nodes.csv and relationships.csv in the --out directory)";
  command->add_option("--format,-f", options->format, formats_help)
      ->required()
      ->check(CLI::IsMember(names));
  command->add_option("--graph,-g", options->graph, "DIR/graph.json written by build, or DIR")
      ->required()
      ->check(CLI::ExistingPath);
  command->add_option("--out,-o", options->out, "Output file (a directory for csv)")->required();
  return [options] { return RunExport(*options); };
}

}  // namespace eventgraph::cli
