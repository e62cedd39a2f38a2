#pragma once
// Readers of multi-document containers. Each streams its input and calls `on_record` for
// every document found and `on_error` for every bad line/item/record (the error names the
// path and the line or record number); a bad record never stops the rest. They return a
// non-OK Status only when the container as a whole cannot be read further (e.g. a feed that
// is not XML at all), after having delivered what came before. Memory is bounded by
// ReaderLimits, whatever the input size.

#include <functional>
#include <string>

#include "vigie/base/status.h"
#include "vigie/ingest/input_stream.h"
#include "vigie/ingest/raw_record.h"

namespace vigie::ingest {

struct ReaderLimits {
  size_t max_record_bytes = 64u << 20;  // larger records are skipped with an error
  size_t max_feed_bytes = 256u << 20;   // feeds are parsed whole (libxml2), so capped
};

using RecordCallback = std::function<void(RawRecord&&)>;
using ErrorCallback = std::function<void(const Status&)>;

// JSONL: one JSON object a line: {"id","text","title"?,"date"?,"lang"?,"url"?}. "text" is
// plain text (kText) unless "html" is given instead (kHtml). Blank lines are skipped.
Status ReadJsonl(InputStream& in, const std::string& path, const ReaderLimits& limits,
                 const RecordCallback& on_record, const ErrorCallback& on_error);

// RSS 2.0, RSS 1.0 (RDF) and Atom, via libxml2 with entity expansion and network access off.
// Each item/entry becomes a kHtml record from content:encoded, <content> or <description>,
// with its link, title, pubDate/published/updated and author.
Status ReadFeed(InputStream& in, const std::string& path, const ReaderLimits& limits,
                const RecordCallback& on_record, const ErrorCallback& on_error);

// WARC/1.0 and 1.1 (gzip per record or whole-file, as InputStream handles): every `response`
// record with an HTML payload becomes a kHtml record with WARC-Target-URI, WARC-Date and the
// HTTP Content-Type charset; other records are skipped. Truncated records are reported.
Status ReadWarc(InputStream& in, const std::string& path, const ReaderLimits& limits,
                const RecordCallback& on_record, const ErrorCallback& on_error);

}  // namespace vigie::ingest
