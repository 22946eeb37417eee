// Helpers shared by the unit tests: the bundled lexicons, loaded once.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>

#include "eventgraph/extract.h"
#include "eventgraph/graph.h"
#include "eventgraph/timex.h"

namespace eventgraph::testing {

inline const Lexicons& TestLexicons() {
  static const Lexicons lexicons = [] {
    Result<Lexicons> loaded = LoadLexicons(EVENTGRAPH_TEST_DATA_DIR);
    if (!loaded.ok()) FAIL("cannot load lexicons: " << loaded.status().ToString());
    if (Status syntax = LoadSyntax(&*loaded); !syntax.ok())
      FAIL("cannot load the syntax model: " << syntax.ToString());
    return *loaded;
  }();
  return lexicons;
}

inline const TemporalLexicon& TestTemporal() {
  static const TemporalLexicon words = [] {
    Result<TemporalLexicon> loaded = LoadTemporalLexicon(EVENTGRAPH_TEST_DATA_DIR);
    if (!loaded.ok()) FAIL("cannot load temporal lexicon: " << loaded.status().ToString());
    return *loaded;
  }();
  return words;
}

// The first entity mention written as `surface`, or nullptr.
inline const EntityMention* FindMention(const DocumentMentions& mentions,
                                        const std::string& surface) {
  for (const EntityMention& e : mentions.entities) {
    if (e.surface == surface) return &e;
  }
  return nullptr;
}

// The canonical name of an event mention's first argument in `role`, or "".
inline std::string ArgumentName(const DocumentMentions& mentions, const EventMention& event,
                                ArgumentRole role) {
  for (const EventArgument& a : event.arguments) {
    if (a.role == role) return mentions.entities[a.entity].canonical;
  }
  return "";
}

// A private copy of the bundled data/ under the temp directory, to break.
inline std::filesystem::path CopyData(const std::string& name) {
  std::filesystem::path copy = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(copy);
  std::filesystem::copy(EVENTGRAPH_TEST_DATA_DIR, copy, std::filesystem::copy_options::recursive);
  return copy;
}

inline Document MakeDocument(std::string text, std::string date = "", std::string id = "doc") {
  Document doc;
  doc.id = std::move(id);
  doc.path = doc.id + ".txt";
  doc.date = std::move(date);
  doc.text = std::move(text);
  return doc;
}

// The graph of `documents`, each anchored at its own date, as `build` makes it.
inline EventGraph BuildGraph(const std::vector<Document>& documents) {
  GraphBuilder builder(TestLexicons());
  for (const Document& doc : documents) {
    DocumentMentions mentions = ExtractMentions(doc, TestLexicons());
    std::vector<Timex> timexes = TagTimexes(doc.text, mentions.segmented, TestTemporal(), doc.date);
    builder.AddDocument(doc, mentions, timexes, doc.date, doc.date.empty() ? "" : "document");
  }
  return builder.Build();
}

}  // namespace eventgraph::testing
