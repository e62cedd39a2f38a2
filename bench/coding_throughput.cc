// coding_throughput: speed of the coding pipeline on one core (issue "event coder").
//
//   coding_throughput [FILE|DIR]...
//
// Reads the documents of the inputs (default: DATA/corpus/wikinews/{en,fr}.jsonl, the bundled
// Wikinews corpus) once into memory through DocumentReader, then times, best of 3:
//   text     text::Analyzer::Analyze on every text CodingPipeline::Code would code (the title
//            unless it repeats the first paragraph, the paragraphs, the comments), in the
//            language Code would choose: sentence split, tokens, lemmas, tags.
//   actors   CodingPipeline::Code with events=false: text + actor recognition.
//   events   CodingPipeline::Code with the defaults: text + actors + event coding.
// Each prints documents, sentences, MB of text (the bytes of those texts), sentences/s and
// MB/s. Single thread: run it under `taskset -c 0` for a per-core figure. Also reports the
// time of CodingPipeline::Open (lexicons, gazetteer, dictionaries) and the peak RSS
// (getrusage ru_maxrss) after reading the corpus, after loading and at the end.
// Targets (issue "event coder"): >= 5 MB/s for actors, >= 50,000 sentences/s for events.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>

#include "vigie/ingest/document.h"
#include "vigie/ingest/reader.h"
#include "vigie/pipeline/coding.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a) {
  return std::chrono::duration<double>(Clock::now() - a).count();
}

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // kilobytes on Linux
}

// The texts CodingPipeline::Code analyzes for `doc`, in its order.
std::vector<std::string_view> CodedTexts(const vigie::ingest::Document& doc) {
  std::vector<std::string_view> out;
  if (!doc.title.empty() && (doc.paragraphs.empty() || doc.paragraphs.front().text != doc.title)) {
    out.push_back(doc.title);
  }
  for (const auto& p : doc.paragraphs) out.push_back(p.text);
  for (const auto& c : doc.comments) out.push_back(c.text);
  return out;
}

// The language Code chooses with lang "auto".
const char* CodingLang(const vigie::ingest::Document& doc) {
  return doc.lang == "fr" ? "fr" : "en";
}

struct Run {
  double secs = 1e9;
  size_t sentences = 0;
  size_t found = 0;  // mentions or events
};

void Report(const char* name, size_t docs, size_t bytes, const Run& r, const char* found_name,
            const char* target) {
  std::printf("%-7s docs=%zu  sentences=%zu  %.2f MB  %.3f s  %.0f sentences/s  %.2f MB/s", name,
              docs, r.sentences, bytes / 1e6, r.secs, r.sentences / r.secs, bytes / 1e6 / r.secs);
  if (found_name) std::printf("  %s=%zu", found_name, r.found);
  if (target) std::printf("  %s", target);
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = vigie::pipeline::FindDataDir();
  std::vector<std::string> inputs(argv + 1, argv + argc);
  if (inputs.empty()) {
    inputs = {data_dir + "/corpus/wikinews/en.jsonl", data_dir + "/corpus/wikinews/fr.jsonl"};
  }

  std::vector<vigie::ingest::Document> docs;
  vigie::ingest::DocumentReader reader;
  int errors = 0;
  for (const auto& path : inputs) {
    reader
        .ReadPath(
            path, [&](vigie::ingest::Document&& d) { docs.push_back(std::move(d)); },
            [&](const vigie::Status& s) {
              ++errors;
              std::fprintf(stderr, "coding_throughput: %s\n", s.ToString().c_str());
            })
        .IgnoreError();  // reported through the error callback too
  }
  if (docs.empty()) {
    std::fprintf(stderr, "coding_throughput: no document read from the inputs\n");
    return 2;
  }
  size_t bytes = 0, texts = 0;
  for (const auto& d : docs) {
    for (auto t : CodedTexts(d)) {
      bytes += t.size();
      ++texts;
    }
  }
  std::printf(
      "corpus: %zu documents (%d read errors), %zu texts, %.2f MB of text; peak RSS "
      "%.0f MB\n",
      docs.size(), errors, texts, bytes / 1e6, PeakRssMb());

  std::vector<std::string> warnings;
  auto t0 = Clock::now();
  auto opened = vigie::pipeline::CodingPipeline::Open(data_dir, &warnings);
  double open_secs = Seconds(t0);
  if (!opened.ok()) {
    std::fprintf(stderr, "coding_throughput: cannot load %s: %s\n", data_dir.c_str(),
                 opened.status().ToString().c_str());
    return 2;
  }
  auto pipeline = std::move(opened).value();
  std::printf(
      "open:   %.3f s (lexicons + gazetteer %zu entries + dictionaries; %zu warnings)"
      "  peak RSS %.0f MB\n",
      open_secs, pipeline->gazetteer().size(), warnings.size(), PeakRssMb());

  Run text;
  for (int run = 0; run < 3; ++run) {
    size_t sentences = 0;
    auto t = Clock::now();
    for (const auto& d : docs) {
      const char* lang = CodingLang(d);
      for (auto s : CodedTexts(d)) sentences += pipeline->analyzer().Analyze(s, lang).size();
    }
    text.secs = std::min(text.secs, Seconds(t));
    text.sentences = sentences;
  }
  Report("text", docs.size(), bytes, text, nullptr, nullptr);

  auto code = [&](bool events) {
    Run r;
    vigie::pipeline::CodingOptions options;
    options.events = events;
    for (int run = 0; run < 3; ++run) {
      size_t sentences = 0, found = 0;
      auto t = Clock::now();
      for (const auto& d : docs) {
        auto coded = pipeline->Code(d, options);
        sentences += coded.sentences.size();
        for (const auto& s : coded.sentences) found += events ? s.events.size() : s.mentions.size();
      }
      r.secs = std::min(r.secs, Seconds(t));
      r.sentences = sentences;
      r.found = found;
    }
    return r;
  };
  Run actors = code(false);
  char target[96];
  std::snprintf(target, sizeof(target), "(target >= 5 MB/s: %s)",
                bytes / 1e6 / actors.secs >= 5 ? "met" : "NOT met");
  Report("actors", docs.size(), bytes, actors, "mentions", target);
  Run events = code(true);
  std::snprintf(target, sizeof(target), "(target >= 50000 sentences/s: %s)",
                events.sentences / events.secs >= 50000 ? "met" : "NOT met");
  Report("events", docs.size(), bytes, events, "events", target);
  std::printf("peak RSS at the end %.0f MB\n", PeakRssMb());
  return 0;
}
