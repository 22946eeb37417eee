// Internal to the extract module: the stages ExtractMentions chains together.
#pragma once

#include <vector>

#include "eventgraph/extract.h"

namespace eventgraph {

std::vector<EntityMention> FindEntityMentions(const Segmented& segmented, const Lexicons& lexicons);

// Organisations written short: "Baltica Freight" or "Baltica" for an earlier
// or later "Baltica Freight Group" of the same document.
void LinkShortNames(const Segmented& segmented, const Lexicons& lexicons,
                    std::vector<EntityMention>* mentions);

// The place a dateline names ("PALU, Indonesia —"): a location, with its country.
void MarkDateline(const Segmented& segmented, const Lexicons& lexicons,
                  std::vector<EntityMention>* mentions);

// Places: the subdivision a place's name is (data/gazetteer/subdivisions.tsv),
// and the country and region of the place it is said to lie in ("X in Y").
void LinkPlaces(const Segmented& segmented, const Lexicons& lexicons,
                std::vector<EntityMention>* mentions);

// A capital or seat of government that acts - the agent of an event, or the
// subject of an acting verb ("Washington says") - stands for the government:
// its mention becomes the country, with the seat's actor code.
void ResolveSeats(const Segmented& segmented, const Lexicons& lexicons, DocumentMentions* mentions);

// Runs the backbone on each sentence that is not furniture: fills mentions->words and
// mentions->token_word (left empty / kNoWord without a model).
void AnalyseSentences(const Segmented& segmented, const SyntaxModel* model,
                      DocumentMentions* mentions);

// Side-by-side mentions that the parse puts in one noun phrase ("West Germany", "Singapore
// Airlines") become one mention, of the kind of the phrase's head (extract/noun_phrases.cc).
void JoinNamesOfOneNounPhrase(const Segmented& segmented, const Lexicons& lexicons,
                              DocumentMentions* mentions);

// Event triggers with their arguments and modality, then the relations that
// cue phrases state between two triggers of one sentence.
void FindEventMentions(const Segmented& segmented, const Lexicons& lexicons,
                       DocumentMentions* mentions);

}  // namespace eventgraph
