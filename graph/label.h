// Internal to the graph module: a short human headline for an event.
#pragma once

#include <string>
#include <vector>

#include "eventgraph/graph.h"

namespace eventgraph {

// Fills the ontology's label template for the event's type. Placeholders:
// {Trigger} (the most frequent trigger, capitalised), {trigger}, {agent},
// {target}, {location}, {participants} ("A, B and C": agents and
// participants). A bracketed part "[ in {location}]" is dropped when any of
// its placeholders has no value.
std::string FillLabel(const Lexicons& lexicons, const Event& event,
                      const std::vector<Entity>& entities);

}  // namespace eventgraph
