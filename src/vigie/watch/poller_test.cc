#include "vigie/watch/poller.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/store/sqlite_store.h"
#include "vigie/watch/feed_server_testutil.h"

namespace vigie::watch {
namespace {

constexpr int64_t kT0 = 1722800000;
constexpr int64_t kInterval = 900;

struct Item {
  std::string link;
  std::string title;
  std::string text;
};

std::string Rss(const std::vector<Item>& items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
      "<title>Le Journal</title><link>https://journal.example.fr/</link>";
  for (const Item& i : items) {
    xml += "<item><title>" + i.title + "</title><link>" + i.link +
           "</link><pubDate>Mon, 05 Aug 2024 09:00:00 +0200</pubDate><description><![CDATA[<p>" +
           i.text + "</p>]]></description></item>";
  }
  return xml + "</channel></rss>";
}

const Item kMali{"https://journal.example.fr/mali-ukraine", "Le Mali rompt avec l'Ukraine",
                 "Le 4 août 2024, le Mali a rompu ses relations diplomatiques avec l'Ukraine."};
const Item kAlger{"https://journal.example.fr/alger-moscou", "Lavrov à Alger",
                  "Le 5 août 2024, l'Algérie a signé un accord de coopération avec la Russie."};
const Item kNiger{"https://journal.example.fr/niger", "Le Niger condamne l'Ukraine",
                  "Le 6 août 2024, le Niger a condamné l'Ukraine et rompu ses relations."};

// The coding resources are loaded once for all tests (a second or so).
struct Resources {
  std::unique_ptr<pipeline::CodingPipeline> coding;
  tone::ToneLexicon tone;
};

Resources& Shared() {
  static Resources* r = [] {
    auto* res = new Resources;
    const std::string data = pipeline::FindDataDir();
    std::vector<std::string> warnings;
    auto coding = pipeline::CodingPipeline::Open(data, &warnings);
    EXPECT_TRUE(coding.ok()) << coding.status().ToString();
    if (coding.ok()) res->coding = std::move(*coding);
    auto tone = tone::ToneLexicon::Load(data + "/tone");
    EXPECT_TRUE(tone.ok()) << tone.status().ToString();
    if (tone.ok()) res->tone = std::move(*tone);
    return res;
  }();
  return *r;
}

class PollerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Shared().coding) << "data/ not found";
    auto s = store::SqliteStore::Open(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    auto f = NewCurlFetcher();
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    fetcher_ = std::move(f).value();
  }

  // A poller on the fake clock; `schedule` false polls every feed whatever its next_fetch.
  std::unique_ptr<Poller> MakePoller(bool schedule = true) {
    PollOptions o;
    o.interval_seconds = kInterval;
    o.max_backoff_seconds = 3 * kInterval;
    o.same_host_gap_ms = 0;
    o.ignore_schedule = !schedule;
    o.clock = [this] { return now_; };
    return std::make_unique<Poller>(*store_, *fetcher_, *Shared().coding, Shared().tone, o);
  }

  PollStats Poll(Poller& p, const std::vector<std::string>& urls) {
    errors_.clear();
    auto s = p.Poll(urls, [&](const Status& e) { errors_.push_back(e.message()); });
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : PollStats{};
  }

  store::FeedState Feed(const std::string& url) {
    auto f = store_->GetFeed(url);
    EXPECT_TRUE(f.ok() && f->has_value()) << url;
    return f.ok() && f->has_value() ? **f : store::FeedState{};
  }

  int64_t Documents() {
    auto s = store_->Stats();
    EXPECT_TRUE(s.ok());
    return s.ok() ? s->documents : -1;
  }

  int64_t now_ = kT0;
  std::vector<std::string> errors_;
  std::unique_ptr<store::SqliteStore> store_;
  // Destroyed before the fetcher, whose kept-alive connection would otherwise hold it up.
  testing::FeedServer server_;
  std::unique_ptr<Fetcher> fetcher_;
};

