// Fuzz target: the whole coding pipeline (text layer, actor recognizer, event coder) on a
// document made of the input, as `vigie ingest` would see it after reading (valid UTF-8, one
// paragraph a line). The first byte picks the language. Checks the invariants the store and
// the JSON writers rely on: mentions in token order, inside their sentence, non-overlapping;
// events pointing at a sentence of the document, with a CAMEO code, a quad class and a
// Goldstein score in range, and evidence inside the sentence.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/base/utf8.h"
#include "vigie/pipeline/coding.h"

namespace {

// Loaded once (the gazetteer and lexicons take a few tenths of a second). Never destroyed,
// like the process-wide defaults of vigie (leaks are fine in a fuzzer).
vigie::pipeline::CodingPipeline* ThePipeline() {
  static vigie::pipeline::CodingPipeline* const p = [] {
    auto opened = vigie::pipeline::CodingPipeline::Open(vigie::pipeline::FindDataDir(), nullptr);
    return opened.ok() ? std::move(opened).value().release() : nullptr;
  }();
  return p;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  vigie::pipeline::CodingPipeline* pipeline = ThePipeline();
  if (pipeline == nullptr) return 0;  // no lexicons on this machine
  vigie::ingest::Document doc;
  doc.id = "fuzz";
  doc.date = "2024-08-05";
  doc.lang = (data[0] & 1) ? "fr" : "en";
  const std::string text =
      vigie::utf8::Repair(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (!line.empty()) doc.paragraphs.push_back({std::string(line), doc.lang});
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  const auto coded = pipeline->Code(doc, vigie::pipeline::CodingOptions{});
  for (const auto& cs : coded.sentences) {
    const auto& s = cs.sentence;
    uint32_t after = 0;
    for (const auto& m : cs.mentions) {
      Check(m.first_token >= after && m.first_token < m.last_token &&
            m.last_token <= s.tokens.size());
      Check(m.begin < m.end && m.end <= s.text.size() && m.cp_begin < m.cp_end);
      after = m.last_token;
    }
    for (const auto& e : cs.events) {
      const size_t cps = vigie::utf8::CodePointCount(e.text);
      Check(e.sentence < coded.sentences.size());
      Check(e.root.size() == 2 && e.cameo.rfind(e.root, 0) == 0);
      Check(e.quad >= 1 && e.quad <= 4 && e.goldstein >= -10 && e.goldstein <= 10);
      Check(e.evidence_begin <= e.evidence_end && e.evidence_end <= cps);
    }
  }
  return 0;
}
