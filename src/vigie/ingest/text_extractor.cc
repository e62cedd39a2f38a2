// Plain-text extraction. A news text file saved from a page is a column of lines: maybe a title
// and date lines, the article's paragraphs, maybe reader comments, and page chrome scattered
// around. Each line is classified in passes, from the most certain to the least:
//
//   1. blank lines;
//   2. metadata (date lines, "last modified"/"Publié le"/"Updated" lines, bylines) and
//      boilerplate (site chrome from a general phrase list, symbol-only lines);
//   3. the title (a short first line that stands apart) and its repetitions;
//   4. among what is left (the "content" lines), the point where the article ends and reader
//      comments begin, either at an explicit separator ("12 commentaires", "Leave a reply") or
//      where the register changes, found as a change point over per-line comment scores.
//
// Nothing here keys on a particular site or article: the phrase lists are generic page chrome
// in French and English and the comment scores are stylistic features.

#include "vigie/ingest/text_extractor.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"
#include "vigie/text/dates.h"
#include "vigie/text/normalize.h"

namespace vigie::ingest {
namespace {

// ---------------------------------------------------------------------------------------------
// Line features

struct Line {
  std::string_view text;           // trimmed, without the "\r" of CRLF files
  std::string key;                 // lower-cased, leading bullets and trailing punctuation removed
  std::vector<std::string> words;  // lower-cased letter/digit runs
  size_t chars = 0;                // code points of `text`
};

bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool IsAlnum(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)); }

std::string Lower(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Code points of `s`, decoded once (invalid bytes become U+FFFD).
std::u32string Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) out.push_back(utf8::DecodeNext(s, &pos));
  return out;
}

// The comparison key of a line: what is left after leading bullets/dashes/brackets and
// trailing punctuation are stripped, lower-cased, apostrophes unified, spaces collapsed. Two
// lines with the same key say the same thing ("• Le titre?" and "Le titre").
std::string MakeKey(std::string_view text) {
  std::u32string cps = Decode(text);
  size_t begin = 0;
  size_t end = cps.size();
  while (begin < end && !IsAlnum(cps[begin])) ++begin;
  while (end > begin && !IsAlnum(cps[end - 1])) --end;
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    char32_t cp = cps[i] == U'\u2019' ? U'\'' : cps[i];
    utf8::Append(cp, &out);
  }
  return str::CollapseSpace(Lower(out));
}

std::vector<std::string> Words(std::string_view key) {
  std::vector<std::string> words;
  std::string cur;
  for (size_t pos = 0; pos < key.size();) {
    char32_t cp = utf8::DecodeNext(key, &pos);
    if (IsAlnum(cp)) {
      utf8::Append(cp, &cur);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  if (text.empty()) return lines;
  for (std::string_view raw : str::Split(text, '\n')) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line line;
    line.text = str::Trim(raw);
    line.key = MakeKey(line.text);
    line.words = Words(line.key);
    line.chars = utf8::CodePointCount(line.text);
    lines.push_back(std::move(line));
  }
  // A final "\n" ends the last line; it does not open an empty one.
  if (text.back() == '\n') lines.pop_back();
  return lines;
}

bool IsBlank(const Line& l) { return l.text.empty(); }

// Last code point of the trimmed line (0 when empty).
char32_t LastChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t pos = start;
  return utf8::DecodeNext(s, &pos);
}

char32_t FirstLetterOrDigit(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = utf8::DecodeNext(s, &pos);
    if (IsAlnum(cp)) return cp;
  }
  return 0;
}

bool EndsSentence(std::string_view s) {
  char32_t c = LastChar(s);
  // Closing quotes and brackets: look at what precedes them.
  while (c == U'»' || c == U'"' || c == U'\u201d' || c == U')' || c == U'\u2019') {
    size_t pos = s.size() - 1;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
    s = str::Trim(s.substr(0, pos));
    c = LastChar(s);
  }
  return c == U'.' || c == U'!' || c == U'?' || c == U'\u2026';
}

