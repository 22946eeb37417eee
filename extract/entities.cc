// Tokens and sentences -> entity mentions.
//
// A sentence is read left to right. At each position, in this order:
//   1. a title or role ("foreign minister", "spokesman") is remembered for
//      the name that follows;
//   2. a gazetteer name ("U.S.", "Russian Federation", "Kremlin") becomes a
//      mention; before a title it is only the name's affiliation (a modifier);
//   3. a demonym ("Syrian") is remembered as the affiliation of what follows;
//      before an actor head ("Syrian government") it is a mention of the country;
//   4. a run of capitalised words (joined by connectors such as "of" or
//      "al-") becomes a mention whose kind comes from the title before it, a
//      head word in or after it ("Council", "group"), or a place cue ("the
//      town of X", "X province", "in X").
// A capitalised word that opens a sentence is kept only if the document also
// writes it capitalised elsewhere, or it is a known name: "Lavrov criticized"
// is a name, "Confronting" is not. Furniture sentences and bylines yield nothing.
// Each mention gets a CAMEO-style actor code: its affiliation's country and
// the role code of its title or head word ("RUSGOV"), or the gazetteer's.
//
// Then, per document: lone surnames and short organisation names link to the
// full name (LinkShortNames), a dateline names a place (MarkDateline), places
// take their subdivision and the country of the place they lie in
// (LinkPlaces); after events are found, a seat of government that acts
// becomes its government (ResolveSeats). docs/entities.md tells the whole.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "entities_internal.h"
#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

struct Pending {
  std::string role;
  EntityKind role_kind = EntityKind::kOther;
  std::string country;
  std::string code;  // the affiliation's actor code: "Kremlin spokesman" -> RUSGOV
  // Called at nearly every token: emptied in place, not rebuilt.
  void Clear() {
    role.clear();
    role_kind = EntityKind::kOther;
    country.clear();
    code.clear();
  }
};

constexpr uint32_t kDatelineBytes = 300;  // a dateline opens the article

