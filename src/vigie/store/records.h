#pragma once
// The store's plain data: what goes in (a document with its scored sentences and coded events)
// and what comes out (events, dyad rows, shifts, top lists, search hits). Thread-compatible
// value types. Dates are "YYYY-MM-DD" strings ("" when unknown) at this boundary.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/actors/mention.h"
#include "vigie/base/result.h"
#include "vigie/events/event.h"
#include "vigie/ingest/document.h"
#include "vigie/tone/lexicon.h"

namespace vigie::store {

// ---------------------------------------------------------------------------------------------
// Input

// One sentence of a document, as the pipeline split and scored it.
struct SentenceInput {
  std::string text;
  tone::ToneScore tone;
  // Index into Document::comments for a sentence of a reader comment, -1 for the body.
  int32_t comment = -1;
};

// A document ready for the store. `sentences` holds the body sentences and the comment
// sentences in one index space: events::Event::sentence indexes into it. An event whose
// sentence index is out of range gets a sentence row made from Event::text (no tone), so a
// caller that has no sentence split can still store events.
// The spans and the document are not owned: they must outlive the Add call.
struct DocumentInput {
  const ingest::Document* doc = nullptr;
  std::span<const SentenceInput> sentences;
  std::span<const events::Event> events;
};

// What adding one document did.
struct AddResult {
  std::string doc_id;
  bool added = false;        // false: a document with this id was already stored (no change)
  std::string duplicate_of;  // id of the stored document this one nearly copies, or ""
  int mentions = 0;          // rows added to event_mentions
  int events_created = 0;    // new rows in `events`
  int events_merged = 0;     // counted mentions added to an existing row of `events`
};

// ---------------------------------------------------------------------------------------------
// Output

// One real-world event (a row of `events`), with the evidence of its first mention.
struct EventRecord {
  int64_t id = 0;
  std::string date;        // the event's day (its first mention's date)
  std::string first_seen;  // publication dates of the first and last articles reporting it
  std::string last_seen;
  actors::Actor source;  // as the first mention named them
  actors::Actor target;
  std::string source_key;  // Actor::Key() of each side: what dyads are made of
  std::string target_key;
  std::string cameo;  // the most specific code among the mentions
  std::string root;
  int quad = 0;
  double goldstein = 0;  // mean over counted mentions
  double tone = 0;       // mean tone of the articles of the counted mentions (GDELT AvgTone)
  events::Modality modality = events::Modality::kAsserted;  // strongest attestation
  std::array<int64_t, 4> modality_mentions{};               // counted mentions per Modality value
  int64_t mentions = 0;
  int64_t sources = 0;   // distinct sites
  int64_t articles = 0;  // distinct documents
  std::optional<events::Location> location;
  bool is_root = false;  // some mention is in the first two sentences of its article
  int64_t added = 0;     // unix seconds when the event was first stored
  // First mention (the evidence shown with the event).
  std::string doc_id;
  std::string url;
  std::string site;
  std::string lang;
  uint32_t sentence = 0;
  std::string text;
  uint32_t evidence_begin = 0;
  uint32_t evidence_end = 0;
  std::string rule;
};

// One evidence sentence of an event (a row of `event_mentions`).
struct MentionRecord {
  int64_t id = 0;
  int64_t event_id = 0;  // 0 when linked to no event (comments, unmatched duplicates)
  bool counted = false;  // counted in its event's aggregates
  bool from_comment = false;
  bool duplicate_doc = false;  // its document nearly copies an earlier one
  std::string doc_id;
  std::string url;
  std::string site;
  std::string doc_date;
  std::string date;
  std::string lang;
  uint32_t sentence = 0;
  std::string text;
  uint32_t evidence_begin = 0;
  uint32_t evidence_end = 0;
  std::string rule;
  events::Modality modality = events::Modality::kAsserted;
  std::string cameo;
  double goldstein = 0;
  double tone = 0;  // the sentence's tone
  actors::Actor source;
  actors::Actor target;
  std::string source_text;
  std::string target_text;
};

// "asserted" | "negated" | "reported" | "speculative" (DESIGN.md); InvalidArgument otherwise.
Result<events::Modality> ParseModality(std::string_view name);

enum class Period { kDay, kWeek, kMonth, kYear };
const char* PeriodName(Period p);  // "day", "week", "month", "year"
// Parses "day" | "week" | "month" | "year"; InvalidArgument otherwise.
Result<Period> ParsePeriod(std::string_view name);

// One period of a dyad timeline (DESIGN.md's `vigie dyad` row). Periods are labelled
// "2024-08-04" (day), "2024-W31" (ISO week), "2024-08" (month), "2024" (year).
struct DyadRow {
  std::string period;
  int64_t events = 0;
  std::array<int64_t, 4> quad{};  // events per quad class 1..4
  double goldstein_mean = 0;
  double goldstein_sum = 0;
  double tone_mean = 0;
};

struct DyadSeries {
  std::string a;
  std::string b;
  Period by = Period::kMonth;
  bool directed = false;
  std::vector<DyadRow> rows;  // periods that have events, in time order
};

// A turn in a relation found by Store::Shifts.
struct Shift {
  std::string a;  // the dyad (a before b as asked; in every-dyad mode, a < b unless directed)
  std::string b;
  std::string period;      // first period of the new regime
  std::string direction;   // "cooperation" (Goldstein went up) or "conflict" (went down)
  double before_mean = 0;  // mean Goldstein of the events in the window before
  double after_mean = 0;   // ... and after
  double magnitude = 0;    // after_mean - before_mean
  double t = 0;            // Welch t statistic of the difference
  int64_t before_events = 0;
  int64_t after_events = 0;
  std::vector<EventRecord> events;  // the events that turned it, strongest first
};

enum class TopKind { kActors, kDyads, kCodes };
const char* TopKindName(TopKind k);  // "actors", "dyads", "codes"
Result<TopKind> ParseTopKind(std::string_view name);

struct TopRow {
  std::string key;   // actor key, "A-B" dyad, or CAMEO code
  std::string name;  // actors only: a name the actor was reported under ("" when none)
  std::string a;     // dyads only: the two sides
  std::string b;
  int64_t events = 0;
  int64_t mentions = 0;
  double goldstein_mean = 0;
};

struct SearchHit {
  std::string doc_id;
  std::string title;
  std::string url;
  std::string site;
  std::string date;
  std::string lang;
  // Matched words between [ and ]; the text's own [, ] and \ are escaped as \[, \] and \\.
  std::string snippet;
  double score = 0;  // bm25: lower is better
};

struct EventPage {
  std::vector<EventRecord> events;
  int64_t offset = 0;
  bool more = false;  // another page follows
};

// A stored document as the dashboard shows it: metadata, body, reader comments apart, and the
// evidence sentences of its events.
struct CommentRecord {
  std::string author;
  std::string date;
  std::string text;
  double tone = 0;
};

struct DocumentRecord {
  std::string id;
  std::string url;
  std::string site;
  std::string title;
  std::string date;  // published
  std::string modified;
  std::string lang;
  std::string author;
  std::string format;        // "text", "html", "jsonl", "feed", "warc"
  std::string duplicate_of;  // id of the document this one nearly copies, or ""
  double tone = 0;
  std::vector<std::string> paragraphs;
  std::vector<CommentRecord> comments;
  std::vector<MentionRecord> mentions;  // in sentence order
};

// Events at one place (for the map): realized events with coordinates, grouped by place.
struct PlaceRow {
  std::string name;
  std::string country;
  double lat = 0;
  double lon = 0;
  int64_t events = 0;
  double goldstein_mean = 0;
};

struct StoreStats {
  int schema_version = 0;
  int64_t documents = 0;
  int64_t duplicates = 0;  // documents stored as near-copies of another
  int64_t comments = 0;
  int64_t sentences = 0;
  int64_t mentions = 0;
  int64_t events = 0;
};

// ---------------------------------------------------------------------------------------------
// Watchlists and alerts (`vigie watch`, the dashboard's alerts)

// What a user follows: a dyad (a, b: both directions), an actor (a) or a full-text query.
enum class WatchKind { kDyad, kActor, kQuery };
const char* WatchKindName(WatchKind k);  // "dyad", "actor", "query"
Result<WatchKind> ParseWatchKind(std::string_view name);

struct Watch {
  int64_t id = 0;
  WatchKind kind = WatchKind::kDyad;
  std::string a;
  std::string b;
  std::string query;
  std::string label;  // shown to users: "DZA-RUS", "MLI", "\"Tin Zaouatine\""
  int64_t created = 0;
  // Where the watch has read up to: events with a larger id are new to it, and the period of
  // the last shift it alerted on (a dyad's shifts are reported once).
  int64_t last_event_id = 0;
  std::string last_shift;
};

struct Alert {
  int64_t id = 0;
  int64_t watch_id = 0;
  std::string label;  // the watch's label
  std::string kind;   // "events" (new events) or "shift" (a turn in the relation)
  int64_t created = 0;
  std::string title;
  std::string summary;
  std::string period;              // shifts: the first period of the new regime
  std::vector<int64_t> event_ids;  // the events that raised it
};

// What `vigie watch` remembers of a feed between polls.
struct FeedState {
  std::string url;
  std::string etag;           // validators of the last 200 answer, sent back on the next poll
  std::string last_modified;  //
  int64_t last_fetch = 0;     // unix seconds of the last attempt
  int64_t last_ok = 0;        // ... and of the last success (200 or 304)
  int64_t next_fetch = 0;     // not polled before this time (interval, backoff)
  int failures = 0;           // consecutive failures
  std::string last_error;
  int64_t items = 0;  // items ingested from this feed in all
};

}  // namespace vigie::store
