// EventGraph -> GraphML (http://graphml.graphdrawing.org/), written for
// Gephi: one <key> per attribute with its attr.type and domain, node ids
// that are our entity and event ids (distinct prefixes, so they cannot
// collide), a "label" on every node, and the event's date on every edge.
#include <utf8proc.h>

#include <algorithm>
#include <cstdio>

#include "eventgraph/export.h"
#include "eventgraph/text_util.h"
#include "fixed_number.h"

namespace eventgraph {
namespace {

struct Key {
  const char* id;
  const char* domain;  // node or edge
  const char* name;
  const char* type;  // string, int, double, boolean
};

constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"kind", "node", "kind", "string"},
    {"type", "node", "type", "string"},
    {"family", "node", "family", "string"},
    {"cameo", "node", "cameo", "string"},
    {"date", "node", "date", "string"},
    {"start", "node", "start", "string"},
    {"end", "node", "end", "string"},
    {"confidence", "node", "confidence", "double"},
    {"mentions", "node", "mentions", "int"},
    {"entity_kind", "node", "entity_kind", "string"},
    {"country", "node", "country", "string"},
    {"actor_code", "node", "actor_code", "string"},
    {"region", "node", "region", "string"},
    {"e_kind", "edge", "kind", "string"},
    {"e_role", "edge", "role", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_date", "edge", "date", "string"},
    {"e_start", "edge", "start", "string"},
    {"e_end", "edge", "end", "string"},
    {"e_weight", "edge", "weight", "double"},
    // 0/1, not a boolean: Boost's reader takes xs:boolean only as 0/1, and Gephi reads "1" as
    // false.
    {"e_inferred", "edge", "inferred", "int"},
};

void Data(OutputSink* out, const char* key, std::string_view value) {
  if (value.empty()) return;
  *out += "      <data key=\"";
  *out += key;
  *out += "\">";
  *out += XmlEscape(value);
  *out += "</data>\n";
}

}  // namespace

std::string XmlEscape(std::string_view raw) {
  std::string out;
  AppendXmlEscaped(raw, &out);
  return out;
}

void AppendXmlEscaped(std::string_view raw, std::string* appended_to) {
  // Most text is plain printable ASCII: nothing to escape or repair.
  const bool plain = std::all_of(raw.begin(), raw.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
  });
  if (plain) {
    appended_to->append(raw);
    return;
  }
  std::string text = RepairUtf8(raw);
  std::string& out = *appended_to;
  out.reserve(out.size() + text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < size) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (len <= 0) {  // cannot happen after RepairUtf8; stay safe anyway
      out += "\xEF\xBF\xBD";
      ++pos;
      continue;
    }
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                       (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (allowed) {
          out.append(text, static_cast<std::size_t>(pos), static_cast<std::size_t>(len));
        } else {
          out += "\xEF\xBF\xBD";
        }
    }
    pos += len;
  }
}

void WriteGraphMl(const EventGraph& graph, OutputSink& out) {
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n";
  out += "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n";
  out +=
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : kKeys) {
    out += "  <key id=\"";
    out += key.id;
    out += "\" for=\"";
    out += key.domain;
    out += "\" attr.name=\"";
    out += key.name;
    out += "\" attr.type=\"";
    out += key.type;
    out += "\"/>\n";
  }
  out += "  <graph id=\"eventgraph\" edgedefault=\"directed\">\n";
  for (const Entity& entity : graph.entities) {
    out += "    <node id=\"" + XmlEscape(entity.id) + "\">\n";
    Data(&out, "label", entity.name);
    Data(&out, "kind", "entity");
    Data(&out, "entity_kind", entity.kind);
    Data(&out, "country", entity.country);
    Data(&out, "actor_code", entity.code);
    Data(&out, "region", entity.region_name.empty() ? entity.region : entity.region_name);
    Data(&out, "mentions", std::to_string(entity.mentions));
    out += "    </node>\n";
  }
  for (const Event& event : graph.events) {
    out += "    <node id=\"" + XmlEscape(event.id) + "\">\n";
    Data(&out, "label", event.label);
    Data(&out, "kind", "event");
    Data(&out, "type", event.type);
    Data(&out, "family", event.family);
    Data(&out, "cameo", event.cameo);
    Data(&out, "date", event.date);
    Data(&out, "start", event.start);
    Data(&out, "end", event.end);
    Data(&out, "confidence", export_detail::FixedNumber(event.confidence, 2).text());
    Data(&out, "mentions", std::to_string(event.mentions.size()));
    out += "    </node>\n";
  }
  std::size_t edge_number = 0;
  auto edge_open = [&](std::string_view source, std::string_view target) {
    out += "    <edge id=\"x" + std::to_string(++edge_number) + "\" source=\"" + XmlEscape(source) +
           "\" target=\"" + XmlEscape(target) + "\">\n";
  };
  for (const Event& event : graph.events) {
    for (const Participant& p : event.participants) {
      edge_open(graph.entities[p.entity].id, event.id);
      Data(&out, "e_kind", "participation");
      Data(&out, "e_role", p.role);
      Data(&out, "e_date", event.date);
      Data(&out, "e_start", event.start);
      Data(&out, "e_end", event.end);
      Data(&out, "e_weight",
           export_detail::FixedNumber(static_cast<double>(event.mentions.size()), 2).text());
      out += "    </edge>\n";
    }
  }
  for (const Relation& relation : graph.relations) {
    const Event& source = graph.events[relation.source];
    const Event& target = graph.events[relation.target];
    edge_open(source.id, target.id);
    Data(&out, "e_kind", "relation");
    Data(&out, "e_type", relation.type);
    // The relation holds from the earlier event's start to the later one's end.
    Data(&out, "e_date", !source.date.empty() ? source.date : target.date);
    Data(&out, "e_start", !source.start.empty() ? source.start : target.start);
    Data(&out, "e_end", !target.end.empty() ? target.end : source.end);
    Data(&out, "e_weight",
         export_detail::FixedNumber(relation.inferred ? 0.5 : static_cast<double>(relation.support),
                                    2)
             .text());
    Data(&out, "e_inferred", relation.inferred ? "1" : "0");
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
}

std::string GraphMl(const EventGraph& graph) { return WrittenText(WriteGraphMl, graph); }

}  // namespace eventgraph
