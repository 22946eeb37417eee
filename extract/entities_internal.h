// Internal to the extract module: the stages ExtractMentions chains together.
#pragma once

#include <vector>

#include "eventgraph/extract.h"

namespace eventgraph {

std::vector<EntityMention> FindEntityMentions(const Segmented& segmented, const Lexicons& lexicons);

// Event triggers with their arguments and modality, then the relations that
// cue phrases state between two triggers of one sentence.
void FindEventMentions(const Segmented& segmented, const Lexicons& lexicons,
                       DocumentMentions* mentions);

}  // namespace eventgraph