bool StartsWithPhrase(std::string_view key, std::string_view phrase) {
  if (key.size() < phrase.size() || key.substr(0, phrase.size()) != phrase) return false;
  if (key.size() == phrase.size()) return true;
  size_t pos = phrase.size();
  return !IsLetter(utf8::DecodeNext(key, &pos));
}

bool ContainsWord(const Line& l, std::string_view w) {
  return std::find(l.words.begin(), l.words.end(), w) != l.words.end();
}

// ---------------------------------------------------------------------------------------------
// Metadata

// Words that may surround a date on a date line ("jeudi 12 mai 2022 à 18h32 UTC").
bool IsDateWord(std::string_view w) {
  static constexpr std::array<std::string_view, 72> kWords = {
      "janvier",  "février",  "fevrier",   "mars",      "avril",    "mai",      "juin",
      "juillet",  "août",     "aout",      "septembre", "octobre",  "novembre", "décembre",
      "decembre", "january",  "february",  "march",     "april",    "may",      "june",
      "july",     "august",   "september", "october",   "november", "december", "jan",
      "feb",      "mar",      "apr",       "jun",       "jul",      "aug",      "sep",
      "sept",     "oct",      "nov",       "dec",       "lundi",    "mardi",    "mercredi",
      "jeudi",    "vendredi", "samedi",    "dimanche",  "monday",   "tuesday",  "wednesday",
      "thursday", "friday",   "saturday",  "sunday",    "mon",      "tue",      "wed",
      "thu",      "fri",      "sat",       "sun",       "utc",      "gmt",      "am",
      "pm",       "le",       "à",         "at",        "on",       "the",      "de",
      "er"};
  if (std::find(kWords.begin(), kWords.end(), w) != kWords.end()) return true;
  // Numbers and times: "2022", "18h32", "12th".
  return !w.empty() && w.front() >= '0' && w.front() <= '9';
}

// Prefixes of lines that carry a publication or update date.
constexpr std::array<std::string_view, 19> kDatePrefixes = {
    "page actualisée", "actualisé le",
    "actualisée le",   "last modified",
    "last updated",    "updated",
    "published",       "posted",
    "publié le",       "publié",
    "mis à jour",      "mise à jour",
    "modifié le",      "dernière mise à jour",
    "posté le",        "date",
    "publication",     "créé le",
    "first published"};

bool IsUpdatePrefix(std::string_view key) {
  for (std::string_view p :
       {"last modified", "last updated", "updated", "mis à jour", "page actualisée", "actualisé le",
        "actualisée le", "mise à jour", "modifié le", "dernière mise à jour"}) {
    if (StartsWithPhrase(key, p)) return true;
  }
  return false;
}

bool HasDatePrefix(std::string_view key) {
  for (std::string_view p : kDatePrefixes) {
    if (StartsWithPhrase(key, p)) return true;
  }
  return false;
}

// A date line is a line whose words are (almost) all date words and that parses as a date:
// this keeps "Le sommet s'est tenu le 12 mai 2022." in the body.
bool IsDateLine(const Line& l) {
  if (l.chars > 80 || l.words.empty()) return false;
  int other = 0;
  for (const std::string& w : l.words) other += IsDateWord(w) ? 0 : 1;
  if (other > 1) return false;
  return text::ParseDate(l.text).has_value();
}

// "Par Jean Dupont", "By Jane Smith, Reuters": short, no sentence end, a capitalised name.
bool IsByline(const Line& l) {
  if (l.words.size() < 2 || l.words.size() > 7 || EndsSentence(l.text)) return false;
  if (l.words[0] != "par" && l.words[0] != "by") return false;
  size_t space = l.text.find(' ');
  if (space == std::string_view::npos) return false;
  char32_t name = FirstLetterOrDigit(l.text.substr(space));
  return u_isupper(static_cast<UChar32>(name));
}

bool IsMetadata(const Line& l) {
  if (l.chars > 200 || l.words.empty()) return false;
  if (HasDatePrefix(l.key) && text::ParseDate(l.text)) return true;
  return l.chars <= 120 && (IsDateLine(l) || IsByline(l));
}

