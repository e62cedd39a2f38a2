#pragma once
// Poller: one round of feed polling for `vigie watch`. For every feed that is due it sends a
// conditional GET (the ETag and Last-Modified of its last answer), ingests the items the
// store does not have yet through the coding pipeline, and records the feed's state
// (store::FeedState) for the next round:
//   - 304: nothing new; the feed is next due after `interval_seconds`.
//   - 200: the items are parsed, new ones coded and stored; validators are kept.
//   - a failure (network, HTTP >= 400, not a feed): reported, counted in FeedState::failures,
//     and the feed backs off: next due after min(interval * 2^failures, max_backoff), or
//     after the server's Retry-After when that is longer. The other feeds go on.
// Politeness: requests are sequential (never two at a time, so never two to one host), and
// two requests to the same host are at least `same_host_gap_ms` apart.
//
// Thread-safety: not thread-safe; the store, fetcher and coding pipeline are used from the
// calling thread only.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/status.h"
#include "vigie/ingest/reader.h"
#include "vigie/pipeline/coding.h"
#include "vigie/store/store.h"
#include "vigie/tone/lexicon.h"
#include "vigie/watch/fetcher.h"

namespace vigie::watch {

struct PollOptions {
  int64_t interval_seconds = 15 * 60;      // between two polls of a healthy feed
  int64_t max_backoff_seconds = 6 * 3600;  // a failing feed is still tried this often
  int same_host_gap_ms = 1000;             // between two requests to one host
  // Poll every feed now, whatever its next_fetch (`vigie watch --once`).
  bool ignore_schedule = false;
  pipeline::CodingOptions coding;  // how items are coded (language, fallback date)
  std::string lang_hint;           // for reading items ("fr", "en" or "")
  // Unix seconds; the system clock when empty (tests fix it).
  std::function<int64_t()> clock;
  // When set and true, the round stops before the next feed (SIGINT/SIGTERM).
  const std::atomic<bool>* stop = nullptr;
};

// What one round did.
struct PollStats {
  int feeds = 0;         // requests made
  int not_modified = 0;  // 304
  int failed = 0;        // reported errors (the feed backs off)
  int skipped = 0;       // not due yet
  int64_t items = 0;     // items read from feeds that answered 200
  int64_t added = 0;     // ... of which new documents stored
  int64_t events = 0;    // new events stored
};

class Poller {
 public:
  // The references must outlive the Poller.
  Poller(store::Store& store, Fetcher& fetcher, pipeline::CodingPipeline& coding,
         const tone::ToneLexicon& tone, PollOptions options);

  // Polls the due feeds among `urls`, in order. Feed errors (and bad items) go to `on_error`
  // as "URL: what went wrong" and never stop the round. Returns the store's error when the
  // store fails: the round stops there (what was stored before stays).
  Result<PollStats> Poll(const std::vector<std::string>& urls,
                         const std::function<void(const Status&)>& on_error);

  // Unix seconds when the earliest of `urls` is due (now when one is due or never polled).
  Result<int64_t> NextDue(const std::vector<std::string>& urls);

 private:
  int64_t Now() const;
  bool Stopped() const;
  // Sleeps until `host` may be asked again (interrupted by `stop`).
  void WaitForHost(const std::string& host);
  // Polls one feed (its host's gap already waited) and records its state; non-OK only for
  // store failures.
  Status PollFeed(store::FeedState& state, PollStats& stats,
                  const std::function<void(const Status&)>& on_error);
  // Records a failed poll: failures+1, backoff, and reports it.
  Status Failed(store::FeedState& state, const Status& why, int64_t retry_after, PollStats& stats,
                const std::function<void(const Status&)>& on_error);

  store::Store& store_;
  Fetcher& fetcher_;
  pipeline::CodingPipeline& coding_;
  const tone::ToneLexicon& tone_;
  PollOptions options_;
  ingest::DocumentReader reader_;
  std::map<std::string, int64_t> last_request_ms_;  // host -> steady-clock ms of its last request
};

}  // namespace vigie::watch
