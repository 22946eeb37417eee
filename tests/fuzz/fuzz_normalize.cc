// libFuzzer target: text repair (NormalizeText and its parts).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eventgraph/normalize.h"
#include "eventgraph/text_util.h"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 256 * 1024) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  TextRepairs repairs;
  std::vector<uint32_t> origin;
  const std::string text = NormalizeText(input, &repairs, &origin);
  std::size_t invalid = 0;
  RepairUtf8(text, &invalid);
  if (invalid != 0) __builtin_trap();  // always valid UTF-8
  if (text.find('\0') != std::string::npos || text.find('\r') != std::string::npos)
    __builtin_trap();
  if (!origin.empty()) {
    if (origin.size() != CountCodePoints(text) + 1) __builtin_trap();
    for (uint32_t offset : origin) {
      if (offset > origin.back()) __builtin_trap();  // every origin lies within the input
    }
  }
  // The parts on their own.
  const std::string repaired = RepairUtf8(input);
  std::size_t splits = 0;
  const std::string split = SplitGluedWords(repaired, &splits);
  if (split.size() != repaired.size() + splits) __builtin_trap();
  LooksBinary(input);
  if (LooksLikeHtml(repaired)) HtmlToText(repaired);
  DecodeCharacterReferences(repaired);
  return 0;
}
