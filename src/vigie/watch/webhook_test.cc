#include "vigie/watch/webhook.h"

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vigie/watch/feed_server_testutil.h"

namespace vigie::watch {
namespace {

store::Alert MakeAlert() {
  store::Alert a;
  a.id = 12;
  a.watch_id = 3;
  a.label = "MLI-UKR";
  a.kind = "events";
  a.created = 1722800000;
  a.title = "MLI-UKR: 1 new event";
  a.summary = "Mali → Ukraine, CAMEO 161, 2024-08-04: Le Mali a rompu avec l'Ukraine.";
  a.event_ids = {41};
  return a;
}

TEST(WebhookTest, PostsTheAlertAsOneJsonObject) {
  testing::FeedServer server;
  std::string body, content_type;
  std::atomic<int> posts{0};
  server.server().Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
    ++posts;
    body = req.body;
    content_type = req.get_header_value("Content-Type");
    res.status = 204;
  });
  ASSERT_TRUE(server.Start());
  store::Watch w{.id = 3, .kind = store::WatchKind::kDyad, .a = "MLI", .b = "UKR"};
  auto hook = Webhook::Open({.url = server.Url("/hook"), .base_url = "http://127.0.0.1:8080/"});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  ASSERT_TRUE((*hook)->Post(MakeAlert(), &w).ok());
  EXPECT_EQ(posts.load(), 1);
  EXPECT_EQ(content_type, "application/json");
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  ASSERT_TRUE(j.is_object()) << body;
  EXPECT_EQ(j["id"], 12);
  EXPECT_EQ(j["watch"], 3);
  EXPECT_EQ(j["label"], "MLI-UKR");
  EXPECT_EQ(j["kind"], "events");
  EXPECT_EQ(j["title"], "MLI-UKR: 1 new event");
  EXPECT_EQ(j["summary"], MakeAlert().summary);
  EXPECT_EQ(j["events"], nlohmann::json::array({41}));
  EXPECT_EQ(j["link"], "http://127.0.0.1:8080/#/relation?a=MLI&b=UKR&by=month");
}

TEST(WebhookTest, ErrorsNameTheUrlAndTheStatus) {
  testing::FeedServer server;
  server.server().Post("/hook",
                       [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  ASSERT_TRUE(server.Start());
  auto hook = Webhook::Open({.url = server.Url("/hook")});
  ASSERT_TRUE(hook.ok());
  Status s = (*hook)->Post(MakeAlert(), nullptr);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_EQ(s.message(), server.Url("/hook") + ": HTTP 500");

  const std::string closed = server.Url("/hook");
  hook->reset();  // closes its kept-alive connection, which Stop() would wait for
  server.Stop();
  auto gone = Webhook::Open({.url = closed, .timeout_ms = 2000});
  ASSERT_TRUE(gone.ok());
  Status g = (*gone)->Post(MakeAlert(), nullptr);
  EXPECT_FALSE(g.ok());
  EXPECT_EQ(g.message().rfind(closed + ": ", 0), 0u) << g.message();
}

// An endpoint that is down loses nothing: what failed is posted, in order, on a later round.
TEST(WebhookTest, AlertsThatFailWaitForTheNextRoundInOrder) {
  testing::FeedServer server;
  std::atomic<bool> up{false};
  std::mutex mu;
  std::vector<int64_t> received;
  server.server().Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
    if (!up.load()) {
      res.status = 503;
      return;
    }
    std::lock_guard lock(mu);
    received.push_back(nlohmann::json::parse(req.body)["id"].get<int64_t>());
    res.status = 200;
  });
  ASSERT_TRUE(server.Start());
  auto hook = Webhook::Open({.url = server.Url("/hook"), .max_waiting = 3});
  ASSERT_TRUE(hook.ok());
  auto alerts = [](std::initializer_list<int64_t> ids) {
    std::vector<store::Alert> out;
    for (int64_t id : ids) {
      out.push_back(MakeAlert());
      out.back().id = id;
    }
    return out;
  };
  const std::map<int64_t, store::Watch> watches;

  Status down = (*hook)->Deliver(alerts({1, 2}), watches);
  EXPECT_EQ(down.code(), Status::Code::kIOError);
  EXPECT_NE(down.message().find("HTTP 503; 2 alerts wait for the next round"), std::string::npos)
      << down.message();
  EXPECT_EQ((*hook)->waiting(), 2u);

  Status over = (*hook)->Deliver(alerts({3, 4}), watches);  // four for three places
  EXPECT_NE(over.message().find("3 alerts wait for the next round, 1 older ones dropped"),
            std::string::npos)
      << over.message();

  up = true;
  ASSERT_TRUE((*hook)->Deliver(alerts({5}), watches).ok());
  EXPECT_EQ((*hook)->waiting(), 0u);
  std::lock_guard lock(mu);
  EXPECT_EQ(received, (std::vector<int64_t>{2, 3, 4, 5}));
}

}  // namespace
}  // namespace vigie::watch
