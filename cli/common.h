// Helpers shared by the subcommands.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace eventgraph {
struct ReadIssue;
}

namespace eventgraph::cli {

// "skipped: FILE:LINE: message" (or "warning: ...") on standard error.
void PrintReadIssue(const ReadIssue& issue);

// --data-dir, else $EVENTGRAPH_DATA_DIR, else an installed share/eventgraph/data
// beside the executable, else the source tree's data/ this binary was built from.
std::string DefaultDataDir();

// `text` as a JSON string literal, quotes included.
std::string JsonString(std::string_view text);

// --jobs/-j (threads; 0 = one per core) and --max-doc-bytes (documents longer
// are skipped), as every subcommand that reads articles takes them.
void AddJobsOption(CLI::App* command, unsigned* jobs, const std::string& what);
void AddMaxDocBytesOption(CLI::App* command, std::size_t* max_doc_bytes, const std::string& what);

}  // namespace eventgraph::cli
