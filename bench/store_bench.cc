// store_bench: the event store (SqliteStore) at scale, on a synthetic database.
//
//   store_bench [--events N] [--db PATH] [--batch N] [--reuse] [--keep]
//   (N also from VIGIE_BENCH_EVENTS; default 1,000,000; e.g. --events 50000 for a quick run)
//
// The synthetic news stream: ~N/3.3 documents over 5 years (2020-2024), 3.3 coded events per
// document on average, 200 actors with a Zipf(1.1) popularity (a few countries make most of
// the news), 20 CAMEO roots with a skewed mix (statements, consultations and fights dominate),
// 300 sites (Zipf), 45% of events re-reporting a story already seen in the last days (so they
// aggregate), 2% of documents syndicated copies of a recent one (near-duplicates), 10% of
// documents with reader comments. Bodies are five ~20-word sentences from a 5,000-word
// vocabulary, so the full-text index has realistic work to do.
//
// Workloads:
//   insert   AddDocuments in batches of --batch documents (one transaction each): documents/s
//            and coded events (mentions)/s, through the public Store API.
//   size     database bytes (after the last connection checkpoints the WAL), per 1M events,
//            and the bytes of each table and index.
//   dyad     Dyad(a, b, month, both directions) for the busiest dyad and a middling one
//            (target: <= 50 ms at 1M events).
//   page     Events(filter, 50 rows) for: actor + root + one year; dyad + quad; root + one
//            month; actor alone, page 10 (target: <= 20 ms at 1M events).
//   other    Top(actors, one year), Shifts(busiest dyad), Search(two mid-frequency words, and
//            the two most frequent words of the synthetic vocabulary: the worst case).
// Query times are the median and the worst of 21 runs after one warm-up run.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "vigie/store/sqlite_store.h"

namespace fs = std::filesystem;
using vigie::store::SqliteStore;

namespace {

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

// Draws 0..n-1 with P(k) proportional to 1/(k+1)^s.
class Zipf {
 public:
  Zipf(int n, double s) {
    double sum = 0;
    for (int k = 0; k < n; ++k) cdf_.push_back(sum += 1.0 / std::pow(k + 1, s));
    for (double& c : cdf_) c /= sum;
  }
  int operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<int>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

std::string Day(int32_t days_since_2020) {
  // 2020-01-01 is day 18262 since 1970; civil_from_days, as in the store.
  int32_t z = 18262 + days_since_2020 + 719468;
  const int era = z / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int y = static_cast<int>(yoe) + era * 400 + (m <= 2);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

struct Story {
  int source, target, root;
  int32_t day;
  std::string cameo;
};

struct Generator {
  static constexpr int kActors = 200;
  static constexpr int kSites = 300;
  static constexpr int kDays = 5 * 365 + 1;
  std::mt19937_64 rng{20240804};
  Zipf actor{kActors, 1.1};
  Zipf site{kSites, 1.0};
  Zipf word{5000, 1.0};
  std::vector<double> root_weights = {12, 6, 7, 14, 8, 4, 3, 2, 2, 3, 6, 4, 3, 3, 3, 3, 4, 5, 8, 1};
  std::discrete_distribution<int> root{root_weights.begin(), root_weights.end()};
  std::vector<std::string> keys;
  std::deque<Story> recent;  // stories of the last days, for re-reports
  std::deque<std::pair<vigie::ingest::Document, std::vector<vigie::events::Event>>> recent_docs;

  Generator() {
    for (int i = 0; i < kActors; ++i) {
      char k[4] = {static_cast<char>('A' + i / 26 % 26), static_cast<char>('A' + i % 26),
                   static_cast<char>('A' + i / 676 + (i % 7)), 0};
      keys.push_back(std::string(k) + std::to_string(i % 10));
    }
  }

  std::string Words(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i) out.push_back(' ');
      out += "mot" + std::to_string(word(rng));
    }
    return out;
  }

  static double Goldstein(int root) {
    static const double kBase[] = {0,    1.0,  3.0,  4.0,  1.0,  3.5,   6.0,
                                   7.0,  5.0,  -2.0, -5.0, -2.0, -4.0,  -4.4,
                                   -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0};
    return kBase[root];
  }

