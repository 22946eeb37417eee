// CoNLL-U files -> sentences of syntactic words, and back (see conllu.h).
#include "eventgraph/conllu.h"

#include <charconv>
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

bool ParseInt(std::string_view text, int* value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

Status ReadConllu(const std::string& path, std::vector<ConlluSentence>* sentences) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, "cannot open CoNLL-U file", path);
  ConlluSentence current;
  std::string line;
  long line_number = 0;
  auto finish = [&]() {
    if (!current.words.empty()) sentences->push_back(std::move(current));
    current = ConlluSentence();
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish();
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
    word.form = fields[1];
    word.lemma = fields[2];
    word.upos = fields[3];
    word.xpos = fields[4];
    word.feats = fields[5];
    word.deprel = fields[7];
    word.misc = fields[9];
    current.words.push_back(std::move(word));
  }
  finish();
  for (const ConlluSentence& sentence : *sentences) {
    for (const ConlluWord& word : sentence.words) {
      if (word.head > static_cast<int>(sentence.words.size())) {
        return Status(StatusCode::kDataError, "a head points past its sentence", path);
      }
    }
  }
  return Status();
}

void WriteConlluSentence(const ConlluSentence& sentence, std::ostream& out) {
  for (const std::string& comment : sentence.comments) out << comment << '\n';
  int id = 1;
  for (const ConlluWord& word : sentence.words) {
    auto field = [](const std::string& value) -> const std::string& {
      static const std::string kEmpty = "_";
      return value.empty() ? kEmpty : value;
    };
    out << id++ << '\t' << field(word.form) << '\t' << field(word.lemma) << '\t'
        << field(word.upos) << '\t' << field(word.xpos) << '\t' << field(word.feats) << '\t';
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
