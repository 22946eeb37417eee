#include "eventgraph/tsv.h"

#include <filesystem>
#include <fstream>

#include "eventgraph/text_util.h"

namespace eventgraph {

Result<std::vector<TsvRow>> ReadTsv(const std::string& path, int min_fields, int max_fields) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return Status(StatusCode::kNotFound, "data file not found", path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, "cannot open data file", path);
  std::vector<TsvRow> rows;
  std::string line;
  long number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::size_t replaced = 0;
    RepairUtf8(line, &replaced);
    if (replaced > 0) return Status(StatusCode::kDataError, "invalid UTF-8", path, number);
    TsvRow row;
    row.line = number;
    for (std::string_view field : Split(line, '\t')) row.fields.emplace_back(Trim(field));
    while (!row.fields.empty() && row.fields.back().empty() &&
           static_cast<int>(row.fields.size()) > min_fields) {
      row.fields.pop_back();  // trailing tabs are harmless
    }
    const int count = static_cast<int>(row.fields.size());
    if (count < min_fields || count > max_fields) {
      std::string expected = min_fields == max_fields
                                 ? std::to_string(min_fields)
                                 : std::to_string(min_fields) + " to " + std::to_string(max_fields);
      return Status(StatusCode::kDataError,
                    "expected " + expected + " tab-separated fields, got " + std::to_string(count),
                    path, number);
    }
    rows.push_back(std::move(row));
  }
  if (in.bad()) return Status(StatusCode::kIoError, "read error", path);
  return rows;
}

}  // namespace eventgraph
