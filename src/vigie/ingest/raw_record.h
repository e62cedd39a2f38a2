#pragma once
// RawRecord: one undecoded document as a reader found it (a file, a JSONL line, a feed item,
// a WARC response), before extraction. Internal to ingest.

#include <cstdint>
#include <optional>
#include <string>

#include "vigie/ingest/document.h"

namespace vigie::ingest {

struct RawRecord {
  std::string path;                  // input path as given
  std::optional<int64_t> record;     // 1-based line (JSONL), item (feed) or record (WARC) number
  Format format = Format::kUnknown;  // kText or kHtml: how `content` must be extracted
  std::string content;               // bytes; for kText always UTF-8, for kHtml any charset
  std::string charset;               // declared charset (HTTP header, XML prolog) or ""
  // Metadata known from the container, which takes precedence over what extraction finds
  // when non-empty (a JSONL "title", a feed item's <title>, WARC-Target-URI ...).
  std::string id;
  std::string url;
  std::string title;
  std::string date;  // any parseable date form; normalised later
  // Used only when neither the container nor extraction gives a publication date: a
  // WARC-Date is when the page was crawled, not when it was published.
  std::string fallback_date;
  std::string author;
  std::string lang;
};

}  // namespace vigie::ingest
