// CoNLL-U files -> sentences of syntactic words, and back (see conllu.h).
#include "eventgraph/conllu.h"

#include "eventgraph/syntax.h"
#include "eventgraph/text_util.h"

#include <fstream>
#include <string_view>

namespace eventgraph {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace

Status ReadConllu(const std::string& path, std::vector<ConlluSentence>* sentences) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, "cannot open CoNLL-U file", path);
  ConlluSentence current;
  std::string line;
  long line_number = 0;
  std::vector<long> word_lines;  // the line of each word of the current sentence
  // A sentence ends: its heads must make one tree (one root, no cycle, none past its end).
  auto finish = [&]() -> Status {
    const int size = static_cast<int>(current.words.size());
    int roots = 0;
    for (int i = 0; i < size; ++i) {
      if (current.words[i].head > size) {
        return Status(StatusCode::kDataError, "a head points past its sentence", path,
                      word_lines[i]);
      }
      roots += current.words[i].head == 0;
    }
    // Every head is now inside the sentence, so the walks below stay in it.
    for (int i = 0; i < size; ++i) {
      // Follow the heads up: more steps than words means a cycle.
      int at = i + 1, steps = 0;
      while (at > 0 && steps <= size) {
        at = current.words[at - 1].head;
        ++steps;
      }
      if (steps > size) {
        return Status(StatusCode::kDataError, "the heads make a cycle", path, word_lines[i]);
      }
    }
    if (size > 0 && roots != 1 && current.words.front().head >= 0) {
      return Status(StatusCode::kDataError,
                    "a sentence has " + std::to_string(roots) + " roots, not one", path,
                    word_lines.front());
    }
    if (!current.words.empty()) sentences->push_back(std::move(current));
    current = ConlluSentence();
    word_lines.clear();
    return Status();
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (Status done = finish(); !done.ok()) return done;
      continue;
    }
    if (line[0] == '#') {
      current.comments.push_back(line);
      continue;
    }
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() != 10) {
      return Status(StatusCode::kDataError,
                    "expected 10 tab-separated fields, got " + std::to_string(fields.size()), path,
                    line_number);
    }
    if (fields[0].find_first_of("-.") != std::string_view::npos) continue;
    int id = 0;
    ConlluWord word;
    if (!ParseInt(fields[0], &id) || id != static_cast<int>(current.words.size()) + 1) {
      return Status(StatusCode::kDataError, "word id out of sequence", path, line_number);
    }
    if (fields[6] == "_") {
      word.head = -1;
    } else if (!ParseInt(fields[6], &word.head) || word.head < 0) {
      return Status(StatusCode::kDataError, "head is not a word number", path, line_number);
    }
    Upos upos;
    if (fields[3] != "_" && !ParseUpos(fields[3], &upos)) {
      return Status(StatusCode::kDataError,
                    "unknown UPOS \"" + std::string(fields[3]) + "\" (UD has 17)", path,
                    line_number);
    }
    word.form = fields[1];
    word.lemma = fields[2];
    word.upos = fields[3];
    word.xpos = fields[4];
    word.feats = fields[5];
    word.deprel = fields[7];
    word.misc = fields[9];
    current.words.push_back(std::move(word));
    word_lines.push_back(line_number);
  }
  return finish();
}

void WriteConlluSentence(const ConlluSentence& sentence, std::ostream& out) {
  for (const std::string& comment : sentence.comments) out << comment << '\n';
  int id = 1;
  for (const ConlluWord& word : sentence.words) {
    auto field = [](const std::string& value) -> const std::string& {
      static const std::string kEmpty = "_";
      return value.empty() ? kEmpty : value;
    };
    out << id++ << '\t' << field(word.form) << '\t' << field(word.lemma) << '\t' << field(word.upos)
        << '\t' << field(word.xpos) << '\t' << field(word.feats) << '\t';
    if (word.head < 0) {
      out << '_';
    } else {
      out << word.head;
    }
    out << '\t' << field(word.deprel) << "\t_\t" << field(word.misc) << '\n';
  }
  out << '\n';
}

}  // namespace eventgraph
