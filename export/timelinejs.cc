// EventGraph -> the Knight Lab TimelineJS3 JSON format
// (https://timeline.knightlab.com/docs/json-format.html): one slide per dated
// event, its dates given only as precisely as the event is known (a year-only
// event has only a year; a week runs from its Monday to its Sunday), grouped
// by event family, its sources in the slide text. Undated events have no place
// on a timeline and are left out. Slide text is HTML: everything is escaped
// (XmlEscape serves HTML too).
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <set>

#include "eventgraph/export.h"
#include "eventgraph/text_util.h"
#include "json_writer.h"
#include "prefetch.h"

namespace eventgraph {
namespace {

using Writer = RecordWriter;

void String(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// {year, month, day} of a YYYY-MM-DD day, down to `granularity`.
void Date(Writer& w, const std::string& day, std::string_view granularity) {
  w.StartObject();
  w.Key("year");
  w.Int(LeadingInt(std::string_view(day).substr(0, 4)));
  static const std::set<std::string, std::less<>> kYearOnly = {"year", "decade", "century"};
  if (!kYearOnly.count(granularity)) {
    w.Key("month");
    w.Int(LeadingInt(std::string_view(day).substr(5, 2)));
    if (granularity == "day" || granularity == "week") {
      w.Key("day");
      w.Int(LeadingInt(std::string_view(day).substr(8, 2)));
    }
  }
  w.EndObject();
}

}  // namespace

void WriteTimelineJs(const EventGraph& graph, const std::string& title, OutputSink& out) {
  Writer w(out);
  w.StartObject();
  w.Key("title");
  w.StartObject();
  w.Key("text");
  w.StartObject();
  w.Key("headline");
  String(w, XmlEscape(title));
  w.Key("text");
  std::size_t dated = 0;
  for (const Event& event : graph.events) dated += !event.start.empty();
  String(w, std::to_string(dated) + " dated events from " + std::to_string(graph.documents.size()) +
                " articles");
  w.EndObject();
  w.EndObject();
  w.Key("events");
  w.StartArray();
  std::string text;
  auto on_timeline = [](const Event& event) {
    return !event.start.empty() && event.start.size() == 10 && event.end.size() == 10;
  };
  // The next two events that have a slide: what their mentions point to is fetched meanwhile.
  auto on_timeline_from = [&](std::size_t e) {
    while (e < graph.events.size() && !on_timeline(graph.events[e])) ++e;
    return e;
  };
  std::size_t next = on_timeline_from(0);
  std::size_t after_next = next < graph.events.size() ? on_timeline_from(next + 1) : next;
  for (std::size_t e = next; e < graph.events.size(); e = next) {
    const Event& event = graph.events[e];
    next = after_next;
    if (next < graph.events.size()) {
      after_next = on_timeline_from(next + 1);
      if (after_next < graph.events.size())
        export_detail::PrefetchMentionList(graph.events[after_next]);
      export_detail::PrefetchMentions(graph, graph.events[next]);
    }
    w.StartObject();
    w.Key("unique_id");
    String(w, event.id);
    w.Key("start_date");
    Date(w, event.start.str(), event.granularity);
    // A single day needs no end; anything wider shows as a span.
    if (event.end != event.start) {
      w.Key("end_date");
      Date(w, event.end.str(), event.granularity);
    }
    w.Key("display_date");
    String(w, event.date);
    w.Key("group");
    String(w, event.family);
    w.Key("text");
    w.StartObject();
    w.Key("headline");
    String(w, XmlEscape(event.label));
    text.clear();  // one buffer for every slide: appended to, never rebuilt piece by piece
    if (!event.participants.empty()) {
      text += "<p>";
      for (std::size_t i = 0; i < event.participants.size(); ++i) {
        const Participant& p = event.participants[i];
        if (i > 0) text += ", ";
        AppendXmlEscaped(graph.entities[p.entity].name, &text);
        text += " (";
        text += p.role;
        text += ")";
      }
      text += "</p>";
    }
    text += "<ul>";
    for (const Mention& m : event.mentions) {
      text += "<li><b>";
      AppendXmlEscaped(graph.documents[m.document].id, &text);
      text += "</b>: ";
      AppendXmlEscaped(m.sentence, &text);
      if (m.modality != "asserted") {
        text += " <i>(";
        text += m.modality.view();
        text += ")</i>";
      }
      text += "</li>";
    }
    text += "</ul>";
    w.Key("text");
    String(w, text);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out += "\n";
}

std::string TimelineJs(const EventGraph& graph, const std::string& title) {
  return WrittenText(WriteTimelineJs, graph, title);
}

}  // namespace eventgraph
