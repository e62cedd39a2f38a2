// Page indexing: one iterative pre-order pass over <body> that records, per element, the
// class/id verdicts (computed once, on one lower-cased buffer) and the text statistics the
// scorers need, so that no later step re-reads attributes or re-walks text.

#include "vigie/ingest/html_content.h"

#include <algorithm>
#include <cstdint>

#include "vigie/base/strings.h"

namespace vigie::ingest::html {
namespace {

bool Has(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

template <size_t N>
bool HasAny(std::string_view s, const std::string_view (&needles)[N]) {
  for (std::string_view n : needles) {
    if (s.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// readability.js regular expressions, as substring lists (class and id, lower-cased).
constexpr std::string_view kPositiveWords[] = {"article", "body",    "content", "entry",
                                               "hentry",  "h-entry", "main",    "page",
                                               "post",    "text",    "blog",    "story"};
constexpr std::string_view kNegativeWords[] = {
    "-ad-",       "hidden",     "banner",    "combx",     "comment",  "com-",
    "contact",    "footer",     "gdpr",      "masthead",  "media",    "meta",
    "outbrain",   "promo",      "related",   "scroll",    "share",    "shoutbox",
    "sidebar",    "skyscraper", "sponsor",   "shopping",  "tags",     "widget",
    "social",     "newsletter", "cookie",    "subscribe", "navbar",   "menu",
    "breadcrumb", "gallery",    "slideshow", "carousel",  "lightbox", "caption"};
constexpr std::string_view kUnlikelyWords[] = {
    "-ad-",       "ai2html", "banner",     "breadcrumbs",  "combx",    "comment",  "community",
    "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",     "header",   "legends",
    "menu",       "related", "remark",     "replies",      "rss",      "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break", "agegate",  "pagination",
    "pager",      "popup",   "yom-remote", "newsletter",   "cookie"};
constexpr std::string_view kMaybeWords[] = {"and",     "article", "body",    "column",
                                            "content", "main",    "mathjax", "shadow"};
// trafilatura's first-choice body containers (BODY_XPATH, first and second tiers).
constexpr std::string_view kArticleBodyWords[] = {
    "articlebody",      "article-body",    "article__body",  "article_body", "article-content",
    "article__content", "article_content", "articlecontent", "article-text", "articletext",
    "article_text",     "entry-content",   "entry_content",  "entry-body",   "post-content",
    "post_content",     "postcontent",     "post-body",      "post_body",    "postbody",
    "post-text",        "post_text",       "post-entry",     "postentry",    "story-body",
    "storybody",        "story_body",      "story-content",  "storycontent", "field-name-body",
    "field--name-body", "body-text",       "text-content",   "art-content",  "single-content",
    "blog-content",     "post-bodycopy"};
constexpr std::string_view kShareWords[] = {"share",    "sharing", "social",
                                            "sociable", "addthis", "sharedaddy"};
constexpr std::string_view kFormWords[] = {"respond",      "comment-form", "commentform",
                                           "comment_form", "reply-form",   "replyform"};

// "comment" but not "commentary"/"commentator" (opinion columns); German, French forms.
bool IsCommentWord(std::string_view s) {
  for (size_t pos = s.find("comment"); pos != std::string_view::npos;
       pos = s.find("comment", pos + 1)) {
    std::string_view rest = s.substr(pos + 7);
    if (rest.rfind("ar", 0) == 0 || rest.rfind("ator", 0) == 0) continue;
    return true;
  }
  return Has(s, "disqus") || Has(s, "kommentar") || Has(s, "reactions") || Has(s, "leserbrief") ||
         Has(s, "replies") || Has(s, "reviews") || Has(s, "user-review") ||
         Has(s, "customer-review");
}

void LowerInto(std::string_view s, std::string* out) {
  for (char c : s) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
}

int AttrWeight(std::string_view lower) {
  if (lower.empty()) return 0;
  int w = 0;
  if (HasAny(lower, kNegativeWords)) w -= 25;
  if (HasAny(lower, kPositiveWords)) w += 25;
  return w;
}

bool IsHiddenStyle(std::string_view style) {
  // Cheap scan without lower-casing: inline styles are nearly always lower-case.
  if (!Has(style, "none") && !Has(style, "hidden")) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n') compact.push_back(c);
  }
  return Has(compact, "display:none") || Has(compact, "visibility:hidden");
}

bool IsUnlikelyRole(std::string_view role) {
  return role == "navigation" || role == "menu" || role == "menubar" || role == "complementary" ||
         role == "alert" || role == "alertdialog" || role == "dialog" || role == "banner" ||
         role == "contentinfo";
}

// Reads every attribute once and turns class/id/role/itemprop/itemtype/style into flags.
void Classify(Node* n, Elem* e, std::string* scratch) {
  std::string_view cls, id, role, itemprop, itemtype;
  for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(n); a; a = myhtml_attribute_next(a)) {
    size_t klen = 0, vlen = 0;
    const char* k = myhtml_attribute_key(a, &klen);
    const char* v = myhtml_attribute_value(a, &vlen);
    std::string_view key(k ? k : "", k ? klen : 0);
    std::string_view val(v ? v : "", v ? vlen : 0);
    if (key == "class") {
      cls = val;
    } else if (key == "id") {
      id = val;
    } else if (key == "style") {
      if (IsHiddenStyle(val)) e->flags |= kHidden;
    } else if (key == "hidden") {
      e->flags |= kHidden;
    } else if (key == "aria-hidden") {
      if (val == "true") e->flags |= kHidden;
    } else if (key == "role") {
      role = val;
    } else if (key == "itemprop") {
      itemprop = val;
    } else if (key == "itemtype") {
      itemtype = val;
    }
  }
  if (!role.empty() && IsUnlikelyRole(role)) e->flags |= kUnlikely | kPruned;
  if (Has(itemprop, "articleBody")) e->flags |= kArticleBody;
  if (Has(itemtype, "Comment")) e->flags |= kCommentLike;
  if (cls.empty() && id.empty()) return;
  scratch->clear();
  LowerInto(cls, scratch);
  size_t cls_len = scratch->size();
  scratch->push_back(' ');
  LowerInto(id, scratch);
  std::string_view all(*scratch);
  std::string_view lcls = all.substr(0, cls_len);
  std::string_view lid = all.substr(cls_len + 1);
  e->weight = AttrWeight(lcls) + AttrWeight(lid);
  if (e->weight > 0) e->flags |= kPositive;
  if (e->weight < 0) e->flags |= kNegative;
  if (HasAny(all, kUnlikelyWords)) e->flags |= kUnlikely;
  if (HasAny(all, kMaybeWords)) e->flags |= kMaybe;
  if (HasAny(all, kArticleBodyWords)) e->flags |= kArticleBody;
  if (HasAny(all, kShareWords)) e->flags |= kShare;
  if (IsCommentWord(all)) e->flags |= kCommentLike;
  if (HasAny(all, kFormWords)) e->flags |= kFormLike;
}

bool IsStructuralBoilerplate(TagId tag) {
  return tag == MyHTML_TAG_NAV || tag == MyHTML_TAG_ASIDE || tag == MyHTML_TAG_FOOTER ||
         tag == MyHTML_TAG_MENU || tag == MyHTML_TAG_FIGURE || tag == MyHTML_TAG_FIGCAPTION;
}

void SetIndex(Node* n, int idx) {
  myhtml_node_set_data(n, reinterpret_cast<void*>(static_cast<intptr_t>(idx + 1)));
}

}  // namespace

int IndexOf(const Page& page, Node* n) {
  if (!n) return -1;
  intptr_t i = reinterpret_cast<intptr_t>(myhtml_node_get_data(n)) - 1;
  if (i < 0 || i >= static_cast<intptr_t>(page.elems.size()) || page.elems[i].node != n) {
    return -1;
  }
  return static_cast<int>(i);
}

int CountChars(std::string_view s, int* commas) {
  int count = 0;
  bool space = true;  // leading white space is not counted
  bool any = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!space) ++count;
      space = true;
      continue;
    }
    space = false;
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    any = true;
    ++count;
    if (c == ',') {
      ++*commas;
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) == 0x8C) {
      ++*commas;  // U+FF0C fullwidth comma
    }
  }
  if (!any) return 0;
  if (space && count > 0) --count;  // trailing white space
  return count;
}

