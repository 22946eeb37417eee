// The model file: "EGSYNTAX", a format version, then each part in order.
// Every count is checked against what is left of the file, so a truncated or
// foreign file is an error naming the file, never a crash.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "model.h"

namespace eventgraph::syntax_internal {
namespace {

constexpr char kMagic[8] = {'E', 'G', 'S', 'Y', 'N', 'T', 'A', 'X'};
constexpr uint32_t kVersion = 2;  // 2: transitions and relations chosen by two classifiers
constexpr uint64_t kMaxCount = uint64_t{1} << 26;

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  template <typename T>
  void Put(T value) {
    out_.write(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void PutString(std::string_view text) {
    Put<uint32_t>(static_cast<uint32_t>(text.size()));
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  std::ostream& out_;
};

class Reader {
 public:
  explicit Reader(std::istream& in) : in_(in) {}
  template <typename T>
  bool Get(T* value) {
    return static_cast<bool>(in_.read(reinterpret_cast<char*>(value), sizeof *value));
  }
  bool GetString(std::string* text) {
    uint32_t size = 0;
    if (!Get(&size) || size > (1u << 20)) return false;
    text->resize(size);
    return size == 0 || static_cast<bool>(in_.read(text->data(), size));
  }
  bool GetCount(uint64_t* count) { return Get(count) && *count <= kMaxCount; }

 private:
  std::istream& in_;
};

template <typename Value, typename PutValue>
void PutMap(Writer& writer, const FlatWordMap<Value>& map, PutValue put_value) {
  writer.Put<uint64_t>(map.size());
  for (const auto& [key, value] : map) {
    writer.PutString(key);
    put_value(value);
  }
}

template <typename Value, typename GetValue>
bool GetMap(Reader& reader, FlatWordMap<Value>* map, GetValue get_value) {
  uint64_t count = 0;
  if (!reader.GetCount(&count)) return false;
  std::string key;
  for (uint64_t i = 0; i < count; ++i) {
    Value value{};
    if (!reader.GetString(&key) || !get_value(&value)) return false;
    (*map)[key] = std::move(value);
  }
  return true;
}

}  // namespace

Status WriteModel(const SyntaxModel::Parts& parts, const std::string& path) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Status(StatusCode::kIoError, "cannot write the model", temporary);
    Writer writer(out);
    out.write(kMagic, sizeof kMagic);
    writer.Put<uint32_t>(kVersion);
    writer.PutString(parts.info.description);
    PutMap(writer, parts.wordnet.lemmas, [&](uint8_t mask) { writer.Put<uint8_t>(mask); });
    for (const auto& irregular : parts.wordnet.irregular) {
      PutMap(writer, irregular, [&](const std::string& base) { writer.PutString(base); });
    }
    const TaggerTables& tagger = parts.tagger;
    writer.Put<uint64_t>(tagger.upos.size());
    for (std::size_t tag = 0; tag < tagger.upos.size(); ++tag) {
      writer.Put<uint8_t>(static_cast<uint8_t>(tagger.upos[tag]));
      writer.PutString(tagger.xpos[tag]);
    }
    PutMap(writer, tagger.unambiguous, [&](uint16_t tag) { writer.Put<uint16_t>(tag); });
    PutMap(writer, tagger.ambiguity, [&](uint64_t hash) { writer.Put<uint64_t>(hash); });
    tagger.weights.Write(out);
    PutMap(writer, parts.lemmatizer.by_form_and_tag,
           [&](const std::string& lemma) { writer.PutString(lemma); });
    writer.Put<uint64_t>(parts.parser.relations.size());
    for (const std::string& relation : parts.parser.relations) writer.PutString(relation);
    parts.parser.transitions.Write(out);
    parts.parser.labels.Write(out);
    out.write("END.", 4);
    out.flush();
    if (!out) return Status(StatusCode::kIoError, "cannot write the model", temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return Status(StatusCode::kIoError, "cannot rename into place: " + error.message(), path);
  return Status();
}

Result<SyntaxModel> ReadModel(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(StatusCode::kNotFound,
                  "cannot open the syntax model (retrain it with scripts/train-syntax)", path);
  }
  auto bad = [&](const std::string& what) {
    return Status(StatusCode::kDataError,
                  "not a usable eventgraph syntax model (" + what +
                      "); retrain it with scripts/train-syntax",
                  path);
  };
  char magic[sizeof kMagic] = {};
  if (!in.read(magic, sizeof magic) || !std::equal(magic, magic + sizeof magic, kMagic)) {
    return bad("wrong magic number");
  }
  Reader reader(in);
  uint32_t version = 0;
  if (!reader.Get(&version) || version != kVersion) {
    return bad("format version " + std::to_string(version) + ", expected " +
               std::to_string(kVersion));
  }
  auto parts = std::make_unique<SyntaxModel::Parts>();
  if (!reader.GetString(&parts->info.description)) return bad("truncated description");
  if (!GetMap(reader, &parts->wordnet.lemmas, [&](uint8_t* mask) { return reader.Get(mask); })) {
    return bad("truncated WordNet lemmas");
  }
  for (auto& irregular : parts->wordnet.irregular) {
    if (!GetMap(reader, &irregular, [&](std::string* base) { return reader.GetString(base); })) {
      return bad("truncated WordNet forms");
    }
  }
  TaggerTables& tagger = parts->tagger;
  uint64_t tags = 0;
  if (!reader.GetCount(&tags) || tags == 0 || tags > 65535) return bad("tag table");
  for (uint64_t tag = 0; tag < tags; ++tag) {
    uint8_t upos = 0;
    std::string xpos;
    if (!reader.Get(&upos) || upos > static_cast<uint8_t>(Upos::kX) || !reader.GetString(&xpos)) {
      return bad("tag table");
    }
    tagger.upos.push_back(static_cast<Upos>(upos));
    tagger.xpos.push_back(std::move(xpos));
  }
  if (!GetMap(reader, &tagger.unambiguous,
              [&](uint16_t* tag) { return reader.Get(tag) && *tag < tags; })) {
    return bad("tag dictionary");
  }
  if (!GetMap(reader, &tagger.ambiguity, [&](uint64_t* hash) { return reader.Get(hash); })) {
    return bad("ambiguity classes");
  }
  if (!tagger.weights.Read(in, tags)) return bad("tagger weights");
  if (!GetMap(reader, &parts->lemmatizer.by_form_and_tag,
              [&](std::string* lemma) { return reader.GetString(lemma); })) {
    return bad("lemma table");
  }
  uint64_t relations = 0;
  if (!reader.GetCount(&relations) || relations == 0 || relations > 64) return bad("relations");
  parts->parser.relations.resize(relations);
  for (std::string& relation : parts->parser.relations) {
    if (!reader.GetString(&relation)) return bad("relations");
  }
  const std::vector<std::string>& names = parts->parser.relations;
  const auto root = std::find(names.begin(), names.end(), "root");
  if (root == names.end()) return bad("relations (no root)");
  parts->parser.root_relation = static_cast<int>(root - names.begin());
  for (const std::string& name : parts->parser.relations) {
    parts->parser.groups.push_back(RelationGroup(name));
  }
  if (!parts->parser.transitions.Read(in, kTransitions)) return bad("transition weights");
  if (!parts->parser.labels.Read(in, relations)) return bad("relation weights");
  char end[4] = {};
  if (!in.read(end, 4) || std::string_view(end, 4) != "END.") return bad("no end marker");
  if (in.peek() != std::char_traits<char>::eof()) return bad("bytes after the end marker");
  SyntaxModelInfo& info = parts->info;
  info.tags = tags;
  info.relations = relations;
  info.tagger_features = tagger.weights.features();
  info.parser_features = parts->parser.transitions.features() + parts->parser.labels.features();
  info.lemma_forms = parts->lemmatizer.by_form_and_tag.size();
  return SyntaxModel(std::move(parts));
}

}  // namespace eventgraph::syntax_internal
