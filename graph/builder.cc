// Per-document mentions -> one EventGraph (contract in eventgraph/graph.h).
//
// Stages, in order: attach time expressions to event mentions (per
// sentence), canonicalise entities across the corpus, merge event mentions
// into events, aggregate stated relations and infer "before" links between
// dated events that share a participant, then sort, number and label.
#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <queue>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>

#include "entity_resolution.h"
#include "eventgraph/graph.h"
#include "eventgraph/prefetch.h"
#include "eventgraph/text_util.h"
#include "label.h"

namespace eventgraph {
namespace {

constexpr uint32_t kNounTimexGap = 3;  // words between a noun trigger and "its" time expression
constexpr uint32_t kVerbTimexDistance = 10;  // farther than this, a date is another clause's
// Words between a verb and "in"/"during" + the event noun it happened in ("meddled in last year's
// US election").
constexpr uint32_t kInsideReach = 6;
// An undated mention joins only events told by articles published within this many days of its own:
// "the protests in the capital" of one year are not those of the next.
constexpr int kNewsCycleDays = 31;
// A place in common is evidence that two mentions naming no actor tell one event when both are
// undated (within the news cycle) or both dated to fewer days than this, overlapping: "floods in
// Kalma" this week, not "deaths in Anbar" in March.
constexpr int kPlaceEvidenceDays = 8;
// How many days before its publication an article may report as its narrative's day.
constexpr int kNarrativeLagDays = 3;
// Event families an undated mention of is taken to be the news of its article's day.
const std::set<std::string, std::less<>> kNewsOfTheDay = {"contact", "statement", "cooperation"};

// The time expression that dates a mention, and (when it names an interval) that interval, as
// text and as numbers: days since 1970, months since year 0, years.
// The interval's days and granularity come from the builder's pool: a corpus repeats them.
struct RawInterval {
  SharedString first, last, granularity;  // as DayInterval's
};
struct RawTime {
  SharedValue<MentionTime> mention_time;  // what the mention will hold, from the builder's pool
  RawInterval interval;
  int day_first = 0, day_last = 0, month_first = 0, month_last = 0, year_first = 0, year_last = 0;
};

struct RawArgument {
  ArgumentRole role = ArgumentRole::kParticipant;
  uint32_t entity = 0;  // raw entity
};

// A corpus has millions of these, all held until the merge is done: kept small (72 bytes), and
// made into a Mention only once its event is.
struct RawEvent {
  uint32_t document = 0;
  uint32_t order = 0;  // global mention order, for determinism: its index in the builder's list
  uint32_t first_argument = 0, argument_count = 0;  // in the builder's argument list
  uint32_t begin = 0, end = 0;                      // as Mention's
  uint32_t source = UINT32_MAX;                     // raw entity reporting it
  bool dated = false;                               // time names an interval
  bool negation = false;                            // modality "negated", read once
  SharedString type, sentence, trigger, modality;
  std::unique_ptr<RawTime> time;  // when a time expression dates it

  bool negated() const { return negation; }
};
static_assert(sizeof(RawEvent) <= 72);

// The mention a raw event becomes; its strings move out when it is the raw event's only mention
// (most are), else they are copied. Built field by field, not from a default Mention, whose
// modality would be one more reference taken and dropped on a block every thread shares.
Mention MakeMention(RawEvent& raw, bool only_use) {
  auto take = [only_use](SharedString& value) { return only_use ? std::move(value) : value; };
  return Mention{.document = raw.document,
                 .begin = raw.begin,
                 .end = raw.end,
                 .source = Mention::kNoSource,
                 .sentence = take(raw.sentence),
                 .trigger = take(raw.trigger),
                 .time = !raw.time  ? SharedValue<MentionTime>()
                         : only_use ? std::move(raw.time->mention_time)
                                    : raw.time->mention_time,
                 .modality = take(raw.modality)};
}

// One MentionTime per distinct time expression, value, rule and anchor, handed out to any thread
// (as SharedStringPool does strings): a corpus dates its mentions with few of them.
class MentionTimePool {
 public:
  SharedValue<MentionTime> Intern(MentionTime time) {
    const std::size_t hash = Hash()(time);
    Shard& shard = shards_[hash % kShards];
    std::lock_guard<std::mutex> lock(shard.mutex);
    auto [at, added] = shard.times.try_emplace(time);
    if (added) at->second = SharedValue<MentionTime>::Make(std::move(time));
    return at->second;
  }

 private:
  struct Hash {
    std::size_t operator()(const MentionTime& time) const noexcept {
      const std::hash<std::string_view> of;
      return of(time.text) ^ of(time.value) * 31 ^ of(time.rule) * 961 ^ of(time.anchor) * 29791;
    }
  };
  struct Equal {
    bool operator()(const MentionTime& a, const MentionTime& b) const noexcept {
      return a.text == b.text && a.value == b.value && a.rule == b.rule && a.anchor == b.anchor;
    }
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<MentionTime, SharedValue<MentionTime>, Hash, Equal> times;
  };
  static constexpr std::size_t kShards = 16;
  std::array<Shard, kShards> shards_;
};

// A list of millions that grows in fixed blocks: growing never copies what it holds (nor holds it
// twice), and its blocks can be freed one by one once their elements are used up.
template <typename T>
class BlockList {
 public:
  static constexpr std::size_t kBlock = std::size_t{1} << 15;

  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](std::size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
  void push_back(T value) {
    if (size_ % kBlock == 0) blocks_.push_back(std::make_unique<T[]>(kBlock));
    blocks_[size_ / kBlock][size_ % kBlock] = std::move(value);
    ++size_;
  }
  // Frees the block of element i when i is its last (or the list's last): call in order.
  void ReleaseThrough(std::size_t i) {
    if ((i + 1) % kBlock == 0 || i + 1 == size_) blocks_[i / kBlock].reset();
  }
  void clear() {
    blocks_.clear();
    size_ = 0;
  }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

struct RawRelation {
  uint32_t source = 0, target = 0;  // raw events; once merged, the events they are in
  uint32_t document = 0;
  SharedString type;  // from the builder's pool
  SharedString sentence;
};

bool IsClauseBreak(const Token& token) { return token.text == ";" || token.text == ":"; }

bool IsContactFamily(const std::string& family) { return family == "contact"; }

// Days since 1970-01-01 of a "YYYY-MM-DD" day; nullopt for anything else.
std::optional<int> DayNumber(std::string_view day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  auto digits = [&](std::size_t at, std::size_t count, int* value) {
    *value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (day[i] < '0' || day[i] > '9') return false;
      *value = *value * 10 + (day[i] - '0');
    }
    return true;
  };
  // The usual all-digit form without sscanf (which was a visible part of the merge's time).
  if (!(digits(0, 4, &y) && digits(5, 2, &m) && digits(8, 2, &d)) &&
      std::sscanf(std::string(day).c_str(), "%d-%d-%d", &y, &m, &d) != 3)
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m),
                                         std::chrono::day(d)};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date).time_since_epoch().count();
}

// The days of an interval whose ends are both written YYYY-MM-DD (years 0-9999, real days): as
// numbers they order as the strings do, and compare without reading the strings.
bool ExactDays(const RawInterval& interval, int* first, int* last) {
  auto canonical = [](std::string_view day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (day[i] < '0' || day[i] > '9') return false;
    }
    return true;
  };
  if (!canonical(interval.first.view()) || !canonical(interval.last.view())) return false;
  const std::optional<int> from = DayNumber(interval.first.view());
  const std::optional<int> to = DayNumber(interval.last.view());
  if (!from || !to) return false;
  *first = *from;
  *last = *to;
  return true;
}

// Lists of clusters by a 64-bit key, in one open-addressing table: merging
// looks buckets up several times per mention, and std::unordered_map's
// node-per-entry layout made those lookups the largest cost of the merge.
// Only a list's latest `keep` entries are ever read, so a list holds at most
// twice that many: in a large corpus most buckets fill, and their older
// entries were most of the merge's memory.
class BucketIndex {
 public:
  using List = std::vector<uint32_t>;  // cluster indices, the latest last
  explicit BucketIndex(std::size_t keep) : keep_(keep) { Rehash(1024); }
  void Add(uint64_t key, std::size_t cluster) {
    std::size_t slot = Find(key);
    if (slots_[slot].list == 0) {
      if (2 * (lists_.size() + 1) > slots_.size()) {
        Rehash(2 * slots_.size());
        slot = Find(key);
      }
      lists_.emplace_back();
      slots_[slot] = {key, static_cast<uint32_t>(lists_.size())};
    }
    List& list = lists_[slots_[slot].list - 1];
    if (list.size() == 2 * keep_) list.erase(list.begin(), list.begin() + keep_);
    list.push_back(static_cast<uint32_t>(cluster));
  }
  const List* find(uint64_t key) const {
    const std::size_t slot = Find(key);
    return slots_[slot].list == 0 ? nullptr : &lists_[slots_[slot].list - 1];
  }
  // Asks for the slot where a lookup of `key` starts.
  void Prefetch(uint64_t key) const { PrefetchLine(&slots_[Mix(key) & (slots_.size() - 1)]); }

 private:
  // A key and its list together: a lookup that misses the cache misses it once.
  struct Slot {
    uint64_t key = 0;
    uint32_t list = 0;  // 1 + index into lists_; 0 = empty
  };
  static uint64_t Mix(uint64_t key) {  // MurmurHash3's finaliser
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    key *= 0xc4ceb9fe1a85ec53ULL;
    return key ^ (key >> 33);
  }
  std::size_t Find(uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = Mix(key) & mask;
    while (slots_[slot].list != 0 && slots_[slot].key != key) slot = (slot + 1) & mask;
    return slot;
  }
  void Rehash(std::size_t size) {
    std::vector<Slot> slots(size);
    for (const Slot& old : slots_) {
      if (old.list == 0) continue;
      std::size_t slot = Mix(old.key) & (size - 1);
      while (slots[slot].list != 0) slot = (slot + 1) & (size - 1);
      slots[slot] = old;
    }
    slots_ = std::move(slots);
  }
  std::size_t keep_;
  std::vector<Slot> slots_;
  std::vector<List> lists_;
};

// fn(begin, end) for chunks of [0, count) on `jobs` threads (this one included), the chunks
// taken in turn: a thread owns what its chunk's indices point to while it works on the chunk.
template <typename Fn>
void ParallelForChunks(std::size_t count, unsigned jobs, const Fn& fn, std::size_t chunk = 256) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t begin = next.fetch_add(chunk); begin < count; begin = next.fetch_add(chunk))
      fn(begin, std::min(count, begin + chunk));
  };
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs && j * chunk < count; ++j) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
}

// fn(0) ... fn(count - 1) on `jobs` threads (this one included), in chunks taken in turn.
template <typename Fn>
void ParallelFor(std::size_t count, unsigned jobs, const Fn& fn, std::size_t chunk = 256) {
  ParallelForChunks(
      count, jobs,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) fn(i);
      },
      chunk);
}

// Months since year 0 of a "YYYY-MM-DD" day.
int MonthNumber(std::string_view day) {
  return LeadingInt(day.substr(0, 4)) * 12 + LeadingInt(day.substr(5, 2)) - 1;
}

// A few ids (below 2^32), sorted, in one array (inline up to four): the merge keeps several
// such sets per event and builds three per mention, where a std::set would
// allocate a node per id.
// Reads like the std::set it replaces.
class IdSet {
 public:
  using Ids = boost::container::small_vector<uint32_t, 4>;  // most sets: no allocation
  using const_iterator = Ids::const_iterator;
  std::pair<const_iterator, bool> insert(std::size_t wide_id) {
    const auto id = static_cast<uint32_t>(wide_id);
    if (ids_.empty() || ids_.back() < id) {
      ids_.push_back(id);
      return {ids_.end() - 1, true};
    }
    auto at = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (*at == id) return {at, false};
    return {ids_.insert(at, id), true};
  }
  std::size_t count(std::size_t id) const {
    return id <= UINT32_MAX &&
                   std::binary_search(ids_.begin(), ids_.end(), static_cast<uint32_t>(id))
               ? 1
               : 0;
  }
  bool empty() const { return ids_.empty(); }
  void swap(IdSet& other) noexcept { ids_.swap(other.ids_); }
  std::size_t size() const { return ids_.size(); }
  const uint32_t* ids() const { return ids_.data(); }
  const_iterator begin() const { return ids_.begin(); }
  const_iterator end() const { return ids_.end(); }

 private:
  Ids ids_;
};