// ---------------------------------------------------------------------------------------------
// Boilerplate

// Site chrome: navigation, sharing, subscription, tag lists, "read also" links, follow
// prompts. Phrases that cannot open a headline or a sentence of an article: a short line
// starting with one is chrome.
constexpr std::array<std::string_view, 44> kChromePhrases = {"mots clés",
                                                             "mots-clés",
                                                             "mots clefs",
                                                             "étiquettes",
                                                             "partager",
                                                             "partagez",
                                                             "partager cet article",
                                                             "share this",
                                                             "share on",
                                                             "abonnez-vous",
                                                             "abonnez vous",
                                                             "s'abonner",
                                                             "inscrivez-vous",
                                                             "newsletter",
                                                             "lire aussi",
                                                             "à lire aussi",
                                                             "a lire aussi",
                                                             "lire la suite",
                                                             "voir aussi",
                                                             "read more",
                                                             "read also",
                                                             "see also",
                                                             "articles similaires",
                                                             "sur le même sujet",
                                                             "dans la même rubrique",
                                                             "je veux suivre",
                                                             "suivez-nous",
                                                             "suivez nous",
                                                             "suivre cet auteur",
                                                             "suivre ce sujet",
                                                             "follow us",
                                                             "follow this",
                                                             "follow the author",
                                                             "get notified",
                                                             "recevoir les notifications",
                                                             "activer les notifications",
                                                             "retour en haut",
                                                             "back to top",
                                                             "sign up for",
                                                             "subscribe to",
                                                             "envoyer par e-mail",
                                                             "envoyer par email",
                                                             "télécharger l'application",
                                                             "download the app"};

// Single words that are chrome only as a whole line or a label ("Tags : a, b", "Partager").
constexpr std::array<std::string_view, 20> kChromeLabels = {
    "tags",    "tag",     "keywords",  "share",      "tweet",     "imprimer",      "print",
    "email",   "e-mail",  "subscribe", "abonnement", "publicité", "advertisement", "sponsored",
    "related", "accueil", "home",      "menu",       "fermer",    "connexion"};

// Separators that open the reader-comment section; the line itself is chrome.
bool IsCommentSeparator(const Line& l) {
  if (l.words.empty() || l.words.size() > 6) return false;
  std::string_view key = l.key;
  // "12 commentaires", "3 comments", "5 réactions".
  size_t i = 0;
  if (!l.words[0].empty() && l.words[0][0] >= '0' && l.words[0][0] <= '9') {
    if (l.words.size() < 2) return false;
    i = 1;
  }
  static constexpr std::array<std::string_view, 10> kHeads = {
      "commentaires", "commentaire", "comments", "comment",   "réactions",
      "reactions",    "réponses",    "replies",  "responses", "discussion"};
  if (std::find(kHeads.begin(), kHeads.end(), l.words[i]) != kHeads.end() &&
      l.words.size() <= i + 2) {
    return true;
  }
  for (std::string_view p :
       {"réagissez", "réagir", "leave a reply", "leave a comment", "laisser un commentaire",
        "laissez un commentaire", "ajouter un commentaire", "add a comment", "vos réactions",
        "vos commentaires", "post a comment", "join the discussion"}) {
    if (StartsWithPhrase(key, p)) return true;
  }
  return false;
}

// "Protesters at the march. Image: Andrew Gray.", "Photo : AFP": a picture's caption and
// credit, page furniture around the story rather than its text.
bool IsPhotoCaption(const Line& l) {
  if (l.words.size() > 30) return false;
  for (std::string_view p :
       {"image:", "image :", "photo:", "photo :", "crédit photo", "crédits photo", "photo credit",
        "credit:", "crédit :", "crédit:", "illustration :", "illustration:"}) {
    size_t at = l.key.find(p);
    // The credit closes the caption: it sits in the second half of the line or opens it.
    if (at != std::string::npos && (at == 0 || at >= l.key.size() / 3)) return true;
  }
  return false;
}

