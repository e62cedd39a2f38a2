#pragma once
// Store: the event database behind `vigie ingest`, `dyad`, `shifts`, `top`, `search` and
// `export` (DESIGN.md; schema in doc/schema.md). An abstract interface so that a server
// database can be added beside the embedded SQLite one (sqlite_store.h); every front end
// command is one call here.
//
// What the store guarantees, whatever the backend:
//  - Idempotence: documents are keyed by ingest::Document::id; adding a stored id again
//    changes nothing. Each Add call is one transaction: an interrupted ingest leaves the
//    documents added so far, complete, and a re-run adds the rest.
//  - One row per real-world event in `events`: mentions with the same ordered dyad (actor
//    keys), the same CAMEO root, dates within StoreOptions::merge_window_days of the event's
//    date and the same place when both have one are one event, with mention, source and
//    article counts.
//  - Near-duplicate documents (SimHash distance <= 3 over word shingles) are stored with
//    duplicate_of set; their events are linked to the matching event but not counted.
//  - Reader comments are stored and scored, never counted as events.
//
// Thread-safety: a Store object is not thread-safe (one connection); open one per thread.
// Several processes or threads may open the same database: readers never block the writer.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/status.h"
#include "vigie/store/records.h"

namespace vigie::store {

// Event filter for Events() and Export(). Empty fields do not filter. Dates are inclusive
// "YYYY-MM-DD" bounds on the event's day.
struct EventFilter {
  std::string actor;  // actor key on either side ("DZA", "NATO")
  std::string a;      // dyad: both a and b set
  std::string b;
  bool directed = false;  // dyad a -> b only (default: both directions)
  std::string code;       // CAMEO root ("16") or code ("161", also matches "1611")
  int quad = 0;           // 1..4
  std::optional<events::Modality> modality;  // the event's strongest attestation
  std::string lang;                          // some mention's language
  std::string site;                          // some counted mention's site
  std::string from;
  std::string to;
  std::string text;      // words that some reporting document must contain (full-text)
  int64_t after_id = 0;  // only events with a larger id (what is new since a watch last looked)
};

struct Page {
  int limit = 50;      // rows per page, 1..1000
  int64_t offset = 0;  // rows to skip (pages are ordered by day, newest first)
};

struct DyadQuery {
  std::string a;  // actor keys
  std::string b;
  Period by = Period::kMonth;
  bool directed = false;  // a -> b only (default: both directions combined)
  std::string from;       // inclusive day bounds, "" = open
  std::string to;
  // Negated and speculative-only events did not happen (yet): left out unless asked for.
  bool include_unrealized = false;
};

// Change-point detection over a dyad's Goldstein series (a two-window mean-shift test, see
// doc/schema.md "Shifts"): at each boundary between two periods that have events, the events
// of the `window` non-empty periods before are compared with those of the `window` periods
// after; a boundary is a shift when both sides have >= min_events events, the means differ by
// >= min_magnitude Goldstein points and Welch's t is >= min_t. Among shifts closer than
// `window` periods only the strongest (largest |t|) is kept.
struct ShiftQuery {
  std::string a;  // the dyad; both empty: every dyad with >= min_dyad_events events
  std::string b;
  Period by = Period::kMonth;
  bool directed = false;
  std::string from;
  std::string to;
  int window = 6;
  int min_events = 3;
  double min_magnitude = 2.0;
  double min_t = 2.0;
  int top_events = 5;        // events reported per shift
  int min_dyad_events = 20;  // every-dyad mode only
  int max_dyads = 1000;      // every-dyad mode: the most active dyads first
};

struct TopQuery {
  TopKind kind = TopKind::kActors;
  std::string from;
  std::string to;
  int limit = 20;
  bool directed = false;  // dyads: keep a -> b apart from b -> a
  bool include_unrealized = false;
  std::string actor;  // only events involving this actor key (with kDyads: its relations)
};

// How a store is opened and how it aggregates. Fields a backend has no use for are ignored.
struct StoreOptions {
  // Mentions of the same dyad and root whose dates are at most this many days from an event's
  // date are that event. News reports an event within days, and relative dates ("mardi
  // dernier") resolved against publication dates can be off by one or two; a week would merge
  // the weekly meetings of two ministers.
  int merge_window_days = 3;
  bool read_only = false;
  bool create_if_missing = true;
  // SQLite: how long a writer waits for another writer's lock before failing.
  int busy_timeout_ms = 5000;
  // SQLite: page cache and memory map sizes (reads of a large database are mostly mapped).
  int64_t cache_kib = 64 * 1024;
  int64_t mmap_bytes = int64_t{256} << 20;
  // SQLite: synchronous=FULL (every commit survives a power cut) instead of NORMAL (WAL keeps
  // the database consistent; the last commits may be lost on a power cut, not on a crash).
  bool durable = false;
  // Unix seconds stamped on new rows (`added`); the system clock when empty (tests fix it).
  std::function<int64_t()> clock;
};

enum class ExportFormat { kGdelt, kCsv, kJsonl };
// "gdelt" | "csv" | "jsonl"; InvalidArgument otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);

class Store {
 public:
  virtual ~Store() = default;

