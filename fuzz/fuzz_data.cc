// Fuzz target: the human-editable data files a user may edit or extend — event dictionaries
// (rules and cues), the CAMEO table and gazetteer TSV files. Bad lines must become warnings,
// never crashes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "vigie/actors/gazetteer.h"
#include "vigie/events/cameo.h"
#include "vigie/events/dictionary.h"

namespace {

const vigie::events::CameoTable& Cameo() {
  static const vigie::events::CameoTable* table = [] {
    auto t = vigie::events::CameoTable::Load(std::string(VIGIE_SOURCE_DATA_DIR) +
                                             "/cameo/cameo_codes_goldstein_quad.tsv");
    if (!t.ok()) std::abort();
    return t->release();
  }();
  return *table;
}

// The gazetteer reads a directory: one private directory per process, one file rewritten.
const std::filesystem::path& GazetteerDir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("vigie-fuzz-gazetteer-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  vigie::events::Dictionary dict("fr");
  dict.AddRules(text, "fuzz.dict", Cameo(), &warnings);
  dict.AddCues(text, "fuzz.cues", &warnings);
  (void)vigie::events::CameoTable::Parse(text);
  {
    std::ofstream out(GazetteerDir() / "fuzz.tsv", std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  (void)vigie::actors::Gazetteer::Load(GazetteerDir().string(), &warnings);
  return 0;
}
