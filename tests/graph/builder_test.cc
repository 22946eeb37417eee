#include <boost/range/iterator_range.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../test_support.h"
#include "eventgraph/graph.h"

using namespace eventgraph;
using eventgraph::testing::MakeDocument;
using eventgraph::testing::TestLexicons;
using eventgraph::testing::TestTemporal;

namespace {

const Event* FindEvent(const EventGraph& graph, const std::string& type) {
  for (const Event& e : graph.events) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("The same event told by two documents becomes one dated node", "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Rebels carried out a chemical attack in Dorvik province last week.",
                   "2019-06-12", "a"),
      // A place in common: a type and the same week alone would not be evidence of one event.
      MakeDocument("The June 5 chemical attack in Dorvik province killed twelve people, officials "
                   "said.",
                   "2019-06-13", "b"),
  });
  const Event* attack = FindEvent(graph, "chemical_attack");
  REQUIRE(attack != nullptr);
  CHECK(attack->mentions.size() == 2);
  CHECK(attack->date == "2019-06-05");  // the precise date wins over "last week"
  CHECK(attack->start == "2019-06-05");
  CHECK(attack->granularity == "day");
  CHECK(attack->cameo == "2041");
  CHECK(attack->mentions[0].trigger == "chemical attack");
  CHECK(graph.documents.size() == 2);
}

TEST_CASE("Entities are canonicalised across documents", "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument(
          "Brazilian Foreign Minister Ana Souza met Kenyan President Peter Mwangi on Monday.",
          "2019-06-12", "a"),
      // Not sentence-initial: a lone capitalised word opening a sentence is
      // kept only when its document also writes it elsewhere (see entities.cc).
      MakeDocument("Later, Souza met Mwangi again.", "2019-06-13", "b"),
  });
  int souza = 0;
  for (const Entity& e : graph.entities) {
    if (e.name == "Ana Souza") {
      ++souza;
      CHECK(e.kind == "person");
      CHECK(e.mentions == 2);
      CHECK(e.aliases == std::vector<std::string>{"Ana Souza", "Souza"});
      CHECK(e.id == "ent-ana-souza");
    }
  }
  CHECK(souza == 1);
}

TEST_CASE("Events are sorted by start, undated last, and stated causes become relations",
          "[graph]") {
  EventGraph graph = testing::BuildGraph({MakeDocument(
      "The explosion on Monday prompted a protest on Tuesday. Officials held a meeting.",
      "2019-06-12", "a")});
  REQUIRE(graph.events.size() >= 3);
  CHECK(graph.events[0].type == "explosion");
  CHECK(graph.events[0].date == "2019-06-10");
  CHECK(graph.events[1].type == "protest");
  CHECK(graph.events[1].date == "2019-06-11");
  CHECK(graph.events.back().start.empty());
  for (std::size_t i = 0; i < graph.events.size(); ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "evt-%04zu", i + 1);
    CHECK(graph.events[i].id == id);
  }
  bool causes = false;
  for (const Relation& r : graph.relations) {
    causes = causes || (r.type == "causes" && graph.events[r.source].type == "explosion" &&
                        graph.events[r.target].type == "protest" && !r.inferred);
  }
  CHECK(causes);
  // The Boost.Graph view: every entity and event is a vertex.
  CHECK(boost::num_vertices(graph.topology) == graph.entities.size() + graph.events.size());
}

TEST_CASE("The topology has an edge per participation and per relation, in the order listed",
          "[graph]") {
  EventGraph graph = testing::BuildGraph(
      {MakeDocument("Ana Souza met Carlos Lima in Lisbon on Monday. The explosion in Porto on "
                    "Tuesday prompted a protest in Porto on Wednesday. Carlos Lima met Ana Souza "
                    "again on Thursday.",
                    "2019-06-14", "a")});
  const std::size_t event_base = graph.entities.size();
  REQUIRE(boost::num_vertices(graph.topology) == event_base + graph.events.size());
  std::size_t participations = 0;
  for (const Event& event : graph.events) participations += event.participants.size();
  REQUIRE(participations > 0);
  REQUIRE_FALSE(graph.relations.empty());
  CHECK(boost::num_edges(graph.topology) == participations + graph.relations.size());
  for (uint32_t v = 0; v < boost::num_vertices(graph.topology); ++v) {
    CHECK(graph.topology[v].is_event == (v >= event_base));
    CHECK(graph.topology[v].index == (v >= event_base ? v - event_base : v));
    std::size_t previous_event = 0, previous_relation = 0;
    bool first = true;
    for (const auto edge : boost::make_iterator_range(boost::out_edges(v, graph.topology))) {
      const EdgeData& data = graph.topology[edge];
      const std::size_t target = boost::target(edge, graph.topology);
      if (data.is_relation) {
        REQUIRE(data.index < graph.relations.size());
        const Relation& relation = graph.relations[data.index];
        CHECK(v == event_base + relation.source);
        CHECK(target == event_base + relation.target);
        CHECK((first || data.index > previous_relation));
        previous_relation = data.index;
      } else {
        REQUIRE(v < event_base);
        REQUIRE(data.event < graph.events.size());
        CHECK(target == event_base + data.event);
        REQUIRE(data.index < graph.events[data.event].participants.size());
        CHECK(graph.events[data.event].participants[data.index].entity == v);
        CHECK((first || data.event >= previous_event));
        previous_event = data.event;
      }
      first = false;
    }
  }
}