  static int Quad(int root) { return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4; }

  vigie::actors::Actor Actor(int i) {
    vigie::actors::Actor a;
    a.country = keys[i];
    a.code = keys[i] + "GOV";
    a.role = "GOV";
    a.name = "Country " + keys[i];
    return a;
  }

  Story NewStory(int32_t day) {
    Story s;
    s.source = actor(rng);
    do {
      s.target = actor(rng);
    } while (s.target == s.source);
    s.root = root(rng) + 1;
    s.day = std::max(0, day - static_cast<int32_t>(rng() % 3));
    char cameo[16];
    const int sub = static_cast<int>(rng() % 10);
    std::snprintf(cameo, sizeof cameo, "%02d%d", s.root, sub < 3 ? 0 : sub % 4);
    s.cameo = cameo;
    return s;
  }

  // One document dated `day` with its sentences and events; `n` numbers documents.
  void Make(int64_t n, int32_t day, vigie::ingest::Document* doc,
            std::vector<vigie::store::SentenceInput>* sentences,
            std::vector<vigie::events::Event>* events) {
    *doc = {};
    sentences->clear();
    events->clear();
    char id[24];
    std::snprintf(id, sizeof id, "d%08lld", static_cast<long long>(n));
    const int site_no = site(rng);
    doc->id = id;
    doc->site = "site" + std::to_string(site_no) + ".example";
    doc->url = "https://" + doc->site + "/" + id;
    doc->date = Day(day);
    doc->lang = rng() % 3 == 0 ? "en" : "fr";
    // Syndicated copy of a recent document: same body and events, another site.
    if (!recent_docs.empty() && rng() % 50 == 0) {
      const auto& [orig, evs] = recent_docs[rng() % recent_docs.size()];
      doc->title = orig.title;
      doc->paragraphs = orig.paragraphs;
      doc->paragraphs.back().text += " (AFP)";
      for (const auto& p : doc->paragraphs) sentences->push_back({p.text, {20, 1, 1}, -1});
      for (auto e : evs) {
        e.doc_id = doc->id;
        events->push_back(std::move(e));
      }
      return;
    }
    doc->title = Words(8);
    for (int i = 0; i < 5; ++i) {
      std::string text = Words(20) + ".";
      doc->paragraphs.push_back({text, doc->lang});
      vigie::tone::ToneScore tone{21, static_cast<uint32_t>(rng() % 3),
                                  static_cast<uint32_t>(rng() % 3)};
      sentences->push_back({std::move(text), tone, -1});
    }
    if (rng() % 10 == 0) {
      const int comments = 1 + static_cast<int>(rng() % 3);
      for (int c = 0; c < comments; ++c) {
        std::string text = Words(15);
        doc->comments.push_back({text, "reader", ""});
        sentences->push_back({std::move(text), {15, 0, 2}, c});
      }
    }
    // 1..6 events, mean ~3.3.
    static constexpr int kCounts[] = {1, 2, 2, 3, 3, 3, 4, 4, 5, 6};
    const int n_events = kCounts[rng() % 10];
    for (int i = 0; i < n_events; ++i) {
      Story s;
      if (!recent.empty() && rng() % 100 < 45) {
        s = recent[rng() % recent.size()];
      } else {
        s = NewStory(day);
        recent.push_back(s);
        if (recent.size() > 1500) recent.pop_front();
      }
      vigie::events::Event ev;
      ev.doc_id = doc->id;
      ev.sentence = static_cast<uint32_t>(rng() % 5);
      ev.text = (*sentences)[ev.sentence].text;
      ev.date = Day(s.day);
      ev.lang = doc->lang;
      ev.source = Actor(s.source);
      ev.source_text = ev.source.name;
      ev.target = Actor(s.target);
      ev.target_text = ev.target.name;
      ev.cameo = s.cameo;
      ev.root = s.cameo.substr(0, 2);
      ev.quad = Quad(s.root);
      ev.goldstein = Goldstein(s.root);
      const int m = static_cast<int>(rng() % 20);
      ev.modality = m < 16   ? vigie::events::Modality::kAsserted
                    : m < 18 ? vigie::events::Modality::kReported
                    : m < 19 ? vigie::events::Modality::kSpeculative
                             : vigie::events::Modality::kNegated;
      ev.evidence_begin = 10;
      ev.evidence_end = 20;
      ev.rule = "bench." + s.cameo;
      events->push_back(std::move(ev));
    }
    if (!doc->comments.empty() && rng() % 2 == 0) {
      vigie::events::Event ev = events->front();
      ev.from_comment = true;
      ev.sentence = 5;
      ev.text = (*sentences)[5].text;
      events->push_back(std::move(ev));
    }
    recent_docs.emplace_back(*doc, *events);
    if (recent_docs.size() > 200) recent_docs.pop_front();
  }
};

template <typename T>
T Must(vigie::Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "store_bench: %s: %s\n", what, r.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

// Runs `f` once to warm up, then 21 times; prints the median and the worst in ms.
void Time(const char* name, double target_ms, const std::function<size_t()>& f) {
  f();
  std::vector<double> ms;
  size_t rows = 0;
  for (int i = 0; i < 21; ++i) {
    auto t = std::chrono::steady_clock::now();
    rows = f();
    ms.push_back(1000 * Seconds(t));
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "  %-44s median %7.2f ms  max %7.2f ms  rows %-6zu %s\n", name, ms[ms.size() / 2], ms.back(),
      rows,
      target_ms <= 0 ? "" : (ms[ms.size() / 2] <= target_ms ? "(target met)" : "(OVER TARGET)"));
}

}  // namespace

int main(int argc, char** argv) {
  int64_t target_events = 1000000;
  if (const char* env = std::getenv("VIGIE_BENCH_EVENTS")) target_events = std::atoll(env);
  std::string path = (fs::temp_directory_path() / "vigie_store_bench.db").string();
  int batch = 500;
  bool reuse = false, keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--events" && i + 1 < argc) {
      target_events = std::atoll(argv[++i]);
    } else if (a == "--db" && i + 1 < argc) {
      path = argv[++i];
    } else if (a == "--batch" && i + 1 < argc) {
      batch = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--reuse") {
      reuse = true;
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr,
                   "usage: store_bench [--events N] [--db PATH] [--batch N] [--reuse] [--keep]\n");
      return 1;
    }
  }

  Generator gen;
  if (!(reuse && fs::exists(path))) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
    auto store = Must(SqliteStore::Open(path), "open");
    std::printf("insert: %lld coded events into %s, batches of %d documents\n",
                static_cast<long long>(target_events), path.c_str(), batch);
    const int64_t docs_planned = std::max<int64_t>(1, target_events * 10 / 33);
    std::vector<vigie::ingest::Document> docs(batch);
    std::vector<std::vector<vigie::store::SentenceInput>> sentences(batch);
    std::vector<std::vector<vigie::events::Event>> events(batch);
    int64_t made = 0, mentions = 0, created = 0, duplicates = 0;
    double insert_secs = 0;
    auto last_report = std::chrono::steady_clock::now();
    while (mentions < target_events) {
      std::vector<vigie::store::DocumentInput> inputs;
      for (int i = 0; i < batch && mentions < target_events; ++i) {
        const int32_t day =
            static_cast<int32_t>(made * Generator::kDays / docs_planned) % Generator::kDays;
        gen.Make(made++, day, &docs[i], &sentences[i], &events[i]);
        mentions += static_cast<int64_t>(events[i].size());
        inputs.push_back({&docs[i], sentences[i], events[i]});
      }
      auto t = std::chrono::steady_clock::now();
      auto results = Must(store->AddDocuments(inputs), "insert");
      insert_secs += Seconds(t);
      for (const auto& r : results) {
        created += r.events_created;
        duplicates += !r.duplicate_of.empty();
      }
      if (Seconds(last_report) > 10) {
        std::fprintf(stderr, "  ... %lld docs, %lld mentions, %.0f mentions/s\n",
                     static_cast<long long>(made), static_cast<long long>(mentions),
                     mentions / insert_secs);
        last_report = std::chrono::steady_clock::now();
      }
    }
    std::printf("  %lld documents (%lld near-duplicates), %lld coded events -> %lld events rows\n",
                static_cast<long long>(made), static_cast<long long>(duplicates),
                static_cast<long long>(mentions), static_cast<long long>(created));
    std::printf("  %.1f s: %.0f documents/s, %.0f coded events/s\n", insert_secs,
                made / insert_secs, mentions / insert_secs);
  }

  // Closing the last connection checkpoints the WAL into the main file.
  const int64_t bytes = static_cast<int64_t>(fs::file_size(path));
  auto store = Must(SqliteStore::Open(path), "reopen");
  auto stats = Must(store->Stats(), "stats");
  std::printf(
      "size: %.1f MB for %lld coded events (%lld events rows, %lld documents): "
      "%.0f MB per 1M coded events\n",
      bytes / 1e6, static_cast<long long>(stats.mentions), static_cast<long long>(stats.events),
      static_cast<long long>(stats.documents),
      bytes / 1e6 * 1e6 / std::max<int64_t>(1, stats.mentions));
  auto space = store->SpaceByTable();
  if (space.ok()) {
    for (const auto& [name, b] : *space) {
      if (b * 100 >= bytes) std::printf("  %-28s %8.1f MB\n", name.c_str(), b / 1e6);
    }
  }

  // Busiest dyad and a middling one, as the store sees them.
  auto dyads = Must(store->Top({vigie::store::TopKind::kDyads, "", "", 200}), "top dyads");
  if (dyads.empty()) return 0;
  const auto& busy = dyads.front();
  const auto& mid = dyads[std::min<size_t>(dyads.size() - 1, 50)];
  const std::string actor = busy.a;
  std::printf("queries (busiest dyad %s, %lld events; middling %s, %lld events):\n",
              busy.key.c_str(), static_cast<long long>(busy.events), mid.key.c_str(),
              static_cast<long long>(mid.events));
  using vigie::store::Period;
  Time("dyad busiest, by month", 50, [&] {
    return Must(store->Dyad({busy.a, busy.b, Period::kMonth}), "dyad").rows.size();
  });
  Time("dyad middling, by week", 50, [&] {
    return Must(store->Dyad({mid.a, mid.b, Period::kWeek}), "dyad").rows.size();
  });
  Time("page: actor + root 19 + 2023", 20, [&] {
    return Must(store->Events(
                    {.actor = actor, .code = "19", .from = "2023-01-01", .to = "2023-12-31"},
                    {50, 0}),
                "events")
        .events.size();
  });
  Time("page: dyad + quad 4", 20, [&] {
    return Must(store->Events({.a = busy.a, .b = busy.b, .quad = 4}, {50, 0}), "events")
        .events.size();
  });
  Time("page: root 04 + 2022-03", 20, [&] {
    return Must(store->Events({.code = "04", .from = "2022-03-01", .to = "2022-03-31"}, {50, 0}),
                "events")
        .events.size();
  });
  Time("page: actor, page 10", 20, [&] {
    return Must(store->Events({.actor = actor}, {50, 450}), "events").events.size();
  });
  Time("page: site + modality reported", 20, [&] {
    return Must(store->Events(
                    {.modality = vigie::events::Modality::kReported, .site = "site3.example"},
                    {50, 0}),
                "events")
        .events.size();
  });
  Time("top actors, 2023", 0, [&] {
    return Must(store->Top({vigie::store::TopKind::kActors, "2023-01-01", "2023-12-31", 20}), "top")
        .size();
  });
  Time("shifts busiest dyad, by month", 0, [&] {
    vigie::store::ShiftQuery q;
    q.a = busy.a;
    q.b = busy.b;
    return Must(store->Shifts(q), "shifts").size();
  });
  Time("search two mid-frequency words", 0,
       [&] { return Must(store->Search("mot120 mot450", 20), "search").size(); });
  Time("search the two most frequent words", 0,
       [&] { return Must(store->Search("mot0 mot1", 20), "search").size(); });
  store.reset();
  if (!keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  }
  return 0;
}
