// data/temporal/*.tsv -> TemporalLexicon, validated with file:line errors.
#include "eventgraph/text_util.h"
#include "eventgraph/timex.h"
#include "eventgraph/tsv.h"

namespace eventgraph {
namespace {

bool ParseInt(const std::string& text, int* value) {
  if (text.empty()) return false;
  std::size_t start = text[0] == '+' || text[0] == '-' ? 1 : 0;
  if (start == text.size()) return false;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  *value = std::stoi(text);
  return true;
}

}  // namespace

Result<TemporalLexicon> LoadTemporalLexicon(const std::string& data_dir) {
  const std::string dir = data_dir + "/temporal/";
  TemporalLexicon words;
  struct NumberTable {
    const char* file;
    std::unordered_map<std::string, int>* table;
    int min, max;
  };
  for (const NumberTable& spec : {NumberTable{"months.tsv", &words.months, 1, 12},
                                  NumberTable{"weekdays.tsv", &words.weekdays, 1, 7},
                                  NumberTable{"numbers.tsv", &words.numbers, 0, 1000}}) {
    auto rows = ReadTsv(dir + spec.file, 2, 2);
    if (!rows.ok()) return rows.status();
    for (const TsvRow& row : *rows) {
      int value = 0;
      if (!ParseInt(row.fields[1], &value) || value < spec.min || value > spec.max) {
        return Status(StatusCode::kDataError,
                      "expected a number from " + std::to_string(spec.min) + " to " + std::to_string(spec.max) +
                          ", got \"" + row.fields[1] + "\"",
                      dir + spec.file, row.line);
      }
      (*spec.table)[AsciiLower(row.fields[0])] = value;
    }
  }
  auto units = ReadTsv(dir + "units.tsv", 2, 2);
  if (!units.ok()) return units.status();
  for (const TsvRow& row : *units) {
    static const char* kUnits[] = {"hour", "day", "week", "month", "year", "decade"};
    bool known = false;
    for (const char* unit : kUnits) known = known || row.fields[1] == unit;
    if (!known) {
      return Status(StatusCode::kDataError, "unknown unit \"" + row.fields[1] + "\"", dir + "units.tsv", row.line);
    }
    words.units[AsciiLower(row.fields[0])] = row.fields[1];
  }
  auto relative = ReadTsv(dir + "relative.tsv", 3, 3);
  if (!relative.ok()) return relative.status();
  for (const TsvRow& row : *relative) {
    RelativeWord word;
    word.unit = row.fields[1];
    if (word.unit != "day" && word.unit != "week" && word.unit != "month" && word.unit != "year" &&
        word.unit != "ref") {
      return Status(StatusCode::kDataError, "unknown unit \"" + word.unit + "\"", dir + "relative.tsv", row.line);
    }
    if (!ParseInt(row.fields[2], &word.offset)) {
      return Status(StatusCode::kDataError, "expected an integer offset, got \"" + row.fields[2] + "\"",
                    dir + "relative.tsv", row.line);
    }
    std::vector<std::string> tokens;
    const std::string phrase = AsciiLower(row.fields[0]);  // Split returns views into it
    for (std::string_view word_text : Split(phrase, ' ')) {
      if (!word_text.empty()) tokens.emplace_back(word_text);
    }
    words.relative.Add(std::move(tokens), word);
  }
  auto cues = ReadTsv(dir + "future_cues.tsv", 1, 1);
  if (!cues.ok()) return cues.status();
  for (const TsvRow& row : *cues) words.future_cues.push_back(AsciiLower(row.fields[0]));
  return words;
}

}  // namespace eventgraph
