#pragma once
// Shared by the evaluation programs (event_eval, actors_eval; tests/actors_gold_test codes
// its gold the same way): error exit, file reading, loading the coding pipeline, gold lines
// as documents and precision/recall/F1.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "vigie/ingest/document.h"
#include "vigie/pipeline/coding.h"

namespace vigie::eval {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The program name that prefixes error messages; main() sets it.
inline const char* program = "eval";

[[noreturn]] inline void Fail(int code, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", program, message.c_str());
  std::exit(code);
}

// The whole file, or an exit naming it (and saying where benchmark sets live).
inline std::string ReadFileOrFail(const std::string& path, const char* what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    Fail(2, std::string(what) + " " + path + " not found" +
                (path.find("shared") != std::string::npos
                     ? " (the benchmark sets live in ../shared, absent from user clones)"
                     : ""));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (!in.good() && !in.eof()) Fail(2, "cannot read " + path);
  return ss.str();
}

inline std::unique_ptr<pipeline::CodingPipeline> OpenPipeline() {
  std::vector<std::string> warnings;
  const std::string data_dir = pipeline::FindDataDir();
  const auto t0 = Clock::now();
  auto p = pipeline::CodingPipeline::Open(data_dir, &warnings);
  const double secs = Seconds(t0);
  if (!p.ok()) Fail(2, "cannot load " + data_dir + ": " + p.status().ToString());
  std::printf("data %s loaded in %.2f s (%zu warnings)\n", data_dir.c_str(), secs, warnings.size());
  return std::move(p).value();
}

// A gold line as a document of one paragraph.
inline ingest::Document MakeDocument(const std::string& id, const std::string& lang,
                                     const std::string& date, const std::string& text) {
  ingest::Document doc;
  doc.id = id;
  doc.lang = lang;
  doc.date = date;
  doc.paragraphs.push_back({text, lang});
  return doc;
}

// Finds the actors and places of gold lines (CodingOptions{lang, date, events = false}), a
// paragraph a line. Consecutive lines with the same non-empty `doc` are one document, so that
// the recognizer has the article's context (ambiguous places, "le royaume", bare roles); any
// other line is a document of its own. Returns each line's sentences, in line order.
// `Line` has the strings id, doc, lang, date and text.
template <class Line>
std::vector<pipeline::CodedDocument> CodeForActors(pipeline::CodingPipeline* pipeline,
                                                   const std::vector<Line>& lines) {
  std::vector<pipeline::CodedDocument> out(lines.size());
  for (size_t first = 0, last = 0; first < lines.size(); first = last) {
    const Line& g = lines[first];
    ingest::Document doc = MakeDocument(g.id, g.lang, g.date, g.text);
    for (last = first + 1; last < lines.size() && !g.doc.empty() && lines[last].doc == g.doc;
         ++last) {
      doc.paragraphs.push_back({lines[last].text, lines[last].lang});
    }
    pipeline::CodingOptions options;
    options.lang = g.lang.empty() ? "auto" : g.lang;
    options.date = g.date;
    options.events = false;
    pipeline::CodedDocument whole = pipeline->Code(doc, options);
    for (auto& cs : whole.sentences) {
      if (cs.paragraph_index < 0) continue;  // no title, no comments here: cannot happen
      pipeline::CodedDocument& line = out[first + static_cast<size_t>(cs.paragraph_index)];
      line.lang = whole.lang;
      line.sentences.push_back(std::move(cs));
    }
  }
  return out;
}

struct Prf {
  double p = 0, r = 0, f1 = 0;
};
inline Prf Score(long tp, long fp, long fn) {
  Prf s;
  s.p = tp + fp ? double(tp) / double(tp + fp) : 0.0;
  s.r = tp + fn ? double(tp) / double(tp + fn) : 0.0;
  s.f1 = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0.0;
  return s;
}

}  // namespace vigie::eval
