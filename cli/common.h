// Helpers shared by the subcommands.
#pragma once

#include <string>

namespace eventgraph::cli {

// --data-dir, else $EVENTGRAPH_DATA_DIR, else an installed share/eventgraph/data
// beside the executable, else the source tree's data/ this binary was built from.
std::string DefaultDataDir();

// `text` as a JSON string literal, quotes included.
std::string JsonString(const std::string& text);

}  // namespace eventgraph::cli
