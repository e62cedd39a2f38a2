#pragma once
// Alerts as an Atom 1.0 feed (RFC 4287), for `GET /api/alerts.atom` and `vigie watch --atom`:
// one entry per alert, linking to the dashboard view of what the watch follows. Written with
// libxml2's xmlTextWriter, so every text is escaped. Pure functions, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/store/records.h"

namespace vigie::watch {

// The feed: id urn:vigie:alerts, title, updated (the newest alert's time), a self link
// BASE/api/alerts.atom, and per alert an entry with id urn:vigie:alert:ID, title, updated
// (RFC 3339, UTC), summary and the AlertLink. `alerts` are written in the order given (the
// store gives newest first); `watches` supply the links (an alert whose watch is missing links
// to the dashboard's home). `base_url` is where the dashboard is served ("http://host:8080/");
// "" gives relative links. Returns "" only when libxml2 cannot allocate.
std::string AlertsAtom(const std::vector<store::Alert>& alerts,
                       const std::vector<store::Watch>& watches, std::string_view base_url);

// The dashboard page of an alert: BASE#/relation?a=A&b=B&by=month (with &period=P for a
// shift) for a dyad, BASE#/events?actor=KEY for an actor, BASE#/events?text=WORDS for a query;
// BASE#/ when `watch` is null.
std::string AlertLink(const store::Alert& alert, const store::Watch* watch,
                      std::string_view base_url);

// Unix seconds as RFC 3339 in UTC ("2024-08-04T12:00:00Z").
std::string Rfc3339(int64_t unix_seconds);

}  // namespace vigie::watch
