#pragma once
// Shared by the evaluation programs (event_eval, actors_eval): error exit, file reading,
// loading the coding pipeline, one-sentence documents and precision/recall/F1.

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
