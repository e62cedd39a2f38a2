// text_throughput: speed of the text layer (sentence split + tokenize + lemmatize) on one core.
//
//   text_throughput [CORPUS_DIR]     (default data/corpus/wikinews: en.jsonl, fr.jsonl)
//
// Workloads (each prints MB/s of text and sentences/s):
//   open     Analyzer::Open: hunspell fr + en_US, WordNet index and exception lists.
//   cold     the first Analyze() pass over every "text" of the corpus with a fresh Analyzer:
//            every new word form goes to hunspell / WordNet (the memo is empty).
//   warm     the same texts again with the same Analyzer (best of 3): the steady state of a
//            long-running process, where nearly every word is in the memo.
//   scan     SplitSentences + Tokenize only (no lexicon), best of 3, for reference.
// Then the process's resident memory (VmRSS, VmHWM) once everything is loaded and warm.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <time.h>

#include "vigie/text/analyzer.h"

namespace fs = std::filesystem;

namespace {

struct Doc {
  std::string text;
  std::string lang;
};

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

// CPU time of this thread: on a shared machine, wall time also counts other processes.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::vector<Doc> LoadJsonl(const fs::path& path) {
  std::vector<Doc> docs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
    Doc d;
    d.text = j["text"].get<std::string>();
    d.lang = j.value("lang", "en");
    docs.push_back(std::move(d));
  }
  return docs;
}

struct Totals {
  size_t sentences = 0;
  size_t tokens = 0;
};

Totals AnalyzeAll(vigie::text::Analyzer* a, const std::vector<Doc>& docs) {
  Totals t;
  for (const Doc& d : docs) {
    for (const auto& s : a->Analyze(d.text, d.lang)) {
      ++t.sentences;
      t.tokens += s.tokens.size();
    }
  }
  return t;
}

Totals ScanAll(const std::vector<Doc>& docs) {
  Totals t;
  for (const Doc& d : docs) {
    for (const auto& span : vigie::text::SplitSentences(d.text, d.lang)) {
      ++t.sentences;
      t.tokens +=
          vigie::text::Tokenize(std::string_view(d.text).substr(span.begin, span.end - span.begin))
              .size();
    }
  }
  return t;
}

// Rates per CPU second (per core), with the wall time for reference.
void Report(const char* name, size_t bytes, const Totals& t, double cpu, double wall) {
  std::printf(
      "%-5s %6.2f MB/s  %8.0f sentences/s  %9.0f tokens/s  (%zu sentences, %.3f s CPU, "
      "%.3f s wall)\n",
      name, bytes / 1e6 / cpu, t.sentences / cpu, t.tokens / cpu, t.sentences, cpu, wall);
}

void PrintMemory() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0 || line.rfind("VmHWM:", 0) == 0) {
      std::printf("%s\n", line.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc >= 2 ? argv[1] : "data/corpus/wikinews";
  std::vector<Doc> docs;
  for (const char* name : {"fr.jsonl", "en.jsonl"}) {
    std::vector<Doc> part = LoadJsonl(dir / name);
    docs.insert(docs.end(), part.begin(), part.end());
  }
  if (docs.empty()) {
    std::fprintf(stderr, "no texts in %s/{fr,en}.jsonl\n", dir.c_str());
    return 2;
  }
  size_t bytes = 0;
  for (const Doc& d : docs) bytes += d.text.size();
  std::printf("corpus: %zu texts, %.2f MB\n", docs.size(), bytes / 1e6);

  auto t0 = std::chrono::steady_clock::now();
  double c0 = CpuSeconds();
  auto opened = vigie::text::Analyzer::Open();
  double open_cpu = CpuSeconds() - c0, open_wall = Seconds(t0);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
    return 2;
  }
  std::printf("open  %.3f s CPU, %.3f s wall\n", open_cpu, open_wall);
  vigie::text::Analyzer* analyzer = opened->get();

  t0 = std::chrono::steady_clock::now();
  c0 = CpuSeconds();
  Totals cold = AnalyzeAll(analyzer, docs);
  Report("cold", bytes, cold, CpuSeconds() - c0, Seconds(t0));

  // Best of 3 runs: the machine is shared and noisy.
  auto best_of_3 = [&](const char* name, auto run) {
    double cpu = 1e9, wall = 1e9;
    Totals t;
    for (int k = 0; k < 3; ++k) {
      auto w0 = std::chrono::steady_clock::now();
      double k0 = CpuSeconds();
      t = run();
      cpu = std::min(cpu, CpuSeconds() - k0);
      wall = std::min(wall, Seconds(w0));
    }
    Report(name, bytes, t, cpu, wall);
  };
  best_of_3("warm", [&] { return AnalyzeAll(analyzer, docs); });
  best_of_3("scan", [&] { return ScanAll(docs); });
  PrintMemory();
  return 0;
}