TEST_CASE("A negated mention never merges with the asserted event", "[graph]") {
  EventGraph graph = testing::BuildGraph({MakeDocument(
      "The minister met the envoy on Monday. The minister did not meet the envoy on Monday.",
      "2019-06-12", "a")});
  int meetings = 0, negated = 0;
  for (const Event& e : graph.events) {
    if (e.type != "meeting") continue;
    ++meetings;
    negated += e.modality == "negated";
  }
  CHECK(meetings == 2);
  CHECK(negated == 1);
}

TEST_CASE("Two meetings on one day with different counterparts stay apart", "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument(
          "Brazilian Foreign Minister Ana Souza met Kenyan Foreign Minister Peter Mwangi on "
          "Monday in Nairobi.",
          "2019-06-12", "a"),
      MakeDocument(
          "Brazilian Foreign Minister Ana Souza met Kenyan President Grace Otieno on Monday.",
          "2019-06-12", "b"),
      MakeDocument("On Monday, Souza met Mwangi to discuss trade.", "2019-06-12", "c"),
  });
  std::vector<const Event*> meetings;
  for (const Event& e : graph.events) {
    if (e.type == "meeting") meetings.push_back(&e);
  }
  REQUIRE(meetings.size() == 2);
  for (const Event* meeting : meetings) {
    std::set<std::string> names;
    for (const Participant& p : meeting->participants) names.insert(graph.entities[p.entity].name);
    INFO(meeting->label);
    CHECK(meeting->date == "2019-06-10");
    CHECK(names.count("Ana Souza") == 1);
    CHECK(names.count("Peter Mwangi") + names.count("Grace Otieno") == 1);  // never both
  }
}

TEST_CASE("An undated meeting is the day's news, an undated attack stays undated", "[graph]") {
  EventGraph graph = testing::BuildGraph({MakeDocument(
      "Brazilian Foreign Minister Ana Souza met Kenyan President Peter Mwangi. Rebels attacked a "
      "convoy. Souza did not meet Grace Otieno.",
      "2019-06-12", "a")});
  const Event* meeting = nullptr;
  for (const Event& e : graph.events) {
    if (e.type == "meeting" && e.modality == "asserted") meeting = &e;
  }
  REQUIRE(meeting != nullptr);
  CHECK(meeting->date == "2019-06-12");
  CHECK(meeting->date_source == "document");
  const Event* attack = FindEvent(graph, "attack");
  REQUIRE(attack != nullptr);
  CHECK(attack->date.empty());
  CHECK(attack->date_source.empty());
  for (const Event& e : graph.events) {
    if (e.modality == "negated") CHECK(e.date.empty());  // what did not happen has no day
  }
}

namespace {

std::set<std::string> PeopleOf(const EventGraph& graph, const Event& event) {
  std::set<std::string> names;
  for (const Participant& p : event.participants) {
    if (graph.entities[p.entity].kind == "person") names.insert(graph.entities[p.entity].name);
  }
  return names;
}

std::vector<const Event*> EventsOfType(const EventGraph& graph, const std::string& type) {
  std::vector<const Event*> out;
  for (const Event& e : graph.events) {
    if (e.type == type) out.push_back(&e);
  }
  return out;
}

}  // namespace

