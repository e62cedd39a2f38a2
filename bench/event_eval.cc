// event_eval: accuracy and speed of event coding on gold sentences, in process.
//
//   event_eval gold FILE.jsonl [--show]
//       FILE holds one gold sentence a line, {"id","lang","date","text","events":[{"source",
//       "target","roots","modality","mutual","optional"}]} (../shared/gold/seeds.jsonl,
//       data/dev/events-dev.jsonl). Each line becomes one Document (id, lang, date, one
//       paragraph = text) coded with CodingOptions{lang, date}. Scored exactly as
//       ../shared/tools/score-events scores `vigie code FILE`: an actor's key is its country,
//       else its org; a prediction matches a gold event of the same line when the keys agree
//       (either direction when the gold event is mutual) and its root is a gold root; each
//       prediction is used once; a missed optional gold event is not a miss; predictions with
//       a source or target without key are not scored. Prints P/R/F1, TP/FP/FN, modality
//       accuracy of matched events, a per-root table and, with --show, every miss, false
//       positive and modality error. The last line is `F1 <value>`.
//
//   event_eval plover FILE.json [--map CAMEO2PLOVER.txt] [--show]
//       FILE is PLOVER_GSR_CAMEO.json (openeventdata's gold standard records, from the CAMEO
//       manual's examples; a JSON array, the DOCUMENT record skipped). Each record's "text" is
//       coded as English, dated 2000-01-01. The gold PLOVER label becomes the set of CAMEO
//       roots of every code the mapping table (default
//       ../shared/data/cameo/CAMEO2PLOVER-2021.txt) maps to it. The records are PLOVER 0.5b1:
//       the four labels that the 2021 table no longer has are scored as the 2021 label that
//       absorbed them (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
//       ASSAULT); the table printed first shows every label's roots.
//       Root level (actors ignored): a record is a TP when vigie emits at least one event with
//       an acceptable root, else a FN; every emitted event with another root is a FP (extra
//       events with an acceptable root count neither way). Variant "first event": only the
//       first emitted event is considered (wrong root: FP and FN).
//       Root + source: only records whose gold source lists at least one valid ISO 3166-1
//       alpha-3 country code (ICU's list; "IGO", "NGO" and legacy CAMEO codes such as "JAP" or
//       "ITL" are not checkable) are scored; a TP then needs an event with an acceptable root
//       whose source key is one of those codes; every other event with a source key is a FP
//       (events whose source has no key are not scored, as in score-events).
//       Prints a per-label table (records, TP, FN, FP events, and the root of the first event,
//       "--" for none) and, with --show, every miss and false positive with the sentence.
//       The last line is `F1 <root-level F1>`.
//
// Both modes print the time spent in CodingPipeline::Code (loading excluded, reported apart)
// and sentences/s.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/uloc.h>

#include "eval_util.h"
#include "vigie/events/event.h"
#include "vigie/ingest/document.h"
#include "vigie/pipeline/coding.h"

namespace fs = std::filesystem;
using nlohmann::json;
using vigie::pipeline::CodedDocument;
using vigie::pipeline::CodingOptions;
using vigie::pipeline::CodingPipeline;

