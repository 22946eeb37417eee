// Entity resolution: see entity_resolution.h.
#include <algorithm>
#include <cstdint>
#include <map>

#include "entity_resolution.h"
#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

// The key a person's surname or first name is compared by: lower case,
// particles such as "al-" dropped ("al-Assad" ~ "Assad").
std::string NameKey(const std::string& word) {
  std::string lower = Utf8Lower(word);
  for (const char* particle : {"al-", "el-", "ad-", "as-", "an-"}) {
    if (StartsWith(lower, particle) && lower.size() > 3) return lower.substr(3);
  }
  return lower;
}

bool FirstNamesCompatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  std::size_t n = std::min<std::size_t>({4, a.size(), b.size()});
  return a.compare(0, n, b, 0, n) == 0;
}

}  // namespace

std::string RawEntity::Key() const {
  const std::string* const fields[] = {&surface, &canonical, &country,    &role,
                                       &code,    &region,    &region_name};
  // Sized exactly: a guess left most keys of a two-word name one reallocation short.
  std::size_t size = 3;
  for (const std::string* field : fields) size += field->size() + 1;
  for (const std::string& word : words) size += word.size() + 1;
  std::string key;
  key.reserve(size);
  for (const std::string* field : fields) {
    key += *field;
    key += '\x1f';
  }
  key += static_cast<char>('0' + static_cast<int>(kind));
  key += from_gazetteer ? 'g' : '-';
  key += guessed_kind ? '?' : '-';
  for (const std::string& word : words) {
    key += '\x1f';
    key += word;
  }
  return key;
}

std::vector<Entity> ResolveEntities(const std::vector<RawEntity>& raw,
                                    std::vector<std::size_t>* cluster_of) {
  struct Cluster {
    std::vector<std::size_t> members;
    std::string first_name;  // persons: the key of the first name, when known
  };
  std::vector<Cluster> clusters;
  std::map<std::string, std::size_t> by_key;
  std::map<std::string, std::vector<std::size_t>> persons_by_surname;
  cluster_of->assign(raw.size(), SIZE_MAX);

  auto join = [&](const std::string& key, std::size_t member) {
    auto [it, inserted] = by_key.emplace(key, clusters.size());
    if (inserted) clusters.push_back({});
    clusters[it->second].members.push_back(member);
    (*cluster_of)[member] = it->second;
  };
  // Pass 1: named things and full person names.
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const RawEntity& e = raw[i];
    if (e.from_gazetteer) {
      join("g|" + e.canonical, i);
    } else if (e.kind == EntityKind::kPerson && e.words.size() >= 2) {
      std::string surname = NameKey(e.words.back());
      std::string first = NameKey(e.words.front());
      auto& candidates = persons_by_surname[surname];
      std::size_t chosen = SIZE_MAX;
      for (std::size_t c : candidates) {
        if (FirstNamesCompatible(clusters[c].first_name, first)) {
          chosen = c;
          break;
        }
      }
      if (chosen == SIZE_MAX) {
        chosen = clusters.size();
        clusters.push_back({{}, first});
        candidates.push_back(chosen);
      }
      clusters[chosen].members.push_back(i);
      (*cluster_of)[i] = chosen;
    }
  }
  // Pass 2: a lone word joins the one person with that surname; the rest by name.
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if ((*cluster_of)[i] != SIZE_MAX) continue;
    const RawEntity& e = raw[i];
    // "Assad" (whatever kind a cue guessed) or "Bashar al-Assad" (no title
    // seen) joins the one person known by that surname and first name.
    if (e.kind != EntityKind::kCountry && e.kind != EntityKind::kGroup && e.words.size() <= 3) {
      auto found = persons_by_surname.find(NameKey(e.words.back()));
      if (found != persons_by_surname.end() && found->second.size() == 1 &&
          (e.words.size() == 1 || FirstNamesCompatible(clusters[found->second.front()].first_name,
                                                       NameKey(e.words.front())))) {
        clusters[found->second.front()].members.push_back(i);
        (*cluster_of)[i] = found->second.front();
        continue;
      }
    }
    join("n|" + Utf8Lower(e.canonical), i);
  }

  std::vector<Entity> entities;
  for (const Cluster& cluster : clusters) {
    Entity entity;
    std::map<std::string, int> names, surfaces, countries, roles, codes, regions;
    std::map<std::string, std::string> region_names;
    std::map<EntityKind, int> kinds;
    bool gazetteer = false;
    for (std::size_t m : cluster.members) {
      const RawEntity& e = raw[m];
      gazetteer = gazetteer || e.from_gazetteer;
      // Full names are preferred as the display name of a person.
      const int count = static_cast<int>(e.count);
      names[e.canonical] += (e.words.size() >= 2 || e.from_gazetteer ? 10 : 1) * count;
      surfaces[e.surface] += count;
      // A kind the text gives ("in Kalma", a title) outweighs the guess that two plain words are
      // a person: a town told "near Kalma Falls" and "to Kalma Falls" is not a person.
      if (e.kind != EntityKind::kOther) kinds[e.kind] += (e.guessed_kind ? 1 : 3) * count;
      if (!e.country.empty()) countries[e.country] += count;
      if (!e.role.empty()) roles[e.role] += count;
      if (!e.code.empty()) codes[e.code] += count;
      if (!e.region.empty()) {
        regions[e.region] += count;
        region_names[e.region] = e.region_name;
      }
    }
    auto most = [](const std::map<std::string, int>& counts) {
      std::string best;
      int best_count = -1;
      for (const auto& [name, n] : counts) {
        if (n > best_count || (n == best_count && name.size() > best.size())) {
          best = name;
          best_count = n;
        }
      }
      return best;
    };
    entity.name = most(names);
    for (const auto& [surface, n] : surfaces) entity.aliases.push_back(surface);
    if (std::find(entity.aliases.begin(), entity.aliases.end(), entity.name) ==
        entity.aliases.end()) {
      entity.aliases.push_back(entity.name);
      std::sort(entity.aliases.begin(), entity.aliases.end());
    }
    EntityKind kind = EntityKind::kOther;
    int kind_count = 0;
    for (const auto& [k, n] : kinds) {
      if (n > kind_count) {
        kind = k;
        kind_count = n;
      }
    }
    entity.kind = EntityKindName(kind);
    entity.country = most(countries);
    entity.role = most(roles);
    entity.code = most(codes);
    entity.region = most(regions);
    if (!entity.region.empty()) entity.region_name = region_names[entity.region];
    std::size_t mentions = 0;
    for (std::size_t m : cluster.members) mentions += raw[m].count;
    entity.mentions = static_cast<int>(mentions);
    entities.push_back(std::move(entity));
  }
  return entities;
}

}  // namespace eventgraph