TEST_CASE("A sentence telling two meetings at once is a mention of each, and dates both",
          "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Brazilian Foreign Minister Ana Souza met Kenyan Foreign Minister Peter Mwangi "
                   "in Nairobi. Kenyan President Grace Otieno later met Souza.",
                   "2019-06-12", "a"),
      MakeDocument("Brazilian Foreign Minister Ana Souza met with Peter Mwangi and Grace Otieno "
                   "on Monday.",
                   "2019-06-13", "b"),
  });
  std::vector<const Event*> meetings = EventsOfType(graph, "meeting");
  REQUIRE(meetings.size() == 2);
  for (const Event* meeting : meetings) {
    INFO(meeting->label);
    CHECK(meeting->date == "2019-06-10");  // from the sentence telling both
    CHECK(meeting->date_source == "text");
    CHECK(meeting->mentions.size() == 2);
    CHECK(PeopleOf(graph, *meeting).size() == 2);  // the shared sentence widens neither
    CHECK(PeopleOf(graph, *meeting).count("Ana Souza") == 1);
  }
}

TEST_CASE("A mention naming nobody joins the event its article talks about", "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Ana Souza spoke at a news conference with Peter Mwangi on Monday. On Tuesday, "
                   "Grace Otieno held a news conference with Luis Ortega.",
                   "2019-06-12", "a"),
      // Names Souza and Mwangi, not Otieno or Ortega: its "news conference" is theirs.
      MakeDocument("Ana Souza and Peter Mwangi disagreed on tariffs. At the joint news conference, "
                   "the two ministers avoided each other.",
                   "2019-06-13", "b"),
  });
  std::vector<const Event*> conferences = EventsOfType(graph, "press_conference");
  REQUIRE(conferences.size() == 2);
  for (const Event* conference : conferences) {
    INFO(conference->label);
    if (PeopleOf(graph, *conference).count("Ana Souza")) {
      CHECK(conference->mentions.size() == 2);
      CHECK(conference->date == "2019-06-10");
    } else {
      CHECK(conference->mentions.size() == 1);
    }
  }
}

TEST_CASE("A mention naming nobody joins the event whose people its article names most, if one",
          "[graph]") {
  // A person of each press conference -> its mentions, once the second article is read.
  auto conferences_after = [](const std::string& second) {
    EventGraph graph = testing::BuildGraph({
        MakeDocument(
            "Ana Souza spoke at a news conference with Peter Mwangi on Monday. On Tuesday, "
            "Grace Otieno held a news conference with Luis Ortega.",
            "2019-06-12", "a"),
        MakeDocument(second, "2019-06-13", "b"),
    });
    std::map<std::string, std::size_t> mentions;
    for (const Event* conference : EventsOfType(graph, "press_conference")) {
      const std::set<std::string> people = PeopleOf(graph, *conference);
      mentions[people.empty() ? "nobody" : *people.begin()] = conference->mentions.size();
    }
    return mentions;
  };
  using Mentions = std::map<std::string, std::size_t>;
  SECTION("named alike: neither") {
    CHECK(conferences_after(
              "Ana Souza called Grace Otieno. At the news conference, nobody spoke of it.") ==
          Mentions{{"Ana Souza", 1}, {"Grace Otieno", 1}, {"nobody", 1}});
  }
  SECTION("one of its two people named, however often: neither (precision first)") {
    CHECK(conferences_after("Ana Souza called Grace Otieno. Souza spoke first. At the news "
                            "conference, nobody spoke of it.") ==
          Mentions{{"Ana Souza", 1}, {"Grace Otieno", 1}, {"nobody", 1}});
  }
  SECTION("more of its people named: that one") {
    CHECK(conferences_after("Grace Otieno called Ana Souza and Peter Mwangi. Otieno spoke first. "
                            "Otieno spoke last. At the news conference, nobody spoke of it.") ==
          Mentions{{"Ana Souza", 2}, {"Grace Otieno", 1}});
  }
}

TEST_CASE("An article published after the talks dates its undated news by them", "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Ana Souza met Peter Mwangi in Nairobi on Wednesday.", "2019-06-13", "a"),
      // Published Thursday about Wednesday's talks: the agreement is Wednesday's.
      MakeDocument(
          "After talks with Peter Mwangi, Ana Souza and Mwangi agreed to establish a joint "
          "commission.",
          "2019-06-14", "b"),
  });
  const Event* pledge = FindEvent(graph, "cooperation_pledge");
  REQUIRE(pledge != nullptr);
  CHECK(pledge->date == "2019-06-12");
  CHECK(pledge->date_source == "narrative");
  const Event* meeting = FindEvent(graph, "meeting");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->mentions.size() == 2);
}

