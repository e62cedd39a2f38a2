#include "vigie/ingest/html_metadata.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"
#include "vigie/text/analyzer.h"
#include "vigie/text/dates.h"
#include "vigie/text/language.h"

namespace vigie::ingest {
namespace {

using html::Node;
using nlohmann::json;

// Sources are read in one walk of the document; each field remembers the best candidate seen
// so far, ranked by the priority of its source (lower rank wins), so the result does not
// depend on where in the page a source appears.
constexpr int kNone = 1000;

std::string DecodeEntities(std::string_view s);

struct Field {
  std::string value;
  int rank = kNone;
  void Offer(std::string_view v, int r) {
    if (r >= rank) return;
    std::string s = str::CollapseSpace(DecodeEntities(v));
    if (s.empty()) return;
    value = std::move(s);
    rank = r;
  }
};

// Bounded visible text of a subtree: enough for a byline, a heading or a date line, without
// ever copying a whole page when a class name matches a big container.
std::string BoundedText(Node* root, size_t limit) {
  std::string out;
  for (Node* n = html::FirstChild(root); n && out.size() < limit;) {
    bool skip = false;
    if (html::IsText(n)) {
      out.append(html::Text(n));
      out.push_back(' ');
    } else if (html::IsInvisible(html::Tag(n))) {
      skip = true;
    }
    n = html::NextInTree(n, root, skip);
  }
  if (out.size() > limit) {
    // Cut at a code point boundary.
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  // Soft hyphens are line-breaking hints that would split words in comparisons.
  for (size_t p; (p = out.find("\xC2\xAD")) != std::string::npos;) out.erase(p, 2);
  return str::CollapseSpace(out);
}

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};

// The entities publishing systems leave encoded in JSON-LD and <meta content> strings (the
// HTML parser decodes text nodes, but not strings inside a script).
constexpr std::array kEntities = {
    NamedEntity{"amp", '&'},      NamedEntity{"lt", '<'},       NamedEntity{"gt", '>'},
    NamedEntity{"quot", '"'},     NamedEntity{"apos", '\''},    NamedEntity{"nbsp", 0xA0},
    NamedEntity{"ndash", 0x2013}, NamedEntity{"mdash", 0x2014}, NamedEntity{"hellip", 0x2026},
    NamedEntity{"lsquo", 0x2018}, NamedEntity{"rsquo", 0x2019}, NamedEntity{"ldquo", 0x201C},
    NamedEntity{"rdquo", 0x201D}, NamedEntity{"bdquo", 0x201E}, NamedEntity{"sbquo", 0x201A},
    NamedEntity{"laquo", 0xAB},   NamedEntity{"raquo", 0xBB},   NamedEntity{"bull", 0x2022},
    NamedEntity{"middot", 0xB7},  NamedEntity{"auml", 0xE4},    NamedEntity{"ouml", 0xF6},
    NamedEntity{"uuml", 0xFC},    NamedEntity{"Auml", 0xC4},    NamedEntity{"Ouml", 0xD6},
    NamedEntity{"Uuml", 0xDC},    NamedEntity{"szlig", 0xDF},   NamedEntity{"eacute", 0xE9},
    NamedEntity{"egrave", 0xE8},  NamedEntity{"agrave", 0xE0},  NamedEntity{"ccedil", 0xE7},
    NamedEntity{"ecirc", 0xEA},   NamedEntity{"Eacute", 0xC9},  NamedEntity{"shy", 0xAD},
};

std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view name = s.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (name.size() >= 2 && name[0] == '#') {
          bool hex = name[1] == 'x' || name[1] == 'X';
          for (size_t k = hex ? 2 : 1; k < name.size(); ++k) {
            char c = name[k];
            int v = c >= '0' && c <= '9'                            ? c - '0'
                    : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                    : -1;
            if (v < 0 || cp > 0x10FFFF) {
              cp = 0;
              break;
            }
            cp = cp * (hex ? 16 : 10) + v;
          }
        } else {
          for (const auto& e : kEntities) {
            if (e.name == name) cp = e.cp;
          }
        }
        if (cp != 0 && cp <= 0x10FFFF) {
          if (cp != 0xAD) utf8::Append(cp, &out);  // a soft hyphen is only a hint
          i = semi + 1;
          continue;
        }
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && str::EqualsNoCase(s.substr(0, prefix.size()), prefix);
}

// True when a class/id attribute contains `word` as a token or a token prefix/suffix
// ("author", "post-author", "author-name"), case-insensitive.
bool ClassHas(std::string_view cls, std::string_view word) {
  return !cls.empty() && str::ContainsNoCase(cls, word);
}

// Dates in metadata are short: the bound keeps a long attribute or text from being scanned.
std::string IsoDate(std::string_view s, std::string_view lang) {
  return text::ParseIsoDate(s.substr(0, 200), lang);
}

// ---------------------------------------------------------------------------------------
// Authors

bool LooksLikeUrl(std::string_view s) {
  return StartsWithNoCase(s, "http") || StartsWithNoCase(s, "www.") ||
         s.find('/') != std::string_view::npos || s.find('@') != std::string_view::npos;
}

// Removes "By ", "Par ", "Von " and "Author:" prefixes, dates and what follows a "|", from a
// byline; returns "" when nothing name-like remains.
// Position just after the last " by " / " von " / " par " in `v` (a byline such as "Posted on
// 3 May 2020 by marc" names the author after it), or 0.
size_t AfterLastBy(std::string_view v) {
  size_t best = 0;
  for (std::string_view w : {" by ", " von ", " par ", " By ", " Von ", " Par "}) {
    size_t p = v.rfind(w);
    if (p != std::string_view::npos && p + w.size() > best) best = p + w.size();
  }
  return best;
}

// Words that a byline container holds when it holds no name.
bool IsNonName(std::string_view v) {
  static constexpr std::array kWords = {"posted",
                                        "posted on",
                                        "publiziert am",
                                        "veröffentlicht am",
                                        "publié le",
                                        "by",
                                        "von",
                                        "par",
                                        "author",
                                        "autor",
                                        "auteur",
                                        "share",
                                        "teilen",
                                        "written by",
                                        "posted by",
                                        "montag",
                                        "dienstag",
                                        "mittwoch",
                                        "donnerstag",
                                        "freitag",
                                        "samstag",
                                        "sonntag",
                                        "monday",
                                        "tuesday",
                                        "wednesday",
                                        "thursday",
                                        "friday",
                                        "saturday",
                                        "sunday",
                                        "lundi",
                                        "mardi",
                                        "mercredi",
                                        "jeudi",
                                        "vendredi",
                                        "samedi",
                                        "dimanche",
                                        "januar",
                                        "februar",
                                        "märz",
                                        "april",
                                        "mai",
                                        "juni",
                                        "juli",
                                        "august",
                                        "september",
                                        "oktober",
                                        "november",
                                        "dezember",
                                        "comments",
                                        "kommentare",
                                        "admin",
                                        "en",
                                        "le",
                                        "am",
                                        "on"};
  for (std::string_view w : kWords) {
    if (str::EqualsNoCase(v, w)) return true;
  }
  return false;
}

// Removes "By ", "Par ", "Von " and "Author:" prefixes, dates and what follows a "|", from a
// byline; returns "" when nothing name-like remains.
std::string CleanAuthor(std::string_view raw) {
  std::string s = str::CollapseSpace(DecodeEntities(raw));
  std::string_view v = s;
  if (size_t by = AfterLastBy(v); by > 0) v = v.substr(by);
  for (bool again = true; again;) {
    again = false;
    static constexpr std::array kPrefixes = {
        std::string_view("by "),
        std::string_view("par "),
        std::string_view("von "),
        std::string_view("written by "),
        std::string_view("posted by "),
        std::string_view("author:"),
        std::string_view("autor:"),
        std::string_view("auteur:"),
        std::string_view("autorin:"),
        std::string_view("text:"),
        std::string_view("von:"),
        std::string_view("by:"),
        std::string_view("from "),
        std::string_view("ein beitrag von "),
        std::string_view("zeige alle beiträge von "),
    };
    for (std::string_view p : kPrefixes) {
      if (StartsWithNoCase(v, p)) {
        v = str::Trim(v.substr(p.size()));
        again = true;
      }
    }
  }
  // Cut at a separator that usually introduces a date, a role or a sharing widget.
  for (std::string_view sep : {"|", " - ", " – ", " — ", "\xE2\x80\xA2", " am ", " le ", " on ",
                               " @ ", " publié", " veröffentlicht", " updated", " aktualisiert"}) {
    size_t p = v.find(sep);
    if (p != std::string_view::npos && p > 0) v = v.substr(0, p);
  }
  // Cut before a date or a time written after the name ("Jane Doe 12.05.2022").
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] >= '0' && v[i] <= '9') {
      v = v.substr(0, i);
      break;
    }
  }
  v = str::Trim(v);
  while (!v.empty() && (v.back() == ',' || v.back() == ':' || v.back() == '(' || v.back() == '/' ||
                        v.back() == '|')) {
    v = str::Trim(v.substr(0, v.size() - 1));
  }
  if (v.size() < 2 || v.size() > 80 || LooksLikeUrl(v) || IsNonName(v)) return {};
  return std::string(v);
}

