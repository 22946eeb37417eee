// The linguistic backbone (syntax/): what the bundled model makes of news
// sentences written for these tests, judged against the UD English
// guidelines; the splitting of raw tokens into UD words; deterministic
// training on a tiny hand-annotated treebank; and the errors a missing or
// broken model file, or a malformed CoNLL-U line, must give.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "eventgraph/conllu.h"
#include "eventgraph/syntax.h"
#include "eventgraph/syntax_train.h"

using namespace eventgraph;

namespace {

const std::string kModelPath = EVENTGRAPH_TEST_DATA_DIR "/models/syntax.bin";
const std::string kTinyTreebank = EVENTGRAPH_TEST_SYNTAX_DATA_DIR "/tiny.conllu";
const std::string kWordNetDir = "/usr/share/wordnet";

// The bundled model, loaded once for all the tests that read it.
const Result<SyntaxModel>& BundledModel() {
  static const Result<SyntaxModel> model = SyntaxModel::Load(kModelPath);
  return model;
}

// A sentence as UD words: split at spaces, then each piece as SplitSyntacticWords splits it.
struct Words {
  std::vector<std::string> forms;
  std::vector<std::string_view> views;
};

Words SplitWords(const std::string& text) {
  Words words;
  std::istringstream in(text);
  std::string token;
  while (in >> token) {
    uint32_t offset = 0;
    for (uint32_t length : SplitSyntacticWords(token)) {
      words.forms.push_back(token.substr(offset, length));
      offset += length;
    }
  }
  for (const std::string& form : words.forms) words.views.push_back(form);
  return words;
}

// 1-based position of `form` in the sentence, or -1.
int Position(const Words& words, const std::string& form) {
  for (std::size_t i = 0; i < words.forms.size(); ++i) {
    if (words.forms[i] == form) return static_cast<int>(i) + 1;
  }
  return -1;
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteBytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh, empty folder of the test's own under the temp directory (the process id in its name:
// two builds' tests may run at once).
std::filesystem::path TempFolder(const std::string& name) {
  std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                 ("eventgraph-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

// A tree: every head in range, exactly one root, and it is called "root".
void CheckIsTree(const std::vector<AnalyzedWord>& analysis) {
  int roots = 0;
  for (const AnalyzedWord& word : analysis) {
    CHECK(word.head >= 0);
    CHECK(word.head <= static_cast<int>(analysis.size()));
    if (word.head == 0) {
      ++roots;
      CHECK(word.relation == "root");
    }
  }
  CHECK(roots == 1);
}

// ------------------------------------------------------------- the analyses

struct Arc {
  const char* word;
  const char* head;      // the head's form; "" for the root
  const char* relation;  // what UD says; alternatives the guidelines allow separated by '|'
};
struct Tag {
  const char* word;
  const char* upos;
};
struct Lemma {
  const char* word;
  const char* lemma;
};
struct AnalysisCase {
  const char* text;  // words separated by spaces (clitics are split by SplitSyntacticWords)
  std::vector<Arc> arcs;
  std::vector<Tag> tags;
  std::vector<Lemma> lemmas;
};

// Written for these tests after the UD English guidelines (universaldependencies.org/en) and the
// practice of EWT and GUM, not taken from a corpus nor from the parser's output. A word is named
// by its first occurrence. What the bundled model gets wrong is in kKnownErrors below instead.
const AnalysisCase kAnalyses[] = {
    // Passive voice: the subject is nsubj:pass, the auxiliary aux:pass, the agent obl:agent
    // (EWT before v2.14 writes plain obl).
    {"The ministers were received by the president .",
     {{"received", "", "root"},
      {"ministers", "received", "nsubj:pass"},
      {"were", "received", "aux:pass"},
      {"president", "received", "obl:agent|obl"},
      {"by", "president", "case"}},
     {{"were", "AUX"}, {"received", "VERB"}, {"by", "ADP"}},
     {{"were", "be"}, {"ministers", "minister"}, {"received", "receive"}}},
    // Coordinated predicates: the second verb is conj of the first, "and" its cc.
    {"Police arrested two men and charged a third .",
     {{"arrested", "", "root"},
      {"Police", "arrested", "nsubj"},
      {"men", "arrested", "obj"},
      {"two", "men", "nummod"},
      {"charged", "arrested", "conj"},
      {"and", "charged", "cc"},
      {"third", "charged", "obj"}},
     {{"and", "CCONJ"}, {"two", "NUM"}, {"charged", "VERB"}},
     {{"men", "man"}, {"arrested", "arrest"}}},
    // Reported speech: the reported clause is ccomp of the reporting verb.
    {"The company said it would cut 300 jobs .",
     {{"said", "", "root"},
      {"company", "said", "nsubj"},
      {"cut", "said", "ccomp"},
      {"it", "cut", "nsubj"},
      {"would", "cut", "aux"},
      {"jobs", "cut", "obj"},
      {"300", "jobs", "nummod"}},
     {{"would", "AUX"}, {"300", "NUM"}, {"it", "PRON"}},
     {{"said", "say"}, {"jobs", "job"}}},
    // A multi-word name: the last noun heads it, the coordination inside is a conj of the first
    // conjunct (EWT's "Ways and Means Committee"). The head and the compound: kKnownErrors.
    {"The Securities and Exchange Commission fined the bank .",
     {{"fined", "", "root"}, {"Commission", "fined", "nsubj"}, {"bank", "fined", "obj"}},
     {{"Commission", "PROPN"}, {"fined", "VERB"}},
     {{"fined", "fine"}}},
    // A headline: no article, present tense, a bare number as the object.
    {"Quake kills 12 in northern Peru",
     {{"kills", "", "root"},
      {"Quake", "kills", "nsubj"},
      {"12", "kills", "obj"},
      {"Peru", "kills", "obl"},
      {"in", "Peru", "case"},
      {"northern", "Peru", "amod"}},
     {{"kills", "VERB"}, {"Peru", "PROPN"}, {"northern", "ADJ"}},
     {{"kills", "kill"}}},
    // Negation: "not" (and "n't") is an advmod of the predicate, tagged PART.
    {"The government did not approve the plan .",
     {{"approve", "", "root"},
      {"government", "approve", "nsubj"},
      {"did", "approve", "aux"},
      {"not", "approve", "advmod"},
      {"plan", "approve", "obj"}},
     {{"not", "PART"}, {"did", "AUX"}},
     {{"did", "do"}}},
    {"Officials didn't comment .",
     {{"comment", "", "root"},
      {"Officials", "comment", "nsubj"},
      {"n't", "comment", "advmod"},
      {"did", "comment", "aux"}},
     {{"n't", "PART"}},
     {{"n't", "not"}, {"did", "do"}}},
    // A relative clause: acl:relcl of the noun it modifies; the relative pronoun has the role it
    // has inside the clause. The clause's object: kKnownErrors.
    {"The soldiers who fled the base were arrested on Friday .",
     {{"arrested", "", "root"},
      {"soldiers", "arrested", "nsubj:pass"},
      {"fled", "soldiers", "acl:relcl"},
      {"who", "fled", "nsubj"},
      {"base", "fled", "obj"},
      {"Friday", "arrested", "obl"}},
     {{"who", "PRON"}, {"fled", "VERB"}},
     {{"soldiers", "soldier"}, {"were", "be"}}},
    // A prepositional oblique: the noun is obl of the verb, the preposition its case.
    {"Rebels attacked the town with rockets .",
     {{"attacked", "", "root"},
      {"town", "attacked", "obj"},
      {"rockets", "attacked", "obl"},
      {"with", "rockets", "case"}},
     {{"with", "ADP"}, {"rockets", "NOUN"}},
     {{"rockets", "rocket"}}},
    // Irregular plurals and past tenses.
    {"The children went to school .",
     {{"went", "", "root"}, {"children", "went", "nsubj"}, {"school", "went", "obl"}},
     {{"went", "VERB"}, {"children", "NOUN"}},
     {{"children", "child"}, {"went", "go"}}},
    {"Three men were killed in the attack .",
     {{"killed", "", "root"},
      {"men", "killed", "nsubj:pass"},
      {"were", "killed", "aux:pass"},
      {"attack", "killed", "obl"}},
     {},
     {{"men", "man"}, {"were", "be"}}},
    // A noun-noun compound.
    {"A car bomb exploded near the embassy .",
     {{"exploded", "", "root"},
      {"bomb", "exploded", "nsubj"},
      {"car", "bomb", "compound"},
      {"embassy", "exploded", "obl"}},
     {{"car", "NOUN"}, {"near", "ADP"}},
     {}},
    // A nominal predicate: the noun is the root, the copula its cop.
    {"The mayor is a former judge .",
     {{"judge", "", "root"},
      {"mayor", "judge", "nsubj"},
      {"is", "judge", "cop"},
      {"former", "judge", "amod"}},
     {{"is", "AUX"}},
     {{"is", "be"}}},
    // A possessive: nmod:poss, with "'s" its case.
    {"The country's president resigned .",
     {{"resigned", "", "root"},
      {"president", "resigned", "nsubj"},
      {"country", "president", "nmod:poss"},
      {"'s", "country", "case"}},
     {{"'s", "PART"}},
     {}},
    // An infinitive complement: xcomp, with "to" its mark.
    {"The union wants to strike .",
     {{"wants", "", "root"},
      {"union", "wants", "nsubj"},
      {"strike", "wants", "xcomp"},
      {"to", "strike", "mark"}},
     {{"to", "PART"}, {"strike", "VERB"}},
     {{"wants", "want"}}},
    // An adverbial clause: advcl, with the subordinator its mark (SCONJ: kKnownErrors).
    {"Police fired tear gas after protesters threw stones .",
     {{"fired", "", "root"},
      {"gas", "fired", "obj"},
      {"tear", "gas", "compound"},
      {"protesters", "threw", "nsubj"},
      {"stones", "threw", "obj"}},
     {},
     {{"stones", "stone"}, {"fired", "fire"}}},
};

// What the bundled model (data/models/syntax.bin) gets wrong of the same sentences: right by the
// guidelines, not asserted; the test says so when one of them comes right, to be moved up.
const AnalysisCase kKnownErrors[] = {
    // Model: "Securities" a second nsubj of "fined", "and" cc of "fined", "Exchange" compound of
    // "Commission".
    {"The Securities and Exchange Commission fined the bank .",
     {{"Securities", "Commission", "compound"},
      {"Exchange", "Securities", "conj"},
      {"and", "Exchange", "cc"}},
     {},
     {}},
    // Model: "fled" has GUM's lemma "flead" (a GUM error that outvotes WordNet's "fled -> flee").
    {"The soldiers who fled the base were arrested on Friday .", {}, {}, {{"fled", "flee"}}},
    // Model: "after" ADP (EWT and GUM tag every "after" that marks a clause SCONJ) and case of
    // "protesters"; "threw" VBP, so its lemma stays "threw", and xcomp of "fired".
    {"Police fired tear gas after protesters threw stones .",
     {{"threw", "fired", "advcl"}, {"after", "threw", "mark"}},
     {{"after", "SCONJ"}},
     {{"threw", "throw"}}},
    // Model: "Souza" obl:unmarked of "later" (the graph tests say "later met Souza" instead).
    {"Kenyan President Grace Otieno met Souza later .", {{"Souza", "met", "obj"}}, {}, {}},
};

bool OneOf(std::string_view value, std::string_view alternatives) {
  while (true) {
    std::size_t bar = alternatives.find('|');
    if (alternatives.substr(0, bar) == value) return true;
    if (bar == std::string_view::npos) return false;
    alternatives.remove_prefix(bar + 1);
  }
}

constexpr const char* kNoSuchWord = "no such word in the sentence";

// A sentence analysed, and what is expected of it said against what the model said.
class AnalysedSentence {
 public:
  AnalysedSentence(const SyntaxModel& model, const char* text) : words_(SplitWords(text)) {
    model.Analyze(words_.views, &analysis_);
  }
  const std::vector<AnalyzedWord>& analysis() const { return analysis_; }

  // "" when the model agrees; else what it said instead.
  std::string Mismatch(const Arc& arc) const {
    const int head = arc.head[0] == '\0' ? 0 : Position(words_, arc.head);
    const AnalyzedWord* word = Find(arc.word);
    if (word == nullptr || head < 0) return kNoSuchWord;
    if (word->head == head && OneOf(word->relation, arc.relation)) return "";
    return std::string(arc.word) + " should be " + arc.relation + " of " +
           (head == 0 ? "ROOT" : arc.head) + "; got " + Describe(*word);
  }
  std::string Mismatch(const Tag& tag) const {
    const AnalyzedWord* word = Find(tag.word);
    if (word == nullptr) return kNoSuchWord;
    if (std::string_view(UposName(word->upos)) == tag.upos) return "";
    return std::string(tag.word) + " should be " + tag.upos + "; got " + Describe(*word);
  }
  std::string Mismatch(const Lemma& lemma) const {
    const AnalyzedWord* word = Find(lemma.word);
    if (word == nullptr) return kNoSuchWord;
    if (word->lemma == lemma.lemma) return "";
    return std::string(lemma.word) + " should have the lemma " + lemma.lemma + "; got " +
           Describe(*word);
  }

 private:
  const AnalyzedWord* Find(const char* form) const {
    const int position = Position(words_, form);
    return position > 0 ? &analysis_[position - 1] : nullptr;
  }
  std::string Describe(const AnalyzedWord& word) const {
    const std::string head = word.head == 0 ? "ROOT" : words_.forms[word.head - 1];
    return std::string(UposName(word.upos)) + " " + std::string(word.xpos) + " \"" + word.lemma +
           "\", " + std::string(word.relation) + " of " + head;
  }

  Words words_;
  std::vector<AnalyzedWord> analysis_;
};

const SyntaxModel& RequireBundledModel() {
  const Result<SyntaxModel>& model = BundledModel();
  if (!model.ok()) FAIL("cannot load the bundled model: " << model.status().ToString());
  return *model;
}

}  // namespace

TEST_CASE("The bundled syntax model analyses news sentences as the UD guidelines do", "[syntax]") {
  const SyntaxModel& model = RequireBundledModel();
  for (const AnalysisCase& sentence : kAnalyses) {
    INFO("sentence: " << sentence.text);
    AnalysedSentence analysed(model, sentence.text);
    CheckIsTree(analysed.analysis());
    for (const Arc& arc : sentence.arcs) CHECK(analysed.Mismatch(arc) == "");
    for (const Tag& tag : sentence.tags) CHECK(analysed.Mismatch(tag) == "");
    for (const Lemma& lemma : sentence.lemmas) CHECK(analysed.Mismatch(lemma) == "");
  }
}

TEST_CASE("The bundled syntax model's known errors are still errors", "[syntax]") {
  const SyntaxModel& model = RequireBundledModel();
  std::vector<std::string> fixed;
  for (const AnalysisCase& sentence : kKnownErrors) {
    AnalysedSentence analysed(model, sentence.text);
    CheckIsTree(analysed.analysis());
    auto note = [&](const std::string& mismatch, const char* word) {
      CHECK(mismatch != kNoSuchWord);  // a typo in the table
      if (mismatch.empty()) fixed.push_back(std::string(word) + " in \"" + sentence.text + "\"");
    };
    for (const Arc& arc : sentence.arcs) note(analysed.Mismatch(arc), arc.word);
    for (const Tag& tag : sentence.tags) note(analysed.Mismatch(tag), tag.word);
    for (const Lemma& lemma : sentence.lemmas) note(analysed.Mismatch(lemma), lemma.word);
  }
  // Not a failure: a better model. Move what it now gets right into kAnalyses.
  for (const std::string& word : fixed) WARN("now right, move it into kAnalyses: " << word);
}

TEST_CASE("SyntaxModel::Analyze takes any number of words, none included", "[syntax]") {
  const SyntaxModel& model = RequireBundledModel();
  std::vector<AnalyzedWord> analysis(3);
  model.Analyze({}, &analysis);
  CHECK(analysis.empty());

  std::vector<std::string_view> one = {"Hello"};
  model.Analyze(one, &analysis);
  REQUIRE(analysis.size() == 1);
  CHECK(analysis[0].head == 0);
  CHECK(analysis[0].relation == "root");

  // Longer than kMaxWords: parsed in pieces, each its own tree, heads within the piece.
  std::vector<std::string_view> many;
  for (std::size_t i = 0; i < SyntaxModel::kMaxWords + 20; ++i) {
    many.push_back(i % 5 == 4 ? std::string_view(",") : std::string_view("troops"));
  }
  model.Analyze(many, &analysis);
  REQUIRE(analysis.size() == many.size());
  int roots = 0;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const bool first_piece = i < SyntaxModel::kMaxWords;
    const int lowest = first_piece ? 1 : static_cast<int>(SyntaxModel::kMaxWords) + 1;
    const int highest =
        first_piece ? static_cast<int>(SyntaxModel::kMaxWords) : static_cast<int>(many.size());
    if (analysis[i].head == 0) {
      ++roots;
    } else {
      CHECK(analysis[i].head >= lowest);
      CHECK(analysis[i].head <= highest);
    }
  }
  CHECK(roots == 2);
}

// --------------------------------------------------------- splitting tokens

TEST_CASE("SplitSyntacticWords splits clitics as the English treebanks do", "[syntax][split]") {
  struct Case {
    std::string token;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"don't", {"do", "n't"}},
      {"Don't", {"Do", "n't"}},
      {"didn't", {"did", "n't"}},
      {"can't", {"ca", "n't"}},  // as EWT and GUM write it
      {"won't", {"wo", "n't"}},
      {"DON'T", {"DO", "N'T"}},
      {"don\xE2\x80\x99t", {"do", "n\xE2\x80\x99t"}},  // a typographic apostrophe
      {"it\xE2\x80\x99s", {"it", "\xE2\x80\x99s"}},
      {"they\xE2\x80\x99re", {"they", "\xE2\x80\x99re"}},
      {"cannot", {"can", "not"}},
      {"Cannot", {"Can", "not"}},
      {"it's", {"it", "'s"}},
      {"country's", {"country", "'s"}},
      {"U.N.'s", {"U.N.", "'s"}},
      {"they're", {"they", "'re"}},
      {"we'll", {"we", "'ll"}},
      {"I've", {"I", "'ve"}},
      {"she'd", {"she", "'d"}},
      {"I'm", {"I", "'m"}},
      // Whole: plain words, and clitics or words too short to have a word before the clitic.
      {"president", {"president"}},
      {"Paris", {"Paris"}},
      {"its", {"its"}},
      {"cannon", {"cannon"}},
      {"n't", {"n't"}},
      {"'s", {"'s"}},
      {"s", {"s"}},
      {"O'Neill", {"O'Neill"}},
      {"rock'n'roll", {"rock'n'roll"}},
      {"2017", {"2017"}},
  };
  for (const Case& c : cases) {
    INFO("token: " << c.token);
    std::vector<std::string> words;
    uint32_t offset = 0;
    for (uint32_t length : SplitSyntacticWords(c.token)) {
      REQUIRE(offset + length <= c.token.size());
      words.push_back(c.token.substr(offset, length));
      offset += length;
    }
    CHECK(offset == c.token.size());
    CHECK(words == c.words);
  }
}

// ----------------------------------------------------------------- training

TEST_CASE("Training a syntax model twice on the same treebank gives the same bytes",
          "[syntax][train]") {
  if (!std::filesystem::exists(kWordNetDir + "/index.noun")) {
    WARN("skipped: no WordNet at " << kWordNetDir << " (install Debian's wordnet-base)");
    return;
  }
  std::vector<ConlluSentence> treebank;
  REQUIRE(ReadConllu(kTinyTreebank, &treebank).ok());
  REQUIRE(treebank.size() == 16);

  const std::filesystem::path folder = TempFolder("syntax-train-test");
  SyntaxTrainOptions options;
  options.train_files = {kTinyTreebank};
  options.wordnet_dir = kWordNetDir;
  options.tagger_epochs = 3;
  options.parser_epochs = 3;
  options.jackknife_folds = 2;
  // The default prune (1: an averaged weight of one update held all through training) would
  // leave a model trained on 115 words next to nothing.
  options.prune = 0.0f;
  options.prune_transitions = 0.0f;
  options.description = "syntax_test: tiny.conllu";
  const std::filesystem::path first = folder / "first.bin", second = folder / "second.bin";
  for (const std::filesystem::path& path : {first, second}) {
    Result<SyntaxModel> trained = TrainSyntaxModel(options);
    if (!trained.ok()) FAIL("training failed: " << trained.status().ToString());
    Status saved = SaveSyntaxModel(*trained, path.string());
    if (!saved.ok()) FAIL("saving failed: " << saved.ToString());
  }
  const std::string first_bytes = ReadBytes(first), second_bytes = ReadBytes(second);
  CHECK(first_bytes.size() > 1000);
  CHECK(first_bytes.size() == second_bytes.size());
  CHECK(first_bytes == second_bytes);  // not CHECK_THAT: a diff of a megabyte helps nobody
  CHECK_FALSE(std::filesystem::exists(folder / "first.bin.tmp"));

  Result<SyntaxModel> loaded = SyntaxModel::Load(first.string());
  if (!loaded.ok()) FAIL("the trained model does not load: " << loaded.status().ToString());
  CHECK(loaded->info().description == "syntax_test: tiny.conllu");
  CHECK(loaded->info().relations == 18);  // the 17 in tiny.conllu and root
  CHECK(loaded->info().tags == 16);
  // Words it was trained on, in a sentence it was not: it has learnt the obvious.
  AnalysedSentence analysed(*loaded, "The minister attacked the report .");
  CheckIsTree(analysed.analysis());
  CHECK(analysed.Mismatch(Tag{"The", "DET"}) == "");
  CHECK(analysed.Mismatch(Tag{".", "PUNCT"}) == "");
  CHECK(analysed.Mismatch(Tag{"attacked", "VERB"}) == "");
  CHECK(analysed.Mismatch(Lemma{"attacked", "attack"}) == "");

  // A different seed is a different data order.
  options.seed = 2;
  Result<SyntaxModel> reseeded = TrainSyntaxModel(options);
  REQUIRE(reseeded.ok());
  REQUIRE(SaveSyntaxModel(*reseeded, (folder / "third.bin").string()).ok());
  CHECK(ReadBytes(folder / "third.bin") != first_bytes);
  std::filesystem::remove_all(folder);
}

TEST_CASE("Syntax training refuses what it cannot learn from, naming it", "[syntax][train]") {
  SyntaxTrainOptions options;
  options.train_files = {"/nonexistent/train.conllu"};
  Result<SyntaxModel> missing = TrainSyntaxModel(options);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK_THAT(missing.status().ToString(), Catch::Contains("/nonexistent/train.conllu"));

  options.train_files = {kTinyTreebank};
  options.wordnet_dir = "/nonexistent/wordnet";
  Result<SyntaxModel> no_wordnet = TrainSyntaxModel(options);
  REQUIRE_FALSE(no_wordnet.ok());
  CHECK(no_wordnet.status().code() == StatusCode::kNotFound);
  CHECK_THAT(no_wordnet.status().ToString(), Catch::Contains("/nonexistent/wordnet"));
}

// ------------------------------------------------------ broken model files

TEST_CASE("A missing syntax model file is kNotFound, naming the file", "[syntax][model]") {
  const std::string path = "/nonexistent/models/syntax.bin";
  Result<SyntaxModel> model = SyntaxModel::Load(path);
  REQUIRE_FALSE(model.ok());
  CHECK(model.status().code() == StatusCode::kNotFound);
  CHECK(model.status().file() == path);
  CHECK_THAT(model.status().ToString(), Catch::Contains(path));
}

TEST_CASE("A truncated, foreign or garbage syntax model file is kDataError, naming the file",
          "[syntax][model]") {
  const std::string real = ReadBytes(kModelPath);
  REQUIRE(real.size() > 100000);
  const std::filesystem::path folder = TempFolder("syntax-model-test");
  struct Case {
    std::string name, bytes;
  };
  std::mt19937 random(7);
  std::string garbage(64 * 1024, '\0');
  for (char& c : garbage) c = static_cast<char>(random() & 0xFF);
  // A format version from the future: 2^31 - 1.
  const std::string future =
      real.substr(0, 8) + std::string("\xFF\xFF\xFF\x7F", 4) + real.substr(12);
  const Case cases[] = {
      {"empty.bin", ""},
      {"magic-only.bin", real.substr(0, 8)},
      {"header-only.bin", real.substr(0, 12)},
      {"truncated-early.bin", real.substr(0, 1000)},
      {"truncated-half.bin", real.substr(0, real.size() / 2)},
      {"truncated-one-byte.bin", real.substr(0, real.size() - 1)},
      {"trailing-bytes.bin", real + "x"},
      {"garbage.bin", garbage},
      {"garbage-after-header.bin", real.substr(0, 12) + garbage},
      {"future-version.bin", future},
      {"text.bin", "This is not a model.\n"},
  };
  for (const Case& c : cases) {
    INFO("model: " << c.name);
    const std::string path = (folder / c.name).string();
    WriteBytes(path, c.bytes);
    Result<SyntaxModel> model = SyntaxModel::Load(path);
    REQUIRE_FALSE(model.ok());
    CHECK(model.status().code() == StatusCode::kDataError);
    CHECK(model.status().file() == path);
    CHECK_THAT(model.status().ToString(), Catch::Contains(path));
  }
  std::filesystem::remove_all(folder);
}

// ------------------------------------------------------------------ CoNLL-U

TEST_CASE("ReadConllu reads syntactic words, skipping multi-word tokens", "[syntax][conllu]") {
  std::vector<ConlluSentence> sentences;
  Status read = ReadConllu(kTinyTreebank, &sentences);
  if (!read.ok()) FAIL(read.ToString());
  REQUIRE(sentences.size() == 16);
  const ConlluSentence& last = sentences.back();  // "Officials didn't comment."
  REQUIRE(last.words.size() == 5);
  CHECK(last.words[1].form == "did");
  CHECK(last.words[2].form == "n't");
  CHECK(last.words[2].lemma == "not");
  CHECK(last.words[2].head == 4);
  CHECK(last.words[2].deprel == "advmod");
  CHECK(last.words[3].head == 0);
  CHECK(last.words[3].misc == "SpaceAfter=No");
  CHECK(last.comments ==
        std::vector<std::string>{"# sent_id = tiny-16", "# text = Officials didn't comment."});

  // Written back and read again: the same sentences.
  const std::filesystem::path folder = TempFolder("syntax-conllu-roundtrip");
  {
    std::ofstream out(folder / "copy.conllu");
    for (const ConlluSentence& sentence : sentences) WriteConlluSentence(sentence, out);
  }
  std::vector<ConlluSentence> again;
  REQUIRE(ReadConllu((folder / "copy.conllu").string(), &again).ok());
  REQUIRE(again.size() == sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    CHECK(again[s].comments == sentences[s].comments);
    REQUIRE(again[s].words.size() == sentences[s].words.size());
    for (std::size_t w = 0; w < sentences[s].words.size(); ++w) {
      const ConlluWord &a = again[s].words[w], &b = sentences[s].words[w];
      CHECK(std::tie(a.form, a.lemma, a.upos, a.xpos, a.feats, a.head, a.deprel, a.misc) ==
            std::tie(b.form, b.lemma, b.upos, b.xpos, b.feats, b.head, b.deprel, b.misc));
    }
  }
  std::filesystem::remove_all(folder);
}

TEST_CASE("ReadConllu names the file and line of a malformed line", "[syntax][conllu]") {
  const std::string good = "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n";
  const std::string good2 = "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n";
  struct Case {
    std::string name, text;
    long line;
  };
  const Case cases[] = {
      {"nine-fields.conllu",
       "# text = Troops left\n" + good + "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\n", 3},
      {"spaces.conllu", good + "2 left leave VERB VBD _ 0 root _ _\n", 2},
      {"bad-head.conllu", good + "2\tleft\tleave\tVERB\tVBD\t_\tone\troot\t_\t_\n", 2},
      {"negative-head.conllu", good + "2\tleft\tleave\tVERB\tVBD\t_\t-1\troot\t_\t_\n", 2},
      {"id-skips.conllu", good + "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n", 2},
      {"id-not-a-number.conllu",
       good + good2 + "\n" + good + "x\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n", 5},
      // A sentence's heads must make one tree: checked when it ends, naming the word's line.
      {"head-past-end.conllu", good + "\n", 1},
      {"two-roots.conllu", "1\tTroops\ttroop\tNOUN\tNNS\t_\t0\troot\t_\t_\n" + good2 + "\n", 1},
      {"cycle.conllu", good + "2\tleft\tleave\tVERB\tVBD\t_\t1\troot\t_\t_\n\n", 1},
      {"unknown-upos.conllu", good + "2\tleft\tleave\tVERBAL\tVBD\t_\t0\troot\t_\t_\n", 2},
      {"second-sentence.conllu", good + good2 + "\n" + good + "2\tleft\n", 5},
  };
  const std::filesystem::path folder = TempFolder("syntax-conllu-test");
  for (const Case& c : cases) {
    INFO("file: " << c.name);
    const std::string path = (folder / c.name).string();
    WriteBytes(path, c.text);
    std::vector<ConlluSentence> sentences;
    Status read = ReadConllu(path, &sentences);
    REQUIRE_FALSE(read.ok());
    CHECK(read.code() == StatusCode::kDataError);
    CHECK(read.file() == path);
    CHECK(read.line() == c.line);
    CHECK_THAT(read.ToString(), Catch::Contains(path + ":" + std::to_string(c.line)));
  }

  // A head past the end of its sentence is caught once the sentence is read.
  const std::string past = (folder / "head-past-end.conllu").string();
  WriteBytes(past, good + "2\tleft\tleave\tVERB\tVBD\t_\t3\troot\t_\t_\n");
  std::vector<ConlluSentence> sentences;
  Status read = ReadConllu(past, &sentences);
  REQUIRE_FALSE(read.ok());
  CHECK(read.code() == StatusCode::kDataError);
  CHECK_THAT(read.ToString(), Catch::Contains(past));

  Status missing = ReadConllu((folder / "none.conllu").string(), &sentences);
  CHECK(missing.code() == StatusCode::kNotFound);
  CHECK_THAT(missing.ToString(), Catch::Contains("none.conllu"));
  std::filesystem::remove_all(folder);
}
