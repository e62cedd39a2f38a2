// Fuzz target: date parsing (metadata, feeds, text) and URL dates.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigie/text/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)vigie::text::ParseDate(s, "fr");
  (void)vigie::text::ParseDate(s, "en");
  (void)vigie::text::DateFromUrl(s);
  return 0;
}
