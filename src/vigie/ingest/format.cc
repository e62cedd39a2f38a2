#include "vigie/ingest/format.h"

#include <string>

#include "vigie/base/strings.h"

namespace vigie::ingest {
namespace {

Format FromExtension(std::string_view path) {
  std::string lower = str::AsciiLower(path);
  std::string_view p = lower;
  if (str::EndsWith(p, ".gz")) p.remove_suffix(3);
  // Only the last path component has an extension.
  size_t slash = p.find_last_of('/');
  if (slash != std::string_view::npos) p.remove_prefix(slash + 1);
  size_t dot = p.find_last_of('.');
  if (dot == std::string_view::npos) return Format::kUnknown;
  std::string_view ext = p.substr(dot + 1);
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return Format::kJsonl;
  if (ext == "rss" || ext == "atom" || ext == "xml") return Format::kFeed;
  if (ext == "warc" || ext == "arc") return Format::kWarc;
  return Format::kUnknown;
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return s.substr(i);
}

bool LooksLikeFeed(std::string_view lower_head) {
  return lower_head.find("<rss") != std::string_view::npos ||
         lower_head.find("<feed") != std::string_view::npos ||
         lower_head.find("<rdf:rdf") != std::string_view::npos;
}

bool LooksLikeHtml(std::string_view lower_head) {
  static constexpr std::string_view kMarkers[] = {
      "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<article"};
  for (std::string_view m : kMarkers) {
    if (lower_head.find(m) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

Format DetectFormat(std::string_view path, std::string_view head) {
  Format by_name = FromExtension(path);
  if (by_name != Format::kUnknown) return by_name;

  std::string_view h = SkipBomAndSpace(head);
  if (h.substr(0, 5) == "WARC/") return Format::kWarc;
  if (!h.empty() && h[0] == '{') return Format::kJsonl;
  std::string lower = str::AsciiLower(h.substr(0, 4096));
  if (h.substr(0, 5) == "<?xml" || lower.substr(0, 4) == "<rss" || lower.substr(0, 5) == "<feed" ||
      lower.substr(0, 8) == "<rdf:rdf") {
    // An XML prolog is a feed when a feed root follows; XHTML is HTML.
    if (LooksLikeFeed(lower)) return Format::kFeed;
    if (LooksLikeHtml(lower)) return Format::kHtml;
    return Format::kFeed;
  }
  if (!h.empty() && h[0] == '<' && LooksLikeHtml(lower)) return Format::kHtml;
  return Format::kText;
}

}  // namespace vigie::ingest
