#pragma once
// Webhook: POSTs each new alert as one JSON object to a URL the user gave
// (`vigie watch --webhook URL`). The object is the alert as /api/alerts lists it
// ({"id","watch","label","kind","created","title","summary","period","events":[id]}) plus
// "link", its dashboard page. Any 2xx answer is success. Not thread-safe: one per thread.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/status.h"
#include "vigie/store/records.h"

namespace vigie::watch {

struct WebhookOptions {
  std::string url;       // http or https
  std::string base_url;  // the dashboard, for "link" ("" gives a relative link)
  int timeout_ms = 10'000;
  // Alerts kept for a later Deliver() while the endpoint fails; beyond, the oldest go.
  size_t max_waiting = 1000;
  std::string user_agent = "vigie/0.1 (+feed reader)";
};

// The JSON object posted for `alert` (one line, no trailing newline).
std::string AlertPayload(const store::Alert& alert, const store::Watch* watch,
                         std::string_view base_url);

class Webhook {
 public:
  // Internal when libcurl cannot be initialised.
  static Result<std::unique_ptr<Webhook>> Open(WebhookOptions options);
  ~Webhook();

  // Posts one alert. Returns IOError naming the URL when there is no answer (connection,
  // timeout) or the answer is not 2xx ("HTTP 500"). Redirects are not followed: a POST is not
  // repeated elsewhere behind the user's back.
  Status Post(const store::Alert& alert, const store::Watch* watch);

  // Queues `alerts` behind those still waiting and posts them in order, stopping at the
  // first failure, which it returns (with how many wait): what was not posted is tried again
  // on the next call, so an endpoint that is down for a while loses nothing, up to
  // WebhookOptions::max_waiting alerts (beyond, the oldest that could not be posted are
  // dropped, and the error says so). `watches` by id, for the links; an alert whose watch is
  // gone gets none.
  Status Deliver(std::vector<store::Alert> alerts, const std::map<int64_t, store::Watch>& watches);
  size_t waiting() const;

 private:
  struct Impl;
  explicit Webhook(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::watch
