#pragma once
// `vigie serve`: the HTTP API of doc/api.md and the dashboard's static files over one vigie
// database, opened read-only (one connection per worker thread).
//
//   auto server = vigie::server::Server::Create({.db_path = "vigie.db"});
//   if (!server.ok()) return server.status();
//   std::printf("listening on %s\n", (*server)->url().c_str());
//   (*server)->Run();  // until Stop() from another thread
//
// Requests are bounded (see doc/api.md "Limits"); binding to a non-loopback address needs
// an API token.

#include <memory>
#include <string>

#include "vigie/base/result.h"
#include "vigie/base/status.h"

namespace vigie::server {

struct ServerOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;       // 0: any free port (see Server::port())
  std::string web_root;  // the built dashboard; "" serves the API only
  std::string token;     // required for /api/ when non-empty
  int threads = 8;       // worker threads, each with its own database connection
  int read_timeout_s = 10;
  int write_timeout_s = 30;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& host);

class Server {
 public:
  // Opens the database read-only and binds the socket. InvalidArgument when a non-loopback
  // host has no token; the store's error when the database cannot be opened; IOError when
  // the address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();

  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT/"
  // Serves until Stop(). Returns IOError when the listener fails.
  Status Run();
  // Thread-safe; Run() returns once the requests under way are answered.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::server