namespace {

using namespace vigie::eval;  // NOLINT: the shared evaluation helpers

// One coded event, reduced to what the scorers read.
struct Pred {
  std::string source;  // key: country, else org; "" when none
  std::string target;
  std::string root;
  std::string cameo;
  std::string modality;
  std::string rule;
  std::string source_text;
  std::string target_text;
};

std::vector<Pred> Predictions(const CodedDocument& coded) {
  std::vector<Pred> out;
  for (const auto& s : coded.sentences) {
    for (const auto& e : s.events) {
      out.push_back({e.source.Key(), e.target.Key(), e.root, e.cameo,
                     vigie::events::ModalityName(e.modality), e.rule, e.source_text,
                     e.target_text});
    }
  }
  return out;
}

std::string Describe(const Pred& p) {
  return (p.source.empty() ? "?" : p.source) + "->" + (p.target.empty() ? "?" : p.target) + " " +
         p.cameo + " " + p.modality + " [" + p.rule + "] \"" + p.source_text + "\" / \"" +
         p.target_text + "\"";
}

void PrintSpeed(size_t docs, size_t sentences, double secs) {
  std::printf("time %.3f s coding %zu documents, %zu sentences: %.0f sentences/s\n", secs, docs,
              sentences, secs > 0 ? sentences / secs : 0.0);
}

// ---------------------------------------------------------------------------------------
// gold mode

struct GoldEvent {
  std::string source, target;
  std::vector<std::string> roots;
  std::string modality = "asserted";
  bool mutual = false;
  bool optional = false;
};

struct GoldLine {
  std::string id, lang, date, text;
  std::vector<GoldEvent> events;
};

std::vector<GoldLine> LoadGold(const std::string& path) {
  std::string all = ReadFileOrFail(path, "gold file");
  std::vector<GoldLine> out;
  std::istringstream in(all);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      json j = json::parse(line);
      GoldLine g;
      g.id = j.at("id").is_string() ? j["id"].get<std::string>() : j["id"].dump();
      g.lang = j.value("lang", "");
      g.date = j.value("date", "");
      g.text = j.at("text").get<std::string>();
      for (const auto& e : j.value("events", json::array())) {
        GoldEvent ge;
        ge.source = e.at("source").get<std::string>();
        ge.target = e.at("target").get<std::string>();
        for (const auto& r : e.at("roots")) ge.roots.push_back(r.get<std::string>());
        if (e.contains("modality") && e["modality"].is_string()) ge.modality = e["modality"];
        ge.mutual = e.value("mutual", false);
        ge.optional = e.value("optional", false);
        g.events.push_back(std::move(ge));
      }
      out.push_back(std::move(g));
    } catch (const json::exception& e) {
      Fail(2, path + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  return out;
}

struct RootRow {
  long gold = 0, tp = 0, fp = 0, fn = 0;
};

int RunGold(const std::string& path, bool show) {
  std::vector<GoldLine> gold = LoadGold(path);
  auto pipeline = OpenPipeline();

  // Code everything first so that the timing covers coding only.
  std::vector<CodedDocument> coded;
  coded.reserve(gold.size());
  size_t sentences = 0;
  auto t0 = Clock::now();
  for (const auto& g : gold) {
    CodingOptions options;
    options.lang = g.lang.empty() ? "auto" : g.lang;
    options.date = g.date;
    coded.push_back(pipeline->Code(MakeDocument(g.id, g.lang, g.date, g.text), options));
    sentences += coded.back().sentences.size();
  }
  double secs = Seconds(t0);

  long tp = 0, fp = 0, fn = 0, mod_ok = 0, unscored = 0;
  std::map<std::string, RootRow> roots;  // gold side: the gold event's first root
  for (size_t k = 0; k < gold.size(); ++k) {
    const GoldLine& g = gold[k];
    std::vector<Pred> all = Predictions(coded[k]);
    std::vector<Pred> preds;
    for (auto& p : all) {
      if (p.source.empty() || p.target.empty()) {
        ++unscored;
        if (show)
          std::printf("UNSCORED %s %s :: %s\n", g.id.c_str(), Describe(p).c_str(), g.text.c_str());
      } else {
        preds.push_back(std::move(p));
      }
    }
    std::vector<bool> used(preds.size(), false);
    auto has_root = [](const GoldEvent& ge, const std::string& r) {
      return std::find(ge.roots.begin(), ge.roots.end(), r) != ge.roots.end();
    };
    for (const auto& ge : g.events) {
      const std::string row = ge.roots.empty() ? "??" : ge.roots.front();
      if (!ge.optional) ++roots[row].gold;
      int hit = -1;
      for (size_t i = 0; i < preds.size(); ++i) {
        const Pred& p = preds[i];
        if (used[i] || !has_root(ge, p.root)) continue;
        if ((p.source == ge.source && p.target == ge.target) ||
            (ge.mutual && p.target == ge.source && p.source == ge.target)) {
          hit = static_cast<int>(i);
          break;
        }
      }
      if (hit < 0) {
        if (!ge.optional) {
          ++fn;
          ++roots[row].fn;
          if (show) {
            std::string rs;
            for (const auto& r : ge.roots) rs += (rs.empty() ? "" : ",") + r;
            std::printf("MISS %s %s->%s [%s] %s :: %s\n", g.id.c_str(), ge.source.c_str(),
                        ge.target.c_str(), rs.c_str(), ge.modality.c_str(), g.text.c_str());
          }
        }
        continue;
      }
      used[hit] = true;
      ++tp;
      ++roots[row].tp;
      if (preds[hit].modality == ge.modality) {
        ++mod_ok;
      } else if (show) {
        std::printf("MODALITY %s got %s want %s :: %s\n", g.id.c_str(), preds[hit].modality.c_str(),
                    ge.modality.c_str(), g.text.c_str());
      }
      // A mutual gold event is also satisfied by the reverse direction.
      if (ge.mutual) {
        for (size_t i = 0; i < preds.size(); ++i) {
          const Pred& p = preds[i];
          if (!used[i] && has_root(ge, p.root) &&
              ((p.source == ge.source && p.target == ge.target) ||
               (p.source == ge.target && p.target == ge.source))) {
            used[i] = true;
          }
        }
      }
    }
    for (size_t i = 0; i < preds.size(); ++i) {
      if (used[i]) continue;
      ++fp;
      ++roots[preds[i].root].fp;
      if (show)
        std::printf("EXTRA %s %s :: %s\n", g.id.c_str(), Describe(preds[i]).c_str(),
                    g.text.c_str());
    }
  }

  Prf s = Score(tp, fp, fn);
  std::printf("gold %s\n", path.c_str());
  PrintSpeed(gold.size(), sentences, secs);
  std::printf("per root (gold = required gold events by first root; FP by predicted root)\n");
  std::printf("  root  gold    tp    fp    fn\n");
  for (const auto& [root, r] : roots) {
    std::printf("  %-4s %5ld %5ld %5ld %5ld\n", root.c_str(), r.gold, r.tp, r.fp, r.fn);
  }
  std::printf("lines %zu  tp %ld  fp %ld  fn %ld  (unscored predictions without key: %ld)\n",
              gold.size(), tp, fp, fn, unscored);
  std::printf("precision %.3f  recall %.3f  modality %ld/%ld (%.3f)\n", s.p, s.r, mod_ok, tp,
              tp ? double(mod_ok) / double(tp) : 0.0);
  std::printf("F1 %.3f\n", s.f1);
  return 0;
}

// ---------------------------------------------------------------------------------------
// plover mode

// PLOVER label -> CAMEO roots, from lines "036: AGREE,  , diplomatic # ...".
std::map<std::string, std::set<std::string>> LoadPloverMap(const std::string& path) {
  std::string all = ReadFileOrFail(path, "CAMEO->PLOVER table");
  static const std::regex kLine(R"(^\s*(\d{2,4})\s*:\s*([A-Z_]+)\s*(,.*|#.*)?$)");
  std::map<std::string, std::set<std::string>> out;
  std::istringstream in(all);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (!std::regex_match(line, m, kLine)) continue;
    out[m[2].str()].insert(m[1].str().substr(0, 2));
  }
  if (out.empty()) Fail(2, path + ": no `code: LABEL` line found");
  return out;
}

// PLOVER 0.5b1 labels that the 2021 table merged into another label.
const std::map<std::string, std::string>& LegacyLabels() {
  static const auto* m = new std::map<std::string, std::string>{
      {"DEMAND", "REQUEST"},
      {"DISAPPROVE", "ACCUSE"},
      {"INVESTIGATE", "ACCUSE"},
      {"FIGHT", "ASSAULT"},
  };
  return *m;
}

// Current ISO 3166-1 alpha-3 country codes, as ICU knows them.
std::set<std::string> IsoAlpha3() {
  std::set<std::string> out;
  for (const char* const* cc = uloc_getISOCountries(); *cc; ++cc) {
    std::string locale = std::string("en_") + *cc;
    const char* a3 = uloc_getISO3Country(locale.c_str());
    if (a3 && std::string(a3).size() == 3) out.insert(a3);
  }
  return out;
}

std::vector<std::string> Codes(const json& actors) {
  std::vector<std::string> out;
  if (!actors.is_array()) return out;
  for (const auto& a : actors) {
    if (a.is_object() && a.contains("code") && a["code"].is_string()) out.push_back(a["code"]);
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, const char* sep = ",") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}
std::string Join(const std::set<std::string>& v, const char* sep = ",") {
  return Join(std::vector<std::string>(v.begin(), v.end()), sep);
}

struct LabelRow {
  long n = 0, tp = 0, fn = 0, fp = 0;
  std::map<std::string, long> first;  // root of the first event ("--": none)
};

int RunPlover(const std::string& path, const std::string& map_path, bool show) {
  std::string all = ReadFileOrFail(path, "PLOVER gold file");
  json records;
  try {
    records = json::parse(all);
  } catch (const json::exception& e) {
    Fail(2, path + ": " + e.what());
  }
  if (!records.is_array()) Fail(2, path + ": expected a JSON array");
  auto plover = LoadPloverMap(map_path);
  std::map<std::string, std::set<std::string>> accept;  // GSR label -> roots
  for (const auto& r : records) {
    std::string label = r.value("event", "");
    if (label.empty() || label == "DOCUMENT" || accept.count(label)) continue;
    auto legacy = LegacyLabels().find(label);
    std::string mapped = legacy != LegacyLabels().end() ? legacy->second : label;
    auto it = plover.find(mapped);
    accept[label] = it != plover.end() ? it->second : std::set<std::string>{};
  }
  std::printf("PLOVER label -> acceptable CAMEO roots (%s)\n", map_path.c_str());
  for (const auto& [label, roots] : accept) {
    auto legacy = LegacyLabels().find(label);
    std::printf(
        "  %-12s %s%s\n", label.c_str(), roots.empty() ? "(none: never a TP)" : Join(roots).c_str(),
        legacy != LegacyLabels().end() ? (" (as 2021 " + legacy->second + ")").c_str() : "");
  }
  std::set<std::string> iso = IsoAlpha3();

  struct Item {
    std::string id, label, text;
    std::vector<std::string> sources, targets;
  };
  std::vector<Item> items;
  for (const auto& r : records) {
    std::string label = r.value("event", "");
    if (label.empty() || label == "DOCUMENT" || !r.contains("text")) continue;
    items.push_back({r.value("id", ""), label, r["text"].get<std::string>(),
                     Codes(r.value("source", json())), Codes(r.value("target", json()))});
  }

  auto pipeline = OpenPipeline();
  std::vector<CodedDocument> coded;
  coded.reserve(items.size());
  size_t sentences = 0;
  auto t0 = Clock::now();
  for (const auto& it : items) {
    CodingOptions options;
    options.lang = "en";
    options.date = "2000-01-01";
    coded.push_back(pipeline->Code(MakeDocument(it.id, "en", "2000-01-01", it.text), options));
    sentences += coded.back().sentences.size();
  }
  double secs = Seconds(t0);

  long tp = 0, fp = 0, fn = 0;     // root level, all events
  long tp1 = 0, fp1 = 0, fn1 = 0;  // root level, first event only
  long tps = 0, fps = 0, fns = 0;  // root + source, checkable records only
  long checkable = 0, silent = 0, events_total = 0;
  std::map<std::string, long> unchecked_codes;
  std::map<std::string, LabelRow> rows;
  std::set<std::string> first_cols;
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& it = items[k];
    const auto& ok_roots = accept[it.label];
    std::vector<Pred> preds = Predictions(coded[k]);
    events_total += static_cast<long>(preds.size());
    if (preds.empty()) ++silent;
    LabelRow& row = rows[it.label];
    ++row.n;
    std::string first = preds.empty() ? "--" : preds.front().root;
    ++row.first[first];
    first_cols.insert(first);

    bool hit = false;
    for (const auto& p : preds) {
      if (ok_roots.count(p.root)) {
        hit = true;
      } else {
        ++fp;
        ++row.fp;
        if (show)
          std::printf("FP %s %s gold %s :: %s\n", it.id.c_str(), Describe(p).c_str(),
                      it.label.c_str(), it.text.c_str());
      }
    }
    if (hit) {
      ++tp;
      ++row.tp;
    } else {
      ++fn;
      ++row.fn;
      if (show) {
        std::printf("MISS %s %s [%s] src %s tgt %s :: %s\n", it.id.c_str(), it.label.c_str(),
                    Join(ok_roots).c_str(), Join(it.sources).c_str(), Join(it.targets).c_str(),
                    it.text.c_str());
      }
    }
    if (preds.empty()) {
      ++fn1;
    } else if (ok_roots.count(preds.front().root)) {
      ++tp1;
    } else {
      ++fp1;
      ++fn1;
    }

    std::set<std::string> gold_src;
    for (const auto& c : it.sources) {
      if (iso.count(c)) {
        gold_src.insert(c);
      } else {
        ++unchecked_codes[c];
      }
    }
    if (gold_src.empty()) continue;
    ++checkable;
    bool hit_s = false;
    for (const auto& p : preds) {
      if (p.source.empty()) continue;
      if (ok_roots.count(p.root) && gold_src.count(p.source)) {
        hit_s = true;
      } else {
        ++fps;
      }
    }
    if (hit_s) {
      ++tps;
    } else {
      ++fns;
    }
  }

