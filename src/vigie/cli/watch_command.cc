// `vigie watch`: follow relations, actors or queries; poll RSS/Atom feeds into the database
// and raise alerts (stdout, the database for the dashboard and its Atom feed, a webhook).
// Flag parsing, signals and exit codes only: the work is done by vigie_watch.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "vigie/base/time.h"
#include "vigie/cli/commands.h"
#include "vigie/pipeline/coding.h"
#include "vigie/store/json.h"
#include "vigie/store/sqlite_store.h"
#include "vigie/tone/lexicon.h"
#include "vigie/watch/alerts.h"
#include "vigie/watch/atom.h"
#include "vigie/watch/feed_list.h"
#include "vigie/watch/fetcher.h"
#include "vigie/watch/poller.h"
#include "vigie/watch/webhook.h"

namespace vigie::cli {
namespace {

// Set by SIGINT/SIGTERM. A signal handler can only reach a global; a lock-free atomic is
// safe to store from one.
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void OnStopSignal(int) { g_stop.store(true); }

struct WatchFlags {
  std::string db;
  std::string feeds;
  std::vector<std::string> follow;
  std::vector<int64_t> unfollow;
  std::string webhook;
  std::string base_url = "http://127.0.0.1:8080/";
  int64_t interval = 900;
  std::string lang = "auto";
  std::string data_dir;
  bool once = false;
  bool quiet = false;
  bool list = false;
  bool atom = false;
  std::string format = "table";
  int limit = 20;
};

void Report(const Status& s) { std::fprintf(stderr, "vigie watch: %s\n", s.message().c_str()); }

int Fail(const Status& s) {
  Report(s);
  return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitBadInput;
}

std::string Time(int64_t t) { return FormatUtc(t, "%Y-%m-%d %H:%M"); }

std::string Describe(const store::Watch& w) {
  switch (w.kind) {
    case store::WatchKind::kDyad:
      return "dyad:" + w.a + "-" + w.b;
    case store::WatchKind::kActor:
      return "actor:" + w.a;
    case store::WatchKind::kQuery:
      return "query:" + w.query;
  }
  return "";
}

void PrintAlert(const store::Alert& a) {
  std::printf("#%lld  %s UTC  %-6s  %s\n      %s\n", static_cast<long long>(a.id),
              Time(a.created).c_str(), a.kind.c_str(), a.title.c_str(), a.summary.c_str());
}

int List(store::Store& db, const WatchFlags& f) {
  auto watches = db.Watches();
  if (!watches.ok()) return Fail(watches.status());
  auto alerts = db.Alerts(f.limit, 0);
  if (!alerts.ok()) return Fail(alerts.status());
  if (f.format == "json") {
    std::cout << "{\"watches\":" << store::WatchesJson(*watches)
              << ",\"alerts\":" << store::AlertsJson(*alerts) << "}\n";
    return kExitOk;
  }
  std::printf("watches (%zu):\n", watches->size());
  if (watches->empty()) std::printf("  none: follow one with --follow dyad:A-B\n");
  for (const store::Watch& w : *watches) {
    std::printf("  #%lld  %-28s since %s UTC, read up to event %lld\n",
                static_cast<long long>(w.id), Describe(w).c_str(), Time(w.created).c_str(),
                static_cast<long long>(w.last_event_id));
  }
  std::printf("alerts (newest first, at most %d):\n", f.limit);
  if (alerts->empty()) std::printf("  none yet\n");
  for (const store::Alert& a : *alerts) {
    std::printf("  ");
    PrintAlert(a);
  }
  return kExitOk;
}

// Sleeps until unix time `until` or a stop signal, in short slices.
void SleepUntil(int64_t until) {
  while (!g_stop.load() && std::time(nullptr) < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

int Poll(store::Store& db, const WatchFlags& f, watch::FeedFile feeds, bool had_bad_lines) {
  const std::string data_dir = pipeline::FindDataDir(f.data_dir);
  std::vector<std::string> warnings;
  auto coding = pipeline::CodingPipeline::Open(data_dir, &warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "vigie watch: %s\n", w.c_str());
  if (!coding.ok()) return Fail(coding.status());
  auto tone = tone::ToneLexicon::Load(data_dir + "/tone");
  if (!tone.ok()) return Fail(tone.status());
  auto fetcher = watch::NewCurlFetcher();
  if (!fetcher.ok()) return Fail(fetcher.status());
  std::unique_ptr<watch::Webhook> webhook;
  if (!f.webhook.empty()) {
    auto hook = watch::Webhook::Open({.url = f.webhook, .base_url = f.base_url});
    if (!hook.ok()) return Fail(hook.status());
    webhook = std::move(*hook);
  }

  watch::PollOptions options;
  options.interval_seconds = f.interval;
  options.ignore_schedule = f.once;
  options.coding.lang = f.lang;
  if (f.lang != "auto") options.lang_hint = f.lang;
  options.stop = &g_stop;
  watch::Poller poller(db, **fetcher, **coding, *tone, options);
  watch::AlertEngine engine(db);

  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  bool errors = had_bad_lines;
  for (bool first = true;; first = false) {
    if (!first && feeds.Refresh([&](const Status& s) {
          errors = true;
          Report(s);
        }) &&
        !f.quiet) {
      std::fprintf(stderr, "vigie watch: %s changed: %zu feeds\n", f.feeds.c_str(),
                   feeds.urls().size());
    }
    const std::vector<std::string>& urls = feeds.urls();
    auto stats = poller.Poll(urls, [&](const Status& s) {
      errors = true;
      Report(s);
    });
    if (!stats.ok()) return Fail(stats.status());  // the store failed
    auto raised = engine.Evaluate();
    if (!raised.ok()) return Fail(raised.status());
    for (const store::Alert& a : *raised) PrintAlert(a);
    if (webhook && (!raised->empty() || webhook->waiting() > 0)) {
      auto all = db.Watches();
      if (!all.ok()) return Fail(all.status());
      std::map<int64_t, store::Watch> watches;
      for (store::Watch& w : *all) watches[w.id] = std::move(w);
      Status posted = webhook->Deliver(*raised, watches);
      if (!posted.ok()) {
        errors = true;
        Report(posted.WithContext("webhook"));
      }
    }
    std::fflush(stdout);
    if (!f.quiet) {
      std::fprintf(stderr,
                   "vigie watch: %d feeds polled (%d not modified, %d failed, %d not due), %lld "
                   "new items, %lld events added, %zu alerts raised\n",
                   stats->feeds, stats->not_modified, stats->failed, stats->skipped,
                   static_cast<long long>(stats->added), static_cast<long long>(stats->events),
                   raised->size());
    }
    if (f.once || g_stop.load()) break;
    auto next = poller.NextDue(urls);
    if (!next.ok()) return Fail(next.status());
    // At least a second between rounds, so that a clock jump cannot spin the loop.
    SleepUntil(std::max<int64_t>(*next, std::time(nullptr) + 1));
    if (g_stop.load()) break;
  }
  // A signal ends a long-running watch normally; --once reports whether everything went well.
  return f.once && errors ? kExitBadInput : kExitOk;
}

int RunWatch(const WatchFlags& f) {
  std::vector<store::Watch> follow;
  for (const std::string& spec : f.follow) {
    auto w = watch::ParseFollow(spec);
    if (!w.ok()) return Fail(w.status());
    follow.push_back(std::move(*w));
  }
  const bool polling = !f.feeds.empty();
  if (!polling && !f.list && !f.atom && follow.empty() && f.unfollow.empty()) {
    Report(Status::InvalidArgument(
        "nothing to do: give --feeds FILE to poll, --follow to add a watch, or --list "
        "(see vigie watch --help)"));
    return kExitUsage;
  }
  std::optional<watch::FeedFile> feeds;
  bool bad_lines = false;
  if (polling) {
    auto read = watch::FeedFile::Open(f.feeds, [&](const Status& s) {
      bad_lines = true;
      Report(s);
    });
    if (!read.ok()) return Fail(read.status());  // NotFound or IOError: exit 2
    feeds = std::move(*read);
  }

  const bool writes = polling || !follow.empty() || !f.unfollow.empty();
  store::StoreOptions options;
  options.read_only = !writes;
  options.create_if_missing = writes;
  auto db = store::SqliteStore::Open(f.db, options);
  if (!db.ok()) {
    std::fprintf(stderr, "vigie watch: %s: %s\n", f.db.c_str(), db.status().message().c_str());
    return kExitBadInput;
  }
  watch::AlertEngine engine(**db);
  for (int64_t id : f.unfollow) {
    Status s = (*db)->RemoveWatch(id);
    if (!s.ok()) return Fail(s);
    if (!f.quiet)
      std::fprintf(stderr, "vigie watch: watch #%lld removed\n", static_cast<long long>(id));
  }
  for (const store::Watch& w : follow) {
    auto stored = engine.Follow(w);
    if (!stored.ok()) return Fail(stored.status());
    if (!f.quiet) {
      std::fprintf(stderr, "vigie watch: following #%lld %s\n", static_cast<long long>(stored->id),
                   Describe(*stored).c_str());
    }
  }
  if (f.list) return List(**db, f);
  if (f.atom) {
    auto alerts = (*db)->Alerts(f.limit, 0);
    if (!alerts.ok()) return Fail(alerts.status());
    auto watches = (*db)->Watches();
    if (!watches.ok()) return Fail(watches.status());
    std::cout << watch::AlertsAtom(*alerts, *watches, f.base_url) << '\n';
    return kExitOk;
  }
  if (!polling) return kExitOk;
  return Poll(**db, f, std::move(*feeds), bad_lines);
}

}  // namespace

void RegisterWatch(CLI::App& app, RunFunction* run) {
  auto f = std::make_shared<WatchFlags>();
  auto* cmd = app.add_subcommand(
      "watch",
      "Follow relations, actors or queries and get alerts when they get new events or turn.\n"
      "Polls RSS/Atom feeds (conditional GETs, one request at a time, failing feeds back off),\n"
      "ingests new items into the database and raises alerts: printed on stdout, stored for\n"
      "the dashboard and its Atom feed, and POSTed to --webhook. Runs until SIGINT/SIGTERM\n"
      "unless --once. See doc/watch.md.\n\n"
      "  vigie watch --db v.db --follow dyad:DZA-RUS --follow \"query:Tin Zaouatine\"\n"
      "  vigie watch --db v.db --feeds feeds.txt --once\n"
      "  vigie watch --db v.db --list");
  cmd->add_option("--db", f->db, "SQLite database file (created if missing)")->required();
  cmd->add_option("--feeds", f->feeds,
                  "Feeds to poll: one http(s) URL a line, # comments and blank lines ignored");
  cmd->add_option("--follow", f->follow,
                  "Follow dyad:A-B (both directions), actor:KEY or query:WORDS; repeatable. "
                  "A new watch alerts on what is stored from now on")
      ->take_all();
  cmd->add_option("--unfollow", f->unfollow, "Stop following watch ID (see --list); repeatable");
  cmd->add_option("--webhook", f->webhook, "POST each new alert as JSON to this http(s) URL");
  cmd->add_option("--interval", f->interval, "Seconds between two polls of a feed (min 60)")
      ->check(CLI::Range(int64_t{60}, int64_t{7 * 24 * 3600}))
      ->capture_default_str();
  cmd->add_flag("--once", f->once,
                "Poll every feed once, raise alerts and exit (exit code 2 when a feed failed)");
  cmd->add_flag("-q,--quiet", f->quiet, "No progress line on stderr");
  cmd->add_flag("--list", f->list, "Print the watches and the latest alerts, then exit");
  cmd->add_flag("--atom", f->atom, "Print the latest alerts as an Atom feed, then exit");
  cmd->add_option("--format", f->format, "--list output: table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->add_option("--limit", f->limit, "Alerts shown by --list and --atom")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--base-url", f->base_url,
                  "Where the dashboard is served, for links in the Atom feed and webhooks")
      ->capture_default_str();
  cmd->add_option("--lang", f->lang, "Language to code items in: auto, fr or en")
      ->check(CLI::IsMember({"auto", "fr", "en"}))
      ->capture_default_str();
  cmd->add_option("--data", f->data_dir, "Data directory (default: the checkout's data/)");
  cmd->callback([f, run] { *run = [f] { return RunWatch(*f); }; });
}

}  // namespace vigie::cli
