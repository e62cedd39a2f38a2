#pragma once
// Input format detection from the file name and the first bytes. Pure, thread-safe.

#include <string_view>

#include "vigie/ingest/document.h"

namespace vigie::ingest {

// Decides the format of an input. The extension wins (after stripping ".gz"): .txt/.text,
// .html/.htm/.xhtml, .jsonl/.ndjson/.json, .rss/.atom/.xml (a feed), .warc/.arc. Otherwise the
// decompressed head decides: "WARC/", a JSON object, an XML prolog with <rss/<feed/<rdf:RDF,
// HTML markup; anything else is plain text. `head` is the first few KiB of decompressed bytes.
Format DetectFormat(std::string_view path, std::string_view head);

}  // namespace vigie::ingest
