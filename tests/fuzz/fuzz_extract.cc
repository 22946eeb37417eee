// libFuzzer target: the whole extraction of one document — reading, repair,
// segmentation, entities, events, time expressions, merging into a graph and
// writing it as timeline JSON and GraphML.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "eventgraph/document.h"
#include "eventgraph/export.h"
#include "eventgraph/extract.h"
#include "eventgraph/graph.h"
#include "eventgraph/timex.h"

using namespace eventgraph;

namespace {

template <typename T>
const T& OrDie(const Result<T>& loaded) {
  if (!loaded.ok()) {
    std::cerr << "fuzz_extract: " << loaded.status().ToString() << "\n";
    std::abort();
  }
  return *loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  static const Lexicons lexicons = [] {
    Lexicons loaded = OrDie(LoadLexicons(EVENTGRAPH_FUZZ_DATA_DIR));
    if (!LoadSyntax(&loaded).ok()) std::abort();
    return loaded;
  }();
  static const TemporalLexicon temporal = OrDie(LoadTemporalLexicon(EVENTGRAPH_FUZZ_DATA_DIR));
  ReadOutcome read =
      ReadTextContent(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  GraphBuilder builder(lexicons);
  for (const Document& doc : read.documents) {
    DocumentMentions mentions = ExtractMentions(doc, lexicons);
    AnchoredTimexes tagged =
        TagWithBestAnchor(doc.text, mentions.segmented, temporal, doc.date, "2020-02-29", 600);
    builder.AddDocument(doc, mentions, tagged.timexes, tagged.anchor, tagged.anchor_source);
  }
  EventGraph graph = builder.Build();
  const std::string json = TimelineJson(graph);
  const std::string graphml = GraphMl(graph);
  if (json.empty() || graphml.empty()) __builtin_trap();
  return 0;
}