// What a lane's mentions joined, document by document, in merge order: chains through two
// arrays, not a map of vectors, as a lane's documents number in the hundreds of thousands and each
// vector was an allocation.
class DocumentLog {
 public:
  explicit DocumentLog(std::size_t documents)
      : last_merged_(documents, kNone), last_told_(documents, kNone) {}
  void Add(std::size_t document, uint32_t order, uint32_t cluster) {
    merged_.push_back({order, cluster, last_merged_[document]});
    last_merged_[document] = static_cast<uint32_t>(merged_.size() - 1);
    const uint32_t told = last_told_[document];
    if (told == kNone || told_[told].cluster != cluster) {
      told_.push_back({0, cluster, told});
      last_told_[document] = static_cast<uint32_t>(told_.size() - 1);
    }
  }
  // fn(cluster) for the latest `most` events the document's mentions joined, newest first; a run
  // of mentions joining one event counts once.
  template <typename Fn>
  void ForLatestTold(std::size_t document, std::size_t most, const Fn& fn) const {
    for (uint32_t at = last_told_[document]; at != kNone && most > 0;
         at = told_[at].previous, --most)
      fn(told_[at].cluster);
  }
  // fn(order, cluster) for each mention merged in the document, newest first.
  template <typename Fn>
  void ForMerged(std::size_t document, const Fn& fn) const {
    for (uint32_t at = last_merged_[document]; at != kNone; at = merged_[at].previous)
      fn(merged_[at].order, merged_[at].cluster);
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Entry {
    uint32_t order, cluster, previous;  // `previous`: the document's entry before, or kNone
  };
  std::vector<Entry> merged_, told_;
  std::vector<uint32_t> last_merged_, last_told_;  // per document
};

// The events an undated mention naming nobody finds under the people its article names, each
// with how many of those people it was found under and how often the article names them: in a
// large corpus such a mention finds hundreds of events, and this count is all it needs of most.
// An open-addressing table stamped by generation, so that a new mention clears nothing.
class SalienceTally {
 public:
  struct Found {
    uint32_t cluster;
    uint32_t last_person;  // the person it was last found under
    int people, times;     // compared as the pair (people, times)
  };
  // Forgets the last mention's events; `most` bounds how many Add calls come.
  void Start(std::size_t most) {
    found_.clear();
    std::size_t size = 1024;
    while (size < 2 * most) size *= 2;
    if (size > slots_.size()) {
      slots_.assign(size, {});
      generation_ = 0;
    }
    if (++generation_ == 0) {
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }
  // `cluster` found under `person`, whom the article names `times` times; each person counts once.
  void Add(uint32_t cluster, uint32_t person, int times) {
    Found& entry = Entry(cluster);
    if (entry.people > 0 && entry.last_person == person) return;
    entry.last_person = person;
    entry.people += 1;
    entry.times += times;
  }
  // The event's salience, counted from all its people rather than the buckets it was found in.
  void Set(uint32_t cluster, int people, int times) {
    Found& entry = Entry(cluster);
    entry.people = people;
    entry.times = times;
    entry.last_person = UINT32_MAX;
  }
  std::vector<Found>& found() { return found_; }

 private:
  struct Slot {
    uint32_t cluster = 0, generation = 0, index = 0;
  };
  Found& Entry(uint32_t cluster) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = (cluster * 0x9E3779B1u) & mask;
    while (slots_[slot].generation == generation_ && slots_[slot].cluster != cluster)
      slot = (slot + 1) & mask;
    if (slots_[slot].generation != generation_) {
      slots_[slot] = {cluster, generation_, static_cast<uint32_t>(found_.size())};
      found_.push_back({cluster, UINT32_MAX, 0, 0});
    }
    return found_[slots_[slot].index];
  }
  std::vector<Slot> slots_;
  uint32_t generation_ = 0;
  std::vector<Found> found_;
};

}  // namespace

struct GraphBuilder::State {
  explicit State(const Lexicons& lex) : lexicons(lex) {}
  const Lexicons& lexicons;
  std::vector<DocumentInfo> documents;
  // Each distinct entity form once (in the order first seen), and each entity mention as the
  // form it has.
  std::vector<RawEntity> entity_forms;
  std::unordered_map<std::string, uint32_t> entity_form_ids;  // RawEntity::Key() -> form
  struct EntityRef {
    uint32_t document = 0, form = 0;
  };
  std::vector<EntityRef> entities;
  BlockList<RawEvent> events;          // RawEvent::order indexes it
  std::vector<RawArgument> arguments;  // of the events, each event's together
  std::vector<RawRelation> relations;
  BuildStats stats;
  // One copy of each type, trigger, modality and time string the mentions hold: a corpus repeats
  // them. Prepare interns on any thread.
  SharedStringPool pool;
  MentionTimePool times;
};

struct PreparedDocument::Data {
  DocumentInfo info;
  std::vector<RawEntity> entities;
  std::vector<std::string> entity_keys;  // RawEntity::Key() of each, made off the adding thread
  std::vector<RawEvent> events;
  std::vector<RawArgument> arguments;
  std::vector<RawRelation> relations;
  BuildStats stats;
};
PreparedDocument::PreparedDocument() = default;
PreparedDocument::~PreparedDocument() = default;
PreparedDocument::PreparedDocument(PreparedDocument&&) noexcept = default;
PreparedDocument& PreparedDocument::operator=(PreparedDocument&&) noexcept = default;