bool IsChrome(const Line& l) {
  if (l.words.empty()) return !l.text.empty();  // symbols only: "***", "• • •", "|"
  if (l.words.size() <= 12 && l.chars <= 120) {
    for (std::string_view p : kChromePhrases) {
      if (StartsWithPhrase(l.key, p)) return true;
    }
    bool label = l.words.size() <= 2 || l.text.find(':') != std::string_view::npos;
    for (std::string_view p : kChromeLabels) {
      if (label && StartsWithPhrase(l.key, p)) return true;
    }
  }
  // Legal and cookie notices can be a full sentence long.
  if (l.words.size() <= 40) {
    if (l.text.find("\u00a9") != std::string_view::npos || StartsWithPhrase(l.key, "copyright") ||
        l.key.find("tous droits réservés") != std::string::npos ||
        l.key.find("all rights reserved") != std::string::npos) {
      return true;
    }
    if (l.key.find("cookie") != std::string::npos) {
      for (std::string_view p : {"accept", "utilis", "we use", "this site", "ce site", "navigat",
                                 "consent", "paramétr", "settings"}) {
        if (l.key.find(p) != std::string::npos) return true;
      }
    }
  }
  return IsPhotoCaption(l);
}

// A tag header ("Mots clés", "Tags :") may be followed by its tags on the next line.
bool IsTagHeader(const Line& l) {
  for (std::string_view p : {"mots clés", "mots-clés", "mots clefs", "mot clé", "tags", "tag",
                             "étiquettes", "keywords"}) {
    if (StartsWithPhrase(l.key, p)) return true;
  }
  return false;
}

bool StartsWithBullet(std::string_view text) {
  size_t pos = 0;
  if (text.empty()) return false;
  char32_t c = utf8::DecodeNext(text, &pos);
  return c == U'•' || c == U'·' || c == U'▪' || c == U'►' || c == U'▸' || c == U'›' || c == U'*' ||
         c == U'◦' || c == U'■' || c == U'→';
}

// ---------------------------------------------------------------------------------------------
// Title

// Short, and not shaped like a sentence of running text.
bool IsHeadingLike(const Line& l) {
  if (l.words.empty() || l.words.size() > 25 || l.chars > 200) return false;
  // A dateline ("Paris, France —") ends on a dash and opens the first paragraph.
  char32_t last = LastChar(l.text);
  return last != U'.' && last != U',' && last != U';' && last != U':' && last != U'-' &&
         last != U'\u2014' && last != U'\u2013';
}

// ---------------------------------------------------------------------------------------------
// Comments vs body
//
// Each content line gets a comment score: positive when it reads like a reader's comment,
// negative when it reads like journalism. The comment section is the suffix of content lines
// whose summed (score - kThreshold) is largest, provided enough of that evidence is lexical.

constexpr double kThreshold = 0.5;
constexpr double kMinSuffixGain = 1.0;
constexpr double kMinMeanLexical = 0.6;
constexpr double kMinRegisterChange = 0.6;

// `text` without the words inside quotation marks: reported speech ("« Nous avons soutenu… »")
// is the journalist quoting someone, not the writer's own voice.
std::string Unquoted(std::string_view text) {
  std::string out;
  int depth = 0;
  bool in_ascii = false;
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp = utf8::DecodeNext(text, &pos);
    if (cp == U'«' || cp == U'\u201c') {
      ++depth;
      continue;
    }
    if ((cp == U'»' || cp == U'\u201d') && depth > 0) {
      --depth;
      continue;
    }
    if (cp == U'"') {
      in_ascii = !in_ascii;
      continue;
    }
    if (depth == 0 && !in_ascii) utf8::Append(cp, &out);
  }
  // An unbalanced quote would hide the rest of the line: fall back to the whole line.
  if (depth != 0 || in_ascii) return std::string(text);
  return out;
}

