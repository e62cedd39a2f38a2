#pragma once
// The watchlist tables (watches, alerts, feeds: schema migration 2) over one connection.
// SqliteStore's watch methods forward here; see store.h for what each one promises.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/status.h"
#include "vigie/store/internal/sqlite.h"
#include "vigie/store/records.h"

namespace vigie::store::internal {

Result<Watch> AddWatch(Db& db, const Watch& w, int64_t now);
Result<std::vector<Watch>> Watches(Db& db);
Status RemoveWatch(Db& db, int64_t id);
Status SetWatchCursor(Db& db, int64_t id, int64_t last_event_id, std::string_view last_shift);
Result<int64_t> AddAlert(Db& db, const Alert& a, int64_t now);
Status AdvanceWatch(Db& db, int64_t id, std::span<Alert> alerts, int64_t last_event_id,
                    std::string_view last_shift, int64_t now);
Result<std::vector<Alert>> Alerts(Db& db, int limit, int64_t watch_id);
Result<int64_t> LastEventId(Db& db);
Result<std::optional<FeedState>> GetFeed(Db& db, std::string_view url);
Status PutFeed(Db& db, const FeedState& f);

}  // namespace vigie::store::internal