TEST_CASE("What happens in an event happens at its time", "[graph]") {
  EventGraph graph = testing::BuildGraph(
      {MakeDocument("Investigators say hackers interfered in last year's presidential election.",
                    "2019-06-12", "a")});
  const Event* interference = FindEvent(graph, "election_interference");
  REQUIRE(interference != nullptr);
  CHECK(interference->date == "2018");
}

TEST_CASE("Mentions keep their modality and source, the event is asserted if any mention is",
          "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Ana Souza could meet Peter Mwangi next week.", "2019-06-12", "a"),
      MakeDocument("Officials said Ana Souza will meet Peter Mwangi next week.", "2019-06-12", "b"),
      MakeDocument("Grace Otieno claimed that rebels attacked the convoy.", "2019-06-12", "c"),
  });
  const Event* meeting = FindEvent(graph, "meeting");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->mentions.size() == 2);
  CHECK(meeting->mentions[0].modality == "hypothetical");
  CHECK(meeting->mentions[1].modality == "future");
  CHECK(meeting->modality == "future");  // tie: the first in alphabetical order
  const Event* attack = FindEvent(graph, "attack");
  REQUIRE(attack != nullptr);
  CHECK(attack->modality == "alleged");
  REQUIRE(attack->mentions[0].source != Mention::kNoSource);
  CHECK(graph.entities[attack->mentions[0].source].name == "Grace Otieno");
}

TEST_CASE("A month between a title and a name is a first name, not a date", "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Foreign Minister Ana Souza met Foreign Minister June Mwangi in Lima.",
                   "2019-06-12", "a"),
      MakeDocument("Ana Souza took office in January Dorvik time.", "2019-06-12", "b"),
  });
  const Event* meeting = FindEvent(graph, "meeting");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->date == "2019-06-12");  // the article's day, not June
  CHECK(meeting->date_source == "document");
  const Event* office = FindEvent(graph, "taking_office");
  REQUIRE(office != nullptr);
  CHECK(office->date == "2019-01");  // "in January" stays a date
}

TEST_CASE("Undated mentions do not chain an event across months of news", "[graph]") {
  // The same undated sentence in an article every 20 days: each is within a news cycle of the
  // last, but the first and the last are 220 days apart and tell different appeals.
  std::vector<Document> documents;
  const std::chrono::sys_days first{std::chrono::year{2019} / 1 / 10};
  for (int i = 0; i < 12; ++i) {
    const std::chrono::year_month_day day{first + std::chrono::days(20 * i)};
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    documents.push_back(MakeDocument("The United Nations urged both sides to show restraint.", date,
                                     "doc" + std::to_string(i)));
  }
  EventGraph graph = testing::BuildGraph(documents);
  std::vector<const Event*> appeals = EventsOfType(graph, "appeal");
  CHECK(appeals.size() >= 4);
  std::size_t mentions = 0;
  for (const Event* appeal : appeals) {
    INFO(appeal->label);
    std::set<std::string> dates;
    for (const Mention& m : appeal->mentions) dates.insert(graph.documents[m.document].date);
    mentions += appeal->mentions.size();
    // An event's articles lie within one news cycle (31 days) of its first.
    const auto day = [](const std::string& iso) {
      return std::chrono::sys_days{std::chrono::year{std::stoi(iso.substr(0, 4))} /
                                   std::stoi(iso.substr(5, 2)) / std::stoi(iso.substr(8, 2))};
    };
    CHECK(day(*dates.rbegin()) - day(*dates.begin()) <= std::chrono::days(31));
  }
  CHECK(mentions == documents.size());
}

TEST_CASE("Floods in two towns on one day are two floods, and twice in one town, one", "[graph]") {
  // A place in common is evidence between mentions of the same few days (ontology.md#merging):
  // "last month" in two articles would be two floods.
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Floods in Kalma forced 80 families from their homes on Monday.", "2019-07-03",
                   "a"),
      MakeDocument("Floods in Amsel forced 45 families from their homes on Monday.", "2019-07-04",
                   "b"),
      MakeDocument("Floods in Kalma destroyed crops on Monday, farmers said.", "2019-07-05", "c"),
  });
  std::vector<const Event*> floods = EventsOfType(graph, "flood");
  REQUIRE(floods.size() == 2);
  for (const Event* flood : floods) {
    std::set<std::string> places, documents;
    for (const Participant& p : flood->participants) places.insert(graph.entities[p.entity].name);
    for (const Mention& m : flood->mentions) documents.insert(graph.documents[m.document].id);
    INFO(flood->label);
    CHECK(places.size() == 1);
    CHECK(flood->date == "2019-07-01");
    CHECK(documents ==
          (places.count("Kalma") ? std::set<std::string>{"a", "c"} : std::set<std::string>{"b"}));
  }
}

