// The merge's pair decision (graph/merge_decision.h) as a table: what a mention and a candidate
// event share, and what the merge decides.
#include <catch2/catch.hpp>

#include "../../graph/merge_decision.h"

using namespace eventgraph;

namespace {

// Answers the costly questions as given, and counts how often each was asked.
struct Answers {
  int actor_count = 1;
  bool event_article = false, mention_article = false, same = false;
  mutable int asked = 0;
  int event_actor_count() const { return ++asked, actor_count; }
  bool event_article_names_mention_actors() const { return ++asked, event_article; }
  bool mention_article_names_event_actors() const { return ++asked, mention_article; }
  bool same_article() const { return ++asked, same; }
};

PairFacts Dated(bool narrow = true) {
  PairFacts facts;
  facts.mention_dated = facts.event_dated = true;
  facts.mention_names_actor = true;
  facts.narrow_both = narrow;
  facts.event_size = 1;
  return facts;
}

}  // namespace

TEST_CASE("A date and a type alone are no evidence, an actor in common is", "[graph][merge]") {
  const MergeWeights weights;
  PairFacts facts = Dated();
  Answers answers;
  PairDecision none = DecidePair(facts, weights, answers);
  CHECK(none.strength == PairDecision::kNone);
  CHECK(none.reasons == 0);

  facts.common.actors = facts.common.specific = 1;
  PairDecision person = DecidePair(facts, weights, answers);
  CHECK(person.strength == PairDecision::kStrong);
  CHECK(person.reasons == kJoinActorInCommon);
  // dated_overlap + per_shared * 1 + per_mention * 1
  CHECK(person.score == 100 + 10 + 1);

  facts.generalises = true;  // "an attack" into a chemical attack
  CHECK(DecidePair(facts, weights, answers).score == 100 + 10 + 1 - 5);
}

TEST_CASE("One country in common is evidence only between mentions of the same few days",
          "[graph][merge]") {
  const MergeWeights weights;
  const Answers answers;
  PairFacts facts = Dated(/*narrow=*/true);
  facts.common.actors = 1;  // a country: not specific
  CHECK(DecidePair(facts, weights, answers).reasons == kJoinCountrySameDays);
  facts.narrow_both = false;  // "in March" and "on March 3"
  const PairDecision weak = DecidePair(facts, weights, answers);
  CHECK(weak.strength == PairDecision::kWeak);  // joins only a unique candidate
  CHECK(weak.reasons == kJoinWeakUnique);
}

TEST_CASE("A mention naming no actor needs its article or a place", "[graph][merge]") {
  const MergeWeights weights;
  PairFacts facts = Dated();
  facts.mention_names_actor = false;
  Answers answers;
  answers.mention_article = true;  // "the talks on Tuesday" in an article naming both ministers
  CHECK(DecidePair(facts, weights, answers).reasons == kJoinMentionArticleNames);
  answers.mention_article = false;
  facts.common.places = 1;  // "floods in Kalma" this week
  CHECK(DecidePair(facts, weights, answers).reasons == kJoinPlaceInCommon);
  facts.common.places = 0;
  answers.same = true;  // its own article told the event before
  const PairDecision own = DecidePair(facts, weights, answers);
  CHECK(own.reasons == kJoinSameArticle);
  CHECK(own.score == 100 + 1);
}

TEST_CASE("What costs a walk is asked only when the cheap facts have not decided",
          "[graph][merge]") {
  const MergeWeights weights;
  PairFacts facts = Dated();
  facts.common.actors = facts.common.specific = 1;
  Answers answers;
  DecidePair(facts, weights, answers);
  CHECK(answers.asked == 0);
}

TEST_CASE("An undated event takes a date only from a mention with actors in common",
          "[graph][merge]") {
  const MergeWeights weights;
  const Answers answers;
  PairFacts facts = Dated(/*narrow=*/false);
  facts.event_dated = false;
  facts.mention_names_actor = false;
  facts.common.places = 1;  // a place is evidence, but not enough to date the event
  CHECK(DecidePair(facts, weights, answers).strength == PairDecision::kNone);
  facts.common.actors = 2;
  const PairDecision dating = DecidePair(facts, weights, answers);
  CHECK(dating.strength == PairDecision::kStrong);
  CHECK(dating.score == 40 + 10 * 3 + 1);
}

TEST_CASE("The weights come from data, so that changing them changes the scores",
          "[graph][merge]") {
  MergeWeights weights;
  weights.dated_overlap = 7;
  weights.per_shared = 2;
  weights.per_mention = 0;
  const Answers answers;
  PairFacts facts = Dated();
  facts.common.actors = facts.common.specific = 1;
  CHECK(DecidePair(facts, weights, answers).score == 7 + 2);
}
