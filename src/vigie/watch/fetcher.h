#pragma once
// Fetcher: one conditional HTTP GET of a feed. An interface so that the poller can be driven
// by a fake in tests; CurlFetcher is the real one (libcurl).
//
//   auto fetcher = vigie::watch::NewCurlFetcher();
//   auto r = (*fetcher)->Get({.url = url, .etag = state.etag});
//   if (r.ok() && r->status == 304) ... nothing new
//
// Thread-safety: a Fetcher is not thread-safe; use one per thread.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "vigie/base/result.h"

namespace vigie::watch {

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
};

struct FetchResponse {
  int status = 0;             // the final HTTP status (after redirects)
  std::string body;           // decoded (gzip/deflate undone), at most FetchOptions::max_bytes
  std::string etag;           // validators of this answer, "" when absent
  std::string last_modified;  //
  std::string url;            // where the body came from, after redirects
  int64_t retry_after = 0;    // Retry-After in seconds (429, 503), 0 when absent or a date
};

struct FetchOptions {
  std::string user_agent = "vigie/0.1 (+feed reader)";
  int max_redirects = 5;
  int connect_timeout_ms = 10'000;
  int timeout_ms = 30'000;  // the whole transfer
  // Larger answers are refused (an error): feeds are parsed whole, and a feed is far smaller.
  size_t max_bytes = size_t{20} << 20;
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // GETs `req.url` (http or https only). An HTTP error status (404, 500) is a response, not an
  // error. Returns IOError naming the URL for everything that gives no response: bad URL or
  // scheme, DNS, connection, TLS, timeout, too many redirects, a body over max_bytes.
  virtual Result<FetchResponse> Get(const FetchRequest& req) = 0;
};

// A Fetcher over one reused libcurl easy handle (connections are kept alive between feeds of
// the same host). Internal when libcurl cannot be initialised.
Result<std::unique_ptr<Fetcher>> NewCurlFetcher(const FetchOptions& options = {});

}  // namespace vigie::watch
