#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <catch2/catch.hpp>

#include "eventgraph/json_reader.h"  // as the library parses JSON

#include <boost/graph/graphml.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <vector>

#include "../../export/fixed_number.h"
#include "../test_support.h"
#include "eventgraph/export.h"

using namespace eventgraph;
namespace fs = std::filesystem;

TEST_CASE("XmlEscape escapes markup and removes what XML 1.0 forbids", "[export]") {
  CHECK(XmlEscape("a & b < c > \"d\" 'e'") == "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;");
  CHECK(XmlEscape("bell\x07"
                  "tab\t") == "bell\xEF\xBF\xBDtab\t");
  CHECK(XmlEscape("bad\xFF") == "bad\xEF\xBF\xBD");
  CHECK(XmlEscape("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("Atomic writes leave the complete file and no temporary", "[export]") {
  fs::path dir = fs::temp_directory_path() / "eventgraph_atomic_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path target = dir / "out.json";
  std::ofstream(target) << "old";
  REQUIRE(WriteFileAtomically(target.string(), "new content").ok());
  std::ifstream in(target);
  std::stringstream content;
  content << in.rdbuf();
  CHECK(content.str() == "new content");
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file();
  CHECK(files == 1);

  Status failed = WriteFileAtomically((dir / "missing" / "out.json").string(), "x");
  CHECK_FALSE(failed.ok());
  CHECK(failed.code() == StatusCode::kIoError);
  fs::remove_all(dir);
}

TEST_CASE("A file written in many pieces is whole after its write-behind", "[export]") {
  // Over 24 MiB in pieces of varied sizes, so the sink flushes many times and asks the disk to
  // write (and waits for) several windows before the end.
  fs::path dir = fs::temp_directory_path() / "eventgraph_write_behind_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path target = dir / "big.txt";
  std::string expected;
  REQUIRE(WriteFileAtomically(target.string(), [&](OutputSink& out) {
            for (int piece = 0; expected.size() < (std::size_t{25} << 20); ++piece) {
              std::string text(static_cast<std::size_t>(piece % 9973) + 1,
                               static_cast<char>('a' + piece % 26));
              text += '\n';
              out += text;
              expected += text;
            }
          }).ok());
  std::ifstream in(target, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  CHECK(content.str().size() == expected.size());
  CHECK(content.str() == expected);
  fs::remove_all(dir);
}

TEST_CASE("Exports carry every event, entity and relation", "[export]") {
  EventGraph graph;
  graph.documents.push_back(
      {"d1", "d1.txt", "2017-04-12", "Title & <more>", "2017-04-12", "document"});
  graph.entities.push_back(
      {"ent-a", "A \"quoted\" name", "person", {"A"}, "USA", "president", "USAGOV", "", "", 2});
  Event event;
  event.id = "evt-0001";
  event.type = "meeting";
  event.family = "contact";
  event.cameo = "04";
  event.label = "Meeting <of> A";
  event.date = "2017-W14";
  event.start = "2017-04-03";
  event.end = "2017-04-09";
  event.granularity = "week";
  event.modality = "asserted";
  event.confidence = 0.5;
  event.participants.push_back({0, "agent"});
  event.mentions.push_back(
      {0, 2, 5, Mention::kNoSource, "A met B.\x01", "met", {}, "asserted", {}});
  graph.events.push_back(event);
  event.id = "evt-0002";
  graph.events.push_back(event);
  graph.relations.push_back({0, 1, "before", true, 0, "", 0});

  std::string json = TimelineJson(graph);
  CHECK(json.find("\"schema\":\"eventgraph-timeline/1\"") != std::string::npos);
  CHECK(json.find("\"evidence\":\"inferred\"") != std::string::npos);
  CHECK(json.find("\"date\":\"2017-W14\"") != std::string::npos);

  std::string xml = GraphMl(graph);
  CHECK(xml.find("<node id=\"ent-a\">") != std::string::npos);
  CHECK(xml.find("A &quot;quoted&quot; name") != std::string::npos);
  CHECK(xml.find("Meeting &lt;of&gt; A") != std::string::npos);
  CHECK(xml.find("attr.type=\"double\"") != std::string::npos);
  CHECK(xml.find("source=\"ent-a\" target=\"evt-0001\"") != std::string::npos);
  CHECK(xml.find("source=\"evt-0001\" target=\"evt-0002\"") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

TEST_CASE("GEXF is dynamic: dated nodes and edges carry their days", "[export]") {
  EventGraph graph;
  graph.documents.push_back({"d1", "d1.txt", "2017-04-12", "T", "2017-04-12", "document"});
  graph.entities.push_back({"ent-a", "A & B", "person", {"A"}, "USA", "", "USAGOV", "", "", 2});
  Event event;
  event.id = "evt-0001";
  event.type = "meeting";
  event.family = "contact";
  event.label = "Meeting <of> A";
  event.date = "2017-W14";
  event.start = "2017-04-03";
  event.end = "2017-04-09";
  event.participants.push_back({0, "agent"});
  event.mentions.push_back({0, 2, 5, Mention::kNoSource, "A met B.", "met", {}, "asserted", {}});
  graph.events.push_back(event);
  event.id = "evt-0002";
  event.date = event.start = event.end = "";  // undated: always shown
  graph.events.push_back(event);

  const std::string gexf = Gexf(graph);
  CHECK(gexf.find("mode=\"dynamic\"") != std::string::npos);
  CHECK(gexf.find("timeformat=\"date\"") != std::string::npos);
  CHECK(gexf.find("id=\"evt-0001\" label=\"Meeting &lt;of&gt; A\" start=\"2017-04-03\" "
                  "end=\"2017-04-09\"") != std::string::npos);
  CHECK(gexf.find("id=\"evt-0002\" label=\"Meeting &lt;of&gt; A\">") != std::string::npos);
  // The entity lives over the days of its dated events.
  CHECK(gexf.find("id=\"ent-a\" label=\"A &amp; B\" start=\"2017-04-03\" end=\"2017-04-09\"") !=
        std::string::npos);
  CHECK(gexf.find("source=\"ent-a\" target=\"evt-0001\" start=\"2017-04-03\" end=\"2017-04-09\"") !=
        std::string::npos);
  CHECK(gexf.find("<viz:color r=\"55\" g=\"126\" b=\"184\"/>") != std::string::npos);  // contact
}

TEST_CASE("TimelineJS slides give dates only as precisely as they are known", "[export]") {
  EventGraph graph;
  graph.documents.push_back({"d1", "d1.txt", "2017-04-12", "T", "2017-04-12", "document"});
  struct Row {
    const char *date, *start, *end, *granularity;
  };
  const Row kRows[] = {{"2017-04-04", "2017-04-04", "2017-04-04", "day"},
                       {"2017-W14", "2017-04-03", "2017-04-09", "week"},
                       {"2017-04", "2017-04-01", "2017-04-30", "month"},
                       {"2016", "2016-01-01", "2016-12-31", "year"},
                       {"", "", "", ""}};
  for (const Row& row : kRows) {
    Event event;
    event.id = "evt-000" + std::to_string(graph.events.size() + 1);
    event.type = "meeting";
    event.family = "contact";
    event.label = "Talks <b>";
    event.date = row.date;
    event.start = row.start;
    event.end = row.end;
    event.granularity = row.granularity;
    event.mentions.push_back({0, 0, 1, Mention::kNoSource, "A & B met.", "met", {}, "alleged", {}});
    graph.events.push_back(event);
  }
  rapidjson::Document doc;
  doc.Parse(TimelineJs(graph, "My <story>").c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["title"]["text"]["headline"].GetString()) == "My &lt;story&gt;");
  const auto& events = doc["events"];
  REQUIRE(events.Size() == 4);  // the undated event has no slide
  for (const auto& e : events.GetArray()) {
    REQUIRE(e["start_date"]["year"].IsInt());
    CHECK(std::string(e["group"].GetString()) == "contact");
    CHECK(std::string(e["text"]["headline"].GetString()) == "Talks &lt;b&gt;");
    CHECK(std::string(e["text"]["text"].GetString()).find("A &amp; B met. <i>(alleged)</i>") !=
          std::string::npos);
  }
  CHECK_FALSE(events[0].HasMember("end_date"));
  CHECK(events[0]["start_date"]["day"].GetInt() == 4);
  CHECK(events[1]["start_date"]["day"].GetInt() == 3);
  CHECK(events[1]["end_date"]["day"].GetInt() == 9);
  CHECK(events[2]["start_date"]["month"].GetInt() == 4);
  CHECK_FALSE(events[2]["start_date"].HasMember("day"));
  CHECK(events[3]["start_date"]["year"].GetInt() == 2016);
  CHECK_FALSE(events[3]["start_date"].HasMember("month"));
  CHECK(events[3]["end_date"]["year"].GetInt() == 2016);
}

namespace {

// A graph with a bit of everything, built from our own sentences.
EventGraph SmallGraph() {
  return testing::BuildGraph({
      testing::MakeDocument("Rebels launched a chemical attack on Dorvik on June 5. The attack "
                            "prompted Brazil to launch a barrage of missiles on a rebel base.",
                            "2019-06-12", "a"),
      testing::MakeDocument("Ana Souza said on Monday that \"rebels & allies\" could meet "
                            "Peter Mwangi.",
                            "2019-06-13", "b"),
  });
}

}  // namespace

TEST_CASE("graph.json is lossless: reading it back gives the same graph", "[export]") {
  const EventGraph graph = SmallGraph();
  REQUIRE(graph.events.size() >= 3);
  REQUIRE_FALSE(graph.relations.empty());
  const std::string json = GraphJson(graph);
  // "The attack" joined the chemical attack through its article: the record of why is kept.
  CHECK(json.find("\"join\":{\"why\":\"article-antecedent\"") != std::string::npos);
  Result<EventGraph> read = ParseGraphJson(json, "graph.json");
  REQUIRE(read.ok());
  CHECK(GraphJson(*read) == json);
  // Every writer gives the same bytes from the read graph.
  CHECK(TimelineJson(*read) == TimelineJson(graph));
  CHECK(GraphMl(*read) == GraphMl(graph));
  CHECK(Gexf(*read) == Gexf(graph));
  CHECK(boost::num_vertices(read->topology) == boost::num_vertices(graph.topology));
  CHECK(boost::num_edges(read->topology) == boost::num_edges(graph.topology));
}

TEST_CASE("The JSON exports put each record on a line of its own", "[export]") {
  const EventGraph graph = SmallGraph();
  REQUIRE(graph.events.size() >= 3);
  auto lines_of = [](const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  };
  auto parses_alone = [](std::string line) {
    if (!line.empty() && line.back() == ',') line.pop_back();
    rapidjson::Document record;
    record.Parse(line.data(), line.size());
    return !record.HasParseError() && record.IsObject();
  };
  for (const std::string& json : {TimelineJson(graph), GraphJson(graph)}) {
    const std::vector<std::string> lines = lines_of(json);
    REQUIRE(lines.size() > 4);
    CHECK(lines.front() == "{");
    CHECK(lines.back() == "}");
    std::size_t event_lines = 0;
    for (const std::string& line : lines) {
      if (line.rfind("{\"id\":\"evt-", 0) != 0) continue;
      ++event_lines;
      CHECK(parses_alone(line));
    }
    CHECK(event_lines == graph.events.size());
    // Top-level keys each begin a line; the whole is one JSON document.
    CHECK(json.find("\n\"events\":[\n{") != std::string::npos);
    rapidjson::Document whole;
    whole.Parse(json.data(), json.size());
    CHECK_FALSE(whole.HasParseError());
  }
}

TEST_CASE("JSON strings are escaped exactly as RapidJSON escapes them, wherever the escape falls",
          "[export]") {
  // The exports copy runs of plain characters 16 at a time: an escape is tried at every place
  // around those blocks, and the text must be RapidJSON's own (its StringBuffer writer escapes
  // one character at a time).
  EventGraph graph = SmallGraph();
  REQUIRE_FALSE(graph.documents.empty());
  const std::string specials[] = {"\"",   "\\",       "\n", std::string(1, '\0'), "\x01", "\x1f",
                                  "\x7f", "\xc3\xa9", "/"};
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at <= 40; ++at) {
      std::string title(at, 'a');
      title += special;
      title += std::string(40 - at, 'z');
      graph.documents[0].title = title;
      rapidjson::StringBuffer expected;
      rapidjson::Writer<rapidjson::StringBuffer> reference(expected);
      reference.String(title.data(), static_cast<rapidjson::SizeType>(title.size()));
      const std::string json = TimelineJson(graph);
      INFO("special " << static_cast<int>(static_cast<unsigned char>(special[0])) << " at " << at);
      CHECK(json.find("\"title\":" + std::string(expected.GetString())) != std::string::npos);
      rapidjson::Document parsed;
      parsed.Parse(json.data(), json.size());
      REQUIRE_FALSE(parsed.HasParseError());
      const rapidjson::Value& read = parsed["documents"][0]["title"];
      CHECK(std::string(read.GetString(), read.GetStringLength()) == title);
    }
  }
}

TEST_CASE("A bad graph.json fails with its path and the problem", "[export]") {
  const std::string good = GraphJson(SmallGraph());
  struct Row {
    std::string text;
    const char* expected;
  };
  std::string bad_index = good;
  const std::size_t number = bad_index.find("\"entity\":") + 9;
  bad_index.replace(number, bad_index.find_first_not_of("0123456789", number) - number, "999");
  std::string missing = good;
  missing.replace(missing.find("\"label\""), 7, "\"lable\"");
  std::string bad_reason = good;
  bad_reason.replace(bad_reason.find("\"why\":\"") + 7, 0, "because,");
  std::string bad_nearest = good;
  const std::size_t join = bad_nearest.find("\"nearest\":", bad_nearest.find("\"join\""));
  bad_nearest.replace(join, bad_nearest.find_first_of(",}", join) - join, "\"nearest\":999");
  const Row kRows[] = {
      {"{not json", "not JSON"},
      {bad_reason, "unknown reason in \"why\""},
      {bad_nearest, "\"nearest\" is not an event"},
      {"{\"schema\": \"eventgraph-timeline/1\"}", "not an eventgraph graph"},
      {bad_index, "is not an index below"},
      {missing, "missing \"label\""},
  };
  for (const Row& row : kRows) {
    INFO(row.expected);
    Result<EventGraph> read = ParseGraphJson(row.text, "some/graph.json");
    REQUIRE_FALSE(read.ok());
    CHECK(read.status().file() == "some/graph.json");
    CHECK(read.status().message().find(row.expected) != std::string::npos);
  }
  CHECK(ReadGraphJson("/nonexistent/graph.json").status().code() == StatusCode::kNotFound);
}

TEST_CASE("Boost's GraphML reader loads our GraphML with every attribute", "[export]") {
  const EventGraph graph = SmallGraph();
  struct Vertex {
    std::string label, kind, type, family, cameo, date, start, end, entity_kind, country, code,
        region;
    double confidence = 0;
    int mentions = 0;
  };
  struct Edge {
    std::string kind, role, type, date, start, end;
    double weight = 0;
    int inferred = -1;
  };
  using Read = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Vertex, Edge>;
  Read read;
  boost::dynamic_properties properties;
  properties.property("label", boost::get(&Vertex::label, read));
  properties.property("kind", boost::get(&Vertex::kind, read));
  properties.property("type", boost::get(&Vertex::type, read));
  properties.property("family", boost::get(&Vertex::family, read));
  properties.property("cameo", boost::get(&Vertex::cameo, read));
  properties.property("date", boost::get(&Vertex::date, read));
  properties.property("start", boost::get(&Vertex::start, read));
  properties.property("end", boost::get(&Vertex::end, read));
  properties.property("confidence", boost::get(&Vertex::confidence, read));
  properties.property("mentions", boost::get(&Vertex::mentions, read));
  properties.property("entity_kind", boost::get(&Vertex::entity_kind, read));
  properties.property("country", boost::get(&Vertex::country, read));
  properties.property("actor_code", boost::get(&Vertex::code, read));
  properties.property("region", boost::get(&Vertex::region, read));
  properties.property("kind", boost::get(&Edge::kind, read));
  properties.property("role", boost::get(&Edge::role, read));
  properties.property("type", boost::get(&Edge::type, read));
  properties.property("date", boost::get(&Edge::date, read));
  properties.property("start", boost::get(&Edge::start, read));
  properties.property("end", boost::get(&Edge::end, read));
  properties.property("weight", boost::get(&Edge::weight, read));
  properties.property("inferred", boost::get(&Edge::inferred, read));
  std::istringstream in(GraphMl(graph));
  REQUIRE_NOTHROW(boost::read_graphml(in, read, properties));
  REQUIRE(boost::num_vertices(read) == graph.entities.size() + graph.events.size());
  CHECK(boost::num_edges(read) == boost::num_edges(graph.topology));
  // Vertices come in document order: the entities, then the events.
  for (std::size_t i = 0; i < graph.entities.size(); ++i) {
    INFO(graph.entities[i].id);
    CHECK(read[i].label == graph.entities[i].name);
    CHECK(read[i].kind == "entity");
    CHECK(read[i].entity_kind == graph.entities[i].kind);
    CHECK(read[i].code == graph.entities[i].code);
  }
  const std::size_t base = graph.entities.size();
  for (std::size_t e = 0; e < graph.events.size(); ++e) {
    const Event& event = graph.events[e];
    INFO(event.id);
    CHECK(read[base + e].label == event.label);
    CHECK(read[base + e].kind == "event");
    CHECK(read[base + e].start == event.start);
    CHECK(read[base + e].mentions == static_cast<int>(event.mentions.size()));
    CHECK(read[base + e].confidence == Approx(event.confidence).margin(0.006));
  }
  int relations = 0;
  for (auto [it, end] = boost::edges(read); it != end; ++it) {
    const Edge& edge = read[*it];
    relations += edge.kind == "relation";
    if (edge.kind == "relation") CHECK((edge.inferred == 0 || edge.inferred == 1));
    if (!read[boost::target(*it, read)].start.empty()) CHECK_FALSE(edge.start.empty());
  }
  CHECK(relations == static_cast<int>(graph.relations.size()));
}

TEST_CASE("DOT and Neo4j CSV escape what they must", "[export]") {
  EventGraph graph;
  graph.documents.push_back({"d1", "d1.txt", "", "T", "", ""});
  graph.entities.push_back(
      {"ent-a", "A \"Q\", Ltd\\", "organization", {"A"}, "", "", "", "", "", 1});
  Event event;
  event.id = "evt-0001";
  event.type = "merger";
  event.label = "Merger, \"big\"";
  event.participants.push_back({0, "agent"});
  event.mentions.push_back({0, 0, 1, Mention::kNoSource, "x", "x", {}, "asserted", {}});
  graph.events.push_back(event);
  const std::string dot = Dot(graph);
  CHECK(dot.find("\"ent-a\" [label=\"A \\\"Q\\\", Ltd\\\\\"") != std::string::npos);
  CHECK(dot.find("\"ent-a\" -> \"evt-0001\" [label=\"agent\"") != std::string::npos);
  const std::string nodes = Neo4jNodesCsv(graph);
  CHECK(nodes.rfind("id:ID,:LABEL,name,", 0) == 0);
  CHECK(nodes.find("ent-a,Entity,\"A \"\"Q\"\", Ltd\\\",organization") != std::string::npos);
  CHECK(nodes.find("evt-0001,Event,\"Merger, \"\"big\"\"\",event,merger") != std::string::npos);
  const std::string relationships = Neo4jRelationshipsCsv(graph);
  CHECK(relationships.rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
  CHECK(relationships.find("ent-a,evt-0001,TAKES_PART_IN,agent") != std::string::npos);
}

TEST_CASE("FixedNumber writes what printf's %.1f and %.2f write", "[export]") {
  // Whole hundredths (the common case, written from the integer), ties and near-ties that must
  // fall back to printf, and values printf writes in its own way (-0, NaN, huge, negative).
  std::vector<double> values = {0.0,   -0.0,  0.05,   0.125,    0.375,   0.995,       1.005,
                                2.675, 0.35,  0.99,   12.0,     6.0,     0.5,         1e15,
                                1e16,  1e300, -0.125, -3.14159, 1.0 / 3, 0.05 - 1e-17};
  values.push_back(std::numeric_limits<double>::quiet_NaN());
  values.push_back(std::numeric_limits<double>::infinity());
  std::mt19937_64 random(20261124);
  for (int i = 0; i < 20000; ++i) {
    values.push_back(static_cast<double>(random() % 100000) / 100.0);   // like the confidences
    values.push_back(static_cast<double>(random() % 100000) / 1000.0);  // ties among them
    values.push_back(std::ldexp(static_cast<double>(random() % (1u << 30)), -20));
  }
  for (double value : values) {
    for (int decimals : {1, 2}) {
      char expected[400];
      std::snprintf(expected, sizeof expected, decimals == 1 ? "%.1f" : "%.2f", value);
      INFO("value " << value << " decimals " << decimals);
      REQUIRE(std::string(export_detail::FixedNumber(value, decimals).text()) == expected);
    }
  }
}
