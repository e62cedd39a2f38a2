// Fuzz target: the text layer on raw bytes (not repaired first: Analyze must take any input).
// Checks the invariants callers rely on: sentences in order inside the input, token offsets
// inside their sentence, code point spans consistent with byte spans.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "vigie/text/analyzer.h"

namespace {

// Opened once: loading the lexicons takes a fifth of a second. Never destroyed, like the
// process-wide defaults of vigie (leaks are fine in a fuzzer).
vigie::text::Analyzer* TheAnalyzer() {
  static vigie::text::Analyzer* const a = [] {
    auto opened = vigie::text::Analyzer::Open();
    return opened.ok() ? std::move(opened).value().release() : nullptr;
  }();
  return a;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (const auto& t : vigie::text::Tokenize(s)) Check(t.begin < t.end && t.end <= s.size());
  vigie::text::Analyzer* a = TheAnalyzer();
  if (a == nullptr) return 0;  // no dictionaries on this machine: the tokenizer was checked
  for (std::string_view lang : {"fr", "en"}) {
    uint32_t last = 0;
    for (const auto& sentence : a->Analyze(s, lang)) {
      Check(sentence.offset >= last);
      Check(s.substr(sentence.offset, sentence.text.size()) == sentence.text);
      last = sentence.offset + static_cast<uint32_t>(sentence.text.size());
      uint32_t cp = 0;
      for (const auto& t : sentence.tokens) {
        Check(t.begin < t.end && t.end <= sentence.text.size());
        Check(t.cp_begin >= cp && t.cp_begin < t.cp_end &&
              t.cp_end - t.cp_begin <= t.end - t.begin);
        cp = t.cp_end;
      }
    }
  }
  return 0;
}
