#pragma once
// A local HTTP server for tests of feed polling and webhooks: cpp-httplib on 127.0.0.1, on a
// port the kernel picks, serving on its own thread until destroyed. Handlers are registered
// on server() before Start(). Tests never reach beyond 127.0.0.1.

#include <chrono>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

namespace vigie::watch::testing {

class FeedServer {
 public:
  FeedServer() = default;
  FeedServer(const FeedServer&) = delete;
  FeedServer& operator=(const FeedServer&) = delete;
  ~FeedServer() { Stop(); }

  httplib::Server& server() { return server_; }

  // Binds to 127.0.0.1:ANY and serves in the background; false when it cannot bind.
  bool Start() {
    // stop() waits for connections a client keeps alive: keep that wait short.
    server_.set_keep_alive_timeout(1);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return false;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // The socket already listens (connections queue), but stop() only works once the accept
    // loop runs.
    for (int i = 0; i < 5000 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return server_.is_running();
  }

  void Stop() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
  }

  // "http://127.0.0.1:PORT" + path.
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace vigie::watch::testing
