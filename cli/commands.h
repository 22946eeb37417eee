// Internal to the CLI: each subcommand registers its options on the app and
// returns the function that runs it.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace eventgraph::cli {

using Command = std::function<int()>;

Command RegisterBuild(CLI::App& app);
Command RegisterTimex(CLI::App& app);
Command RegisterExport(CLI::App& app);
Command RegisterQuery(CLI::App& app);
// Registers `parse` and `train-syntax`; the command runs whichever was given.
Command RegisterParse(CLI::App& app);

}  // namespace eventgraph::cli
