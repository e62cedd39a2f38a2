#pragma once
// JSON renderings of the store's results, for the CLI (`--format json`) and the HTTP API.
// Each function returns one line of compact JSON (no trailing newline). Field names follow
// DESIGN.md where it defines them (`vigie dyad`, the event object); fields may be added, never
// renamed. Pure functions, thread-safe.

#include <string>
#include <vector>

#include "vigie/store/records.h"

namespace vigie::store {

// {"a","b","by","directed","rows":[{"period","events","quad":[4],"goldstein_mean",
//  "goldstein_sum","tone_mean"}]}
std::string DyadJson(const DyadSeries& s);

// The `vigie code` event object (DESIGN.md: doc_id, sentence, text, date, lang, source, target,
// cameo, root, quad, goldstein, modality, location, evidence [begin, end], rule) for the event's
// first mention, with "id" and the aggregates: "url", "site", "tone", "modality_mentions",
// "mentions", "sources", "articles", "first_seen", "last_seen", "is_root".
std::string EventJson(const EventRecord& e);

// {"events":[...],"offset","more"}
std::string EventPageJson(const EventPage& p);

// [{"a","b","period","direction","before_mean","after_mean","magnitude","t","before_events",
//   "after_events","events":[event...]}]
std::string ShiftsJson(const std::vector<Shift>& shifts);

// {"kind","rows":[{"key","name"?,"a"?,"b"?,"events","mentions","goldstein_mean"}]}
std::string TopJson(TopKind kind, const std::vector<TopRow>& rows);

// [{"doc_id","title","url","site","date","lang","snippet","score"}]
std::string SearchJson(const std::vector<SearchHit>& hits);

// [{"id","event_id","counted","from_comment","duplicate_doc","doc_id","url","site","date",
//   "lang","sentence","text","span","rule","modality","cameo","goldstein","tone","source",
//   "target"}]
std::string MentionsJson(const std::vector<MentionRecord>& mentions);

std::string StatsJson(const StoreStats& s);

// The event object with "mentions": [mention...] (the API's /api/events/ID).
std::string EventDetailJson(const EventRecord& e, const std::vector<MentionRecord>& mentions);

// {"id","url","site","title","date","modified","lang","author","format","duplicate_of","tone",
//  "paragraphs":[text],"comments":[{"author","date","text","tone"}],"mentions":[mention...]}
std::string DocumentJson(const DocumentRecord& d);

// [{"name","country","lat","lon","events","goldstein_mean"}]
std::string PlacesJson(const std::vector<PlaceRow>& places);

// [{"id","kind","a","b","query","label","created"}]
std::string WatchesJson(const std::vector<Watch>& watches);

// [{"id","watch","label","kind","created","title","summary","period","events":[id]}]
std::string AlertsJson(const std::vector<Alert>& alerts);

}  // namespace vigie::store
