// `eventgraph query --graph DIR SUBCOMMAND`: answers from a built graph
// (docs/query.md). Each subcommand prints a readable table, or with --json one
// JSON object; exit 0 when something was found, 1 when nothing was, 2 for a
// usage or input error.
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "eventgraph/export.h"
#include "eventgraph/query.h"
#include "exit_codes.h"

namespace eventgraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kExitNothing = 1;

struct QueryOptions {
  std::string graph;
  bool json = false;
  EventFilter filter;
  std::string target, second;  // EVENT / NAME arguments
  int depth = 1;
  bool related = false;
  std::string kind;
  std::size_t top = 0;
};

std::string EventJson(const EventGraph& graph, std::size_t e) {
  const Event& event = graph.events[e];
  std::ostringstream out;
  out << "{\"id\": " << JsonString(event.id) << ", \"type\": " << JsonString(event.type)
      << ", \"label\": " << JsonString(event.label)
      << ", \"date\": " << (event.date.empty() ? "null" : JsonString(event.date))
      << ", \"start\": " << (event.start.empty() ? "null" : JsonString(event.start))
      << ", \"end\": " << (event.end.empty() ? "null" : JsonString(event.end))
      << ", \"granularity\": "
      << (event.granularity.empty() ? "null" : JsonString(event.granularity))
      << ", \"modality\": " << JsonString(event.modality)
      << ", \"confidence\": " << event.confidence << ", \"mentions\": " << event.mentions.size()
      << ", \"participants\": [";
  for (std::size_t p = 0; p < event.participants.size(); ++p) {
    const Participant& participant = event.participants[p];
    out << (p ? ", " : "") << "{\"entity\": " << JsonString(graph.entities[participant.entity].id)
        << ", \"name\": " << JsonString(graph.entities[participant.entity].name)
        << ", \"role\": " << JsonString(participant.role) << "}";
  }
  out << "]}";
  return out.str();
}

// What each reason of the merge means, for `query explain` (graph.json's names: docs/exports.md).
const std::map<std::string, std::string, std::less<>>& JoinReasonText() {
  static const std::map<std::string, std::string, std::less<>> kText = {
      {"actor-in-common", "an actor in common (not a country)"},
      {"two-actors-in-common", "two actors in common"},
      {"country-same-days", "a country in common, both dated to the same few days"},
      {"event-article-names", "the event names no actor, and its article names this one's"},
      {"mention-article-names", "it names no actor, and its article names the event's"},
      {"place-in-common", "it names no actor, and they have a place in common"},
      {"same-article", "its own article told the event before"},
      {"weak-unique",
       "weak evidence (one country, agents of one side, or the same day), and no other "
       "candidate had as much"},
      {"article-antecedent",
       "a definite mention (no actor, no date): its article's latest event "
       "of the type"},
      {"article-salience", "no actor, no date: the event whose actors its article names most"},
      {"only-dated-of-type", "no date: the only dated event of its type"},
      {"collective", "it tells several meetings at once (\"met A and B\")"},
      {"outscored", "it had evidence, but the event joined scored higher"},
      {"weak-not-unique",
       "weak evidence only, which decides only for the one candidate with any evidence"},
      {"no-evidence", "nothing in common but the type and the dates"},
      {"participants-conflict",
       "their participants conflict (agents of other sides, other people met, places apart)"},
      {"told-apart", "its sentence relates the two (one before, after or because of the other)"}};
  return kText;
}

// "actor-in-common (an actor in common ...)": a reason's name with what it means.
std::string Explained(const char* name) {
  const auto text = JoinReasonText().find(name);
  return text == JoinReasonText().end() ? name : std::string(name) + " (" + text->second + ")";
}

// Each reason a mention joined with, explained, in bit order.
std::string ExplainedReasons(uint16_t reasons) {
  std::string out;
  for (int bit = 0; bit < kJoinReasonCount; ++bit) {
    if ((reasons >> bit & 1u) == 0) continue;
    if (!out.empty()) out += "; ";
    out += Explained(JoinReasonName(bit));
  }
  return out;
}

