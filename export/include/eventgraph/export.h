// EventGraph -> files: timeline JSON (docs/timeline-json.md, schema in
// docs/schema/timeline.schema.json), GraphML and dynamic GEXF for Gephi, and
// TimelineJS3 JSON (docs/exports.md).
//
//   Status written = WriteFileAtomically(dir + "/timeline.json", TimelineJson(graph));
//
// Writers return the whole text; WriteFileAtomically writes it to a
// temporary file in the same directory and renames it into place, so a
// reader never sees half a file and a failed run leaves the old one intact.
#pragma once

#include <string>

#include "eventgraph/graph.h"
#include "eventgraph/status.h"

namespace eventgraph {

inline constexpr const char* kTimelineSchemaVersion = "eventgraph-timeline/1";
inline constexpr const char* kGraphSchemaVersion = "eventgraph-graph/1";

std::string TimelineJson(const EventGraph& graph);
std::string GraphMl(const EventGraph& graph);
std::string Gexf(const EventGraph& graph);  // GEXF 1.3, mode="dynamic", timeformat="date"
std::string TimelineJs(const EventGraph& graph, const std::string& title);
std::string Dot(const EventGraph& graph);  // Graphviz
// Neo4j bulk import (neo4j-admin database import): nodes and relationships.
std::string Neo4jNodesCsv(const EventGraph& graph);
std::string Neo4jRelationshipsCsv(const EventGraph& graph);

// graph.json, the lossless native form that `export` and `query` load:
// ParseGraphJson(GraphJson(g)) gives back g. Reading fails with the path and
// the first problem found (not JSON, another schema, a missing field, an
// index out of range).
std::string GraphJson(const EventGraph& graph);
Result<EventGraph> ParseGraphJson(const std::string& text, const std::string& path);
Result<EventGraph> ReadGraphJson(const std::string& path);

// Text safe inside XML 1.0 character data and attribute values: markup
// characters escaped, characters XML 1.0 forbids (most C0 controls) and
// invalid UTF-8 replaced by U+FFFD.
std::string XmlEscape(const std::string& text);

Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace eventgraph
