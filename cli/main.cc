// eventgraph: news articles -> a dated event knowledge graph and timeline.
// Parses the command line, runs the chosen subcommand, returns its exit code.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "exit_codes.h"

int main(int argc, char** argv) {
  CLI::App app{"eventgraph " EVENTGRAPH_VERSION
               ": turn news articles into a dated event knowledge graph and a timeline."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "eventgraph " EVENTGRAPH_VERSION);
  app.footer(
      "Exit codes: 0 success; 1 inputs skipped (build: only under --strict), nothing readable, or "
      "(query) nothing found; 2 usage, input or data error; 3 outputs not written.\nRun "
      "'eventgraph "
      "SUBCOMMAND --help' for a subcommand's options.");
  eventgraph::cli::Command build = eventgraph::cli::RegisterBuild(app);
  eventgraph::cli::Command timex = eventgraph::cli::RegisterTimex(app);
  eventgraph::cli::Command export_graph = eventgraph::cli::RegisterExport(app);
  eventgraph::cli::Command query = eventgraph::cli::RegisterQuery(app);
  eventgraph::cli::Command parse = eventgraph::cli::RegisterParse(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? eventgraph::cli::kExitOk : eventgraph::cli::kExitUsage;
  }
  if (app.got_subcommand("build")) return build();
  if (app.got_subcommand("timex")) return timex();
  if (app.got_subcommand("export")) return export_graph();
  if (app.got_subcommand("query")) return query();
  if (app.got_subcommand("parse") || app.got_subcommand("train-syntax")) return parse();
  return eventgraph::cli::kExitUsage;
}