  // Adds one document with its sentences and events in one transaction.
  // Returns InvalidArgument when the document has no id, IOError/Corruption on database
  // failure (nothing of the document is then stored).
  virtual Result<AddResult> AddDocument(const ingest::Document& doc,
                                        std::span<const SentenceInput> sentences,
                                        std::span<const events::Event> events) = 0;

  // Adds several documents in one transaction (faster for bulk ingest): all or none.
  // Documents are processed in order, so a batch may hold a document and its copy.
  virtual Result<std::vector<AddResult>> AddDocuments(std::span<const DocumentInput> docs) = 0;

  // A dyad timeline (DESIGN.md `vigie dyad`). Unknown keys give an empty series.
  virtual Result<DyadSeries> Dyad(const DyadQuery& q) = 0;

  // Turns in one dyad's relation, or in every active dyad's, in time order.
  virtual Result<std::vector<Shift>> Shifts(const ShiftQuery& q) = 0;

  // The most frequent actors, dyads or CAMEO codes among the events of a period.
  virtual Result<std::vector<TopRow>> Top(const TopQuery& q) = 0;

  // Full-text search over document titles and bodies (near-copies left out), best first.
  // `words` are plain words, all required; accents and case are ignored.
  virtual Result<std::vector<SearchHit>> Search(std::string_view words, int limit) = 0;

  // One page of events matching `filter`, newest first (then by id).
  virtual Result<EventPage> Events(const EventFilter& filter, const Page& page) = 0;

  // One event by id; NotFound when there is none.
  virtual Result<EventRecord> GetEvent(int64_t id) = 0;

  // The evidence sentences of an event, in the order they were stored.
  virtual Result<std::vector<MentionRecord>> Mentions(int64_t event_id) = 0;

  // Writes every event matching `filter` to `out`: GDELT 2.0 Events TSV (61 columns, no
  // header, as GDELT publishes it), CSV (with a header) or JSONL. Returns IOError when `out`
  // fails.
  virtual Status Export(ExportFormat format, const EventFilter& filter, std::ostream& out) = 0;

  virtual Result<StoreStats> Stats() = 0;

  // A document by id, with its comments and the evidence sentences of its events; NotFound
  // when there is none.
  virtual Result<DocumentRecord> GetDocument(std::string_view id) = 0;

  // Where the events matching `filter` took place: realized events with coordinates, grouped
  // by place, busiest first, at most `limit` places.
  virtual Result<std::vector<PlaceRow>> Places(const EventFilter& filter, int limit) = 0;

  // --- Watchlists and alerts ----------------------------------------------------------------
  // Follows `w` (kind, a, b, query, label) and returns it as stored. Following the same thing
  // again returns the stored watch. A new watch starts at the newest event: it alerts on what
  // is stored after it, not on the past.
  virtual Result<Watch> AddWatch(const Watch& w) = 0;
  virtual Result<std::vector<Watch>> Watches() = 0;
  // NotFound when there is no such watch. Its alerts go with it.
  virtual Status RemoveWatch(int64_t id) = 0;
  // Records how far a watch has read (Watch::last_event_id, Watch::last_shift).
  virtual Status SetWatchCursor(int64_t id, int64_t last_event_id, std::string_view last_shift) = 0;
  // Stores an alert and returns its id (Alert::label and ::id are ignored).
  virtual Result<int64_t> AddAlert(const Alert& a) = 0;
  // Stores `alerts` (setting their ids) and moves the watch's cursor, in one transaction: a
  // crash leaves either both or neither, so an alert is never raised twice nor lost.
  virtual Status AdvanceWatch(int64_t id, std::span<Alert> alerts, int64_t last_event_id,
                              std::string_view last_shift) = 0;
  // The newest alerts first; watch_id 0: of every watch.
  virtual Result<std::vector<Alert>> Alerts(int limit, int64_t watch_id) = 0;
  // The largest event id stored (0 when none).
  virtual Result<int64_t> LastEventId() = 0;
  // Feed polling state by URL (nullopt when the feed was never polled), and its update.
  virtual Result<std::optional<FeedState>> GetFeed(std::string_view url) = 0;
  virtual Status PutFeed(const FeedState& f) = 0;
};

}  // namespace vigie::store
