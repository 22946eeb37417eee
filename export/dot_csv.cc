// EventGraph -> Graphviz DOT, and -> the node and relationship CSV files of
// Neo4j's bulk importer (`neo4j-admin database import full --nodes=nodes.csv
// --relationships=relationships.csv`), whose headers name ids, labels, types
// and typed properties (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`,
// `confidence:double`).
#include <cctype>
#include <cstdio>

#include "eventgraph/export.h"

namespace eventgraph {
namespace {

std::string DotQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string_view>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  return row + "\n";
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string Fixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace

void WriteDot(const EventGraph& graph, OutputSink& out) {
  out += "digraph eventgraph {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (const Entity& entity : graph.entities) {
    out += "  " + DotQuoted(entity.id) + " [label=" + DotQuoted(entity.name) +
           ", shape=ellipse, kind=" + DotQuoted(entity.kind) + "];\n";
  }
  for (const Event& event : graph.events) {
    const std::string label =
        event.date.empty() ? event.label.str() : event.date.str() + ": " + event.label.str();
    out += "  " + DotQuoted(event.id) + " [label=" + DotQuoted(label) +
           ", shape=box, type=" + DotQuoted(event.type) + "];\n";
  }
  for (const Event& event : graph.events) {
    for (const Participant& p : event.participants) {
      out += "  " + DotQuoted(graph.entities[p.entity].id) + " -> " + DotQuoted(event.id) +
             " [label=" + DotQuoted(p.role) + ", color=gray50];\n";
    }
  }
  for (const Relation& relation : graph.relations) {
    out += "  " + DotQuoted(graph.events[relation.source].id) + " -> " +
           DotQuoted(graph.events[relation.target].id) + " [label=" + DotQuoted(relation.type) +
           (relation.type == "causes" ? ", style=bold, color=red" : "") +
           (relation.inferred ? ", style=dashed" : "") + "];\n";
  }
  out += "}\n";
}

std::string Dot(const EventGraph& graph) { return WrittenText(WriteDot, graph); }

std::string Neo4jNodesCsv(const EventGraph& graph) {
  std::string out =
      CsvRow({"id:ID", ":LABEL", "name", "kind", "type", "family", "cameo", "date", "start", "end",
              "confidence:double", "mentions:int", "country", "actor_code"});
  for (const Entity& e : graph.entities) {
    out += CsvRow({e.id, "Entity", e.name, e.kind, "", "", "", "", "", "", "",
                   std::to_string(e.mentions), e.country, e.code});
  }
  for (const Event& e : graph.events) {
    out += CsvRow({e.id, "Event", e.label, "event", e.type, e.family, e.cameo, e.date, e.start,
                   e.end, Fixed(e.confidence), std::to_string(e.mentions.size()), "", ""});
  }
  return out;
}

std::string Neo4jRelationshipsCsv(const EventGraph& graph) {
  std::string out = CsvRow({":START_ID", ":END_ID", ":TYPE", "role", "date", "start", "end",
                            "weight:double", "inferred:boolean"});
  for (const Event& event : graph.events) {
    for (const Participant& p : event.participants) {
      out += CsvRow({graph.entities[p.entity].id, event.id, "TAKES_PART_IN", p.role, event.date,
                     event.start, event.end, Fixed(static_cast<double>(event.mentions.size())),
                     "false"});
    }
  }
  for (const Relation& r : graph.relations) {
    const Event& source = graph.events[r.source];
    const Event& target = graph.events[r.target];
    out += CsvRow(
        {source.id, target.id, Upper(r.type), "", !source.date.empty() ? source.date : target.date,
         !source.start.empty() ? source.start : target.start,
         !target.end.empty() ? target.end : source.end,
         Fixed(r.inferred ? 0.5 : static_cast<double>(r.support)), r.inferred ? "true" : "false"});
  }
  return out;
}

}  // namespace eventgraph
