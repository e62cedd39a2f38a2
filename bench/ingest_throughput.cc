// ingest_throughput: end-to-end ingestion speed on one core, through the public reader.
//
//   ingest_throughput PAGES_DIR [CORPUS_DIR]
//
// Workloads (each prints documents/s and MB/s of input):
//   html   every *.html / *.html.gz page under PAGES_DIR, read from memory, one record each,
//          through DocumentReader::Build (charset, parse, main text, comments, metadata,
//          NFC, language per paragraph, id) — the per-page cost of `vigie extract`.
//   warc   the same pages written once into a temporary WARC.gz (one gzip member per
//          record, HTTP response headers included, as Common Crawl stores them), then read
//          back with DocumentReader::ReadPath: streaming gunzip + WARC parsing + extraction.
//   jsonl  CORPUS_DIR (e.g. data/corpus) read with ReadPath: plain-text line classification.
// Every workload runs 3 times; the best run is reported (the machine is shared and noisy).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <zlib.h>

#include "bench_util.h"
#include "vigie/ingest/reader.h"

namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

void Report(const char* name, size_t docs, size_t bytes, double secs, const char* note) {
  std::printf("%-6s docs=%zu  %.0f docs/s  %.1f MB/s  (%.2f ms/doc)  %s\n", name, docs, docs / secs,
              bytes / 1e6 / secs, 1000.0 * secs / docs, note);
}

std::vector<std::string> LoadPages(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.find(".html") != std::string::npos) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> pages;
  for (const auto& f : files) pages.push_back(vigie::bench::ReadInput(f));
  return pages;
}

// Reads `path` with a fresh DocumentReader three times; returns the best time in seconds and
// the number of documents in *docs. Errors go to stderr.
double BestReadPath(const fs::path& path, size_t* docs) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    vigie::ingest::DocumentReader reader;
    *docs = 0;
    auto t0 = std::chrono::steady_clock::now();
    reader
        .ReadPath(
            path.string(), [&](vigie::ingest::Document&&) { ++*docs; },
            [](const vigie::Status& s) { std::fprintf(stderr, "%s\n", s.ToString().c_str()); })
        .IgnoreError();  // a failure to open is reported through the error callback too
    best = std::min(best, Seconds(t0));
  }
  return best;
}

void BenchHtml(const std::vector<std::string>& pages, size_t bytes) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    vigie::ingest::DocumentReader reader;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& page : pages) {
      vigie::ingest::RawRecord rec;
      rec.path = "bench";
      rec.format = vigie::ingest::Format::kHtml;
      rec.content = page;
      auto doc = reader.Build(std::move(rec));
      if (doc.id.empty()) std::abort();  // keep the work observable
    }
    best = std::min(best, Seconds(t0));
  }
  Report("html", pages.size(), bytes, best, "input = decompressed HTML");
}

void AppendGzipMember(const std::string& data, std::string* out) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string buf(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(buf.data());
  z.avail_out = static_cast<uInt>(buf.size());
  deflate(&z, Z_FINISH);
  out->append(buf.data(), z.total_out);
  deflateEnd(&z);
}

void BenchWarc(const std::vector<std::string>& pages) {
  fs::path path = fs::temp_directory_path() / "vigie_bench.warc.gz";
  std::string warc;
  size_t payload_bytes = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    std::string http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Length: " +
        std::to_string(pages[i].size()) + "\r\n\r\n" + pages[i];
    std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bench-" +
                      std::to_string(i) +
                      ">\r\nWARC-Date: 2024-08-05T10:00:00Z\r\n"
                      "WARC-Target-URI: https://news.example.org/2024/08/05/article-" +
                      std::to_string(i) +
                      ".html\r\nContent-Type: application/http; "
                      "msgtype=response\r\nContent-Length: " +
                      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    payload_bytes += rec.size();
    AppendGzipMember(rec, &warc);
  }
  std::ofstream(path, std::ios::binary) << warc;
  size_t docs = 0;
  double best = BestReadPath(path, &docs);
  char note[128];
  std::snprintf(note, sizeof(note), "input = %.1f MB uncompressed WARC (%.1f MB .warc.gz)",
                payload_bytes / 1e6, warc.size() / 1e6);
  Report("warc", docs, payload_bytes, best, note);
  fs::remove(path);
}

void BenchCorpus(const fs::path& dir) {
  size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) bytes += e.file_size();
  }
  size_t docs = 0;
  double best = BestReadPath(dir, &docs);
  Report("jsonl", docs, bytes, best, "input = bundled corpus files (text/JSONL)");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ingest_throughput PAGES_DIR [CORPUS_DIR]\n");
    return 1;
  }
  std::vector<std::string> pages = LoadPages(argv[1]);
  if (pages.empty()) {
    std::fprintf(stderr, "no .html pages under %s\n", argv[1]);
    return 2;
  }
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.size();
  BenchHtml(pages, bytes);
  BenchWarc(pages);
  if (argc >= 3) BenchCorpus(argv[2]);
  return 0;
}