std::string EventLine(const EventGraph& graph, std::size_t e) {
  const Event& event = graph.events[e];
  std::string line = event.id.str() + "  " + ReadableDate(event) + "  " + event.label.str();
  if (event.modality != "asserted") line += "  [" + event.modality.str() + "]";
  return line;
}

class Query {
 public:
  Query(const QueryOptions& options, const EventGraph& graph)
      : options_(options), graph_(graph), index_(graph) {}

  // An EVENT argument: an id or a text that must match exactly one event.
  bool ResolveEvent(const std::string& text, std::size_t* event) {
    std::vector<std::size_t> found = index_.FindEvents(text);
    if (found.size() == 1) {
      *event = found.front();
      return true;
    }
    if (found.empty()) {
      std::cerr << "eventgraph query: no event matches \"" << text
                << "\" (try an id from 'query events', or words of a label)\n";
    } else {
      std::cerr << "eventgraph query: " << found.size() << " events match \"" << text
                << "\"; name one by its id:\n";
      for (std::size_t e : found) std::cerr << "  " << EventLine(graph_, e) << "\n";
    }
    return false;
  }

  // A NAME argument: the entities it names; none -> suggestions on stderr.
  std::vector<std::size_t> ResolveEntities(const std::string& name) {
    std::vector<std::size_t> found = index_.FindEntities(name);
    if (found.empty()) {
      std::cerr << "eventgraph query: no entity is called \"" << name << "\"; closest:";
      for (const std::string& suggestion : index_.Suggest(name))
        std::cerr << " " << suggestion << ";";
      std::cerr << "\n";
    }
    return found;
  }

  int EventList(const char* key, const std::vector<std::size_t>& events) {
    if (options_.json) {
      std::cout << "{" << JsonString(key) << ": [";
      for (std::size_t i = 0; i < events.size(); ++i)
        std::cout << (i ? ", " : "") << EventJson(graph_, events[i]);
      std::cout << "]}\n";
    } else {
      for (std::size_t e : events) std::cout << EventLine(graph_, e) << "\n";
      if (events.empty()) std::cout << "(no events)\n";
    }
    return events.empty() ? kExitNothing : kExitOk;
  }

  int Events() {
    if (!options_.filter.entity.empty() && ResolveEntities(options_.filter.entity).empty())
      return kExitNothing;
    return EventList("events", index_.Events(options_.filter));
  }

  int OneEvent() {
    std::size_t e = 0;
    if (!ResolveEvent(options_.target, &e)) return kExitNothing;
    const Event& event = graph_.events[e];
    std::vector<std::size_t> relations;
    for (std::size_t r = 0; r < graph_.relations.size(); ++r) {
      if (graph_.relations[r].source == e || graph_.relations[r].target == e)
        relations.push_back(r);
    }
    if (options_.json) {
      std::string head = EventJson(graph_, e);
      head.pop_back();
      std::cout << head << ", \"cameo\": " << JsonString(event.cameo) << ", \"mention_list\": [";
      for (std::size_t m = 0; m < event.mentions.size(); ++m) {
        const Mention& mention = event.mentions[m];
        std::cout << (m ? ", " : "")
                  << "{\"doc\": " << JsonString(graph_.documents[mention.document].id)
                  << ", \"sentence\": " << JsonString(mention.sentence)
                  << ", \"trigger\": " << JsonString(mention.trigger)
                  << ", \"modality\": " << JsonString(mention.modality) << "}";
      }
      std::cout << "], \"relations\": [";
      for (std::size_t i = 0; i < relations.size(); ++i) {
        const Relation& relation = graph_.relations[relations[i]];
        std::cout << (i ? ", " : "")
                  << "{\"source\": " << JsonString(graph_.events[relation.source].id)
                  << ", \"target\": " << JsonString(graph_.events[relation.target].id)
                  << ", \"type\": " << JsonString(relation.type)
                  << ", \"inferred\": " << (relation.inferred ? "true" : "false") << "}";
      }
      std::cout << "]}\n";
      return kExitOk;
    }
    std::cout << event.id << "  " << event.label << "\n"
              << "  type:        " << event.type << (event.cameo.empty() ? "" : " (CAMEO ")
              << event.cameo << (event.cameo.empty() ? "" : ")") << "\n"
              << "  date:        " << ReadableDate(event)
              << (event.date_source.empty() ? "" : "  (from the " + event.date_source.str() + ")")
              << "\n"
              << "  modality:    " << event.modality << ", confidence " << event.confidence << "\n";
    for (const Participant& p : event.participants)
      std::cout << "  " << p.role << ": "
                << std::string(12 - std::min<std::size_t>(p.role.size(), 11), ' ')
                << graph_.entities[p.entity].name << "\n";
    std::cout << "  mentions (" << event.mentions.size() << "):\n";
    for (const Mention& m : event.mentions) {
      std::cout << "    [" << graph_.documents[m.document].id << "] " << m.sentence;
      if (m.modality != "asserted") std::cout << "  [" << m.modality << "]";
      std::cout << "\n";
    }
    if (!relations.empty()) std::cout << "  relations:\n";
    for (std::size_t r : relations) {
      const Relation& relation = graph_.relations[r];
      std::cout << "    " << graph_.events[relation.source].label << " --" << relation.type
                << (relation.inferred ? " (from the dates)" : "") << "--> "
                << graph_.events[relation.target].label << "\n";
    }
    return kExitOk;
  }