namespace {

// Byte offset -> code point offset, for the mention offsets we publish. Only the positions of the
// UTF-8 continuation bytes are kept (a text is mostly ASCII, read eight bytes at a time here): a
// byte's code point is its offset less the continuation bytes before it. A table of every byte's
// code point cost four bytes and a write per byte of text, for the two offsets of each mention.
class CodePointOffsets {
 public:
  explicit CodePointOffsets(std::string_view text) {
    for (std::size_t b = 0; b < text.size();) {
      if (uint64_t word; b + 8 <= text.size()) {
        std::memcpy(&word, text.data() + b, 8);
        if ((word & 0x8080808080808080ull) == 0) {
          b += 8;
          continue;
        }
      }
      if ((static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continuation_.push_back(b);
      ++b;
    }
  }
  uint32_t At(std::size_t byte) const {
    const auto before = std::lower_bound(continuation_.begin(), continuation_.end(), byte);
    return static_cast<uint32_t>(byte - static_cast<std::size_t>(before - continuation_.begin()));
  }

 private:
  std::vector<std::size_t> continuation_;
};

}  // namespace

GraphBuilder::GraphBuilder(const Lexicons& lexicons) : state_(std::make_unique<State>(lexicons)) {}
GraphBuilder::~GraphBuilder() = default;
const BuildStats& GraphBuilder::stats() const { return state_->stats; }

PreparedDocument GraphBuilder::Prepare(const Document& document, const DocumentMentions& mentions,
                                       const std::vector<Timex>& timexes, const std::string& anchor,
                                       const std::string& anchor_source) const {
  SharedStringPool& pool = state_->pool;
  PreparedDocument prepared;
  prepared.data = std::make_unique<PreparedDocument::Data>();
  PreparedDocument::Data& st = *prepared.data;
  // Indices below are the document's own; Add shifts them to the corpus's.
  const std::size_t doc_index = 0;
  st.info = {document.id, document.path, document.date, document.title, anchor, anchor_source};
  st.stats.entity_mentions = mentions.entities.size();
  st.stats.event_mentions = mentions.events.size();
  st.stats.timexes = timexes.size();
  const Segmented& seg = mentions.segmented;

  const CodePointOffsets code_points(document.text);

  const std::size_t entity_base = 0;
  st.entities.reserve(mentions.entities.size());
  st.entity_keys.reserve(mentions.entities.size());
  for (const EntityMention& m : mentions.entities) {
    RawEntity raw;
    raw.surface = m.surface;
    raw.canonical = m.canonical;
    raw.country = m.country;
    raw.role = m.role;
    raw.code = m.code;
    raw.region = m.region;
    raw.region_name = m.region_name;
    raw.kind = m.kind;
    raw.from_gazetteer = m.from_gazetteer;
    raw.guessed_kind = m.guessed_kind;
    raw.words.reserve(m.end_token - m.first_token);
    for (uint32_t t = m.first_token; t < m.end_token; ++t)
      raw.words.emplace_back(seg.tokens[t].text);
    st.entity_keys.push_back(raw.Key());
    st.entities.push_back(std::move(raw));
  }

  // Which time expression dates which event mention: one adjacent to a noun
  // trigger ("the April 4 attack", "an attack last week") belongs to it;
  // otherwise the nearest verb trigger of the sentence takes it.
  std::vector<int> timex_for_event(mentions.events.size(), -1);
  // "Foreign Minister January Makamba": a month between a capitalised word and a
  // name (a person's, or one of no known kind) is a first name, not a date ("in
  // January Trump took office" is a date).
  std::vector<bool> person_starts(seg.tokens.size() + 1, false);
  for (const EntityMention& m : mentions.entities)
    person_starts[m.first_token] = m.kind == EntityKind::kPerson || m.kind == EntityKind::kOther;
  auto first_name = [&](const Timex& timex) {
    const uint32_t first = timex.first_token;
    return timex.end_token == first + 1 && person_starts[timex.end_token] && first > 0 &&
           seg.tokens[first - 1].capitalized &&
           seg.sentences[timex.sentence].first_token < first - 1;
  };
  // Events by sentence: a document of many sentences costs linear time, not
  // time expressions x events.
  std::vector<std::vector<uint32_t>> events_in_sentence(seg.sentences.size());
  for (std::size_t e = 0; e < mentions.events.size(); ++e)
    events_in_sentence[mentions.events[e].sentence].push_back(static_cast<uint32_t>(e));
  for (std::size_t x = 0; x < timexes.size(); ++x) {
    const Timex& timex = timexes[x];
    if (timex.type != "DATE" && timex.type != "TIME") continue;  // "Tuesday night" dates too
    if (first_name(timex)) continue;
    int best = -1;
    uint32_t best_distance = UINT32_MAX;
    const std::vector<uint32_t>& candidates = events_in_sentence[timex.sentence];
    for (uint32_t e : candidates) {
      const EventMention& event = mentions.events[e];
      if (event.verbal || event.attributive) continue;
      uint32_t gap = UINT32_MAX;
      if (timex.first_token >= event.end_token) gap = timex.first_token - event.end_token;
      if (event.first_token >= timex.end_token) gap = event.first_token - timex.end_token;
      bool broken = false;
      for (uint32_t t = std::min(timex.first_token, event.first_token);
           t < std::max(timex.end_token, event.end_token); ++t) {
        broken = broken || IsClauseBreak(seg.tokens[t]) || seg.tokens[t].text == ",";
      }
      if (gap <= kNounTimexGap && !broken && gap < best_distance) {
        best = static_cast<int>(e);
        best_distance = gap;
      }
    }
    if (best < 0) {
      // The nearest verb takes it; in a sentence without one, the nearest noun
      // ("A strong earthquake hit the coast early on Sunday" once "hit" is no trigger).
      bool sentence_has_verb = false;
      for (uint32_t e : candidates) {
        const EventMention& event = mentions.events[e];
        sentence_has_verb = sentence_has_verb || (event.verbal && !event.attributive);
      }
      for (uint32_t e : candidates) {
        const EventMention& event = mentions.events[e];
        if (event.attributive || (sentence_has_verb && !event.verbal)) continue;
        // Inside a trigger with a gap ("agreed on Monday to buy") the distance is nil.
        uint32_t distance =
            timex.first_token >= event.end_token   ? timex.first_token - event.end_token
            : event.first_token >= timex.end_token ? event.first_token - timex.end_token
                                                   : 0;
        if (distance <= kVerbTimexDistance && distance < best_distance) {
          best = static_cast<int>(e);
          best_distance = distance;
        }
      }
    }
    if (best < 0) continue;
    int& current = timex_for_event[best];
    DayInterval mine, theirs;
    bool mine_ok = ValueToInterval(timex.value, &mine);
    const bool narrower =
        mine_ok && (!ValueToInterval(timexes[current < 0 ? x : current].value, &theirs) ||
                    (mine.first >= theirs.first && mine.last <= theirs.last));
    if (current < 0 || narrower) {
      current = static_cast<int>(x);
    }
  }

  // "Putin meddled in last year's election": what happens in or during an
  // event happens at its time, when nothing else dates it.
  for (std::size_t e = 0; e + 1 < mentions.events.size(); ++e) {
    const EventMention& event = mentions.events[e];
    if (!event.verbal || timex_for_event[e] >= 0) continue;
    std::size_t next = e + 1;
    while (next < mentions.events.size() && mentions.events[next].attributive) ++next;
    if (next == mentions.events.size() || timex_for_event[next] < 0) continue;
    const EventMention& inner = mentions.events[next];
    if (inner.sentence != event.sentence || inner.verbal ||
        inner.first_token > event.end_token + kInsideReach)
      continue;
    for (uint32_t t = event.end_token; t < inner.first_token; ++t) {
      const std::string_view word = seg.tokens[t].lower;
      if (word == "in" || word == "during") {
        timex_for_event[e] = timex_for_event[next];
        break;
      }
      if (!seg.tokens[t].is_word) break;
    }
  }

  // A sentence's text, made once for all the mentions and relations it states.
  std::vector<SharedString> sentence_texts(seg.sentences.size());
  auto sentence_text = [&](uint32_t index) -> const SharedString& {
    SharedString& text = sentence_texts[index];
    const Sentence& sentence = seg.sentences[index];
    if (text.empty())
      text = std::string_view(document.text).substr(sentence.begin, sentence.end - sentence.begin);
    return text;
  };
  const std::size_t event_base = 0;
  st.events.reserve(mentions.events.size());
  for (std::size_t e = 0; e < mentions.events.size(); ++e) {
    const EventMention& m = mentions.events[e];
    RawEvent raw;
    raw.document = doc_index;
    raw.order = st.events.size();
    raw.type = pool.Intern(m.type);
    raw.first_argument = static_cast<uint32_t>(st.arguments.size());
    raw.argument_count = static_cast<uint32_t>(m.arguments.size());
    for (const EventArgument& argument : m.arguments) {
      st.arguments.push_back({argument.role, static_cast<uint32_t>(entity_base + argument.entity)});
    }
    raw.sentence = sentence_text(m.sentence);
    raw.begin = static_cast<uint32_t>(
        document.InputOffset(code_points.At(seg.tokens[m.first_token].begin)));
    raw.end = static_cast<uint32_t>(
        document.InputOffset(code_points.At(seg.tokens[m.end_token - 1].end)));
    raw.trigger = pool.Intern(m.trigger);
    raw.modality = pool.Intern(m.modality);
    raw.negation = m.modality == "negated";
    if (m.source >= 0) raw.source = static_cast<uint32_t>(entity_base + m.source);
    if (int x = timex_for_event[e]; x >= 0) {
      auto time = std::make_unique<RawTime>();
      time->mention_time =
          state_->times.Intern({pool.Intern(timexes[x].text), pool.Intern(timexes[x].value),
                                pool.Intern(timexes[x].rule), pool.Intern(timexes[x].anchor)});
      DayInterval interval;
      raw.dated = ValueToInterval(timexes[x].value, &interval);
      if (raw.dated) {
        time->interval = {pool.Intern(interval.first), pool.Intern(interval.last),
                          pool.Intern(interval.granularity)};
        time->day_first = DayNumber(interval.first).value_or(0);
        time->day_last = DayNumber(interval.last).value_or(time->day_first);
        time->month_first = MonthNumber(interval.first);
        time->month_last = MonthNumber(interval.last);
        time->year_first = LeadingInt(std::string_view(interval.first).substr(0, 4));
        time->year_last = LeadingInt(std::string_view(interval.last).substr(0, 4));
      }
      raw.time = std::move(time);
    }
    st.events.push_back(std::move(raw));
  }
  for (const StatedRelation& relation : mentions.relations) {
    st.relations.push_back({static_cast<uint32_t>(event_base + relation.source),
                            static_cast<uint32_t>(event_base + relation.target),
                            static_cast<uint32_t>(doc_index), pool.Intern(relation.type),
                            sentence_text(relation.sentence)});
  }
  return prepared;
}

void GraphBuilder::Add(PreparedDocument prepared) {
  State& st = *state_;
  PreparedDocument::Data& doc = *prepared.data;
  const std::size_t doc_index = st.documents.size();
  const std::size_t entity_base = st.entities.size(), event_base = st.events.size();
  st.documents.push_back(std::move(doc.info));
  st.stats.entity_mentions += doc.stats.entity_mentions;
  st.stats.event_mentions += doc.stats.event_mentions;
  st.stats.timexes += doc.stats.timexes;
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const auto [found, inserted] = st.entity_form_ids.try_emplace(
        std::move(doc.entity_keys[i]), static_cast<uint32_t>(st.entity_forms.size()));
    if (inserted) {
      st.entity_forms.push_back(std::move(doc.entities[i]));
    } else {
      st.entity_forms[found->second].count++;
    }
    st.entities.push_back({static_cast<uint32_t>(doc_index), found->second});
  }
  for (RawEvent& raw : doc.events) {
    raw.document = doc_index;
    raw.order += static_cast<uint32_t>(event_base);
    raw.first_argument += static_cast<uint32_t>(st.arguments.size());
    if (raw.source != UINT32_MAX) raw.source += static_cast<uint32_t>(entity_base);
    st.events.push_back(std::move(raw));
  }
  for (RawArgument argument : doc.arguments) {
    argument.entity += static_cast<uint32_t>(entity_base);
    st.arguments.push_back(argument);
  }
  for (RawRelation& raw : doc.relations) {
    raw.source += static_cast<uint32_t>(event_base);
    raw.target += static_cast<uint32_t>(event_base);
    raw.document = static_cast<uint32_t>(doc_index);
    st.relations.push_back(std::move(raw));
  }
}

void GraphBuilder::AddDocument(const Document& document, const DocumentMentions& mentions,
                               const std::vector<Timex>& timexes, const std::string& anchor,
                               const std::string& anchor_source) {
  Add(Prepare(document, mentions, timexes, anchor, anchor_source));
}

EventGraph GraphBuilder::Build(unsigned jobs) {
  State& st = *state_;
  auto stage_started = std::chrono::steady_clock::now();
  auto stage_done = [&](double* seconds) {
    const auto now = std::chrono::steady_clock::now();
    *seconds = std::chrono::duration<double>(now - stage_started).count();
    stage_started = now;
  };
  EventGraph graph;
  graph.documents = std::move(st.documents);
  // Grown by doubling as documents came, the lists kept until events are made hold up to twice
  // what they need: trimmed now, while the merge's indexes are not yet made.
  graph.documents.shrink_to_fit();
  st.arguments.shrink_to_fit();
  st.relations.shrink_to_fit();
  const std::vector<DocumentInfo>& documents = graph.documents;

  std::vector<std::size_t> form_cluster;
  std::vector<Entity> entities = ResolveEntities(st.entity_forms, &form_cluster);
  // Arrays per mention hold 4-byte indices: there are millions of mentions.
  std::vector<uint32_t> entity_cluster(st.entities.size());
  for (std::size_t r = 0; r < st.entities.size(); ++r)
    entity_cluster[r] = static_cast<uint32_t>(form_cluster[st.entities[r].form]);
  std::vector<RawEntity>().swap(st.entity_forms);
  std::unordered_map<std::string, uint32_t>().swap(st.entity_form_ids);

  stage_done(&st.stats.entities_seconds);

  // ---- merge event mentions
  // One pass over the mentions, each joining the best compatible event so far
  // or starting one. Candidates come from indexes (by type and month, by
  // participant, by document), never from all events, so that merging stays
  // near-linear in the number of mentions.
  struct Cluster {
    uint32_t type_id = 0;
    bool contact = false;  // of the contact family
    bool negated = false;
    bool dated = false;
    const RawInterval* interval =
        nullptr;                    // when dated: the narrowest of its mentions' (they own it)
    std::vector<uint32_t> members;  // raw mentions
    // Members that tell more people than this event has (rare: most events have none).
    std::unique_ptr<IdSet> collective_members;
    bool is_collective(std::size_t member) const {
      return collective_members && collective_members->count(member);
    }
    // What only the merge reads, freed once it is done: a million events are held at once.
    struct Participants {
      IdSet agents, everyone;
      IdSet people;                      // the persons of `everyone`
      std::vector<int64_t> agent_sides;  // sides(agents), kept up to date
      IdSet published_months;            // the months it is indexed under by entity and side
      std::vector<uint32_t> places;      // the locations of `everyone`, in the order added
    };
    std::unique_ptr<Participants> merge = std::make_unique<Participants>();
  };
  std::vector<uint32_t> cluster_of(st.events.size(), UINT32_MAX);

  auto arguments_of = [&](const RawEvent& e) {
    return std::span<const RawArgument>(st.arguments.data() + e.first_argument, e.argument_count);
  };
  auto participants_of = [&](const RawEvent& e, IdSet* agents, IdSet* all,
                             IdSet* actors = nullptr) {
    for (const auto& [role, raw_entity] : arguments_of(e)) {
      std::size_t entity = entity_cluster[raw_entity];
      all->insert(entity);
      if (role == ArgumentRole::kAgent) agents->insert(entity);
      if (actors && role != ArgumentRole::kLocation) actors->insert(entity);
    }
  };
  // Which entities each document names, and how often.
  // (entity, times), sorted by entity; an article's entity mentions come together.
  using NamedCounts = std::vector<std::pair<std::size_t, int>>;
  std::vector<NamedCounts> named_in(documents.size());
  {
    std::vector<std::size_t> runs;  // where each document's run of entity mentions starts
    for (std::size_t r = 0; r < st.entities.size(); ++r) {
      if (r == 0 || st.entities[r].document != st.entities[r - 1].document) runs.push_back(r);
    }
    runs.push_back(st.entities.size());
    ParallelFor(runs.size() - 1, jobs, [&](std::size_t run) {
      std::vector<std::size_t> named(entity_cluster.begin() + runs[run],
                                     entity_cluster.begin() + runs[run + 1]);
      std::sort(named.begin(), named.end());
      NamedCounts& counts = named_in[st.entities[runs[run]].document];
      for (std::size_t entity : named) {
        if (!counts.empty() && counts.back().first == entity) {
          ++counts.back().second;
        } else {
          counts.emplace_back(entity, 1);
        }
      }
    });
  }
  // Raw entity mentions are not needed past this point: entity_cluster says where each went.
  std::vector<State::EntityRef>().swap(st.entities);
  auto shares = [](const IdSet& a, const IdSet& b) {
    for (std::size_t x : a) {
      if (b.count(x)) return true;
    }
    return false;
  };
  std::map<std::string, std::string> family_cache;
  auto family_of = [&](const std::string& type) -> const std::string& {
    auto cached = family_cache.find(type);
    if (cached != family_cache.end()) return cached->second;
    const EventType* t = st.lexicons.FindEventType(type);
    return family_cache[type] = t ? t->family : std::string();
  };
  // Types as small numbers, and the types a mention of each may join: itself
  // and its children ("an attack" joins a chemical attack).
  std::unordered_map<std::string, uint32_t> type_ids;
  auto type_id = [&](const std::string& type) {
    return type_ids.emplace(type, static_cast<uint32_t>(type_ids.size())).first->second;
  };
  std::vector<std::vector<uint32_t>> kinds_of;
  auto kinds = [&](uint32_t id) -> const std::vector<uint32_t>& {
    if (kinds_of.size() <= id) kinds_of.resize(id + 1);
    if (kinds_of[id].empty()) kinds_of[id].push_back(id);
    return kinds_of[id];
  };
  for (const EventType& t : st.lexicons.event_types) {
    kinds(type_id(t.slug));
    if (!t.parent.empty() && t.parent != "-") {
      const uint32_t parent = type_id(t.parent), child = type_id(t.slug);
      kinds(parent);
      kinds_of[parent].push_back(child);
    }
  }
  // Agents are on the same side when they are the same entity or belong to
  // the same country ("Bashar Assad" and "Syria").
  std::vector<uint32_t> raw_type_id(st.events.size());  // type_id of each mention's type
  {
    // Mentions' types come from the builder's pool, so one block per type: looked up by its
    // address, a type costs a string lookup once, not at each of millions of mentions.
    std::unordered_map<const char*, uint32_t> id_of_block;
    for (std::size_t e = 0; e < st.events.size(); ++e) {
      const SharedString& type = st.events[e].type;
      auto [at, added] = id_of_block.try_emplace(type.data(), 0);
      if (added) at->second = type_id(type.str());
      raw_type_id[e] = at->second;
    }
  }
  std::vector<char> type_is_contact(type_ids.size());
  for (const auto& [name, id] : type_ids) type_is_contact[id] = IsContactFamily(family_of(name));
  // Sides as numbers: 3 * entity for the entity itself; for a country, 3 * country + 1; for
  // anything else of a known country, 3 * country + 2. Agents are on one side when they are one
  // entity, or one is a country and the other that country or of it ("Syria" and "Bashar
  // Assad"); two people of one country are not ("the Kenyan foreign minister accused ..." and "the
  // Kenyan president accused ..." tell two accusations).
  std::vector<std::vector<int64_t>> entity_sides(entities.size());
  {
    std::unordered_map<std::string, int64_t> country_ids;
    for (std::size_t a = 0; a < entities.size(); ++a) {
      entity_sides[a].push_back(3 * static_cast<int64_t>(a));
      if (entities[a].country.empty()) continue;
      const int64_t country =
          country_ids.emplace(entities[a].country, static_cast<int64_t>(country_ids.size()))
              .first->second;
      entity_sides[a].push_back(3 * country + (entities[a].kind == "country" ? 1 : 2));
    }
  }
  auto sides = [&](const IdSet& agents) {  // sorted, unique
    std::vector<int64_t> out;
    for (std::size_t a : agents)
      out.insert(out.end(), entity_sides[a].begin(), entity_sides[a].end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  // The sides that sides(agents) meet, sorted, unique: the entities themselves, and for a country
  // the country and all of it, for the rest their country.
  auto reach = [](const std::vector<int64_t>& agent_sides) {
    std::vector<int64_t> out;
    for (int64_t side : agent_sides) {
      const int64_t country = side / 3;
      switch (side % 3) {
        case 0:
          out.push_back(side);
          break;
        case 1:
          out.push_back(3 * country + 1);
          out.push_back(3 * country + 2);
          break;
        default:
          out.push_back(3 * country + 1);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  auto meet = [](const std::vector<int64_t>& a, const std::vector<int64_t>& b) {  // both sorted
    for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
      if (*x == *y) return true;
      if (*x < *y)
        ++x;
      else
        ++y;
    }
    return false;
  };
  // The people of a contact event. Two meetings that share one person but each
  // have someone the other lacks (Tillerson with Lavrov, Tillerson with Putin)
  // are two meetings.
  std::vector<char> is_person(entities.size()), is_location(entities.size()),
      is_country(entities.size());
  for (std::size_t i = 0; i < entities.size(); ++i) {
    is_person[i] = entities[i].kind == "person";
    is_location[i] = entities[i].kind == "location";
    is_country[i] = entities[i].kind == "country";
  }
  // Places, for telling events of two places apart ("floods in Kalma" and "floods in Amsel" of
  // one month, rebels attacking two towns in one week): each place's country and subdivision as
  // numbers, 0 when unknown; -1 for what is not a place.
  struct PlaceArea {
    int country = -1, region = 0;
  };
  std::vector<PlaceArea> place_area(entities.size());
  {
    std::unordered_map<std::string, int> area_ids;
    auto id_of = [&](const std::string& name) {
      return name.empty()
                 ? 0
                 : area_ids.emplace(name, static_cast<int>(area_ids.size()) + 1).first->second;
    };
    for (std::size_t i = 0; i < entities.size(); ++i) {
      if (is_location[i]) place_area[i] = {id_of(entities[i].country), id_of(entities[i].region)};
    }
  }
  // Whether two places can be one area: one place; of one subdivision; of one country when a
  // subdivision is unknown ("Khan Sheikhoun" and "Idlib province"); or one of a known country and
  // one of none (which could lie there). Two places of no known country are two places.
  auto places_meet = [&](std::size_t a, std::size_t b) {
    if (a == b) return true;
    const PlaceArea &x = place_area[a], &y = place_area[b];
    if (x.country == 0 || y.country == 0) return x.country != y.country;
    if (x.country != y.country) return false;
    return x.region == 0 || y.region == 0 || x.region == y.region;
  };
  auto persons = [&](const IdSet& all) {
    IdSet out;
    for (std::size_t a : all) {
      if (is_person[a]) out.insert(a);
    }
    return out;
  };
  auto subset = [](const IdSet& a, const IdSet& b) {
    // Looked up one by one, so that a large event's people cost nothing here.
    if (a.size() > b.size()) return false;
    return std::all_of(a.begin(), a.end(), [&](std::size_t x) { return b.count(x) > 0; });
  };
  // `agent_reach` is reach(sides(agents)).
  auto compatible = [&](const Cluster& c, const IdSet& agents, const IdSet& all,
                        const std::vector<int64_t>& agent_reach) {
    if (c.contact) {
      if (all.empty() || c.merge->everyone.empty()) return true;
      if (!shares(all, c.merge->everyone)) return false;
      const IdSet mine = persons(all);
      const IdSet& theirs = c.merge->people;
      return subset(mine, theirs) || subset(theirs, mine);
    }
    if (agents.empty() || c.merge->agents.empty()) return true;
    return meet(agent_reach, c.merge->agent_sides);
  };

  // Indexes over the clusters, keyed by type and a day, month, year, entity or
  // side. Entries are never removed: a candidate is always checked again, so
  // an index may hold a few too many. Every bucket can grow with the corpus
  // (a day of a large corpus tells hundreds of meetings): only its latest
  // kBucketScan clusters are considered, and older ones are dropped. 32 and 64 merge the made
  // stories of bench/merge-quality alike (F1 at 100,000 and 300,000 articles: 32 a little higher);
  // at 1,000,000 articles 32 takes a tenth off the merge.
  static constexpr std::size_t kBucketScan = 32;
  constexpr std::size_t kDocumentScan = 256;
  constexpr int kNarrowDays = 31;  // clusters this narrow are indexed by day, wider ones by month
  // A mention wider than this ("in April", "last month") reads the narrow events of its months,
  // not each of its days: a month of day buckets, each holding up to kBucketScan events, was four
  // fifths of what the merge read, and most of it the same events found again.
  constexpr int kDayScanDays = 7;
  auto key = [](uint32_t type, int tag, int64_t value) {
    return (static_cast<uint64_t>(type) << 40) ^ (static_cast<uint64_t>(tag) << 36) ^
           static_cast<uint64_t>(value & 0xFFFFFFFFF);
  };
  enum Tag { kDay, kMonth, kYear, kEntity, kSide, kMonthOfNarrow };

  // The month (of 4096, from 1800) of a mention's article, for the indexes by entity and side;
  // 0 when the article has no date.
  // The day each article is anchored to (days since 1970), the day its mentions were published.
  std::vector<std::optional<int>> published_day(documents.size());
  for (std::size_t d = 0; d < documents.size(); ++d)
    published_day[d] = DayNumber(documents[d].anchor);
  auto cycle_month = [&](const RawEvent& raw) -> int {
    const std::optional<int>& published = published_day[raw.document];
    if (!published) return 0;
    const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(*published))};
    return std::clamp((static_cast<int>(ymd.year()) - 1800) * 12 +
                          static_cast<int>(static_cast<unsigned>(ymd.month())),
                      1, 4095);
  };

  std::vector<uint32_t> order(st.events.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  // Dated mentions first, the most precise first, so that wide dates
  // ("last week") fold into precise ones ("April 4").
  auto width = [&](const RawEvent& e) {
    static const std::map<std::string, int, std::less<>> kRank = {
        {"day", 0},  {"week", 1}, {"month", 2},  {"quarter", 3}, {"season", 3},
        {"half", 4}, {"year", 5}, {"decade", 6}, {"century", 7}};
    if (!e.dated) return 9;
    auto rank = kRank.find(e.time->interval.granularity.view());
    return rank != kRank.end() ? rank->second : 9;
  };
  // Contact mentions naming more than two people come after the pairs, so that
  // each pair makes its own meeting before a sentence telling several joins one.
  std::vector<uint8_t> crowd(st.events.size(), 0);
  std::vector<uint8_t> rank(st.events.size(), 0);
  std::vector<uint8_t> generic(st.events.size(), 0);  // names no actor
  ParallelFor(
      st.events.size(), jobs,
      [&](std::size_t e) {
        rank[e] = static_cast<uint8_t>(width(st.events[e]));
        IdSet agents, all, actors;
        participants_of(st.events[e], &agents, &all, &actors);
        generic[e] = actors.empty() ? 1 : 0;
        if (!type_is_contact[raw_type_id[e]]) return;
        crowd[e] = persons(all).size() > 2 ? 1 : 0;
      },
      4096);
  {
    // Stably by (crowd, rank, generic): a few small keys, so placed by counting, not sorted.
    // Of one rank, mentions naming an actor come first, so that the events exist, with their
    // actors, when the generic mentions ("the attack") that may join them through their article
    // come.
    constexpr std::size_t kRanks = 16;
    auto key_of = [&](uint32_t e) { return (crowd[e] * kRanks + rank[e]) * 2 + generic[e]; };
    std::array<std::size_t, 4 * kRanks + 1> start{};
    for (uint32_t e : order) ++start[key_of(e) + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<uint32_t> sorted(order.size());
    for (uint32_t e : order) sorted[start[key_of(e)]++] = e;
    order.swap(sorted);
  }

  // ---- the merge, family by family
  // A mention only ever joins events of its own type or of a child type, so
  // the types linked by the ontology's parent column merge apart from the
  // rest: each such family is a lane, merged on its own (lanes run on `jobs`
  // threads), and the events of all lanes are then numbered in the order the
  // one pass would have made them. The graph does not depend on `jobs`.
  std::vector<uint32_t> family(type_ids.size());  // type -> the smallest type of its family
  for (uint32_t t = 0; t < family.size(); ++t) family[t] = t;
  std::function<uint32_t(uint32_t)> root = [&](uint32_t t) {
    return family[t] == t ? t : family[t] = root(family[t]);
  };
  for (uint32_t t = 0; t < type_ids.size(); ++t) {
    for (uint32_t child : kinds(t)) {
      const uint32_t a = root(t), b = root(child);
      family[std::max(a, b)] = std::min(a, b);
    }
  }
  struct Lane {
    std::vector<uint32_t> sequence;    // its mentions, in merge order
    std::vector<Cluster> clusters;     // its events
    std::vector<uint32_t> created_at;  // per event: the merge position of its first mention
  };
  std::vector<Lane> lanes;
  std::vector<uint32_t> position(st.events.size());  // mention -> its place in `order`
  {
    // Lanes are numbered in the order their first mention comes.
    std::vector<uint32_t> lane_of_family(type_ids.size(), UINT32_MAX);
    std::vector<uint32_t> lane_of_type(type_ids.size());
    for (uint32_t t = 0; t < type_ids.size(); ++t) lane_of_type[t] = root(t);
    for (std::size_t p = 0; p < order.size(); ++p) {
      const std::size_t e = order[p];
      position[e] = static_cast<uint32_t>(p);
      uint32_t& lane = lane_of_family[lane_of_type[raw_type_id[e]]];
      if (lane == UINT32_MAX) {
        lane = static_cast<uint32_t>(lanes.size());
        lanes.emplace_back();
      }
      lanes[lane].sequence.push_back(static_cast<uint32_t>(e));
    }
  }
  auto merge_lane = [&](Lane& lane) {
    std::vector<Cluster>& clusters = lane.clusters;
    // An event's participants while it has few (most events have): the tests past the first read
    // these instead of the event and then its participant sets, two misses one after the other.
    constexpr std::size_t kInline = 6;
    struct alignas(32) ClusterBrief {
      std::array<uint32_t, kInline> everyone{};  // merge->everyone, in the order added
      uint8_t count = 0;   // of `everyone`; kInline + 1 once the event has more (then unused)
      uint8_t agents = 0;  // bit i: everyone[i] is one of merge->agents
      uint8_t size = 0;    // min(members, 9), as the score counts them
      bool inline_ok() const { return count <= kInline; }
      bool contains(uint32_t id) const {
        for (std::size_t i = 0; i < count; ++i) {
          if (everyone[i] == id) return true;
        }
        return false;
      }
    };
    static_assert(sizeof(ClusterBrief) == 32);
    // What the checks of a candidate read, one entry per event in one array, a cache line each: a
    // mention is compared with hundreds of events, and reading these through each event's own
    // allocations missed the cache several times per candidate. The first tests read the fields,
    // those past them the brief, in the same line.
    struct alignas(64) ClusterHot {
      uint32_t type_id = 0;
      // The days its first article and its dated mentions' articles are anchored to: undated
      // mentions join only events of their own news cycle.
      int published_first = INT_MAX, published_last = INT_MIN;
      int day_first = 0, day_last = 0;  // its interval's, when days_exact
      bool negated = false, dated = false, days_exact = false;
      uint32_t listed = 0;  // the candidates() call that last listed it
      ClusterBrief brief{};
    };
    static_assert(sizeof(ClusterHot) == 64);
    std::vector<ClusterHot> hot;
    auto hot_of = [&](const Cluster& cluster) -> const ClusterHot& {
      return hot[static_cast<std::size_t>(&cluster - clusters.data())];
    };
    auto same_cycle = [&](const Cluster& cluster, const RawEvent& raw) {
      const std::optional<int>& published = published_day[raw.document];
      const ClusterHot& h = hot_of(cluster);
      if (!published || h.published_first == INT_MAX) return true;
      return *published >= h.published_first - kNewsCycleDays &&
             *published <= h.published_last + kNewsCycleDays;
    };
    auto same_kind = [&](const Cluster& cluster, const RawEvent& raw, bool* generalises) {
      const ClusterHot& h = hot_of(cluster);
      *generalises = h.type_id != raw_type_id[raw.order];  // "attack" into "chemical attack"
      return h.negated == raw.negated();
    };
    // The interval of the mention being merged, as days when ExactDays allows.
    bool raw_days_exact = false;
    std::vector<std::size_t> raw_places;  // the places the mention being merged names
    std::vector<uint32_t> own_events;     // the events its article has told, newest first
    int raw_day_first = 0, raw_day_last = 0;
    auto overlaps = [&](const Cluster& cluster, const RawEvent& raw) {
      const ClusterHot& h = hot_of(cluster);
      if (!raw.dated || !h.dated) return true;
      if (raw_days_exact && h.days_exact)
        return raw_day_first <= h.day_last && h.day_first <= raw_day_last;
      return raw.time->interval.first <= cluster.interval->last &&
             cluster.interval->first <= raw.time->interval.last;
    };
    BucketIndex buckets(kBucketScan);
    auto year_of = [](const SharedString& day) { return LeadingInt(day.view().substr(0, 4)); };
    auto month_of = [](const SharedString& day) { return MonthNumber(day.view()); };
    DocumentLog told_in(documents.size());  // what each document's mentions joined
    std::map<std::pair<uint32_t, bool>, std::pair<int, std::size_t>> dated_count;  // count, last
    auto index_interval = [&](std::size_t c) {
      const Cluster& cluster = clusters[c];
      const int first = DayNumber(cluster.interval->first).value_or(0);
      const int last = DayNumber(cluster.interval->last).value_or(first);
      if (last - first < kNarrowDays) {
        for (int d = first; d <= last; ++d) buckets.Add(key(cluster.type_id, kDay, d), c);
        for (int m = month_of(cluster.interval->first); m <= month_of(cluster.interval->last); ++m)
          buckets.Add(key(cluster.type_id, kMonthOfNarrow, m), c);
      } else {
        for (int m = month_of(cluster.interval->first); m <= month_of(cluster.interval->last); ++m)
          buckets.Add(key(cluster.type_id, kMonth, m), c);
      }
      for (int y = year_of(cluster.interval->first); y <= year_of(cluster.interval->last); ++y)
        buckets.Add(key(cluster.type_id, kYear, y), c);
    };
    auto add_to = [&](std::size_t c, std::size_t e, const IdSet& agents, const IdSet& all) {
      Cluster& cluster = clusters[c];
      const RawEvent& raw = st.events[e];
      cluster.members.push_back(static_cast<uint32_t>(e));
      told_in.Add(raw.document, raw.order, static_cast<uint32_t>(c));
      ClusterHot& h = hot[c];
      ClusterBrief& b = hot[c].brief;
      b.size = static_cast<uint8_t>(std::min<std::size_t>(cluster.members.size(), 9));
      // An undated mention does not widen the news cycle: a chain of articles, each within a
      // cycle of the last, would otherwise carry an event across years ("the UN urged restraint"
      // in every article of a decade became one event).
      const std::optional<int>& published = published_day[raw.document];
      if (published && (raw.dated || cluster.members.size() == 1)) {
        h.published_first = std::min(h.published_first, *published);
        h.published_last = std::max(h.published_last, *published);
      }
      // "He met with both Lavrov and Putin" tells two meetings at once: it joins
      // one without making its people everyone's.
      const bool collective =
          cluster.contact && persons(all).size() > 2 && cluster.merge->people.size() >= 2;
      if (collective) {
        if (!cluster.collective_members) cluster.collective_members = std::make_unique<IdSet>();
        cluster.collective_members->insert(e);
      } else {
        const int month = cycle_month(raw);
        const bool new_month = cluster.merge->published_months.insert(month).second;
        // A new month indexes everything the event has; otherwise only what is new.
        for (std::size_t agent : agents) {
          const bool new_agent = cluster.merge->agents.insert(agent).second;
          if (new_agent) {
            for (int64_t side : entity_sides[agent]) {
              auto at = std::lower_bound(cluster.merge->agent_sides.begin(),
                                         cluster.merge->agent_sides.end(), side);
              if (at == cluster.merge->agent_sides.end() || *at != side)
                cluster.merge->agent_sides.insert(at, side);
            }
          }
          if (!new_agent && !new_month) continue;
          for (int64_t side : entity_sides[agent])
            buckets.Add(key(cluster.type_id, kSide, side * 4096 + month), c);
        }
        for (std::size_t entity : all) {
          const bool new_entity = cluster.merge->everyone.insert(entity).second;
          if (new_entity && is_person[entity]) cluster.merge->people.insert(entity);
          if (new_entity && is_location[entity])
            cluster.merge->places.push_back(static_cast<uint32_t>(entity));
          if (new_entity && b.inline_ok()) {
            if (b.count < kInline) b.everyone[b.count] = static_cast<uint32_t>(entity);
            ++b.count;
          }
          if (new_entity || new_month)
            buckets.Add(key(cluster.type_id, kEntity, static_cast<int64_t>(entity) * 4096 + month),
                        c);
        }
        if (b.inline_ok()) {
          for (std::size_t agent : agents) {  // each is one of `all`, so now in b.everyone
            for (std::size_t i = 0; i < b.count; ++i) {
              if (b.everyone[i] == agent) b.agents |= static_cast<uint8_t>(1u << i);
            }
          }
        }
        if (new_month) {
          for (std::size_t agent : cluster.merge->agents) {
            if (agents.count(agent)) continue;
            for (int64_t side : entity_sides[agent])
              buckets.Add(key(cluster.type_id, kSide, side * 4096 + month), c);
          }
          for (std::size_t entity : cluster.merge->everyone) {
            if (all.count(entity)) continue;
            buckets.Add(key(cluster.type_id, kEntity, static_cast<int64_t>(entity) * 4096 + month),
                        c);
          }
        }
      }
      if (raw.dated && (!cluster.dated || (raw.time->interval.first >= cluster.interval->first &&
                                           raw.time->interval.last <= cluster.interval->last))) {
        if (!cluster.dated) {
          auto& [count, last] = dated_count[{cluster.type_id, cluster.negated}];
          ++count;
          last = std::max(last, c);
        }
        const bool changed = !cluster.dated ||
                             raw.time->interval.first != cluster.interval->first ||
                             raw.time->interval.last != cluster.interval->last;
        cluster.interval = &raw.time->interval;
        cluster.dated = true;
        h.dated = true;
        h.days_exact = ExactDays(*cluster.interval, &h.day_first, &h.day_last);
        if (changed) index_interval(c);
      }
      if (cluster_of[e] == UINT32_MAX) cluster_of[e] = static_cast<uint32_t>(c);
    };
    // The clusters of a kind a mention may join, without repeats, in no particular order: every
    // choice among them breaks ties by creation order (the smaller index), so that sorting them
    // is not needed.
    // Repeats are told apart by a mark in each event's small entry, which the tests of each
    // candidate read next anyway: a separate array of marks was one more miss per candidate.
    uint32_t generation = 0;
    std::vector<uint64_t> bucket_keys;
    std::vector<const BucketIndex::List*> bucket_lists;
    std::vector<std::size_t> out;  // what candidates() returns, valid until its next call
    auto candidates =
        [&](const RawEvent& raw, const IdSet& entities_named, bool by_date, std::size_t document,
            const std::vector<int64_t>& agent_reach = {}) -> const std::vector<std::size_t>& {
      if (++generation == 0) {
        for (ClusterHot& h : hot) h.listed = 0;
        generation = 1;
      }
      out.clear();
      const std::vector<uint32_t>& mine = kinds(raw_type_id[raw.order]);
      auto take = [&](std::size_t c) {
        if (hot[c].listed == generation) return;
        hot[c].listed = generation;
        out.push_back(c);
      };
      // The buckets are listed first, then their slots, their lists and the lists' latest entries
      // asked for, each a step ahead of reading it: in a large corpus each of the three misses the
      // cache, and a mention reads dozens of buckets.
      bucket_keys.clear();
      auto scan = [&](uint64_t bucket_key) { bucket_keys.push_back(bucket_key); };
      for (uint32_t kind : mine) {
        if (by_date && raw.dated) {
          const int days = raw.time->day_last - raw.time->day_first;
          if (days < kDayScanDays) {
            for (int d = raw.time->day_first; d <= raw.time->day_last; ++d)
              scan(key(kind, kDay, d));
          } else if (days < kNarrowDays) {
            for (int m = raw.time->month_first; m <= raw.time->month_last; ++m)
              scan(key(kind, kMonthOfNarrow, m));
          }
          if (days < kNarrowDays) {
            for (int m = raw.time->month_first; m <= raw.time->month_last; ++m)
              scan(key(kind, kMonth, m));
          } else {
            for (int y = raw.time->year_first; y <= raw.time->year_last; ++y)
              scan(key(kind, kYear, y));
          }
        }
        const int month = cycle_month(raw);
        for (int m = std::max(month - 1, 0); m <= (month == 0 ? 0 : month + 1); ++m) {
          for (std::size_t entity : entities_named)
            scan(key(kind, kEntity, static_cast<int64_t>(entity) * 4096 + m));
          for (int64_t side : agent_reach) scan(key(kind, kSide, side * 4096 + m));
        }
      }
      for (uint64_t bucket_key : bucket_keys) buckets.Prefetch(bucket_key);
      bucket_lists.clear();
      for (uint64_t bucket_key : bucket_keys) {
        if (const BucketIndex::List* found = buckets.find(bucket_key)) {
          PrefetchLine(found);
          bucket_lists.push_back(found);
        }
      }
      // Only a bucket's latest kBucketScan clusters are read.
      auto latest = [](const BucketIndex::List& bucket) {
        return bucket.size() > kBucketScan ? bucket.size() - kBucketScan : 0;
      };
      for (const BucketIndex::List* bucket : bucket_lists) {
        const uint32_t* end = bucket->data() + bucket->size();
        for (const uint32_t* line = bucket->data() + latest(*bucket); line < end; line += 16)
          PrefetchLine(line);
      }
      // Each entry's small entry is asked for sixteen entries ahead of reading it, across buckets.
      constexpr std::size_t kAhead = 16;
      std::size_t ahead_list = 0, ahead_at = bucket_lists.empty() ? 0 : latest(*bucket_lists[0]);
      auto ask_ahead = [&] {
        while (ahead_list < bucket_lists.size() && ahead_at >= bucket_lists[ahead_list]->size()) {
          if (++ahead_list < bucket_lists.size()) ahead_at = latest(*bucket_lists[ahead_list]);
        }
        if (ahead_list < bucket_lists.size())
          PrefetchLine(&hot[(*bucket_lists[ahead_list])[ahead_at++]]);
      };
      for (std::size_t i = 0; i < kAhead; ++i) ask_ahead();
      // A bucket's key holds its clusters' type, one of `mine`: they need no type check.
      for (const BucketIndex::List* bucket : bucket_lists) {
        for (std::size_t i = latest(*bucket); i < bucket->size(); ++i) {
          ask_ahead();
          take((*bucket)[i]);
        }
      }
      if (document != SIZE_MAX) {
        // The latest events of the article; a book-length document must not make
        // every mention scan all of its events.
        told_in.ForLatestTold(document, kDocumentScan, [&](uint32_t c) {
          if (std::find(mine.begin(), mine.end(), hot[c].type_id) != mine.end()) take(c);
        });
      }
      return out;
    };

    // compatible(), from the brief when the event's participants fit in it. `mine_people` is
    // persons(all).
    // Whether the mention's places and the event's are all apart (both name places, none of them
    // can be one area).
    auto places_apart = [&](std::size_t c) {
      if (raw_places.empty()) return false;
      bool theirs = false;
      auto meets = [&](std::size_t x) {
        if (place_area[x].country < 0) return false;
        theirs = true;
        return std::any_of(raw_places.begin(), raw_places.end(),
                           [&](std::size_t mine) { return places_meet(mine, x); });
      };
      const ClusterBrief& b = hot[c].brief;
      if (b.inline_ok()) {
        for (std::size_t i = 0; i < b.count; ++i) {
          if (meets(b.everyone[i])) return false;
        }
      } else {
        for (std::size_t x : clusters[c].merge->places) {
          if (meets(x)) return false;
        }
      }
      return theirs;
    };
    auto compatible_with = [&](std::size_t c, const IdSet& agents, const IdSet& all,
                               const std::vector<int64_t>& agent_reach, const IdSet& mine_people) {
      if (places_apart(c)) return false;
      const ClusterBrief& b = hot[c].brief;
      if (!b.inline_ok()) return compatible(clusters[c], agents, all, agent_reach);
      if (type_is_contact[hot[c].type_id]) {
        if (all.empty() || b.count == 0) return true;
        if (std::none_of(all.begin(), all.end(), [&](std::size_t x) { return b.contains(x); }))
          return false;
        std::size_t theirs = 0;  // the event's people
        bool theirs_in_mine = true;
        for (std::size_t i = 0; i < b.count; ++i) {
          if (!is_person[b.everyone[i]]) continue;
          ++theirs;
          theirs_in_mine = theirs_in_mine && mine_people.count(b.everyone[i]) > 0;
        }
        const bool mine_in_theirs =
            mine_people.size() <= theirs &&
            std::all_of(mine_people.begin(), mine_people.end(),
                        [&](std::size_t x) { return b.contains(static_cast<uint32_t>(x)); });
        return mine_in_theirs || (theirs <= mine_people.size() && theirs_in_mine);
      }
      if (agents.empty() || b.agents == 0) return true;
      for (std::size_t i = 0; i < b.count; ++i) {
        if ((b.agents >> i & 1u) == 0) continue;
        for (int64_t side : entity_sides[b.everyone[i]]) {
          if (std::binary_search(agent_reach.begin(), agent_reach.end(), side)) return true;
        }
      }
      return false;
    };
    // How many of `all` the event has, plus one when both have agents (compatible ones).
    // How many of `all` the event has: actors (people, organisations, countries) and places apart;
    // and whether both have agents (compatible ones, once compatible_with has passed).
    struct Common {
      int actors = 0, places = 0;
      int specific = 0;  // actors that are not countries
      bool both_agents = false;
      // Countries are named in most news of their region: one country in common is no evidence.
      bool enough_actors() const { return specific > 0 || actors >= 2; }
      // What the score counts: the participants in common, one more when both have agents.
      int shared() const { return actors + places + (both_agents ? 1 : 0); }
    };
    auto common_with = [&](std::size_t c, const IdSet& agents, const IdSet& all) {
      const ClusterBrief& b = hot[c].brief;
      Common common;
      for (std::size_t x : all) {
        const bool has = b.inline_ok() ? b.contains(static_cast<uint32_t>(x))
                                       : clusters[c].merge->everyone.count(x) > 0;
        if (!has) continue;
        ++(is_location[x] ? common.places : common.actors);
        if (!is_location[x] && !is_country[x]) ++common.specific;
      }
      common.both_agents =
          !agents.empty() && (b.inline_ok() ? b.agents != 0 : !clusters[c].merge->agents.empty());
      return common;
    };
    // fn(entity) for each participant of an event, from its brief when they fit there.
    auto for_each_participant = [&](std::size_t c, const auto& fn) {
      const ClusterBrief& b = hot[c].brief;
      if (b.inline_ok()) {
        for (std::size_t i = 0; i < b.count; ++i) fn(static_cast<std::size_t>(b.everyone[i]));
      } else {
        for (std::size_t x : clusters[c].merge->everyone) fn(x);
      }
    };
    // How often an article names an entity (0: not at all).
    auto times_named = [](const NamedCounts& article, std::size_t x) {
      auto found = std::lower_bound(article.begin(), article.end(), x,
                                    [](const std::pair<std::size_t, int>& named, std::size_t id) {
                                      return named.first < id;
                                    });
      return found != article.end() && found->first == x ? found->second : 0;
    };
    // (how many of the event's actors its article names, how often it names them).
    auto salience_in = [&](std::size_t c, const NamedCounts& article) {
      std::pair<int, int> salience{0, 0};
      auto count = [&](std::size_t x, int times) {
        if (is_location[x]) return;
        salience.first += 1;
        salience.second += times;
      };
      auto look_up = [&](std::size_t x) {
        if (const int times = times_named(article, x); times > 0) count(x, times);
      };
      const ClusterBrief& b = hot[c].brief;
      if (b.inline_ok()) {
        for (std::size_t i = 0; i < b.count; ++i) look_up(b.everyone[i]);
        return salience;
      }
      // The smaller side is walked.
      const IdSet& actors_of = clusters[c].merge->everyone;
      if (actors_of.size() <= article.size()) {
        for (std::size_t x : actors_of) look_up(x);
      } else {
        for (const auto& [x, times] : article) {
          if (actors_of.count(x)) count(x, times);
        }
      }
      return salience;
    };
    // How many of an event's participants are not places.
    auto actor_count = [&](std::size_t c) {
      int count = 0;
      for_each_participant(c, [&](std::size_t x) { count += !is_location[x]; });
      return count;
    };
    // Whether an article names one of `wanted`.
    auto article_names_any = [&](std::size_t document, const IdSet& wanted) {
      return std::any_of(wanted.begin(), wanted.end(),
                         [&](std::size_t x) { return times_named(named_in[document], x) > 0; });
    };
    // Whether an article names the actors of an event: two of them, or its only one.
    // Countries count only with `countries` (for a mention dated to the same few days): an article
    // about Iraq names Iraq and the United States, as do a hundred events of the month.
    auto named_by_article = [&](std::size_t c, std::size_t document, bool countries) {
      int counted = 0, named = 0;
      for_each_participant(c, [&](std::size_t x) {
        if (is_location[x] || (is_country[x] && !countries)) return;
        ++counted;
        named += times_named(named_in[document], x) > 0 ? 1 : 0;
      });
      return named >= 2 || (named == 1 && counted == 1);
    };
    // Candidates whose small entries pass `keep`, in the order given, each entry asked for a few
    // candidates ahead: in a large corpus the entries of a lane's events are far larger than the
    // cache, and a candidate's entry missed it; waiting for each miss in turn was most of the
    // merge.
    struct TallyList {
      const BucketIndex::List* bucket;
      std::size_t from;
      uint32_t person;
      int times;
    };
    std::vector<TallyList> tally_lists;
    SalienceTally tally;
    std::vector<std::size_t> kept_buffer;
    auto hot_filter = [&](const std::vector<std::size_t>& found,
                          const auto& keep) -> const std::vector<std::size_t>& {
      constexpr std::size_t kAhead = 16;
      kept_buffer.clear();
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (i + kAhead < found.size()) PrefetchLine(&hot[found[i + kAhead]]);
        if (keep(found[i])) kept_buffer.push_back(found[i]);
      }
      return kept_buffer;
    };
    // Before the candidate list[i] is read past its small entry: its brief, and when its
    // participants do not fit there, its event and then the event's participant sets, each step
    // for a candidate nearer in the list (a step reads what the step before fetched).
    auto prefetch_participants = [&](const std::vector<std::size_t>& list, std::size_t i) {
      if (i + 24 < list.size()) PrefetchLine(&hot[list[i + 24]]);
      if (i + 12 < list.size() && !hot[list[i + 12]].brief.inline_ok()) {
        const Cluster* far = &clusters[list[i + 12]];
        PrefetchLine(far);
        PrefetchLine(&far->merge);
      }
      if (i + 6 < list.size() && !hot[list[i + 6]].brief.inline_ok()) {
        const Cluster::Participants* near = clusters[list[i + 6]].merge.get();
        PrefetchLine(near);
        PrefetchLine(&near->everyone);
        PrefetchLine(&near->people);
      }
      if (i + 2 < list.size() && !hot[list[i + 2]].brief.inline_ok()) {
        const IdSet& everyone = clusters[list[i + 2]].merge->everyone;
        const uint32_t* first = everyone.ids();
        for (std::size_t at = 0; at < everyone.size(); at += 16) PrefetchLine(first + at);
      }
    };

    // A lane's mentions are read in merge order, not where they lie: each mention, then its
    // arguments, then their entities, asked for a few mentions ahead.
    auto prefetch_mention = [&](std::size_t at) {
      const std::vector<uint32_t>& sequence = lane.sequence;
      if (at + 4 < sequence.size()) PrefetchLine(&st.events[sequence[at + 4]]);
      if (at + 2 < sequence.size()) {
        const RawEvent& next = st.events[sequence[at + 2]];
        if (next.argument_count > 0) PrefetchLine(&st.arguments[next.first_argument]);
        if (next.dated) {
          PrefetchLine(next.time.get());
          PrefetchLine(&next.time->day_first);
        }
        PrefetchLine(&named_in[next.document]);
        PrefetchLine(&raw_type_id[sequence[at + 2]]);
        PrefetchLine(&crowd[sequence[at + 2]]);
        PrefetchLine(&cluster_of[sequence[at + 2]]);
      }
      if (at + 1 < sequence.size()) {
        for (const RawArgument& argument : arguments_of(st.events[sequence[at + 1]]))
          PrefetchLine(&entity_cluster[argument.entity]);
      }
    };
    for (std::size_t at = 0; at < lane.sequence.size(); ++at) {
      prefetch_mention(at);
      const std::size_t e = lane.sequence[at];
      const RawEvent& raw = st.events[e];
      raw_days_exact = raw.dated && ExactDays(raw.time->interval, &raw_day_first, &raw_day_last);
      IdSet agents, all, actors;
      participants_of(raw, &agents, &all, &actors);
      raw_places.clear();
      for (std::size_t x : all) {
        if (is_location[x]) raw_places.push_back(x);
      }
      const std::vector<int64_t> agent_reach = reach(sides(agents));
      const IdSet mine_people = persons(all);
      bool generalises = false;

      // "Tillerson met with Putin and Lavrov on Wednesday" tells two meetings
      // at once: it is a mention of every meeting of two of its people.
      if (crowd[e]) {
        std::vector<std::size_t> covered;
        const IdSet people = persons(all);
        for (std::size_t c : candidates(raw, people, false, SIZE_MAX)) {
          const Cluster& cluster = clusters[c];
          if (!same_kind(cluster, raw, &generalises) || generalises || !overlaps(cluster, raw) ||
              ((!raw.dated || !cluster.dated) && !same_cycle(cluster, raw)))
            continue;
          const IdSet& theirs = cluster.merge->people;
          if (theirs.size() >= 2 && subset(theirs, people)) covered.push_back(c);
        }
        if (covered.size() >= 2) {
          std::sort(covered.begin(), covered.end());
          for (std::size_t c : covered) add_to(c, e, agents, all);
          continue;
        }
      }

      // The events this mention's own article has told so far: a mention joins one of them on less
      // evidence than an event of another article (within-document coreference first). Listed
      // when first asked: most mentions are settled before.
      bool own_events_listed = false;
      auto own_event = [&](std::size_t c) {
        if (!own_events_listed) {
          own_events.clear();
          told_in.ForLatestTold(raw.document, kDocumentScan,
                                [&](uint32_t listed) { own_events.push_back(listed); });
          own_events_listed = true;
        }
        return std::find(own_events.begin(), own_events.end(), c) != own_events.end();
      };
      std::size_t chosen = SIZE_MAX;
      int chosen_score = -1;
      std::size_t weak_choice = SIZE_MAX;  // the one event with weak evidence only, if one
      int weak_count = 0;
      // The tests on the small per-event entries first: most candidates fail one of them, and the
      // event's own data would miss the cache. A dated event that a dated mention does not overlap
      // would score below zero, so it is passed over at once.
      const std::vector<std::size_t>& kept =
          hot_filter(candidates(raw, all, true, SIZE_MAX, agent_reach), [&](std::size_t c) {
            const Cluster& cluster = clusters[c];
            if (!same_kind(cluster, raw, &generalises)) return false;
            const bool cluster_dated = hot_of(cluster).dated;
            if (raw.dated && cluster_dated && !overlaps(cluster, raw)) return false;
            return (raw.dated && cluster_dated) || same_cycle(cluster, raw);
          });
      for (std::size_t i = 0; i < kept.size(); ++i) {
        prefetch_participants(kept, i);
        const std::size_t c = kept[i];
        const bool cluster_dated = hot[c].dated;
        generalises = hot[c].type_id != raw_type_id[raw.order];
        if (!compatible_with(c, agents, all, agent_reach, mine_people)) continue;
        const bool overlap = raw.dated && cluster_dated;  // the others were passed over above
        const int size = hot[c].brief.size;
        // Precision first: a date and a type are not evidence of one event (a day of news tells
        // many meetings, a month many killings). Another article's event is joined only with an
        // actor in common that is not a country, or two actors in common; by a mention that names
        // no actor, through a place in common (kPlaceEvidenceDays) or, when it is dated, through
        // its own article, which must name the event's actors ("the talks on Tuesday" in an
        // article about two ministers).
        const Common common = common_with(c, agents, all);
        const int shared = common.shared();
        const bool narrow_both = raw_days_exact && hot[c].days_exact &&
                                 raw_day_last - raw_day_first < kPlaceEvidenceDays &&
                                 hot[c].day_last - hot[c].day_first < kPlaceEvidenceDays;
        const bool place_only = common.places > 0 && actors.empty() &&
                                (!(raw.dated && cluster_dated) || narrow_both);
        // One country in common is evidence only between mentions dated to the same few days; so
        // is a generic event (no actor: "the April 4 chemical attack") whose article names one of
        // the mention's actors.
        const bool country_same_days = common.actors > 0 && narrow_both;
        const bool generic_event_named =
            narrow_both && !actors.empty() && actor_count(c) == 0 &&
            article_names_any(st.events[clusters[c].members.front()].document, actors);
        const bool generic_mention_named =
            actors.empty() && narrow_both && named_by_article(c, raw.document, true);
        const bool evidence = common.enough_actors() || country_same_days || generic_event_named ||
                              generic_mention_named || place_only || own_event(c);
        if (!evidence) {
          // Weak evidence (one country in common, agents of one side, or, between two mentions
          // naming no actor, the type and the same single day) decides only when no other event
          // offers even that: a unique antecedent.
          const bool same_day = raw_days_exact && hot[c].days_exact &&
                                raw_day_first == raw_day_last &&
                                hot[c].day_first == raw_day_first && hot[c].day_last == raw_day_last;
          const bool weak = common.actors > 0 || common.both_agents ||
                            (same_day && actors.empty() && actor_count(c) == 0);
          if (weak && (overlap || !cluster_dated || !raw.dated)) {
            weak_choice = weak_count++ == 0 ? c : SIZE_MAX;
          }
          continue;
        }
        int score = -1;
        if (raw.dated) {
          if (overlap) score = 100 + 10 * shared + size - (generalises ? 5 : 0);
          // An undated event told by the same people takes this date.
          if (!cluster_dated && common.enough_actors()) score = 40 + 10 * shared + size;
        } else if (common.enough_actors() || place_only || own_event(c)) {
          score = (cluster_dated ? 50 : 0) + 10 * shared + size;
        }
        if (score > chosen_score || (score >= 0 && score == chosen_score && c < chosen)) {
          chosen = c;
          chosen_score = score;
        }
      }
      if (chosen == SIZE_MAX && weak_count == 1) chosen = weak_choice;
      // In its own article, a definite mention ("the attack") is the latest
      // compatible event told before it.
      if (chosen == SIZE_MAX && !raw.dated && actors.empty()) {
        std::size_t latest = 0;
        for (std::size_t c : candidates(raw, {}, false, raw.document)) {
          if (!same_kind(clusters[c], raw, &generalises) ||
              !compatible_with(c, agents, all, agent_reach, mine_people))
            continue;
          std::size_t earlier = SIZE_MAX;  // its latest mention in the article before this one
          told_in.ForMerged(raw.document, [&](uint32_t order, uint32_t cluster) {
            if (cluster == c && order < raw.order && (earlier == SIZE_MAX || order > earlier))
              earlier = order;
          });
          if (earlier == SIZE_MAX) continue;
          if (chosen == SIZE_MAX || earlier > latest || (earlier == latest && c < chosen)) {
            chosen = c;
            latest = earlier;
          }
        }
      }
      // Otherwise an undated mention that names nobody ("the joint news
      // conference") refers to an event of its type told by its own article, or
      // by people its article names; of several, to the one whose actors its
      // article names most.
      if (chosen == SIZE_MAX && !raw.dated && actors.empty()) {
        const NamedCounts& article = named_in[raw.document];
        const std::vector<uint32_t>& mine = kinds(raw_type_id[raw.order]);
        const int month = cycle_month(raw);
        // The buckets of the people the article names, as in candidates(), each with its person.
        tally_lists.clear();
        for (const auto& [person, times] : article) {
          if (is_location[person]) continue;
          for (uint32_t kind : mine) {
            for (int m = std::max(month - 1, 0); m <= (month == 0 ? 0 : month + 1); ++m)
              buckets.Prefetch(key(kind, kEntity, static_cast<int64_t>(person) * 4096 + m));
          }
        }
        std::size_t most = 0;
        for (const auto& [person, times] : article) {
          if (is_location[person]) continue;
          for (uint32_t kind : mine) {
            for (int m = std::max(month - 1, 0); m <= (month == 0 ? 0 : month + 1); ++m) {
              const BucketIndex::List* bucket =
                  buckets.find(key(kind, kEntity, static_cast<int64_t>(person) * 4096 + m));
              if (!bucket) continue;
              const std::size_t from =
                  bucket->size() > kBucketScan ? bucket->size() - kBucketScan : 0;
              for (std::size_t at = from; at < bucket->size(); at += 16)
                PrefetchLine(bucket->data() + at);
              tally_lists.push_back({bucket, from, static_cast<uint32_t>(person), times});
              most += bucket->size() - from;
            }
          }
        }
        tally.Start(most + kDocumentScan);
        for (const TallyList& list : tally_lists) {
          for (std::size_t at = list.from; at < list.bucket->size(); ++at)
            tally.Add((*list.bucket)[at], list.person, list.times);
        }
        // The events of the article itself: their salience from all their people.
        told_in.ForLatestTold(raw.document, kDocumentScan, [&](uint32_t c) {
          if (std::find(mine.begin(), mine.end(), clusters[c].type_id) == mine.end()) return;
          const std::pair<int, int> salience = salience_in(c, article);
          tally.Set(c, salience.first, salience.second);
        });
        // The event whose actors the article names most, of those the mention may join; none when
        // two are named alike. Levels are tried from the top: most mentions stop at the first.
        std::vector<SalienceTally::Found>& found = tally.found();
        auto level = [](const SalienceTally::Found& f) { return std::pair(f.people, f.times); };
        // Of another article's events, only one whose actors this article names (two of them, or
        // its only one): the mention carries no evidence of its own.
        auto may_join = [&](std::size_t c) {
          return same_kind(clusters[c], raw, &generalises) && same_cycle(clusters[c], raw) &&
                 compatible_with(c, agents, all, agent_reach, mine_people) &&
                 (own_event(c) || named_by_article(c, raw.document, false));
        };
        auto settle = [&](std::size_t begin, std::size_t end) {  // [begin, end): one level
          std::size_t passing = 0;
          for (std::size_t i = begin; i < end && passing < 2; ++i) {
            if (!may_join(found[i].cluster)) continue;
            ++passing;
            chosen = found[i].cluster;
          }
          if (passing > 1) chosen = SIZE_MAX;
          return passing > 0;
        };
        // A few rounds of "the top level to the front"; past them, a sort.
        constexpr int kLevelRounds = 3;
        std::size_t left = found.size();
        bool settled = false;
        for (int round = 0; round < kLevelRounds && left > 0 && !settled; ++round) {
          std::pair<int, int> top{-1, 0};
          for (std::size_t i = 0; i < left; ++i) top = std::max(top, level(found[i]));
          const auto at_top = std::partition(found.begin(), found.begin() + left,
                                             [&](const auto& f) { return level(f) == top; });
          const std::size_t count = static_cast<std::size_t>(at_top - found.begin());
          settled = settle(0, count);
          found.erase(found.begin(), at_top);
          left -= count;
        }
        if (!settled && left > 0) {
          std::sort(found.begin(), found.begin() + left,
                    [&](const auto& a, const auto& b) { return level(a) > level(b); });
          for (std::size_t begin = 0; begin < left && !settled;) {
            std::size_t end = begin + 1;
            while (end < left && level(found[end]) == level(found[begin])) ++end;
            settled = settle(begin, end);
            begin = end;
          }
        }
      }
      // An undated mention joins the only dated event of its type when nothing
      // it says contradicts it: that event names nobody, or they share someone.
      if (chosen == SIZE_MAX && !raw.dated) {
        int same_type_dated = 0;
        std::size_t last_same_type = 0;
        for (uint32_t kind : kinds(raw_type_id[raw.order])) {
          auto found = dated_count.find({kind, raw.negated()});
          if (found == dated_count.end()) continue;
          same_type_dated += found->second.first;
          last_same_type = std::max(last_same_type, found->second.second);
        }
        if (same_type_dated == 1 && same_cycle(clusters[last_same_type], raw) &&
            compatible(clusters[last_same_type], agents, all, agent_reach) &&
            (actors.empty() || clusters[last_same_type].merge->everyone.empty() ||
             shares(all, clusters[last_same_type].merge->everyone))) {
          chosen = last_same_type;
        }
      }
      if (chosen == SIZE_MAX) {
        chosen = clusters.size();
        Cluster cluster;
        cluster.type_id = raw_type_id[raw.order];
        cluster.contact = type_is_contact[raw_type_id[e]];
        cluster.negated = raw.negated();
        clusters.push_back(std::move(cluster));
        hot.push_back(
            {raw_type_id[raw.order], INT_MAX, INT_MIN, 0, 0, raw.negated(), false, false});
        lane.created_at.push_back(position[e]);
      }
      add_to(chosen, e, agents, all);
    }

    // The indexes and the participant sets served the merge only.
    buckets = BucketIndex(kBucketScan);
    told_in = DocumentLog(0);
    for (Cluster& cluster : clusters) {
      cluster.merge.reset();
    }
  };
  // The largest lanes first, so that the threads finish together.
  std::vector<std::size_t> by_size(lanes.size());
  for (std::size_t l = 0; l < lanes.size(); ++l) by_size[l] = l;
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
    return lanes[a].sequence.size() > lanes[b].sequence.size();
  });
  ParallelFor(
      lanes.size(), jobs, [&](std::size_t i) { merge_lane(lanes[by_size[i]]); }, 1);
  // Every event's number in the one-pass order; cluster_of was numbered per lane.
  // Each lane made its events in merge order, so the lanes' lists are merged, not sorted.
  std::vector<std::vector<std::size_t>> renumbered(lanes.size());
  std::size_t event_count = 0;
  using NextOfLane = std::pair<uint32_t, std::size_t>;  // (merge position, lane)
  std::priority_queue<NextOfLane, std::vector<NextOfLane>, std::greater<>> next_of_lane;
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    renumbered[l].resize(lanes[l].clusters.size());
    event_count += lanes[l].clusters.size();
    if (!lanes[l].created_at.empty()) next_of_lane.emplace(lanes[l].created_at[0], l);
  }
  std::vector<Cluster> clusters;
  clusters.reserve(event_count);
  std::vector<std::size_t> taken(lanes.size(), 0);
  while (!next_of_lane.empty()) {
    const std::size_t l = next_of_lane.top().second;
    next_of_lane.pop();
    const std::size_t c = taken[l]++;
    renumbered[l][c] = clusters.size();
    clusters.push_back(std::move(lanes[l].clusters[c]));
    if (taken[l] < lanes[l].created_at.size())
      next_of_lane.emplace(lanes[l].created_at[taken[l]], l);
  }
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    for (std::size_t e : lanes[l].sequence) {
      if (cluster_of[e] != UINT32_MAX)
        cluster_of[e] = static_cast<uint32_t>(renumbered[l][cluster_of[e]]);
    }
  }
  std::vector<Lane>().swap(lanes);
  // The stated relations from mention to mention become relations from event to event (numbered
  // as made here), so that the mentions' events need not be kept until the relations are made.
  for (RawRelation& raw : st.relations) {
    raw.source = cluster_of[raw.source];
    raw.target = cluster_of[raw.target];
  }
  std::vector<uint32_t>().swap(cluster_of);
  // What only the merge read: the peak of a build's memory comes next.
  std::vector<NamedCounts>().swap(named_in);
  std::vector<uint32_t>().swap(raw_type_id);
  std::vector<uint32_t>().swap(order);
  std::vector<uint32_t>().swap(position);
  std::vector<uint8_t>().swap(crowd);
  std::vector<uint8_t>().swap(rank);

