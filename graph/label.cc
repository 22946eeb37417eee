#include "label.h"

#include <algorithm>
#include <string_view>

#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

// The values a template's placeholders take; a label is made for each of a million events, so
// nothing here is looked up by string in a map or copied that can be read in place.
struct LabelValues {
  std::string trigger, capitalised, target, participants;
  std::string_view agent, location;

  std::string_view Find(std::string_view name) const {
    if (name == "Trigger") return capitalised;
    if (name == "trigger") return trigger;
    if (name == "agent") return agent;
    if (name == "target") return target;
    if (name == "location") return location;
    if (name == "participants") return participants;
    return {};
  }
};

void AppendJoined(const std::vector<std::string_view>& names, std::size_t count, std::string* out) {
  count = std::min(count, names.size());
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) *out += i + 1 == count ? " and " : ", ";
    *out += names[i];
  }
}

// Appends `text` with every {name} replaced; false when a placeholder has no value (`out` may
// then hold part of it).
bool Substitute(std::string_view text, const LabelValues& values, std::string* out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('{', pos);
    if (open == std::string_view::npos) {
      *out += text.substr(pos);
      break;
    }
    std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) {
      *out += text.substr(pos);
      break;
    }
    *out += text.substr(pos, open - pos);
    const std::string_view value = values.Find(text.substr(open + 1, close - open - 1));
    if (value.empty()) return false;
    *out += value;
    pos = close + 1;
  }
  return true;
}

}  // namespace

std::string FillLabel(const Lexicons& lexicons, const Event& event,
                      const std::vector<Entity>& entities) {
  LabelValues values;
  // The most frequent trigger, lower-cased; of equally frequent ones, the first in string order.
  {
    std::vector<std::pair<std::string, int>> triggers;
    for (const Mention& mention : event.mentions) {
      std::string lower = AsciiLower(mention.trigger);
      auto seen = std::find_if(triggers.begin(), triggers.end(),
                               [&](const auto& entry) { return entry.first == lower; });
      if (seen != triggers.end()) {
        ++seen->second;
      } else {
        triggers.emplace_back(std::move(lower), 1);
      }
    }
    const std::pair<std::string, int>* best = nullptr;
    for (const auto& entry : triggers) {
      if (!best || entry.second > best->second ||
          (entry.second == best->second && entry.first < best->first))
        best = &entry;
    }
    if (best) values.trigger = best->first;
  }
  values.capitalised = values.trigger;
  if (!values.capitalised.empty() && values.capitalised[0] >= 'a' && values.capitalised[0] <= 'z')
    values.capitalised[0] -= 'a' - 'A';

  std::vector<std::string_view> targets, everyone, people;
  for (const Participant& p : event.participants) {
    const Entity& entity = entities[p.entity];
    if (p.role == "agent" && values.agent.empty()) values.agent = entity.name;
    if (p.role == "target") targets.push_back(entity.name);
    if (p.role == "location" && values.location.empty()) values.location = entity.name;
    if (p.role != "location") {
      everyone.push_back(entity.name);
      if (entity.kind == "person") people.push_back(entity.name);
    }
  }
  // {participants} fills symmetric templates ("Meeting of ...", "Fighting between ..."), where who
  // met whom is one relation: targets take part too. A headline names people when it can, and no
  // more than three.
  if (people.size() >= 2) everyone.swap(people);
  AppendJoined(targets, 2, &values.target);
  if (everyone.size() >= 2) AppendJoined(everyone, 3, &values.participants);

  const EventType* type = lexicons.FindEventType(event.type);
  const std::string_view pattern = type ? std::string_view(type->label) : "{Trigger}";
  std::string label;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t open = pattern.find('[', pos);
    const std::string_view fixed =
        pattern.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos);
    const std::size_t before = label.size();
    if (!Substitute(fixed, values, &label)) {  // a required part is missing
      label.resize(before);
      label += values.capitalised;
    }
    if (open == std::string_view::npos) break;
    std::size_t close = pattern.find(']', open);
    if (close == std::string_view::npos) break;
    const std::size_t before_optional = label.size();
    if (!Substitute(pattern.substr(open + 1, close - open - 1), values, &label))
      label.resize(before_optional);
    pos = close + 1;
  }
  return label.empty() ? values.capitalised : label;
}

}  // namespace eventgraph
