// Fuzz target: charset detection + HTML extraction (main text, comments, metadata).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/ingest/charset.h"
#include "vigie/ingest/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vigie::ingest::HtmlExtractor* extractor = new vigie::ingest::HtmlExtractor();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string html = vigie::ingest::DecodeToUtf8(bytes, "", true);
  vigie::ingest::Document doc;
  extractor->Extract(html, "https://example.org/2024/08/05/a.html", &doc);
  return 0;
}
