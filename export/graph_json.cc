// EventGraph <-> graph.json, the lossless native form (schema
// "eventgraph-graph/1", docs/exports.md): every field of every struct, with
// indices where the graph has indices, so that `export` and `query` work from
// a built graph without re-reading the articles. Reading validates the shape
// and every index; a bad file fails with its path and what is wrong.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <sstream>

#include "eventgraph/export.h"
#include "eventgraph/json_reader.h"
#include "json_writer.h"
#include "prefetch.h"

namespace eventgraph {
namespace {

using Writer = RecordWriter;
using Value = rapidjson::Value;

void Field(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
void Field(Writer& w, const char* key, std::size_t value) {
  w.Key(key);
  w.Uint64(value);
}
void Index(Writer& w, const char* key, std::size_t value) {  // SIZE_MAX: none
  w.Key(key);
  if (value == SIZE_MAX) {
    w.Null();
  } else {
    w.Uint64(value);
  }
}

// Why a mention is in its event (absent: it started the event, and no other was a candidate).
void WriteJoin(Writer& w, const MentionJoin& join) {
  w.Key("join");
  w.StartObject();
  const uint16_t reasons = join.reasons;
  // Most mentions have one reason: its name is written without making a string.
  if ((reasons & (reasons - 1)) == 0) {
    int bit = 0;
    while (reasons != 0 && (reasons >> bit & 1u) == 0) ++bit;
    Field(w, "why", std::string_view(reasons == 0 ? "" : JoinReasonName(bit)));
  } else {
    Field(w, "why", JoinReasonNames(reasons));
  }
  Field(w, "score", static_cast<std::size_t>(std::max<int>(join.score, 0)));
  Index(w, "nearest", join.nearest == MentionJoin::kNoEvent ? SIZE_MAX : join.nearest);
  Field(w, "nearest_why",
        std::string_view(NearestWhyName(static_cast<NearestWhy>(join.nearest_why))));
  w.EndObject();
}

// Reading: each getter records the first problem and returns a default.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}
  const std::string& error() const { return error_; }

  void Fail(const std::string& what) {
    if (error_.empty()) error_ = what;
  }
  const Value& Member(const Value& object, const char* key, const std::string& where) {
    static const Value kNull;
    if (!object.IsObject() || !object.HasMember(key)) {
      Fail(where + ": missing \"" + key + "\"");
      return kNull;
    }
    return object[key];
  }
  std::string Str(const Value& object, const char* key, const std::string& where) {
    const Value& v = Member(object, key, where);
    if (!v.IsString()) {
      Fail(where + ": \"" + key + "\" is not a string");
      return {};
    }
    return std::string(v.GetString(), v.GetStringLength());
  }
  std::size_t Idx(const Value& object, const char* key, const std::string& where, std::size_t limit,
                  bool nullable = false) {
    const Value& v = Member(object, key, where);
    if (nullable && v.IsNull()) return SIZE_MAX;
    if (!v.IsUint64() || v.GetUint64() >= limit) {
      Fail(where + ": \"" + key + "\" is not an index below " + std::to_string(limit));
      return 0;
    }
    return static_cast<std::size_t>(v.GetUint64());
  }
  const Value& Array(const Value& object, const char* key, const std::string& where) {
    const Value& v = Member(object, key, where);
    static const Value kEmpty(rapidjson::kArrayType);
    if (!v.IsArray()) {
      Fail(where + ": \"" + key + "\" is not an array");
      return kEmpty;
    }
    return v;
  }

 private:
  std::string path_, error_;
};

// `limit` (the events' count) is checked once all events are read.
void ReadJoin(Reader& r, const Value& join, const std::string& where, MentionJoin* out) {
  uint16_t reasons = 0;
  if (!ParseJoinReasons(r.Str(join, "why", where), &reasons))
    r.Fail(where + ": \"join\": unknown reason in \"why\"");
  out->reasons = reasons & ((1u << kJoinReasonCount) - 1);
  out->score = static_cast<int16_t>(r.Idx(join, "score", where, INT16_MAX + 1u));
  const std::size_t nearest = r.Idx(join, "nearest", where, UINT32_MAX, /*nullable=*/true);
  out->nearest = nearest == SIZE_MAX ? MentionJoin::kNoEvent : static_cast<uint32_t>(nearest);
  NearestWhy why = NearestWhy::kNone;
  if (!ParseNearestWhy(r.Str(join, "nearest_why", where), &why))
    r.Fail(where + ": \"join\": unknown \"nearest_why\"");
  out->nearest_why = static_cast<uint16_t>(why);
}

}  // namespace

void WriteGraphJson(const EventGraph& graph, OutputSink& out) {
  Writer w(out);
  w.StartObject();
  Field(w, "schema", std::string(kGraphSchemaVersion));
  w.Key("documents");
  w.StartArray();
  for (const DocumentInfo& d : graph.documents) {
    w.StartObject();
    Field(w, "id", d.id);
    Field(w, "path", d.path);
    Field(w, "date", d.date);
    Field(w, "title", d.title);
    Field(w, "anchor", d.anchor);
    Field(w, "anchor_source", d.anchor_source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("entities");
  w.StartArray();
  for (const Entity& e : graph.entities) {
    w.StartObject();
    Field(w, "id", e.id);
    Field(w, "name", e.name);
    Field(w, "kind", e.kind);
    w.Key("aliases");
    w.StartArray();
    for (const std::string& alias : e.aliases) w.String(alias.c_str());
    w.EndArray();
    Field(w, "country", e.country);
    Field(w, "role", e.role);
    Field(w, "code", e.code);
    Field(w, "region", e.region);
    Field(w, "region_name", e.region_name);
    Field(w, "mentions", static_cast<std::size_t>(e.mentions));
    w.EndObject();
  }
  w.EndArray();
  w.Key("events");
  w.StartArray();
  for (std::size_t at = 0; at < graph.events.size(); ++at) {
    export_detail::PrefetchAhead(graph, at);
    const Event& e = graph.events[at];
    w.StartObject();
    Field(w, "id", e.id);
    Field(w, "type", e.type);
    Field(w, "family", e.family);
    Field(w, "cameo", e.cameo);
    Field(w, "ace", e.ace);
    Field(w, "label", e.label);
    Field(w, "date", e.date);
    Field(w, "start", e.start);
    Field(w, "end", e.end);
    Field(w, "granularity", e.granularity);
    Field(w, "date_source", e.date_source);
    Field(w, "modality", e.modality);
    w.Key("confidence");
    w.Double(e.confidence);
    w.Key("participants");
    w.StartArray();
    for (const Participant& p : e.participants) {
      w.StartObject();
      Field(w, "entity", p.entity);
      Field(w, "role", p.role);
      w.EndObject();
    }
    w.EndArray();
    w.Key("mentions");
    w.StartArray();
    for (const Mention& m : e.mentions) {
      w.StartObject();
      Field(w, "document", m.document);
      Field(w, "sentence", m.sentence);
      Field(w, "begin", m.begin);
      Field(w, "end", m.end);
      Field(w, "trigger", m.trigger);
      const MentionTime& time = m.time_or_none();
      Field(w, "time_text", time.text);
      Field(w, "time_value", time.value);
      Field(w, "time_rule", time.rule);
      Field(w, "time_anchor", time.anchor);
      Field(w, "modality", m.modality);
      Index(w, "source", m.source == Mention::kNoSource ? SIZE_MAX : std::size_t{m.source});
      if (m.join.reasons != 0 || m.join.nearest != MentionJoin::kNoEvent) WriteJoin(w, m.join);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const Relation& r : graph.relations) {
    w.StartObject();
    Field(w, "source", r.source);
    Field(w, "target", r.target);
    Field(w, "type", r.type);
    w.Key("inferred");
    w.Bool(r.inferred);
    Field(w, "document", r.document);
    Field(w, "sentence", r.sentence);
    w.Key("support");
    w.Int(r.support);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out += "\n";
}

Result<EventGraph> ParseGraphJson(const std::string& text, const std::string& path) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError()) {
    return Status(StatusCode::kParseError,
                  std::string("not JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) +
                      " at byte " + std::to_string(doc.GetErrorOffset()),
                  path);
  }
  Reader r(path);
  if (!doc.IsObject() || !doc.HasMember("schema") || !doc["schema"].IsString() ||
      std::string(doc["schema"].GetString()) != kGraphSchemaVersion) {
    return Status(StatusCode::kParseError,
                  std::string("not an eventgraph graph (expected \"schema\": \"") +
                      kGraphSchemaVersion + "\"; build writes one as DIR/graph.json)",
                  path);
  }
  EventGraph graph;
  for (const Value& d : r.Array(doc, "documents", "top level").GetArray()) {
    const std::string where = "documents[" + std::to_string(graph.documents.size()) + "]";
    graph.documents.push_back({r.Str(d, "id", where), r.Str(d, "path", where),
                               r.Str(d, "date", where), r.Str(d, "title", where),
                               r.Str(d, "anchor", where), r.Str(d, "anchor_source", where)});
  }
  for (const Value& e : r.Array(doc, "entities", "top level").GetArray()) {
    const std::string where = "entities[" + std::to_string(graph.entities.size()) + "]";
    Entity entity;
    entity.id = r.Str(e, "id", where);
    entity.name = r.Str(e, "name", where);
    entity.kind = r.Str(e, "kind", where);
    for (const Value& alias : r.Array(e, "aliases", where).GetArray()) {
      if (alias.IsString()) entity.aliases.emplace_back(alias.GetString());
    }
    entity.country = r.Str(e, "country", where);
    entity.role = r.Str(e, "role", where);
    entity.code = r.Str(e, "code", where);
    entity.region = r.Str(e, "region", where);
    entity.region_name = r.Str(e, "region_name", where);
    entity.mentions = static_cast<int>(r.Idx(e, "mentions", where, INT32_MAX));
    graph.entities.push_back(std::move(entity));
  }
  for (const Value& e : r.Array(doc, "events", "top level").GetArray()) {
    const std::string where = "events[" + std::to_string(graph.events.size()) + "]";
    Event event;
    event.id = r.Str(e, "id", where);
    event.type = r.Str(e, "type", where);
    event.family = r.Str(e, "family", where);
    event.cameo = r.Str(e, "cameo", where);
    event.ace = r.Str(e, "ace", where);
    event.label = r.Str(e, "label", where);
    event.date = r.Str(e, "date", where);
    event.start = r.Str(e, "start", where);
    event.end = r.Str(e, "end", where);
    event.granularity = r.Str(e, "granularity", where);
    event.date_source = r.Str(e, "date_source", where);
    event.modality = r.Str(e, "modality", where);
    const Value& confidence = r.Member(e, "confidence", where);
    if (confidence.IsNumber()) {
      event.confidence = confidence.GetDouble();
    } else {
      r.Fail(where + ": \"confidence\" is not a number");
    }
    for (const Value& p : r.Array(e, "participants", where).GetArray()) {
      event.participants.push_back(
          {r.Idx(p, "entity", where, graph.entities.size()), r.Str(p, "role", where)});
    }
    for (const Value& m : r.Array(e, "mentions", where).GetArray()) {
      Mention mention;
      mention.document = static_cast<uint32_t>(r.Idx(m, "document", where, graph.documents.size()));
      mention.sentence = r.Str(m, "sentence", where);
      mention.begin = static_cast<uint32_t>(r.Idx(m, "begin", where, UINT32_MAX));
      mention.end = static_cast<uint32_t>(r.Idx(m, "end", where, UINT32_MAX));
      mention.trigger = r.Str(m, "trigger", where);
      MentionTime time{r.Str(m, "time_text", where), r.Str(m, "time_value", where),
                       r.Str(m, "time_rule", where), r.Str(m, "time_anchor", where)};
      if (!time.text.empty() || !time.value.empty() || !time.rule.empty() || !time.anchor.empty())
        mention.time = SharedValue<MentionTime>::Make(std::move(time));
      mention.modality = r.Str(m, "modality", where);
      // null (SIZE_MAX) becomes kNoSource
      mention.source = static_cast<uint32_t>(
          r.Idx(m, "source", where, graph.entities.size(), /*nullable=*/true));
      if (m.IsObject() && m.HasMember("join")) ReadJoin(r, m["join"], where, &mention.join);
      event.mentions.push_back(std::move(mention));
    }
    graph.events.push_back(std::move(event));
  }
  for (const Event& event : graph.events) {
    for (const Mention& mention : event.mentions) {
      if (mention.join.nearest != MentionJoin::kNoEvent &&
          mention.join.nearest >= graph.events.size())
        r.Fail("event " + event.id.str() + ": a mention's \"join\": \"nearest\" is not an event");
    }
  }
  for (const Value& rel : r.Array(doc, "relations", "top level").GetArray()) {
    const std::string where = "relations[" + std::to_string(graph.relations.size()) + "]";
    Relation relation;
    relation.source = r.Idx(rel, "source", where, graph.events.size());
    relation.target = r.Idx(rel, "target", where, graph.events.size());
    relation.type = r.Str(rel, "type", where);
    const Value& inferred = r.Member(rel, "inferred", where);
    relation.inferred = inferred.IsBool() && inferred.GetBool();
    relation.document = r.Idx(rel, "document", where, SIZE_MAX);
    relation.sentence = r.Str(rel, "sentence", where);
    relation.support = static_cast<int>(r.Idx(rel, "support", where, INT32_MAX));
    graph.relations.push_back(std::move(relation));
  }
  if (!r.error().empty()) return Status(StatusCode::kParseError, r.error(), path);
  RebuildTopology(&graph);
  return graph;
}

Result<EventGraph> ReadGraphJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, "cannot open the graph", path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kIoError, "cannot read the graph", path);
  return ParseGraphJson(text.str(), path);
}

std::string GraphJson(const EventGraph& graph) { return WrittenText(WriteGraphJson, graph); }

}  // namespace eventgraph
