#include "label.h"

#include <map>

#include "eventgraph/text_util.h"

namespace eventgraph {
namespace {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// Replaces every {name}; returns false when a placeholder has no value.
bool Substitute(const std::string& text, const std::map<std::string, std::string>& values,
                std::string* out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('{', pos);
    if (open == std::string::npos) {
      *out += text.substr(pos);
      break;
    }
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) {
      *out += text.substr(pos);
      break;
    }
    *out += text.substr(pos, open - pos);
    auto value = values.find(text.substr(open + 1, close - open - 1));
    if (value == values.end() || value->second.empty()) return false;
    *out += value->second;
    pos = close + 1;
  }
  return true;
}

}  // namespace

std::string FillLabel(const Lexicons& lexicons, const Event& event,
                      const std::vector<Entity>& entities) {
  std::map<std::string, int> triggers;
  for (const Mention& mention : event.mentions) triggers[AsciiLower(mention.trigger)]++;
  std::string trigger;
  int best = 0;
  for (const auto& [text, n] : triggers) {
    if (n > best) {
      trigger = text;
      best = n;
    }
  }
  std::string capitalised = trigger;
  if (!capitalised.empty() && capitalised[0] >= 'a' && capitalised[0] <= 'z')
    capitalised[0] -= 'a' - 'A';

  std::vector<std::string> agents, targets, locations, everyone;
  for (const Participant& p : event.participants) {
    const std::string& name = entities[p.entity].name;
    if (p.role == "agent") agents.push_back(name);
    if (p.role == "target") targets.push_back(name);
    if (p.role == "location") locations.push_back(name);
    if (p.role != "location") everyone.push_back(name);
  }
  // {participants} fills symmetric templates ("Meeting of ...", "Fighting between ..."), where who
  // met whom is one relation: targets take part too. A headline names people when it can, and no
  // more than three.
  std::vector<std::string> people;
  for (const Participant& p : event.participants) {
    if (p.role != "location" && entities[p.entity].kind == "person") {
      people.push_back(entities[p.entity].name);
    }
  }
  if (people.size() >= 2) everyone = people;
  if (everyone.size() > 3) everyone.resize(3);
  std::map<std::string, std::string> values = {
      {"Trigger", capitalised},
      {"trigger", trigger},
      {"agent", agents.empty() ? "" : agents.front()},
      {"target", JoinNames(std::vector<std::string>(
                     targets.begin(), targets.begin() + std::min<std::size_t>(2, targets.size())))},
      {"location", locations.empty() ? "" : locations.front()},
      {"participants", everyone.size() >= 2 ? JoinNames(everyone) : ""},
  };
  const EventType* type = lexicons.FindEventType(event.type);
  std::string pattern = type ? type->label : "{Trigger}";
  std::string label;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t open = pattern.find('[', pos);
    std::string fixed =
        pattern.substr(pos, open == std::string::npos ? std::string::npos : open - pos);
    std::string filled;
    if (!Substitute(fixed, values, &filled)) filled = capitalised;  // a required part is missing
    label += filled;
    if (open == std::string::npos) break;
    std::size_t close = pattern.find(']', open);
    if (close == std::string::npos) break;
    std::string optional;
    if (Substitute(pattern.substr(open + 1, close - open - 1), values, &optional))
      label += optional;
    pos = close + 1;
  }
  return label.empty() ? capitalised : label;
}

}  // namespace eventgraph