  // Each mention of an event, why it joined (or that it started the event) and the candidate it
  // came nearest to joining instead; then the mentions of other events that came nearest to
  // joining this one, and why they did not.
  int Explain() {
    std::size_t e = 0;
    if (!ResolveEvent(options_.target, &e)) return kExitNothing;
    const Event& event = graph_.events[e];
    struct Apart {
      std::size_t event;
      const Mention* mention;
    };
    std::vector<Apart> kept_apart;
    for (std::size_t other = 0; other < graph_.events.size(); ++other) {
      if (other == e) continue;
      for (const Mention& mention : graph_.events[other].mentions) {
        if (mention.join.nearest == e) kept_apart.push_back({other, &mention});
      }
    }
    auto why_joined = [](const Mention& m) { return JoinReasonNames(m.join.reasons); };
    auto nearest_why = [](const Mention& m) {
      return NearestWhyName(static_cast<NearestWhy>(m.join.nearest_why));
    };
    if (options_.json) {
      std::cout << "{\"event\": " << JsonString(event.id)
                << ", \"label\": " << JsonString(event.label) << ", \"mentions\": [";
      for (std::size_t i = 0; i < event.mentions.size(); ++i) {
        const Mention& m = event.mentions[i];
        std::cout << (i ? ", " : "") << "{\"doc\": " << JsonString(graph_.documents[m.document].id)
                  << ", \"sentence\": " << JsonString(m.sentence)
                  << ", \"trigger\": " << JsonString(m.trigger)
                  << ", \"joined\": " << JsonString(why_joined(m))
                  << ", \"score\": " << m.join.score << ", \"nearest\": ";
        if (m.join.nearest == MentionJoin::kNoEvent) {
          std::cout << "null}";
        } else {
          std::cout << "{\"event\": " << JsonString(graph_.events[m.join.nearest].id)
                    << ", \"label\": " << JsonString(graph_.events[m.join.nearest].label)
                    << ", \"why\": " << JsonString(nearest_why(m)) << "}}";
        }
      }
      std::cout << "], \"kept_apart\": [";
      for (std::size_t i = 0; i < kept_apart.size(); ++i) {
        const Mention& m = *kept_apart[i].mention;
        std::cout << (i ? ", " : "")
                  << "{\"event\": " << JsonString(graph_.events[kept_apart[i].event].id)
                  << ", \"doc\": " << JsonString(graph_.documents[m.document].id)
                  << ", \"sentence\": " << JsonString(m.sentence)
                  << ", \"trigger\": " << JsonString(m.trigger)
                  << ", \"why\": " << JsonString(nearest_why(m)) << "}";
      }
      std::cout << "]}\n";
      return kExitOk;
    }
    std::cout << EventLine(graph_, e) << "\n  " << event.mentions.size()
              << (event.mentions.size() == 1 ? " mention:\n" : " mentions:\n");
    for (std::size_t i = 0; i < event.mentions.size(); ++i) {
      const Mention& m = event.mentions[i];
      std::cout << "  " << i + 1 << ". [" << graph_.documents[m.document].id << "] " << m.sentence
                << "\n     \"" << m.trigger << "\": ";
      if (m.join.reasons == 0) {
        std::cout << "started the event";
      } else {
        std::cout << "joined: " << ExplainedReasons(m.join.reasons);
        if (m.join.score > 0) std::cout << ", score " << m.join.score;
      }
      std::cout << "\n";
      if (m.join.nearest != MentionJoin::kNoEvent)
        std::cout << "     nearest other candidate: " << EventLine(graph_, m.join.nearest)
                  << "\n       not joined: " << Explained(nearest_why(m)) << "\n";
    }
    if (!kept_apart.empty()) {
      constexpr std::size_t kShown = 20;
      std::cout << "  kept apart: " << kept_apart.size()
                << " mentions of other events came nearest to this one\n";
      for (std::size_t i = 0; i < std::min(kept_apart.size(), kShown); ++i) {
        const Mention& m = *kept_apart[i].mention;
        std::cout << "  - " << graph_.events[kept_apart[i].event].id << " ["
                  << graph_.documents[m.document].id << "] " << m.sentence
                  << "\n       not joined: " << Explained(nearest_why(m)) << "\n";
      }
      if (kept_apart.size() > kShown)
        std::cout << "  (" << kept_apart.size() - kShown << " more: --json lists all)\n";
    }
    return kExitOk;
  }

