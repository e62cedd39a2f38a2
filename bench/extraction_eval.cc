// extraction_eval: accuracy and speed of HTML extraction on the shared benchmark sets.
//
//   extraction_eval zyte BENCH_DIR OUT.json
//       Extracts every page of the Zyte article-extraction benchmark (html/<id>.html.gz) and
//       writes {"version","output":{id:{"articleBody","title","date","author","ms"}}}, the shape
//       that ../shared/tools/peers/score-extraction.py scores. Prints pages, ms/page, MB/s.
//   extraction_eval trafilatura BENCH_DIR [--show]
//       Runs trafilatura's evaluation set (evaldata.json + eval/ and cache/ pages) and prints
//       title / author / date accuracy, main-text segment recall, boilerplate leaks, the share
//       of pages whose gold comment text leaks into the body and the share of gold comment
//       segments found in `comments` — the same definitions as peers/meta_check.mjs.
//
// Timing covers charset decoding + HTML parsing + extraction on one core (I/O and gunzip
// excluded, as in the peers' harness).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "bench_util.h"
#include "vigie/base/strings.h"
#include "vigie/ingest/charset.h"
#include "vigie/ingest/html_extractor.h"

namespace fs = std::filesystem;
using vigie::ingest::Document;

namespace {

std::string Body(const Document& doc) {
  std::string body;
  for (const auto& p : doc.paragraphs) {
    if (!body.empty()) body += "\n";
    body += p.text;
  }
  return body;
}

// Lower-cased (full Unicode, as JavaScript's toLowerCase), white space collapsed: the
// normalisation of meta_check.mjs, so that both tools are scored the same way.
std::string Norm(std::string_view s) {
  std::string collapsed = vigie::str::CollapseSpace(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(collapsed);
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

int RunZyte(const fs::path& dir, const std::string& out_path) {
  auto gt =
      nlohmann::json::parse(vigie::bench::ReadInput(dir / "ground-truth.json"), nullptr, false);
  if (gt.is_discarded()) {
    std::fprintf(stderr, "cannot read %s\n", (dir / "ground-truth.json").c_str());
    return 2;
  }
  std::vector<std::string> ids;
  for (auto it = gt.begin(); it != gt.end(); ++it) ids.push_back(it.key());
  std::sort(ids.begin(), ids.end());
  vigie::ingest::HtmlExtractor extractor;
  nlohmann::json output = nlohmann::json::object();
  double total_ms = 0;
  size_t total_bytes = 0;
  std::vector<double> times;
  for (const auto& id : ids) {
    std::string raw = vigie::bench::ReadInput(dir / "html" / (id + ".html.gz"));
    std::string url = gt[id].value("url", "");
    auto t0 = std::chrono::steady_clock::now();
    std::string html = vigie::ingest::DecodeToUtf8(raw, "", true);
    Document doc;
    extractor.Extract(html, url, &doc);
    auto t1 = std::chrono::steady_clock::now();
    double ms = Ms(t0, t1);
    total_ms += ms;
    total_bytes += raw.size();
    times.push_back(ms);
    output[id] = {{"articleBody", Body(doc)},
                  {"title", doc.title},
                  {"date", doc.date},
                  {"author", doc.author},
                  {"ms", ms}};
  }
  nlohmann::json result = {{"version", "vigie"}, {"output", output}};
  std::ofstream(out_path) << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::sort(times.begin(), times.end());
  std::printf("vigie: pages=%zu mean_ms=%.2f median_ms=%.2f p90_ms=%.2f pages/s=%.0f MB/s=%.1f\n",
              ids.size(), total_ms / ids.size(), times[times.size() / 2],
              times[times.size() * 9 / 10], ids.size() / (total_ms / 1000),
              total_bytes / 1e6 / (total_ms / 1000));
  return 0;
}

struct Tally {
  int pages = 0, title = 0, title_ok = 0, author = 0, author_ok = 0, date = 0, date_ok = 0,
      date_none = 0, with = 0, with_ok = 0, without = 0, without_leak = 0, comment_pages = 0,
      comment_leak = 0, comment_segments = 0, comment_found = 0;
  double ms = 0;
};

std::string Pct(int x, int y) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%d/%d = %.1f%%", x, y, y ? 100.0 * x / y : 0.0);
  return buf;
}

int RunTrafilatura(const fs::path& dir, bool show) {
  auto gold = nlohmann::json::parse(vigie::bench::ReadInput(dir / "evaldata.json"), nullptr, false);
  if (gold.is_discarded()) {
    std::fprintf(stderr, "cannot read %s\n", (dir / "evaldata.json").c_str());
    return 2;
  }
  vigie::ingest::HtmlExtractor extractor;
  Tally t;
  for (auto it = gold.begin(); it != gold.end(); ++it) {
    const auto& g = it.value();
    fs::path file = dir / "eval" / g.value("file", "");
    if (!fs::exists(file)) file = dir / "cache" / g.value("file", "");
    if (!fs::exists(file)) continue;
    std::string raw = vigie::bench::ReadInput(file);
    auto t0 = std::chrono::steady_clock::now();
    std::string html = vigie::ingest::DecodeToUtf8(raw, "", true);
    Document doc;
    extractor.Extract(html, it.key(), &doc);
    t.ms += Ms(t0, std::chrono::steady_clock::now());
    ++t.pages;
    std::string body = Norm(Body(doc));
    std::string comments;
    for (const auto& c : doc.comments) comments += Norm(c.text) + "\n";
    auto text_of = [&](const char* key) {
      return g.contains(key) && g[key].is_string() ? g[key].get<std::string>() : std::string();
    };
    if (std::string title = text_of("title"); !title.empty()) {
      ++t.title;
      bool ok = Norm(doc.title) == Norm(title);
      t.title_ok += ok;
      if (show && !ok)
        std::printf("TITLE %s\n  want: %s\n  got:  %s\n", it.key().c_str(), title.c_str(),
                    doc.title.c_str());
    }
    if (std::string author = text_of("author"); !author.empty()) {
      ++t.author;
      std::string first = Norm(vigie::str::Split(author, ';')[0]);
      bool ok = !doc.author.empty() && Norm(doc.author).find(first) != std::string::npos;
      t.author_ok += ok;
      if (show && !ok)
        std::printf("AUTHOR %s\n  want: %s\n  got:  %s\n", it.key().c_str(), author.c_str(),
                    doc.author.c_str());
    }
    if (std::string date = text_of("date"); !date.empty()) {
      ++t.date;
      if (doc.date.empty()) ++t.date_none;
      bool ok = doc.date.rfind(date, 0) == 0;
      t.date_ok += ok;
      if (show && !ok)
        std::printf("DATE %s\n  want: %s\n  got:  %s\n", it.key().c_str(), date.c_str(),
                    doc.date.c_str());
    }
    for (const auto& s : g.value("with", nlohmann::json::array())) {
      ++t.with;
      t.with_ok += body.find(Norm(s.get<std::string>())) != std::string::npos;
    }
    for (const auto& s : g.value("without", nlohmann::json::array())) {
      ++t.without;
      t.without_leak += body.find(Norm(s.get<std::string>())) != std::string::npos;
    }
    auto gold_comments = g.value("comments", nlohmann::json::array());
    if (!gold_comments.empty()) {
      ++t.comment_pages;
      bool leak = false;
      for (const auto& s : gold_comments) {
        std::string seg = Norm(s.get<std::string>());
        if (body.find(seg) != std::string::npos) leak = true;
        ++t.comment_segments;
        bool found = comments.find(seg) != std::string::npos;
        t.comment_found += found;
        if (show && !found) std::printf("COMMENT-MISSED %s: %s\n", it.key().c_str(), seg.c_str());
      }
      t.comment_leak += leak;
      if (show && leak) std::printf("COMMENT-LEAK %s\n", it.key().c_str());
    }
  }
  std::printf("pages=%d mean_ms=%.2f\n", t.pages, t.ms / std::max(1, t.pages));
  std::printf("title exact: %s\n", Pct(t.title_ok, t.title).c_str());
  std::printf("author in byline: %s\n", Pct(t.author_ok, t.author).c_str());
  std::printf("date exact: %s  (no date returned: %d)\n", Pct(t.date_ok, t.date).c_str(),
              t.date_none);
  std::printf("main-text segments found ('with'): %s\n", Pct(t.with_ok, t.with).c_str());
  std::printf("boilerplate segments leaked ('without'): %s\n",
              Pct(t.without_leak, t.without).c_str());
  std::printf("pages whose gold COMMENT text leaks into body: %s\n",
              Pct(t.comment_leak, t.comment_pages).c_str());
  std::printf("gold comment segments found in comments: %s\n",
              Pct(t.comment_found, t.comment_segments).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::string(argv[1]) == "zyte") return RunZyte(argv[2], argv[3]);
  if (argc >= 3 && std::string(argv[1]) == "trafilatura") {
    return RunTrafilatura(argv[2], argc >= 4 && std::string(argv[3]) == "--show");
  }
  std::fprintf(stderr,
               "usage: extraction_eval zyte BENCH_DIR OUT.json\n"
               "       extraction_eval trafilatura BENCH_DIR [--show]\n");
  return 1;
}