void AddAuthor(std::vector<std::string>* names, std::string_view raw) {
  std::string name = CleanAuthor(raw);
  if (name.empty()) return;
  for (const auto& n : *names) {
    if (str::EqualsNoCase(n, name)) return;
  }
  names->push_back(std::move(name));
}

std::string JoinAuthors(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += "; ";
    out += n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// JSON-LD

struct LdResult {
  Field title, date, modified, author, site, url;
};

std::string_view JStr(const json& j) {
  if (j.is_string()) return j.get_ref<const std::string&>();
  return {};
}

// First string under `key` (the value itself, or the first string of an array).
std::string_view JField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return JStr(*it);
  if (it->is_array() && !it->empty()) return JStr(it->front());
  return {};
}

bool TypeMatches(const json& obj, bool (*pred)(std::string_view)) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  if (it->is_string()) return pred(JStr(*it));
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (pred(JStr(t))) return true;
    }
  }
  return false;
}

bool IsArticleType(std::string_view t) {
  return str::EndsWith(t, "Article") || str::EndsWith(t, "Posting") || t == "Report" ||
         t == "Review" || t == "Recipe" || t == "Blog";
}
bool IsPageType(std::string_view t) { return str::EndsWith(t, "Page"); }
bool IsSiteType(std::string_view t) {
  return t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization";
}

// Objects of the graph indexed by "@id", to resolve {"@id": ...} author references.
using IdIndex = std::vector<std::pair<std::string_view, const json*>>;

const json* Resolve(const json& j, const IdIndex& ids) {
  if (!j.is_object()) return &j;
  if (j.size() == 1 && j.contains("@id")) {
    std::string_view id = JStr(j["@id"]);
    for (const auto& [k, v] : ids) {
      if (k == id) return v;
    }
  }
  return &j;
}

void CollectLdAuthors(const json& a, const IdIndex& ids, std::vector<std::string>* names) {
  const json* j = Resolve(a, ids);
  if (j->is_string()) {
    AddAuthor(names, JStr(*j));
  } else if (j->is_object()) {
    std::string_view name = JField(*j, "name");
    if (name.empty()) {
      // {"givenName": "Jane", "familyName": "Doe"}
      std::string full(JField(*j, "givenName"));
      std::string_view family = JField(*j, "familyName");
      if (!family.empty()) {
        if (!full.empty()) full.push_back(' ');
        full.append(family);
      }
      AddAuthor(names, full);
    } else {
      AddAuthor(names, name);
    }
  } else if (j->is_array()) {
    for (const auto& item : *j) {
      if (!item.is_array()) CollectLdAuthors(item, ids, names);
    }
  }
}

