// One lane of the merge: each mention, in merge order, joins the best event of its family that the
// evidence allows, or starts one. Candidates come from indexes by type and day, month, year,
// entity and side, and from the mention's own article; the tests on each candidate read small
// per-event entries laid out for the cache (a mention is compared with hundreds of events).
#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "builder_state.h"
#include "eventgraph/bucket_index.h"
#include "eventgraph/id_set.h"
#include "eventgraph/prefetch.h"
#include "merge.h"
#include "merge_context.h"
#include "merge_decision.h"
#include "merge_index.h"

namespace eventgraph {

void MergeContext::MergeLane(Lane& lane) const {
  const MergeWeights& weights = st.lexicons.merge;
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
    return *published >= h.published_first - weights.news_cycle_days &&
           *published <= h.published_last + weights.news_cycle_days;
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
      for (int d = first; d <= last; ++d) buckets.Add(BucketKey(cluster.type_id, kDay, d), c);
      for (int m = month_of(cluster.interval->first); m <= month_of(cluster.interval->last); ++m)
        buckets.Add(BucketKey(cluster.type_id, kMonthOfNarrow, m), c);
    } else {
      for (int m = month_of(cluster.interval->first); m <= month_of(cluster.interval->last); ++m)
        buckets.Add(BucketKey(cluster.type_id, kMonth, m), c);
    }
    for (int y = year_of(cluster.interval->first); y <= year_of(cluster.interval->last); ++y)
      buckets.Add(BucketKey(cluster.type_id, kYear, y), c);
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
          buckets.Add(BucketKey(cluster.type_id, kSide, side * 4096 + month), c);
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
          buckets.Add(
              BucketKey(cluster.type_id, kEntity, static_cast<int64_t>(entity) * 4096 + month), c);
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
            buckets.Add(BucketKey(cluster.type_id, kSide, side * 4096 + month), c);
        }
        for (std::size_t entity : cluster.merge->everyone) {
          if (all.count(entity)) continue;
          buckets.Add(
              BucketKey(cluster.type_id, kEntity, static_cast<int64_t>(entity) * 4096 + month), c);
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
      const bool changed = !cluster.dated || raw.time->interval.first != cluster.interval->first ||
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
            scan(BucketKey(kind, kDay, d));
        } else if (days < kNarrowDays) {
          for (int m = raw.time->month_first; m <= raw.time->month_last; ++m)
            scan(BucketKey(kind, kMonthOfNarrow, m));
        }
        if (days < kNarrowDays) {
          for (int m = raw.time->month_first; m <= raw.time->month_last; ++m)
            scan(BucketKey(kind, kMonth, m));
        } else {
          for (int y = raw.time->year_first; y <= raw.time->year_last; ++y)
            scan(BucketKey(kind, kYear, y));
        }
      }
      const int month = cycle_month(raw);
      for (int m = std::max(month - 1, 0); m <= (month == 0 ? 0 : month + 1); ++m) {
        for (std::size_t entity : entities_named)
          scan(BucketKey(kind, kEntity, static_cast<int64_t>(entity) * 4096 + m));
        for (int64_t side : agent_reach) scan(BucketKey(kind, kSide, side * 4096 + m));
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
  // How many of `all` the event has: actors (people, organisations, countries) and places apart;
  // and whether both have agents (compatible ones, once compatible_with has passed).
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
    auto found = std::lower_bound(
        article.begin(), article.end(), x,
        [](const std::pair<std::size_t, int>& named, std::size_t id) { return named.first < id; });
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
  // With `two`, only two of them will do.
  auto named_by_article = [&](std::size_t c, std::size_t document, bool countries,
                              bool two = false) {
    int counted = 0, named = 0;
    for_each_participant(c, [&](std::size_t x) {
      if (is_location[x] || (is_country[x] && !countries)) return;
      ++counted;
      named += times_named(named_in[document], x) > 0 ? 1 : 0;
    });
    return named >= 2 || (!two && named == 1 && counted == 1);
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
        if (theirs.size() >= 2 && subset(theirs, people) && !told_apart(e, c)) covered.push_back(c);
      }
      if (covered.size() >= 2) {
        std::sort(covered.begin(), covered.end());
        for (std::size_t c : covered) add_to(c, e, agents, all);
        joins[e].reasons = kJoinCollective;
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
    uint16_t chosen_reasons = 0;
    // The candidate it came nearest to joining but did not, for `query explain`: ranked by why
    // (an event that outscored it first), then score, then the earlier event.
    std::size_t nearest = SIZE_MAX;
    NearestWhy nearest_why = NearestWhy::kNone;
    int nearest_score = 0;
    auto passed_over = [&](std::size_t c, NearestWhy why, int score) {
      auto rank = [](NearestWhy w) {
        switch (w) {
          case NearestWhy::kOutscored:
            return 4;
          case NearestWhy::kWeakNotUnique:
            return 3;
          case NearestWhy::kNoEvidence:
            return 2;
          case NearestWhy::kParticipantsConflict:
            return 1;
          case NearestWhy::kToldApart:
            return 5;  // it passed every other test
          case NearestWhy::kNone:
            break;
        }
        return 0;
      };
      if (nearest != SIZE_MAX &&
          std::tuple(rank(why), score, nearest) <= std::tuple(rank(nearest_why), nearest_score, c))
        return;
      nearest = c;
      nearest_why = why;
      nearest_score = score;
    };
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
      if (!compatible_with(c, agents, all, agent_reach, mine_people)) {
        passed_over(c, NearestWhy::kParticipantsConflict, 0);
        continue;
      }
      if (told_apart(e, c)) {
        passed_over(c, NearestWhy::kToldApart, 0);
        continue;
      }
      // Both dated: they overlap (the others were passed over above).
      PairFacts facts;
      facts.mention_dated = raw.dated;
      facts.event_dated = cluster_dated;
      facts.generalises = generalises;
      facts.mention_names_actor = !actors.empty();
      facts.narrow_both = raw_days_exact && hot[c].days_exact &&
                          raw_day_last - raw_day_first < weights.place_evidence_days &&
                          hot[c].day_last - hot[c].day_first < weights.place_evidence_days;
      facts.same_day = raw_days_exact && hot[c].days_exact && raw_day_first == raw_day_last &&
                       hot[c].day_first == raw_day_first && hot[c].day_last == raw_day_last;
      facts.event_size = hot[c].brief.size;
      facts.common = common_with(c, agents, all);
      const PairDecision decision =
          DecidePair(facts, weights,
                     PairQuestions{[&] { return actor_count(c); },
                                   [&] {
                                     return article_names_any(
                                         st.events[clusters[c].members.front()].document, actors);
                                   },
                                   [&] { return named_by_article(c, raw.document, true); },
                                   [&] { return own_event(c); }});
      if (decision.strength == PairDecision::kWeak) {
        weak_choice = weak_count++ == 0 ? c : SIZE_MAX;
        passed_over(c, NearestWhy::kWeakNotUnique, 0);
        continue;
      }
      if (decision.strength == PairDecision::kNone || decision.score < weights.threshold) {
        passed_over(c, NearestWhy::kNoEvidence, 0);
        continue;
      }
      if (chosen == SIZE_MAX || decision.score > chosen_score ||
          (decision.score == chosen_score && c < chosen)) {
        if (chosen != SIZE_MAX) passed_over(chosen, NearestWhy::kOutscored, chosen_score);
        chosen = c;
        chosen_score = decision.score;
        chosen_reasons = decision.reasons;
      } else {
        passed_over(c, NearestWhy::kOutscored, decision.score);
      }
    }
    if (chosen == SIZE_MAX && weak_count == 1) {
      chosen = weak_choice;
      chosen_reasons = kJoinWeakUnique;
      chosen_score = 0;
    }
    // In its own article, a definite mention ("the attack") is the latest
    // compatible event told before it.
    if (chosen == SIZE_MAX && !raw.dated && actors.empty()) {
      std::size_t latest = 0;
      for (std::size_t c : candidates(raw, {}, false, raw.document)) {
        if (!same_kind(clusters[c], raw, &generalises) ||
            !compatible_with(c, agents, all, agent_reach, mine_people) || told_apart(e, c))
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
    if (chosen != SIZE_MAX && chosen_reasons == 0) chosen_reasons = kJoinArticleAntecedent;
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
            buckets.Prefetch(BucketKey(kind, kEntity, static_cast<int64_t>(person) * 4096 + m));
        }
      }
      std::size_t most = 0;
      for (const auto& [person, times] : article) {
        if (is_location[person]) continue;
        for (uint32_t kind : mine) {
          for (int m = std::max(month - 1, 0); m <= (month == 0 ? 0 : month + 1); ++m) {
            const BucketIndex::List* bucket =
                buckets.find(BucketKey(kind, kEntity, static_cast<int64_t>(person) * 4096 + m));
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
               (own_event(c) || named_by_article(c, raw.document, false, /*two=*/true)) &&
               !told_apart(e, c);
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
    if (chosen != SIZE_MAX && chosen_reasons == 0) chosen_reasons = kJoinArticleSalience;
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
           shares(all, clusters[last_same_type].merge->everyone)) &&
          !told_apart(e, last_same_type)) {
        chosen = last_same_type;
      }
    }
    if (chosen != SIZE_MAX && chosen_reasons == 0) chosen_reasons = kJoinOnlyDatedOfType;
    MentionJoin& join = joins[e];
    join.reasons = chosen == SIZE_MAX ? 0 : chosen_reasons;
    join.score = static_cast<int16_t>(std::clamp(chosen_score, 0, INT16_MAX));
    if (nearest != SIZE_MAX && nearest != chosen) {
      join.nearest = static_cast<uint32_t>(nearest);
      join.nearest_why = static_cast<uint16_t>(nearest_why);
    }
    if (chosen == SIZE_MAX) {
      chosen = clusters.size();
      Cluster cluster;
      cluster.type_id = raw_type_id[raw.order];
      cluster.contact = type_is_contact[raw_type_id[e]];
      cluster.negated = raw.negated();
      clusters.push_back(std::move(cluster));
      hot.push_back({raw_type_id[raw.order], INT_MAX, INT_MIN, 0, 0, raw.negated(), false, false});
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
}

}  // namespace eventgraph
