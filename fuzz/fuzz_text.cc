// Fuzz target: plain-text line classification and extraction.
#include <cstddef>
#include <cstdint>
#include <string>

#include "vigie/base/utf8.h"
#include "vigie/ingest/text_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text =
      vigie::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data), size));
  vigie::ingest::Document doc;
  vigie::ingest::ExtractText(text, &doc);
  return 0;
}
