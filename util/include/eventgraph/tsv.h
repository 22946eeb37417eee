// Reading the tab-separated data files under data/.
//
//   Result<std::vector<TsvRow>> rows = ReadTsv(path, /*min_fields=*/2, /*max_fields=*/4);
//   for (const TsvRow& row : *rows) Use(row.fields[0], row.line);
//
// Blank lines and lines starting with '#' are skipped. Every row keeps its
// line number so that later validation can report `file:line: reason`.
#pragma once

#include <string>
#include <vector>

#include "eventgraph/status.h"

namespace eventgraph {

struct TsvRow {
  std::vector<std::string> fields;  // trimmed
  long line = 0;                    // 1-based line number in the file
};

// Fails with kNotFound/kIoError when the file cannot be read, and with
// kDataError naming the line when a row has fewer than `min_fields` or more
// than `max_fields` fields or is not valid UTF-8.
Result<std::vector<TsvRow>> ReadTsv(const std::string& path, int min_fields, int max_fields);

}  // namespace eventgraph
