#include "vigie/ingest/html_dom.h"

namespace vigie::ingest::html {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return r;
}

// Position of `needle` (lower-case, starting with '<') in `hay` at or after `from`, ASCII
// case-insensitively.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = hay.find('<', from);
       i != std::string_view::npos && i + needle.size() <= hay.size(); i = hay.find('<', i + 1)) {
    size_t k = 0;
    while (k < needle.size() && (hay[i + k] | 0x20) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

Dom::Dom() {
  myhtml_ = myhtml_create();
  myhtml_init(myhtml_, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
  tree_ = myhtml_tree_create();
  myhtml_tree_init(tree_, myhtml_);
}

Dom::~Dom() {
  myhtml_tree_destroy(tree_);
  myhtml_destroy(myhtml_);
}

namespace {

// Real pages stay far below this; unclosed <p>/<li> only inflate the rough count a little.
constexpr int kMaxNesting = 3000;

bool IsVoidTag(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                               "hr",    "img",    "input", "link", "meta",
                                               "param", "source", "track", "wbr",  "keygen"};
  for (std::string_view v : kVoid) {
    if (name.size() == v.size()) {
      bool eq = true;
      for (size_t i = 0; i < v.size() && eq; ++i) eq = (name[i] | 0x20) == v[i];
      if (eq) return true;
    }
  }
  return false;
}

bool IsRawTextTag(std::string_view name) {
  static constexpr std::string_view kRaw[] = {"script", "style", "textarea", "title", "xmp"};
  for (std::string_view r : kRaw) {
    if (name.size() == r.size()) {
      bool eq = true;
      for (size_t i = 0; i < r.size() && eq; ++i) eq = (name[i] | 0x20) == r[i];
      if (eq) return true;
    }
  }
  return false;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// One pass of a rough tag scanner. With `out` null it only reports whether the depth ever
// exceeds `max_depth`; otherwise it copies `html` minus the tags beyond that depth.
bool ScanNesting(std::string_view html, int max_depth, std::string* out) {
  int depth = 0;
  size_t copied = 0;  // html[0, copied) is already in *out
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    size_t start = i;
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t name_begin = i + (closing ? 2 : 1);
    size_t name_end = name_begin;
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    if (name_end == name_begin) {
      i = name_begin;
      continue;
    }
    size_t gt = html.find('>', name_end);
    size_t tag_end = gt == std::string_view::npos ? html.size() : gt + 1;
    std::string_view name = html.substr(name_begin, name_end - name_begin);
    bool self_closing = gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
    bool drop = false;
    if (closing) {
      if (!IsVoidTag(name)) {
        drop = depth > max_depth;
        if (depth > 0) --depth;
      }
    } else if (!IsVoidTag(name) && !self_closing) {
      ++depth;
      drop = depth > max_depth;
      if (drop && !out) return true;
    }
    if (drop && out) {
      out->append(html.substr(copied, start - copied));
      copied = tag_end;
    }
    i = tag_end;
    if (!closing && IsRawTextTag(name)) {
      // Skip the element's raw text up to its end tag (not scanned for tags).
      std::string end_tag = "</" + LowerAscii(name);
      size_t close = FindNoCase(html, end_tag, i);
      i = close == std::string_view::npos ? html.size() : close;
    }
  }
  if (out) out->append(html.substr(copied));
  return false;
}

}  // namespace

bool FlattenDeepNesting(std::string_view html, int max_depth, std::string* out) {
  if (!ScanNesting(html, max_depth, nullptr)) return false;
  out->clear();
  out->reserve(html.size());
  ScanNesting(html, max_depth, out);
  return true;
}

bool Dom::Parse(std::string_view utf8_html) {
  if (FlattenDeepNesting(utf8_html, kMaxNesting, &flattened_)) utf8_html = flattened_;
  // MyHTML cleans the previous tree itself at the start of myhtml_parse.
  mystatus_t status = myhtml_parse(tree_, MyENCODING_UTF_8, utf8_html.data(), utf8_html.size());
  return status == MyHTML_STATUS_OK;
}

Node* Dom::document() const { return myhtml_tree_get_document(tree_); }
Node* Dom::html() const { return myhtml_tree_get_node_html(tree_); }
Node* Dom::head() const { return myhtml_tree_get_node_head(tree_); }
Node* Dom::body() const { return myhtml_tree_get_node_body(tree_); }

std::string_view Text(Node* n) {
  size_t len = 0;
  const char* s = myhtml_node_text(n, &len);
  return s ? std::string_view(s, len) : std::string_view();
}

std::string_view Attr(Node* n, std::string_view key) {
  myhtml_tree_attr_t* attr = myhtml_attribute_by_key(n, key.data(), key.size());
  if (!attr) return {};
  size_t len = 0;
  const char* v = myhtml_attribute_value(attr, &len);
  return v ? std::string_view(v, len) : std::string_view();
}

bool HasAttr(Node* n, std::string_view key) {
  return myhtml_attribute_by_key(n, key.data(), key.size()) != nullptr;
}

std::string_view TagName(Node* n) {
  if (!IsElement(n)) return {};
  size_t len = 0;
  const char* name = myhtml_tag_name_by_id(myhtml_node_tree(n), Tag(n), &len);
  return name ? std::string_view(name, len) : std::string_view();
}

bool IsInvisible(TagId tag) {
  switch (tag) {
    case MyHTML_TAG_SCRIPT:
    case MyHTML_TAG_STYLE:
    case MyHTML_TAG_NOSCRIPT:
    case MyHTML_TAG_TEMPLATE:
    case MyHTML_TAG_SVG:
    case MyHTML_TAG_MATH:
    case MyHTML_TAG_IFRAME:
    case MyHTML_TAG_OBJECT:
    case MyHTML_TAG_EMBED:
    case MyHTML_TAG_HEAD:
    case MyHTML_TAG_TITLE:
    case MyHTML_TAG_META:
    case MyHTML_TAG_LINK:
    case MyHTML_TAG_SELECT:
    case MyHTML_TAG_OPTION:
    case MyHTML_TAG_TEXTAREA:
    case MyHTML_TAG_BUTTON:
    case MyHTML_TAG_CANVAS:
    case MyHTML_TAG__COMMENT:
      return true;
    default:
      return false;
  }
}

bool IsBlock(TagId tag) {
  switch (tag) {
    case MyHTML_TAG_P:
    case MyHTML_TAG_DIV:
    case MyHTML_TAG_H1:
    case MyHTML_TAG_H2:
    case MyHTML_TAG_H3:
    case MyHTML_TAG_H4:
    case MyHTML_TAG_H5:
    case MyHTML_TAG_H6:
    case MyHTML_TAG_LI:
    case MyHTML_TAG_UL:
    case MyHTML_TAG_OL:
    case MyHTML_TAG_DL:
    case MyHTML_TAG_DT:
    case MyHTML_TAG_DD:
    case MyHTML_TAG_TD:
    case MyHTML_TAG_TH:
    case MyHTML_TAG_TR:
    case MyHTML_TAG_TABLE:
    case MyHTML_TAG_BLOCKQUOTE:
    case MyHTML_TAG_PRE:
    case MyHTML_TAG_ARTICLE:
    case MyHTML_TAG_SECTION:
    case MyHTML_TAG_ASIDE:
    case MyHTML_TAG_HEADER:
    case MyHTML_TAG_FOOTER:
    case MyHTML_TAG_NAV:
    case MyHTML_TAG_MAIN:
    case MyHTML_TAG_FIGURE:
    case MyHTML_TAG_FIGCAPTION:
    case MyHTML_TAG_FORM:
    case MyHTML_TAG_BR:
    case MyHTML_TAG_HR:
    case MyHTML_TAG_ADDRESS:
    case MyHTML_TAG_DETAILS:
    case MyHTML_TAG_SUMMARY:
    case MyHTML_TAG_CAPTION:
    case MyHTML_TAG_FIELDSET:
    case MyHTML_TAG_BODY:
      return true;
    default:
      return false;
  }
}

Node* NextInTree(Node* n, Node* root, bool skip_children) {
  if (!skip_children) {
    if (Node* child = FirstChild(n)) return child;
  }
  while (n && n != root) {
    if (Node* next = NextSibling(n)) return next;
    n = Parent(n);
  }
  return nullptr;
}

void AppendText(Node* root, std::string* out) {
  if (IsText(root)) {
    out->append(Text(root));
    return;
  }
  Node* n = FirstChild(root);
  while (n) {
    TagId tag = Tag(n);
    bool skip = false;
    if (tag == MyHTML_TAG__TEXT) {
      out->append(Text(n));
    } else if (IsInvisible(tag)) {
      skip = true;
    } else if (IsBlock(tag) && !out->empty() && out->back() != '\n') {
      out->push_back('\n');
    }
    // Close the block after its subtree: emulate by checking when climbing out.
    Node* next = nullptr;
    if (!skip) next = FirstChild(n);
    if (!next) {
      Node* cur = n;
      while (cur && cur != root) {
        if (IsBlock(Tag(cur)) && !out->empty() && out->back() != '\n') out->push_back('\n');
        if (Node* sib = NextSibling(cur)) {
          next = sib;
          break;
        }
        cur = Parent(cur);
      }
    }
    n = next;
  }
}

}  // namespace vigie::ingest::html
