#include "vigie/server/server.h"

#include <algorithm>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <vector>

#include <httplib.h>
#include <sys/socket.h>

#include "vigie/server/api.h"
#include "vigie/server/static_files.h"
#include "vigie/store/sqlite_store.h"

namespace vigie::server {
namespace {

// Compares in time independent of where the strings differ, so that response times do not
// leak the token a byte at a time.
bool SameSecret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

std::string ErrorBody(std::string_view message) {
  // The messages here are fixed ASCII: no escaping needed.
  return "{\"error\": \"" + std::string(message) + "\"}";
}

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

struct Server::Impl {
  ServerOptions opt;
  ApiOptions api;
  httplib::Server http;
  int port = 0;
  int listen_fd = -1;

  // Read-only connections, one per request under way: a Store is not thread-safe, and opening
  // one per request would cost a schema check each time.
  std::mutex pool_mu;
  std::vector<std::unique_ptr<store::SqliteStore>> idle;

  Result<std::unique_ptr<store::SqliteStore>> Acquire() {
    {
      std::lock_guard<std::mutex> lock(pool_mu);
      if (!idle.empty()) {
        auto s = std::move(idle.back());
        idle.pop_back();
        return s;
      }
    }
    store::StoreOptions o;
    o.read_only = true;
    o.create_if_missing = false;
    // Many readers share the file: a smaller page cache each, the map does the rest.
    o.cache_kib = 16 * 1024;
    return store::SqliteStore::Open(opt.db_path, o);
  }

  void Release(std::unique_ptr<store::SqliteStore> s) {
    std::lock_guard<std::mutex> lock(pool_mu);
    idle.push_back(std::move(s));
  }

  bool Authorized(const httplib::Request& req) const {
    if (opt.token.empty()) return true;
    const std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (std::string_view(auth).starts_with(kBearer)) {
      return SameSecret(std::string_view(auth).substr(kBearer.size()), opt.token);
    }
    return req.has_param("token") && SameSecret(req.get_param_value("token"), opt.token);
  }

  void Api(const httplib::Request& req, httplib::Response& res) {
    auto db = Acquire();
    if (!db.ok()) {
      res.status = 503;
      res.set_content(ErrorBody("database unavailable"), "application/json");
      return;
    }
    ApiResponse r = HandleApi(**db, req.target, api);
    Release(std::move(*db));
    res.status = r.status;
    res.set_content(std::move(r.body), r.content_type.c_str());
    res.set_header("Cache-Control", "no-store");
  }

  // Streams an export: Store::Export writes through this buffer into the chunked answer, so
  // memory stays bounded whatever the size of the database.
  class SinkBuf : public std::streambuf {
   public:
    explicit SinkBuf(httplib::DataSink& sink) : sink_(sink) {}

   protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
      return sink_.write(s, static_cast<size_t>(n)) ? n : 0;
    }
    int_type overflow(int_type c) override {
      if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
      char ch = traits_type::to_char_type(c);
      return sink_.write(&ch, 1) ? c : traits_type::eof();
    }

   private:
    httplib::DataSink& sink_;
  };

  void Export(const httplib::Request& req, httplib::Response& res) {
    Result<ExportRequest> ex = ParseExport(req.target);
    if (!ex.ok()) {
      ApiResponse r = ErrorResponse(ex.status());
      res.status = r.status;
      res.set_content(std::move(r.body), r.content_type.c_str());
      return;
    }
    res.set_header("Content-Disposition", "attachment; filename=\"" + ex->filename + "\"");
    res.set_chunked_content_provider(ex->content_type,
                                     [this, ex = std::move(*ex)](size_t, httplib::DataSink& sink) {
                                       auto db = Acquire();
                                       if (!db.ok()) return false;
                                       SinkBuf buf(sink);
                                       std::ostream out(&buf);
                                       Status s = (*db)->Export(ex.format, ex.filter, out);
                                       Release(std::move(*db));
                                       // A failure mid-stream can only be told by cutting the
                                       // answer short.
                                       if (!s.ok()) return false;
                                       sink.done();
                                       return true;
                                     });
  }

