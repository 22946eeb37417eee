// `eventgraph parse`: what the linguistic backbone makes of a text (part of
// speech, lemma, dependency tree), as CoNLL-U or JSON; with --tokenized, of
// the words of a CoNLL-U file, scored against its own annotation with --score.
// `eventgraph train-syntax`: trains the backbone's model from CoNLL-U treebanks.
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "eventgraph/conllu.h"
#include "eventgraph/document.h"
#include "eventgraph/extract.h"
#include "eventgraph/syntax.h"
#include "eventgraph/syntax_train.h"
#include "exit_codes.h"

namespace eventgraph::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> inputs;
  std::string model, data_dir;
  bool json = false, conllu = false, tokenized = false, score = false, quiet = false;
};

void WriteJsonSentence(const ConlluSentence& sentence, const std::vector<uint32_t>& begins,
                       const std::vector<uint32_t>& ends, std::ostream& out) {
  out << "{\"words\":[";
  for (std::size_t i = 0; i < sentence.words.size(); ++i) {
    const ConlluWord& word = sentence.words[i];
    if (i > 0) out << ',';
    out << "{\"id\":" << i + 1 << ",\"form\":" << JsonString(word.form)
        << ",\"lemma\":" << JsonString(word.lemma) << ",\"upos\":" << JsonString(word.upos)
        << ",\"xpos\":" << JsonString(word.xpos) << ",\"head\":" << word.head
        << ",\"deprel\":" << JsonString(word.deprel);
    if (i < begins.size()) out << ",\"begin\":" << begins[i] << ",\"end\":" << ends[i];
    out << '}';
  }
  out << "]}";
}

int RunTokenized(const ParseOptions& options, const SyntaxModel& model) {
  std::vector<ConlluSentence> gold;
  for (const std::string& input : options.inputs) {
    if (Status read = ReadConllu(input, &gold); !read.ok()) {
      std::cerr << "eventgraph parse: error: " << read.ToString() << "\n";
      return kExitUsage;
    }
  }
  std::vector<ConlluSentence> predicted;
  const auto started = std::chrono::steady_clock::now();
  SyntaxScores scores = ScoreSyntax(model, gold, &predicted);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.score) {
    if (options.json) {
      std::cout << std::fixed << std::setprecision(2) << "{\"words\":" << scores.words
                << ",\"upos\":" << scores.upos << ",\"xpos\":" << scores.xpos
                << ",\"lemma\":" << scores.lemma << ",\"uas\":" << scores.uas
                << ",\"las\":" << scores.las << ",\"seconds\":" << seconds << "}\n";
    } else {
      std::cout << std::fixed << std::setprecision(2) << "words  " << scores.words
                << "\nUPOS   " << scores.upos << "\nXPOS   " << scores.xpos << "\nlemma  "
                << scores.lemma << "\nUAS    " << scores.uas << "\nLAS    " << scores.las
                << "\n(gold tokenisation; LAS on universal relations; " << std::setprecision(0)
                << static_cast<double>(scores.words) / std::max(seconds, 1e-9)
                << " words/s)\n";
    }
    return kExitOk;
  }
  for (std::size_t s = 0; s < predicted.size(); ++s) {
    if (options.json) {
      std::cout << (s == 0 ? "[" : ",\n");
      WriteJsonSentence(predicted[s], {}, {}, std::cout);
    } else {
      WriteConlluSentence(predicted[s], std::cout);
    }
  }
  if (options.json) std::cout << (predicted.empty() ? "[]\n" : "]\n");
  return kExitOk;
}

