#pragma once
// Internal to ingest: a thin wrapper over MyHTML (Debian libmodest), the HTML5 parser.
// Node handles are MyHTML's own; they stay valid until the next Parse() or the Dom's
// destruction. Every traversal here is iterative: untrusted pages nest arbitrarily deep.
// Not thread-safe: one Dom per thread (it is reused across pages to avoid allocations).

#include <string>
#include <string_view>

#include <myhtml/api.h>

namespace vigie::ingest::html {

using Node = myhtml_tree_node_t;
using TagId = myhtml_tag_id_t;

class Dom {
 public:
  Dom();
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  // Parses UTF-8 HTML, replacing the previous tree. Returns false only when MyHTML fails
  // outright (out of memory); the tree is then empty.
  bool Parse(std::string_view utf8_html);

  Node* document() const;
  Node* html() const;
  Node* head() const;
  Node* body() const;

 private:
  myhtml_t* myhtml_ = nullptr;
  myhtml_tree_t* tree_ = nullptr;
  std::string flattened_;  // input with excess nesting removed (see FlattenDeepNesting)
};

// MyHTML's tree construction is quadratic in the nesting depth (scope checks walk the stack
// of open elements): 100,000 nested <div> take 13 s. When the rough tag depth of `html`
// exceeds `max_depth`, writes to *out a copy without the start and end tags beyond that
// depth (their text is kept) and returns true; otherwise returns false and leaves *out alone.
bool FlattenDeepNesting(std::string_view html, int max_depth, std::string* out);

inline Node* FirstChild(Node* n) { return myhtml_node_child(n); }
inline Node* LastChild(Node* n) { return myhtml_node_last_child(n); }
inline Node* NextSibling(Node* n) { return myhtml_node_next(n); }
inline Node* PrevSibling(Node* n) { return myhtml_node_prev(n); }
inline Node* Parent(Node* n) { return myhtml_node_parent(n); }
inline TagId Tag(Node* n) { return myhtml_node_tag_id(n); }
inline bool IsText(Node* n) { return Tag(n) == MyHTML_TAG__TEXT; }
inline bool IsComment(Node* n) { return Tag(n) == MyHTML_TAG__COMMENT; }
inline bool IsElement(Node* n) { return Tag(n) > MyHTML_TAG__DOCTYPE; }

// Character data of a text or comment node ("" for elements).
std::string_view Text(Node* n);

// Value of attribute `key` (lower-case) or "" when absent.
std::string_view Attr(Node* n, std::string_view key);
bool HasAttr(Node* n, std::string_view key);

// Lower-case tag name ("div"), "" for text nodes.
std::string_view TagName(Node* n);

// True for elements whose text is never visible or readable content: script, style,
// noscript, template, svg, math, iframe, object, head-only elements.
bool IsInvisible(TagId tag);

// True for block-level elements (p, div, h1-h6, li, td, blockquote, article, section, br ...)
// that end a line of text.
bool IsBlock(TagId tag);

// Next node in document order (pre-order) inside the subtree of `root`, or nullptr.
// With skip_children, the children of `n` are not visited.
Node* NextInTree(Node* n, Node* root, bool skip_children = false);

// Appends the visible text of `n`'s subtree (text nodes outside invisible elements),
// inserting "\n" at block boundaries. White space is not collapsed.
void AppendText(Node* n, std::string* out);

}  // namespace vigie::ingest::html
