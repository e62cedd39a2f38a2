#include "vigie/watch/fetcher.h"

#include <string>
#include <utility>

#include <curl/curl.h>

#include "vigie/base/strings.h"
#include "vigie/watch/internal/curl.h"

namespace vigie::watch {
namespace {

// Collects the body and stops the transfer (CURLE_WRITE_ERROR) once it would pass the cap:
// Content-Length may be absent or lie, and gzip may inflate a small answer into a huge one.
struct BodySink {
  std::string* body;
  size_t max_bytes;
  bool overflow = false;
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  const size_t n = size * count;
  if (sink->body->size() + n > sink->max_bytes) {
    sink->overflow = true;
    return 0;
  }
  sink->body->append(data, n);
  return n;
}

// The value of response header `name` of the last request (after redirects), "" when absent.
std::string LastHeader(CURL* h, const char* name) {
  curl_header* header = nullptr;
  if (curl_easy_header(h, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || header == nullptr) {
    return "";
  }
  return std::string(str::Trim(header->value));
}

class CurlFetcher final : public Fetcher {
 public:
  CurlFetcher(internal::CurlHandle handle, FetchOptions options)
      : handle_(std::move(handle)), options_(std::move(options)) {}

  Result<FetchResponse> Get(const FetchRequest& req) override {
    CURL* h = handle_.get();
    // Reset options but keep the connection cache: feeds of one host reuse the connection.
    curl_easy_reset(h);
    FetchResponse out;
    BodySink sink{&out.body, options_.max_bytes};
    char errbuf[CURL_ERROR_SIZE] = {0};

    internal::CurlHeaders headers;
    bool headers_ok =
        internal::AddHeader(&headers, "Accept",
                            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
                            "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    if (!req.etag.empty()) headers_ok &= internal::AddHeader(&headers, "If-None-Match", req.etag);
    if (!req.last_modified.empty()) {
      headers_ok &= internal::AddHeader(&headers, "If-Modified-Since", req.last_modified);
    }
    if (!headers_ok) return Status::Internal(req.url + ": cannot build request headers");

    curl_easy_setopt(h, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    // No signals: curl's DNS timeout would otherwise use SIGALRM, and we handle SIGINT ourselves.
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_ms));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
    curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this curl decodes
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    // Refuses early when Content-Length announces too much; the sink catches the rest.
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);

    CURLcode rc = curl_easy_perform(h);
    if (sink.overflow || rc == CURLE_FILESIZE_EXCEEDED) {
      return Status::IOError(req.url + ": response larger than " +
                             std::to_string(options_.max_bytes) + " bytes, refused");
    }
    if (rc != CURLE_OK) return internal::CurlError(req.url, rc, errbuf);

    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    out.status = static_cast<int>(status);
    char* effective = nullptr;
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective);
    out.url = effective != nullptr ? effective : req.url;
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK) {
      out.retry_after = static_cast<int64_t>(retry_after);
    }
    out.etag = LastHeader(h, "ETag");
    out.last_modified = LastHeader(h, "Last-Modified");
    return out;
  }

 private:
  internal::CurlHandle handle_;
  FetchOptions options_;
};

}  // namespace

Result<std::unique_ptr<Fetcher>> NewCurlFetcher(const FetchOptions& options) {
  VIGIE_ASSIGN_OR_RETURN(internal::CurlHandle handle, internal::NewCurlHandle());
  return std::unique_ptr<Fetcher>(std::make_unique<CurlFetcher>(std::move(handle), options));
}

}  // namespace vigie::watch
