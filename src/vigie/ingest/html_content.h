#pragma once
// Internal to ingest: the per-element facts of a parsed page (one flat pre-order array, built
// in one pass) and the main-text selection over it: structural pruning, known article
// containers (trafilatura), text-density scoring (readability) and paragraph output with
// jusText-style filtering. Everything is iterative over the flat array or the DOM.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/ingest/html_dom.h"

namespace vigie::ingest::html {

enum ElemFlag : uint32_t {
  kHidden = 1u << 0,          // display:none, hidden, aria-hidden: never read
  kPositive = 1u << 1,        // class/id names article text (readability "positive")
  kNegative = 1u << 2,        // class/id names boilerplate (readability "negative")
  kUnlikely = 1u << 3,        // class/id/role names navigation, sidebars, banners ...
  kMaybe = 1u << 4,           // ... but also article/body/content/main
  kArticleBody = 1u << 5,     // itemprop=articleBody or a well-known article body class
  kCommentLike = 1u << 6,     // class/id/itemtype names reader comments
  kCommentRoot = 1u << 7,     // chosen comment container (set by MarkCommentRoots)
  kPruned = 1u << 8,          // structural boilerplate: nav, aside, footer, menus, forms
  kExcluded = 1u << 9,        // this element or an ancestor is hidden, pruned or comments
  kInLink = 1u << 10,         // inside <a>
  kShare = 1u << 11,          // class/id names share/social buttons
  kFormLike = 1u << 12,       // comment forms (#respond, comment-form): dropped everywhere
  kInTableOrCode = 1u << 13,  // inside <table> or <code>: never stripped as "unlikely"
  kStripped = 1u << 14,       // unlikely candidate removed in the current attempt
  kHoldsArticle = 1u << 15,   // has an <h1>, <article> or article body inside (or is one)
};

struct Elem {
  Node* node = nullptr;
  int32_t parent = -1;  // index, -1 for the root (<body>)
  int32_t end = 0;      // pre-order: the subtree is [self, end)
  int32_t block = 0;    // nearest block-level element, self included (owns inline text)
  TagId tag = 0;
  uint32_t flags = 0;
  int32_t weight = 0;  // class/id weight, readability's +-25 per attribute
  // Text owned directly: text nodes whose nearest block element is this one.
  int32_t inline_chars = 0;
  int32_t inline_link_chars = 0;
  int32_t inline_commas = 0;
  // Subtree aggregates over descendants that are not kExcluded.
  int32_t chars = 0;
  int32_t link_chars = 0;
  int32_t commas = 0;
  int32_t p_count = 0;
  int32_t li_count = 0;
  int32_t img_count = 0;
  int32_t input_count = 0;
  int32_t heading_count = 0;
  int32_t children = 0;  // element children that are not kExcluded
  float score = 0;
  bool scored = false;
};

struct Page {
  std::vector<Elem> elems;     // pre-order, elems[0] is <body>
  std::string scratch;         // reused lower-case class/id buffer
  std::vector<uint8_t> marks;  // per-element scratch marks (comment detection)
};

// Index of element `n` in page.elems, -1 when it was not indexed (inside <head>, below a
// hidden or invisible element). Checked against the array: MyHTML reuses node memory across
// pages, so a node that this page's BuildPage never visited may carry a stale index.
int IndexOf(const Page& page, Node* n);

// Indexes the <body> of `dom`: flags, class weights and inline text statistics.
void BuildPage(const Dom& dom, Page* page);

// Roots of excluded subtrees.
inline constexpr uint32_t kExcludeRoots = kHidden | kPruned | kCommentRoot | kFormLike | kStripped;

// Propagates kExcluded (hidden, pruned, comment roots) down the tree and recomputes the
// subtree aggregates over what is left.
void Aggregate(Page* page);

// Visible code points of `s` with white space runs counted once; commas added to *commas.
int CountChars(std::string_view s, int* commas);

inline bool IsHeading(TagId t) { return t >= MyHTML_TAG_H1 && t <= MyHTML_TAG_H6; }

inline float LinkDensity(const Elem& e) {
  return e.chars > 0 ? static_cast<float>(e.link_chars) / e.chars : 0.f;
}

// The rules of one extraction attempt (readability's flags); later attempts relax them
// when the result is too short.
struct Attempt {
  bool strip_unlikely;
  bool weight_classes;
  bool clean_conditionally;
};

// readability's _cleanConditionally: whether element `i` inside the article looks like a
// link list, image gallery, form or widget, to be left out of the output.
bool CleanConditionally(const Page& page, int i, const Attempt& at);

struct MainText {
  std::vector<std::string> paragraphs;
  std::vector<std::string> dropped;
};

// Chooses the article and writes its paragraphs in reading order. `title` (may be "") lets
// the headline be left out of the body. Comment roots must already be marked.
void ExtractMainText(Page* page, std::string_view title, int min_paragraph_chars, MainText* out);

// Paragraph output (html_extractor.cc): appends the text under `roots` to `out`, one
// paragraph per block in reading order, leaving out conditionally cleaned subtrees, the
// headline (when it matches `title`) and jusText-style boilerplate lines (into
// out->dropped). Returns the number of characters written.
int WriteParagraphs(Page* page, const std::vector<int>& roots, const Attempt& at,
                    std::string_view title, int min_paragraph_chars, MainText* out);

}  // namespace vigie::ingest::html