TEST_F(PollerTest, IngestsAFeedThenAsksConditionallyAndGets304) {
  std::atomic<int> requests{0}, not_modified{0};
  server_.server().Get("/feed.rss", [&](const httplib::Request& req, httplib::Response& res) {
    ++requests;
    if (req.get_header_value("If-None-Match") == "\"v1\"" &&
        req.get_header_value("If-Modified-Since") == "Mon, 05 Aug 2024 07:00:00 GMT") {
      ++not_modified;
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"v1\"");
    res.set_header("Last-Modified", "Mon, 05 Aug 2024 07:00:00 GMT");
    res.set_content(Rss({kMali, kAlger}), "application/rss+xml");
  });
  ASSERT_TRUE(server_.Start());
  const std::string url = server_.Url("/feed.rss");
  auto poller = MakePoller();

  PollStats first = Poll(*poller, {url});
  EXPECT_TRUE(errors_.empty()) << errors_[0];
  EXPECT_EQ(first.feeds, 1);
  EXPECT_EQ(first.items, 2);
  EXPECT_EQ(first.added, 2);
  EXPECT_GT(first.events, 0) << "the items report events";
  EXPECT_EQ(Documents(), 2);
  store::FeedState state = Feed(url);
  EXPECT_EQ(state.etag, "\"v1\"");
  EXPECT_EQ(state.last_modified, "Mon, 05 Aug 2024 07:00:00 GMT");
  EXPECT_EQ(state.last_ok, kT0);
  EXPECT_EQ(state.next_fetch, kT0 + kInterval);
  EXPECT_EQ(state.items, 2);
  EXPECT_EQ(state.failures, 0);
  store::EventFilter mali;
  mali.a = "MLI";
  mali.b = "UKR";
  auto events = store_->Events(mali, store::Page{});
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->events.empty()) << "the Mali item is coded";
  EXPECT_EQ(events->events[0].date, "2024-08-04");

  // Not due yet: no request at all.
  now_ += kInterval - 1;
  PollStats early = Poll(*poller, {url});
  EXPECT_EQ(early.feeds, 0);
  EXPECT_EQ(early.skipped, 1);
  EXPECT_EQ(requests.load(), 1);

  // Due: a conditional request, answered 304.
  now_ = kT0 + kInterval;
  PollStats second = Poll(*poller, {url});
  EXPECT_EQ(second.feeds, 1);
  EXPECT_EQ(second.not_modified, 1);
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(requests.load(), 2);
  EXPECT_EQ(not_modified.load(), 1);
  state = Feed(url);
  EXPECT_EQ(state.etag, "\"v1\"");
  EXPECT_EQ(state.last_ok, kT0 + kInterval);
  EXPECT_EQ(state.next_fetch, kT0 + 2 * kInterval);
}

TEST_F(PollerTest, ItemsSeenAgainAreNotIngestedTwice) {
  // A server without validators: every poll gets the whole feed, one item more each time.
  std::atomic<int> polls{0};
  server_.server().Get("/feed.rss", [&](const httplib::Request&, httplib::Response& res) {
    std::vector<Item> items = {kMali, kAlger};
    if (++polls > 1) items.insert(items.begin(), kNiger);
    res.set_content(Rss(items), "application/rss+xml");
  });
  ASSERT_TRUE(server_.Start());
  const std::string url = server_.Url("/feed.rss");
  auto poller = MakePoller(/*schedule=*/false);
  PollStats first = Poll(*poller, {url});
  EXPECT_EQ(first.added, 2);
  auto stats1 = store_->Stats();
  ASSERT_TRUE(stats1.ok());

  PollStats second = Poll(*poller, {url});
  EXPECT_EQ(second.items, 3);
  EXPECT_EQ(second.added, 1) << "only the Niger item is new";
  EXPECT_EQ(Documents(), 3);
  EXPECT_EQ(Feed(url).items, 3);

  PollStats third = Poll(*poller, {url});
  EXPECT_EQ(third.added, 0);
  EXPECT_EQ(third.events, 0);
  EXPECT_EQ(Documents(), 3);
}

