#pragma once
// HtmlExtractor: turns one HTML page into the body paragraphs, reader comments and metadata
// of a Document. Main text by structure and text density (the ideas behind readability and
// trafilatura), comments recognised by structure and kept apart, metadata from JSON-LD,
// OpenGraph, <meta>, <time> and the URL.
// Not thread-safe: holds a reusable parser; use one per thread.

#include <memory>
#include <string_view>

#include "vigie/ingest/document.h"

namespace vigie::ingest {

struct HtmlExtractOptions {
  // Paragraphs shorter than this many code points that look like boilerplate are dropped.
  int min_paragraph_chars = 15;
};

class HtmlExtractor {
 public:
  explicit HtmlExtractor(HtmlExtractOptions options = {});
  ~HtmlExtractor();
  HtmlExtractor(const HtmlExtractor&) = delete;
  HtmlExtractor& operator=(const HtmlExtractor&) = delete;

  // Extracts from `html` (UTF-8). `url` (may be "") helps with dates and the site name.
  // Fills doc->paragraphs (lang left empty), comments, dropped, title, date, modified,
  // author, site, lang (from <html lang>, a hint only) and url (canonical/og:url when `url`
  // is empty). Never fails: a page with no article yields no paragraphs.
  void Extract(std::string_view html, std::string_view url, Document* doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::ingest