std::string_view PublisherName(const json& obj, const IdIndex& ids) {
  auto it = obj.find("publisher");
  if (it == obj.end()) return {};
  const json* p = Resolve(*it, ids);
  if (p->is_array() && !p->empty()) p = Resolve(p->front(), ids);
  if (p->is_object()) return JField(*p, "name");
  return JStr(*p);
}

// Reads one schema.org object. `rank` 0 is an article, 1 a web page (dates and titles of a
// WebPage object are those of the page, usually right, but an article wins over them).
void ReadLdObject(const json& obj, int rank, std::string_view lang, const IdIndex& ids,
                  LdResult* r) {
  std::string_view headline = JField(obj, "headline");
  if (headline.empty()) headline = JField(obj, "name");
  r->title.Offer(headline, rank);
  std::string_view pub = JField(obj, "datePublished");
  if (pub.empty()) pub = JField(obj, "dateCreated");
  r->date.Offer(IsoDate(pub, lang), rank);
  r->modified.Offer(IsoDate(JField(obj, "dateModified"), lang), rank);
  if (auto it = obj.find("author"); it != obj.end()) {
    std::vector<std::string> names;
    CollectLdAuthors(*it, ids, &names);
    r->author.Offer(JoinAuthors(names), rank);
  } else if (auto c = obj.find("creator"); c != obj.end()) {
    std::vector<std::string> names;
    CollectLdAuthors(*c, ids, &names);
    r->author.Offer(JoinAuthors(names), rank + 1);
  }
  r->site.Offer(PublisherName(obj, ids), rank);
  r->url.Offer(JField(obj, "url"), rank);
}

// Flattens @graph arrays and top-level lists into `out` (bounded: a page's JSON-LD is small,
// but nothing guarantees it).
void FlattenLd(const json& root, std::vector<const json*>* out) {
  std::vector<const json*> stack = {&root};
  while (!stack.empty() && out->size() < 200) {
    const json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) stack.push_back(&*it);
    } else if (j->is_object()) {
      out->push_back(j);
      if (auto g = j->find("@graph"); g != j->end()) stack.push_back(&*g);
      // An article is sometimes nested as mainEntity of a WebPage.
      if (auto m = j->find("mainEntity"); m != j->end() && (m->is_object() || m->is_array()))
        stack.push_back(&*m);
    }
  }
}