// First- and second-person words: a reader addresses others or speaks for themself, a news
// report rarely does outside quotes. "us" must be lower case (not "US"), "I" upper case.
int PersonalPronouns(std::string_view unquoted) {
  static constexpr std::array<std::string_view, 30> kPronouns = {
      "je",    "j",   "moi",  "mon", "ma",   "mes",   "nous", "notre", "nos",    "vous",
      "votre", "vos", "tu",   "toi", "ton",  "ta",    "tes",  "me",    "my",     "mine",
      "we",    "our", "ours", "you", "your", "yours", "i'm",  "i've",  "myself", "ourselves"};
  int n = 0;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    if (cur == "I" || cur == "us") {
      ++n;
    } else {
      std::string low = str::AsciiLower(cur);
      if (std::find(kPronouns.begin(), kPronouns.end(), low) != kPronouns.end()) ++n;
    }
    cur.clear();
  };
  for (size_t pos = 0; pos < unquoted.size();) {
    char32_t cp = utf8::DecodeNext(unquoted, &pos);
    if (IsLetter(cp)) {
      utf8::Append(cp, &cur);
    } else {
      flush();
    }
  }
  flush();
  return n;
}

// Typing habits of fast, informal writing: a space before "," or "." (French and English
// typography never put one there), a comma glued to the next word, repeated "!!" or "??".
int InformalTypography(std::string_view text) {
  int n = 0;
  std::u32string cps = Decode(text);
  for (size_t i = 1; i + 1 < cps.size(); ++i) {
    char32_t c = cps[i];
    if ((c == U',' || c == U'.') && cps[i - 1] == U' ' && cps[i + 1] == U' ') ++n;
    if (c == U',' && IsLetter(cps[i - 1]) && IsLetter(cps[i + 1])) ++n;
    if ((c == U'!' || c == U'?') && (cps[i + 1] == U'!' || cps[i + 1] == U'?')) ++n;
  }
  return n;
}

// Interjections, greetings and cheers that open a reader's reaction.
bool StartsWithInterjection(const Line& l) {
  if (l.words.empty()) return false;
  static constexpr std::array<std::string_view, 24> kOpeners = {
      "bravo", "merci", "bonjour", "salut",  "lol",   "mdr",        "ptdr",    "honte",
      "vive",  "hello", "hi",      "thanks", "thank", "shame",      "wow",     "haha",
      "mdrr",  "bof",   "pfff",    "ouf",    "hélas", "exactement", "exactly", "agreed"};
  return std::find(kOpeners.begin(), kOpeners.end(), l.words[0]) != kOpeners.end();
}

// Attribution formulas belong to reporting: "a-t-il ajouté", "selon", "said".
bool HasAttribution(const Line& l) {
  for (std::string_view w : {"selon", "déclaré", "ajouté", "affirmé", "indiqué", "annoncé", "said",
                             "told", "according", "announced", "stated"}) {
    if (ContainsWord(l, w)) return true;
  }
  return false;
}

// "((WN)) Why did you…", "Q : …", "[Reporter] …": a turn of a published interview. Interviews
// are first and second person throughout but belong to the article.
bool HasSpeakerLabel(std::string_view text) {
  if (text.starts_with("((") || text.starts_with("[") || text.starts_with(": ")) return true;
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 30) return false;
  std::string_view label = str::Trim(text.substr(0, colon));
  // "Q", "A", "R" (réponse) or a short capitalised name.
  if (label == "Q" || label == "A" || label == "R") return true;
  std::vector<std::string_view> words = str::Split(label, ' ');
  if (words.size() > 3) return false;
  for (std::string_view w : words) {
    if (w.empty()) return false;
    size_t pos = 0;
    if (!u_isupper(static_cast<UChar32>(utf8::DecodeNext(w, &pos)))) return false;
  }
  return true;
}

struct Score {
  double lexical = 0;  // evidence from the words and punctuation
  double total = 0;    // lexical + length
};