TEST_F(PollerTest, FailingFeedsAreReportedAndBackOffWhileTheGoodOneIsIngested) {
  std::atomic<int> broken_hits{0};
  std::atomic<bool> repaired{false};
  server_.server().Get("/broken", [&](const httplib::Request&, httplib::Response& res) {
    ++broken_hits;
    if (repaired) {
      res.set_content(Rss({kAlger}), "application/rss+xml");
      return;
    }
    res.status = 500;
    res.set_content("Internal error", "text/plain");
  });
  server_.server().Get("/garbage", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><body>Not a feed</body></html>", "text/html");
  });
  server_.server().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "2000");
  });
  server_.server().Get("/good", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Rss({kMali}), "application/rss+xml");
  });
  ASSERT_TRUE(server_.Start());
  const std::vector<std::string> urls = {server_.Url("/broken"), server_.Url("/garbage"),
                                         server_.Url("/busy"), server_.Url("/good")};
  auto poller = MakePoller();

  PollStats first = Poll(*poller, urls);
  EXPECT_EQ(first.feeds, 4);
  EXPECT_EQ(first.failed, 3);
  EXPECT_EQ(first.added, 1);
  EXPECT_EQ(Documents(), 1);
  ASSERT_EQ(errors_.size(), 3u);
  EXPECT_EQ(errors_[0], urls[0] + ": HTTP 500");
  EXPECT_EQ(errors_[1].rfind(urls[1] + ": ", 0), 0u) << errors_[1];
  EXPECT_NE(errors_[1].find("not an RSS or Atom feed"), std::string::npos) << errors_[1];
  EXPECT_EQ(errors_[2], urls[2] + ": HTTP 503");

  store::FeedState broken = Feed(urls[0]);
  EXPECT_EQ(broken.failures, 1);
  EXPECT_EQ(broken.last_error, "HTTP 500");
  EXPECT_EQ(broken.last_fetch, kT0);
  EXPECT_EQ(broken.last_ok, 0);
  EXPECT_EQ(broken.next_fetch, kT0 + 2 * kInterval);  // interval * 2^1
  EXPECT_EQ(Feed(urls[1]).next_fetch, kT0 + 2 * kInterval);
  EXPECT_EQ(Feed(urls[2]).next_fetch, kT0 + 2000);  // Retry-After is longer: honoured
  EXPECT_EQ(Feed(urls[3]).next_fetch, kT0 + kInterval);

  // One interval later only the good feed is due.
  now_ = kT0 + kInterval;
  PollStats second = Poll(*poller, urls);
  EXPECT_EQ(second.feeds, 1);
  EXPECT_EQ(second.skipped, 3);
  EXPECT_EQ(broken_hits.load(), 1);

  // Then the broken one again: two failures, the wait doubles up to the cap (3 intervals).
  now_ = kT0 + 2 * kInterval;
  Poll(*poller, urls);
  broken = Feed(urls[0]);
  EXPECT_EQ(broken.failures, 2);
  EXPECT_EQ(broken.next_fetch, now_ + 3 * kInterval);
  EXPECT_EQ(broken_hits.load(), 2);

  // Recovery resets the count.
  repaired = true;
  now_ += 3 * kInterval;
  Poll(*poller, urls);
  broken = Feed(urls[0]);
  EXPECT_EQ(broken.failures, 0);
  EXPECT_EQ(broken.last_error, "");
  EXPECT_EQ(broken.last_ok, now_);
  EXPECT_EQ(Documents(), 2);
}

TEST_F(PollerTest, UnreachableFeedsAreReportedAndNextDueFollowsTheSchedule) {
  ASSERT_TRUE(server_.Start());
  const std::string gone = server_.Url("/feed.rss");
  server_.Stop();
  auto poller = MakePoller();
  auto due = poller->NextDue({gone});
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, kT0) << "never polled: due now";
  PollStats s = Poll(*poller, {gone});
  EXPECT_EQ(s.failed, 1);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].rfind(gone + ": ", 0), 0u) << errors_[0];
  EXPECT_FALSE(Feed(gone).last_error.empty());
  due = poller->NextDue({gone});
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, kT0 + 2 * kInterval);
}

TEST_F(PollerTest, RequestsToOneHostAreSpacedAndAStopEndsTheRound) {
  server_.server().Get(R"(/feed/(\d+))",
                       [](const httplib::Request&, httplib::Response& res) { res.status = 304; });
  ASSERT_TRUE(server_.Start());
  PollOptions o;
  o.same_host_gap_ms = 150;
  o.ignore_schedule = true;
  Poller spaced(*store_, *fetcher_, *Shared().coding, Shared().tone, o);
  const auto start = std::chrono::steady_clock::now();
  PollStats s =
      Poll(spaced, {server_.Url("/feed/1"), server_.Url("/feed/2"), server_.Url("/feed/3")});
  EXPECT_EQ(s.not_modified, 3);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));

  std::atomic<bool> stop{true};
  o.stop = &stop;
  Poller stopped(*store_, *fetcher_, *Shared().coding, Shared().tone, o);
  EXPECT_EQ(Poll(stopped, {server_.Url("/feed/1")}).feeds, 0);
}

}  // namespace
}  // namespace vigie::watch
