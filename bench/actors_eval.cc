// actors_eval: accuracy of actor and place recognition on gold sentences, in process.
//
//   actors_eval FILE.jsonl [--show]
//       FILE holds one gold sentence a line, {"id","lang","date","text","mentions":[{"text",
//       "kind","code","country","org","role"}]} (data/dev/actors-dev.jsonl,
//       tests/testdata/gold/seeds-actors.jsonl; doc/gazetteer.md describes the format). Each
//       line becomes one Document (id, lang, date, one paragraph = text) coded with
//       CodingOptions{lang, date, events = false}; the pipeline may split it into several
//       sentences, whose mentions are mapped back to the line through Sentence::offset.
//       Consecutive lines with the same optional "doc" field are sentences of one article:
//       they are coded as one Document, a paragraph a line, so that what the recognizer
//       takes from the whole document (ambiguous places, "le royaume", bare roles) is there.
//
//       A gold mention's span is where its text occurs in the line (whole words; gold texts are
//       placed longest first, each on its first occurrence not already taken, so repeated and
//       nested texts land left to right). A predicted mention and a gold mention are paired when
//       their code-point spans overlap and their kinds agree; pairs are made one to one, largest
//       overlap first. An actor's key is its country, else its org; a place's key is its
//       country ("" for transnational regions, which then match "").
//         detection   P/R/F1 of the pairs (span overlap + kind);
//         resolution  on detected pairs: actors' code equal, actors' key equal, places'
//                     country equal;
//         exact span  detected pairs whose spans are equal ("art." also accepts a difference
//                     of a leading article: "le Mali" / "Mali");
//         full        P/R/F1 when a pair also needs the same key (matched apart, one to one).
//       Predictions without a key (an actor with neither country nor org) are scored as any
//       other: the gold never has such a mention. Prints a table per language (fr, en, all),
//       the time spent in CodingPipeline::Code and, with --show, every miss, false positive,
//       wrong resolution and inexact span. The last line is `F1 <full F1>`.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval_util.h"
#include "vigie/actors/mention.h"
#include "vigie/base/utf8.h"
#include "vigie/ingest/document.h"
#include "vigie/pipeline/coding.h"

namespace fs = std::filesystem;
using nlohmann::json;
using vigie::actors::MentionKind;
using vigie::pipeline::CodedDocument;
using vigie::pipeline::CodingPipeline;

namespace {

using namespace vigie::eval;  // NOLINT: the shared evaluation helpers

// ---------------------------------------------------------------------------------------
// UTF-8 helpers (the gold and the pipeline count code points)

uint32_t NextCodePoint(std::string_view s, size_t* i) {
  return vigie::utf8::DecodeNext(s, i);  // invalid bytes count as one code point
}

// Code points in s[0, bytes).
uint32_t CodePoints(std::string_view s, size_t bytes) {
  uint32_t n = 0;
  for (size_t i = 0; i < bytes && i < s.size();) {
    NextCodePoint(s, &i);
    ++n;
  }
  return n;
}

// Letters and digits for word boundaries: ASCII alphanumerics and Latin/Greek/Cyrillic...
// letters (U+00C0 and up, below the general punctuation block, minus × and ÷).
bool IsWordChar(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7;
}

// The code point that ends right before byte `pos` (0 when none).
uint32_t CodePointBefore(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && pos - start < 4) {
    --start;
  }
  size_t i = start;
  return NextCodePoint(s, &i);
}

uint32_t CodePointAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return NextCodePoint(s, &pos);
}

// "le Mali" -> "Mali": the text without a leading article, for the lenient exact-span rate.
std::string_view StripArticle(std::string_view t) {
  static const char* const kArticles[] = {"le ", "la ", "les ", "l'", "l’", "the ",
                                          "Le ", "La ", "Les ", "L'", "L’", "The "};
  for (const char* a : kArticles) {
    std::string_view av(a);
    if (t.size() > av.size() && t.substr(0, av.size()) == av) return t.substr(av.size());
  }
  return t;
}

// ---------------------------------------------------------------------------------------
// gold

struct Span {
  uint32_t begin = 0, end = 0;  // code points in the line
};