// `reference` is the typical length of an article paragraph in this file, `continuation` is
// true when the previous content line did not end its sentence.
Score CommentScore(const Line& l, double reference, bool continuation, bool heading) {
  Score s;
  std::string unquoted = Unquoted(l.text);
  int pronouns = PersonalPronouns(unquoted);
  if (pronouns >= 1) s.lexical += 0.75;
  if (pronouns >= 3) s.lexical += 0.5;
  if (unquoted.find('!') != std::string::npos) s.lexical += 1.0;
  if (unquoted.find('?') != std::string::npos) s.lexical += 0.5;
  if (InformalTypography(l.text) > 0) s.lexical += 0.5;
  if (StartsWithInterjection(l)) s.lexical += 1.0;
  // A line that starts in lower case without continuing the previous one: careless writing.
  char32_t first = FirstLetterOrDigit(l.text);
  if (!continuation && u_islower(static_cast<UChar32>(first))) s.lexical += 0.5;
  if (HasAttribution(l)) s.lexical -= 0.5;
  if (HasSpeakerLabel(l.text)) s.lexical = std::min(s.lexical, 0.0) - 0.5;

  // Length relative to the article's paragraphs: comments are much shorter than the
  // paragraphs that precede them. A heading is short by design and says nothing either way.
  double length = 0;
  double r = reference > 0 ? static_cast<double>(l.chars) / reference : 1.0;
  if (!heading) {
    if (r < 0.2) {
      length = 1.0;
    } else if (r < 0.35) {
      length = 0.5;
    } else if (r > 0.8) {
      length = -1.0;
    }
  }
  if (l.chars > 900) length -= 0.5;  // a comment that long is rare, a paragraph is not
  s.total = s.lexical + length;
  if (heading && s.lexical <= 0) s.total = kThreshold;  // neutral
  return s;
}

// Median length of the substantial lines in the first half of the content: the article's
// paragraph length, measured where the article certainly is.
double ReferenceLength(const std::vector<const Line*>& content) {
  std::vector<size_t> lens;
  size_t half = std::max<size_t>(1, (content.size() + 1) / 2);
  for (size_t i = 0; i < half; ++i) {
    if (content[i]->chars >= 80) lens.push_back(content[i]->chars);
  }
  if (lens.empty()) {
    for (const Line* l : content) lens.push_back(l->chars);
  }
  if (lens.empty()) return 0;
  std::nth_element(lens.begin(), lens.begin() + lens.size() / 2, lens.end());
  return static_cast<double>(lens[lens.size() / 2]);
}

// Index in `content` where comments start, or content.size() when there are none. The first
// content line always belongs to the article.
size_t FindCommentStart(const std::vector<const Line*>& content) {
  if (content.size() < 2) return content.size();
  double reference = ReferenceLength(content);
  std::vector<Score> scores(content.size());
  for (size_t i = 0; i < content.size(); ++i) {
    const Line& l = *content[i];
    bool continuation = i > 0 && !EndsSentence(content[i - 1]->text);
    bool heading =
        IsHeadingLike(l) && i + 1 < content.size() && l.words.size() <= 12 && !EndsSentence(l.text);
    scores[i] = CommentScore(l, reference, continuation, heading);
  }
  // A register change: the suffix must read like comments on average and clearly more so
  // than the article before it (an interview or a chatty column is personal throughout).
  double total_lexical = 0;
  for (const Score& s : scores) total_lexical += s.lexical;
  double gain = 0;
  double lexical = 0;
  double best_gain = kMinSuffixGain;
  size_t best = content.size();
  for (size_t i = content.size(); i-- > 1;) {
    gain += scores[i].total - kThreshold;
    lexical += scores[i].lexical;
    double after = lexical / static_cast<double>(content.size() - i);
    double before = (total_lexical - lexical) / static_cast<double>(i);
    if (gain >= best_gain && after >= kMinMeanLexical && after - before >= kMinRegisterChange) {
      best_gain = gain;
      best = i;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Classification passes

void ClassifyMetadataAndChrome(const std::vector<Line>& lines, std::vector<LineClass>* cls) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (IsBlank(l)) {
      (*cls)[i] = LineClass::kBlank;
    } else if (IsMetadata(l)) {
      (*cls)[i] = LineClass::kMetadata;
    } else if (IsChrome(l) || IsCommentSeparator(l)) {
      (*cls)[i] = LineClass::kBoilerplate;
    } else {
      (*cls)[i] = LineClass::kBody;
    }
  }
  // Tags listed under their header: "Mots clés" then "Algérie, Russie, Défense".
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if ((*cls)[i] != LineClass::kBoilerplate || !IsTagHeader(lines[i])) continue;
    size_t j = i + 1;
    while (j < lines.size() && IsBlank(lines[j])) ++j;
    if (j < lines.size() && (*cls)[j] == LineClass::kBody && lines[j].words.size() <= 20 &&
        !EndsSentence(lines[j].text) && lines[j].text.find(". ") == std::string_view::npos) {
      (*cls)[j] = LineClass::kBoilerplate;
    }
  }
}

