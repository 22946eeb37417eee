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

// What an entity mention says of its entity. The builder keeps each distinct
// form once, with how many mentions have it: a corpus names the same few
// thousand entities millions of times.
struct RawEntity {
  std::string surface, canonical, country, role, code, region, region_name;
  EntityKind kind = EntityKind::kOther;
  bool from_gazetteer = false;
  bool guessed_kind = false;  // see EntityMention::guessed_kind
  std::vector<std::string> words;
  std::size_t count = 1;  // mentions of this form

  // Equal for two mentions of the same form, different otherwise.
  std::string Key() const;
};

// Canonical entities from the distinct forms, in the order each was first
// seen; fills `cluster_of` (form -> entity index). The name, kind, country,
// role, actor code and region of an entity are the most frequent among its
// mentions. Mentions of one form always resolve alike, so the result is the
// one every mention resolved in turn would give.
std::vector<Entity> ResolveEntities(const std::vector<RawEntity>& forms,
                                    std::vector<std::size_t>* cluster_of);

}  // namespace eventgraph
