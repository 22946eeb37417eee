// The merge's decision for one event mention and one candidate event: whether what they share is
// evidence that they tell one event, why, and with what score. Precision first: a date and a type
// are not evidence (a day of news tells many meetings, a month many killings), and when in doubt
// the mention starts an event of its own. The weights are data/merge/weights.tsv (MergeWeights);
// the rules are described in docs/ontology.md#merging. merge_lane.cc finds the candidates (of the
// mention's type or a child type, compatible participants, overlapping dates or the same news
// cycle) and asks this for each.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "eventgraph/extract.h"
#include "eventgraph/graph.h"

namespace eventgraph {

// What a mention and a candidate event have in common: participants counted as actors (people,
// organisations, countries) and places apart.
struct Common {
  int actors = 0, places = 0;
  int specific = 0;  // actors that are not countries
  bool both_agents = false;
  // Countries are named in most news of their region: one country in common is no evidence.
  bool enough_actors() const { return specific > 0 || actors >= 2; }
  // What the score counts: the participants in common, one more when both have agents.
  int shared() const { return actors + places + (both_agents ? 1 : 0); }
};

// The facts of one (mention, event) pair that cost nothing to know; the rest is asked (below).
struct PairFacts {
  bool mention_dated = false, event_dated = false;  // both dated: their intervals overlap
  bool generalises = false;  // the mention's type is the parent of the event's
  bool mention_names_actor = false;
  bool narrow_both = false;  // both dated by days, each to fewer than place_evidence_days
  bool same_day = false;     // both dated to one and the same day
  int event_size = 0;        // the event's mentions, at most 9
  Common common;
};

struct PairDecision {
  enum Strength : uint8_t { kNone, kWeak, kStrong };
  Strength strength = kNone;
  int score = 0;         // for kStrong; it joins when at least the threshold
  uint16_t reasons = 0;  // the evidence (kStrong), or the weak evidence (kWeak)
};

// The questions of DecidePair as four callables, in the order listed below.
template <typename ActorCount, typename EventArticle, typename MentionArticle, typename SameArticle>
struct PairQuestions {
  ActorCount actor_count;
  EventArticle event_article;
  MentionArticle mention_article;
  SameArticle same;
  int event_actor_count() const { return actor_count(); }
  bool event_article_names_mention_actors() const { return event_article(); }
  bool mention_article_names_event_actors() const { return mention_article(); }
  bool same_article() const { return same(); }
};
// Spelt out for compilers without deduction for aggregates (clang before 17).
template <typename ActorCount, typename EventArticle, typename MentionArticle, typename SameArticle>
PairQuestions(ActorCount, EventArticle, MentionArticle, SameArticle)
    -> PairQuestions<ActorCount, EventArticle, MentionArticle, SameArticle>;

// `ask` answers what costs a walk of the event's participants or of an article's names, asked
// only when what is cheaper has not decided:
//   ask.event_actor_count()                      the event's participants that are not places
//   ask.event_article_names_mention_actors()     the article of the event's first mention names
//                                                one of the mention's actors
//   ask.mention_article_names_event_actors()     the mention's article names the event's actors
//                                                (two, or its only one; countries count)
//   ask.same_article()                           the mention's article told the event before
template <typename Ask>
PairDecision DecidePair(const PairFacts& f, const MergeWeights& w, const Ask& ask) {
  PairDecision d;
  const Common& common = f.common;
  const bool both_dated = f.mention_dated && f.event_dated;
  const bool place_only =
      common.places > 0 && !f.mention_names_actor && (!both_dated || f.narrow_both);
  if (common.specific > 0) {
    d.reasons = kJoinActorInCommon;
  } else if (common.actors >= 2) {
    d.reasons = kJoinTwoActorsInCommon;
  } else if (common.actors > 0 && f.narrow_both) {
    // One country in common is evidence only between mentions dated to the same few days.
    d.reasons = kJoinCountrySameDays;
  } else if (f.narrow_both && f.mention_names_actor && ask.event_actor_count() == 0 &&
             ask.event_article_names_mention_actors()) {
    // A generic event ("the April 4 chemical attack") whose article names the mention's actor.
    d.reasons = kJoinEventArticleNames;
  } else if (!f.mention_names_actor && f.narrow_both && ask.mention_article_names_event_actors()) {
    // "the talks on Tuesday" in an article about two ministers.
    d.reasons = kJoinMentionArticleNames;
  } else if (place_only) {
    d.reasons = kJoinPlaceInCommon;
  } else if (ask.same_article()) {
    d.reasons = kJoinSameArticle;  // within-document coreference on less evidence
  }
  if (d.reasons == 0) {
    // Weak evidence (one country in common, agents of one side, or, between two mentions naming
    // no actor, the type and the same single day) decides only when no other candidate offers
    // even that: a unique antecedent (merge_lane.cc).
    const bool weak = common.actors > 0 || common.both_agents ||
                      (f.same_day && !f.mention_names_actor && ask.event_actor_count() == 0);
    if (weak) {
      d.strength = PairDecision::kWeak;
      d.reasons = kJoinWeakUnique;
    }
    return d;
  }
  d.strength = PairDecision::kStrong;
  const int participants = w.per_shared * common.shared() + w.per_mention * f.event_size;
  if (!f.mention_dated) {
    d.score = (f.event_dated ? w.dated_event_for_undated : 0) + participants;
  } else if (f.event_dated) {
    d.score = w.dated_overlap + participants + (f.generalises ? w.generalised_type : 0);
  } else if (common.enough_actors()) {
    d.score = w.dates_undated_event + participants;  // the event takes the mention's date
  } else {
    d.strength = PairDecision::kNone;  // a date is not given to an event on less
    d.reasons = 0;
  }
  return d;
}

}  // namespace eventgraph