size_t NextNonBlank(const std::vector<Line>& lines, size_t i) {
  while (i < lines.size() && IsBlank(lines[i])) ++i;
  return i;
}

// The title is the first line when it is short, heading-shaped and stands apart: followed by
// a blank line, by metadata or chrome, or directly by a much longer paragraph. Its later
// repetitions (a bullet or breadcrumb echoing it) are boilerplate.
void ClassifyTitle(const std::vector<Line>& lines, std::vector<LineClass>* cls) {
  size_t first = NextNonBlank(lines, 0);
  if (first >= lines.size() || (*cls)[first] != LineClass::kBody) return;
  const Line& t = lines[first];
  if (!IsHeadingLike(t) || t.words.size() > 20 || t.chars > 160) return;
  size_t next = NextNonBlank(lines, first + 1);
  if (next >= lines.size()) return;  // a lone line is the text, not a title
  bool apart = next > first + 1 || (*cls)[next] != LineClass::kBody || lines[next].key == t.key ||
               (lines[next].chars >= 2 * t.chars && lines[next].chars >= 100);
  if (!apart) return;
  (*cls)[first] = LineClass::kTitle;
  for (size_t i = first + 1; i < lines.size(); ++i) {
    if (!IsBlank(lines[i]) && lines[i].key == t.key) (*cls)[i] = LineClass::kBoilerplate;
  }
}

// Bulleted short lines before the article's first paragraph are navigation or "related"
// links, not the story.
void ClassifyHeaderBullets(const std::vector<Line>& lines, std::vector<LineClass>* cls) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*cls)[i] != LineClass::kBody) continue;
    if (lines[i].chars >= 80 && !StartsWithBullet(lines[i].text)) return;
    if (StartsWithBullet(lines[i].text) && lines[i].words.size() <= 15) {
      (*cls)[i] = LineClass::kBoilerplate;
    }
  }
}

void ClassifyComments(const std::vector<Line>& lines, std::vector<LineClass>* cls) {
  // An explicit separator after some article text opens the comments.
  bool seen_body = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*cls)[i] == LineClass::kBody) seen_body = true;
    if (seen_body && (*cls)[i] == LineClass::kBoilerplate && IsCommentSeparator(lines[i])) {
      for (size_t j = i + 1; j < lines.size(); ++j) {
        // Date lines inside the comment section date a comment, not the article.
        if ((*cls)[j] == LineClass::kBody ||
            ((*cls)[j] == LineClass::kMetadata && !HasDatePrefix(lines[j].key))) {
          (*cls)[j] = LineClass::kComment;
        }
      }
      return;
    }
  }
  std::vector<const Line*> content;
  std::vector<size_t> index;
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*cls)[i] != LineClass::kBody) continue;
    content.push_back(&lines[i]);
    index.push_back(i);
  }
  size_t start = FindCommentStart(content);
  for (size_t k = start; k < content.size(); ++k) (*cls)[index[k]] = LineClass::kComment;
}

std::vector<LineClass> Classify(const std::vector<Line>& lines) {
  std::vector<LineClass> cls(lines.size(), LineClass::kBlank);
  ClassifyMetadataAndChrome(lines, &cls);
  ClassifyTitle(lines, &cls);
  ClassifyHeaderBullets(lines, &cls);
  ClassifyComments(lines, &cls);
  return cls;
}

// ---------------------------------------------------------------------------------------------
// Extraction helpers

std::string Clean(std::string_view s) { return str::CollapseSpace(text::ToNfc(s)); }

