#include "vigie/server/api.h"

#include <charconv>
#include <cmath>
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/server/country_names.h"
#include "vigie/server/params.h"
#include "vigie/store/json.h"
#include "vigie/watch/atom.h"

namespace vigie::server {
namespace {

using Json = nlohmann::ordered_json;

ApiResponse Error(int status, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.body = Json{{"error", message}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

}  // namespace

ApiResponse ErrorResponse(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
      return Error(400, s.message());
    case Status::Code::kNotFound:
      return Error(404, s.message());
    default:
      return Error(500, s.message());
  }
}

namespace {

// The store keeps the words an article used ("Alger"); a country is better labelled by its name.
void NameActors(std::vector<store::TopRow>* rows) {
  for (store::TopRow& r : *rows) {
    if (std::string name = CountryName(r.key); !name.empty()) r.name = std::move(name);
  }
}

Result<std::string> Events(store::Store& db, const Params& p) {
  VIGIE_ASSIGN_OR_RETURN(store::EventFilter filter, p.Filter());
  store::Page page;
  VIGIE_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 50, 1, 1000));
  VIGIE_ASSIGN_OR_RETURN(page.offset, p.Int("offset", 0, 0, int64_t{1} << 40));
  page.limit = static_cast<int>(limit);
  VIGIE_ASSIGN_OR_RETURN(store::EventPage events, db.Events(filter, page));
  return store::EventPageJson(events);
}

Result<std::string> Event(store::Store& db, std::string_view id_text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0) {
    return Status::NotFound("no event `" + std::string(id_text) + "`");
  }
  VIGIE_ASSIGN_OR_RETURN(store::EventRecord event, db.GetEvent(id));
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::MentionRecord> mentions, db.Mentions(id));
  return store::EventDetailJson(event, mentions);
}

Result<store::Period> PeriodParam(const Params& p) {
  const std::string& by = p.Get("by");
  if (by.empty()) return store::Period::kMonth;
  auto period = store::ParsePeriod(by);
  if (!period.ok()) return Status::InvalidArgument("parameter `by`: " + period.status().message());
  return period;
}

Result<std::string> Dyad(store::Store& db, const Params& p) {
  store::DyadQuery q;
  VIGIE_ASSIGN_OR_RETURN(q.a, p.ActorKey("a"));
  VIGIE_ASSIGN_OR_RETURN(q.b, p.ActorKey("b"));
  if (q.a.empty() || q.b.empty())
    return Status::InvalidArgument("parameters `a` and `b`: both are needed");
  VIGIE_ASSIGN_OR_RETURN(q.by, PeriodParam(p));
  VIGIE_ASSIGN_OR_RETURN(q.directed, p.Bool("directed", false));
  VIGIE_ASSIGN_OR_RETURN(q.from, p.Day("from"));
  VIGIE_ASSIGN_OR_RETURN(q.to, p.Day("to"));
  VIGIE_ASSIGN_OR_RETURN(q.include_unrealized, p.Bool("unrealized", false));
  VIGIE_ASSIGN_OR_RETURN(store::DyadSeries series, db.Dyad(q));
  return store::DyadJson(series);
}

Result<std::string> Shifts(store::Store& db, const Params& p) {
  store::ShiftQuery q;
  VIGIE_ASSIGN_OR_RETURN(q.a, p.ActorKey("a"));
  VIGIE_ASSIGN_OR_RETURN(q.b, p.ActorKey("b"));
  if (q.a.empty() != q.b.empty())
    return Status::InvalidArgument("parameters `a` and `b`: both or neither");
  VIGIE_ASSIGN_OR_RETURN(q.by, PeriodParam(p));
  VIGIE_ASSIGN_OR_RETURN(q.directed, p.Bool("directed", false));
  VIGIE_ASSIGN_OR_RETURN(q.from, p.Day("from"));
  VIGIE_ASSIGN_OR_RETURN(q.to, p.Day("to"));
  VIGIE_ASSIGN_OR_RETURN(int64_t window, p.Int("window", q.window, 1, 120));
  VIGIE_ASSIGN_OR_RETURN(int64_t min_events, p.Int("min_events", q.min_events, 1, 1000000));
  q.window = static_cast<int>(window);
  q.min_events = static_cast<int>(min_events);
  VIGIE_ASSIGN_OR_RETURN(int64_t magnitude, p.Int("min_magnitude", 2, 0, 20));
  q.min_magnitude = static_cast<double>(magnitude);
  VIGIE_ASSIGN_OR_RETURN(int64_t min_t, p.Int("min_t", 2, 0, 100));
  q.min_t = static_cast<double>(min_t);
  // Every-dyad mode walks the busiest dyads only: a request must stay cheap.
  q.max_dyads = 200;
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::Shift> shifts, db.Shifts(q));
  return store::ShiftsJson(shifts);
}

