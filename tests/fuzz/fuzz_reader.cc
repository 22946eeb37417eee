// libFuzzer target: the document reader. The first byte picks the format
// (even: a .txt file's content, odd: a JSONL stream); the rest is the input.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "eventgraph/document.h"
#include "eventgraph/text_util.h"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 1 || size > 256 * 1024) return 0;
  std::string input(reinterpret_cast<const char*>(data + 1), size - 1);
  ReadOptions options;
  options.max_doc_bytes = 64 * 1024;
  ReadOutcome read;
  if (data[0] % 2 == 0) {
    read = ReadTextContent(input, "fuzz.txt", options);
  } else {
    std::istringstream in(input);
    read = ReadJsonlStream(in, "fuzz.jsonl", options);
  }
  for (const Document& doc : read.documents) {
    // What the reader hands on is valid UTF-8, with a valid date or none, and offsets that map
    // into the input.
    std::size_t invalid = 0;
    RepairUtf8(doc.text, &invalid);
    if (invalid != 0) __builtin_trap();
    if (!doc.date.empty() && !IsValidIsoDate(doc.date)) __builtin_trap();
    if (!doc.origin.empty() && doc.origin.size() != CountCodePoints(doc.text) + 1) __builtin_trap();
  }
  return 0;
}
