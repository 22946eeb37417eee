// What GraphBuilder holds between Add and Build: each document's mentions in raw form (small,
// as a corpus has millions), and the pools their strings come from. Read by the stages in
// prepare.cc (documents in), merge.cc and merge_lane.cc (mentions into events), events.cc (events
// from the merge's clusters) and assembly.cc (the graph out).
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entity_resolution.h"
#include "eventgraph/block_list.h"
#include "eventgraph/graph.h"
#include "eventgraph/prefetch.h"
#include "eventgraph/shared_string.h"
#include "eventgraph/shared_value.h"
#include "eventgraph/text_util.h"

namespace eventgraph {

constexpr uint32_t kNounTimexGap = 3;  // words between a noun trigger and "its" time expression
constexpr uint32_t kVerbTimexDistance = 10;  // farther than this, a date is another clause's
// Words between a verb and "in"/"during" + the event noun it happened in ("meddled in last year's
// US election").
constexpr uint32_t kInsideReach = 6;
// How many days before its publication an article may report as its narrative's day.
constexpr int kNarrativeLagDays = 3;
// Event families an undated mention of is taken to be the news of its article's day.
inline const std::set<std::string, std::less<>> kNewsOfTheDay = {"contact", "statement",
                                                                 "cooperation"};

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
inline Mention MakeMention(RawEvent& raw, bool only_use, const MentionJoin& join) {
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
                 .modality = take(raw.modality),
                 .join = join};
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

struct RawRelation {
  uint32_t source = 0, target = 0;  // raw events; once merged, the events they are in
  uint32_t document = 0;
  SharedString type;  // from the builder's pool
  SharedString sentence;
};

inline bool IsClauseBreak(const Token& token) { return token.text == ";" || token.text == ":"; }

inline bool IsContactFamily(const std::string& family) { return family == "contact"; }

// Days since 1970-01-01 of a "YYYY-MM-DD" day; nullopt for anything else.
inline std::optional<int> DayNumber(std::string_view day) {
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
inline bool ExactDays(const RawInterval& interval, int* first, int* last) {
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

// Months since year 0 of a "YYYY-MM-DD" day.
inline int MonthNumber(std::string_view day) {
  return LeadingInt(day.substr(0, 4)) * 12 + LeadingInt(day.substr(5, 2)) - 1;
}

struct BuilderState {
  explicit BuilderState(const Lexicons& lex) : lexicons(lex) {}
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

// GraphBuilder's own name for it (declared in eventgraph/graph.h).
struct GraphBuilder::State : BuilderState {
  using BuilderState::BuilderState;
};

}  // namespace eventgraph
