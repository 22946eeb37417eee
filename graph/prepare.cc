// Documents in: each document's mentions, with the time expression that dates each event mention
// (per sentence), made into the builder's raw form (Prepare, on any thread), then appended to the
// corpus (Add, in document order).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "builder_state.h"
#include "eventgraph/graph.h"
#include "eventgraph/text_util.h"

namespace eventgraph {

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
}  // namespace eventgraph
