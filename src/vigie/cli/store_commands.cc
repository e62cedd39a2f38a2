// The database commands: `vigie ingest` (the whole pipeline into SQLite) and the questions
// asked of it: dyad, shifts, top, search, events, export, stats.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "vigie/cli/commands.h"
#include "vigie/pipeline/coding.h"
#include "vigie/pipeline/ingest.h"
#include "vigie/store/json.h"
#include "vigie/store/sqlite_store.h"

namespace vigie::cli {
namespace {

struct DbFlags {
  std::string db;
  std::string from;
  std::string to;
  std::string by = "month";
  std::string format = "table";
  bool directed = false;
  int limit = 20;
};

void AddDb(CLI::App* cmd, DbFlags* f) {
  cmd->add_option("--db", f->db, "SQLite database file")->required();
}
void AddPeriod(CLI::App* cmd, DbFlags* f) {
  cmd->add_option("--from", f->from, "First day (YYYY-MM-DD)");
  cmd->add_option("--to", f->to, "Last day (YYYY-MM-DD)");
}
void AddFormat(CLI::App* cmd, DbFlags* f) {
  cmd->add_option("--format", f->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
}

// Opens the database read-only for questions, read-write for ingest; prints the error.
std::unique_ptr<store::SqliteStore> OpenDb(const std::string& path, const char* name, bool write) {
  store::StoreOptions options;
  options.read_only = !write;
  options.create_if_missing = write;
  auto db = store::SqliteStore::Open(path, options);
  if (!db.ok()) {
    std::fprintf(stderr, "vigie %s: %s: %s\n", name, path.c_str(), db.status().message().c_str());
    return nullptr;
  }
  return std::move(*db);
}

int Fail(const char* name, const Status& s) {
  std::fprintf(stderr, "vigie %s: %s\n", name, s.message().c_str());
  return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitBadInput;
}

int DefaultThreads() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

// `coding` and `n - 1` forks of it, loaded side by side (each fork loads its own lexicons).
Result<std::vector<std::unique_ptr<pipeline::CodingPipeline>>> CodingPipelines(
    std::unique_ptr<pipeline::CodingPipeline> coding, int n) {
  std::vector<Result<std::unique_ptr<pipeline::CodingPipeline>>> forks;
  for (int i = 1; i < n; ++i) forks.emplace_back(Status::Internal("not loaded"));
  std::vector<std::thread> loaders;
  for (auto& fork : forks) loaders.emplace_back([&] { fork = coding->Fork(); });
  for (auto& t : loaders) t.join();
  std::vector<std::unique_ptr<pipeline::CodingPipeline>> all;
  all.push_back(std::move(coding));
  for (auto& fork : forks) {
    if (!fork.ok()) return fork.status();
    all.push_back(std::move(*fork));
  }
  return all;
}

struct IngestFlags {
  std::string db;
  std::vector<std::string> paths;
  std::string lang = "auto";
  std::string date;
  std::string data_dir;
  int batch = 256;
  int threads = DefaultThreads();
  bool quiet = false;
  bool progress = false;
};

int RunIngest(const IngestFlags& f) {
  std::vector<std::string> warnings;
  auto coding = pipeline::CodingPipeline::Open(pipeline::FindDataDir(f.data_dir), &warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "vigie ingest: %s\n", w.c_str());
  if (!coding.ok()) return Fail("ingest", coding.status());
  auto pipelines = CodingPipelines(std::move(*coding), f.threads);
  if (!pipelines.ok()) return Fail("ingest", pipelines.status());
  std::vector<pipeline::CodingPipeline*> coders;
  for (const auto& p : *pipelines) coders.push_back(p.get());
  auto tone = tone::ToneLexicon::Load(pipeline::FindDataDir(f.data_dir) + "/tone");
  if (!tone.ok()) return Fail("ingest", tone.status());
  auto db = OpenDb(f.db, "ingest", true);
  if (!db) return kExitBadInput;

  pipeline::IngestOptions options;
  options.coding.lang = f.lang;
  options.coding.date = f.date;
  options.batch = f.batch;
  if (f.lang != "auto") options.lang_hint = f.lang;
  const bool show = f.progress || (!f.quiet && isatty(STDERR_FILENO));
  const auto start = std::chrono::steady_clock::now();  // after loading: the ingest itself
  auto secs = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  auto stats = pipeline::IngestPaths(
      f.paths, options, coders, *tone, *db,
      [&](const Status& s) {
        if (show) std::fputc('\n', stderr);
        std::fprintf(stderr, "vigie ingest: %s\n", s.message().c_str());
      },
      [&](const pipeline::IngestStats& s) {
        if (!show) return;
        std::fprintf(stderr, "\rvigie ingest: %lld documents (%lld new), %lld events, %.0f docs/s",
                     static_cast<long long>(s.documents), static_cast<long long>(s.added),
                     static_cast<long long>(s.events), s.documents / std::max(secs(), 1e-9));
      });
  if (!f.quiet) {
    std::fprintf(stderr,
                 "%svigie ingest: %lld documents read, %lld added (%lld near-copies), %lld "
                 "sentences, %lld event mentions, %lld errors in %.2f s\n",
                 show ? "\n" : "", static_cast<long long>(stats.documents),
                 static_cast<long long>(stats.added), static_cast<long long>(stats.duplicates),
                 static_cast<long long>(stats.sentences), static_cast<long long>(stats.events),
                 static_cast<long long>(stats.errors), secs());
  }
  if (stats.store_failed) return kExitBadInput;
  return stats.errors ? kExitBadInput : kExitOk;
}

int RunDyad(const DbFlags& f, const std::string& a, const std::string& b) {
  auto by = store::ParsePeriod(f.by);
  if (!by.ok()) return Fail("dyad", by.status());
  auto db = OpenDb(f.db, "dyad", false);
  if (!db) return kExitBadInput;
  store::DyadQuery q{a, b, *by, f.directed, f.from, f.to};
  auto series = db->Dyad(q);
  if (!series.ok()) return Fail("dyad", series.status());
  if (f.format == "json") {
    std::cout << store::DyadJson(*series) << '\n';
    return kExitOk;
  }
  std::printf("%s %s %s, by %s\n", a.c_str(), f.directed ? "->" : "<->", b.c_str(), f.by.c_str());
  std::printf("%-10s %7s %6s %6s %6s %6s %9s %9s %7s\n", "period", "events", "q1", "q2", "q3", "q4",
              "gs_mean", "gs_sum", "tone");
  for (const auto& r : series->rows) {
    std::printf("%-10s %7lld %6lld %6lld %6lld %6lld %9.2f %9.1f %7.2f\n", r.period.c_str(),
                static_cast<long long>(r.events), static_cast<long long>(r.quad[0]),
                static_cast<long long>(r.quad[1]), static_cast<long long>(r.quad[2]),
                static_cast<long long>(r.quad[3]), r.goldstein_mean, r.goldstein_sum, r.tone_mean);
  }
  return kExitOk;
}

int RunShifts(const DbFlags& f, const std::string& a, const std::string& b) {
  auto by = store::ParsePeriod(f.by);
  if (!by.ok()) return Fail("shifts", by.status());
  auto db = OpenDb(f.db, "shifts", false);
  if (!db) return kExitBadInput;
  store::ShiftQuery q;
  q.a = a;
  q.b = b;
  q.by = *by;
  q.directed = f.directed;
  q.from = f.from;
  q.to = f.to;
  auto shifts = db->Shifts(q);
  if (!shifts.ok()) return Fail("shifts", shifts.status());
  if (f.format == "json") {
    std::cout << store::ShiftsJson(*shifts) << '\n';
    return kExitOk;
  }
  for (const auto& s : *shifts) {
    std::printf("%s-%s  %s  toward %s: Goldstein %.2f -> %.2f (%+.2f, t=%.1f, %lld/%lld events)\n",
                s.a.c_str(), s.b.c_str(), s.period.c_str(), s.direction.c_str(), s.before_mean,
                s.after_mean, s.magnitude, s.t, static_cast<long long>(s.before_events),
                static_cast<long long>(s.after_events));
    for (const auto& e : s.events) {
      std::printf("    %s %s>%s %s  %s\n", e.date.c_str(), e.source_key.c_str(),
                  e.target_key.c_str(), e.cameo.c_str(), e.text.substr(0, 140).c_str());
    }
  }
  if (shifts->empty()) std::printf("no shift found\n");
  return kExitOk;
}

int RunTop(const DbFlags& f, const std::string& kind) {
  auto k = store::ParseTopKind(kind);
  if (!k.ok()) return Fail("top", k.status());
  auto db = OpenDb(f.db, "top", false);
  if (!db) return kExitBadInput;
  store::TopQuery q;
  q.kind = *k;
  q.from = f.from;
  q.to = f.to;
  q.limit = f.limit;
  q.directed = f.directed;
  auto rows = db->Top(q);
  if (!rows.ok()) return Fail("top", rows.status());
  if (f.format == "json") {
    std::cout << store::TopJson(*k, *rows) << '\n';
    return kExitOk;
  }
  std::printf("%-24s %8s %9s %8s\n", kind.c_str(), "events", "mentions", "gs_mean");
  for (const auto& r : *rows) {
    std::printf("%-24s %8lld %9lld %8.2f\n", r.key.c_str(), static_cast<long long>(r.events),
                static_cast<long long>(r.mentions), r.goldstein_mean);
  }
  return kExitOk;
}

int RunSearch(const DbFlags& f, const std::string& words) {
  auto db = OpenDb(f.db, "search", false);
  if (!db) return kExitBadInput;
  auto hits = db->Search(words, f.limit);
  if (!hits.ok()) return Fail("search", hits.status());
  if (f.format == "json") {
    std::cout << store::SearchJson(*hits) << '\n';
    return kExitOk;
  }
  for (const auto& h : *hits) {
    std::printf("%s  %s  %s\n    %s\n", h.date.c_str(), h.doc_id.c_str(), h.title.c_str(),
                h.snippet.c_str());
  }
  return kExitOk;
}

struct EventFlags {
  DbFlags db;
  store::EventFilter filter;
  std::string modality;
  std::string format = "jsonl";
  int64_t offset = 0;
};

int RunEvents(const EventFlags& f, bool export_all) {
  const char* name = export_all ? "export" : "events";
  auto db = OpenDb(f.db.db, name, false);
  if (!db) return kExitBadInput;
  store::EventFilter filter = f.filter;
  filter.from = f.db.from;
  filter.to = f.db.to;
  filter.directed = f.db.directed;
  if (!f.modality.empty()) {
    auto m = store::ParseModality(f.modality);
    if (!m.ok()) return Fail(name, m.status());
    filter.modality = *m;
  }
  if (export_all) {
    auto format = store::ParseExportFormat(f.format);
    if (!format.ok()) return Fail(name, format.status());
    auto s = db->Export(*format, filter, std::cout);
    return s.ok() ? kExitOk : Fail(name, s);
  }
  auto page = db->Events(filter, store::Page{f.db.limit, f.offset});
  if (!page.ok()) return Fail(name, page.status());
  for (const auto& e : page->events) {
    if (f.format == "jsonl") {
      std::cout << store::EventJson(e) << '\n';
      continue;
    }
    const std::string dyad = (e.source.code.empty() ? "?" : e.source.code) + " -> " +
                             (e.target.code.empty() ? "?" : e.target.code);
    std::printf("%-10s %-17s %-5s %-11s %3lld  %s\n", e.date.empty() ? "?" : e.date.c_str(),
                dyad.c_str(), e.cameo.c_str(), events::ModalityName(e.modality),
                static_cast<long long>(e.mentions), e.text.substr(0, 100).c_str());
  }
  return kExitOk;
}

int RunStats(const DbFlags& f) {
  auto db = OpenDb(f.db, "stats", false);
  if (!db) return kExitBadInput;
  auto s = db->Stats();
  if (!s.ok()) return Fail("stats", s.status());
  std::cout << store::StatsJson(*s) << '\n';
  return kExitOk;
}

void AddEventFilter(CLI::App* cmd, EventFlags* f) {
  AddDb(cmd, &f->db);
  AddPeriod(cmd, &f->db);
  cmd->add_option("--actor", f->filter.actor, "Actor key on either side (DZA, NATO)");
  cmd->add_option("--a", f->filter.a, "Dyad: first actor key (with --b)");
  cmd->add_option("--b", f->filter.b, "Dyad: second actor key (with --a)");
  cmd->add_flag("--directed", f->db.directed, "Dyad a -> b only");
  cmd->add_option("--code", f->filter.code, "CAMEO root (16) or code (161)");
  cmd->add_option("--quad", f->filter.quad, "Quad class 1..4")->check(CLI::Range(1, 4));
  cmd->add_option("--modality", f->modality, "asserted, negated, reported or speculative");
  cmd->add_option("--lang", f->filter.lang, "Language of a reporting document");
  cmd->add_option("--site", f->filter.site, "Site of a reporting document");
  cmd->add_option("--text", f->filter.text, "Words a reporting document contains");
}

}  // namespace

void RegisterStore(CLI::App& app, RunFunction* run) {
  {
    auto f = std::make_shared<IngestFlags>();
    auto* cmd = app.add_subcommand(
        "ingest",
        "Run the whole pipeline into a SQLite database (created if missing). Running it\n"
        "again on the same inputs changes nothing; an interrupted run is completed by a re-run.");
    cmd->add_option("--db", f->db, "SQLite database file")->required();
    cmd->add_option("PATH", f->paths, "Input files or directories (- for JSONL on stdin)")
        ->required();
    cmd->add_option("--lang", f->lang, "Language to code in: auto, fr or en")
        ->check(CLI::IsMember({"auto", "fr", "en"}))
        ->capture_default_str();
    cmd->add_option("--date", f->date, "Date (YYYY-MM-DD) of documents that carry none");
    cmd->add_option("--data", f->data_dir, "Data directory (default: the checkout's data/)");
    cmd->add_option("--batch", f->batch, "Documents per transaction")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--threads", f->threads,
                    "Coding threads (each loads its own lexicons, ~30 MB); one more reads and "
                    "one writes")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cmd->add_flag("-q,--quiet", f->quiet, "No summary or progress on stderr");
    cmd->add_flag("--progress", f->progress, "Progress on stderr even when not a terminal");
    cmd->callback([f, run] { *run = [f] { return RunIngest(*f); }; });
  }
  {
    auto f = std::make_shared<DbFlags>();
    auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "dyad",
        "How the relation between two actors moved: events per period, both directions\n"
        "combined unless --directed. A and B are actor keys (country or org).");
    AddDb(cmd, f.get());
    cmd->add_option("A", *a, "First actor key (DZA)")->required();
    cmd->add_option("B", *b, "Second actor key (RUS)")->required();
    cmd->add_option("--by", f->by, "day, week, month or year")->capture_default_str();
    cmd->add_flag("--directed", f->directed, "A -> B only");
    AddPeriod(cmd, f.get());
    AddFormat(cmd, f.get());
    cmd->callback([f, a, b, run] { *run = [f, a, b] { return RunDyad(*f, *a, *b); }; });
  }
  {
    auto f = std::make_shared<DbFlags>();
    auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "shifts",
        "When relations turned (a mean-shift test on Goldstein scores) and the events\n"
        "that turned them; one dyad, or every active dyad without A and B.");
    AddDb(cmd, f.get());
    cmd->add_option("A", *a, "First actor key");
    cmd->add_option("B", *b, "Second actor key");
    cmd->add_option("--by", f->by, "week, month or year")->capture_default_str();
    cmd->add_flag("--directed", f->directed, "A -> B only");
    AddPeriod(cmd, f.get());
    AddFormat(cmd, f.get());
    cmd->callback([f, a, b, run] { *run = [f, a, b] { return RunShifts(*f, *a, *b); }; });
  }
  {
    auto f = std::make_shared<DbFlags>();
    auto kind = std::make_shared<std::string>("actors");
    auto* cmd = app.add_subcommand("top", "The most active actors, dyads or CAMEO codes.");
    AddDb(cmd, f.get());
    cmd->add_option("KIND", *kind, "actors, dyads or codes")->capture_default_str();
    cmd->add_option("--limit", f->limit, "Rows")->capture_default_str();
    cmd->add_flag("--directed", f->directed, "Dyads: keep A -> B apart from B -> A");
    AddPeriod(cmd, f.get());
    AddFormat(cmd, f.get());
    cmd->callback([f, kind, run] { *run = [f, kind] { return RunTop(*f, *kind); }; });
  }
  {
    auto f = std::make_shared<DbFlags>();
    auto words = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("search", "Full-text search over the stored documents.");
    AddDb(cmd, f.get());
    cmd->add_option("WORDS", *words, "Words to find (FTS5 syntax)")->required();
    cmd->add_option("--limit", f->limit, "Hits")->capture_default_str();
    AddFormat(cmd, f.get());
    cmd->callback([f, words, run] { *run = [f, words] { return RunSearch(*f, *words); }; });
  }
  {
    auto f = std::make_shared<EventFlags>();
    auto* cmd = app.add_subcommand("events", "Stored events matching filters (JSON, one a line).");
    AddEventFilter(cmd, f.get());
    cmd->add_option("--limit", f->db.limit, "Events per page")->capture_default_str();
    cmd->add_option("--offset", f->offset, "Events to skip");
    cmd->add_option("--format", f->format, "jsonl (one event object a line) or table")
        ->check(CLI::IsMember({"jsonl", "table"}))
        ->capture_default_str();
    cmd->callback([f, run] { *run = [f] { return RunEvents(*f, false); }; });
  }
  {
    auto f = std::make_shared<EventFlags>();
    auto* cmd = app.add_subcommand(
        "export", "Export events: GDELT 2.0 Events TSV (61 columns), CSV or JSONL.");
    AddEventFilter(cmd, f.get());
    cmd->add_option("--format", f->format, "gdelt, csv or jsonl")->capture_default_str();
    cmd->callback([f, run] { *run = [f] { return RunEvents(*f, true); }; });
  }
  {
    auto f = std::make_shared<DbFlags>();
    auto* cmd = app.add_subcommand("stats", "What the database holds (JSON).");
    AddDb(cmd, f.get());
    cmd->callback([f, run] { *run = [f] { return RunStats(*f); }; });
  }
}

}  // namespace vigie::cli
