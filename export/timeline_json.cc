// EventGraph -> timeline.json. The field names and meanings are the contract
// documented in docs/timeline-json.md; change both together and bump
// kTimelineSchemaVersion when a change is not backward compatible.
#include <rapidjson/stringbuffer.h>

#include "eventgraph/export.h"
#include "json_writer.h"
#include "prefetch.h"

namespace eventgraph {
namespace {

using Writer = RecordWriter;

void String(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void Key(Writer& w, const char* key) { w.Key(key); }
void StringOrNull(Writer& w, std::string_view s) {
  if (s.empty()) {
    w.Null();
  } else {
    String(w, s);
  }
}

}  // namespace

void WriteTimelineJson(const EventGraph& graph, OutputSink& out) {
  Writer w(out);
  w.StartObject();
  Key(w, "schema");
  w.String(kTimelineSchemaVersion);

  Key(w, "documents");
  w.StartArray();
  for (const DocumentInfo& doc : graph.documents) {
    w.StartObject();
    Key(w, "id");
    String(w, doc.id);
    Key(w, "path");
    String(w, doc.path);
    Key(w, "date");
    StringOrNull(w, doc.date);
    Key(w, "title");
    String(w, doc.title);
    Key(w, "anchor");
    StringOrNull(w, doc.anchor);
    Key(w, "anchor_source");
    StringOrNull(w, doc.anchor_source);
    w.EndObject();
  }
  w.EndArray();

  Key(w, "entities");
  w.StartArray();
  for (const Entity& entity : graph.entities) {
    w.StartObject();
    Key(w, "id");
    String(w, entity.id);
    Key(w, "name");
    String(w, entity.name);
    Key(w, "kind");
    String(w, entity.kind);
    Key(w, "aliases");
    w.StartArray();
    for (const std::string& alias : entity.aliases) String(w, alias);
    w.EndArray();
    Key(w, "country");
    StringOrNull(w, entity.country);
    Key(w, "role");
    StringOrNull(w, entity.role);
    Key(w, "code");
    StringOrNull(w, entity.code);
    Key(w, "region");
    StringOrNull(w, entity.region);
    Key(w, "region_name");
    StringOrNull(w, entity.region_name);
    Key(w, "mentions");
    w.Int(entity.mentions);
    w.EndObject();
  }
  w.EndArray();

  Key(w, "events");
  w.StartArray();
  for (std::size_t at = 0; at < graph.events.size(); ++at) {
    export_detail::PrefetchAhead(graph, at);
    const Event& event = graph.events[at];
    w.StartObject();
    Key(w, "id");
    String(w, event.id);
    Key(w, "type");
    String(w, event.type);
    Key(w, "family");
    String(w, event.family);
    Key(w, "cameo");
    StringOrNull(w, event.cameo);
    Key(w, "ace");
    StringOrNull(w, event.ace);
    Key(w, "label");
    String(w, event.label);
    Key(w, "date");
    StringOrNull(w, event.date);
    Key(w, "start");
    StringOrNull(w, event.start);
    Key(w, "end");
    StringOrNull(w, event.end);
    Key(w, "date_source");
    StringOrNull(w, event.date_source);
    Key(w, "granularity");
    StringOrNull(w, event.granularity);
    Key(w, "modality");
    String(w, event.modality);
    Key(w, "confidence");
    w.Double(event.confidence);
    Key(w, "participants");
    w.StartArray();
    for (const Participant& p : event.participants) {
      w.StartObject();
      Key(w, "entity");
      String(w, graph.entities[p.entity].id);
      Key(w, "name");
      String(w, graph.entities[p.entity].name);
      Key(w, "role");
      String(w, p.role);
      w.EndObject();
    }
    w.EndArray();
    Key(w, "mentions");
    w.StartArray();
    for (const Mention& m : event.mentions) {
      w.StartObject();
      Key(w, "doc");
      String(w, graph.documents[m.document].id);
      Key(w, "sentence");
      String(w, m.sentence);
      Key(w, "begin");
      w.Uint64(m.begin);
      Key(w, "end");
      w.Uint64(m.end);
      Key(w, "trigger");
      String(w, m.trigger);
      Key(w, "time");
      if (!m.time || m.time->value.empty()) {
        w.Null();
      } else {
        w.StartObject();
        Key(w, "text");
        String(w, m.time->text);
        Key(w, "value");
        String(w, m.time->value);
        Key(w, "rule");
        String(w, m.time->rule);
        Key(w, "anchor");
        StringOrNull(w, m.time->anchor);
        w.EndObject();
      }
      Key(w, "modality");
      String(w, m.modality);
      Key(w, "source");
      if (m.source == Mention::kNoSource) {
        w.Null();
      } else {
        w.StartObject();
        Key(w, "entity");
        String(w, graph.entities[m.source].id);
        Key(w, "name");
        String(w, graph.entities[m.source].name);
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  Key(w, "relations");
  w.StartArray();
  for (const Relation& relation : graph.relations) {
    w.StartObject();
    Key(w, "source");
    String(w, graph.events[relation.source].id);
    Key(w, "target");
    String(w, graph.events[relation.target].id);
    Key(w, "type");
    String(w, relation.type);
    Key(w, "evidence");
    if (relation.inferred) {
      w.String("inferred");
    } else {
      w.StartObject();
      Key(w, "doc");
      String(w, graph.documents[relation.document].id);
      Key(w, "sentence");
      String(w, relation.sentence);
      Key(w, "support");
      w.Int(relation.support);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out += "\n";
}

std::string TimelineJson(const EventGraph& graph) { return WrittenText(WriteTimelineJson, graph); }

}  // namespace eventgraph