  int Chain(bool causes) {
    std::size_t e = 0;
    if (!ResolveEvent(options_.target, &e)) return kExitNothing;
    auto chain = causes ? index_.Causes(e, options_.depth) : index_.Effects(e, options_.depth);
    if (options_.json) {
      std::cout << "{\"event\": " << JsonString(graph_.events[e].id) << ", \""
                << (causes ? "causes" : "effects") << "\": [";
      for (std::size_t i = 0; i < chain.size(); ++i) {
        std::string event = EventJson(graph_, chain[i].first);
        event.pop_back();
        std::cout << (i ? ", " : "") << event << ", \"distance\": " << chain[i].second << "}";
      }
      std::cout << "]}\n";
    } else {
      std::cout << (causes ? "What caused " : "What ") << graph_.events[e].label
                << (causes ? ":\n" : " caused:\n");
      for (const auto& [event, distance] : chain)
        std::cout << std::string(2 * static_cast<std::size_t>(distance), ' ')
                  << EventLine(graph_, event) << "\n";
      if (chain.empty()) std::cout << "  (nothing stated)\n";
    }
    return chain.empty() ? kExitNothing : kExitOk;
  }

  int Order(bool before) {
    std::size_t e = 0;
    if (!ResolveEvent(options_.target, &e)) return kExitNothing;
    if (!options_.json)
      std::cout << (before ? "Before " : "After ") << EventLine(graph_, e) << ":\n";
    return EventList(before ? "before" : "after", before ? index_.Before(e, options_.related)
                                                         : index_.After(e, options_.related));
  }

  int Timeline() {
    if (!options_.filter.entity.empty() && ResolveEntities(options_.filter.entity).empty())
      return kExitNothing;
    const std::vector<std::size_t> events = index_.Events(options_.filter);
    if (options_.json) return EventList("timeline", events);
    std::string current;
    for (std::size_t e : events) {
      const std::string date = ReadableDate(graph_.events[e]);
      if (date != current) std::cout << date << "\n";
      current = date;
      std::cout << "  " << graph_.events[e].id << "  " << graph_.events[e].label << "\n";
    }
    if (events.empty()) std::cout << "(no events)\n";
    return events.empty() ? kExitNothing : kExitOk;
  }