  void Static(const httplib::Request& req, httplib::Response& res) {
    std::optional<StaticFile> f = ReadStaticFile(opt.web_root, req.path);
    if (!f) {
      res.status = 404;
      res.set_content(opt.web_root.empty() ? "vigie serve: no dashboard built (make build), "
                                             "the API is at /api/ (doc/api.md)\n"
                                           : "not found\n",
                      "text/plain; charset=utf-8");
      return;
    }
    res.set_content(std::move(f->body), f->content_type.c_str());
  }

  void Install() {
    http.new_task_queue = [n = opt.threads] {
      return new httplib::ThreadPool(static_cast<size_t>(n));
    };
    http.set_read_timeout(opt.read_timeout_s, 0);
    http.set_write_timeout(opt.write_timeout_s, 0);
    http.set_keep_alive_timeout(5);
    // Small JSON answers: without TCP_NODELAY, Nagle's algorithm meets the client's delayed
    // ACK and every keep-alive answer waits ~40 ms.
    http.set_tcp_nodelay(true);
    http.set_keep_alive_max_count(1000);
    // The library listens with a backlog of 5: a burst of new connections (a dashboard opening
    // a dozen requests, a load test's 64) overflows it and clients retry after a second. Note
    // the listening socket so that Create() can listen again with a real backlog.
    http.set_socket_options([this](int sock) {
      httplib::default_socket_options(sock);
      listen_fd = sock;
    });
    // GET only: a body is never needed, so none is read.
    http.set_payload_max_length(0);
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
      res.set_header("Referrer-Policy", "no-referrer");
      if (req.method != "GET" && req.method != "HEAD") {
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
        res.set_content(ErrorBody("only GET is served"), "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.path.starts_with("/api/") && !Authorized(req)) {
        res.status = 401;
        res.set_header("WWW-Authenticate", "Bearer");
        res.set_content(ErrorBody("an API token is needed (Authorization: Bearer TOKEN)"),
                        "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.path == "/api/export") {
        Export(req, res);
      } else if (req.path.starts_with("/api/")) {
        Api(req, res);
      } else {
        Static(req, res);
      }
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          res.status = 500;
          res.set_content(ErrorBody("internal error"), "application/json");
        });
  }
};

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  if (!IsLoopback(options.host) && options.token.empty()) {
    return Status::InvalidArgument("binding to " + options.host +
                                   " (not loopback) needs an API token: --token or "
                                   "VIGIE_API_TOKEN");
  }
  if (options.threads < 1 || options.threads > 256) {
    return Status::InvalidArgument("threads must be 1..256");
  }
  auto impl = std::make_unique<Impl>();
  impl->opt = options;
  // Open once now: a missing or foreign database is reported before the socket opens.
  VIGIE_ASSIGN_OR_RETURN(auto first, impl->Acquire());
  impl->Release(std::move(first));
  impl->Install();
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
    if (impl->port <= 0) return Status::IOError("cannot bind " + options.host);
  } else {
    if (!impl->http.bind_to_port(options.host, options.port)) {
      return Status::IOError("cannot bind " + options.host + ":" + std::to_string(options.port) +
                             " (in use?)");
    }
    impl->port = options.port;
  }
  // Linux updates the backlog of a socket that is already listening.
  if (impl->listen_fd >= 0) ::listen(impl->listen_fd, 1024);
  const std::string shown_host =
      options.host.find(':') != std::string::npos && options.host[0] != '['
          ? "[" + options.host + "]"
          : options.host;
  impl->api.base_url = "http://" + shown_host + ":" + std::to_string(impl->port) + "/";
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

int Server::port() const { return impl_->port; }
std::string Server::url() const { return impl_->api.base_url; }

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IOError("the listener stopped");
  return Status::OK();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace vigie::server
