// Events from the merge's clusters: each event's type strings, date (its mentions' interval, else
// for the day's news its article's day or story day), participants in the role they have most
// often, modality and confidence; then the raw mentions become the events' mentions, each block of
// raw mentions freed once used.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "builder_state.h"
#include "eventgraph/parallel.h"
#include "eventgraph/prefetch.h"
#include "events.h"
#include "merge.h"

namespace eventgraph {

std::vector<Event> MakeEvents(BuilderState& st, const std::vector<DocumentInfo>& documents,
                              const std::vector<Entity>& entities,
                              const std::vector<uint32_t>& entity_cluster, MergedEvents merged,
                              unsigned jobs, std::vector<std::size_t>* first_order) {
  std::vector<Cluster>& clusters = merged.clusters;
  auto arguments_of = [&](const RawEvent& e) {
    return std::span<const RawArgument>(st.arguments.data() + e.first_argument, e.argument_count);
  };
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
  const std::vector<std::string>& type_names = merged.type_names;
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
  first_order->assign(clusters.size(), 0);
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
    (*first_order)[c] = members.front();
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
              Mention mention = MakeMention(raw, only_use, merged.joins[m]);
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
  return events;
}

}  // namespace eventgraph
