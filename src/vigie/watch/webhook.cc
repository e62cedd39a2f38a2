#include "vigie/watch/webhook.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "vigie/store/json.h"
#include "vigie/watch/atom.h"
#include "vigie/watch/internal/curl.h"

namespace vigie::watch {
namespace {

// The answer's body is not used; keep curl from printing it to stdout.
size_t DiscardBody(char*, size_t size, size_t count, void*) { return size * count; }

}  // namespace

std::string AlertPayload(const store::Alert& alert, const store::Watch* watch,
                         std::string_view base_url) {
  // store::AlertsJson is the API's rendering: reuse it so that both stay one shape.
  nlohmann::json list = nlohmann::json::parse(store::AlertsJson({alert}), nullptr, false);
  nlohmann::json obj =
      list.is_array() && !list.empty() ? std::move(list[0]) : nlohmann::json::object();
  obj["link"] = AlertLink(alert, watch, base_url);
  return obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct Webhook::Impl {
  WebhookOptions options;
  internal::CurlHandle handle;
  std::deque<store::Alert> waiting;  // not posted yet, oldest first
};

Webhook::Webhook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Webhook::~Webhook() = default;

Result<std::unique_ptr<Webhook>> Webhook::Open(WebhookOptions options) {
  VIGIE_ASSIGN_OR_RETURN(internal::CurlHandle handle, internal::NewCurlHandle());
  auto impl = std::make_unique<Impl>(Impl{std::move(options), std::move(handle)});
  return std::unique_ptr<Webhook>(new Webhook(std::move(impl)));
}

Status Webhook::Post(const store::Alert& alert, const store::Watch* watch) {
  const WebhookOptions& o = impl_->options;
  const std::string body = AlertPayload(alert, watch, o.base_url);
  CURL* h = impl_->handle.get();
  curl_easy_reset(h);
  internal::CurlHeaders headers;
  if (!internal::AddHeader(&headers, "Content-Type", "application/json")) {
    return Status::Internal(o.url + ": cannot build request headers");
  }
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(h, CURLOPT_URL, o.url.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout_ms));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.timeout_ms));
  curl_easy_setopt(h, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, DiscardBody);
  CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) return internal::CurlError(o.url, rc, errbuf);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) {
    return Status::IOError(o.url + ": HTTP " + std::to_string(status));
  }
  return Status::OK();
}

Status Webhook::Deliver(std::vector<store::Alert> alerts,
                        const std::map<int64_t, store::Watch>& watches) {
  std::deque<store::Alert>& waiting = impl_->waiting;
  for (store::Alert& a : alerts) waiting.push_back(std::move(a));
  Status failed;
  while (!waiting.empty()) {
    auto it = watches.find(waiting.front().watch_id);
    failed = Post(waiting.front(), it == watches.end() ? nullptr : &it->second);
    if (!failed.ok()) break;  // the endpoint is down or refuses: try again next time
    waiting.pop_front();
  }
  size_t dropped = 0;
  for (; waiting.size() > impl_->options.max_waiting; ++dropped) waiting.pop_front();
  if (failed.ok() && dropped == 0) return Status::OK();
  std::string what = failed.ok() ? "" : failed.message() + "; ";
  what += std::to_string(waiting.size()) + " alerts wait for the next round";
  if (dropped) what += ", " + std::to_string(dropped) + " older ones dropped";
  return Status::IOError(what);
}

size_t Webhook::waiting() const { return impl_->waiting.size(); }

}  // namespace vigie::watch
