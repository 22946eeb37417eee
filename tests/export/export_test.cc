#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

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
  event.mentions.push_back({0, "A met B.\x01", 2, 5, "met", "", "", "", "", "asserted", SIZE_MAX});
  graph.events.push_back(event);
  event.id = "evt-0002";
  graph.events.push_back(event);
  graph.relations.push_back({0, 1, "before", true, 0, "", 0});

  std::string json = TimelineJson(graph);
  CHECK(json.find("\"schema\": \"eventgraph-timeline/1\"") != std::string::npos);
  CHECK(json.find("\"evidence\": \"inferred\"") != std::string::npos);
  CHECK(json.find("\"date\": \"2017-W14\"") != std::string::npos);

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
  event.mentions.push_back({0, "A met B.", 2, 5, "met", "", "", "", "", "asserted", SIZE_MAX});
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
    event.mentions.push_back({0, "A & B met.", 0, 1, "met", "", "", "", "", "alleged", SIZE_MAX});
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