uint32_t Overlap(Span a, Span b) {
  uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

struct GoldMention {
  std::string text;
  MentionKind kind = MentionKind::kActor;
  std::string code, country, org, role;
  Span span;
  std::string Key() const { return country.empty() ? org : country; }
};

struct GoldLine {
  std::string id, doc, lang, date, text;
  std::vector<GoldMention> mentions;
};

std::string StringOrEmpty(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return "";
  return j[key].get<std::string>();
}

// Places every mention's text in the line: longest texts first, each on its first whole-word
// occurrence that no earlier-placed mention overlaps (then any occurrence, then a failure).
void PlaceMentions(const std::string& where, GoldLine* g) {
  std::vector<size_t> order(g->mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return g->mentions[a].text.size() > g->mentions[b].text.size();
  });
  std::vector<Span> taken;
  const std::string& text = g->text;
  for (size_t idx : order) {
    GoldMention& m = g->mentions[idx];
    if (m.text.empty()) Fail(2, where + ": empty mention text");
    bool placed = false;
    for (int pass = 0; pass < 2 && !placed; ++pass) {
      for (size_t pos = text.find(m.text); pos != std::string::npos;
           pos = text.find(m.text, pos + 1)) {
        size_t end = pos + m.text.size();
        if (pass == 0 &&
            (IsWordChar(CodePointBefore(text, pos)) || IsWordChar(CodePointAt(text, end)))) {
          continue;
        }
        Span s{CodePoints(text, pos), CodePoints(text, end)};
        bool clash = std::any_of(taken.begin(), taken.end(),
                                 [&](const Span& t) { return Overlap(s, t) > 0; });
        if (clash) continue;
        m.span = s;
        taken.push_back(s);
        placed = true;
        break;
      }
    }
    if (!placed) Fail(2, where + ": mention \"" + m.text + "\" not found in the text");
  }
}

