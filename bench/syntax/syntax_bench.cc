// Google Benchmark of the linguistic backbone alone (tagger, lemmatiser,
// parser: SyntaxModel::Analyze), in words per second on one thread, over
// the words of a CoNLL-U file: by default GUM's dev documents in
// ../shared/treebanks (gold tokenisation), or $EVENTGRAPH_BENCH_CONLLU.
// A second benchmark times the model's load, which every run pays.
//
//   build/release/bench/syntax_bench [--benchmark_filter=Analyze]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eventgraph/conllu.h"
#include "eventgraph/syntax.h"

using namespace eventgraph;

namespace {

const std::string kModel = EVENTGRAPH_BENCH_DATA_DIR "/models/syntax.bin";

std::vector<ConlluSentence> BenchSentences() {
  std::vector<ConlluSentence> sentences;
  if (const char* path = std::getenv("EVENTGRAPH_BENCH_CONLLU"); path != nullptr) {
    if (!ReadConllu(path, &sentences).ok()) std::abort();
    return sentences;
  }
  const std::filesystem::path gum = EVENTGRAPH_BENCH_TREEBANKS_DIR "/gum";
  std::ifstream list(gum / "file-lists" / "files.dev");
  std::string name;
  while (std::getline(list, name)) {
    const auto file = gum / "sources" / (name + ".conllu");
    if (std::filesystem::exists(file) && !ReadConllu(file.string(), &sentences).ok()) std::abort();
  }
  return sentences;
}

void BM_Analyze(benchmark::State& state) {
  static const Result<SyntaxModel> model = SyntaxModel::Load(kModel);
  static const std::vector<ConlluSentence> sentences = BenchSentences();
  if (!model.ok() || sentences.empty()) {
    state.SkipWithError("no model or no sentences (../shared/treebanks or EVENTGRAPH_BENCH_CONLLU)");
    return;
  }
  std::vector<std::vector<std::string_view>> words(sentences.size());
  std::size_t total = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const ConlluWord& word : sentences[s].words) words[s].push_back(word.form);
    total += words[s].size();
  }
  std::vector<AnalyzedWord> analysis;
  for (auto _ : state) {
    for (const auto& sentence : words) {
      model->Analyze(sentence, &analysis);
      benchmark::DoNotOptimize(analysis.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * total));
  state.counters["words"] = static_cast<double>(total);
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    Result<SyntaxModel> model = SyntaxModel::Load(kModel);
    if (!model.ok()) {
      state.SkipWithError("no model");
      return;
    }
    benchmark::DoNotOptimize(&*model);
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