TEST_CASE("Two people of one country are two sides, and a country and its minister one",
          "[graph]") {
  // "On Monday" first, where it can only date the accusation (at the end it may date the
  // violation: an undated accusation has one country in common only, weak evidence).
  EventGraph graph = testing::BuildGraph({
      MakeDocument(
          "On Monday, Kenyan Foreign Minister Peter Mwangi accused Brazil of violating the "
          "ceasefire.",
          "2019-06-12", "a"),
      MakeDocument("On Monday, Kenyan President Grace Otieno accused Peru of violating the "
                   "ceasefire.",
                   "2019-06-12", "b"),
      MakeDocument("On Monday, Kenya accused Brazil of violating the ceasefire.", "2019-06-13",
                   "c"),
  });
  std::vector<const Event*> accusations = EventsOfType(graph, "accusation");
  REQUIRE(accusations.size() == 2);
  for (const Event* accusation : accusations) {
    std::set<std::string> names, documents;
    for (const Participant& p : accusation->participants)
      names.insert(graph.entities[p.entity].name);
    for (const Mention& m : accusation->mentions) documents.insert(graph.documents[m.document].id);
    INFO(accusation->label);
    CHECK(names.count("Peter Mwangi") + names.count("Grace Otieno") == 1);  // never both
    if (names.count("Peter Mwangi")) CHECK(documents == std::set<std::string>{"a", "c"});
  }
}

TEST_CASE("A name the text places ('near X', 'in X') is a place, though it reads like a person's",
          "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Rebels attacked a police convoy near Santa Olea last week.", "2019-06-12", "a"),
      MakeDocument("Road and rail links to Santa Olea were cut for several hours.", "2019-06-13",
                   "b"),
      MakeDocument("The Santa Olea area depends heavily on farming.", "2019-06-14", "c"),
  });
  const Entity* place = nullptr;
  for (const Entity& e : graph.entities) {
    if (e.name == "Santa Olea") place = &e;
  }
  REQUIRE(place != nullptr);
  CHECK(place->kind ==
        "location");  // one cue outweighs two guesses that two plain words are a person
}

TEST_CASE("Events of one type and day with different actors stay apart", "[graph]") {
  // Precision first: a type and a day are no evidence of one event.
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Tomas Gallo was arrested on Monday.", "2019-07-03", "a"),
      MakeDocument("Omar Haddad was arrested on Monday.", "2019-07-03", "b"),
      MakeDocument("The court said Lena Lindqvist was arrested on Monday.", "2019-07-04", "c"),
      MakeDocument("Lena Lindqvist was arrested on Monday, her lawyer said.", "2019-07-04", "d"),
  });
  std::vector<const Event*> arrests = EventsOfType(graph, "arrest");
  REQUIRE(arrests.size() == 3);
  for (const Event* arrest : arrests) {
    INFO(arrest->label);
    CHECK(arrest->date == "2019-07-01");
    CHECK(PeopleOf(graph, *arrest).size() == 1);
    CHECK(arrest->mentions.size() == (PeopleOf(graph, *arrest).count("Lena Lindqvist") ? 2u : 1u));
  }
}

TEST_CASE("Places of one country can be one area when a subdivision is unknown", "[graph]") {
  // All on Monday 2019-07-01 (a type and a month alone are no evidence of one event); Tamba and
  // Damascus may be one area, Nairobi may not.
  EventGraph graph = testing::BuildGraph({
      MakeDocument(
          "On Monday floods in Tamba in northern Syria forced 80 families from their homes.",
          "2019-07-03", "a"),
      MakeDocument("Floods in Damascus forced 45 families from their homes on Monday.",
                   "2019-07-04", "b"),
      MakeDocument("Floods in Nairobi forced 30 families from their homes on Monday.", "2019-07-05",
                   "c"),
  });
  std::vector<const Event*> floods = EventsOfType(graph, "flood");
  REQUIRE(floods.size() == 2);
  for (const Event* flood : floods) {
    std::set<std::string> documents;
    for (const Mention& m : flood->mentions) documents.insert(graph.documents[m.document].id);
    INFO(flood->label);
    CHECK(
        (documents == std::set<std::string>{"a", "b"} || documents == std::set<std::string>{"c"}));
  }
}

