// TimeML in and out, by plain string search: TempEval-3 files are small,
// regular and not always valid XML in their headers, so a full parser would
// reject files the official scorer accepts.
#include "eventgraph/timeml.h"

#include <algorithm>

#include "temporal_internal.h"

namespace eventgraph {
namespace {

std::string Attribute(const std::string& tag, const std::string& name) {
  for (std::size_t pos = tag.find(name + "="); pos != std::string::npos;
       pos = tag.find(name + "=", pos + 1)) {
    if (pos > 0 && tag[pos - 1] != ' ' && tag[pos - 1] != '\t' && tag[pos - 1] != '\n') continue;
    std::size_t quote = pos + name.size() + 1;
    if (quote >= tag.size() || (tag[quote] != '"' && tag[quote] != '\'')) continue;
    std::size_t close = tag.find(tag[quote], quote + 1);
    if (close == std::string::npos) return {};
    return tag.substr(quote + 1, close - quote - 1);
  }
  return {};
}

}  // namespace

Result<TimeMlDocument> ParseTimeMl(std::string raw, const std::string& path) {
  TimeMlDocument doc;
  doc.raw = std::move(raw);
  const std::string& r = doc.raw;
  std::size_t open = r.find("<TEXT>");
  std::size_t close = open == std::string::npos ? std::string::npos : r.find("</TEXT>", open);
  if (open == std::string::npos || close == std::string::npos) {
    return Status(StatusCode::kParseError, "no <TEXT> ... </TEXT> body: not a TimeML document",
                  path);
  }
  doc.text_begin = open + 6;
  doc.text_end = close;
  if (std::size_t id = r.find("<DOCID>"); id != std::string::npos) {
    std::size_t end = r.find("</DOCID>", id);
    if (end != std::string::npos) {
      doc.docid = r.substr(id + 7, end - id - 7);
      doc.docid.erase(0, doc.docid.find_first_not_of(" \t\r\n"));
      doc.docid.erase(doc.docid.find_last_not_of(" \t\r\n") + 1);
    }
  }
  if (std::size_t dct = r.find("<DCT>"); dct != std::string::npos) {
    std::size_t tag = r.find("<TIMEX3", dct);
    std::size_t tag_end = tag == std::string::npos ? tag : r.find('>', tag);
    if (tag_end != std::string::npos) {
      std::string value = Attribute(r.substr(tag, tag_end - tag), "value");
      date::sys_days day;
      if (value.size() >= 10 && temporal::ParseDay(value.substr(0, 10), &day))
        doc.dct = value.substr(0, 10);
    }
  }
  doc.tagging_text.assign(r.size(), ' ');
  for (std::size_t i = doc.text_begin; i < doc.text_end; ++i) {
    if (r[i] == '<') {  // markup inside the body (an annotated file): blank it
      std::size_t end = r.find('>', i);
      if (end == std::string::npos || end > doc.text_end) break;
      i = end;
      continue;
    }
    if (r[i] == '&') {  // an entity reads as one character, kept in place of its first byte
      std::size_t end = r.find(';', i);
      if (end != std::string::npos && end - i <= 8) {
        std::string entity = r.substr(i, end - i + 1);
        doc.tagging_text[i] = entity == "&amp;"    ? '&'
                              : entity == "&lt;"   ? '<'
                              : entity == "&gt;"   ? '>'
                              : entity == "&quot;" ? '"'
                              : entity == "&apos;" ? '\''
                                                   : ' ';
        i = end;
        continue;
      }
    }
    doc.tagging_text[i] = r[i];
  }
  return doc;
}

std::string WriteTimeMl(const TimeMlDocument& document, const std::vector<Timex>& timexes) {
  int next_tid = 0;
  const std::string& r = document.raw;
  for (std::size_t pos = r.find("tid=\"t"); pos != std::string::npos;
       pos = r.find("tid=\"t", pos + 1)) {
    next_tid = std::max(next_tid, std::atoi(r.c_str() + pos + 6));
  }
  std::vector<const Timex*> ordered;
  for (const Timex& timex : timexes) {
    if (timex.begin >= document.text_begin && timex.end <= document.text_end)
      ordered.push_back(&timex);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Timex* a, const Timex* b) { return a->begin < b->begin; });
  std::string out;
  out.reserve(r.size() + ordered.size() * 64);
  std::size_t copied = 0;
  for (const Timex* timex : ordered) {
    if (timex->begin < copied) continue;
    out.append(r, copied, timex->begin - copied);
    out += "<TIMEX3 tid=\"t" + std::to_string(++next_tid) + "\" type=\"" + timex->type +
           "\" value=\"" + timex->value + "\"";
    if (!timex->mod.empty()) out += " mod=\"" + timex->mod + "\"";
    out += ">";
    out.append(r, timex->begin, timex->end - timex->begin);
    out += "</TIMEX3>";
    copied = timex->end;
  }
  out.append(r, copied, std::string::npos);
  return out;
}

}  // namespace eventgraph