  // A path end: an event id, else an entity name, else an event text.
  bool Endpoint(const std::string& text, std::size_t* vertex) {
    std::vector<std::size_t> events = index_.FindEvents(text);
    if (events.size() == 1 && graph_.events[events.front()].id == text) {
      *vertex = index_.EventVertex(events.front());
      return true;
    }
    std::vector<std::size_t> entities = index_.FindEntities(text);
    if (!entities.empty()) {
      *vertex = index_.EntityVertex(entities.front());
      return true;
    }
    std::size_t e = 0;
    if (!ResolveEvent(text, &e)) {
      std::cerr << "eventgraph query: closest entity names:";
      for (const std::string& s : index_.Suggest(text)) std::cerr << " " << s << ";";
      std::cerr << "\n";
      return false;
    }
    *vertex = index_.EventVertex(e);
    return true;
  }

  int Path() {
    std::size_t from = 0, to = 0;
    if (!Endpoint(options_.target, &from) || !Endpoint(options_.second, &to)) return kExitNothing;
    const std::vector<std::size_t> chain = index_.Path(from, to);
    auto name = [&](std::size_t v) {
      return index_.IsEventVertex(v) ? graph_.events[v - graph_.entities.size()].label
                                     : graph_.entities[v].name;
    };
    auto id = [&](std::size_t v) {
      return index_.IsEventVertex(v) ? graph_.events[v - graph_.entities.size()].id
                                     : graph_.entities[v].id;
    };
    if (options_.json) {
      std::cout << "{\"path\": [";
      for (std::size_t i = 0; i < chain.size(); ++i)
        std::cout << (i ? ", " : "") << "{\"id\": " << JsonString(id(chain[i]))
                  << ", \"name\": " << JsonString(name(chain[i]))
                  << ", \"kind\": " << (index_.IsEventVertex(chain[i]) ? "\"event\"" : "\"entity\"")
                  << "}";
      std::cout << "]}\n";
    } else if (chain.empty()) {
      std::cout << name(from) << " and " << name(to) << " are not connected\n";
    } else {
      for (std::size_t i = 0; i < chain.size(); ++i) {
        if (i > 0) std::cout << "  -> ";
        std::cout << name(chain[i]);
        if (index_.IsEventVertex(chain[i]))
          std::cout << " (" << ReadableDate(graph_.events[chain[i] - graph_.entities.size()])
                    << ")";
        std::cout << "\n";
      }
    }
    return chain.empty() ? kExitNothing : kExitOk;
  }

  int Neighbors() {
    std::vector<std::size_t> entities = ResolveEntities(options_.target);
    if (entities.empty()) return kExitNothing;
    const std::size_t entity = entities.front();
    const auto neighbors = index_.Neighbors(entity);
    if (options_.json) {
      std::cout << "{\"entity\": " << JsonString(graph_.entities[entity].id)
                << ", \"events\": " << index_.EventsOf(entity).size() << ", \"neighbors\": [";
      for (std::size_t i = 0; i < neighbors.size(); ++i)
        std::cout << (i ? ", " : "")
                  << "{\"entity\": " << JsonString(graph_.entities[neighbors[i].first].id)
                  << ", \"name\": " << JsonString(graph_.entities[neighbors[i].first].name)
                  << ", \"shared_events\": " << neighbors[i].second << "}";
      std::cout << "]}\n";
    } else {
      std::cout << graph_.entities[entity].name << ": " << index_.EventsOf(entity).size()
                << " events, with\n";
      for (const auto& [other, count] : neighbors)
        std::cout << "  " << count << "  " << graph_.entities[other].name << "\n";
    }
    return neighbors.empty() ? kExitNothing : kExitOk;
  }

