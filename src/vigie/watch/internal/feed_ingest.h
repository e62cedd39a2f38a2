#pragma once
// From fetched feed bytes to stored events: parse the items with ingest's feed reader, then
// code, score and store the documents the store does not have yet. Internal to watch/ (the
// poller's two steps, apart so that a bad feed and a failing store are told apart).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/status.h"
#include "vigie/ingest/document.h"
#include "vigie/ingest/reader.h"
#include "vigie/pipeline/coding.h"
#include "vigie/store/store.h"
#include "vigie/tone/lexicon.h"

namespace vigie::watch::internal {

// The items of an RSS/Atom feed as Documents (format kFeed, path = `url`). Items without a
// date get `fetch_day` ("YYYY-MM-DD"), so that relative dates in them still resolve. Bad items
// go to on_item_error. Returns Corruption naming `url` when `body` is not a feed at all.
Result<std::vector<ingest::Document>> ParseFeed(
    std::string body, const std::string& url, const std::string& fetch_day,
    ingest::DocumentReader& reader, const std::function<void(const Status&)>& on_item_error);

struct StoreCounts {
  int64_t added = 0;   // documents new to the store
  int64_t known = 0;   // already stored (seen in an earlier poll or another feed)
  int64_t events = 0;  // new rows in `events`
};

// Codes the documents the store does not hold yet and adds them in one transaction; stored
// ones are skipped before coding (a re-seen item costs a lookup, not a coding). Returns the
// store's error when it fails (then nothing of this call is stored).
Result<StoreCounts> StoreNew(const std::vector<ingest::Document>& docs,
                             pipeline::CodingPipeline& coding,
                             const pipeline::CodingOptions& options, const tone::ToneLexicon& tone,
                             store::Store& store);

}  // namespace vigie::watch::internal
