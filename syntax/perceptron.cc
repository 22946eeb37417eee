// The averaged perceptron's stores (see perceptron.h).
#include "perceptron.h"

#include <algorithm>
#include <cmath>

namespace eventgraph::syntax_internal {

void AveragedWeights::SetClasses(std::size_t classes) {
  classes_ = classes;
  padded_ = (classes + 3) / 4 * 4;
}

void AveragedWeights::AddRow(uint64_t feature, const Entry* entries, uint32_t count) {
  rows_.push_back({feature, static_cast<uint32_t>(entries_.size()), count});
  entries_.insert(entries_.end(), entries, entries + count);
}

void AveragedWeights::Finish() {
  float largest = 0.0f;
  for (const Entry& entry : entries_) largest = std::max(largest, std::fabs(entry.weight));
  scale_ = largest > 0.0f ? largest / 32767.0f : 1.0f;
  std::size_t capacity = 1024;
  while (capacity * 2 < rows_.size() * 3) capacity *= 2;
  mask_ = capacity - 1;
  packed_.clear();
  dense_.clear();
  slots_.clear();
  inline_.clear();
  if (classes_ <= kInlineClasses) {
    inline_.assign(capacity, InlineSlot{});
    for (const Row& row : rows_) {
      InlineSlot filled;
      filled.check = InlineCheck(row.feature);
      for (uint32_t k = 0; k < row.count; ++k) {
        const Entry& entry = entries_[row.offset + k];
        filled.weight[entry.cls] = static_cast<int16_t>(std::lround(entry.weight / scale_));
      }
      for (std::size_t slot = row.feature & mask_;; slot = (slot + 1) & mask_) {
        if (inline_[slot].check == 0) {
          inline_[slot] = filled;
          break;
        }
      }
    }
    return;
  }
  slots_.assign(capacity, Slot{});
  uint32_t dense_rows = 0;
  for (const Row& row : rows_) {
    const Entry* entries = entries_.data() + row.offset;
    uint32_t ref;
    // A sparse entry costs one scattered add, a dense row one add per class, four at a time.
    if (row.count * 4 > padded_) {
      ref = kDense | dense_rows++;
      dense_.resize(dense_.size() + padded_, 0.0f);
      float* dense = dense_.data() + dense_.size() - padded_;
      for (uint32_t k = 0; k < row.count; ++k) dense[entries[k].cls] = entries[k].weight;
    } else {
      ref = static_cast<uint32_t>(packed_.size());
      packed_.push_back(row.count);
      for (uint32_t k = 0; k < row.count; ++k) {
        const auto quantum = static_cast<int16_t>(std::lround(entries[k].weight / scale_));
        packed_.push_back(uint32_t{entries[k].cls} << 16 | static_cast<uint16_t>(quantum));
      }
    }
    const uint32_t check = static_cast<uint32_t>(row.feature >> 32);
    for (std::size_t slot = row.feature & mask_;; slot = (slot + 1) & mask_) {
      if (slots_[slot].ref == kEmpty) {
        slots_[slot] = {check, ref};
        break;
      }
    }
  }
}

namespace {
template <typename T>
void Put(std::ostream& out, T value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}
template <typename T>
bool Get(std::istream& in, T* value) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(value), sizeof *value));
}
}  // namespace

// Layout: row count, entry count, then per row (feature, entry count), then the entries as
// (class uint16, weight float).
void AveragedWeights::Write(std::ostream& out) const {
  Put<uint64_t>(out, rows_.size());
  Put<uint64_t>(out, entries_.size());
  for (const Row& row : rows_) {
    Put<uint64_t>(out, row.feature);
    Put<uint32_t>(out, row.count);
  }
  for (const Entry& entry : entries_) {
    Put<uint16_t>(out, entry.cls);
    Put<float>(out, entry.weight);
  }
}

bool AveragedWeights::Read(std::istream& in, std::size_t classes) {
  uint64_t row_count = 0, entry_count = 0;
  if (!Get(in, &row_count) || !Get(in, &entry_count)) return false;
  // Counts are checked against the bytes the file has left before anything is allocated, so a
  // crafted count cannot ask for gigabytes.
  const std::streampos here = in.tellg();
  in.seekg(0, std::ios::end);
  const std::streamoff left = in.tellg() - here;
  in.seekg(here);
  if (here < 0 || left < 0 || row_count > static_cast<uint64_t>(left) / 12 ||
      entry_count > (static_cast<uint64_t>(left) - row_count * 12) / 6)
    return false;
  *this = AveragedWeights();
  SetClasses(classes);
  rows_.reserve(row_count);
  uint64_t total = 0;
  for (uint64_t i = 0; i < row_count; ++i) {
    Row row;
    if (!Get(in, &row.feature) || !Get(in, &row.count) || row.count > classes) return false;
    row.offset = static_cast<uint32_t>(total);
    total += row.count;
    if (total > entry_count) return false;
    rows_.push_back(row);
  }
  if (total != entry_count) return false;
  entries_.resize(entry_count);
  for (Entry& entry : entries_) {
    if (!Get(in, &entry.cls) || !Get(in, &entry.weight)) return false;
    if (entry.cls >= classes || !std::isfinite(entry.weight)) return false;
  }
  Finish();
  return true;
}

void TrainingWeights::Score(const uint64_t* features, std::size_t count, float* scores) const {
  for (std::size_t i = 0; i < count; ++i) {
    auto found = rows_.find(features[i]);
    if (found == rows_.end()) continue;
    for (const Entry& entry : found->second) scores[entry.cls] += entry.weight;
  }
}

void TrainingWeights::Update(const uint64_t* features, std::size_t count, std::size_t cls,
                             float delta, uint64_t now) {
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<Entry>& row = rows_[features[i]];
    auto entry = std::find_if(row.begin(), row.end(),
                              [cls](const Entry& e) { return e.cls == cls; });
    if (entry == row.end()) {
      row.push_back({static_cast<uint16_t>(cls), 0.0f, 0.0, now});
      entry = row.end() - 1;
    }
    entry->total += static_cast<double>(now - entry->stamp) * entry->weight;
    entry->stamp = now;
    entry->weight += delta;
  }
}

AveragedWeights TrainingWeights::Average(uint64_t now, float prune, float prune_rows) const {
  std::vector<uint64_t> features;
  features.reserve(rows_.size());
  for (const auto& [feature, row] : rows_) features.push_back(feature);
  std::sort(features.begin(), features.end());
  AveragedWeights averaged;
  averaged.SetClasses(classes_);
  std::vector<AveragedWeights::Entry> kept;
  for (uint64_t feature : features) {
    kept.clear();
    float largest = 0.0f;
    for (const Entry& entry : rows_.at(feature)) {
      double total = entry.total + static_cast<double>(now - entry.stamp) * entry.weight;
      float average = static_cast<float>(total / static_cast<double>(std::max<uint64_t>(now, 1)));
      largest = std::max(largest, std::fabs(average));
      if (std::fabs(average) >= prune && average != 0.0f) kept.push_back({average, entry.cls});
    }
    if (largest < prune_rows) continue;
    std::sort(kept.begin(), kept.end(),
              [](const auto& a, const auto& b) { return a.cls < b.cls; });
    if (!kept.empty()) averaged.AddRow(feature, kept.data(), static_cast<uint32_t>(kept.size()));
  }
  averaged.Finish();
  return averaged;
}

}  // namespace eventgraph::syntax_internal