void BuildPage(const Dom& dom, Page* page) {
  std::vector<Elem>& elems = page->elems;
  elems.clear();
  Node* body = dom.body();
  if (!body) return;
  Node* n = body;
  while (n) {
    bool skip_children = false;
    TagId tag = Tag(n);
    if (tag == MyHTML_TAG__TEXT) {
      Node* parent = Parent(n);
      int pi = IndexOf(*page, parent);
      if (pi >= 0) {
        int commas = 0;
        int chars = CountChars(Text(n), &commas);
        if (chars > 0) {
          Elem& owner = elems[elems[pi].block];
          owner.inline_chars += chars;
          owner.inline_commas += commas;
          if (elems[pi].flags & kInLink) owner.inline_link_chars += chars;
        }
      }
    } else if (!IsElement(n) || IsInvisible(tag)) {
      skip_children = true;
      if (IsElement(n)) SetIndex(n, -1);
    } else {
      int idx = static_cast<int>(elems.size());
      elems.emplace_back();
      Elem& e = elems.back();
      e.node = n;
      e.tag = tag;
      e.end = idx + 1;
      e.parent = n == body ? -1 : IndexOf(*page, Parent(n));
      SetIndex(n, idx);
      if (e.parent >= 0) {
        const Elem& p = elems[e.parent];
        e.flags = p.flags & (kInLink | kInTableOrCode);
        e.block = IsBlock(tag) ? idx : p.block;
      } else {
        e.block = idx;
      }
      if (tag == MyHTML_TAG_A) e.flags |= kInLink;
      if (tag == MyHTML_TAG_TABLE || tag == MyHTML_TAG_CODE) e.flags |= kInTableOrCode;
      Classify(n, &e, &page->scratch);
      if (IsStructuralBoilerplate(tag)) e.flags |= kPruned;
      // Collapsed comment sections are hidden until a click: index them for the comment
      // reader (they stay out of the body).
      if ((e.flags & kHidden) && !(e.flags & kCommentLike)) skip_children = true;
    }
    n = NextInTree(n, body, skip_children);
  }
  for (int i = static_cast<int>(elems.size()) - 1; i >= 0; --i) {
    Elem& e = elems[i];
    if (e.tag == MyHTML_TAG_H1 ||
        ((e.tag == MyHTML_TAG_ARTICLE || (e.flags & kArticleBody)) && !(e.flags & kCommentLike))) {
      e.flags |= kHoldsArticle;
    }
    if (e.parent < 0) continue;
    Elem& p = elems[e.parent];
    if (e.end > p.end) p.end = e.end;
    p.flags |= e.flags & kHoldsArticle;
  }
}

