// What the eventgraph executable's exit status means; --help says the same.
#pragma once

namespace eventgraph::cli {

constexpr int kExitOk = 0;  // the run succeeded
constexpr int kExitPartial =
    1;  // with --strict: some documents were skipped; or no document could be read
constexpr int kExitUsage = 2;   // bad options, missing inputs, or invalid data files
constexpr int kExitOutput = 3;  // the outputs could not be written

}  // namespace eventgraph::cli
