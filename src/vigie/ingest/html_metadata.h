#pragma once
// Internal to ingest: page metadata from JSON-LD (NewsArticle, Article, BlogPosting ...),
// OpenGraph and article:* properties, <meta name=...>, <time datetime>, itemprop microdata,
// <title>/<h1>, and the URL. Published and modified dates are kept apart.

#include <string>
#include <string_view>

#include "vigie/ingest/html_dom.h"

namespace vigie::ingest {

struct HtmlMetadata {
  std::string title;     // article headline, site suffix ("| Le Monde") removed
  std::string date;      // published, YYYY-MM-DD
  std::string modified;  // last modified, YYYY-MM-DD
  std::string author;    // "; "-joined
  std::string site;      // site name
  std::string url;       // canonical or og:url
  std::string lang;      // <html lang> / og:locale / content-language, ISO 639-1
};

// Reads metadata from a parsed page. `url` (may be "") is the address the page came from.
HtmlMetadata ExtractHtmlMetadata(const html::Dom& dom, std::string_view url);

}  // namespace vigie::ingest