Result<std::string> Top(store::Store& db, const Params& p) {
  store::TopQuery q;
  const std::string& kind = p.Get("kind");
  if (!kind.empty()) {
    auto k = store::ParseTopKind(kind);
    if (!k.ok()) return Status::InvalidArgument("parameter `kind`: " + k.status().message());
    q.kind = *k;
  }
  VIGIE_ASSIGN_OR_RETURN(q.actor, p.ActorKey("actor"));
  VIGIE_ASSIGN_OR_RETURN(q.from, p.Day("from"));
  VIGIE_ASSIGN_OR_RETURN(q.to, p.Day("to"));
  VIGIE_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 20, 1, 1000));
  q.limit = static_cast<int>(limit);
  VIGIE_ASSIGN_OR_RETURN(q.directed, p.Bool("directed", false));
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::TopRow> rows, db.Top(q));
  if (q.kind == store::TopKind::kActors) NameActors(&rows);
  return store::TopJson(q.kind, rows);
}

Result<std::string> Actor(store::Store& db, const std::string& key) {
  Params p;
  p.Set("key", key);
  VIGIE_ASSIGN_OR_RETURN(std::string checked, p.ActorKey("key"));
  if (checked.empty()) return Status::NotFound("no actor");
  store::TopQuery q;
  q.actor = checked;
  q.kind = store::TopKind::kActors;
  q.limit = 1000;
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::TopRow> actors, db.Top(q));
  NameActors(&actors);
  const store::TopRow* self = nullptr;
  for (const store::TopRow& r : actors) {
    if (r.key == checked) self = &r;
  }
  if (self == nullptr) return Status::NotFound("no events for actor `" + checked + "`");
  q.kind = store::TopKind::kDyads;
  q.limit = 20;
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::TopRow> relations, db.Top(q));
  q.kind = store::TopKind::kCodes;
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::TopRow> codes, db.Top(q));
  store::EventFilter filter;
  filter.actor = checked;
  VIGIE_ASSIGN_OR_RETURN(store::EventPage recent, db.Events(filter, {.limit = 10, .offset = 0}));
  // Reuse the top-list renderings so that rows look the same everywhere in the API.
  Json j{{"key", self->key},
         {"name", self->name.empty() ? Json(nullptr) : Json(self->name)},
         {"events", self->events},
         {"mentions", self->mentions},
         {"goldstein_mean", std::round(self->goldstein_mean * 1000.0) / 1000.0}};
  j["relations"] = Json::parse(store::TopJson(store::TopKind::kDyads, relations))["rows"];
  j["codes"] = Json::parse(store::TopJson(store::TopKind::kCodes, codes))["rows"];
  j["recent"] = Json::parse(store::EventPageJson(recent))["events"];
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<std::string> Search(store::Store& db, const Params& p) {
  VIGIE_ASSIGN_OR_RETURN(std::string q, p.Text("q"));
  if (q.empty()) return Status::InvalidArgument("parameter `q`: words to look for");
  VIGIE_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 20, 1, 200));
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::SearchHit> hits, db.Search(q, static_cast<int>(limit)));
  return store::SearchJson(hits);
}

Result<std::string> Places(store::Store& db, const Params& p) {
  VIGIE_ASSIGN_OR_RETURN(store::EventFilter filter, p.Filter());
  VIGIE_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 500, 1, 10000));
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::PlaceRow> places,
                         db.Places(filter, static_cast<int>(limit)));
  return store::PlacesJson(places);
}

Result<std::string> Alerts(store::Store& db, const Params& p) {
  VIGIE_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 50, 1, 1000));
  VIGIE_ASSIGN_OR_RETURN(int64_t watch, p.Int("watch", 0, 0, int64_t{1} << 40));
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::Alert> alerts,
                         db.Alerts(static_cast<int>(limit), watch));
  return store::AlertsJson(alerts);
}

