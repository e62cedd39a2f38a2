#include "vigie/store/internal/watches.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace vigie::store::internal {
namespace {

// Alert event ids are kept as one space-separated text column: an alert is written once and
// read whole, so a join table would buy nothing.
std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) {
    if (!out.empty()) out.push_back(' ');
    out += std::to_string(id);
  }
  return out;
}

std::vector<int64_t> SplitIds(std::string_view text) {
  std::vector<int64_t> out;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    int64_t v = 0;
    auto [next, ec] = std::from_chars(p, end, v);
    if (ec == std::errc()) out.push_back(v);
    p = next == p ? p + 1 : next;
    while (p < end && *p == ' ') ++p;
  }
  return out;
}

constexpr const char* kWatchColumns =
    "id, kind, a, b, query, label, created, last_event_id, last_shift FROM watches";

Result<Watch> ReadWatch(const Stmt& s) {
  Watch w;
  w.id = s.Int(0);
  VIGIE_ASSIGN_OR_RETURN(w.kind, ParseWatchKind(s.Text(1)));
  w.a = s.String(2);
  w.b = s.String(3);
  w.query = s.String(4);
  w.label = s.String(5);
  w.created = s.Int(6);
  w.last_event_id = s.Int(7);
  w.last_shift = s.String(8);
  return w;
}

}  // namespace

Result<int64_t> LastEventId(Db& db) {
  VIGIE_ASSIGN_OR_RETURN(Stmt * s, db.Cached("SELECT coalesce(max(id), 0) FROM events"));
  VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
  int64_t id = row ? s->Int(0) : 0;
  s->Reset();
  return id;
}

Result<Watch> AddWatch(Db& db, const Watch& w, int64_t now) {
  if (w.kind == WatchKind::kDyad && (w.a.empty() || w.b.empty())) {
    return Status::InvalidArgument("a dyad watch needs two actor keys");
  }
  if (w.kind == WatchKind::kActor && w.a.empty()) {
    return Status::InvalidArgument("an actor watch needs an actor key");
  }
  if (w.kind == WatchKind::kQuery && w.query.empty()) {
    return Status::InvalidArgument("a query watch needs words");
  }
  Watch stored = w;
  // A dyad is followed in both directions: store it in one order so that "RUS DZA" and
  // "DZA RUS" are the same watch.
  if (stored.kind == WatchKind::kDyad && stored.b < stored.a) std::swap(stored.a, stored.b);
  if (stored.label.empty()) {
    switch (stored.kind) {
      case WatchKind::kDyad:
        stored.label = stored.a + "-" + stored.b;
        break;
      case WatchKind::kActor:
        stored.label = stored.a;
        break;
      case WatchKind::kQuery:
        stored.label = "\"" + stored.query + "\"";
        break;
    }
  }
  VIGIE_ASSIGN_OR_RETURN(int64_t last, LastEventId(db));
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * ins, db.Cached("INSERT OR IGNORE INTO watches(kind, a, b, query, label, created, "
                            "last_event_id, last_shift) VALUES(?, ?, ?, ?, ?, ?, ?, '')"));
  ins->Bind(1, WatchKindName(stored.kind)).Bind(2, stored.a).Bind(3, stored.b);
  ins->Bind(4, stored.query).Bind(5, stored.label).Bind(6, now).Bind(7, last);
  VIGIE_RETURN_IF_ERROR(ins->Run());
  VIGIE_ASSIGN_OR_RETURN(Stmt * sel,
                         db.Cached(std::string("SELECT ") + kWatchColumns +
                                   " WHERE kind = ? AND a = ? AND b = ? AND query = ?"));
  sel->Bind(1, WatchKindName(stored.kind)).Bind(2, stored.a).Bind(3, stored.b);
  sel->Bind(4, stored.query);
  VIGIE_ASSIGN_OR_RETURN(bool row, sel->Step());
  if (!row) {
    sel->Reset();
    return Status::Internal("watch row vanished: " + stored.label);
  }
  Result<Watch> out = ReadWatch(*sel);
  sel->Reset();
  return out;
}

Result<std::vector<Watch>> Watches(Db& db) {
  VIGIE_ASSIGN_OR_RETURN(Stmt * s,
                         db.Cached(std::string("SELECT ") + kWatchColumns + " ORDER BY id"));
  std::vector<Watch> out;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    Result<Watch> w = ReadWatch(*s);
    if (!w.ok()) {
      s->Reset();
      return w.status();
    }
    out.push_back(std::move(*w));
  }
  s->Reset();
  return out;
}

