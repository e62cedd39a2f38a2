#include "vigie/ingest/document.h"

namespace vigie::ingest {

const char* FormatName(Format f) {
  switch (f) {
    case Format::kUnknown:
      return "unknown";
    case Format::kText:
      return "text";
    case Format::kHtml:
      return "html";
    case Format::kJsonl:
      return "jsonl";
    case Format::kFeed:
      return "feed";
    case Format::kWarc:
      return "warc";
  }
  return "unknown";
}

}  // namespace vigie::ingest