void Aggregate(Page* page) {
  std::vector<Elem>& elems = page->elems;
  for (size_t i = 0; i < elems.size(); ++i) {
    Elem& e = elems[i];
    bool excluded =
        (e.flags & kExcludeRoots) || (e.parent >= 0 && (elems[e.parent].flags & kExcluded));
    if (excluded) {
      e.flags |= kExcluded;
    } else {
      e.flags &= ~kExcluded;
    }
    e.chars = e.inline_chars;
    e.link_chars = e.inline_link_chars;
    e.commas = e.inline_commas;
    e.p_count = e.tag == MyHTML_TAG_P;
    e.li_count = e.tag == MyHTML_TAG_LI;
    e.img_count = e.tag == MyHTML_TAG_IMG;
    e.input_count = e.tag == MyHTML_TAG_INPUT;
    e.heading_count = e.tag >= MyHTML_TAG_H1 && e.tag <= MyHTML_TAG_H6;
    e.children = 0;
    e.score = 0;
    e.scored = false;
  }
  for (int i = static_cast<int>(elems.size()) - 1; i > 0; --i) {
    const Elem& e = elems[i];
    if (e.parent < 0) continue;
    Elem& p = elems[e.parent];
    // Excluded subtrees keep their own totals (the comment reader uses them) but add
    // nothing to the rest of the page.
    if ((e.flags & kExcluded) && !(p.flags & kExcluded)) continue;
    p.chars += e.chars;
    p.link_chars += e.link_chars;
    p.commas += e.commas;
    p.p_count += e.p_count;
    p.li_count += e.li_count;
    p.img_count += e.img_count;
    p.input_count += e.input_count;
    p.heading_count += e.heading_count;
    ++p.children;
  }
}

// ---------------------------------------------------------------------------------------------
// Main-text selection.

