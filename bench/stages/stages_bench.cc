// Google Benchmark micro-benchmarks, one per pipeline stage, on the bundled
// sample articles and the test articles (our own texts), repeated to a corpus
// of `kCopies` documents (or on the corpus named by $EVENTGRAPH_BENCH_CORPUS): UTF-8 repair,
// sentence split and tokenisation, extraction (segmentation + entities + events), temporal tagging
// (alone, and with the segmentation before it),
// merging (adding documents and building the graph), and each export. Text stages report bytes/s;
// merging and exports report documents or events per second.
//
//   build/release/bench/stages_bench [--benchmark_filter=Tag]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "eventgraph/document.h"
#include "eventgraph/export.h"
#include "eventgraph/extract.h"
#include "eventgraph/graph.h"
#include "eventgraph/text_util.h"
#include "eventgraph/timex.h"

using namespace eventgraph;

namespace {

constexpr int kCopies = 40;

struct Fixture {
  Lexicons lexicons;
  TemporalLexicon temporal;
  std::vector<Document> documents;
  std::size_t bytes = 0;
  EventGraph graph;

  Fixture() {
    const std::string data = EVENTGRAPH_BENCH_DATA_DIR;
    Result<Lexicons> lex = LoadLexicons(data);
    Result<TemporalLexicon> rules = LoadTemporalLexicon(data);
    if (!lex.ok() || !rules.ok() || !LoadSyntax(&*lex).ok()) std::abort();
    lexicons = std::move(*lex);
    temporal = std::move(*rules);
    std::vector<InputFile> files;
    // EVENTGRAPH_BENCH_CORPUS=DIR|FILE: measure on that corpus (a made one, say), read once.
    const char* corpus = std::getenv("EVENTGRAPH_BENCH_CORPUS");
    const std::vector<std::string> inputs =
        corpus ? std::vector<std::string>{corpus}
               : std::vector<std::string>{data + "/samples", EVENTGRAPH_BENCH_ARTICLES_DIR};
    if (!ListInputs(inputs, &files).ok()) std::abort();
    const int copies = corpus ? 1 : kCopies;
    std::vector<Document> originals;
    for (const InputFile& file : files) {
      for (Document& doc : ReadInputFile(file).documents) originals.push_back(std::move(doc));
    }
    for (int copy = 0; copy < copies; ++copy) {
      for (const Document& original : originals) {
        Document doc = original;
        doc.id.append("-").append(std::to_string(copy));
        if (doc.date.empty()) doc.date = "2024-03-18";
        bytes += doc.text.size();
        documents.push_back(std::move(doc));
      }
    }
    graph = Merge();
  }

  EventGraph Merge() const {
    GraphBuilder builder(lexicons);
    for (const Document& doc : documents) {
      DocumentMentions mentions = ExtractMentions(doc, lexicons);
      builder.AddDocument(doc, mentions,
                          TagTimexes(doc.text, mentions.segmented, temporal, doc.date), doc.date,
                          "document");
    }
    return builder.Build();
  }
};

const Fixture& Data() {
  static const Fixture fixture;
  return fixture;
}

void BM_RepairUtf8(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& doc : Data().documents) benchmark::DoNotOptimize(RepairUtf8(doc.text));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().bytes));
}
BENCHMARK(BM_RepairUtf8);

void BM_Segment(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& doc : Data().documents)
      benchmark::DoNotOptimize(Segment(doc.text, Data().lexicons));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().bytes));
}
BENCHMARK(BM_Segment);

void BM_Extract(benchmark::State& state) {  // segmentation, entities and events
  for (auto _ : state) {
    for (const Document& doc : Data().documents)
      benchmark::DoNotOptimize(ExtractMentions(doc, Data().lexicons));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().bytes));
}
BENCHMARK(BM_Extract);

void BM_TagTimexes(benchmark::State& state) {
  std::vector<Segmented> segmented;
  for (const Document& doc : Data().documents)
    segmented.push_back(Segment(doc.text, Data().lexicons));
  for (auto _ : state) {
    for (std::size_t i = 0; i < segmented.size(); ++i) {
      const Document& doc = Data().documents[i];
      benchmark::DoNotOptimize(TagTimexes(doc.text, segmented[i], Data().temporal, doc.date));
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().bytes));
}
BENCHMARK(BM_TagTimexes);

// As `eventgraph timex` and bench/compare-chrono time it: each document segmented, then tagged
// while its tokens are still in the cache.
void BM_SegmentAndTag(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& doc : Data().documents) {
      Segmented segmented = Segment(doc.text, Data().lexicons);
      benchmark::DoNotOptimize(TagTimexes(doc.text, segmented, Data().temporal, doc.date));
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().bytes));
}
BENCHMARK(BM_SegmentAndTag);

void BM_Merge(benchmark::State& state) {  // extraction and tagging included, as in build
  for (auto _ : state) benchmark::DoNotOptimize(Data().Merge());
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Data().documents.size()));
}
BENCHMARK(BM_Merge)->Unit(benchmark::kMillisecond);

template <std::string (*Write)(const EventGraph&)>
void BM_Export(benchmark::State& state) {
  std::size_t size = 0;
  for (auto _ : state) {
    std::string text = Write(Data().graph);
    size = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(size));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Data().graph.events.size()));
}
BENCHMARK(BM_Export<TimelineJson>)->Name("BM_Export/timeline.json");
BENCHMARK(BM_Export<GraphMl>)->Name("BM_Export/graph.graphml");
BENCHMARK(BM_Export<Gexf>)->Name("BM_Export/graph.gexf");
BENCHMARK(BM_Export<GraphJson>)->Name("BM_Export/graph.json");
BENCHMARK(BM_Export<Dot>)->Name("BM_Export/graph.dot");

}  // namespace

// The fixture is built before the first benchmark, so that no benchmark times it.
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Data();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
