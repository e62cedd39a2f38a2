#include "vigie/server/server.h"

#include <filesystem>
#include <fstream>
#include <thread>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include "testutil.h"
#include "vigie/store/sqlite_store.h"
#include "vigie/store/store_testutil.h"

namespace vigie::server {
namespace {
namespace fs = std::filesystem;

// Sends `request` as written (no client-side normalization) and returns the raw answer.
std::string RawRequest(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  (void)!write(fd, request.data(), request.size());
  // Reads one answer: headers, then Content-Length bytes (some answers keep the connection
  // open whatever the request said).
  std::string out;
  char buf[4096];
  ssize_t n;
  size_t want = std::string::npos;
  while (out.size() < want && (n = read(fd, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    size_t end = out.find("\r\n\r\n");
    if (want == std::string::npos && end != std::string::npos) {
      size_t len = out.find("Content-Length: ");
      want = end + 4 + (len < end ? std::stoul(out.substr(len + 16)) : 0);
    }
  }
  close(fd);
  return out;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie_server_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "web");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>vigie test</title>";
    std::ofstream(dir_ / "secret.txt") << "SECRET";
    db_path_ = (dir_ / "t.db").string();
    auto db = store::SqliteStore::Open(db_path_);
    ASSERT_TRUE(db.ok());
    auto t = store::MakeDoc("doc1", "example.org", "2024-08-05", "Mali",
                            {"Le Mali rompt avec l'Ukraine. " + store::Filler("m")},
                            {{0, "2024-08-04", "MLI", "UKR", "161", -4.0}});
    ASSERT_TRUE((*db)->AddDocument(t.doc, t.sentences, t.events).ok());
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    fs::remove_all(dir_);
  }

  void Start(ServerOptions o = {}) {
    o.db_path = db_path_;
    o.port = 0;
    o.web_root = (dir_ / "web").string();
    o.threads = 4;
    auto s = Server::Create(o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
    thread_ = std::thread([this] { server_->Run().IgnoreError(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // The listener starts in the thread: wait until it answers.
    for (int i = 0; i < 200 && !client_->Get("/api/stats"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  fs::path dir_;
  std::string db_path_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, AnswersTheApiAndTheDashboard) {
  Start();
  auto stats = client_->Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_EQ(nlohmann::json::parse(stats->body)["events"], 1);
  EXPECT_EQ(stats->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(stats->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  auto events = client_->Get("/api/events?a=MLI&b=UKR");
  ASSERT_TRUE(events);
  EXPECT_EQ(nlohmann::json::parse(events->body)["events"][0]["cameo"], "161");
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("vigie test"), std::string::npos);
  auto bad = client_->Get("/api/events?quad=7");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServerTest, StreamsExports) {
  Start();
  auto jsonl = client_->Get("/api/export?a=MLI&b=UKR&format=jsonl");
  ASSERT_TRUE(jsonl);
  EXPECT_EQ(jsonl->status, 200);
  EXPECT_NE(jsonl->get_header_value("Content-Disposition").find("vigie-events.jsonl"),
            std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(jsonl->body.substr(0, jsonl->body.find('\n')))["cameo"], "161");
  auto csv = client_->Get("/api/export?format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 2);  // header and one event
  auto bad = client_->Get("/api/export?format=xml");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServerTest, OnlyGetIsServed) {
  Start();
  auto post = client_->Post("/api/stats", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto del = client_->Delete("/api/watches");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST_F(ServerTest, StaticFilesNeverLeaveTheWebRoot) {
  Start();
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
        "/web/../../secret.txt", "//etc/passwd", "/..\\secret.txt", "/%00/secret.txt"}) {
    std::string answer = RawRequest(server_->port(), std::string("GET ") + target +
                                                         " HTTP/1.1\r\nHost: x\r\n"
                                                         "Connection: close\r\n\r\n");
    EXPECT_EQ(answer.find("SECRET"), std::string::npos) << target;
    EXPECT_EQ(answer.find("root:"), std::string::npos) << target;
    EXPECT_FALSE(answer.starts_with("HTTP/1.1 200")) << target << "\n" << answer;
  }
}

TEST_F(ServerTest, RequestsAreBounded) {
  Start();
  std::string long_target = "/api/search?q=" + std::string(20000, 'a');
  std::string answer = RawRequest(server_->port(), "GET " + long_target +
                                                       " HTTP/1.1\r\nHost: x\r\n"
                                                       "Connection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 414") || answer.starts_with("HTTP/1.1 400") ||
              answer.empty())
      << answer.substr(0, 80);
  // The server is still there.
  auto stats = client_->Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
}

TEST_F(ServerTest, TokenGuardsTheApi) {
  ServerOptions o;
  o.token = "s3cret";
  Start(o);
  auto none = client_->Get("/api/stats");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  auto wrong = client_->Get("/api/stats", {{"Authorization", "Bearer nope"}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto bearer = client_->Get("/api/stats", {{"Authorization", "Bearer s3cret"}});
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 200);
  auto query = client_->Get("/api/stats?token=s3cret");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->status, 200);
}

TEST_F(ServerTest, NonLoopbackNeedsAToken) {
  ServerOptions o;
  o.db_path = db_path_;
  o.host = "0.0.0.0";
  auto s = Server::Create(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("192.168.1.10"));
}

TEST_F(ServerTest, OpensTheDatabaseReadOnly) {
  ServerOptions o;
  o.db_path = (dir_ / "missing.db").string();
  auto s = Server::Create(o);
  ASSERT_FALSE(s.ok());
  EXPECT_FALSE(fs::exists(dir_ / "missing.db"));  // never created

  Start();
  // A reader while the server runs: the file is not locked for writing by the server.
  auto writer = store::SqliteStore::Open(db_path_);
  ASSERT_TRUE(writer.ok());
  auto t = store::MakeDoc("doc2", "example.org", "2024-08-06", "Mali 2",
                          {"Le Mali accuse l'Ukraine. " + store::Filler("n")},
                          {{0, "2024-08-05", "MLI", "UKR", "112", -2.0}});
  ASSERT_TRUE((*writer)->AddDocument(t.doc, t.sentences, t.events).ok());
  auto stats = client_->Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(nlohmann::json::parse(stats->body)["documents"], 2);
}

}  // namespace
}  // namespace vigie::server