int RunArticles(const ParseOptions& options, const SyntaxModel& model, const Lexicons& lexicons) {
  std::vector<InputFile> files;
  if (Status listed = ListInputs(options.inputs, &files); !listed.ok()) {
    std::cerr << "eventgraph parse: error: " << listed.ToString() << "\n";
    return kExitUsage;
  }
  std::size_t skipped = 0, documents = 0;
  SentenceWords words;
  std::vector<AnalyzedWord> analysis;
  if (options.json) std::cout << "[";
  for (const InputFile& file : files) {
    ReadOutcome read = ReadInputFile(file, ReadOptions());
    for (const ReadIssue& issue : read.issues) {
      skipped += issue.skipped;
      if (!options.quiet) PrintReadIssue(issue);
    }
    for (const Document& document : read.documents) {
      Segmented segmented = Segment(document.text, lexicons);
      if (options.json) {
        std::cout << (documents == 0 ? "" : ",\n") << "{\"id\":" << JsonString(document.id)
                  << ",\"sentences\":[";
      }
      ++documents;
      std::size_t sentence_number = 0;
      for (const Sentence& sentence : segmented.sentences) {
        SplitSentenceWords(segmented, sentence, &words);
        if (words.forms.empty()) continue;
        model.Analyze(words.forms, &analysis);
        ConlluSentence out;
        ++sentence_number;
        out.comments.push_back("# sent_id = " + document.id + "-" + std::to_string(sentence_number));
        std::string text = document.text.substr(sentence.begin, sentence.end - sentence.begin);
        for (char& c : text) {
          if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        }
        out.comments.push_back("# text = " + text);
        for (std::size_t i = 0; i < words.forms.size(); ++i) {
          ConlluWord word;
          word.form = words.forms[i];
          word.lemma = analysis[i].lemma;
          word.upos = UposName(analysis[i].upos);
          word.xpos = analysis[i].xpos;
          word.head = analysis[i].head;
          word.deprel = analysis[i].relation;
          word.misc = "Range=" + std::to_string(words.begin[i]) + ":" + std::to_string(words.end[i]);
          out.words.push_back(std::move(word));
        }
        if (options.json) {
          std::cout << (sentence_number == 1 ? "" : ",");
          WriteJsonSentence(out, words.begin, words.end, std::cout);
        } else {
          WriteConlluSentence(out, std::cout);
        }
      }
      if (options.json) std::cout << "]}";
    }
  }
  if (options.json) std::cout << "]\n";
  if (documents == 0) {
    std::cerr << "eventgraph parse: error: no document could be read\n";
    return kExitPartial;
  }
  return skipped > 0 ? kExitPartial : kExitOk;
}

int RunParse(const ParseOptions& options) {
  if (options.json && options.conllu) {
    std::cerr << "eventgraph parse: error: --json and --conllu exclude each other\n";
    return kExitUsage;
  }
  if (options.score && !options.tokenized) {
    std::cerr << "eventgraph parse: error: --score needs --tokenized (CoNLL-U input)\n";
    return kExitUsage;
  }
  const std::string data_dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  const std::string model_path =
      options.model.empty() ? data_dir + "/models/syntax.bin" : options.model;
  Result<SyntaxModel> model = SyntaxModel::Load(model_path);
  if (!model.ok()) {
    std::cerr << "eventgraph parse: error: " << model.status().ToString() << "\n";
    return kExitUsage;
  }
  if (options.tokenized) return RunTokenized(options, *model);
  Result<Lexicons> lexicons = LoadLexicons(data_dir);
  if (!lexicons.ok()) {
    std::cerr << "eventgraph parse: error: " << lexicons.status().ToString() << "\n";
    return kExitUsage;
  }
  return RunArticles(options, *model, *lexicons);
}

struct TrainOptions {
  std::vector<std::string> inputs;
  std::string out;
  SyntaxTrainOptions train;
  std::string description;
  bool quiet = false;
};

int RunTrain(TrainOptions& options) {
  options.train.train_files = options.inputs;
  if (!options.quiet) options.train.log = &std::cerr;
  std::ostringstream description;
  description << "eventgraph train-syntax, " << options.inputs.size() << " CoNLL-U files";
  if (!options.description.empty()) description << "; " << options.description;
  options.train.description = description.str();
  Result<SyntaxModel> model = TrainSyntaxModel(options.train);
  if (!model.ok()) {
    std::cerr << "eventgraph train-syntax: error: " << model.status().ToString() << "\n";
    return kExitUsage;
  }
  if (Status saved = SaveSyntaxModel(*model, options.out); !saved.ok()) {
    std::cerr << "eventgraph train-syntax: error: " << saved.ToString() << "\n";
    return kExitOutput;
  }
  const SyntaxModelInfo& info = model->info();
  std::cerr << "train-syntax: wrote " << options.out << " (" << info.tags << " tags, "
            << info.relations << " relations, " << info.tagger_features << " tagger and "
            << info.parser_features << " parser features, " << info.lemma_forms
            << " lemma forms)\n";
  return kExitOk;
}

}  // namespace

