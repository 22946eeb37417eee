// Entity mentions -> entity mentions whose boundaries follow the noun phrase.
//
// The lexicon rules find names piece by piece: a gazetteer name, then a
// capitalised run. Where two mentions stand side by side and the parse makes
// the first a noun inside the second's phrase (compound, flat), they
// are one name: "West Germany" is not the West and Germany, "Singapore
// Airlines" is not Singapore and "Airlines". The joined mention takes the kind
// and affiliation of the phrase's head (the second) and its own canonical name,
// the words as written; it no longer stands for the gazetteer entry of a part.
#include "entities_internal.h"

namespace eventgraph {
namespace {

// The word of a mention that heads the others, or kNoWord.
uint32_t HeadWord(const DocumentMentions& mentions, const EntityMention& mention) {
  for (uint32_t t = mention.first_token; t < mention.end_token; ++t) {
    const uint32_t w = mentions.token_word[t];
    if (w == DocumentMentions::kNoWord) continue;
    const int32_t head = mentions.words[w].head;
    if (head < 0 || mentions.words[head].token < mention.first_token ||
        mentions.words[head].token >= mention.end_token)
      return w;
  }
  return DocumentMentions::kNoWord;
}

// Does `from`'s head word attach into `into` as a part of one name: a noun or proper noun in a
// compound or flat relation?
bool AttachesInside(const DocumentMentions& mentions, const EntityMention& from,
                    const EntityMention& into) {
  const uint32_t w = HeadWord(mentions, from);
  if (w == DocumentMentions::kNoWord) return false;
  const SyntaxWord& word = mentions.words[w];
  const std::string_view relation = word.relation.substr(0, word.relation.find(':'));
  // An adjective ("Paris-based", "Sunni-dominated") describes a name; it is not part of it.
  if (relation != "compound" && relation != "flat") return false;
  if (word.upos != Upos::kPropn && word.upos != Upos::kNoun) return false;
  return word.head >= 0 && mentions.words[word.head].token >= into.first_token &&
         mentions.words[word.head].token < into.end_token;
}

// Are two mentions side by side one name? The first compounded into the second ("Singapore
// Airlines"), or the second a flat continuation of the first (UD's flat names are head-first:
// "West" <- "Germany").
bool OneName(const DocumentMentions& mentions, const EntityMention& first,
             const EntityMention& second) {
  if (AttachesInside(mentions, first, second)) return true;
  const uint32_t w = HeadWord(mentions, second);
  return w != DocumentMentions::kNoWord && mentions.words[w].relation == "flat" &&
         AttachesInside(mentions, second, first);
}

// "Paris-based", "NATO-led", "Sunni-dominated": a capitalised word with a lower-case part after a
// hyphen describes the name after it; it is not part of it.
bool DescribesName(std::string_view token) {
  const std::size_t hyphen = token.rfind('-');
  return hyphen != std::string_view::npos && hyphen + 1 < token.size() &&
         token[hyphen + 1] >= 'a' && token[hyphen + 1] <= 'z';
}

// Rewrites `mention` to span [first, end) with the kind and affiliation of `head_part`.
void Respan(const Segmented& segmented, uint32_t first, uint32_t end, const EntityMention& head_part,
            EntityMention* mention) {
  EntityMention joined = head_part;
  joined.first_token = first;
  joined.end_token = end;
  joined.surface.clear();
  for (uint32_t t = first; t < end; ++t) {
    if (t > first) joined.surface += ' ';
    joined.surface += segmented.tokens[t].text;
  }
  joined.canonical = joined.surface;
  joined.code.clear();
  joined.region.clear();
  joined.region_name.clear();
  joined.seat = false;
  joined.from_gazetteer = false;
  *mention = std::move(joined);
}

}  // namespace

void JoinNamesOfOneNounPhrase(const Segmented& segmented, const Lexicons& lexicons,
                              DocumentMentions* mentions) {
  std::vector<EntityMention>& entities = mentions->entities;
  if (mentions->words.empty() || entities.empty()) return;
  std::vector<int> at(segmented.tokens.size(), -1);
  for (std::size_t m = 0; m < entities.size(); ++m) {
    for (uint32_t t = entities[m].first_token; t < entities[m].end_token; ++t)
      at[t] = static_cast<int>(m);
  }
  std::vector<bool> gone(entities.size(), false);
  // Right to left, so that a mention grown by joining can take the one before it too.
  for (std::size_t m = entities.size(); m-- > 0;) {
    EntityMention& mention = entities[m];
    if (gone[m] || mention.modifier || mention.first_token == 0) continue;
    const uint32_t before = mention.first_token - 1;
    const Sentence& sentence = segmented.sentences[mention.sentence];
    if (before < sentence.first_token) continue;
    if (at[before] >= 0) {
      // Two mentions side by side: "Singapore" + "Airlines".
      const auto other = static_cast<std::size_t>(at[before]);
      EntityMention& left = entities[other];
      // A place the rules took for the affiliation of the name after it joins that name when it
      // is a proper noun inside it and the name is a company's or body's the gazetteer does not
      // know ("Kenya Airways"); a demonym stays an affiliation ("Russian Foreign Ministry").
      const uint32_t left_word = HeadWord(*mentions, left);
      const bool joinable_affiliation =
          left.modifier && left_word != DocumentMentions::kNoWord &&
          mentions->words[left_word].upos == Upos::kPropn &&
          mention.kind == EntityKind::kOrganization && !mention.from_gazetteer;
      if (gone[other] || (left.modifier && !joinable_affiliation) || !left.role.empty() ||
          lexicons.demonyms.Find(left.surface) ||
          DescribesName(segmented.tokens[left.end_token - 1].text) ||
          !OneName(*mentions, left, mention))
        continue;
      const uint32_t first = left.first_token;
      Respan(segmented, first, mention.end_token, mention, &left);
      gone[m] = true;
      for (uint32_t t = first; t < left.end_token; ++t) at[t] = static_cast<int>(other);
      continue;
    }
    // A capitalised word the rules left out, which the parse puts inside the name: "West" of
    // "West Germany" (left out as a sentence's first word), unless it is a title ("General"),
    // or the end of the title the rules found before the name ("Harbour Master Tove Lind").
    const Token& token = segmented.tokens[before];
    const uint32_t w = mentions->token_word[before];
    if (!mention.role.empty() || !token.capitalized || w == DocumentMentions::kNoWord ||
        mentions->words[w].upos != Upos::kPropn || DescribesName(token.text) ||
        lexicons.titles.by_first_token.Find(token.Lower()) ||
        lexicons.non_names.Find(token.Text()) || lexicons.demonyms.Find(token.Text()))
      continue;
    EntityMention single = mention;
    single.first_token = before;
    single.end_token = before + 1;
    if (!OneName(*mentions, single, mention)) continue;
    Respan(segmented, before, mention.end_token, mention, &mention);
    at[before] = static_cast<int>(m);
  }
  std::vector<EntityMention> kept;
  kept.reserve(entities.size());
  for (std::size_t m = 0; m < entities.size(); ++m) {
    if (!gone[m]) kept.push_back(std::move(entities[m]));
  }
  entities = std::move(kept);
}

}  // namespace eventgraph