void ReadJsonLd(std::string_view script, std::string_view lang, LdResult* r) {
  json root = json::parse(script, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  std::vector<const json*> objs;
  FlattenLd(root, &objs);
  IdIndex ids;
  for (const json* o : objs) {
    if (auto it = o->find("@id"); it != o->end() && it->is_string()) ids.emplace_back(JStr(*it), o);
  }
  for (const json* o : objs) {
    if (TypeMatches(*o, IsArticleType)) {
      ReadLdObject(*o, 0, lang, ids, r);
    } else if (TypeMatches(*o, IsPageType)) {
      ReadLdObject(*o, 1, lang, ids, r);
    } else if (TypeMatches(*o, IsSiteType)) {
      r->site.Offer(JField(*o, "name"), 2);
    }
  }
}

// ---------------------------------------------------------------------------------------
// <meta> names and properties

enum class MetaKind { kTitle, kSite, kDate, kModified, kAuthor, kUrl, kLocale, kLanguage };

struct MetaRule {
  std::string_view key;  // lower case name / property / itemprop / http-equiv
  MetaKind kind;
  int rank;
};

// Ranks continue those of JSON-LD (0-2): OpenGraph and article:* (10s), then the <meta name>
// conventions of publishing systems (20s).
constexpr std::array kMetaRules = {
    MetaRule{"og:title", MetaKind::kTitle, 10},
    MetaRule{"twitter:title", MetaKind::kTitle, 21},
    MetaRule{"dc.title", MetaKind::kTitle, 22},
    MetaRule{"headline", MetaKind::kTitle, 20},
    MetaRule{"og:site_name", MetaKind::kSite, 10},
    MetaRule{"application-name", MetaKind::kSite, 20},
    MetaRule{"twitter:site", MetaKind::kSite, 30},
    MetaRule{"og:url", MetaKind::kUrl, 11},
    MetaRule{"og:locale", MetaKind::kLocale, 10},
    MetaRule{"content-language", MetaKind::kLanguage, 20},
    MetaRule{"dc.language", MetaKind::kLanguage, 21},
    MetaRule{"language", MetaKind::kLanguage, 22},
    MetaRule{"article:published_time", MetaKind::kDate, 10},
    MetaRule{"article:published", MetaKind::kDate, 11},
    MetaRule{"og:published_time", MetaKind::kDate, 11},
    MetaRule{"datepublished", MetaKind::kDate, 12},
    MetaRule{"article.published", MetaKind::kDate, 20},
    MetaRule{"published_time", MetaKind::kDate, 20},
    MetaRule{"publish-date", MetaKind::kDate, 20},
    MetaRule{"publishdate", MetaKind::kDate, 20},
    MetaRule{"publish_date", MetaKind::kDate, 20},
    MetaRule{"pubdate", MetaKind::kDate, 20},
    MetaRule{"citation_publication_date", MetaKind::kDate, 20},
    MetaRule{"citation_date", MetaKind::kDate, 21},
    MetaRule{"parsely-pub-date", MetaKind::kDate, 20},
    MetaRule{"sailthru.date", MetaKind::kDate, 21},
    MetaRule{"dc.date.issued", MetaKind::kDate, 21},
    MetaRule{"dcterms.issued", MetaKind::kDate, 21},
    MetaRule{"dc.date.created", MetaKind::kDate, 22},
    MetaRule{"dcterms.created", MetaKind::kDate, 22},
    MetaRule{"dc.date", MetaKind::kDate, 23},
    MetaRule{"dcterms.date", MetaKind::kDate, 23},
    MetaRule{"date", MetaKind::kDate, 24},
    MetaRule{"created", MetaKind::kDate, 25},
    MetaRule{"originalpublicationdate", MetaKind::kDate, 22},
    MetaRule{"article_date_original", MetaKind::kDate, 22},
    MetaRule{"release_date", MetaKind::kDate, 25},
    MetaRule{"og:article:published_time", MetaKind::kDate, 11},
    MetaRule{"article:modified_time", MetaKind::kModified, 10},
    MetaRule{"og:updated_time", MetaKind::kModified, 11},
    MetaRule{"article:modified", MetaKind::kModified, 11},
    MetaRule{"datemodified", MetaKind::kModified, 12},
    MetaRule{"last-modified", MetaKind::kModified, 20},
    MetaRule{"lastmod", MetaKind::kModified, 21},
    MetaRule{"dcterms.modified", MetaKind::kModified, 21},
    MetaRule{"dc.date.modified", MetaKind::kModified, 21},
    MetaRule{"revised", MetaKind::kModified, 22},
    MetaRule{"author", MetaKind::kAuthor, 20},
    MetaRule{"article:author", MetaKind::kAuthor, 10},
    MetaRule{"dc.creator", MetaKind::kAuthor, 21},
    MetaRule{"dcterms.creator", MetaKind::kAuthor, 21},
    MetaRule{"citation_author", MetaKind::kAuthor, 21},
    MetaRule{"parsely-author", MetaKind::kAuthor, 21},
    MetaRule{"sailthru.author", MetaKind::kAuthor, 22},
    MetaRule{"byl", MetaKind::kAuthor, 22},
    MetaRule{"twitter:creator", MetaKind::kAuthor, 40},
};

// ---------------------------------------------------------------------------------------
// Titles

// " | Site", " - Site", " – Site", " :: Site" ... in the order they are tried: the first one
// present in a <title> is taken to be the one separating headline and site.
constexpr std::array kTitleSeparators = {
    std::string_view(" | "), std::string_view(" – "),  std::string_view(" — "),
    std::string_view(" - "), std::string_view(" :: "), std::string_view(" » "),
    std::string_view(" « "), std::string_view(" · "),  std::string_view(" • "),
    std::string_view(" / "), std::string_view(" > "),  std::string_view(" : ")};

// Lower-cased words (split on anything that is not a letter or digit; UTF-8 bytes count as
// letters) for fuzzy comparisons of titles.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    unsigned char c = ch;
    bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (letter) {
      cur.push_back(static_cast<char>(c | 0x20));
    } else if (c >= 0x80 || (c >= '0' && c <= '9')) {
      cur.push_back(ch);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Dice coefficient of the word sets of a and b, in [0, 1].
double Similarity(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = Words(a), wb = Words(b);
  if (wa.empty() || wb.empty()) return 0;
  size_t common = 0;
  std::vector<bool> used(wb.size());
  for (const auto& w : wa) {
    for (size_t i = 0; i < wb.size(); ++i) {
      if (!used[i] && wb[i] == w) {
        used[i] = true;
        ++common;
        break;
      }
    }
  }
  return 2.0 * common / (wa.size() + wb.size());
}

bool SameText(std::string_view a, std::string_view b) {
  return str::EqualsNoCase(str::CollapseSpace(a), str::CollapseSpace(b));
}

// "example.org", "www.example.co.uk //": a part of a title that is a host name is the site's
// name, whatever the page declares.
bool LooksLikeHost(std::string_view part) {
  part = str::Trim(part);
  while (!part.empty() && (part.back() == '/' || part.back() == ' ')) part.remove_suffix(1);
  size_t dot = part.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view tld = part.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 6) return false;
  for (char ch : tld) {
    if ((ch | 0x20) < 'a' || (ch | 0x20) > 'z') return false;
  }
  for (char ch : part.substr(0, dot)) {
    bool ok = (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch == '-' ||
              ch == '.';
    if (!ok) return false;
  }
  return true;
}

bool MatchesSite(std::string_view part, std::string_view site) {
  if (LooksLikeHost(part)) return true;
  if (site.empty() || part.empty()) return false;
  return str::ContainsNoCase(part, site) || str::ContainsNoCase(site, part) ||
         Similarity(part, site) >= 0.5;
}

// Strips a site name put before or after the headline in a <title>. With a site name known
// (og:site_name, publisher), parts that match it are dropped; otherwise the longest part is
// kept when the others are clearly shorter (a headline is longer than a site name).
std::string StripSiteName(std::string_view title, std::string_view site) {
  std::string t = str::CollapseSpace(title);
  for (std::string_view sep : kTitleSeparators) {
    if (t.find(sep) == std::string::npos) continue;
    std::vector<std::string_view> parts;
    std::string_view rest = t;
    for (size_t p; (p = rest.find(sep)) != std::string_view::npos;) {
      parts.push_back(str::Trim(rest.substr(0, p)));
      rest = rest.substr(p + sep.size());
    }
    parts.push_back(str::Trim(rest));
    // Drop site-name parts at either end.
    size_t first = 0, last = parts.size();
    while (last - first > 1 && MatchesSite(parts[last - 1], site)) --last;
    while (last - first > 1 && MatchesSite(parts[first], site)) ++first;
    if (last - first < parts.size()) {
      std::string out;
      for (size_t i = first; i < last; ++i) {
        if (!out.empty()) out += sep;
        out += parts[i];
      }
      return out;
    }
    size_t best = 0, total = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
      total += parts[i].size();
      if (parts[i].size() > parts[best].size()) best = i;
    }
    size_t others = total - parts[best].size();
    if (sep != " : " && others * 2 <= parts[best].size() + 1) return std::string(parts[best]);
    if (parts.size() >= 3) return std::string(parts[best]);
    return t;
  }
  return t;
}

// ---------------------------------------------------------------------------------------
// The walk

// An <h1>, <h2> or <h3> of the page, in document order.
struct Heading {
  int level = 1;
  std::string text;
  bool masthead = false;  // in the page header or the logo: the site's name, not a headline
  bool hidden = false;    // for screen readers only
};

struct Collected {
  Field title, site, url, date, modified, author, lang;
  std::string title_tag;
  std::vector<std::string> declared_titles;  // every og:title, twitter:title, ... in the page
  std::vector<std::string> h1s;
  std::vector<Heading> headings;
  std::vector<std::string> byline_authors;
  int byline_rank = kNone;
  std::string html_lang;
  std::vector<std::string_view> ld_scripts;
  std::string text_date;        // first date written in the page text
  std::string text_date_after;  // first date written after the first <h1>
  int text_budget = 400;        // text nodes with digits still worth a look
};

void ReadMeta(Node* n, std::string_view lang, Collected* c) {
  std::string_view content = html::Attr(n, "content");
  if (content.empty()) return;
  for (std::string_view attr : {"property", "name", "itemprop", "http-equiv"}) {
    std::string_view key = html::Attr(n, attr);
    if (key.empty()) continue;
    std::string k = str::AsciiLower(str::Trim(key));
    for (const MetaRule& rule : kMetaRules) {
      if (k != rule.key) continue;
      switch (rule.kind) {
        case MetaKind::kTitle:
          c->title.Offer(content, rule.rank);
          if (c->declared_titles.size() < 16)
            c->declared_titles.push_back(str::CollapseSpace(DecodeEntities(content)));
          break;
        case MetaKind::kSite:
          if (!LooksLikeUrl(content) && content.front() != '@') c->site.Offer(content, rule.rank);
          break;
        case MetaKind::kUrl:
          c->url.Offer(content, rule.rank);
          break;
        case MetaKind::kLocale:
        case MetaKind::kLanguage:
          c->lang.Offer(text::LanguageFromTag(content), rule.rank);
          break;
        case MetaKind::kDate:
          c->date.Offer(IsoDate(content, lang), rule.rank);
          break;
        case MetaKind::kModified:
          c->modified.Offer(IsoDate(content, lang), rule.rank);
          break;
        case MetaKind::kAuthor: {
          std::string a = CleanAuthor(content);
          if (!a.empty()) c->author.Offer(a, rule.rank);
          break;
        }
      }
    }
  }
}

bool IsDateClass(std::string_view cls) {
  return ClassHas(cls, "date") || ClassHas(cls, "publish") || ClassHas(cls, "time") ||
         ClassHas(cls, "datum") || ClassHas(cls, "meta");
}

bool IsAuthorClass(std::string_view cls) {
  return ClassHas(cls, "author") || ClassHas(cls, "byline") || ClassHas(cls, "autor") ||
         ClassHas(cls, "auteur") || ClassHas(cls, "writer");
}

// Elements whose class names say "comment" hold reader comments: their dates and authors are
// not the article's. Checked per class token, since blog engines also tag the <body> or the
// <article> with states such as "comments-open".
bool IsCommentClass(std::string_view cls) {
  if (cls.empty()) return false;
  for (std::string_view tok : str::Split(cls, ' ')) {
    if (tok.empty()) continue;
    if (str::EndsWith(tok, "-open") || str::EndsWith(tok, "-closed") ||
        str::ContainsNoCase(tok, "count") || str::ContainsNoCase(tok, "status") ||
        str::ContainsNoCase(tok, "link")) {
      continue;
    }
    if (str::ContainsNoCase(tok, "comment") || str::EqualsNoCase(tok, "respond") ||
        str::ContainsNoCase(tok, "disqus")) {
      return true;
    }
  }
  return false;
}

// Class and id tokens, lower-cased.
std::vector<std::string> ClassTokens(Node* n) {
  std::vector<std::string> out;
  for (std::string_view attr : {"class", "id"}) {
    for (std::string_view tok : str::Split(html::Attr(n, attr), ' ')) {
      tok = str::Trim(tok);
      if (!tok.empty()) out.push_back(str::AsciiLower(tok));
    }
  }
  return out;
}

// A heading in the page's masthead (a <header> or <nav> outside the article, or a block
// named like a logo or a site title) holds the site's name or a section, which older blog
// themes put in an <h1> above the post's own <h2>.
bool InMasthead(Node* heading) {
  static constexpr std::array kNames = {
      std::string_view("header"),       std::string_view("masthead"),
      std::string_view("branding"),     std::string_view("site-branding"),
      std::string_view("brand"),        std::string_view("site-title"),
      std::string_view("site-name"),    std::string_view("sitename"),
      std::string_view("blog-title"),   std::string_view("blogtitle"),
      std::string_view("site-header"),  std::string_view("header-inner"),
      std::string_view("titlewrapper"), std::string_view("kopf"),
      std::string_view("seitenkopf")};
  int depth = 0;
  for (Node* a = heading; a && depth < 40; a = html::Parent(a), ++depth) {
    if (!html::IsElement(a)) continue;
    html::TagId tag = html::Tag(a);
    if (a != heading) {
      if (tag == MyHTML_TAG_ARTICLE || tag == MyHTML_TAG_MAIN) return false;
      if (tag == MyHTML_TAG_HEADER || tag == MyHTML_TAG_NAV) return true;
    }
    for (const std::string& tok : ClassTokens(a)) {
      if (tok.find("logo") != std::string::npos) return true;
      for (std::string_view name : kNames) {
        if (tok == name) return true;
      }
    }
  }
  return false;
}

// Headings kept off screen by the usual utility classes ("sr-only", "visually-hidden").
bool IsScreenReaderOnly(Node* heading) {
  for (const std::string& tok : ClassTokens(heading)) {
    if (str::In(tok,
                {"sr-only", "sr_only", "visually-hidden", "screen-reader-text", "screenreader",
                 "element-invisible", "aural", "assistive-text", "hidden", "hide", "offscreen"})) {
      return true;
    }
  }
  return false;
}

void AddHeading(Node* n, int level, Collected* c) {
  if (c->headings.size() >= 60) return;
  Heading h;
  h.level = level;
  h.text = BoundedText(n, 1000);
  if (h.text.empty()) return;
  h.masthead = InMasthead(n);
  h.hidden = IsScreenReaderOnly(n);
  c->headings.push_back(std::move(h));
}

void ReadElement(Node* n, std::string_view lang, Collected* c, bool* skip_children) {
  html::TagId tag = html::Tag(n);
  switch (tag) {
    case MyHTML_TAG_META:
      ReadMeta(n, lang, c);
      return;
    case MyHTML_TAG_LINK: {
      std::string_view rel = html::Attr(n, "rel");
      if (str::EqualsNoCase(rel, "canonical")) c->url.Offer(html::Attr(n, "href"), 10);
      return;
    }
    case MyHTML_TAG_TITLE:
      if (c->title_tag.empty()) c->title_tag = BoundedText(n, 1000);
      *skip_children = true;
      return;
    case MyHTML_TAG_SCRIPT:
      *skip_children = true;
      if (str::ContainsNoCase(html::Attr(n, "type"), "ld+json") && c->ld_scripts.size() < 16) {
        if (Node* t = html::FirstChild(n); t && html::IsText(t))
          c->ld_scripts.push_back(html::Text(t));
      }
      return;
    case MyHTML_TAG_H1:
      if (c->h1s.size() < 4) c->h1s.push_back(BoundedText(n, 1000));
      AddHeading(n, 1, c);
      *skip_children = true;
      return;
    case MyHTML_TAG_H2:
    case MyHTML_TAG_H3:
      AddHeading(n, tag == MyHTML_TAG_H2 ? 2 : 3, c);
      break;  // dates and bylines may sit inside
    default:
      break;
  }
  if (tag == MyHTML_TAG_HEAD || tag == MyHTML_TAG_NOSCRIPT) return;  // metadata lives there
  if (html::IsInvisible(tag)) {
    *skip_children = true;
    return;
  }
  if (tag == MyHTML_TAG_BODY) return;
  std::string_view cls = html::Attr(n, "class");
  std::string_view id = html::Attr(n, "id");
  if (IsCommentClass(cls) || IsCommentClass(id)) {
    *skip_children = true;
    return;
  }
  std::string_view itemprop = html::Attr(n, "itemprop");
  if (tag == MyHTML_TAG_TIME) {
    std::string_view dt = html::Attr(n, "datetime");
    std::string iso = IsoDate(dt.empty() ? BoundedText(n, 200) : std::string(dt), lang);
    bool published = html::HasAttr(n, "pubdate") || str::EqualsNoCase(itemprop, "datePublished") ||
                     ClassHas(cls, "publish") || ClassHas(cls, "entry-date");
    bool modified = str::EqualsNoCase(itemprop, "dateModified") || ClassHas(cls, "updated") ||
                    ClassHas(cls, "modified");
    if (modified && !published) {
      c->modified.Offer(iso, 30);
    } else {
      c->date.Offer(iso, published ? 30 : 31);
    }
    return;
  }
  if (!itemprop.empty()) {
    if (str::EqualsNoCase(itemprop, "datePublished")) {
      std::string_view v = html::Attr(n, "content");
      c->date.Offer(IsoDate(v.empty() ? BoundedText(n, 200) : std::string(v), lang), 30);
      return;
    }
    if (str::EqualsNoCase(itemprop, "dateModified")) {
      std::string_view v = html::Attr(n, "content");
      c->modified.Offer(IsoDate(v.empty() ? BoundedText(n, 200) : std::string(v), lang), 30);
      return;
    }
    if (str::EqualsNoCase(itemprop, "headline")) {
      c->title.Offer(BoundedText(n, 500), 25);
    }
    if (str::EqualsNoCase(itemprop, "author") || str::EqualsNoCase(itemprop, "creator")) {
      if (c->byline_rank > 30) {
        c->byline_authors.clear();
        c->byline_rank = 30;
      }
      if (c->byline_rank == 30) AddAuthor(&c->byline_authors, BoundedText(n, 200));
      *skip_children = true;
      return;
    }
  }
  if (tag == MyHTML_TAG_A && str::ContainsNoCase(html::Attr(n, "rel"), "author")) {
    if (c->byline_rank > 31) {
      c->byline_authors.clear();
      c->byline_rank = 31;
    }
    if (c->byline_rank == 31) AddAuthor(&c->byline_authors, BoundedText(n, 200));
    *skip_children = true;
    return;
  }
  if (IsAuthorClass(cls) || IsAuthorClass(id)) {
    // A byline container: read it when it is short enough to be one; a long one (an author
    // box with a biography) is searched further down.
    if (c->byline_rank > 32) {
      std::string text = BoundedText(n, 300);
      std::string a = text.size() <= 150 ? CleanAuthor(text) : std::string();
      if (!a.empty()) {
        c->byline_authors = {a};
        c->byline_rank = 32;
        *skip_children = true;
      }
    }
    return;
  }
  if (c->date.rank > 32 && (IsDateClass(cls) || IsDateClass(id))) {
    std::string iso = IsoDate(BoundedText(n, 200), lang);
    if (!iso.empty()) c->date.Offer(iso, 32);
  }
}

// Dates written in the page itself: the one closest after the headline is usually the
// article's ("12. Mai 2022 | Von Jane Doe"). Only short text nodes that hold digits are read,
// and the search stops once a date after the <h1> is known.
// A byline written as text: "By Jane Doe", or "Von" followed by the name in the next element
// (<span>By</span><a>Jane Doe</a>). Only a text node that starts its element counts, so that
// "von" inside a sentence does not.
void ReadTextByline(Node* n, Collected* c) {
  std::string_view t = str::Trim(html::Text(n));
  if (t.size() < 2 || t.size() > 80 || html::PrevSibling(n)) return;
  static constexpr std::array kLead = {"by",         "von",    "par",     "posted by",
                                       "written by", "autor:", "author:", "auteur:",
                                       "text:",      "von:",   "by:",     "autorin:"};
  std::string name;
  for (std::string_view lead : kLead) {
    if (str::EqualsNoCase(t, lead)) {
      Node* next = html::NextSibling(n);
      while (next && html::IsText(next) && str::Trim(html::Text(next)).empty())
        next = html::NextSibling(next);
      if (!next && html::Parent(n)) next = html::NextSibling(html::Parent(n));
      if (next)
        name = CleanAuthor(html::IsText(next) ? std::string(html::Text(next))
                                              : BoundedText(next, 120));
      break;
    }
  }
  if (name.empty() && t.size() <= 60 &&
      (StartsWithNoCase(t, "by ") || StartsWithNoCase(t, "von ") || StartsWithNoCase(t, "par ")) &&
      t.size() > 4 && t[t.find(' ') + 1] >= 'A' && t[t.find(' ') + 1] <= 'Z') {
    name = CleanAuthor(t);
  }
  if (!name.empty()) {
    c->byline_authors = {name};
    c->byline_rank = 33;
  }
}

void ReadTextNode(Node* n, std::string_view lang, Collected* c) {
  if (c->byline_rank > 33 && c->text_budget > 0) ReadTextByline(n, c);
  if (c->text_budget <= 0 || !c->text_date_after.empty()) return;
  std::string_view t = html::Text(n);
  if (t.size() < 6 || t.size() > 400) return;
  bool digit = false;
  for (char ch : t) {
    if (ch >= '0' && ch <= '9') {
      digit = true;
      break;
    }
  }
  if (!digit) return;
  --c->text_budget;
  auto d = text::ParseDate(t, lang);
  if (!d) return;
  std::string iso = d->ToIso();
  if (c->text_date.empty()) c->text_date = iso;
  if (!c->h1s.empty()) c->text_date_after = iso;
}

// Days since 1970-01-01 of an ISO date (YYYY-MM-DD...), for closeness tests.
long DayNumber(std::string_view iso) {
  if (iso.size() < 10) return 0;
  auto num = [&](size_t pos, size_t len) {
    long v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (iso[i] - '0');
    return v;
  };
  long y = num(0, 4), m = num(5, 2), d = num(8, 2);
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool WithinADay(std::string_view a, std::string_view b) {
  long da = DayNumber(a), db = DayNumber(b);
  return da - db <= 1 && db - da <= 1;
}

// Published date: declared metadata first (JSON-LD, OpenGraph, <meta>), then page markup
// (<time>, itemprop, date classes), the URL, and dates written near the headline. Declared
// timestamps are often in UTC, a day off the date printed for readers: when the URL or the
// text shows a date one day away, that printed date is the publisher's own.
std::string ChooseDate(const Collected& c, const LdResult& ld, std::string_view url) {
  Field best = ld.date.rank <= c.date.rank ? ld.date : c.date;
  std::string url_date;
  if (auto d = text::DateFromUrl(url)) url_date = d->ToIso();
  if (best.rank < 30) {
    if (!url_date.empty() && url_date != best.value && WithinADay(url_date, best.value))
      return url_date;
    if (!c.text_date_after.empty() && WithinADay(c.text_date_after, best.value))
      return c.text_date_after;
    return best.value;
  }
  if (!url_date.empty()) return url_date;
  if (!best.value.empty()) return best.value;
  if (!c.text_date_after.empty()) return c.text_date_after;
  return c.text_date;
}

// Comparison key of a title: case and accents folded, white space collapsed, soft hyphens
// (line-breaking hints some publishers leave in headlines) dropped.
std::string TitleKey(std::string_view s) {
  std::string t(s);
  for (size_t p; (p = t.find("\xC2\xAD")) != std::string::npos;) t.erase(p, 2);
  return text::Fold(str::CollapseSpace(t));
}

// The parts of a title around its first separator (see kTitleSeparators), and that separator;
// a title without one is a single part.
std::vector<std::string_view> TitleParts(std::string_view t, std::string_view* sep) {
  for (std::string_view s : kTitleSeparators) {
    if (t.find(s) == std::string_view::npos) continue;
    std::vector<std::string_view> parts;
    for (size_t p; (p = t.find(s)) != std::string_view::npos;) {
      parts.push_back(str::Trim(t.substr(0, p)));
      t = t.substr(p + s.size());
    }
    parts.push_back(str::Trim(t));
    *sep = s;
    return parts;
  }
  *sep = {};
  return {str::Trim(t)};
}

// Keys of every run of consecutive parts of a title, the whole title excepted: the candidate
// headlines of "Kicker - Headline | Site".
std::vector<std::string> PieceKeys(std::string_view title) {
  std::string_view sep;
  std::vector<std::string_view> parts = TitleParts(title, &sep);
  std::vector<std::string> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string piece;
    for (size_t j = i; j < parts.size(); ++j) {
      if (j > i) piece += sep;
      piece += parts[j];
      if (i > 0 || j + 1 < parts.size()) out.push_back(TitleKey(piece));
    }
  }
  return out;
}

// True when a title starts or ends with a part naming the site ("Headline | Site").
bool HasSitePart(std::string_view title, std::string_view site) {
  std::string_view sep;
  std::vector<std::string_view> parts = TitleParts(title, &sep);
  return parts.size() > 1 && (MatchesSite(parts.front(), site) || MatchesSite(parts.back(), site));
}

bool HasWords(std::string_view s) { return !Words(s).empty(); }

// The visible headline is what a reader calls the title, and what the page declares
// (JSON-LD headline, og:title, twitter:title, <title>) tells it from the other headings:
//   1. an <h1> that repeats a declared title, or a declared title with the kicker that
//      site-name stripping would cut off ("Kicker – Headline");
//   2. an <h1> close to the declared title (the declared title when the <h1> only adds a
//      kicker before it);
//   3. the declared title when a heading shows it, else an <h2>/<h3> that repeats a declared
//      title (blog themes whose <h1> is the blog's name);
//   4. a part of the <title> that a heading shows ("Post | Blog name");
//   5. the page's only <h1> when it is none of the above and not the site's name: the
//      declared title is then often a search-engine title the reader never sees;
//   6. the declared title without its site name, else the first <h1>.
std::string ChooseTitle(const Collected& c, const LdResult& ld, std::string_view site) {
  Field declared = ld.title;
  if (c.title.rank < declared.rank) declared = c.title;
  std::string tag = str::CollapseSpace(c.title_tag);
  std::string tag_title = StripSiteName(tag, site);
  std::string ref = declared.value.empty() ? tag_title : StripSiteName(declared.value, site);
  std::string ref_key = TitleKey(ref), tag_title_key = TitleKey(tag_title);

  std::vector<const std::string*> full;  // every title the page declares, whole
  if (!ld.title.value.empty()) full.push_back(&ld.title.value);
  for (const std::string& d : c.declared_titles) {
    if (!d.empty()) full.push_back(&d);
  }
  if (!tag.empty()) full.push_back(&tag);
  std::vector<std::string> full_keys, piece_keys;  // piece_keys: of every declared title
  for (const std::string* d : full) {
    full_keys.push_back(TitleKey(*d));
    for (std::string& piece : PieceKeys(*d)) piece_keys.push_back(std::move(piece));
  }
  auto is_declared = [&](std::string_view key) {
    return std::find(full_keys.begin(), full_keys.end(), key) != full_keys.end();
  };

  // 1.
  for (const Heading& h : c.headings) {
    if (h.level != 1 || h.hidden || !HasWords(h.text) || HasSitePart(h.text, site)) continue;
    std::string key = TitleKey(h.text);
    if (is_declared(key)) return h.text;
    bool extends_ref = (!ref_key.empty() && key.find(ref_key) != std::string::npos) ||
                       (!tag_title_key.empty() && key.find(tag_title_key) != std::string::npos);
    if (extends_ref && std::find(piece_keys.begin(), piece_keys.end(), key) != piece_keys.end())
      return h.text;
  }

  // 2.
  const std::string* best_h1 = nullptr;
  double best = 0;
  for (const auto& h1 : c.h1s) {
    if (h1.empty() || (MatchesSite(h1, site) && !SameText(h1, ref))) continue;
    double sim = std::max(Similarity(h1, ref), Similarity(h1, tag_title));
    if (sim > best) {
      best = sim;
      best_h1 = &h1;
    }
  }
  if (best_h1 && best >= 0.5) {
    // An <h1> that merely prefixes the declared title with a kicker or a date ("Immobilienkrise
    // Rene Benko-Firma ...") is the declared title plus decoration.
    for (const std::string* cand : {&ref, &tag_title}) {
      std::string_view r = *cand;
      if (r.size() >= 12 && r.size() < best_h1->size() &&
          str::EndsWith(str::AsciiLower(*best_h1), str::AsciiLower(r))) {
        return std::string(r);
      }
    }
    return *best_h1;
  }
  std::string fallback = !ref.empty() ? ref : !c.h1s.empty() ? c.h1s.front() : std::string();
  std::string fallback_key = TitleKey(fallback);

  // 3.
  auto usable = [&](const Heading& h) {
    return !h.masthead && !h.hidden && HasWords(h.text) && !MatchesSite(h.text, site);
  };
  for (const Heading& h : c.headings) {
    if (usable(h) && TitleKey(h.text) == fallback_key) return fallback;
  }
  for (int level : {2, 3}) {
    for (const Heading& h : c.headings) {
      if (h.level != level || h.hidden || !HasWords(h.text) || HasSitePart(h.text, site)) continue;
      if (is_declared(TitleKey(h.text))) return h.text;
    }
  }

  // 4.
  std::vector<std::string> tag_pieces = PieceKeys(tag);
  for (const Heading& h : c.headings) {
    if (!usable(h)) continue;
    std::string key = TitleKey(h.text);
    for (const std::string& piece : tag_pieces) {
      if (piece == key) return h.text;
    }
  }

  // 5.
  const Heading* lone = nullptr;
  int h1_count = 0;
  for (const Heading& h : c.headings) {
    if (h.level != 1 || !HasWords(h.text)) continue;
    ++h1_count;
    lone = &h;
  }
  if (h1_count == 1 && usable(*lone)) {
    std::string key = TitleKey(lone->text);
    bool part_of_declared =
        (!fallback_key.empty() && key.find(fallback_key) != std::string::npos) ||
        std::find(piece_keys.begin(), piece_keys.end(), key) != piece_keys.end();
    if (!part_of_declared) return lone->text;
  }
  return fallback;
}

}  // namespace