  int Entities() {
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < graph_.entities.size(); ++i) {
      if (options_.kind.empty() || graph_.entities[i].kind == options_.kind) chosen.push_back(i);
    }
    std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
      return graph_.entities[a].mentions > graph_.entities[b].mentions;
    });
    if (options_.top > 0 && chosen.size() > options_.top) chosen.resize(options_.top);
    if (options_.json) {
      std::cout << "{\"entities\": [";
      for (std::size_t i = 0; i < chosen.size(); ++i) {
        const Entity& entity = graph_.entities[chosen[i]];
        std::cout << (i ? ", " : "") << "{\"id\": " << JsonString(entity.id)
                  << ", \"name\": " << JsonString(entity.name)
                  << ", \"kind\": " << JsonString(entity.kind)
                  << ", \"mentions\": " << entity.mentions
                  << ", \"events\": " << index_.EventsOf(chosen[i]).size() << "}";
      }
      std::cout << "]}\n";
    } else {
      for (std::size_t i : chosen)
        std::cout << graph_.entities[i].mentions << "  " << graph_.entities[i].name << "  ("
                  << graph_.entities[i].kind << ", " << index_.EventsOf(i).size()
                  << (index_.EventsOf(i).size() == 1 ? " event)\n" : " events)\n");
    }
    return chosen.empty() ? kExitNothing : kExitOk;
  }

  int Stats() {
    std::map<std::string, int> by_type, by_relation;
    std::size_t dated = 0;
    for (const Event& event : graph_.events) {
      by_type[event.type.str()]++;
      dated += !event.start.empty();
    }
    for (const Relation& relation : graph_.relations) by_relation[relation.type]++;
    if (options_.json) {
      std::cout << "{\"documents\": " << graph_.documents.size()
                << ", \"entities\": " << graph_.entities.size()
                << ", \"events\": " << graph_.events.size() << ", \"dated_events\": " << dated
                << ", \"relations\": " << graph_.relations.size() << ", \"event_types\": {";
      bool first = true;
      for (const auto& [type, count] : by_type) {
        std::cout << (first ? "" : ", ") << JsonString(type) << ": " << count;
        first = false;
      }
      std::cout << "}}\n";
    } else {
      std::cout << graph_.documents.size() << " documents, " << graph_.entities.size()
                << " entities, " << graph_.events.size() << " events (" << dated << " dated), "
                << graph_.relations.size() << " relations\n";
      for (const auto& [type, count] : by_type) std::cout << "  " << count << "  " << type << "\n";
      for (const auto& [type, count] : by_relation)
        std::cout << "  " << count << "  " << type << " relations\n";
    }
    return kExitOk;
  }

 private:
  const QueryOptions& options_;
  const EventGraph& graph_;
  GraphIndex index_;
};

void AddFilter(CLI::App* command, QueryOptions* options, bool entity = true) {
  if (entity)
    command->add_option("--entity,-e", options->filter.entity,
                        "Only events this entity takes part in (any alias, any case)");
  command->add_option("--type,-t", options->filter.type,
                      "Only this event type (slug) or CAMEO code prefix (\"19\", \"043\")");
  command->add_option("--from", options->filter.from, "Only events that end on or after this day")
      ->check(CLI::Validator(
          [](std::string& day) { return IsValidIsoDate(day) ? "" : "expected YYYY-MM-DD"; },
          "YYYY-MM-DD"));
  command->add_option("--to", options->filter.to, "Only events that start on or before this day")
      ->check(CLI::Validator(
          [](std::string& day) { return IsValidIsoDate(day) ? "" : "expected YYYY-MM-DD"; },
          "YYYY-MM-DD"));
  command
      ->add_option("--min-confidence", options->filter.min_confidence,
                   "Only events at least this confident (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_flag("--include-uncertain", options->filter.include_uncertain,
                    "Keep negated, hypothetical, future and alleged events (left out by default)");
}

}  // namespace

