#include "vigie/watch/atom.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "vigie/base/time.h"
#include "vigie/base/utf8.h"

namespace vigie::watch {
namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";

// Percent-encodes everything but RFC 3986's unreserved characters (query values).
std::string UrlEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// XML 1.0 cannot carry C0 controls other than tab, newline and carriage return, nor invalid
// UTF-8: a feed with one is not well-formed and readers drop it whole. Texts come from
// documents, so they are cleaned rather than trusted.
std::string XmlText(std::string_view s) {
  std::string out = utf8::Repair(s);
  std::erase_if(out, [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
  return out;
}

std::string Base(std::string_view base_url) {
  std::string base(base_url);
  if (!base.empty() && base.back() != '/') base.push_back('/');
  return base;
}

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// One writer call per XML construct; the first failure (only when libxml2 cannot allocate)
// is remembered and the rest skipped.
class Writer {
 public:
  explicit Writer(xmlTextWriterPtr w) : w_(w) {}
  void Start(const char* name) { Check(xmlTextWriterStartElement(w_, X(name))); }
  void End() { Check(xmlTextWriterEndElement(w_)); }
  void Attr(const char* name, std::string_view value) {
    Check(xmlTextWriterWriteAttribute(w_, X(name), X(XmlText(value).c_str())));
  }
  void Element(const char* name, std::string_view text) {
    Check(xmlTextWriterWriteElement(w_, X(name), X(XmlText(text).c_str())));
  }
  void Link(const char* rel, std::string_view href, const char* type = nullptr) {
    Start("link");
    Attr("rel", rel);
    if (type != nullptr) Attr("type", type);
    Attr("href", href);
    End();
  }
  bool ok() const { return ok_; }
  void Check(int rc) { ok_ = ok_ && rc >= 0; }

 private:
  xmlTextWriterPtr w_;
  bool ok_ = true;
};

}  // namespace

std::string Rfc3339(int64_t unix_seconds) { return FormatUtc(unix_seconds, "%Y-%m-%dT%H:%M:%SZ"); }

std::string AlertLink(const store::Alert& alert, const store::Watch* watch,
                      std::string_view base_url) {
  std::string link = Base(base_url) + "#/";
  if (watch == nullptr) return link;
  switch (watch->kind) {
    case store::WatchKind::kDyad:
      link += "relation?a=" + UrlEncode(watch->a) + "&b=" + UrlEncode(watch->b) + "&by=month";
      if (!alert.period.empty()) link += "&period=" + UrlEncode(alert.period);
      break;
    case store::WatchKind::kActor:
      link += "events?actor=" + UrlEncode(watch->a);
      break;
    case store::WatchKind::kQuery:
      link += "events?text=" + UrlEncode(watch->query);
      break;
  }
  return link;
}

std::string AlertsAtom(const std::vector<store::Alert>& alerts,
                       const std::vector<store::Watch>& watches, std::string_view base_url) {
  // libxml2 must be initialised once before threads use it (the server renders this from
  // several threads); a function-local static does it once, race-free.
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;

  std::map<int64_t, const store::Watch*> by_id;
  for (const store::Watch& w : watches) by_id[w.id] = &w;
  int64_t updated = 0;
  for (const store::Alert& a : alerts) updated = std::max(updated, a.created);
  const std::string base = Base(base_url);

  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buf(xmlBufferCreate(), xmlBufferFree);
  if (!buf) return "";
  std::unique_ptr<xmlTextWriter, void (*)(xmlTextWriterPtr)> tw(
      xmlNewTextWriterMemory(buf.get(), 0), xmlFreeTextWriter);
  if (!tw) return "";
  Writer w(tw.get());
  w.Check(xmlTextWriterSetIndent(tw.get(), 1));
  w.Check(xmlTextWriterStartDocument(tw.get(), nullptr, "UTF-8", nullptr));
  w.Start("feed");
  w.Attr("xmlns", kAtomNs);
  w.Element("id", "urn:vigie:alerts");
  w.Element("title", "vigie alerts");
  w.Element("updated", Rfc3339(updated));
  w.Link("self", base + "api/alerts.atom", "application/atom+xml");
  w.Link("alternate", base + "#/alerts", "text/html");
  w.Start("author");
  w.Element("name", "vigie");
  w.End();
  w.Element("generator", "vigie");
  for (const store::Alert& a : alerts) {
    auto it = by_id.find(a.watch_id);
    const store::Watch* watch = it == by_id.end() ? nullptr : it->second;
    w.Start("entry");
    w.Element("id", "urn:vigie:alert:" + std::to_string(a.id));
    w.Element("title", a.title);
    w.Element("updated", Rfc3339(a.created));
    w.Link("alternate", AlertLink(a, watch, base_url), "text/html");
    w.Start("category");
    w.Attr("term", a.kind);
    w.End();
    w.Start("summary");
    w.Attr("type", "text");
    w.Check(xmlTextWriterWriteString(tw.get(), X(XmlText(a.summary).c_str())));
    w.End();
    w.End();
  }
  w.End();  // feed
  w.Check(xmlTextWriterEndDocument(tw.get()));
  tw.reset();  // flushes into buf
  if (!w.ok()) return "";
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                     static_cast<size_t>(xmlBufferLength(buf.get())));
}

}  // namespace vigie::watch
