// The corpus-level event graph: canonical entities, merged events, their
// relations, and a Boost.Graph view over them for traversal.
//
//   GraphBuilder builder(lexicons);
//   for (...) builder.AddDocument(document, mentions, timexes, anchor);
//   EventGraph graph = builder.Build();
//   for (const Event& event : graph.events) ...        // sorted by start, then id
//   boost::num_vertices(graph.topology);               // entities then events
//
// Merging: one entity per referent (gazetteer canonical names, persons by
// surname and compatible first name, a lone surname joined to the one person
// who bears it). One event per real event: mentions of the same type whose
// dates overlap and whose participants do not conflict; an undated mention
// joins a dated event of its type when they share a participant (or it has
// none and that event is the only one of its type). Negated mentions never
// merge with asserted ones.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/document.h"
#include "eventgraph/extract.h"
#include "eventgraph/shared_string.h"
#include "eventgraph/shared_value.h"
#include "eventgraph/timex.h"

namespace eventgraph {

struct DocumentInfo {
  std::string id, path, date, title;
  std::string anchor;         // the date relative expressions were resolved against
  std::string anchor_source;  // "document", "fallback" (--date), "dateline", or ""
};

struct Entity {
  std::string id;  // "ent-<slug>", unique
  std::string name;
  std::string kind;                  // person, organization, country, location, group, other
  std::vector<std::string> aliases;  // every surface form seen, sorted
  std::string country;               // ISO 3166-1 alpha-3, when known
  std::string role;                  // a title seen with the name, when known
  std::string code;                  // CAMEO-style actor code ("RUSGOV", "IGOUNO"), when known
  std::string region;                // places: ISO 3166-2 subdivision ("SY-ID"), when known
  std::string region_name;           // its name ("Idlib")
  int mentions = 0;
};

struct Participant {
  std::size_t entity = 0;  // index into EventGraph::entities
  std::string role;        // agent, target, participant, location
};

// The modality of most mentions, made once: every Mention starts with it.
inline const SharedString& AssertedModality() {
  static const SharedString asserted = "asserted";
  return asserted;
}

// The time expression that dated a mention. A corpus of millions of mentions dates a sixth of them
// with a few tens of thousands of these: the builder makes each once, and mentions share it.
struct MentionTime {
  SharedString text;    // as written ("last week")
  SharedString value;   // its TIMEX3 value
  SharedString rule;    // the rule that read it
  SharedString anchor;  // the date the value was computed from; "" for a date written in full
};

// Why a mention is in its event: the merge's record (graph/merge_decision.h decides), which
// graph.json keeps and `query explain` shows.
enum JoinReason : uint16_t {
  kJoinActorInCommon = 1 << 0,        // an actor in common that is not a country
  kJoinTwoActorsInCommon = 1 << 1,    // two actors (countries) in common
  kJoinCountrySameDays = 1 << 2,      // a country in common, both dated to the same few days
  kJoinEventArticleNames = 1 << 3,    // an event naming no actor whose article names the mention's
  kJoinMentionArticleNames = 1 << 4,  // a mention naming no actor whose article names the event's
  kJoinPlaceInCommon = 1 << 5,        // no actor named, a place in common
  kJoinSameArticle = 1 << 6,          // an event its own article told before
  kJoinWeakUnique = 1 << 7,           // weak evidence, and no other candidate had even that
  kJoinArticleAntecedent = 1 << 8,    // a definite mention: its article's latest such event
  kJoinArticleSalience = 1 << 9,      // undated, no actor: the event its article's names tell
  kJoinOnlyDatedOfType = 1 << 10,     // undated: the only dated event of its type
  kJoinCollective = 1 << 11,          // "met Putin and Lavrov": a mention of each pair's meeting
};
inline constexpr int kJoinReasonCount = 12;
// Why a mention did not join the candidate it came nearest to.
enum class NearestWhy : uint8_t {
  kNone = 0,
  kOutscored,             // it had evidence, but another event scored higher
  kWeakNotUnique,         // weak evidence only, and other candidates had as much
  kNoEvidence,            // nothing in common but the type and the dates
  kParticipantsConflict,  // agents of other sides, other people met, or places apart
  kToldApart,  // its sentence relates the two (one before, after or because of the other)
};
struct MentionJoin {
  static constexpr uint32_t kNoEvent = UINT32_MAX;
  uint16_t reasons : 12 = 0;     // JoinReason bits; none: the mention started its event
  uint16_t nearest_why : 4 = 0;  // a NearestWhy
  int16_t score = 0;             // the pair score it joined with (graph/merge_decision.h)
  uint32_t nearest = kNoEvent;   // the event it came nearest to joining (index into events)
};
// "actor-in-common", ... as graph.json writes them: a reason's (by bit), a set's (comma-separated,
// in bit order; "" for none), a NearestWhy's ("" for kNone); and back (false when unknown).
const char* JoinReasonName(int bit);
std::string JoinReasonNames(uint16_t reasons);
const char* NearestWhyName(NearestWhy why);
bool ParseJoinReasons(std::string_view names, uint16_t* reasons);
bool ParseNearestWhy(std::string_view name, NearestWhy* why);

// A graph holds millions of mentions: their strings are SharedStrings, so
// that the mentions and relations of one sentence hold its text once and
// repeated values (triggers, modalities, times) are not copied.
struct Mention {
  static constexpr uint32_t kNoSource = UINT32_MAX;
  uint32_t document = 0;        // index into EventGraph::documents
  uint32_t begin = 0, end = 0;  // code-point offsets of the trigger in Document::text
  uint32_t source = kNoSource;  // who reports it (index into EventGraph::entities), if anyone
  SharedString sentence;        // the sentence text
  SharedString trigger;
  SharedValue<MentionTime> time;  // the time expression that dated it, if any
  // "asserted", "negated", "hypothetical", "future" or "alleged" (see EventMention::modality)
  SharedString modality = AssertedModality();
  MentionJoin join;
  bool negated() const { return modality == "negated"; }
  // `time`, or a time of empty strings when nothing dated it.
  const MentionTime& time_or_none() const {
    static const MentionTime none;
    return time ? *time : none;
  }
};

// The strings an event shares with many others (its type, dates, granularity, label: the
// builder pools them) are SharedStrings; its id is its own.
struct Event {
  SharedString id;  // "evt-NNNN", numbered in output order (made last: until then it holds nothing)
  SharedString type, family, cameo, ace;
  SharedString label;
  SharedString date;  // TIMEX3 value or "" (null)
  SharedString start, end, granularity;
  // "text": a time expression dated it; "document": nothing in the text did, and it is news of the
  // day its article reports (a meeting, a statement, an agreement), dated by the article;
  // "narrative": the same, but the article reports the day of an earlier dated event it tells (a
  // report published the morning after the talks); "" undated.
  SharedString date_source;
  std::vector<Participant> participants;
  std::vector<Mention> mentions;
  double confidence = 0;
  // "asserted" when any mention asserts it; else the most frequent of its mentions' modalities
  SharedString modality;
};

struct Relation {
  std::size_t source = 0, target = 0;  // indices into EventGraph::events
  std::string type;                    // causes, before
  bool inferred = false;
  std::size_t document = 0;  // evidence, when stated
  SharedString sentence;
  int support = 1;  // how many sentences state it
};

// A graph of a million events holds a million vertices and more edges, made once and never
// changed: a compressed sparse row graph holds them in three arrays (an edge costs 16 bytes, where
// an adjacency list's cost 40 and an allocation), with 32-bit vertex and edge numbers. Edges go one
// way (participant -> event, source -> target), which is all traversal needs.
struct VertexData {
  bool is_event = false;
  uint32_t index = 0;  // into entities or events
};
struct EdgeData {
  bool is_relation = false;
  uint32_t index = 0;  // into relations, or into the event's participants
  uint32_t event = 0;  // the event a participation edge belongs to
};
using Topology = boost::compressed_sparse_row_graph<boost::directedS, VertexData, EdgeData,
                                                    boost::no_property, uint32_t, uint32_t>;

struct EventGraph {
  std::vector<DocumentInfo> documents;
  std::vector<Entity> entities;
  std::vector<Event> events;
  std::vector<Relation> relations;
  Topology topology;  // vertex i < entities.size() is entity i; then the events in order
};

// Rebuilds `graph->topology` from its entities, events and relations (after
// loading a graph from graph.json, say).
void RebuildTopology(EventGraph* graph);

struct BuildStats {
  std::size_t entity_mentions = 0, event_mentions = 0, timexes = 0;
  // Seconds Build spent in each of its stages, for benchmarks.
  double entities_seconds = 0, merge_seconds = 0, events_seconds = 0, labels_seconds = 0,
         relations_seconds = 0;
};

// One document's mentions made ready for the graph by GraphBuilder::Prepare:
// all the work that needs no other document, so that extraction threads do it
// and adding stays cheap. Opaque; movable.
struct PreparedDocument {
  PreparedDocument();
  ~PreparedDocument();
  PreparedDocument(PreparedDocument&&) noexcept;
  PreparedDocument& operator=(PreparedDocument&&) noexcept;
  struct Data;
  std::unique_ptr<Data> data;
};

class GraphBuilder {
 public:
  explicit GraphBuilder(const Lexicons& lexicons);
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  // Documents must be added in a deterministic order; the output depends on it.
  void AddDocument(const Document& document, const DocumentMentions& mentions,
                   const std::vector<Timex>& timexes, const std::string& anchor,
                   const std::string& anchor_source);
  // AddDocument in two steps: Prepare may run on any thread, at any time (it
  // only shares the builder's string pool, which is thread-safe); Add takes the
  // prepared documents in the deterministic order.
  PreparedDocument Prepare(const Document& document, const DocumentMentions& mentions,
                           const std::vector<Timex>& timexes, const std::string& anchor,
                           const std::string& anchor_source) const;
  void Add(PreparedDocument prepared);
  // Once, after the last AddDocument: the mentions move into the graph. Events
  // are made and labelled on `jobs` threads; the graph is the same for any.
  EventGraph Build(unsigned jobs = 1);
  const BuildStats& stats() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace eventgraph