  stage_done(&st.stats.merge_seconds);

  // The day an article's story happened: the dated meeting it tells most,
  // when that is its publication day or a few days before (a report
  // published the morning after the talks). Undated news of that article is
  // of that day.
  std::vector<std::string> narrative_day(documents.size());
  std::vector<std::size_t> narrative_count(documents.size(), 0);
  for (const Cluster& cluster : clusters) {
    if (!cluster.dated || cluster.interval->granularity != "day" || !cluster.contact) continue;
    const std::optional<int> day = DayNumber(cluster.interval->first);
    if (!day) continue;
    std::map<std::size_t, std::size_t> told_in;  // document -> mentions of this meeting
    for (std::size_t m : cluster.members) told_in[st.events[m].document]++;
    for (const auto& [d, count] : told_in) {
      const std::optional<int> published = DayNumber(documents[d].anchor);
      if (!published || *day > *published || *day < *published - kNarrativeLagDays) continue;
      if (count > narrative_count[d]) {  // ties: the earlier meeting, as clusters come in order
        narrative_count[d] = count;
        narrative_day[d] = cluster.interval->first;
      }
    }
  }

  // ---- events from clusters
  SharedStringPool& pool = st.pool;
  std::vector<std::string> type_names(type_ids.size());
  for (const auto& [name, id] : type_ids) type_names[id] = name;
  // The events each mention belongs to (most belong to one), in event order: mention m's are
  // events_of_mention[mention_uses[m] .. mention_uses[m + 1]).
  std::vector<uint32_t> mention_uses(st.events.size() + 1, 0);
  for (const Cluster& cluster : clusters) {
    for (std::size_t m : cluster.members) ++mention_uses[m + 1];
  }
  for (std::size_t m = 0; m < st.events.size(); ++m) mention_uses[m + 1] += mention_uses[m];
  std::vector<uint32_t> events_of_mention(mention_uses.back());
  {
    std::vector<uint32_t> next(mention_uses.begin(), mention_uses.end() - 1);
    for (std::size_t c = 0; c < clusters.size(); ++c) {
      for (std::size_t m : clusters[c].members)
        events_of_mention[next[m]++] = static_cast<uint32_t>(c);
    }
  }
  // Events are made from their clusters independently, on `jobs` threads, all but their mentions;
  // then the raw mentions, in order, become the events' mentions, and each block of raw mentions
  // is freed once used: the raw mentions and the events' never all coexist.
  std::vector<Event> events(clusters.size());
  // Each event's first mention, kept for the final order once the clusters are gone.
  std::vector<std::size_t> first_order(clusters.size());
  // How many mentions each event will hold: its list is made that size when its first mention
  // comes. Made at once, all lists would coexist with all the raw mentions; grown by doubling, they
  // would hold a third more than they need at the end.
  std::vector<uint32_t> mention_count(clusters.size());
  // What every event of a type shares, and the few fixed values, interned once.
  struct TypeStrings {
    SharedString type, family, cameo, ace;
  };
  std::vector<TypeStrings> type_strings(type_names.size());
  for (std::size_t t = 0; t < type_names.size(); ++t) {
    type_strings[t].type = pool.Intern(type_names[t]);
    if (const EventType* type = st.lexicons.FindEventType(type_names[t])) {
      type_strings[t].family = pool.Intern(type->family);
      type_strings[t].cameo = pool.Intern(type->cameo == "-" ? "" : type->cameo);
      type_strings[t].ace = pool.Intern(type->ace == "-" ? "" : type->ace);
    }
  }
  const SharedString from_text = pool.Intern("text"), day = pool.Intern("day"),
                     from_document = pool.Intern("document"),
                     from_narrative = pool.Intern("narrative");
  // Participants are listed agents first, then participants, targets, locations.
  constexpr std::size_t kRoles = 4;
  auto role_order = [](ArgumentRole role) {
    switch (role) {
      case ArgumentRole::kAgent:
        return 0;
      case ArgumentRole::kParticipant:
        return 1;
      case ArgumentRole::kTarget:
        return 2;
      case ArgumentRole::kLocation:
        return 3;
    }
    return 3;
  };
  std::array<std::string, kRoles> role_names;  // by role_order
  for (ArgumentRole role : {ArgumentRole::kAgent, ArgumentRole::kParticipant, ArgumentRole::kTarget,
                            ArgumentRole::kLocation})
    role_names[static_cast<std::size_t>(role_order(role))] = ArgumentRoleName(role);
  // How often each of a few values comes, in the order first seen: an event's mentions hold
  // few distinct dates and modalities.
  struct Tally {
    std::vector<std::pair<SharedString, int>> counts;
    void Add(const SharedString& value) {
      for (auto& [seen, n] : counts) {
        if (seen == value) {
          ++n;
          return;
        }
      }
      counts.emplace_back(value, 1);
    }
    // The most frequent; of equally frequent ones, the first in string order.
    SharedString Most() const {
      const std::pair<SharedString, int>* best = nullptr;
      for (const auto& entry : counts) {
        if (!best || entry.second > best->second ||
            (entry.second == best->second && entry.first < best->first))
          best = &entry;
      }
      return best ? best->first : SharedString();
    }
  };
  // An event's mentions, their arguments and those arguments' entities lie anywhere in arrays
  // far larger than the cache at a million articles, three misses one after the other per
  // mention: each is asked for a few events ahead, the step before having fetched what it reads.
  constexpr std::size_t kPrefetchMembers = 16;
  auto prefetch_inputs = [&](std::size_t c, std::size_t end) {
    if (c + 8 < end) PrefetchLine(clusters[c + 8].members.data());
    if (c + 4 < end) {
      const std::vector<uint32_t>& members = clusters[c + 4].members;
      for (std::size_t i = 0; i < std::min(members.size(), kPrefetchMembers); ++i)
        PrefetchLine(&st.events[members[i]]);
    }
    if (c + 2 < end) {
      const std::vector<uint32_t>& members = clusters[c + 2].members;
      for (std::size_t i = 0; i < std::min(members.size(), kPrefetchMembers); ++i) {
        const RawEvent& raw = st.events[members[i]];
        if (raw.argument_count > 0) PrefetchLine(&st.arguments[raw.first_argument]);
        if (raw.dated) PrefetchLine(raw.time.get());
      }
    }
    if (c + 1 < end) {
      const std::vector<uint32_t>& members = clusters[c + 1].members;
      for (std::size_t i = 0; i < std::min(members.size(), kPrefetchMembers); ++i) {
        for (const RawArgument& argument : arguments_of(st.events[members[i]]))
          PrefetchLine(&entity_cluster[argument.entity]);
      }
    }
  };
  auto make_event = [&](std::size_t c) {
    Cluster& cluster = clusters[c];
    Event event;
    const TypeStrings& strings = type_strings[cluster.type_id];
    event.type = strings.type;
    event.family = strings.family;
    event.cameo = strings.cameo;
    event.ace = strings.ace;
    std::vector<uint32_t> members = std::move(cluster.members);
    std::sort(members.begin(), members.end());  // document order
    first_order[c] = members.front();
    mention_count[c] = static_cast<uint32_t>(members.size());
    // (entity, mentions in each role by role_order), sorted by entity.
    std::vector<std::pair<std::size_t, std::array<int, kRoles>>> roles;
    Tally values, modalities;
    int explicit_dates = 0, negated = 0, hedged = 0;
    for (std::size_t m : members) {
      const RawEvent& raw = st.events[m];
      if (!cluster.is_collective(m)) {
        for (const auto& [role, raw_entity] : arguments_of(raw)) {
          const std::size_t entity = entity_cluster[raw_entity];
          auto at = std::lower_bound(
              roles.begin(), roles.end(), entity,
              [](const auto& entry, std::size_t key) { return entry.first < key; });
          if (at == roles.end() || at->first != entity) at = roles.insert(at, {entity, {}});
          at->second[static_cast<std::size_t>(role_order(role))]++;
        }
      }
      if (raw.dated) {
        ++explicit_dates;
        if (cluster.dated && raw.time->interval.first == cluster.interval->first &&
            raw.time->interval.last == cluster.interval->last) {
          values.Add(raw.time->mention_time->value);
        }
      }
      negated += raw.negated();
      hedged += !raw.negated() && raw.modality != "asserted";
      modalities.Add(raw.modality);
    }
    const std::size_t location = static_cast<std::size_t>(role_order(ArgumentRole::kLocation));
    if (cluster.dated) {
      event.date = values.Most();
      event.start = cluster.interval->first;  // already the pool's
      event.end = cluster.interval->last;
      event.granularity = cluster.interval->granularity;
      event.date_source = from_text;
    } else if (const std::size_t document = st.events[members.front()].document;
               !documents[document].anchor.empty() && kNewsOfTheDay.count(event.family.view()) &&
               negated < static_cast<int>(members.size()) &&
               hedged < static_cast<int>(members.size()) &&
               std::any_of(roles.begin(), roles.end(),
                           [&](const auto& entry) { return entry.second[location] == 0; })) {
      // Meetings, statements and agreements an article tells without a date are, in news, the
      // day's own: dated by the article, after merging so that they never split a dated event.
      const bool narrative =
          !narrative_day[document].empty() && narrative_day[document] != documents[document].anchor;
      event.date = event.start = event.end =
          pool.Intern(narrative ? narrative_day[document] : documents[document].anchor);
      event.granularity = day;
      event.date_source = narrative ? from_narrative : from_document;
    }
    // Each participant in the role it has most often; of equally frequent ones, the first.
    event.participants.reserve(roles.size());
    for (const auto& [entity, counts] : roles) {
      std::size_t role = 0;
      for (std::size_t r = 1; r < kRoles; ++r) {
        if (counts[r] > counts[role]) role = r;
      }
      event.participants.push_back({entity, role_names[role]});
    }
    auto order_of = [&](const std::string& role) {
      return static_cast<int>(std::find(role_names.begin(), role_names.end(), role) -
                              role_names.begin());
    };
    std::sort(event.participants.begin(), event.participants.end(),
              [&](const Participant& a, const Participant& b) {
                if (a.role != b.role) return order_of(a.role) < order_of(b.role);
                return entities[a.entity].name < entities[b.entity].name;
              });
    const int n = static_cast<int>(members.size());
    event.modality = AssertedModality();
    if (std::none_of(modalities.counts.begin(), modalities.counts.end(),
                     [](const auto& entry) { return entry.first == "asserted"; }))
      event.modality = modalities.Most();
    // Confidence: more independent mentions, an explicit date and stated
    // participants raise it; hedged or negated mentions lower it.
    double confidence =
        0.35 + 0.1 * std::min(n - 1, 4) + (explicit_dates > 0 ? 0.15 : 0.0) -
        (event.date_source == "document" || event.date_source == "narrative" ? 0.1 : 0.0) +
        (event.participants.empty() ? 0.0 : 0.05);
    if (event.modality != "asserted") confidence -= 0.2;
    event.confidence = std::clamp(std::round(confidence * 100) / 100, 0.05, 0.99);
    events[c] = std::move(event);
    cluster.collective_members.reset();
  };
  ParallelForChunks(clusters.size(), jobs, [&](std::size_t begin, std::size_t end) {
    for (std::size_t c = begin; c < end; ++c) {
      prefetch_inputs(c, end);
      make_event(c);
    }
  });
  std::vector<Cluster>().swap(clusters);
  std::vector<RawArgument>().swap(st.arguments);
  // Each thread makes the mentions of its share of the events, so that every event's mentions
  // are still added in order; a block of raw mentions is freed once all threads are past it.
  for (std::size_t from = 0; from < st.events.size(); from += st.events.kBlock) {
    const std::size_t to = std::min(st.events.size(), from + st.events.kBlock);
    ParallelFor(
        jobs, jobs,
        [&](std::size_t share) {
          // Where each mention goes lies anywhere among millions of events: the event's list,
          // then its end (and the mention's source), are asked for a few mentions ahead.
          auto prefetch_destinations = [&](std::size_t m) {
            if (m + 8 < to) {
              for (uint32_t use = mention_uses[m + 8]; use < mention_uses[m + 9]; ++use) {
                if (events_of_mention[use] % jobs == share)
                  PrefetchLine(&events[events_of_mention[use]].mentions);
              }
            }
            if (m + 4 < to) {
              for (uint32_t use = mention_uses[m + 4]; use < mention_uses[m + 5]; ++use) {
                if (events_of_mention[use] % jobs != share) continue;
                const std::vector<Mention>& mentions = events[events_of_mention[use]].mentions;
                if (!mentions.empty()) PrefetchLine(mentions.data() + mentions.size());
              }
              if (st.events[m + 4].source != UINT32_MAX)
                PrefetchLine(&entity_cluster[st.events[m + 4].source]);
            }
          };
          for (std::size_t m = from; m < to; ++m) {
            prefetch_destinations(m);
            RawEvent& raw = st.events[m];
            const bool only_use = mention_uses[m + 1] - mention_uses[m] == 1;
            for (uint32_t use = mention_uses[m]; use < mention_uses[m + 1]; ++use) {
              const uint32_t event = events_of_mention[use];
              if (event % jobs != share) continue;
              Mention mention = MakeMention(raw, only_use);
              if (raw.source != UINT32_MAX)
                mention.source = static_cast<uint32_t>(entity_cluster[raw.source]);
              std::vector<Mention>& mentions = events[event].mentions;
              if (mentions.empty()) mentions.reserve(mention_count[event]);
              mentions.push_back(std::move(mention));
            }
          }
        },
        1);
    st.events.ReleaseThrough(to - 1);
  }
  st.events.clear();
  std::vector<uint32_t>().swap(mention_uses);
  std::vector<uint32_t>().swap(events_of_mention);
  std::vector<uint32_t>().swap(mention_count);

