#include "common.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "eventgraph/document.h"

namespace eventgraph::cli {

namespace fs = std::filesystem;

// --data-dir, else $EVENTGRAPH_DATA_DIR, else an installed share/eventgraph/data
// beside the executable, else the source tree's data/ this binary was built from.
std::string DefaultDataDir() {
  if (const char* env = std::getenv("EVENTGRAPH_DATA_DIR"); env != nullptr && *env != '\0')
    return env;
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "eventgraph" / "data";
    if (fs::is_directory(installed, error)) return installed.string();
  }
  return EVENTGRAPH_DEFAULT_DATA_DIR;
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void PrintReadIssue(const ReadIssue& issue) {
  std::cerr << (issue.skipped ? "skipped: " : "warning: ") << issue.file;
  if (issue.line > 0) std::cerr << ":" << issue.line;
  std::cerr << ": " << issue.message << "\n";
}

void AddJobsOption(CLI::App* command, unsigned* jobs, const std::string& what) {
  command->add_option("--jobs,-j", *jobs, what + " (default: one per core)")
      ->check(CLI::Range(1u, 1024u));
}

void AddMaxDocBytesOption(CLI::App* command, std::size_t* max_doc_bytes, const std::string& what) {
  command
      ->add_option("--max-doc-bytes", *max_doc_bytes,
                   what + " longer than this many bytes (default 4 MiB); never truncated")
      ->default_val(kDefaultMaxDocBytes)
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
}

}  // namespace eventgraph::cli
