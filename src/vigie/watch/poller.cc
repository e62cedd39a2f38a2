#include "vigie/watch/poller.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>
#include <utility>

#include "vigie/base/strings.h"
#include "vigie/base/time.h"
#include "vigie/watch/internal/feed_ingest.h"

namespace vigie::watch {
namespace {

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// "YYYY-MM-DD" (UTC) of unix seconds `t`.
std::string Day(int64_t t) { return FormatUtc(t, "%Y-%m-%d"); }

// interval * 2^failures, at most `cap` (and no overflow on a feed that failed for weeks).
int64_t Backoff(int64_t interval, int failures, int64_t cap) {
  int64_t wait = std::max<int64_t>(interval, 1);
  for (int i = 0; i < failures && wait < cap; ++i) wait *= 2;
  return std::min(wait, cap);
}

// What went wrong with a feed, without the "URL: " that errors from lower layers start with
// (the report adds it back once; the stored FeedState::last_error is about that feed anyway).
std::string WhatWentWrong(const Status& s, const std::string& url) {
  std::string_view m = s.message();
  if (m.size() > url.size() + 2 && m.substr(0, url.size()) == url &&
      m.substr(url.size(), 2) == ": ") {
    m.remove_prefix(url.size() + 2);
  }
  return std::string(m);
}

}  // namespace

Poller::Poller(store::Store& store, Fetcher& fetcher, pipeline::CodingPipeline& coding,
               const tone::ToneLexicon& tone, PollOptions options)
    : store_(store),
      fetcher_(fetcher),
      coding_(coding),
      tone_(tone),
      options_(std::move(options)),
      reader_(ingest::ReadOptions{.lang_hint = options_.lang_hint}) {}

int64_t Poller::Now() const {
  return options_.clock ? options_.clock() : static_cast<int64_t>(std::time(nullptr));
}

bool Poller::Stopped() const { return options_.stop != nullptr && options_.stop->load(); }

void Poller::WaitForHost(const std::string& host) {
  auto it = last_request_ms_.find(host);
  if (it == last_request_ms_.end()) return;
  const int64_t until = it->second + options_.same_host_gap_ms;
  // Short slices, so that SIGINT is honoured within a tenth of a second.
  for (int64_t now = SteadyMs(); now < until; now = SteadyMs()) {
    if (Stopped()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min<int64_t>(until - now, 100)));
  }
}

Result<PollStats> Poller::Poll(const std::vector<std::string>& urls,
                               const std::function<void(const Status&)>& on_error) {
  PollStats stats;
  for (const std::string& url : urls) {
    if (Stopped()) break;
    VIGIE_ASSIGN_OR_RETURN(std::optional<store::FeedState> known, store_.GetFeed(url));
    store::FeedState state = known ? std::move(*known) : store::FeedState{.url = url};
    if (!options_.ignore_schedule && state.next_fetch > Now()) {
      ++stats.skipped;
      continue;
    }
    WaitForHost(str::UrlHost(url));
    if (Stopped()) break;
    VIGIE_RETURN_IF_ERROR(PollFeed(state, stats, on_error));
  }
  return stats;
}

Result<int64_t> Poller::NextDue(const std::vector<std::string>& urls) {
  const int64_t now = Now();
  int64_t next = INT64_MAX;
  for (const std::string& url : urls) {
    VIGIE_ASSIGN_OR_RETURN(std::optional<store::FeedState> known, store_.GetFeed(url));
    next = std::min(next, known ? std::max(known->next_fetch, now) : now);
  }
  return next == INT64_MAX ? now + options_.interval_seconds : next;
}

Status Poller::PollFeed(store::FeedState& state, PollStats& stats,
                        const std::function<void(const Status&)>& on_error) {
  const std::string host = str::UrlHost(state.url);
  const int64_t now = Now();
  state.last_fetch = now;
  ++stats.feeds;
  Result<FetchResponse> r = fetcher_.Get({state.url, state.etag, state.last_modified});
  last_request_ms_[host] = SteadyMs();
  if (!r.ok()) return Failed(state, r.status(), 0, stats, on_error);
  if (r->status == 304) {
    ++stats.not_modified;
    // A 304 may carry fresher validators; the old ones stay when it carries none.
    if (!r->etag.empty()) state.etag = r->etag;
    if (!r->last_modified.empty()) state.last_modified = r->last_modified;
  } else if (r->status != 200) {
    // 3xx here means a redirect curl did not follow (no Location); 2xx other than 200 has no
    // feed to read (204) or a partial one (206).
    return Failed(state, Status::IOError("HTTP " + std::to_string(r->status)), r->retry_after,
                  stats, on_error);
  } else {
    auto docs = internal::ParseFeed(std::move(r->body), state.url, Day(now), reader_, on_error);
    if (!docs.ok()) return Failed(state, docs.status(), 0, stats, on_error);
    VIGIE_ASSIGN_OR_RETURN(internal::StoreCounts counts,
                           internal::StoreNew(*docs, coding_, options_.coding, tone_, store_));
    stats.items += static_cast<int64_t>(docs->size());
    stats.added += counts.added;
    stats.events += counts.events;
    state.items += counts.added;
    state.etag = r->etag;
    state.last_modified = r->last_modified;
  }
  state.last_ok = now;
  state.failures = 0;
  state.last_error.clear();
  state.next_fetch = now + options_.interval_seconds;
  return store_.PutFeed(state);
}

Status Poller::Failed(store::FeedState& state, const Status& why, int64_t retry_after,
                      PollStats& stats, const std::function<void(const Status&)>& on_error) {
  ++stats.failed;
  state.failures += 1;
  state.last_error = WhatWentWrong(why, state.url);
  const int64_t wait =
      Backoff(options_.interval_seconds, state.failures, options_.max_backoff_seconds);
  // The server's Retry-After is honoured up to the backoff cap: a feed is tried again at
  // least every max_backoff_seconds whatever it asks.
  state.next_fetch =
      state.last_fetch + std::max(wait, std::min(retry_after, options_.max_backoff_seconds));
  on_error(Status::IOError(state.url + ": " + state.last_error));
  return store_.PutFeed(state);
}

}  // namespace vigie::watch