Command RegisterParse(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* parse = app.add_subcommand(
      "parse",
      "Show what the linguistic backbone makes of a text: each word's part of speech (UPOS and "
      "Penn XPOS), lemma, head and dependency relation, as CoNLL-U (default) or JSON.");
  parse
      ->add_option("inputs", options->inputs,
                   "Articles (.txt, .jsonl, .html, directories, - for JSONL on standard input); "
                   "with --tokenized, CoNLL-U files")
      ->required();
  parse->add_flag("--conllu", options->conllu, "Print CoNLL-U (the default)");
  parse->add_flag("--json", options->json,
                  "Print JSON: documents of sentences of words with their byte offsets");
  parse->add_flag("--tokenized", options->tokenized,
                  "The inputs are CoNLL-U: analyse their words as given (gold tokenisation)");
  parse->add_flag("--score", options->score,
                  "With --tokenized: print UPOS, XPOS, lemma, UAS and LAS against the inputs' "
                  "own annotation instead of the analysis");
  parse->add_option("--model", options->model,
                    "The model file (default: DATA_DIR/models/syntax.bin)");
  parse->add_option(
      "--data-dir", options->data_dir,
      "Directory of lexicons and models (default: $EVENTGRAPH_DATA_DIR, else the bundled data/)");
  parse->add_flag("--quiet,-q", options->quiet, "No warnings on stderr (default: off)");

  auto train = std::make_shared<TrainOptions>();
  CLI::App* trainer = app.add_subcommand(
      "train-syntax",
      "Train the linguistic backbone (tagger, lemmatiser, parser) from CoNLL-U treebanks and "
      "WordNet. Deterministic: the same files in the same order give the same model bytes. "
      "scripts/train-syntax runs it on ../shared/treebanks as the bundled model was made.");
  trainer->add_option("inputs", train->inputs, "CoNLL-U training files, in this order")
      ->required();
  trainer->add_option("--out,-o", train->out, "Where to write the model")->required();
  trainer->add_option("--wordnet", train->train.wordnet_dir,
                      "WordNet's dict folder (default: /usr/share/wordnet, Debian's wordnet-base)");
  trainer->add_option("--tagger-epochs", train->train.tagger_epochs,
                      "Passes over the data for the tagger (default 8)")
      ->check(CLI::Range(1, 100));
  trainer->add_option("--parser-epochs", train->train.parser_epochs,
                      "Passes over the data for the parser (default 18)")
      ->check(CLI::Range(1, 100));
  trainer->add_option("--jackknife", train->train.jackknife_folds,
                      "Parts the parser's training tags are predicted in (default 4; 1: gold tags)")
      ->check(CLI::Range(1, 20));
  trainer->add_option("--prune", train->train.prune,
                      "Drop averaged weights smaller than this from the file (default 1: a weight of one update "
                      "held through the whole of training)")
      ->check(CLI::Range(0.0f, 100.0f));
  trainer->add_option("--prune-transitions", train->train.prune_transitions,
                      "Drop transition features none of whose averaged weights reaches this "
                      "(default 2)")
      ->check(CLI::Range(0.0f, 100.0f));
  trainer->add_option("--seed", train->train.seed, "Seed of the data order (default 1)");
  trainer->add_option("--describe", train->description,
                      "Text stored in the model after the command (the data and its split)");
  trainer->add_flag("--quiet,-q", train->quiet, "No progress on stderr");
  return [options, train, trainer] {
    if (trainer->parsed()) return RunTrain(*train);
    return RunParse(*options);
  };
}

}  // namespace eventgraph::cli
