#pragma once
// SqliteStore: the embedded Store backend, one SQLite file (schema in doc/schema.md).
//
//   auto store = vigie::store::SqliteStore::Open("vigie.db");
//   if (!store.ok()) return store.status();
//   auto added = (*store)->AddDocument(doc, sentences, events);
//   auto dyad = (*store)->Dyad({.a = "DZA", .b = "RUS", .by = vigie::store::Period::kYear});
//
// The file is opened in WAL mode with foreign keys on and a busy timeout; missing schema
// migrations are applied on open. Not thread-safe: open one SqliteStore per thread (they may
// share the file; readers do not block the writer).

#include <memory>
#include <string>

#include "vigie/base/result.h"
#include "vigie/store/store.h"

namespace vigie::store {

class SqliteStore final : public Store {
 public:
  // Opens or creates the database at `path` (":memory:" for a private in-memory one).
  // Returns Corruption when the file is not a SQLite database, InvalidArgument when it is some
  // other SQLite database or one written by a newer vigie, NotFound when it does not exist and
  // options.create_if_missing is false, IOError when it cannot be opened.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const StoreOptions& options = {});

  // The schema version this build writes (the highest numbered migration).
  static int LatestSchemaVersion();

  ~SqliteStore() override;

  Result<AddResult> AddDocument(const ingest::Document& doc,
                                std::span<const SentenceInput> sentences,
                                std::span<const events::Event> events) override;
  Result<std::vector<AddResult>> AddDocuments(std::span<const DocumentInput> docs) override;
  Result<DyadSeries> Dyad(const DyadQuery& q) override;
  Result<std::vector<Shift>> Shifts(const ShiftQuery& q) override;
  Result<std::vector<TopRow>> Top(const TopQuery& q) override;
  Result<std::vector<SearchHit>> Search(std::string_view words, int limit) override;
  Result<EventPage> Events(const EventFilter& filter, const Page& page) override;
  Result<EventRecord> GetEvent(int64_t id) override;
  Result<std::vector<MentionRecord>> Mentions(int64_t event_id) override;
  Status Export(ExportFormat format, const EventFilter& filter, std::ostream& out) override;
  Result<StoreStats> Stats() override;
  Result<DocumentRecord> GetDocument(std::string_view id) override;
  Result<std::vector<PlaceRow>> Places(const EventFilter& filter, int limit) override;
  Result<Watch> AddWatch(const Watch& w) override;
  Result<std::vector<Watch>> Watches() override;
  Status RemoveWatch(int64_t id) override;
  Status SetWatchCursor(int64_t id, int64_t last_event_id, std::string_view last_shift) override;
  Result<int64_t> AddAlert(const Alert& a) override;
  Status AdvanceWatch(int64_t id, std::span<Alert> alerts, int64_t last_event_id,
                      std::string_view last_shift) override;
  Result<std::vector<Alert>> Alerts(int limit, int64_t watch_id) override;
  Result<int64_t> LastEventId() override;
  Result<std::optional<FeedState>> GetFeed(std::string_view url) override;
  Status PutFeed(const FeedState& f) override;

  // Bytes used by each table and index (SQLite's dbstat), largest first; for benchmarks and
  // capacity planning. Unimplemented (Internal) when SQLite was built without dbstat.
  Result<std::vector<std::pair<std::string, int64_t>>> SpaceByTable();

 private:
  struct Impl;
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::store
