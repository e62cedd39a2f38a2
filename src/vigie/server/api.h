#pragma once
// The JSON API of `vigie serve` (doc/api.md) as a pure function of a Store and a request
// target: routing, parameter checks and rendering, with no HTTP library in sight, so that unit
// tests and the fuzzer drive exactly what the server runs.

#include <string>
#include <string_view>

#include "vigie/store/store.h"

namespace vigie::server {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

struct ApiOptions {
  // Public address of the dashboard ("http://host:port/"), for links in the Atom feed.
  std::string base_url = "http://127.0.0.1:8080/";
};

// Answers one GET of /api/... . `target` is the request target, path and query
// ("/api/events?a=DZA&b=RUS&limit=5"), percent-encoded as it came. Never throws: bad
// parameters give 400, unknown paths and ids 404, store failures 500, each with
// {"error": "..."}.
ApiResponse HandleApi(store::Store& store, std::string_view target, const ApiOptions& options);

// /api/export?FILTER&format=jsonl|csv|gdelt: what to export. The server streams the answer
// (Store::Export) instead of building it: an export may be the whole database.
struct ExportRequest {
  store::EventFilter filter;
  store::ExportFormat format = store::ExportFormat::kJsonl;
  std::string content_type;
  std::string filename;  // for Content-Disposition
};

// The {"error": ...} answer for a failed Status (400, 404 or 500 by its code).
ApiResponse ErrorResponse(const Status& s);

// Parses an export request target; InvalidArgument names the bad parameter.
Result<ExportRequest> ParseExport(std::string_view target);

}  // namespace vigie::server
