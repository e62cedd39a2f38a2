// End to end: `vigie watch` against feeds served from 127.0.0.1 — follow a dyad, poll once,
// see the alert in --list, --atom and a webhook; conditional polling on the next run; bad
// feeds reported; SIGTERM ends a running watch cleanly.

#include <atomic>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_testutil.h"
#include "vigie/watch/feed_server_testutil.h"

namespace {

using vigie::testing::RunResult;
namespace fs = std::filesystem;

constexpr const char* kFeed = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Info</title><link>https://sahel.example/</link>
<item><title>Le Mali rompt avec l'Ukraine</title>
<link>https://sahel.example/2024/08/04/mali-ukraine</link>
<pubDate>Sun, 04 Aug 2024 18:00:00 +0000</pubDate>
<description><![CDATA[<p>Le 4 août 2024, le Mali a rompu ses relations avec l'Ukraine.</p>]]></description>
</item></channel></rss>)";

class CliWatchTest : public vigie::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    server_.server().Get("/sahel.rss", [this](const httplib::Request& req, httplib::Response& res) {
      ++feed_requests_;
      if (req.get_header_value("If-None-Match") == "\"s1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"s1\"");
      res.set_content(kFeed, "application/rss+xml");
    });
    server_.server().Get("/down.rss",
                         [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    server_.server().Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      hook_body_ = req.body;
      ++hook_posts_;
      res.status = 200;
    });
    ASSERT_TRUE(server_.Start());
    db_ = (dir_ / "v.db").string();
  }

  std::string Feeds(const std::string& content) { return Write("feeds.txt", content).string(); }

  vigie::watch::testing::FeedServer server_;
  std::atomic<int> feed_requests_{0};
  std::atomic<int> hook_posts_{0};
  std::string hook_body_;
  std::string db_;
};

TEST_F(CliWatchTest, FollowPollOnceAndSeeTheAlert) {
  const std::string feeds = Feeds("# test feeds\n\n" + server_.Url("/sahel.rss") + "\n");
  RunResult first = Run("watch --db " + db_ + " --feeds " + feeds +
                        " --follow dyad:MLI-UKR --once --webhook " + server_.Url("/hook"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("MLI-UKR: 1 new event"), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("following #1 dyad:MLI-UKR"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("1 feeds polled (0 not modified, 0 failed, 0 not due), 1 new items"),
            std::string::npos)
      << first.err;
  EXPECT_NE(first.err.find("1 alerts raised"), std::string::npos) << first.err;
  EXPECT_EQ(hook_posts_.load(), 1);
  auto hook = nlohmann::json::parse(hook_body_, nullptr, false);
  ASSERT_TRUE(hook.is_object()) << hook_body_;
  EXPECT_EQ(hook["title"], "MLI-UKR: 1 new event");
  EXPECT_EQ(hook["kind"], "events");

  RunResult list = Run("watch --db " + db_ + " --list");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("#1  dyad:MLI-UKR"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("MLI-UKR: 1 new event"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("Mali → Ukraine"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("rompu ses relations"), std::string::npos) << list.out;

  RunResult json = Run("watch --db " + db_ + " --list --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  ASSERT_EQ(json.docs.size(), 1u) << json.out;
  ASSERT_EQ(json.docs[0]["alerts"].size(), 1u);
  EXPECT_EQ(json.docs[0]["alerts"][0]["label"], "MLI-UKR");
  EXPECT_EQ(json.docs[0]["watches"][0]["kind"], "dyad");

  RunResult atom = Run("watch --db " + db_ + " --atom --base-url http://127.0.0.1:8080");
  ASSERT_EQ(atom.exit_code, 0) << atom.err;
  EXPECT_NE(atom.out.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos)
      << atom.out;
  EXPECT_NE(atom.out.find("urn:vigie:alert:1"), std::string::npos);
  EXPECT_NE(atom.out.find("http://127.0.0.1:8080/#/relation?a=MLI&amp;b=UKR"), std::string::npos);

  // The next run asks conditionally: 304, nothing new, no alert.
  RunResult again = Run("watch --db " + db_ + " --feeds " + feeds + " --once");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("(1 not modified"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("0 alerts raised"), std::string::npos) << again.err;
  EXPECT_EQ(feed_requests_.load(), 2);
}

TEST_F(CliWatchTest, BadLinesAndFailingFeedsAreReportedAndTheRestIsPolled) {
  const std::string feeds =
      Feeds(server_.Url("/down.rss") + "\nnot a url\n" + server_.Url("/sahel.rss") + "\n");
  RunResult r = Run("watch --db " + db_ + " --feeds " + feeds + " --once --quiet");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("vigie watch: " + feeds + ":2: not an http:// or https:// URL"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("vigie watch: " + server_.Url("/down.rss") + ": HTTP 500"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("feeds polled"), std::string::npos) << "--quiet: " << r.err;
  RunResult stats = Run("stats --db " + db_);
  ASSERT_EQ(stats.docs.size(), 1u);
  EXPECT_EQ(stats.docs[0]["documents"], 1) << "the good feed was ingested";
}

TEST_F(CliWatchTest, FollowUnfollowAndUsageErrors) {
  RunResult follow =
      Run("watch --db " + db_ + " --follow actor:MLI --follow \"query:Tin Zaouatine\" --quiet");
  ASSERT_EQ(follow.exit_code, 0) << follow.err;
  RunResult list = Run("watch --db " + db_ + " --list");
  EXPECT_NE(list.out.find("#1  actor:MLI"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("#2  query:Tin Zaouatine"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("none yet"), std::string::npos) << list.out;

  ASSERT_EQ(Run("watch --db " + db_ + " --unfollow 1").exit_code, 0);
  list = Run("watch --db " + db_ + " --list");
  EXPECT_EQ(list.out.find("actor:MLI"), std::string::npos) << list.out;
  RunResult missing = Run("watch --db " + db_ + " --unfollow 42");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no watch 42"), std::string::npos) << missing.err;

  EXPECT_EQ(Run("watch --db " + db_).exit_code, 1);
  RunResult bad = Run("watch --db " + db_ + " --follow dyad:MLI");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("dyad:DZA-RUS"), std::string::npos) << bad.err;
  EXPECT_EQ(Run("watch --db " + db_ + " --feeds x --interval 5").exit_code, 1);
  EXPECT_EQ(Run("watch --db " + db_ + " --feeds " + (dir_ / "absent.txt").string()).exit_code, 2);

  RunResult help = Run("watch --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* flag : {"--feeds", "--follow", "--webhook", "--interval", "--once", "--list",
                           "--unfollow", "dyad:A-B"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
}

TEST_F(CliWatchTest, SigtermEndsARunningWatchWithExitZero) {
  const std::string feeds = Feeds(server_.Url("/sahel.rss") + "\n");
  const fs::path err = dir_ / "stderr";
  const std::string bin = vigie::testing::EnvOr("VIGIE_BIN", "build/vigie");
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    execl(bin.c_str(), bin.c_str(), "watch", "--db", db_.c_str(), "--feeds", feeds.c_str(),
          "--interval", "60", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for the first round to finish, then ask it to stop.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(8);
  while (vigie::testing::ReadFile(err).find("feeds polled") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_NE(vigie::testing::ReadFile(err).find("feeds polled"), std::string::npos)
      << vigie::testing::ReadFile(err);
  kill(pid, SIGTERM);
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 100 && done == 0; ++i) {
    done = waitpid(pid, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (done == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    FAIL() << "vigie watch did not stop on SIGTERM";
  }
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0) << vigie::testing::ReadFile(err);
  EXPECT_EQ(feed_requests_.load(), 1);
}

}  // namespace
