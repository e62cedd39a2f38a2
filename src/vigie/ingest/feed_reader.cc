// RSS 2.0, RSS 1.0 (RDF) and Atom reader on libxml2.
//
// Safety: the parser runs without XML_PARSE_NOENT (no entity substitution), without
// XML_PARSE_DTDLOAD (no external DTD or entity is fetched), with XML_PARSE_NONET and without
// XML_PARSE_HUGE (libxml2's amplification limits stay on). Text is collected from text and
// CDATA nodes only, never through entity reference nodes, so an entity "billion laughs" is
// never expanded by us either.

#include <memory>
#include <string>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "vigie/base/strings.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::ingest {
namespace {

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                              XML_PARSE_NOCDATA | XML_PARSE_RECOVER;
static_assert((kParseOptions & (XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_HUGE |
                                XML_PARSE_DTDATTR | XML_PARSE_XINCLUDE)) == 0,
              "unsafe libxml2 options");

using DocPtr = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

std::string_view Ns(const xmlNode* n) {
  return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
}

bool Is(const xmlNode* n, std::string_view local) {
  return n->type == XML_ELEMENT_NODE && Name(n) == local;
}

// Concatenated text and CDATA below `n`, skipping entity references (see file comment).
void AppendText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out->append(reinterpret_cast<const char*>(c->content));
    } else if (c->type == XML_ELEMENT_NODE) {
      AppendText(c, out);
    }
  }
}

std::string Text(const xmlNode* n) {
  std::string out;
  AppendText(n, &out);
  return std::string(str::Trim(out));
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s = reinterpret_cast<const char*>(v);
  xmlFree(v);
  return s;
}

// Serialises the children of an Atom type="xhtml" <content> as HTML markup. Entity
// references are written as references, not expanded.
std::string InnerXml(xmlNode* n) {
  std::string out;
  xmlBufferPtr buf = xmlBufferCreate();
  if (buf == nullptr) return out;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    xmlNodeDump(buf, n->doc, c, 0, 0);
  }
  const xmlChar* content = xmlBufferContent(buf);
  if (content) out = reinterpret_cast<const char*>(content);
  xmlBufferFree(buf);
  return out;
}

// Escapes plain text so that it can travel as HTML.
std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Content of an Atom <content>/<summary> as HTML, by its type attribute.
std::string AtomContent(xmlNode* n) {
  std::string type = str::AsciiLower(Attr(n, "type"));
  if (type == "xhtml") return InnerXml(n);
  if (type == "html" || type == "text/html") return Text(n);
  return "<p>" + EscapeHtml(Text(n)) + "</p>";  // "text" (the default)
}

void AppendAuthor(std::string_view name, std::string* authors) {
  name = str::Trim(name);
  if (name.empty()) return;
  if (!authors->empty()) *authors += "; ";
  authors->append(name);
}

// One item or entry into a record.
RawRecord ItemToRecord(xmlNode* item) {
  RawRecord rec;
  rec.format = Format::kHtml;
  rec.charset = "UTF-8";  // libxml2 hands out UTF-8
  std::string encoded, content, description;
  std::string pub_date, published, updated, dc_date;
  for (xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(c);
    if (name == "title") {
      rec.title = Text(c);
    } else if (name == "link") {
      std::string href = Attr(c, "href");
      std::string rel = Attr(c, "rel");
      if (!href.empty()) {  // Atom: the alternate link is the article
        if ((rel.empty() || rel == "alternate") && rec.url.empty()) rec.url = href;
      } else if (rec.url.empty()) {
        rec.url = Text(c);
      }
    } else if (name == "encoded" &&
               str::ContainsNoCase(Ns(c), "purl.org/rss/1.0/modules/content")) {
      encoded = Text(c);
    } else if (name == "content") {
      content = AtomContent(c);
    } else if (name == "description") {
      description = Text(c);
    } else if (name == "summary" && description.empty()) {
      description = AtomContent(c);
    } else if (name == "pubDate") {
      pub_date = Text(c);
    } else if (name == "published") {
      published = Text(c);
    } else if (name == "updated") {
      updated = Text(c);
    } else if (name == "date") {  // dc:date
      dc_date = Text(c);
    } else if (name == "author") {
      bool atom = false;
      for (xmlNode* a = c->children; a != nullptr; a = a->next) {
        if (Is(a, "name")) {
          AppendAuthor(Text(a), &rec.author);
          atom = true;
        }
      }
      if (!atom) AppendAuthor(Text(c), &rec.author);
    } else if (name == "creator") {  // dc:creator
      AppendAuthor(Text(c), &rec.author);
    } else if (name == "guid" && rec.url.empty() &&
               str::AsciiLower(Attr(c, "isPermaLink")) != "false") {
      std::string guid = Text(c);
      if (guid.rfind("http", 0) == 0) rec.url = guid;
    }
  }
  if (rec.url.empty()) rec.url = Attr(item, "about");  // rdf:about on RSS 1.0 items
  rec.content = !encoded.empty() ? encoded : !content.empty() ? content : description;
  for (const std::string* d : {&pub_date, &published, &dc_date, &updated}) {
    if (!d->empty()) {
      rec.date = *d;
      break;
    }
  }
  return rec;
}

bool IsItem(const xmlNode* n) { return Is(n, "item") || Is(n, "entry"); }

// Calls `fn` on every item/entry: children of the root (Atom, RDF) or of <channel> (RSS).
template <typename Fn>
void ForEachItem(xmlNode* root, Fn fn) {
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (IsItem(c)) {
      fn(c);
    } else if (Is(c, "channel")) {
      for (xmlNode* i = c->children; i != nullptr; i = i->next) {
        if (IsItem(i)) fn(i);
      }
    }
  }
}

}  // namespace

Status ReadFeed(InputStream& in, const std::string& path, const ReaderLimits& limits,
                const RecordCallback& on_record, const ErrorCallback& on_error) {
  bool truncated = false;
  auto bytes = in.ReadAll(limits.max_feed_bytes, &truncated);
  if (!bytes.ok()) return bytes.status().WithContext(path);
  if (truncated) {
    return Status::InvalidArgument(path + ": feed larger than " +
                                   std::to_string(limits.max_feed_bytes) + " bytes");
  }
  if (bytes->size() > static_cast<size_t>(INT32_MAX)) {
    return Status::InvalidArgument(path + ": feed too large");
  }
  DocPtr doc(xmlReadMemory(bytes->data(), static_cast<int>(bytes->size()), nullptr, nullptr,
                           kParseOptions),
             xmlFreeDoc);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return Status::Corruption(path + ": not well-formed XML");
  std::string_view root_name = Name(root);
  if (root_name != "rss" && root_name != "RDF" && root_name != "feed") {
    return Status::Corruption(path + ": not an RSS or Atom feed (root element <" +
                              std::string(root_name) + ">)");
  }
  int64_t item_no = 0;
  ForEachItem(root, [&](xmlNode* item) {
    RawRecord rec = ItemToRecord(item);
    rec.path = path;
    rec.record = ++item_no;
    if (str::Trim(rec.content).empty() && rec.title.empty()) {
      on_error(Status::Corruption(path + ": item " + std::to_string(item_no) +
                                  ": no title and no content, skipped"));
      return;
    }
    on_record(std::move(rec));
  });
  return Status::OK();
}

}  // namespace vigie::ingest
