// libFuzzer target: the data-file loaders. A private copy of data/ is made
// once; each input replaces one of its files (the first byte picks which) or
// is loaded as a user lexicon (--lexicon), and the loader must either load it
// or fail with a Status, never crash.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "eventgraph/extract.h"
#include "eventgraph/timex.h"

using namespace eventgraph;
namespace fs = std::filesystem;

namespace {

struct Target {
  const char* file;  // relative to the data directory; nullptr: a user lexicon
  bool temporal;     // loaded by LoadTemporalLexicon, else LoadLexicons
};

constexpr std::array<Target, 8> kTargets = {{
    {nullptr, false},
    {"temporal/rules.tsv", true},
    {"temporal/words.tsv", true},
    {"temporal/settings.tsv", true},
    {"lexicon/triggers.tsv", false},
    {"lexicon/titles.tsv", false},
    {"ontology/event_types.tsv", false},
    {"gazetteer/entities.tsv", false},
}};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void WriteFile(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// Owns the copy and removes it when the process exits (libFuzzer ends -runs with
// exit(0), which runs static destructors). An atexit handler registered while the
// static was being built would run after the static's own destructor and see a
// destroyed path, leaving the directory behind.
struct ScratchData {
  fs::path dir;
  ScratchData()
      : dir(fs::temp_directory_path() / ("eventgraph-fuzz-data-" + std::to_string(::getpid()))) {
    fs::remove_all(dir);
    fs::copy(EVENTGRAPH_FUZZ_DATA_DIR, dir, fs::copy_options::recursive);
  }
  ScratchData(const ScratchData&) = delete;
  ScratchData& operator=(const ScratchData&) = delete;
  ~ScratchData() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

const fs::path& DataCopy() {
  static const ScratchData copy;
  return copy.dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 1 || size > 16 * 1024) return 0;
  const fs::path& dir = DataCopy();
  const Target& target = kTargets[data[0] % kTargets.size()];
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  if (target.file == nullptr) {
    const fs::path user = dir / "user-lexicon.tsv";
    WriteFile(user, input);
    (void)LoadLexicons(dir.string(), {user.string()});
    return 0;
  }
  const fs::path path = dir / target.file;
  const std::string original = ReadFile(path);
  WriteFile(path, input);
  if (target.temporal) {
    (void)LoadTemporalLexicon(dir.string());
  } else {
    (void)LoadLexicons(dir.string());
  }
  WriteFile(path, original);
  return 0;
}