  std::printf("plover %s\n", path.c_str());
  PrintSpeed(items.size(), sentences, secs);
  std::printf("per label: records, TP, FN, FP events; root of the first event (-- = none)\n");
  std::printf("  %-12s %4s %4s %4s %4s |", "label", "n", "tp", "fn", "fp");
  for (const auto& c : first_cols) std::printf(" %3s", c.c_str());
  std::printf("\n");
  for (const auto& [label, r] : rows) {
    std::printf("  %-12s %4ld %4ld %4ld %4ld |", label.c_str(), r.n, r.tp, r.fn, r.fp);
    for (const auto& c : first_cols) {
      auto f = r.first.find(c);
      if (f == r.first.end()) {
        std::printf("   .");
      } else {
        std::printf(" %3ld", f->second);
      }
    }
    std::printf("\n");
  }
  std::printf("records %zu  events %ld  records without any event %ld\n", items.size(),
              events_total, silent);
  Prf a = Score(tp, fp, fn), b = Score(tp1, fp1, fn1), c = Score(tps, fps, fns);
  std::printf(
      "root level, all events:   tp %ld fp %ld fn %ld  precision %.3f  recall %.3f  F1 %.3f\n", tp,
      fp, fn, a.p, a.r, a.f1);
  std::printf(
      "root level, first event:  tp %ld fp %ld fn %ld  precision %.3f  recall %.3f  F1 %.3f\n", tp1,
      fp1, fn1, b.p, b.r, b.f1);
  std::string skipped;
  for (const auto& [code, n] : unchecked_codes) {
    skipped += (skipped.empty() ? "" : " ") + code + "x" + std::to_string(n);
  }
  std::printf(
      "root + source key (%ld records with an ISO alpha-3 gold source; codes not "
      "checkable: %s)\n",
      checkable, skipped.empty() ? "none" : skipped.c_str());
  std::printf(
      "                          tp %ld fp %ld fn %ld  precision %.3f  recall %.3f  F1 %.3f\n", tps,
      fps, fns, c.p, c.r, c.f1);
  std::printf("F1 %.3f\n", a.f1);
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: event_eval gold FILE.jsonl [--show]\n"
               "       event_eval plover PLOVER_GSR_CAMEO.json [--map CAMEO2PLOVER.txt] "
               "[--show]\n");
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  vigie::eval::program = "event_eval";
  std::vector<std::string> args;
  bool show = false;
  std::string map_path = "../shared/data/cameo/CAMEO2PLOVER-2021.txt";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--show") {
      show = true;
    } else if (a == "--map" && i + 1 < argc) {
      map_path = argv[++i];
    } else if (a.rfind("--map=", 0) == 0) {
      map_path = a.substr(6);
    } else if (a.rfind("--", 0) == 0) {
      return Usage();
    } else {
      args.push_back(a);
    }
  }
  if (args.size() != 2) return Usage();
  if (args[0] == "gold") return RunGold(args[1], show);
  if (args[0] == "plover") return RunPlover(args[1], map_path, show);
  return Usage();
}
