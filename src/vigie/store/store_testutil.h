#pragma once
// Test documents for the store and its front ends: a document with one sentence per paragraph
// (then one per reader comment) and hand-made events, so that tests state exactly what is
// stored. Test-only; header-only.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vigie/base/strings.h"
#include "vigie/store/records.h"

namespace vigie::store {

inline actors::Actor State(const std::string& iso3, const std::string& role = "GOV") {
  static const std::map<std::string, std::string> kNames = {{"DZA", "Algeria"},
                                                            {"RUS", "Russia"},
                                                            {"MLI", "Mali"},
                                                            {"UKR", "Ukraine"},
                                                            {"FRA", "France"}};
  actors::Actor a;
  a.country = iso3;
  a.role = role;
  a.code = iso3 + role;
  a.name = kNames.count(iso3) ? kNames.at(iso3) : iso3;
  return a;
}

// Quad class and a Goldstein-like score per root, enough for the tests.
inline int Quad(const std::string& root) {
  int r = std::stoi(root);
  return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}

struct Ev {
  uint32_t sentence;
  std::string date;
  std::string source;
  std::string target;
  std::string cameo;
  double goldstein;
  events::Modality modality = events::Modality::kAsserted;
  bool from_comment = false;
  std::optional<events::Location> location = std::nullopt;
};

// A document with its sentences (one per paragraph, then one per comment) and its events.
struct TestDoc {
  ingest::Document doc;
  std::vector<SentenceInput> sentences;
  std::vector<events::Event> events;

  DocumentInput Input() const { return DocumentInput{&doc, sentences, events}; }
};

inline TestDoc MakeDoc(const std::string& id, const std::string& site, const std::string& date,
                       const std::string& title, const std::vector<std::string>& paragraphs,
                       const std::vector<Ev>& evs, const std::vector<std::string>& comments = {}) {
  TestDoc t;
  t.doc.id = id;
  t.doc.url = "https://" + site + "/" + id;
  t.doc.site = site;
  t.doc.title = title;
  t.doc.date = date;
  t.doc.lang = "fr";
  t.doc.format = ingest::Format::kHtml;
  for (const std::string& p : paragraphs) {
    t.doc.paragraphs.push_back({p, "fr"});
    // A fake tone: sentences with "accord" are positive, with "tués" negative.
    tone::ToneScore s{20, 0, 0};
    if (p.find("accord") != std::string::npos) s.positive_words = 2;
    if (p.find("tués") != std::string::npos) s.negative_words = 3;
    t.sentences.push_back({p, s, -1});
  }
  for (size_t i = 0; i < comments.size(); ++i) {
    t.doc.comments.push_back({comments[i], "lecteur", ""});
    t.sentences.push_back({comments[i], tone::ToneScore{10, 0, 4}, static_cast<int32_t>(i)});
  }
  for (const Ev& e : evs) {
    events::Event ev;
    ev.doc_id = id;
    ev.sentence = e.sentence;
    ev.text = e.sentence < t.sentences.size() ? t.sentences[e.sentence].text : "";
    ev.date = e.date;
    ev.lang = "fr";
    ev.source = State(e.source);
    ev.source_text = ev.source.name;
    ev.target = State(e.target);
    ev.target_text = ev.target.name;
    ev.cameo = e.cameo;
    ev.root = e.cameo.substr(0, 2);
    ev.quad = Quad(ev.root);
    ev.goldstein = e.goldstein;
    ev.modality = e.modality;
    ev.location = e.location;
    ev.evidence_begin = 3;
    ev.evidence_end = 9;
    ev.rule = "test." + e.cameo;
    ev.from_comment = e.from_comment;
    t.events.push_back(std::move(ev));
  }
  return t;
}

// Distinct filler so that test documents are not near-copies of each other.
inline std::string Filler(const std::string& seed) {
  static const char* kWords[] = {"ministre", "capitale",  "delegation", "frontiere", "gaz",
                                 "sahel",    "entretien", "ambassade",  "armee",     "port",
                                 "sommet",   "energie",   "visite",     "presse",    "budget",
                                 "ble",      "pipeline",  "region",     "conseil",   "route"};
  uint64_t h = str::Fnv1a64(seed);
  std::string out;
  for (int i = 0; i < 24; ++i) {
    h = h * 6364136223846793005ull + 1442695040888963407ull;
    if (!out.empty()) out.push_back(' ');
    out += kWords[(h >> 33) % 20];
    out += std::to_string((h >> 20) % 97);
  }
  return out;
}

}  // namespace vigie::store
