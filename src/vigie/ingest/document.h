#pragma once
// Document: one clean news document, the output of ingestion (DESIGN.md, `vigie extract`).
// Plain data; thread-compatible.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::ingest {

// The form an input arrived in.
enum class Format { kUnknown, kText, kHtml, kJsonl, kFeed, kWarc };
const char* FormatName(Format f);

struct Paragraph {
  std::string text;  // NFC, white space collapsed, never empty
  std::string lang;  // ISO 639-1 ("fr", "en", ...) or "" when undetermined
};

struct Comment {
  std::string text;    // the comment's words, NFC, white space collapsed
  std::string author;  // "" when unknown
  std::string date;    // YYYY-MM-DD or "" when unknown
};

struct Document {
  std::string id;                 // stable: from the URL when there is one, else content hash
  std::string path;               // input path as given ("-" for stdin)
  std::optional<int64_t> record;  // line/record/item number inside a multi-document file
  Format format = Format::kUnknown;
  std::string url;
  std::string site;  // site name (og:site_name, publisher) or host of the URL
  std::string title;
  std::string date;                   // publication date, YYYY-MM-DD (or "" when unknown)
  std::string modified;               // last-modified date, YYYY-MM-DD, kept apart from `date`
  std::string author;                 // several authors joined by "; "
  std::string lang;                   // document language, ISO 639-1, "" when undetermined
  std::vector<Paragraph> paragraphs;  // body, in reading order
  std::vector<Comment> comments;      // reader comments, never part of the body
  std::vector<std::string> dropped;   // boilerplate lines that were removed
};

}  // namespace vigie::ingest