namespace {

constexpr Attempt kAttempts[] = {
    {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
// Below this many characters an attempt is considered a failure (readability's threshold).
constexpr int kEnoughChars = 500;

float TagBase(TagId t) {
  switch (t) {
    case MyHTML_TAG_DIV:
      return 5;
    case MyHTML_TAG_PRE:
    case MyHTML_TAG_TD:
    case MyHTML_TAG_BLOCKQUOTE:
      return 3;
    case MyHTML_TAG_ADDRESS:
    case MyHTML_TAG_OL:
    case MyHTML_TAG_UL:
    case MyHTML_TAG_DL:
    case MyHTML_TAG_DD:
    case MyHTML_TAG_DT:
    case MyHTML_TAG_LI:
    case MyHTML_TAG_FORM:
      return -3;
    case MyHTML_TAG_TH:
      return -5;
    default:
      return IsHeading(t) ? -5 : 0;
  }
}

// Div-like blocks whose own inline text readability would wrap into a paragraph.
bool IsDivLike(TagId t) {
  return t == MyHTML_TAG_DIV || t == MyHTML_TAG_SECTION || t == MyHTML_TAG_ARTICLE ||
         t == MyHTML_TAG_MAIN || t == MyHTML_TAG_BLOCKQUOTE || t == MyHTML_TAG_BODY ||
         t == MyHTML_TAG_CENTER;
}

void MarkUnlikely(Page* page, bool strip) {
  for (Elem& e : page->elems) {
    e.flags &= ~kStripped;
    if (!strip) continue;
    // Page-wide wrappers sometimes carry "unlikely" words ("above-footer"): never strip
    // the article itself.
    if ((e.flags & kUnlikely) && !(e.flags & (kMaybe | kHoldsArticle | kInTableOrCode)) &&
        e.tag != MyHTML_TAG_BODY && e.tag != MyHTML_TAG_A && e.tag != MyHTML_TAG_ARTICLE &&
        e.tag != MyHTML_TAG_MAIN) {
      e.flags |= kStripped;
    }
  }
}

void Touch(Elem* e, bool weights) {
  if (e->scored) return;
  e->scored = true;
  e->score = TagBase(e->tag) + (weights ? static_cast<float>(e->weight) : 0.f);
}

// Readability's paragraph scoring: each paragraph of 25+ characters gives 1 + (commas + 1) +
// length/100 (max 3) points to its parent, half to its grandparent and 1/(3 * level) to
// the three ancestors above.
void ScoreParagraphs(Page* page, bool weights) {
  std::vector<Elem>& elems = page->elems;
  for (size_t i = 0; i < elems.size(); ++i) {
    const Elem& e = elems[i];
    if (e.flags & kExcluded) continue;
    TagId t = e.tag;
    int len, commas, start;
    if (t == MyHTML_TAG_P || t == MyHTML_TAG_PRE || t == MyHTML_TAG_TD ||
        (IsHeading(t) && t != MyHTML_TAG_H1)) {
      len = e.chars;
      commas = e.commas;
      start = e.parent;
    } else if (IsDivLike(t) && e.inline_chars >= 25) {
      len = e.inline_chars;
      commas = e.inline_commas;
      // A div with only inline content becomes a <p> in readability; mixed ones get their
      // text runs wrapped in new paragraphs, so the div itself is the parent.
      start = e.chars == e.inline_chars ? e.parent : static_cast<int>(i);
    } else {
      continue;
    }
    if (len < 25 || start < 0) continue;
    float points = 2.f + commas + std::min(len / 100, 3);
    int a = start;
    for (int level = 0; a >= 0 && level < 5; ++level, a = elems[a].parent) {
      Touch(&elems[a], weights);
      float divider = level == 0 ? 1.f : level == 1 ? 2.f : level * 3.f;
      elems[a].score += points / divider;
    }
  }
  for (Elem& e : elems) {
    if (e.scored) e.score *= 1.f - LinkDensity(e);
  }
}

bool Contains(const std::vector<Elem>& elems, int ancestor, int node) {
  return node >= ancestor && node < elems[ancestor].end;
}

int PickTopCandidate(Page* page, bool weights) {
  std::vector<Elem>& elems = page->elems;
  int top5[5] = {-1, -1, -1, -1, -1};
  for (int i = 0; i < static_cast<int>(elems.size()); ++i) {
    if (!elems[i].scored || (elems[i].flags & kExcluded)) continue;
    for (int k = 0; k < 5; ++k) {
      if (top5[k] < 0 || elems[i].score > elems[top5[k]].score) {
        for (int m = 4; m > k; --m) top5[m] = top5[m - 1];
        top5[k] = i;
        break;
      }
    }
  }
  int top = top5[0];
  if (top < 0) return 0;
  // Several near-equal candidates inside one ancestor: the article is split; take the
  // ancestor.
  int alternatives[4];
  int n_alt = 0;
  for (int k = 1; k < 5; ++k) {
    if (top5[k] >= 0 && elems[top5[k]].score / std::max(elems[top].score, 1e-3f) >= 0.75f) {
      alternatives[n_alt++] = top5[k];
    }
  }
  if (n_alt >= 3) {
    for (int p = elems[top].parent; p > 0; p = elems[p].parent) {
      int inside = 0;
      for (int k = 0; k < n_alt; ++k) inside += Contains(elems, p, alternatives[k]);
      if (inside >= 3) {
        top = p;
        Touch(&elems[top], weights);
        break;
      }
    }
  }
  // Climb while the parent scores better (the article is spread over its children).
  float last = elems[top].score;
  float threshold = last / 3;
  for (int p = elems[top].parent; p > 0; p = elems[p].parent) {
    if (!elems[p].scored) continue;
    if (elems[p].score < threshold) break;
    if (elems[p].score > last) {
      top = p;
      break;
    }
    last = elems[p].score;
  }
  for (int p = elems[top].parent; p > 0 && elems[p].children == 1; p = elems[p].parent) top = p;
  return top;
}

bool EndsSentence(Node* n, std::string* scratch) {
  scratch->clear();
  AppendText(n, scratch);
  std::string_view t = str::Trim(*scratch);
  return !t.empty() && (t.back() == '.' || t.find(". ") != std::string_view::npos);
}

// Readability's sibling inclusion: the top candidate's siblings that score well enough or
// look like real paragraphs.
std::vector<int> WithSiblings(Page* page, int top) {
  std::vector<Elem>& elems = page->elems;
  std::vector<int> roots;
  int parent = elems[top].parent;
  if (parent < 0) return {top};
  float top_score = elems[top].score;
  float threshold = std::max(10.f, top_score * 0.2f);
  std::string_view top_class = Attr(elems[top].node, "class");
  for (int c = parent + 1; c < elems[parent].end; c = elems[c].end) {
    const Elem& e = elems[c];
    if (e.flags & kExcluded) continue;
    if (c == top) {
      roots.push_back(c);
      continue;
    }
    float bonus = 0;
    if (!top_class.empty() && Attr(e.node, "class") == top_class) bonus = top_score * 0.2f;
    bool append = false;
    if (e.scored && e.score + bonus >= threshold) {
      append = true;
    } else if (e.tag == MyHTML_TAG_P) {
      float ld = LinkDensity(e);
      if (e.chars > 80 && ld < 0.25f) {
        append = true;
      } else if (e.chars < 80 && e.chars > 0 && ld == 0 && EndsSentence(e.node, &page->scratch)) {
        append = true;
      }
    }
    if (append) roots.push_back(c);
  }
  return roots;
}

// The largest element with `flag` strictly inside `outer` (-1 when none).
int LargestInside(const std::vector<Elem>& elems, int outer, uint32_t flag) {
  int best = -1;
  for (int i = outer + 1; i < elems[outer].end; ++i) {
    if (elems[i].flags & kExcluded) {
      i = elems[i].end - 1;
      continue;
    }
    if ((elems[i].flags & flag) && (best < 0 || elems[i].chars > elems[best].chars)) best = i;
  }
  return best;
}

// trafilatura's first choice: a well-known article body container, else an <article>.
// Returns the chosen roots in document order, empty when there is none with text.
std::vector<int> KnownContainers(const Page& page) {
  const std::vector<Elem>& elems = page.elems;
  int best_body = -1, best_article = -1, first_article = -1;
  for (int i = 0; i < static_cast<int>(elems.size()); ++i) {
    const Elem& e = elems[i];
    if (e.flags & kExcluded) {
      i = e.end - 1;
      continue;
    }
    if ((e.flags & kArticleBody) && (best_body < 0 || e.chars > elems[best_body].chars)) {
      best_body = i;
    }
    if (e.tag == MyHTML_TAG_ARTICLE) {
      if (best_article < 0 || e.chars > elems[best_article].chars) best_article = i;
      if (first_article < 0 && e.chars >= 200) first_article = i;
    }
  }
  if (best_body >= 0 && elems[best_body].chars >= 200) {
    // "article-content" often wraps headline, byline and gallery around "article-body":
    // prefer the inner container when it holds most of the text.
    for (int inner = LargestInside(elems, best_body, kArticleBody);
         inner >= 0 && elems[inner].chars * 2 >= elems[best_body].chars;
         inner = LargestInside(elems, best_body, kArticleBody)) {
      best_body = inner;
    }
    // Bodies split into several same-class blocks (between ads or pull quotes).
    std::vector<int> roots;
    std::string_view cls = Attr(elems[best_body].node, "class");
    for (int i = 0; i < static_cast<int>(elems.size()); ++i) {
      const Elem& e = elems[i];
      if (e.flags & kExcluded) {
        i = e.end - 1;
        continue;
      }
      if (i == best_body || ((e.flags & kArticleBody) && e.tag == elems[best_body].tag &&
                             !cls.empty() && Attr(e.node, "class") == cls)) {
        roots.push_back(i);
        i = e.end - 1;
      }
    }
    return roots;
  }
  // trafilatura takes the first <article>: later ones are usually teasers of other stories.
  if (first_article >= 0) return {first_article};
  return {};
}

int RootsChars(const Page& page, const std::vector<int>& roots) {
  int c = 0;
  for (int r : roots) c += page.elems[r].chars;
  return c;
}

}  // namespace

// Readability's _cleanConditionally: drops lists, tables and divs inside the article that
// look like link lists, image galleries, forms or widgets.
bool CleanConditionally(const Page& page, int i, const Attempt& at) {
  const Elem& e = page.elems[i];
  TagId t = e.tag;
  if (t != MyHTML_TAG_DIV && t != MyHTML_TAG_SECTION && t != MyHTML_TAG_UL && t != MyHTML_TAG_OL &&
      t != MyHTML_TAG_TABLE && t != MyHTML_TAG_FORM && t != MyHTML_TAG_FIELDSET &&
      t != MyHTML_TAG_HEADER) {
    return false;
  }
  if (e.flags & (kArticleBody | kInTableOrCode)) return false;
  int weight = at.weight_classes ? e.weight : 0;
  if (weight < 0) return true;
  if (e.commas >= 10) return false;
  bool is_list = t == MyHTML_TAG_UL || t == MyHTML_TAG_OL;
  int p = e.p_count, img = e.img_count, li = e.li_count - 100, input = e.input_count;
  float ld = LinkDensity(e);
  bool heading_only = e.heading_count > 0 && p == 0;
  if (img > 1 && p * 2 < img) return true;
  if (!is_list && li > p) return true;
  if (input > p / 3) return true;
  if (!is_list && !heading_only && e.chars < 25 && (img == 0 || img > 2) && ld > 0) return true;
  if (!is_list && weight < 25 && ld > 0.2f) return true;
  if (weight >= 25 && ld > 0.5f) return true;
  if (img == 0 && e.chars == 0) return true;
  return false;
}

void ExtractMainText(Page* page, std::string_view title, int min_paragraph_chars, MainText* out) {
  out->paragraphs.clear();
  out->dropped.clear();
  if (page->elems.empty()) return;
  MainText best;
  int best_chars = -1;
  for (const Attempt& at : kAttempts) {
    MarkUnlikely(page, at.strip_unlikely);
    Aggregate(page);
    ScoreParagraphs(page, at.weight_classes);
    int top = PickTopCandidate(page, at.weight_classes);
    std::vector<int> roots = WithSiblings(page, top);
    std::vector<int> known = KnownContainers(*page);
    if (!known.empty() && RootsChars(*page, known) * 2 >= RootsChars(*page, roots)) roots = known;
    MainText result;
    int chars = WriteParagraphs(page, roots, at, title, min_paragraph_chars, &result);
    if (chars > best_chars) {
      best_chars = chars;
      best = std::move(result);
    }
    if (best_chars >= kEnoughChars) break;
  }
  *out = std::move(best);
}

}  // namespace vigie::ingest::html