  stage_done(&st.stats.events_seconds);

  // ---- order, number and label; entities by id
  // A name of no known kind ("Mornings", "Tomahawk") that takes part in no
  // event is more likely noise than an actor: it is left out.
  std::vector<bool> participates(entities.size(), false);
  for (const Event& event : events) {
    for (const Participant& p : event.participants) participates[p.entity] = true;
    for (const Mention& m : event.mentions) {
      if (m.source != Mention::kNoSource) participates[m.source] = true;
    }
  }
  std::vector<std::size_t> entity_order;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (participates[i] || entities[i].kind != "other") entity_order.push_back(i);
  }
  std::set<std::string> used_ids;
  for (std::size_t i : entity_order) {
    Entity& entity = entities[i];
    std::string id = "ent-" + Slugify(entity.name);
    std::string unique = id;
    for (int k = 2; used_ids.count(unique); ++k) unique = id + "-" + std::to_string(k);
    used_ids.insert(unique);
    entity.id = unique;
  }
  std::sort(entity_order.begin(), entity_order.end(),
            [&](std::size_t a, std::size_t b) { return entities[a].id < entities[b].id; });
  std::vector<std::size_t> entity_new_index(entities.size());
  for (std::size_t i = 0; i < entity_order.size(); ++i) {
    entity_new_index[entity_order[i]] = i;
    graph.entities.push_back(entities[entity_order[i]]);
  }
  ParallelFor(events.size(), jobs, [&](std::size_t e) {
    Event& event = events[e];
    for (Participant& p : event.participants) p.entity = entity_new_index[p.entity];
    for (Mention& m : event.mentions) {
      if (m.source != Mention::kNoSource)
        m.source = static_cast<uint32_t>(entity_new_index[m.source]);
    }
    event.label = st.pool.Intern(FillLabel(st.lexicons, event, graph.entities));
  });

  // Output order: by start date, undated last, then by first mention. The dates are a few
  // thousand pooled strings: each is ranked once, and the sort compares numbers.
  std::vector<uint32_t> start_rank(events.size());
  {
    std::unordered_map<const char*, uint32_t> distinct_of_block;
    std::vector<std::string_view> distinct;
    for (std::size_t e = 0; e < events.size(); ++e) {
      if (events[e].start.empty()) continue;
      auto [at, added] = distinct_of_block.try_emplace(events[e].start.data(), distinct.size());
      if (added) distinct.push_back(events[e].start.view());
      start_rank[e] = at->second;
    }
    std::vector<uint32_t> by_date(distinct.size());
    for (uint32_t i = 0; i < by_date.size(); ++i) by_date[i] = i;
    std::sort(by_date.begin(), by_date.end(),
              [&](uint32_t a, uint32_t b) { return distinct[a] < distinct[b]; });
    std::vector<uint32_t> rank_of(distinct.size());
    for (std::size_t i = 0, rank = 0; i < by_date.size(); ++i) {
      if (i > 0 && distinct[by_date[i]] != distinct[by_date[i - 1]]) ++rank;  // equal: equal rank
      rank_of[by_date[i]] = static_cast<uint32_t>(rank);
    }
    for (std::size_t e = 0; e < events.size(); ++e)
      start_rank[e] = events[e].start.empty() ? UINT32_MAX : rank_of[start_rank[e]];
  }
  std::vector<std::size_t> event_order(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) event_order[i] = i;
  std::sort(event_order.begin(), event_order.end(), [&](std::size_t a, std::size_t b) {
    if (start_rank[a] != start_rank[b]) return start_rank[a] < start_rank[b];
    return first_order[a] < first_order[b];
  });
  std::vector<uint32_t>().swap(start_rank);
  std::vector<std::size_t> event_new_index(events.size());
  for (std::size_t i = 0; i < event_order.size(); ++i) event_new_index[event_order[i]] = i;
  // Put in output order in place, one cycle of the permutation at a time: a second array of
  // events would be the build's peak of memory.
  graph.events = std::move(events);
  for (std::size_t start = 0; start < event_order.size(); ++start) {
    if (event_order[start] == start || event_order[start] == SIZE_MAX) continue;
    Event first = std::move(graph.events[start]);
    std::size_t at = start;
    for (std::size_t from = event_order[at]; from != start; from = event_order[at]) {
      graph.events[at] = std::move(graph.events[from]);
      event_order[at] = SIZE_MAX;
      at = from;
    }
    graph.events[at] = std::move(first);
    event_order[at] = SIZE_MAX;
  }
  std::vector<std::size_t>().swap(event_order);
  ParallelFor(graph.events.size(), jobs, [&](std::size_t i) {
    char id[32];
    std::snprintf(id, sizeof id, "evt-%04zu", i + 1);
    graph.events[i].id = id;
  });

  stage_done(&st.stats.labels_seconds);

  // ---- relations: stated, then inferred order between events that share a participant
  {
    // (source, target, type) -> index into graph.relations; types are few.
    std::vector<std::string> type_names_seen;
    auto type_id_of = [&](std::string_view type) {
      auto at = std::find(type_names_seen.begin(), type_names_seen.end(), type);
      if (at != type_names_seen.end()) return static_cast<uint64_t>(at - type_names_seen.begin());
      type_names_seen.emplace_back(type);
      return static_cast<uint64_t>(type_names_seen.size() - 1);
    };
    struct KeyHash {
      std::size_t operator()(const std::pair<uint64_t, uint64_t>& key) const noexcept {
        return std::hash<uint64_t>()(key.first * 0x9E3779B97F4A7C15ull ^ key.second);
      }
    };
    std::unordered_map<std::pair<uint64_t, uint64_t>, std::size_t, KeyHash> seen;
    seen.reserve(st.relations.size());
    auto key = [](std::size_t source, std::size_t target, uint64_t type) {
      return std::make_pair(static_cast<uint64_t>(source) << 32 | target, type);
    };
    std::vector<std::vector<uint32_t>> events_of_entity(graph.entities.size());
    std::size_t ordered_pairs = 0;  // at most one inferred relation each
    for (std::size_t e = 0; e < graph.events.size(); ++e) {
      const Event& event = graph.events[e];
      if (event.start.empty() || event.modality == "negated") continue;
      for (const Participant& p : event.participants)
        events_of_entity[p.entity].push_back(static_cast<uint32_t>(e));
      ordered_pairs += event.participants.size();
    }
    graph.relations.reserve(st.relations.size() + ordered_pairs);
    for (const RawRelation& raw : st.relations) {
      std::size_t source = event_new_index[raw.source];
      std::size_t target = event_new_index[raw.target];
      if (source == target) continue;
      const auto [it, added] =
          seen.try_emplace(key(source, target, type_id_of(raw.type)), graph.relations.size());
      if (!added) {
        graph.relations[it->second].support++;
        continue;
      }
      graph.relations.push_back(
          {source, target, raw.type.str(), false, raw.document, raw.sentence, 1});
    }
    // Inferred: each event before the next one in time of each entity it has (a chain, not every
    // pair), unless a stated relation links the two already. Two events that share several
    // entities are linked once.
    const uint64_t before = type_id_of("before"), causes = type_id_of("causes");
    // Each entity's chain on its own, on `jobs` threads: the stated relations are only read here.
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> inferred_of(events_of_entity.size());
    ParallelFor(
        events_of_entity.size(), jobs,
        [&](std::size_t entity) {
          const std::vector<uint32_t>& list = events_of_entity[entity];
          // `list` is in output order, so by start date.
          for (std::size_t k = 0; k + 1 < list.size(); ++k) {
            const Event& a = graph.events[list[k]];
            // The first to start after `a` ends, found by halving, as an entity may have
            // thousands of events on one day.
            const auto after = std::upper_bound(
                list.begin() + static_cast<std::ptrdiff_t>(k) + 1, list.end(), a.end,
                [&](const SharedString& end, uint32_t e) { return end < graph.events[e].start; });
            if (after == list.end()) continue;
            const uint32_t next = *after;
            const bool stated =
                seen.count(key(list[k], next, before)) || seen.count(key(list[k], next, causes)) ||
                seen.count(key(next, list[k], causes)) || seen.count(key(next, list[k], before));
            if (!stated) inferred_of[entity].emplace_back(list[k], next);
          }
        },
        1);
    std::vector<std::pair<uint32_t, uint32_t>> inferred;
    for (std::vector<std::pair<uint32_t, uint32_t>>& of_entity : inferred_of) {
      inferred.insert(inferred.end(), of_entity.begin(), of_entity.end());
      std::vector<std::pair<uint32_t, uint32_t>>().swap(of_entity);
    }
    std::sort(inferred.begin(), inferred.end());
    inferred.erase(std::unique(inferred.begin(), inferred.end()), inferred.end());
    // No two relations have one (source, target, type): the stated ones were made unique, and an
    // inferred one is never stated. So the stated ones are sorted alone, and the inferred ones,
    // in order already, merged in.
    auto by_key = [](const Relation& a, const Relation& b) {
      return std::tie(a.source, a.target, a.type) < std::tie(b.source, b.target, b.type);
    };
    std::sort(graph.relations.begin(), graph.relations.end(), by_key);
    const auto stated_end = static_cast<std::ptrdiff_t>(graph.relations.size());
    for (const auto& [source, target] : inferred)
      graph.relations.push_back({source, target, "before", true, 0, "", 0});
    std::inplace_merge(graph.relations.begin(), graph.relations.begin() + stated_end,
                       graph.relations.end(), by_key);
  }

  stage_done(&st.stats.relations_seconds);
  RebuildTopology(&graph);
  return graph;
}

