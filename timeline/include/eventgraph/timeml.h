// TimeML documents (TempEval-3 input and gold): reading the creation time
// and text, and writing the text back with TIMEX3 tags around what we found.
//
//   Result<TimeMlDocument> doc = ParseTimeMl(raw, "ABC19980108.tml");
//   std::vector<Timex> found = TagTimexes(doc->tagging_text, Segment(doc->tagging_text, ...),
//   rules, doc->dct); std::string annotated = WriteTimeMl(*doc, found);
#pragma once

#include <string>
#include <vector>

#include "eventgraph/status.h"
#include "eventgraph/timex.h"

namespace eventgraph {

struct TimeMlDocument {
  std::string raw;    // the file as read
  std::string docid;  // <DOCID>, or "" when absent
  std::string dct;    // the creation time's day (YYYY-MM-DD), or "" when absent or invalid
  std::size_t text_begin = 0, text_end = 0;  // the <TEXT> body in `raw`
  // `raw` with everything outside the body, markup and entities blanked to
  // spaces: byte offsets into it are offsets into `raw`.
  std::string tagging_text;
};

Result<TimeMlDocument> ParseTimeMl(std::string raw, const std::string& path);

// `document.raw` with each timex wrapped in <TIMEX3 tid type value>; tids
// start after the highest one already in the file. Overlapping timexes
// (there should be none) keep the first.
std::string WriteTimeMl(const TimeMlDocument& document, const std::vector<Timex>& timexes);

}  // namespace eventgraph
