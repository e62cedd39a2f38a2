// `vigie serve`: the dashboard and its JSON API over one database (doc/api.md).

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include <pthread.h>

#include "vigie/cli/commands.h"
#include "vigie/server/server.h"
#include "vigie/server/static_files.h"

namespace vigie::cli {
namespace {

struct ServeFlags {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  std::string token;
  int threads = 64;
};

int RunServe(ServeFlags f) {
  if (f.token.empty()) {
    if (const char* env = std::getenv("VIGIE_API_TOKEN"); env && *env) f.token = env;
  }
  server::ServerOptions o;
  o.db_path = f.db;
  o.host = f.host;
  o.port = f.port;
  o.web_root = server::FindWebRoot(f.web);
  o.token = f.token;
  o.threads = f.threads;

  // SIGINT and SIGTERM are taken by one thread that stops the server: the workers never see
  // them, and Stop() runs outside a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto srv = server::Server::Create(o);
  if (!srv.ok()) {
    std::fprintf(stderr, "vigie serve: %s\n", srv.status().message().c_str());
    return srv.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitBadInput;
  }
  std::fprintf(stderr, "vigie serve: listening on %s (database %s, dashboard %s)\n",
               (*srv)->url().c_str(), f.db.c_str(),
               o.web_root.empty() ? "not built: API only" : o.web_root.c_str());
  std::fflush(stderr);

  server::Server* raw = srv->get();
  std::thread waiter([raw, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    raw->Stop();
  });
  Status run = raw->Run();
  // Run() can also end by itself (listener failure): wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!run.ok()) {
    std::fprintf(stderr, "vigie serve: %s\n", run.message().c_str());
    return kExitBadInput;
  }
  std::fprintf(stderr, "vigie serve: stopped\n");
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App& app, RunFunction* run) {
  auto f = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the dashboard and the JSON API (doc/api.md) over a database, read-only");
  cmd->add_option("--db", f->db, "SQLite database file (from vigie ingest)")->required();
  cmd->add_option("--host", f->host, "Address to bind; not loopback needs --token")
      ->capture_default_str();
  cmd->add_option("--port", f->port, "TCP port (0: any free port, printed on start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--web", f->web,
                  "Built dashboard directory (default: web/dist found near "
                  "the executable, or $VIGIE_WEB)");
  cmd->add_option("--token", f->token,
                  "API token required on /api/ (Authorization: Bearer TOKEN or ?token=); "
                  "default $VIGIE_API_TOKEN");
  cmd->add_option("--threads", f->threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->callback([f, run] { *run = [f] { return RunServe(*f); }; });
}

}  // namespace vigie::cli
