// Reader comments. Containers are found from the class/id/itemtype verdicts of BuildPage;
// inside a container, comment items are recognised by the conventions of the common CMSs
// (WordPress li.comment / #comment-123, article.comment, schema.org Comment), else as the
// largest group of repeated siblings, else the container is one comment.

#include "vigie/ingest/html_comments.h"

#include <optional>
#include <string>

#include "vigie/base/strings.h"
#include "vigie/text/dates.h"

namespace vigie::ingest::html {
namespace {

enum Mark : uint8_t { kNone = 0, kItem = 1 };

bool Has(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

std::string Lower(std::string_view s) { return str::AsciiLower(s); }

bool IsItemToken(std::string_view t) {
  static constexpr std::string_view kTokens[] = {
      "comment",        "comment-item",   "commentlist-item", "comment-entry", "comment_item",
      "single-comment", "commentitem",    "comment-thread",   "kommentar",     "commentaire",
      "reaction",       "comment-single", "js-comment",       "usercomment",   "user-comment"};
  for (std::string_view k : kTokens) {
    if (t == k) return true;
  }
  // comment-item, kommentar_entry, commentsingle ...
  bool named = Has(t, "comment") || Has(t, "kommentar");
  return named &&
         (str::EndsWith(t, "item") || str::EndsWith(t, "entry") || str::EndsWith(t, "single"));
}

// An element that is one comment (not a list of them, nor one part of one).
bool IsItem(const Elem& e) {
  std::string_view itemtype = Attr(e.node, "itemtype");
  if (Has(itemtype, "schema.org/Comment") || Has(itemtype, "UserComments")) return true;
  std::string id = Lower(Attr(e.node, "id"));
  std::string_view idv(id);
  if (idv.rfind("li-", 0) == 0) idv.remove_prefix(3);
  if ((idv.rfind("comment", 0) == 0 || idv.rfind("kommentar", 0) == 0) &&
      idv.find_first_of("0123456789") != std::string_view::npos) {
    return true;
  }
  std::string cls = Lower(Attr(e.node, "class"));
  for (std::string_view t : str::Split(cls, ' ')) {
    if (IsItemToken(t)) return true;
  }
  if ((e.tag == MyHTML_TAG_LI || e.tag == MyHTML_TAG_ARTICLE) && Has(cls, "comment")) {
    static constexpr std::string_view kParts[] = {"content", "body",  "text", "meta",   "author",
                                                  "list",    "reply", "form", "respond"};
    for (std::string_view p : kParts) {
      if (Has(cls, p)) return false;
    }
    return true;
  }
  return false;
}

// Parts of a comment that are not its words: who, when, buttons, forms.
bool IsMetaPart(const Elem& e, std::string* lower) {
  TagId t = e.tag;
  if (t == MyHTML_TAG_FOOTER || t == MyHTML_TAG_HEADER || t == MyHTML_TAG_FORM ||
      t == MyHTML_TAG_TIME || t == MyHTML_TAG_CITE || t == MyHTML_TAG_NAV) {
    return true;
  }
  lower->assign(Lower(Attr(e.node, "class")));
  lower->push_back(' ');
  lower->append(Lower(Attr(e.node, "id")));
  static constexpr std::string_view kWords[] = {
      "author",   "auteur",   "autor",  "meta",  "reply",  "respond",   "avatar",    "vcard",
      "date",     "time",     "action", "vote",  "like",   "rating",    "permalink", "edit",
      "share",    "report",   "flag",   "says",  "byline", "user-info", "userinfo",  "comment-head",
      "username", "benutzer", "datum",  "-info", "_info"};
  for (std::string_view w : kWords) {
    if (Has(*lower, w)) return true;
  }
  return false;
}

// Visible text under `root`, skipping excluded-by-callback subtrees, with block breaks.
template <typename Skip>
void CollectText(Node* root, Skip skip, std::string* out) {
  Node* n = root;
  while (n) {
    bool descend = true;
    if (IsText(n)) {
      out->append(Text(n));
      descend = false;
    } else if (!IsElement(n) || IsInvisible(Tag(n)) || (n != root && skip(n))) {
      descend = false;
    } else if (IsBlock(Tag(n))) {
      out->push_back('\n');
    }
    n = NextInTree(n, root, !descend);
  }
}

std::string CleanAuthor(std::string_view raw) {
  std::string a = str::CollapseSpace(raw);
  static constexpr std::string_view kSuffixes[] = {
      " says:", " sagt:", " dit :", " dit:", " schreibt:", " says", ":"};
  for (std::string_view s : kSuffixes) {
    if (a.size() > s.size() && str::EndsWith(str::AsciiLower(a), s)) {
      a.resize(a.size() - s.size());
      a = std::string(str::Trim(a));
    }
  }
  if (a.size() > 80) return {};
  return a;
}

// Forms, and hidden parts other than collapsed comment sections.
bool Skipped(const Elem& e) {
  return (e.flags & kFormLike) || e.tag == MyHTML_TAG_FORM ||
         ((e.flags & kHidden) && !(e.flags & kCommentLike));
}

// Buttons and headings caught as items ("Reply", "Load more", "Kommentar"): short text
// with neither author nor date.
bool IsLabel(const Comment& c) {
  if (c.text.empty()) return true;
  if (!c.author.empty() || !c.date.empty()) return false;
  int commas = 0;
  if (CountChars(c.text, &commas) >= 20) return false;
  // "Danke!" is a comment, "Antworten" and "Weitere laden..." are buttons.
  char last = c.text.back();
  return !(last == '.' || last == '!' || last == '?') || str::EndsWith(c.text, "...");
}

class CommentReader {
 public:
  explicit CommentReader(Page* page) : page_(*page) {}

  void ReadRoot(int root, std::vector<Comment>* out) {
    std::vector<Elem>& elems = page_.elems;
    if ((elems[root].flags & kFormLike) || elems[root].tag == MyHTML_TAG_FORM) return;
    std::vector<int> items;
    for (int j = root + 1; j < elems[root].end; ++j) {
      if (Skipped(elems[j])) {
        j = elems[j].end - 1;
        continue;
      }
      if (IsItem(elems[j])) {
        page_.marks[j] |= kItem;
        items.push_back(j);
      }
    }
    if (items.empty()) items = RepeatedSiblings(root);
    if (items.empty() && elems[root].chars >= 80) items.push_back(root);
    for (int item : items) {
      Comment c = Read(item);
      if (!IsLabel(c)) out->push_back(std::move(c));
    }
  }

 private:
  // The largest group of same-tag, same-class element siblings with text: the comment list
  // of an unknown template.
  std::vector<int> RepeatedSiblings(int root) {
    std::vector<Elem>& elems = page_.elems;
    std::vector<int> best;
    for (int p = root; p < elems[root].end; ++p) {
      if (elems[p].children < 2 || Skipped(elems[p])) continue;
      std::vector<int> kids;
      // Bounded: the grouping below is quadratic in the number of children.
      for (int c = p + 1; c < elems[p].end && kids.size() < 256; c = elems[c].end) {
        kids.push_back(c);
      }
      for (size_t a = 0; a < kids.size(); ++a) {
        std::vector<int> group;
        std::string_view cls = Attr(elems[kids[a]].node, "class");
        for (size_t b = a; b < kids.size(); ++b) {
          const Elem& k = elems[kids[b]];
          if (k.tag == elems[kids[a]].tag && Attr(k.node, "class") == cls && k.chars >= 20) {
            group.push_back(kids[b]);
          }
        }
        if (group.size() >= 2 && group.size() > best.size()) best = std::move(group);
        if (best.size() * 2 > kids.size()) break;
      }
    }
    for (int i : best) page_.marks[i] |= kItem;
    return best;
  }

  Comment Read(int item) {
    std::vector<Elem>& elems = page_.elems;
    Node* root = elems[item].node;
    Comment c;
    std::string lower;
    auto nested_or_hidden = [&](Node* n) {
      int i = IndexOf(page_, n);
      return i < 0 || (page_.marks[i] & kItem) || Skipped(elems[i]) || Tag(n) == MyHTML_TAG_FORM;
    };
    std::string text;
    CollectText(
        root,
        [&](Node* n) {
          if (nested_or_hidden(n)) return true;
          return IsMetaPart(elems[IndexOf(page_, n)], &lower);
        },
        &text);
    c.text = str::CollapseSpace(text);
    if (c.text.empty()) {
      text.clear();
      CollectText(root, nested_or_hidden, &text);
      c.text = str::CollapseSpace(text);
    }
    FindAuthorAndDate(item, &c);
    return c;
  }

  void FindAuthorAndDate(int item, Comment* c) {
    std::vector<Elem>& elems = page_.elems;
    for (int j = item + 1; j < elems[item].end && (c->author.empty() || c->date.empty()); ++j) {
      if (page_.marks[j] & kItem) {
        j = elems[j].end - 1;
        continue;
      }
      const Elem& e = elems[j];
      if (c->date.empty()) {
        std::string_view dt = Attr(e.node, "datetime");
        if (dt.empty() && e.tag != MyHTML_TAG_TIME) {
          std::string cls = Lower(Attr(e.node, "class"));
          if (Has(cls, "date") || Has(cls, "time") || Has(cls, "meta") || Has(cls, "datum")) {
            std::string t;
            AppendText(e.node, &t);
            if (t.size() < 200) SetDate(t, c);
          }
        } else if (!dt.empty()) {
          SetDate(dt, c);
        } else {
          std::string t;
          AppendText(e.node, &t);
          SetDate(t, c);
        }
      }
      if (c->author.empty()) {
        std::string cls = Lower(Attr(e.node, "class"));
        std::string_view itemprop = Attr(e.node, "itemprop");
        bool named = Has(cls, "author") || Has(cls, "auteur") || Has(cls, "autor") ||
                     Has(cls, "username") || Has(cls, "user-name") || Has(cls, "benutzer") ||
                     Has(cls, "nickname") || cls == "fn" || Has(cls, " fn") || Has(cls, "fn ") ||
                     itemprop == "author" || itemprop == "creator" || e.tag == MyHTML_TAG_CITE;
        if (named) {
          std::string t;
          AppendText(e.node, &t);
          c->author = CleanAuthor(t);
        }
      }
    }
  }

  static void SetDate(std::string_view s, Comment* c) {
    if (std::optional<text::Date> d = text::ParseDate(s)) c->date = d->ToIso();
  }

  Page& page_;
};

}  // namespace

void MarkCommentRoots(Page* page) {
  std::vector<Elem>& elems = page->elems;
  for (int i = 0; i < static_cast<int>(elems.size()); ++i) {
    Elem& e = elems[i];
    if ((e.flags & kFormLike) || (e.tag == MyHTML_TAG_FORM && (e.flags & kCommentLike))) {
      i = e.end - 1;  // a comment form: neither comments nor body
      continue;
    }
    if (!(e.flags & kCommentLike) || e.tag == MyHTML_TAG_BODY || e.tag == MyHTML_TAG_MAIN ||
        e.tag == MyHTML_TAG_FORM || (e.flags & kHoldsArticle)) {
      continue;
    }
    e.flags |= kCommentRoot;
    i = e.end - 1;  // the outermost container only
  }
}

void ExtractComments(Page* page, std::vector<Comment>* out) {
  std::vector<Elem>& elems = page->elems;
  page->marks.assign(elems.size(), kNone);
  CommentReader reader(page);
  for (int i = 0; i < static_cast<int>(elems.size()); ++i) {
    if (!(elems[i].flags & kCommentRoot)) continue;
    // Hidden roots are read too: collapsed comment sections are opened by a script.
    reader.ReadRoot(i, out);
    i = elems[i].end - 1;
  }
}

}  // namespace vigie::ingest::html