HtmlMetadata ExtractHtmlMetadata(const html::Dom& dom, std::string_view url) {
  HtmlMetadata meta;
  Collected c;
  Node* root = dom.html();
  if (!root) return meta;
  c.html_lang = text::LanguageFromTag(html::Attr(root, "lang"));
  if (c.html_lang.empty()) c.html_lang = text::LanguageFromTag(html::Attr(root, "xml:lang"));
  std::string_view lang = c.html_lang;
  for (Node* n = html::FirstChild(root); n;) {
    bool skip = false;
    if (html::IsElement(n)) {
      ReadElement(n, lang, &c, &skip);
    } else if (html::IsText(n)) {
      ReadTextNode(n, lang, &c);
    }
    n = html::NextInTree(n, root, skip);
  }
  LdResult ld;
  for (std::string_view script : c.ld_scripts) ReadJsonLd(script, lang, &ld);

  auto pick = [](const Field& a, const Field& b) { return a.rank <= b.rank ? a.value : b.value; };
  meta.site = pick(ld.site, c.site);
  if (c.site.rank < 20 || ld.site.rank > 2)
    meta.site = c.site.value.empty() ? ld.site.value : c.site.value;
  meta.url = c.url.value.empty() ? ld.url.value : c.url.value;
  meta.lang = !c.html_lang.empty() ? c.html_lang : c.lang.value;
  meta.title = ChooseTitle(c, ld, meta.site);
  meta.date = ChooseDate(c, ld, url.empty() ? meta.url : url);
  meta.modified = pick(ld.modified, c.modified);
  std::string author = pick(ld.author, c.author);
  std::string byline = JoinAuthors(c.byline_authors);
  // A declared author without a space ("jdoe", "jane_doe") is an account name; the byline
  // printed on the page names the person.
  if (author.empty() ||
      (author.find(' ') == std::string::npos && byline.find(' ') != std::string::npos)) {
    author = byline.empty() ? author : byline;
  }
  meta.author = author;
  return meta;
}

}  // namespace vigie::ingest