// A paragraph that stops on a comma or semicolon, or a long one that stops without any
// punctuation, was cut by a line break in mid-sentence.
bool ContinuesOnNextLine(std::string_view paragraph) {
  char32_t last = LastChar(paragraph);
  if (last == U',' || last == U';') return true;
  return IsAlnum(last) && utf8::CodePointCount(paragraph) > 200;
}

// "Jean dit :", "Anonymous says:", "Marie a écrit :" — a comment's author header.
std::optional<std::string> CommentAuthor(const Line& l) {
  if (l.words.size() > 8 || l.chars > 80) return std::nullopt;
  std::string_view t = l.text;
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  for (std::string_view verb : {" a écrit", " dit", " says", " wrote", " écrit"}) {
    if (t.size() > verb.size() && str::EndsWith(str::AsciiLower(t), verb)) {
      std::string_view name = str::Trim(t.substr(0, t.size() - verb.size()));
      if (!name.empty()) return std::string(name);
    }
  }
  return std::nullopt;
}

}  // namespace

const char* LineClassName(LineClass c) {
  switch (c) {
    case LineClass::kBlank:
      return "blank";
    case LineClass::kTitle:
      return "title";
    case LineClass::kMetadata:
      return "metadata";
    case LineClass::kBody:
      return "body";
    case LineClass::kComment:
      return "comment";
    case LineClass::kBoilerplate:
      return "boilerplate";
  }
  return "unknown";
}

std::vector<LineClass> ClassifyLines(std::string_view text) { return Classify(SplitLines(text)); }

void ExtractText(std::string_view text, Document* doc) {
  std::vector<Line> lines = SplitLines(text);
  std::vector<LineClass> cls = Classify(lines);
  bool title_set = !doc->title.empty();
  bool prev_body = false;  // the last non-blank line was body
  std::string pending_author;
  std::string pending_date;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (cls[i] != LineClass::kBlank && cls[i] != LineClass::kBody) prev_body = false;
    switch (cls[i]) {
      case LineClass::kBlank:
        break;
      case LineClass::kTitle:
        if (!title_set) {
          doc->title = Clean(l.text);
          title_set = true;
        }
        break;
      case LineClass::kMetadata: {
        // Metadata lines are not body: they are reported in `dropped` as well, so that the
        // body, comments and dropped lines partition the text (as the seeds' gold does).
        doc->dropped.push_back(Clean(l.text));
        std::optional<text::Date> d = text::ParseDate(l.text, doc->lang);
        if (d) {
          std::string* field = IsUpdatePrefix(l.key) ? &doc->modified : &doc->date;
          if (field->empty()) *field = d->ToIso();
        } else if (IsByline(l) && doc->author.empty()) {
          doc->author = Clean(l.text.substr(l.text.find(' ') + 1));
        }
        break;
      }
      case LineClass::kBoilerplate:
        doc->dropped.push_back(Clean(l.text));
        break;
      case LineClass::kBody: {
        std::string p = Clean(l.text);
        // A sentence cut across two lines ("…à Rabat," / "le ministre…") is one paragraph;
        // a heading (short, no final period) never continues into the next line.
        bool joins = prev_body && !doc->paragraphs.empty() &&
                     u_islower(static_cast<UChar32>(FirstLetterOrDigit(p))) &&
                     ContinuesOnNextLine(doc->paragraphs.back().text);
        if (joins) {
          doc->paragraphs.back().text += " " + p;
        } else {
          doc->paragraphs.push_back(Paragraph{std::move(p), ""});
        }
        prev_body = true;
        break;
      }
      case LineClass::kComment: {
        if (std::optional<std::string> author = CommentAuthor(l)) {
          pending_author = Clean(*author);
          break;
        }
        if (IsDateLine(l)) {
          if (std::optional<text::Date> d = text::ParseDate(l.text, doc->lang)) {
            pending_date = d->ToIso();
            break;
          }
        }
        doc->comments.push_back(Comment{Clean(l.text), pending_author, pending_date});
        pending_author.clear();
        pending_date.clear();
        break;
      }
    }
  }
}

}  // namespace vigie::ingest