std::string TitleCase(std::string_view word) {
  std::string out = AsciiLower(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string TitleCaseWords(const std::string& words) {
  std::string out;
  for (std::string_view word : Split(words, ' ')) {
    if (!out.empty()) out += ' ';
    out += TitleCase(word);
  }
  return out;
}

class SentenceReader {
 public:
  SentenceReader(const Segmented& seg, const Lexicons& lex,
                 const std::unordered_set<std::string_view>& capitalised_inside,
                 std::vector<EntityMention>* out)
      : seg_(seg), lex_(lex), capitalised_inside_(capitalised_inside), out_(out) {}

  void Read(uint32_t sentence_index) {
    const Sentence& sentence = seg_.sentences[sentence_index];
    sentence_ = sentence_index;
    first_ = sentence.first_token;
    end_ = sentence.end_token;
    if (IsByline(sentence)) return;
    Pending pending;
    uint32_t i = first_;
    while (i < end_) {
      const Token& token = seg_.tokens[i];
      if (uint32_t length = MatchTitle(i); length > 0) {
        std::string role = *title_value_;
        pending.role = role;
        auto kind = lex_.title_kind.find(role);
        pending.role_kind = kind == lex_.title_kind.end() ? EntityKind::kPerson : kind->second;
        i += length;
        continue;
      }
      // A name may open with a lower-case particle: "al Nusra".
      if (token.capitalized || token.all_caps || IsConnector(i)) {
        if (uint32_t length = MatchGazetteer(i); length > 0) {
          EntityMention mention =
              MakeMention(i, i + length, gazetteer_value_->canonical, gazetteer_value_->kind);
          mention.country = gazetteer_value_->country;
          mention.code = gazetteer_value_->code;
          if (!gazetteer_value_->region.empty()) {
            mention.region = gazetteer_value_->region;
            mention.region_name = lex_.subdivisions.at(mention.region).name;
          }
          mention.seat = gazetteer_value_->seat;
          mention.from_gazetteer = true;
          uint32_t next = i + length;
          mention.modifier = next < end_ && (MatchTitle(next) > 0 || IsNameStart(next));
          if (mention.modifier && !mention.country.empty()) {
            pending.country = mention.country;
            if (mention.code.size() > 3) pending.code = mention.code;
          }
          if (!mention.modifier) ApplyPending(&pending, &mention);
          if (mention.code.empty() && mention.kind != EntityKind::kLocation)
            mention.code = mention.country;
          out_->push_back(std::move(mention));
          i = next;
          continue;
        }
        if (auto demonym = lex_.demonyms.find(token.Text()); demonym != lex_.demonyms.end()) {
          if (auto head = i + 1 < end_ ? lex_.actor_heads.find(seg_.tokens[i + 1].Lower())
                                       : lex_.actor_heads.end();
              head != lex_.actor_heads.end()) {
            // "Syrian government", "Russian military": the country acts.
            auto name = lex_.country_names.find(demonym->second);
            EntityMention mention = MakeMention(i, i + 1, name->second, EntityKind::kCountry);
            mention.country = demonym->second;
            mention.role = seg_.tokens[i + 1].lower;
            mention.code = demonym->second + head->second;
            mention.from_gazetteer = true;
            out_->push_back(std::move(mention));
            pending.Clear();
            i += 2;
            continue;
          }
          pending.country = demonym->second;
          ++i;
          continue;
        }
        if (IsNameStart(i)) {
          uint32_t j = NameRunEnd(i);
          EmitNameRun(i, j, &pending);
          i = j;
          continue;
        }
        // An adjective opens a name only when a head word closes it: "Northern Grain Company".
        if (auto non_name = lex_.non_names.find(token.Text());
            non_name != lex_.non_names.end() && non_name->second == "adjective") {
          uint32_t j = NameRunEnd(i);
          if (j > i + 1 && seg_.tokens[j - 1].capitalized &&
              lex_.name_heads.count(seg_.tokens[j - 1].Text())) {
            EmitNameRun(i, j, &pending);
            i = j;
            continue;
          }
        }
      }
      // Anything else ends what a title or demonym announced, except the
      // possessive and a comma before an apposition: "Russia's", "Tillerson, ...".
      if (token.text != "'s" && token.text != "\xE2\x80\x99s") pending.Clear();
      ++i;
    }
  }

 private:
  // `inside`: the token would continue a name already begun, where a page-section word
  // may stand ("Fox Business Network") though it never starts a name.
  bool IsNameToken(uint32_t i, bool inside = false) const {
    const Token& token = seg_.tokens[i];
    if (!token.is_word) return false;
    if (auto non_name = lex_.non_names.find(token.Text()); non_name != lex_.non_names.end()) {
      if (!inside || non_name->second != "section word") return false;
    }
    // "US-led", "Kremlin-backed": an adjective made from a name, not a name.
    if (std::size_t dash = token.text.rfind('-');
        dash != std::string::npos && token.capitalized && dash + 1 < token.text.size() &&
        token.text[dash + 1] >= 'a' && token.text[dash + 1] <= 'z') {
      return false;
    }
    if (token.capitalized || token.all_caps) return true;
    // "al-Assad", "al-Qaida": a lower-case particle joined to a capitalised name.
    std::size_t dash = token.text.find('-');
    return dash != std::string::npos && dash + 1 < token.text.size() &&
           token.text[dash + 1] >= 'A' && token.text[dash + 1] <= 'Z';
  }

  bool IsNameStart(uint32_t i) const {
    if (!IsNameToken(i)) return false;
    const Token& token = seg_.tokens[i];
    if (token.all_caps && token.text.size() > 5) return false;  // "WATCH", "SYRIAN CONFLICT"
    return true;
  }

  // A byline: a short heading line that is nothing but a name ("Jane Doe",
  // "By Jane Doe"), the author rather than an actor of the story.
  bool IsByline(const Sentence& sentence) const {
    if (!sentence.heading) return false;
    uint32_t i = sentence.first_token;
    if (i < sentence.end_token && seg_.tokens[i].lower == "by") ++i;
    const uint32_t words = sentence.end_token - i;
    if (words < 2 || words > 4) return false;
    for (uint32_t t = i; t < sentence.end_token; ++t) {
      const Token& token = seg_.tokens[t];
      if (!token.capitalized || token.all_caps || !IsNameToken(t) ||
          lex_.demonyms.count(token.Text()) || MatchGazetteerConst(t) > 0) {
        return false;
      }
    }
    return true;
  }

  bool IsConnector(uint32_t i) const { return lex_.name_connectors.count(seg_.tokens[i].Text()); }

  uint32_t NameRunEnd(uint32_t i) const {
    uint32_t j = i + 1;
    while (j < end_) {
      if (MatchTitleConst(j) > 0 || MatchGazetteerConst(j) > 0) break;
      if (IsNameToken(j, /*inside=*/true) && !lex_.demonyms.count(seg_.tokens[j].Text())) {
        ++j;
      } else if (IsConnector(j) && j + 1 < end_ && IsNameToken(j + 1)) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  void EmitNameRun(uint32_t i, uint32_t j, Pending* pending) {
    const bool sentence_initial = i == first_ || (i == first_ + 1 && !seg_.tokens[first_].is_word);
    const Token& first = seg_.tokens[i];
    EntityKind kind = EntityKind::kOther;
    bool known_kind = false;
    // A head word inside ("Security Council") or right after ("Islamic State group").
    std::string head_word;
    for (uint32_t t = i; t < j; ++t) {
      if (auto head = lex_.name_heads.find(seg_.tokens[t].Text()); head != lex_.name_heads.end()) {
        kind = head->second;
        known_kind = true;
        head_word = head->first;
      }
    }
    if (j < end_) {
      if (auto head = lex_.name_heads.find(seg_.tokens[j].Lower());
          head != lex_.name_heads.end() && !seg_.tokens[j].capitalized) {
        kind = head->second;
        known_kind = true;
        head_word = head->first;
        ++j;
      } else if (auto cue = lex_.place_cues.find(seg_.tokens[j].Lower());
                 cue != lex_.place_cues.end()) {
        kind = cue->second;  // "Idlib province"
        known_kind = true;
      }
    }
    if (!known_kind && !pending->role.empty()) {
      kind = pending->role_kind;
      known_kind = true;
    }
    if (!known_kind && i >= first_ + 2 && seg_.tokens[i - 1].lower == "of" &&
        lex_.place_cues.count(seg_.tokens[i - 2].Lower())) {
      kind = EntityKind::kLocation;  // "the town of X"
      known_kind = true;
    }
    if (!known_kind && i > first_ &&
        (seg_.tokens[i - 1].lower == "mr" || seg_.tokens[i - 1].lower == "mr." ||
         seg_.tokens[i - 1].lower == "mrs." || seg_.tokens[i - 1].lower == "ms.")) {
      kind = EntityKind::kPerson;
      known_kind = true;
    }
    if (!known_kind && i > first_ &&
        (seg_.tokens[i - 1].lower == "in" || seg_.tokens[i - 1].lower == "near") && j - i <= 2) {
      kind = EntityKind::kLocation;  // "in Idlib", "near Homs": a place more often than not
      known_kind = true;
    }
    bool guessed_kind = false;
    if (!known_kind && j - i >= 2 && j - i <= 3) {
      bool plain_words = true;
      for (uint32_t t = i; t < j; ++t) {
        const Token& token = seg_.tokens[t];
        plain_words = plain_words && token.capitalized && !token.all_caps;
      }
      if (plain_words) {
        kind = EntityKind::kPerson;  // "Jane Doe"; places come from cues or gazetteer
        guessed_kind = true;
      }
    }
    if (sentence_initial && j - i == 1 && !known_kind && !capitalised_inside_.count(first.text)) {
      pending->Clear();
      return;  // "Confronting the group ...": an ordinary word, capitalised by position
    }
    std::string surface = SurfaceOf(i, j);
    EntityMention mention = MakeMention(i, j, surface, kind);
    mention.guessed_kind = guessed_kind;
    const std::string affiliation_code = pending->code;
    ApplyPending(pending, &mention);
    // The actor code: the affiliation's country, then the role its head word or title gives.
    std::string role_code;
    if (auto code = lex_.name_head_code.find(head_word); code != lex_.name_head_code.end()) {
      role_code = code->second;
    } else if (auto title = lex_.title_code.find(mention.role); title != lex_.title_code.end()) {
      role_code = title->second;
    }
    if (role_code.empty() && affiliation_code.size() > 3 &&
        affiliation_code.compare(0, 3, mention.country) == 0) {
      mention.code = affiliation_code;  // "Kremlin spokesman Dmitry Peskov": RUSGOV
    } else if (kind != EntityKind::kLocation && kind != EntityKind::kOther) {
      mention.code = mention.country + role_code;
    }
    out_->push_back(std::move(mention));
  }

  void ApplyPending(Pending* pending, EntityMention* mention) const {
    if (!pending->role.empty()) mention->role = pending->role;
    // "Indonesian Red Cross": a known body with its own code is not the demonym's.
    const bool own_code = mention->from_gazetteer && !mention->code.empty();
    if (!pending->country.empty() && mention->country.empty() && !own_code)
      mention->country = pending->country;
    pending->Clear();
  }

  std::string SurfaceOf(uint32_t i, uint32_t j) const {
    std::string surface;
    for (uint32_t t = i; t < j; ++t) {
      if (t > i) surface += ' ';
      surface += seg_.tokens[t].text;
    }
    return surface;
  }

  EntityMention MakeMention(uint32_t i, uint32_t j, std::string canonical, EntityKind kind) const {
    EntityMention mention;
    mention.sentence = sentence_;
    mention.first_token = i;
    mention.end_token = j;
    mention.surface = SurfaceOf(i, j);
    mention.canonical = std::move(canonical);
    mention.kind = kind;
    return mention;
  }

  uint32_t MatchTitleConst(uint32_t i) const {
    const std::string* value = nullptr;
    return MatchPhrase(lex_.titles, i, /*lower=*/true, &value);
  }
  uint32_t MatchTitle(uint32_t i) { return MatchPhrase(lex_.titles, i, true, &title_value_); }
  uint32_t MatchGazetteerConst(uint32_t i) const {
    const GazetteerEntry* value = nullptr;
    return MatchPhrase(lex_.gazetteer, i, false, &value);
  }
  uint32_t MatchGazetteer(uint32_t i) {
    return MatchPhrase(lex_.gazetteer, i, false, &gazetteer_value_);
  }

  // Longest phrase of `table` starting at token i, within the sentence. Case
  // matters for names, except that an all-caps word ("MOSCOW") may match its
  // title-case form.
  template <typename Value>
  uint32_t MatchPhrase(const PhraseTable<Value>& table, uint32_t i, bool lower,
                       const Value** value) const {
    auto retitled = [&](uint32_t t) {
      const Token& token = seg_.tokens[t];
      return token.all_caps && token.text.size() > 3;
    };
    std::string title_cased;  // the word below, when it is retitled
    auto word = [&](uint32_t t, bool title_case) -> std::string_view {
      const Token& token = seg_.tokens[t];
      if (lower) return token.lower;
      if (!title_case || !retitled(t)) return token.text;
      title_cased = TitleCase(token.text);
      return title_cased;
    };
    for (bool title_case : {false, true}) {
      if (lower && title_case) break;
      if (title_case) {
        // The second pass reads all-caps words in title case; without one in reach it
        // would repeat the first.
        bool any = false;
        for (uint32_t t = i; t < end_ && t < i + table.max_length && !any; ++t) any = retitled(t);
        if (!any) break;
      }
      const Token& first = seg_.tokens[i];
      HashedWord key = lower ? first.Lower() : first.Text();
      if (!lower && title_case && retitled(i)) {
        key.text = word(i, true);  // title_cased, which lives until the next call of word()
        key.hash = ShortStringHash(key.text);
      }
      const auto* bucket = table.by_first_token.Find(key);
      if (!bucket) continue;
      for (const auto& phrase : *bucket) {  // longest first
        if (i + phrase.tokens.size() > end_) continue;
        bool match = true;
        for (std::size_t k = 1; k < phrase.tokens.size() && match; ++k) {
          match = word(i + static_cast<uint32_t>(k), title_case) == phrase.tokens[k];
        }
        if (match) {
          *value = &phrase.value;
          return static_cast<uint32_t>(phrase.tokens.size());
        }
      }
    }
    return 0;
  }

  const Segmented& seg_;
  const Lexicons& lex_;
  const std::unordered_set<std::string_view>& capitalised_inside_;
  std::vector<EntityMention>* out_;
  uint32_t sentence_ = 0, first_ = 0, end_ = 0;
  const std::string* title_value_ = nullptr;
  const GazetteerEntry* gazetteer_value_ = nullptr;
};

}  // namespace

std::vector<EntityMention> FindEntityMentions(const Segmented& seg, const Lexicons& lex) {
  // Words the document writes capitalised where position does not force it.
  std::unordered_set<std::string_view> capitalised_inside;
  std::size_t capitalised = 0;
  for (const Sentence& sentence : seg.sentences) {
    if (sentence.heading) continue;  // headlines capitalise everything
    for (uint32_t t = sentence.first_token + 1; t < sentence.end_token; ++t) {
      const Token& previous = seg.tokens[t - 1];
      if (seg.tokens[t].capitalized && previous.is_word)
        capitalised_inside.insert(seg.tokens[t].text);
    }
  }
  for (const Token& token : seg.tokens) capitalised += token.capitalized ? 1 : 0;
  std::vector<EntityMention> mentions;
  // Most names start at a capital: room for them all at once, for a mention holds seven strings
  // and each regrowth of the vector moved them all.
  mentions.reserve(capitalised + 4);
  SentenceReader reader(seg, lex, capitalised_inside, &mentions);
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    if (!seg.sentences[s].furniture) reader.Read(s);
  }

  // A surname alone links to the full name introduced in the same document:
  // "Rex Tillerson ... Tillerson said".
  std::unordered_map<std::string_view, std::size_t> person_by_surname;
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const EntityMention& mention = mentions[m];
    if (mention.kind == EntityKind::kPerson && mention.end_token - mention.first_token >= 2) {
      person_by_surname.emplace(seg.tokens[mention.end_token - 1].text, m);
    }
  }
  for (EntityMention& mention : mentions) {
    if (mention.end_token - mention.first_token != 1 || mention.from_gazetteer) continue;
    if (mention.kind != EntityKind::kOther && mention.kind != EntityKind::kPerson) continue;
    auto full = person_by_surname.find(seg.tokens[mention.first_token].text);
    if (full == person_by_surname.end()) continue;
    const EntityMention& named = mentions[full->second];
    mention.canonical = named.canonical;
    mention.kind = EntityKind::kPerson;
    mention.guessed_kind = named.guessed_kind;
    if (mention.country.empty()) mention.country = named.country;
    if (mention.code.empty()) mention.code = named.code;
  }
  LinkShortNames(seg, lex, &mentions);
  MarkDateline(seg, lex, &mentions);
  LinkPlaces(seg, lex, &mentions);
  return mentions;
}

void LinkShortNames(const Segmented& seg, const Lexicons& lex,
                    std::vector<EntityMention>* mentions) {
  // "Baltica Freight Group ... Baltica Freight ... Baltica": an organisation named with a head word
  // is also written without it, and by its first words.
  std::unordered_map<std::string, std::size_t> organisation_by_prefix;
  for (std::size_t m = 0; m < mentions->size(); ++m) {
    const EntityMention& org = (*mentions)[m];
    if (org.kind != EntityKind::kOrganization || org.from_gazetteer) continue;
    const uint32_t last = org.end_token - 1;
    // A lower-case head ("Trump administration") follows the name of someone else.
    if (last == org.first_token || !lex.name_heads.count(seg.tokens[last].Text()) ||
        !seg.tokens[last].capitalized) {
      continue;
    }
    std::string prefix;
    for (uint32_t t = org.first_token; t < last; ++t) {
      if (t > org.first_token) prefix += ' ';
      prefix += seg.tokens[t].text;
      if (!lex.non_names.count(seg.tokens[t].Text())) organisation_by_prefix.emplace(prefix, m);
    }
  }
  for (EntityMention& mention : *mentions) {
    // A titled person ("President Lena Ortiz") is no short name of anything.
    if (mention.from_gazetteer || !mention.role.empty()) continue;
    auto org = organisation_by_prefix.find(mention.canonical);
    if (org == organisation_by_prefix.end()) continue;
    const EntityMention& full = (*mentions)[org->second];
    mention.canonical = full.canonical;
    mention.kind = EntityKind::kOrganization;
    if (mention.country.empty()) mention.country = full.country;
    mention.code = full.code;
    mention.role.clear();
  }
}

bool MarkDatelineIn(const Segmented& seg, const Sentence& sentence,
                    std::vector<EntityMention>* mentions);

void MarkDateline(const Segmented& seg, const Lexicons&, std::vector<EntityMention>* mentions) {
  // "PALU, Indonesia — ..." or "MOSCOW (AP) — ...": the capitals that open the first paragraph of
  // an article name the place it was filed from.
  for (const Sentence& sentence : seg.sentences) {
    if (sentence.begin > kDatelineBytes) break;
    if (!sentence.furniture && MarkDatelineIn(seg, sentence, mentions)) return;
  }
}

bool MarkDatelineIn(const Segmented& seg, const Sentence& sentence,
                    std::vector<EntityMention>* mentions) {
  const Sentence* body = &sentence;
  uint32_t t = body->first_token;
  while (t < body->end_token && seg.tokens[t].all_caps) ++t;
  if (t == body->first_token || t >= body->end_token) return false;
  const uint32_t place_end = t;
  std::string country;
  if (seg.tokens[t].text == "," && t + 1 < body->end_token) {
    for (const EntityMention& m : *mentions) {
      if (m.first_token == t + 1 && m.kind == EntityKind::kCountry) {
        country = m.country;
        t = m.end_token;
      }
    }
  }
  const std::string_view next = t < body->end_token ? seg.tokens[t].text : std::string_view();
  if (next != "\xE2\x80\x94" && next != "\xE2\x80\x93" && next != "-" && next != "(") return false;
  for (EntityMention& m : *mentions) {
    if (m.first_token != body->first_token || m.end_token != place_end) continue;
    if (m.kind == EntityKind::kCountry) return true;  // "SYRIA —": already a country
    m.kind = EntityKind::kLocation;
    if (!m.from_gazetteer) m.canonical = TitleCaseWords(m.canonical);
    if (m.country.empty()) m.country = country;
    return true;
  }
  // Not yet a mention: a lone capitalised word opening a sentence is dropped as ordinary.
  EntityMention place;
  place.sentence = static_cast<uint32_t>(body - seg.sentences.data());
  place.first_token = body->first_token;
  place.end_token = place_end;
  for (uint32_t k = place.first_token; k < place_end; ++k) {
    if (k > place.first_token) place.surface += ' ';
    place.surface += seg.tokens[k].text;
  }
  place.canonical = TitleCaseWords(place.surface);
  place.kind = EntityKind::kLocation;
  place.country = country;
  auto at = std::find_if(mentions->begin(), mentions->end(), [&](const EntityMention& m) {
    return m.first_token >= place.first_token;
  });
  mentions->insert(at, std::move(place));
  return true;
}

void LinkPlaces(const Segmented& seg, const Lexicons& lex, std::vector<EntityMention>* mentions) {
  // A subdivision of the place's own name: "Idlib" is the province SY-ID. A name found in several
  // countries is taken only when the mention's country picks one.
  auto subdivision_of = [&](const EntityMention& place) -> const Subdivision* {
    std::string name = AsciiLower(place.canonical);
    auto found = lex.subdivisions_by_name.find(name);
    // "Kisumu County", "Idlib Province": the name without its place word.
    if (std::size_t space = name.rfind(' '); found == lex.subdivisions_by_name.end() &&
                                             space != std::string::npos &&
                                             lex.place_cues.count(name.substr(space + 1))) {
      found = lex.subdivisions_by_name.find(name.substr(0, space));
    }
    if (found == lex.subdivisions_by_name.end()) return nullptr;
    const Subdivision* only = nullptr;
    for (const std::string& code : found->second) {
      const Subdivision& sub = lex.subdivisions.at(code);
      if (!place.country.empty() && sub.country != place.country) continue;
      if (only && only->country != sub.country) return nullptr;
      if (!only) only = &sub;
    }
    return only;
  };
  for (EntityMention& place : *mentions) {
    if (place.kind != EntityKind::kLocation || !place.region.empty()) continue;
    if (const Subdivision* sub = subdivision_of(place)) {
      place.region = sub->code;
      place.region_name = sub->name;
      if (place.country.empty()) place.country = sub->country;
    }
  }
  // "X in (northern) Y", "X, Y": a place inside another takes its country and region.
  for (std::size_t m = 0; m + 1 < mentions->size(); ++m) {
    EntityMention& inner = (*mentions)[m];
    const EntityMention& outer = (*mentions)[m + 1];
    if (inner.kind != EntityKind::kLocation || inner.sentence != outer.sentence) continue;
    if (outer.kind != EntityKind::kLocation && outer.kind != EntityKind::kCountry) continue;
    uint32_t t = inner.end_token;
    const std::string_view between = seg.tokens[t].lower;
    if (between == "in" && t + 1 < outer.first_token) {
      ++t;  // a direction word: "in northern Syria"
      if (!lex.place_directions.count(seg.tokens[t].Lower())) continue;
    }
    if (t + 1 != outer.first_token || (between != "in" && between != ",")) continue;
    if (inner.country.empty()) inner.country = outer.country;
    if (inner.country != outer.country) continue;
    if (inner.region.empty()) {
      inner.region = outer.region;
      inner.region_name = outer.region_name;
    }
  }
}

void ResolveSeats(const Segmented& seg, const Lexicons& lex, DocumentMentions* mentions) {
  std::vector<bool> agent(mentions->entities.size(), false);
  for (const EventMention& event : mentions->events) {
    for (const EventArgument& argument : event.arguments) {
      if (argument.role == ArgumentRole::kAgent) agent[argument.entity] = true;
    }
  }
  // Words that may stand between a subject and its verb: "Washington has also said".
  static const char* const kBetween[] = {"has", "have", "had", "will", "would", "also", "again",
                                         "is",  "was",  "now", "then", "still", "not",  "'s"};
  for (std::size_t m = 0; m < mentions->entities.size(); ++m) {
    EntityMention& mention = mentions->entities[m];
    if (!mention.seat) continue;
    if (mention.modifier) {
      mention.code.clear();  // "Kremlin spokesman": the spokesman carries the code
      continue;
    }
    bool acting = agent[m];
    const uint32_t end = seg.sentences[mention.sentence].end_token;
    for (uint32_t t = mention.end_token; !acting && t < end; ++t) {
      const std::string_view word = seg.tokens[t].lower;
      if (lex.acting_verbs.count(word)) {
        acting = true;
      } else if (std::find(std::begin(kBetween), std::end(kBetween), word) == std::end(kBetween)) {
        break;
      }
    }
    if (!acting) {
      mention.code.clear();  // a place where something happens is no actor
      continue;
    }
    auto name = lex.country_names.find(mention.country);
    if (name == lex.country_names.end()) continue;
    mention.canonical = name->second;
    mention.kind = EntityKind::kCountry;
    mention.role = "government";
    mention.region.clear();
    mention.region_name.clear();
    mention.seat = false;
  }
}

}  // namespace eventgraph