std::vector<GoldLine> LoadGold(const std::string& path) {
  std::string all = ReadFileOrFail(path, "gold file");
  std::vector<GoldLine> out;
  std::istringstream in(all);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(n);
    try {
      json j = json::parse(line);
      GoldLine g;
      g.id = j.at("id").is_string() ? j["id"].get<std::string>() : j["id"].dump();
      g.doc = StringOrEmpty(j, "doc");
      g.lang = StringOrEmpty(j, "lang");
      g.date = StringOrEmpty(j, "date");
      g.text = j.at("text").get<std::string>();
      for (const auto& m : j.value("mentions", json::array())) {
        GoldMention gm;
        gm.text = m.at("text").get<std::string>();
        std::string kind = m.at("kind").get<std::string>();
        if (kind == "actor") {
          gm.kind = MentionKind::kActor;
        } else if (kind == "place") {
          gm.kind = MentionKind::kPlace;
        } else {
          Fail(2, where + ": kind \"" + kind + "\" is neither actor nor place");
        }
        gm.code = StringOrEmpty(m, "code");
        gm.country = StringOrEmpty(m, "country");
        gm.org = StringOrEmpty(m, "org");
        gm.role = StringOrEmpty(m, "role");
        g.mentions.push_back(std::move(gm));
      }
      PlaceMentions(where, &g);
      out.push_back(std::move(g));
    } catch (const json::exception& e) {
      Fail(2, where + ": " + e.what());
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// predictions

struct Pred {
  MentionKind kind = MentionKind::kActor;
  Span span;
  std::string text, code, key;
};

// Mentions of every sentence of `coded`, with spans in code points of `line`.
std::vector<Pred> Predictions(const CodedDocument& coded, const std::string& line,
                              bool* misaligned) {
  std::vector<Pred> out;
  for (const auto& cs : coded.sentences) {
    const auto& s = cs.sentence;
    size_t offset = s.offset;
    if (line.compare(offset, s.text.size(), s.text) != 0) {
      // Not where Sentence::offset says (should not happen): look for the text itself.
      *misaligned = true;
      size_t found = line.find(s.text);
      if (found == std::string::npos) continue;
      offset = found;
    }
    uint32_t base = CodePoints(line, offset);
    for (const auto& m : cs.mentions) {
      Pred p;
      p.kind = m.kind;
      p.span = {base + m.cp_begin, base + m.cp_end};
      p.text = m.text;
      p.code = m.actor.code;
      p.key = m.kind == MentionKind::kPlace ? m.actor.country : m.actor.Key();
      out.push_back(std::move(p));
    }
  }
  return out;
}

std::string GoldKey(const GoldMention& g) {
  return g.kind == MentionKind::kPlace ? g.country : g.Key();
}

// One-to-one pairs (gold index, prediction index): same kind, overlapping spans and, when
// `same_key`, the same key; largest overlap first (ties: same key, then leftmost gold).
std::vector<std::pair<size_t, size_t>> Pair(const std::vector<GoldMention>& gold,
                                            const std::vector<Pred>& preds, bool same_key) {
  struct Cand {
    uint32_t overlap;
    bool key;
    size_t g, p;
  };
  std::vector<Cand> cands;
  for (size_t gi = 0; gi < gold.size(); ++gi) {
    for (size_t pi = 0; pi < preds.size(); ++pi) {
      if (gold[gi].kind != preds[pi].kind) continue;
      uint32_t ov = Overlap(gold[gi].span, preds[pi].span);
      if (ov == 0) continue;
      bool key = GoldKey(gold[gi]) == preds[pi].key;
      if (same_key && !key) continue;
      cands.push_back({ov, key, gi, pi});
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    if (a.overlap != b.overlap) return a.overlap > b.overlap;
    if (a.key != b.key) return a.key;
    return a.g < b.g;
  });
  std::vector<bool> gused(gold.size()), pused(preds.size());
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& c : cands) {
    if (gused[c.g] || pused[c.p]) continue;
    gused[c.g] = pused[c.p] = true;
    out.emplace_back(c.g, c.p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ---------------------------------------------------------------------------------------
// scoring

struct Counts {
  long lines = 0, gold = 0, pred = 0, unkeyed = 0;
  long tp = 0, fp = 0, fn = 0;               // detection
  long exact = 0, exact_art = 0;             // of detection tp
  long actors = 0, code_ok = 0, key_ok = 0;  // detected actor pairs
  long places = 0, country_ok = 0;           // detected place pairs
  long full_tp = 0, full_fp = 0, full_fn = 0;

  void Add(const Counts& o) {
    lines += o.lines, gold += o.gold, pred += o.pred, unkeyed += o.unkeyed;
    tp += o.tp, fp += o.fp, fn += o.fn, exact += o.exact, exact_art += o.exact_art;
    actors += o.actors, code_ok += o.code_ok, key_ok += o.key_ok;
    places += o.places, country_ok += o.country_ok;
    full_tp += o.full_tp, full_fp += o.full_fp, full_fn += o.full_fn;
  }
};

double Ratio(long a, long b) { return b ? double(a) / double(b) : 0.0; }

const char* KindName(MentionKind k) { return k == MentionKind::kPlace ? "place" : "actor"; }

std::string Describe(const GoldMention& g) {
  return std::string(KindName(g.kind)) + " \"" + g.text + "\" " +
         (g.kind == MentionKind::kPlace ? (g.country.empty() ? "-" : g.country)
                                        : (g.code.empty() ? "-" : g.code));
}

std::string Describe(const Pred& p) {
  return std::string(KindName(p.kind)) + " \"" + p.text + "\" " +
         (p.kind == MentionKind::kPlace ? (p.key.empty() ? "-" : p.key)
                                        : (p.code.empty() ? "-" : p.code));
}

// Scores one line into `c`; with `show`, prints its errors under a header line.
void ScoreLine(const GoldLine& g, const std::vector<Pred>& preds, bool show, Counts* c) {
  bool header = false;
  auto print = [&](const std::string& what) {
    if (!show) return;
    if (!header) {
      std::printf("== %s %s\n", g.id.c_str(), g.text.c_str());
      header = true;
    }
    std::printf("   %s\n", what.c_str());
  };

  ++c->lines;
  c->gold += static_cast<long>(g.mentions.size());
  c->pred += static_cast<long>(preds.size());
  for (const auto& p : preds) c->unkeyed += p.kind == MentionKind::kActor && p.key.empty();

  auto det = Pair(g.mentions, preds, /*same_key=*/false);
  std::vector<bool> gdet(g.mentions.size()), pdet(preds.size());
  for (auto [gi, pi] : det) {
    gdet[gi] = pdet[pi] = true;
    const GoldMention& gm = g.mentions[gi];
    const Pred& p = preds[pi];
    ++c->tp;
    bool exact = gm.span.begin == p.span.begin && gm.span.end == p.span.end;
    c->exact += exact;
    bool exact_art = exact || StripArticle(gm.text) == StripArticle(p.text);
    c->exact_art += exact_art;
    if (!exact_art) print("SPAN  " + Describe(gm) + " <- got \"" + p.text + "\"");
    if (gm.kind == MentionKind::kActor) {
      ++c->actors;
      bool code_ok = gm.code == p.code;
      c->code_ok += code_ok;
      c->key_ok += GoldKey(gm) == p.key;
      if (!code_ok) print("WRONG " + Describe(gm) + " <- got " + Describe(p));
    } else {
      ++c->places;
      bool ok = gm.country == p.key;
      c->country_ok += ok;
      if (!ok) print("WRONG " + Describe(gm) + " <- got " + Describe(p));
    }
  }
  for (size_t gi = 0; gi < g.mentions.size(); ++gi) {
    if (gdet[gi]) continue;
    ++c->fn;
    // A gold mention seen with the other kind is a kind error, not a plain miss.
    std::string other;
    for (const auto& p : preds) {
      if (p.kind != g.mentions[gi].kind && Overlap(p.span, g.mentions[gi].span) > 0) {
        other = " (seen as " + Describe(p) + ")";
        break;
      }
    }
    print("MISS  " + Describe(g.mentions[gi]) + other);
  }
  for (size_t pi = 0; pi < preds.size(); ++pi) {
    if (pdet[pi]) continue;
    ++c->fp;
    print("EXTRA " + Describe(preds[pi]));
  }

  auto full = Pair(g.mentions, preds, /*same_key=*/true);
  c->full_tp += static_cast<long>(full.size());
  c->full_fp += static_cast<long>(preds.size() - full.size());
  c->full_fn += static_cast<long>(g.mentions.size() - full.size());
}

void PrintRow(const std::string& name, const Counts& c) {
  Prf d = Score(c.tp, c.fp, c.fn);
  Prf f = Score(c.full_tp, c.full_fp, c.full_fn);
  std::printf(
      "%-4s %5ld %5ld %5ld | %4ld %4ld %4ld  %.3f %.3f %.3f | %.3f %.3f | "
      "%.3f %.3f  %.3f | %.3f %.3f %.3f\n",
      name.c_str(), c.lines, c.gold, c.pred, c.tp, c.fp, c.fn, d.p, d.r, d.f1, Ratio(c.exact, c.tp),
      Ratio(c.exact_art, c.tp), Ratio(c.code_ok, c.actors), Ratio(c.key_ok, c.actors),
      Ratio(c.country_ok, c.places), f.p, f.r, f.f1);
}

int Run(const std::string& path, bool show) {
  std::vector<GoldLine> gold = LoadGold(path);
  auto pipeline = OpenPipeline();

  // Code everything first so that the timing covers coding only.
  auto t0 = Clock::now();
  std::vector<CodedDocument> coded = CodeForActors(pipeline.get(), gold);
  double secs = Seconds(t0);
  size_t sentences = 0;
  for (const auto& c : coded) sentences += c.sentences.size();

  std::map<std::string, Counts> by_lang;
  bool misaligned = false;
  for (size_t k = 0; k < gold.size(); ++k) {
    const GoldLine& g = gold[k];
    std::vector<Pred> preds = Predictions(coded[k], g.text, &misaligned);
    ScoreLine(g, preds, show, &by_lang[g.lang.empty() ? coded[k].lang : g.lang]);
  }
  if (misaligned) {
    std::printf("warning: some sentences were not at their Sentence::offset (text not NFC?)\n");
  }

  Counts all;
  for (const auto& [lang, c] : by_lang) all.Add(c);
  Prf d = Score(all.tp, all.fp, all.fn);
  Prf f = Score(all.full_tp, all.full_fp, all.full_fn);

  std::printf("gold %s\n", path.c_str());
  std::printf("time %.3f s coding %zu lines, %zu sentences: %.0f sentences/s\n", secs, gold.size(),
              sentences, secs > 0 ? sentences / secs : 0.0);
  std::printf(
      "                       | detection (overlap + kind)   | exact span  | "
      "resolution         | full (+ key)\n");
  std::printf(
      "lang lines  gold  pred |   tp   fp   fn  P     R     F1    | exact art.  | "
      "code  key    place | P     R     F1\n");
  for (const auto& [lang, c] : by_lang) PrintRow(lang.empty() ? "?" : lang, c);
  PrintRow("all", all);
  std::printf("detection  tp %ld fp %ld fn %ld  precision %.3f  recall %.3f  F1 %.3f\n", all.tp,
              all.fp, all.fn, d.p, d.r, d.f1);
  std::printf(
      "resolution actors %ld: code %ld (%.3f), key %ld (%.3f); places %ld: country %ld "
      "(%.3f)\n",
      all.actors, all.code_ok, Ratio(all.code_ok, all.actors), all.key_ok,
      Ratio(all.key_ok, all.actors), all.places, all.country_ok, Ratio(all.country_ok, all.places));
  std::printf(
      "exact span %ld/%ld (%.3f), up to a leading article %ld (%.3f); predicted actors "
      "without key: %ld\n",
      all.exact, all.tp, Ratio(all.exact, all.tp), all.exact_art, Ratio(all.exact_art, all.tp),
      all.unkeyed);
  std::printf("full       tp %ld fp %ld fn %ld  precision %.3f  recall %.3f\n", all.full_tp,
              all.full_fp, all.full_fn, f.p, f.r);
  std::printf("F1 %.3f\n", f.f1);
  return 0;
}

int Usage() {
  std::fprintf(stderr, "usage: actors_eval FILE.jsonl [--show]\n");
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  vigie::eval::program = "actors_eval";
  std::vector<std::string> args;
  bool show = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--show") {
      show = true;
    } else if (a.rfind("--", 0) == 0) {
      return Usage();
    } else {
      args.push_back(a);
    }
  }
  if (args.size() != 1) return Usage();
  return Run(args[0], show);
}
