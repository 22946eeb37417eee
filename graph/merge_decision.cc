#include "merge_decision.h"

#include <array>
#include <string>

namespace eventgraph {
namespace {

constexpr std::array<const char*, kJoinReasonCount> kReasonNames = {
    "actor-in-common",       "two-actors-in-common", "country-same-days",  "event-article-names",
    "mention-article-names", "place-in-common",      "same-article",       "weak-unique",
    "article-antecedent",    "article-salience",     "only-dated-of-type", "collective"};
constexpr std::array<const char*, 6> kNearestNames = {
    "", "outscored", "weak-not-unique", "no-evidence", "participants-conflict", "told-apart"};

}  // namespace

const char* JoinReasonName(int bit) {
  return bit >= 0 && bit < kJoinReasonCount ? kReasonNames[static_cast<std::size_t>(bit)] : "?";
}

std::string JoinReasonNames(uint16_t reasons) {
  std::string out;
  for (int bit = 0; bit < kJoinReasonCount; ++bit) {
    if ((reasons >> bit & 1u) == 0) continue;
    if (!out.empty()) out += ',';
    out += kReasonNames[static_cast<std::size_t>(bit)];
  }
  return out;
}

const char* NearestWhyName(NearestWhy why) {
  const auto index = static_cast<std::size_t>(why);
  return index < kNearestNames.size() ? kNearestNames[index] : "";
}

bool ParseJoinReasons(std::string_view names, uint16_t* reasons) {
  *reasons = 0;
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    const std::string_view name = names.substr(0, comma);
    int bit = 0;
    while (bit < kJoinReasonCount && name != kReasonNames[static_cast<std::size_t>(bit)]) ++bit;
    if (bit == kJoinReasonCount) return false;
    *reasons = static_cast<uint16_t>(*reasons | 1u << bit);
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
  }
  return true;
}

bool ParseNearestWhy(std::string_view name, NearestWhy* why) {
  for (std::size_t i = 0; i < kNearestNames.size(); ++i) {
    if (name == kNearestNames[i]) {
      *why = static_cast<NearestWhy>(i);
      return true;
    }
  }
  return false;
}

}  // namespace eventgraph