TEST_CASE("A demonym before voters or protesters is the country acting", "[graph]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Chilean voters will elect a new parliament on July 22, 2019.", "2019-07-03",
                   "a"),
      MakeDocument("Kenyan voters will elect a new parliament on July 22, 2019.", "2019-07-04",
                   "b"),
  });
  std::vector<const Event*> elections = EventsOfType(graph, "election");
  REQUIRE(elections.size() == 2);  // one day, two countries' elections
  std::set<std::string> codes;
  for (const Event* election : elections) {
    REQUIRE(election->participants.size() == 1);
    codes.insert(graph.entities[election->participants[0].entity].code);
  }
  CHECK(codes == std::set<std::string>{"CHLCVL", "KENCVL"});
}

TEST_CASE("Each mention records why it joined its event, and the candidate it did not join",
          "[graph][explain]") {
  EventGraph graph = testing::BuildGraph({
      MakeDocument("Tomas Gallo was arrested on Monday.", "2019-07-03", "a"),
      MakeDocument("Omar Haddad was arrested on Monday.", "2019-07-03", "b"),
      MakeDocument("Police said Tomas Gallo was arrested on Monday.", "2019-07-04", "c"),
  });
  std::vector<const Event*> arrests = EventsOfType(graph, "arrest");
  REQUIRE(arrests.size() == 2);
  const Event* gallo = PeopleOf(graph, *arrests[0]).count("Tomas Gallo") ? arrests[0] : arrests[1];
  const Event* haddad = gallo == arrests[0] ? arrests[1] : arrests[0];
  REQUIRE(gallo->mentions.size() == 2);
  const std::size_t gallo_index = static_cast<std::size_t>(gallo - graph.events.data());
  int started = 0, joined = 0;
  for (const Mention& mention : gallo->mentions) {
    if (mention.join.reasons == 0) {
      ++started;
    } else {
      ++joined;
      CHECK(mention.join.reasons == kJoinActorInCommon);
      CHECK(JoinReasonNames(mention.join.reasons) == "actor-in-common");
      CHECK(mention.join.score > 100);  // dated, overlapping, a person in common
    }
  }
  CHECK(started == 1);
  CHECK(joined == 1);
  // Haddad's arrest: its nearest candidate was Gallo's, of the same type and day, with nobody in
  // common (or the other way round, in the order the merge met them).
  REQUIRE(haddad->mentions.size() == 1);
  const Mention& lone = haddad->mentions.front();
  CHECK(lone.join.reasons == 0);
  if (lone.join.nearest != MentionJoin::kNoEvent) {
    CHECK(lone.join.nearest == gallo_index);
    CHECK(std::string(NearestWhyName(static_cast<NearestWhy>(lone.join.nearest_why))) ==
          "no-evidence");
  } else {
    bool gallo_saw_haddad = false;
    for (const Mention& mention : gallo->mentions)
      gallo_saw_haddad |=
          mention.join.nearest == static_cast<std::size_t>(haddad - graph.events.data());
    CHECK(gallo_saw_haddad);
  }
}

TEST_CASE("Join reasons read back from their names", "[graph][explain]") {
  uint16_t reasons = 0;
  CHECK(ParseJoinReasons("", &reasons));
  CHECK(reasons == 0);
  CHECK(ParseJoinReasons("actor-in-common,same-article", &reasons));
  CHECK(reasons == (kJoinActorInCommon | kJoinSameArticle));
  CHECK(JoinReasonNames(reasons) == "actor-in-common,same-article");
  CHECK_FALSE(ParseJoinReasons("actor-in-common,because", &reasons));
  for (int bit = 0; bit < kJoinReasonCount; ++bit) {
    CHECK(ParseJoinReasons(JoinReasonName(bit), &reasons));
    CHECK(reasons == 1u << bit);
  }
  NearestWhy why = NearestWhy::kNone;
  CHECK(ParseNearestWhy("participants-conflict", &why));
  CHECK(why == NearestWhy::kParticipantsConflict);
  CHECK_FALSE(ParseNearestWhy("unknown", &why));
}