// The alerts as an Atom feed, linking back to the dashboard at options.base_url.
ApiResponse AlertsFeed(store::Store& db, const Params& p, const ApiOptions& options) {
  Result<int64_t> limit = p.Int("limit", 50, 1, 1000);
  if (!limit.ok()) return ErrorResponse(limit.status());
  auto alerts = db.Alerts(static_cast<int>(*limit), 0);
  if (!alerts.ok()) return ErrorResponse(alerts.status());
  auto watches = db.Watches();
  if (!watches.ok()) return ErrorResponse(watches.status());
  ApiResponse r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = watch::AlertsAtom(*alerts, *watches, options.base_url);
  if (r.body.empty()) return ErrorResponse(Status::Internal("cannot write the Atom feed"));
  return r;
}

std::string PercentDecode(std::string_view s) {
  Params p = Params::FromQuery("v=" + std::string(s));
  return p.Get("v");
}

Result<std::string> Route(store::Store& db, std::string_view path, const Params& p,
                          const ApiOptions& options) {
  (void)options;
  constexpr std::string_view kEvents = "/api/events/";
  constexpr std::string_view kActors = "/api/actors/";
  constexpr std::string_view kDocuments = "/api/documents/";
  if (path == "/api/stats") {
    VIGIE_ASSIGN_OR_RETURN(store::StoreStats stats, db.Stats());
    return store::StatsJson(stats);
  }
  if (path == "/api/events") return Events(db, p);
  if (path.starts_with(kEvents)) return Event(db, path.substr(kEvents.size()));
  if (path == "/api/dyad") return Dyad(db, p);
  if (path == "/api/shifts") return Shifts(db, p);
  if (path == "/api/top") return Top(db, p);
  if (path.starts_with(kActors)) return Actor(db, PercentDecode(path.substr(kActors.size())));
  if (path == "/api/search") return Search(db, p);
  if (path.starts_with(kDocuments)) {
    std::string id = PercentDecode(path.substr(kDocuments.size()));
    if (id.empty() || id.size() > 1024) return Status::NotFound("no document");
    VIGIE_ASSIGN_OR_RETURN(store::DocumentRecord doc, db.GetDocument(id));
    return store::DocumentJson(doc);
  }
  if (path == "/api/places") return Places(db, p);
  if (path == "/api/watches") {
    VIGIE_ASSIGN_OR_RETURN(std::vector<store::Watch> watches, db.Watches());
    return store::WatchesJson(watches);
  }
  if (path == "/api/alerts") return Alerts(db, p);
  return Status::NotFound("no such endpoint `" + std::string(path) + "` (see doc/api.md)");
}

}  // namespace

ApiResponse HandleApi(store::Store& store, std::string_view target, const ApiOptions& options) {
  size_t q = target.find('?');
  std::string_view path = target.substr(0, q);
  Params params =
      Params::FromQuery(q == std::string_view::npos ? std::string_view() : target.substr(q + 1));
  try {
    if (path == "/api/alerts.atom") return AlertsFeed(store, params, options);
    Result<std::string> body = Route(store, path, params, options);
    if (!body.ok()) return ErrorResponse(body.status());
    ApiResponse r;
    r.body = std::move(*body);
    return r;
  } catch (const std::exception& e) {
    // nlohmann::json and the standard library may throw (allocation); a request must not
    // take the server down.
    return Error(500, std::string("internal error: ") + e.what());
  }
}

Result<ExportRequest> ParseExport(std::string_view target) {
  size_t q = target.find('?');
  Params p =
      Params::FromQuery(q == std::string_view::npos ? std::string_view() : target.substr(q + 1));
  ExportRequest r;
  VIGIE_ASSIGN_OR_RETURN(r.filter, p.Filter());
  const std::string& format = p.Get("format");
  if (!format.empty()) {
    auto f = store::ParseExportFormat(format);
    if (!f.ok()) return Status::InvalidArgument("parameter `format`: " + f.status().message());
    r.format = *f;
  }
  switch (r.format) {
    case store::ExportFormat::kGdelt:
      r.content_type = "text/tab-separated-values; charset=utf-8";
      r.filename = "vigie-events.tsv";
      break;
    case store::ExportFormat::kCsv:
      r.content_type = "text/csv; charset=utf-8";
      r.filename = "vigie-events.csv";
      break;
    case store::ExportFormat::kJsonl:
      r.content_type = "application/x-ndjson; charset=utf-8";
      r.filename = "vigie-events.jsonl";
      break;
  }
  return r;
}

}  // namespace vigie::server