void RebuildTopology(EventGraph* graph) {
  const std::size_t event_base = graph->entities.size();
  const std::size_t vertices = event_base + graph->events.size();
  std::size_t edges = graph->relations.size();
  for (const Event& event : graph->events) edges += event.participants.size();
  if (vertices > UINT32_MAX || edges > UINT32_MAX)
    throw std::length_error("RebuildTopology: more than 2^32 vertices or edges");
  // Made in source order (entities first, each entity's events in order, then the relations, which
  // are sorted by source), so that the in-place sort moves nothing and each vertex's out-edges stay
  // in the order they are listed here.
  std::vector<uint32_t> sources(edges), targets(edges);
  std::vector<EdgeData> data(edges);
  std::vector<std::size_t> next(event_base + 1, 0);  // each entity's first edge
  for (const Event& event : graph->events) {
    for (const Participant& p : event.participants) ++next[p.entity + 1];
  }
  for (std::size_t i = 0; i < event_base; ++i) next[i + 1] += next[i];
  for (std::size_t e = 0; e < graph->events.size(); ++e) {
    const auto& participants = graph->events[e].participants;
    for (std::size_t p = 0; p < participants.size(); ++p) {
      const std::size_t at = next[participants[p].entity]++;
      sources[at] = static_cast<uint32_t>(participants[p].entity);
      targets[at] = static_cast<uint32_t>(event_base + e);
      data[at] = EdgeData{false, static_cast<uint32_t>(p), static_cast<uint32_t>(e)};
    }
  }
  for (std::size_t r = 0, at = edges - graph->relations.size(); r < graph->relations.size();
       ++r, ++at) {
    const Relation& relation = graph->relations[r];
    sources[at] = static_cast<uint32_t>(event_base + relation.source);
    targets[at] = static_cast<uint32_t>(event_base + relation.target);
    data[at] = EdgeData{true, static_cast<uint32_t>(r), static_cast<uint32_t>(relation.source)};
  }
  graph->topology = Topology(boost::construct_inplace_from_sources_and_targets, sources, targets,
                             data, static_cast<uint32_t>(vertices));
  for (std::size_t i = 0; i < graph->entities.size(); ++i)
    graph->topology[i] = VertexData{false, static_cast<uint32_t>(i)};
  for (std::size_t i = 0; i < graph->events.size(); ++i)
    graph->topology[event_base + i] = VertexData{true, static_cast<uint32_t>(i)};
}

}  // namespace eventgraph
