// Internal to the graph module: entity mentions of the whole corpus ->
// canonical entities. Names are grouped by gazetteer canonical name; persons
// by surname with compatible first names ("Sergey"/"Sergei"), and a lone
// surname joins the one person known by it; everything else by its name.
#pragma once

#include <string>
#include <vector>

#include "eventgraph/extract.h"
#include "eventgraph/graph.h"

namespace eventgraph {

// One entity mention, as the builder keeps it across documents.
struct RawEntity {
  std::size_t document = 0;
  std::string surface, canonical, country, role, code, region, region_name;
  EntityKind kind = EntityKind::kOther;
  bool from_gazetteer = false;
  std::vector<std::string> words;
};

// Canonical entities; fills `cluster_of` (raw entity -> entity index). The
// name, kind, country, role, actor code and region of an entity are the most
// frequent among its mentions.
std::vector<Entity> ResolveEntities(const std::vector<RawEntity>& raw,
                                    std::vector<std::size_t>* cluster_of);

}  // namespace eventgraph