Command RegisterQuery(CLI::App& app) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* query = app.add_subcommand(
      "query", "Ask a built graph (DIR/graph.json from build): events, causes, order, paths.");
  query->fallthrough();
  query->require_subcommand(1);
  query->add_option("--graph,-g", options->graph, "DIR/graph.json written by build, or DIR")
      ->required()
      ->check(CLI::ExistingPath);
  query->add_flag("--json", options->json, "One JSON object on stdout (docs/query.md)");
  query->footer("Exit codes: 0 found; 1 nothing found; 2 usage or input error.");

  auto* events = query->add_subcommand("events", "Events, filtered, in chronological order");
  AddFilter(events, options.get());
  auto* event =
      query->add_subcommand("event", "One event: date, participants, mentions, relations");
  event
      ->add_option("event", options->target,
                   "An event id, or words of its label, trigger or a participant")
      ->required();
  auto* explain = query->add_subcommand(
      "explain", "Why each mention of an event is in it, and what came nearest to joining it");
  explain
      ->add_option("event", options->target,
                   "An event id, or words of its label, trigger or a participant")
      ->required();
  auto* causes = query->add_subcommand("causes", "What caused an event (the causal chain)");
  auto* effects = query->add_subcommand("effects", "What an event caused (the causal chain)");
  for (CLI::App* chain : {causes, effects}) {
    chain->add_option("event", options->target, "An event id or text")->required();
    chain->add_option("--depth", options->depth, "Steps along the chain (default 1)")
        ->check(CLI::Range(1, 100));
  }
  auto* before = query->add_subcommand("before", "Events before an event (stated or by dates)");
  auto* after = query->add_subcommand("after", "Events after an event (stated or by dates)");
  for (CLI::App* order : {before, after}) {
    order->add_option("event", options->target, "An event id or text")->required();
    order->add_flag("--related", options->related, "Only events sharing a participant with it");
  }
  auto* timeline = query->add_subcommand("timeline", "The chronology, grouped by date");
  AddFilter(timeline, options.get());
  auto* path =
      query->add_subcommand("path", "The shortest connection between two entities or events");
  path->add_option("from", options->target, "An entity name or an event id/text")->required();
  path->add_option("to", options->second, "An entity name or an event id/text")->required();
  auto* neighbors = query->add_subcommand("neighbors", "Who an entity shares events with");
  neighbors->add_option("name", options->target, "An entity name or alias")->required();
  auto* entities = query->add_subcommand("entities", "Entities, most mentioned first");
  entities->add_option("--kind", options->kind,
                       "Only this kind: person, country, organization, location, group, other");
  entities->add_option("--top", options->top, "At most this many");
  auto* stats =
      query->add_subcommand("stats", "Counts of documents, entities, events and relations");
  for (CLI::App* sub : {events, event, explain, causes, effects, before, after, timeline, path,
                        neighbors, entities, stats}) {
    sub->add_flag("--json", options->json, "One JSON object on stdout (docs/query.md)");
    sub->footer(
        "Also: --graph DIR (required: DIR/graph.json from build), before or after the "
        "subcommand.\nExit codes: 0 found; 1 nothing found; 2 usage or input error.");
  }

  return [=]() -> int {
    std::string graph_path = options->graph;
    if (std::error_code error; fs::is_directory(graph_path, error))
      graph_path = (fs::path(graph_path) / "graph.json").string();
    Result<EventGraph> graph = ReadGraphJson(graph_path);
    if (!graph.ok()) {
      std::cerr << "eventgraph query: error: " << graph.status().ToString() << "\n";
      return kExitUsage;
    }
    Query run(*options, *graph);
    if (events->parsed()) return run.Events();
    if (event->parsed()) return run.OneEvent();
    if (explain->parsed()) return run.Explain();
    if (causes->parsed()) return run.Chain(/*causes=*/true);
    if (effects->parsed()) return run.Chain(/*causes=*/false);
    if (before->parsed()) return run.Order(/*before=*/true);
    if (after->parsed()) return run.Order(/*before=*/false);
    if (timeline->parsed()) return run.Timeline();
    if (path->parsed()) return run.Path();
    if (neighbors->parsed()) return run.Neighbors();
    if (entities->parsed()) return run.Entities();
    if (stats->parsed()) return run.Stats();
    return kExitUsage;
  };
}

}  // namespace eventgraph::cli
