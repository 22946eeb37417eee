// EventGraph -> GEXF 1.3 (https://gexf.net/), Gephi's own format, dynamic:
// every dated node and edge carries start/end days, so Gephi's timeline
// slider replays the story day by day. Undated events and their edges carry
// none, and Gephi shows them throughout. An entity lives from the first day
// of the events it takes part in to the last.
#include <algorithm>
#include <cstdio>
#include <map>

#include "eventgraph/export.h"
#include "fixed_number.h"

namespace eventgraph {
namespace {

struct Rgb {
  int r, g, b;
};

// Colours by event family and entity kind: a qualitative palette
// (ColorBrewer Set1/Dark2), so that families stay apart on screen.
Rgb ColourOf(std::string_view group) {
  static const std::map<std::string, Rgb, std::less<>> kColours = {
      {"conflict", {228, 26, 28}},     {"contact", {55, 126, 184}},  {"statement", {77, 175, 74}},
      {"cooperation", {152, 78, 163}}, {"justice", {255, 127, 0}},   {"coercion", {166, 86, 40}},
      {"politics", {247, 129, 191}},   {"business", {102, 166, 30}}, {"disaster", {230, 171, 2}},
      {"protest", {231, 41, 138}},     {"person", {117, 112, 179}},  {"country", {27, 158, 119}},
      {"organization", {217, 95, 2}},  {"location", {102, 102, 102}}};
  auto found = kColours.find(group);
  return found != kColours.end() ? found->second : Rgb{153, 153, 153};
}

struct Attribute {
  const char* id;
  const char* type;  // string, integer, double, boolean
};

constexpr Attribute kNodeAttributes[] = {
    {"kind", "string"},       {"type", "string"},        {"family", "string"},
    {"cameo", "string"},      {"date", "string"},        {"confidence", "double"},
    {"mentions", "integer"},  {"entity_kind", "string"}, {"country", "string"},
    {"actor_code", "string"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"kind", "string"}, {"role", "string"},      {"type", "string"},
    {"date", "string"}, {"inferred", "boolean"},
};

void Attr(OutputSink* out, const char* name, std::string_view value) {
  if (value.empty()) return;
  *out += ' ';
  *out += name;
  *out += "=\"";
  *out += XmlEscape(value);
  *out += '"';
}

void Values(OutputSink* out, const std::vector<std::pair<const char*, std::string_view>>& values) {
  *out += "        <attvalues>\n";
  for (const auto& [key, value] : values) {
    if (value.empty()) continue;
    *out += "          <attvalue for=\"";
    *out += key;
    *out += "\" value=\"";
    *out += XmlEscape(value);
    *out += "\"/>\n";
  }
  *out += "        </attvalues>\n";
}

void Viz(OutputSink* out, std::string_view group, double size) {
  const Rgb c = ColourOf(group);
  char buffer[128];
  std::snprintf(buffer, sizeof buffer,
                "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n        <viz:size value=\"", c.r,
                c.g, c.b);
  *out += buffer;
  *out += export_detail::FixedNumber(size, 1).text();
  *out += "\"/>\n";
}

void Declare(OutputSink* out, const char* domain, const Attribute* begin, const Attribute* end) {
  *out += "    <attributes class=\"";
  *out += domain;
  *out += "\" mode=\"static\">\n";
  for (const Attribute* a = begin; a != end; ++a) {
    *out += "      <attribute id=\"";
    *out += a->id;
    *out += "\" title=\"";
    *out += a->id;
    *out += "\" type=\"";
    *out += a->type;
    *out += "\"/>\n";
  }
  *out += "    </attributes>\n";
}

}  // namespace

void WriteGexf(const EventGraph& graph, OutputSink& out) {
  // An entity spans the days of the dated events it takes part in.
  std::vector<std::pair<std::string, std::string>> span(graph.entities.size());
  std::vector<int> appearances(graph.entities.size(), 0);
  for (const Event& event : graph.events) {
    for (const Participant& p : event.participants) {
      ++appearances[p.entity];
      if (event.start.empty()) continue;
      auto& [first, last] = span[p.entity];
      if (first.empty() || event.start < first) first = event.start;
      if (last.empty() || event.end > last) last = event.end;
    }
  }

  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n";
  out += "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n";
  out += "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" ";
  out += "version=\"1.3\">\n";
  out += "  <meta>\n    <creator>eventgraph</creator>\n";
  out += "    <description>events and entities from news articles</description>\n  </meta>\n";
  out += "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n";
  Declare(&out, "node", std::begin(kNodeAttributes), std::end(kNodeAttributes));
  Declare(&out, "edge", std::begin(kEdgeAttributes), std::end(kEdgeAttributes));

  out += "    <nodes>\n";
  for (std::size_t i = 0; i < graph.entities.size(); ++i) {
    const Entity& entity = graph.entities[i];
    out += "      <node";
    Attr(&out, "id", entity.id);
    Attr(&out, "label", entity.name);
    Attr(&out, "start", span[i].first);
    Attr(&out, "end", span[i].second);
    out += ">\n";
    Values(&out, {{"kind", "entity"},
                  {"entity_kind", entity.kind},
                  {"country", entity.country},
                  {"actor_code", entity.code},
                  {"mentions", std::to_string(entity.mentions)}});
    Viz(&out, entity.kind, 4.0 + 2.0 * std::min(appearances[i], 10));
    out += "      </node>\n";
  }
  for (const Event& event : graph.events) {
    out += "      <node";
    Attr(&out, "id", event.id);
    Attr(&out, "label", event.label);
    Attr(&out, "start", event.start);
    Attr(&out, "end", event.end);
    out += ">\n";
    const export_detail::FixedNumber confidence(event.confidence, 2);
    Values(&out, {{"kind", "event"},
                  {"type", event.type},
                  {"family", event.family},
                  {"cameo", event.cameo},
                  {"date", event.date},
                  {"confidence", confidence.text()},
                  {"mentions", std::to_string(event.mentions.size())}});
    Viz(&out, event.family,
        6.0 + 2.0 * static_cast<double>(std::min<std::size_t>(event.mentions.size(), 12)));
    out += "      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  std::size_t edge_number = 0;
  auto edge = [&](std::string_view source, std::string_view target, std::string_view start,
                  std::string_view end, double weight) {
    char head[64];
    std::snprintf(head, sizeof head, "      <edge id=\"x%zu\"", ++edge_number);
    out += head;
    Attr(&out, "source", source);
    Attr(&out, "target", target);
    Attr(&out, "start", start);
    Attr(&out, "end", end);
    out += " weight=\"";
    out += export_detail::FixedNumber(weight, 1).text();
    out += "\">\n";
  };
  for (const Event& event : graph.events) {
    for (const Participant& p : event.participants) {
      edge(graph.entities[p.entity].id, event.id, event.start, event.end,
           static_cast<double>(event.mentions.size()));
      Values(&out, {{"kind", "participation"}, {"role", p.role}, {"date", event.date}});
      out += "      </edge>\n";
    }
  }
  for (const Relation& relation : graph.relations) {
    const Event& source = graph.events[relation.source];
    const Event& target = graph.events[relation.target];
    // The relation holds from the earlier event's start to the later one's end.
    const SharedString start = !source.start.empty() ? source.start : target.start;
    const SharedString end = !target.end.empty() ? target.end : source.end;
    edge(source.id, target.id, start, std::max(start, end),
         relation.inferred ? 0.5 : static_cast<double>(relation.support));
    Values(&out, {{"kind", "relation"},
                  {"type", relation.type},
                  {"date", !source.date.empty() ? source.date : target.date},
                  {"inferred", relation.inferred ? "true" : "false"}});
    out += "      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
}

std::string Gexf(const EventGraph& graph) { return WrittenText(WriteGexf, graph); }

}  // namespace eventgraph