Status RemoveWatch(Db& db, int64_t id) {
  VIGIE_ASSIGN_OR_RETURN(Stmt * s, db.Cached("DELETE FROM watches WHERE id = ?"));
  VIGIE_RETURN_IF_ERROR(s->Bind(1, id).Run());
  VIGIE_ASSIGN_OR_RETURN(Stmt * changes, db.Cached("SELECT changes()"));
  VIGIE_ASSIGN_OR_RETURN(bool row, changes->Step());
  const bool removed = row && changes->Int(0) > 0;
  changes->Reset();
  if (!removed) return Status::NotFound("no watch " + std::to_string(id));
  return Status::OK();
}

Status SetWatchCursor(Db& db, int64_t id, int64_t last_event_id, std::string_view last_shift) {
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s, db.Cached("UPDATE watches SET last_event_id = ?, last_shift = ? WHERE id = ?"));
  return s->Bind(1, last_event_id).Bind(2, last_shift).Bind(3, id).Run();
}

Result<int64_t> AddAlert(Db& db, const Alert& a, int64_t now) {
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s, db.Cached("INSERT INTO alerts(watch, kind, created, title, summary, period, "
                          "events) VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  s->Bind(1, a.watch_id).Bind(2, a.kind).Bind(3, a.created != 0 ? a.created : now);
  s->Bind(4, a.title).Bind(5, a.summary).Bind(6, a.period).Bind(7, JoinIds(a.event_ids));
  VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
  int64_t id = row ? s->Int(0) : 0;
  // RETURNING yields its row before the insert completes: step to the end.
  while (row) {
    VIGIE_ASSIGN_OR_RETURN(row, s->Step());
  }
  s->Reset();
  return id;
}

Status AdvanceWatch(Db& db, int64_t id, std::span<Alert> alerts, int64_t last_event_id,
                    std::string_view last_shift, int64_t now) {
  return InTransaction(db, [&]() -> Status {
    for (Alert& a : alerts) {
      VIGIE_ASSIGN_OR_RETURN(a.id, AddAlert(db, a, now));
    }
    return SetWatchCursor(db, id, last_event_id, last_shift);
  });
}

Result<std::vector<Alert>> Alerts(Db& db, int limit, int64_t watch_id) {
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s, db.Cached("SELECT al.id, al.watch, w.label, al.kind, al.created, al.title, "
                          "al.summary, al.period, al.events FROM alerts al "
                          "JOIN watches w ON w.id = al.watch WHERE ?1 = 0 OR al.watch = ?1 "
                          "ORDER BY al.id DESC LIMIT ?2"));
  s->Bind(1, watch_id).Bind(2, int64_t{std::clamp(limit, 1, 1000)});
  std::vector<Alert> out;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    Alert a;
    a.id = s->Int(0);
    a.watch_id = s->Int(1);
    a.label = s->String(2);
    a.kind = s->String(3);
    a.created = s->Int(4);
    a.title = s->String(5);
    a.summary = s->String(6);
    a.period = s->String(7);
    a.event_ids = SplitIds(s->Text(8));
    out.push_back(std::move(a));
  }
  s->Reset();
  return out;
}

Result<std::optional<FeedState>> GetFeed(Db& db, std::string_view url) {
  VIGIE_ASSIGN_OR_RETURN(Stmt * s,
                         db.Cached("SELECT etag, last_modified, last_fetch, last_ok, next_fetch, "
                                   "failures, last_error, items FROM feeds WHERE url = ?"));
  VIGIE_ASSIGN_OR_RETURN(bool row, s->Bind(1, url).Step());
  if (!row) {
    s->Reset();
    return std::optional<FeedState>();
  }
  FeedState f;
  f.url = std::string(url);
  f.etag = s->String(0);
  f.last_modified = s->String(1);
  f.last_fetch = s->Int(2);
  f.last_ok = s->Int(3);
  f.next_fetch = s->Int(4);
  f.failures = static_cast<int>(s->Int(5));
  f.last_error = s->String(6);
  f.items = s->Int(7);
  s->Reset();
  return std::optional<FeedState>(std::move(f));
}

Status PutFeed(Db& db, const FeedState& f) {
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s, db.Cached("INSERT OR REPLACE INTO feeds(url, etag, last_modified, last_fetch, "
                          "last_ok, next_fetch, failures, last_error, items) "
                          "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s->Bind(1, f.url).Bind(2, f.etag).Bind(3, f.last_modified).Bind(4, f.last_fetch);
  s->Bind(5, f.last_ok).Bind(6, f.next_fetch).Bind(7, int64_t{f.failures});
  s->Bind(8, f.last_error).Bind(9, f.items);
  return s->Run();
}

}  // namespace vigie::store::internal
