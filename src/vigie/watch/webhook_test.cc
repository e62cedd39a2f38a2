#include "vigie/watch/webhook.h"

#include <atomic>
#include <string>

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

}  // namespace
}  // namespace vigie::watch
