// HtmlExtractor: parse, metadata, comments (marked first so the body never sees them), then
// the main text. Also the last stage of the main text, the paragraph writer: the DOM walk
// that turns the chosen subtrees into paragraphs and filters boilerplate lines.

#include "vigie/ingest/html_extractor.h"

#include <utility>

#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"
#include "vigie/ingest/html_comments.h"
#include "vigie/ingest/html_content.h"
#include "vigie/ingest/html_dom.h"
#include "vigie/ingest/html_metadata.h"
#include "vigie/text/normalize.h"

namespace vigie::ingest {

namespace html {
namespace {

// Whole lines that are ad markers, loading placeholders or share/read-more buttons.
bool IsAdWord(std::string_view lower) {
  // clang-format off
  static constexpr std::string_view kWords[] = {
      "ad", "ads", "advertisement", "advertising", "anzeige", "werbung", "publicité",
      "publicite", "pub", "sponsored", "loading", "loading...", "chargement", "share",
      "share this", "share this article", "tweet", "print", "email", "e-mail", "related",
      "read more", "continue reading", "lire aussi", "weiterlesen", "mehr zum thema"};
  // clang-format on
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// Writes the text of the chosen subtrees, one paragraph per block, filtering boilerplate.
class Emitter {
 public:
  Emitter(Page* page, const Attempt& at, std::string_view title, int min_chars, MainText* out)
      : page_(*page), at_(at), title_(title), min_chars_(min_chars), out_(*out) {}

  int chars() const { return chars_; }

  // A heading with nothing after it introduced a block that was left out (related links,
  // a newsletter box): drop it too. ("Read more:" lines were tried as well: they are article
  // text too often.)
  void DropTrailingLabels() {
    while (!labels_.empty() && labels_.back() > 0 && !out_.paragraphs.empty()) {
      chars_ -= labels_.back();
      labels_.pop_back();
      if (out_.dropped.size() < 12) out_.dropped.push_back(std::move(out_.paragraphs.back()));
      out_.paragraphs.pop_back();
    }
  }

  void Emit(int root) {
    Node* top = page_.elems[root].node;
    root_chars_ = page_.elems[root].chars;
    Node* n = top;
    while (n) {
      bool descend = Enter(n, n == top);
      if (descend && FirstChild(n)) {
        n = FirstChild(n);
        continue;
      }
      // Leave n and every ancestor that has no next sibling, closing their blocks.
      while (n) {
        if (IsElement(n) && IsBlock(Tag(n)) && Tag(n) != MyHTML_TAG_BR) Flush();
        if (n == top) {
          n = nullptr;
          break;
        }
        if (Node* next = NextSibling(n)) {
          n = next;
          break;
        }
        n = Parent(n);
      }
    }
    Flush();
  }

 private:
  // Returns whether to visit the children of `n`.
  bool Enter(Node* n, bool is_root) {
    TagId tag = Tag(n);
    if (tag == MyHTML_TAG__TEXT) {
      std::string_view text = Text(n);
      int commas = 0;
      int c = CountChars(text, &commas);
      if (c == 0) {
        if (!buf_.empty() && buf_.back() != ' ' && buf_.back() != '\n') buf_.push_back(' ');
        return false;
      }
      int pi = IndexOf(page_, Parent(n));
      if (pi >= 0 && (page_.elems[pi].flags & kInLink)) buf_links_ += c;
      if (buf_block_ < 0 && pi >= 0) buf_block_ = page_.elems[pi].block;
      buf_.append(text);
      return false;
    }
    if (!IsElement(n)) return false;
    int idx = IndexOf(page_, n);
    if (idx < 0) return false;
    const Elem& e = page_.elems[idx];
    if (e.flags & kExcluded) return false;
    if (tag == MyHTML_TAG_BR) {
      // A single <br> is a line break inside the paragraph, two end it.
      if (buf_.size() == last_br_) {
        Flush();
      } else {
        buf_.push_back('\n');
        last_br_ = buf_.size();
      }
      return false;
    }
    if (!IsBlock(tag)) return true;
    Flush();
    if (is_root) return true;
    bool drop = false;
    if ((e.flags & kShare) && e.chars < 500) drop = true;
    if (IsHeading(tag) && at_.weight_classes && e.weight < 0) drop = true;
    if (!drop && at_.clean_conditionally && e.chars * 2 < root_chars_ &&
        CleanConditionally(page_, idx, at_)) {
      drop = true;
    }
    if (drop) {
      Drop(n);
      return false;
    }
    return true;
  }

  void Drop(Node* n) {
    if (out_.dropped.size() >= 12) return;
    std::string text;
    AppendText(n, &text);
    std::string line = str::CollapseSpace(text);
    if (line.empty()) return;
    if (line.size() > 200) line.resize(200);  // may cut a code point; repaired by caller
    out_.dropped.push_back(std::move(line));
  }

  void Flush() {
    last_br_ = std::string::npos;
    if (buf_.empty()) return;
    std::string text = str::CollapseSpace(buf_);
    int links = buf_links_;
    int block = buf_block_;
    buf_.clear();
    buf_links_ = 0;
    buf_block_ = -1;
    if (text.empty()) return;
    int commas = 0;
    int c = CountChars(text, &commas);
    TagId tag = block >= 0 ? page_.elems[block].tag : 0;
    if (tag == MyHTML_TAG_H1 && MatchesTitle(text)) return;
    bool boilerplate = (links * 5 >= c * 4 && c < 200) || (c < min_chars_ && links > 0) ||
                       (text.size() <= 24 && IsAdWord(str::AsciiLower(text)));
    if (boilerplate) {
      if (out_.dropped.size() < 12) out_.dropped.push_back(std::move(text));
      return;
    }
    chars_ += c;
    labels_.push_back(IsHeading(tag) ? c : 0);
    out_.paragraphs.push_back(std::move(text));
  }

  bool MatchesTitle(std::string_view text) const {
    if (title_.empty()) return out_.paragraphs.empty();
    std::string a = str::AsciiLower(text);
    std::string b = str::AsciiLower(title_);
    return a == b || (a.size() >= 15 && b.find(a) != std::string::npos) ||
           (b.size() >= 15 && a.find(b) != std::string::npos);
  }

  Page& page_;
  const Attempt& at_;
  std::string_view title_;
  int min_chars_;
  MainText& out_;
  std::string buf_;
  int buf_links_ = 0;
  int buf_block_ = -1;
  size_t last_br_ = std::string::npos;
  int root_chars_ = 0;
  int chars_ = 0;
  std::vector<int> labels_;  // per output paragraph: its length when a heading, else 0
};

}  // namespace

int WriteParagraphs(Page* page, const std::vector<int>& roots, const Attempt& at,
                    std::string_view title, int min_paragraph_chars, MainText* out) {
  Emitter emitter(page, at, title, min_paragraph_chars, out);
  for (int r : roots) emitter.Emit(r);
  emitter.DropTrailingLabels();
  return emitter.chars();
}

}  // namespace html

struct HtmlExtractor::Impl {
  HtmlExtractOptions options;
  html::Dom dom;
  html::Page page;
  html::MainText main;
};

HtmlExtractor::HtmlExtractor(HtmlExtractOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}

HtmlExtractor::~HtmlExtractor() = default;

namespace {

// Output text must be valid NFC UTF-8; truncated "dropped" lines may end mid code point.
std::string Clean(std::string s) {
  if (!utf8::IsValid(s)) s = utf8::Repair(s);
  return text::ToNfc(s);
}

}  // namespace

void HtmlExtractor::Extract(std::string_view html, std::string_view url, Document* doc) {
  Impl& m = *impl_;
  doc->paragraphs.clear();
  doc->comments.clear();
  doc->dropped.clear();
  if (!m.dom.Parse(html)) return;

  HtmlMetadata meta = ExtractHtmlMetadata(m.dom, url);
  doc->title = std::move(meta.title);
  doc->date = std::move(meta.date);
  doc->modified = std::move(meta.modified);
  doc->author = std::move(meta.author);
  doc->site = std::move(meta.site);
  doc->lang = std::move(meta.lang);
  if (!meta.url.empty() && url.empty()) doc->url = std::move(meta.url);
  if (doc->url.empty()) doc->url = std::string(url);

  html::BuildPage(m.dom, &m.page);
  html::MarkCommentRoots(&m.page);
  html::Aggregate(&m.page);
  html::ExtractComments(&m.page, &doc->comments);
  for (Comment& c : doc->comments) c.text = Clean(std::move(c.text));

  html::ExtractMainText(&m.page, doc->title, m.options.min_paragraph_chars, &m.main);
  doc->paragraphs.reserve(m.main.paragraphs.size());
  for (std::string& p : m.main.paragraphs) {
    doc->paragraphs.push_back(Paragraph{Clean(std::move(p)), ""});
  }
  for (std::string& d : m.main.dropped) doc->dropped.push_back(Clean(std::move(d)));
}

}  // namespace vigie::ingest
