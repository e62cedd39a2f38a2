// Actor and place recognition against the hand-annotated gold, in process:
//   - tests/testdata/gold/seeds-actors.jsonl (every mention in the article sentences of
//     data/corpus/seeds.jsonl): every gold mention must be found, with the right kind and key
//     (and code for actors), except the recognizer gaps listed in kKnownSeedFailures;
//   - data/dev/actors-dev.jsonl: full F1 (span overlap + kind + key, as bench/actors_eval's
//     last line) must stay above kDevF1Floor.
// Gold format and span placement as in bench/actors_eval.cc (see its header comment).

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "eval_util.h"
#include "testutil.h"
#include "vigie/actors/mention.h"
#include "vigie/base/utf8.h"
#include "vigie/pipeline/coding.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;
using actors::MentionKind;
using nlohmann::json;

// Full F1 (actors_eval's last line) measured when each floor was set; the floors sit about
// 0.05 below so that regressions show. data/dev/actors-dev.jsonl: 0.931 (0.841 when this test
// was written); data/dev/actors-heldout.jsonl, written blind: 0.800 (0.716 before the rules
// of the session that added it).
constexpr double kDevF1Floor = 0.88;
constexpr double kHeldoutF1Floor = 0.75;

// Gold mentions of seeds-actors.jsonl the recognizer does not find yet (line id, mention
// text, and which of the line's gold mentions with that text, 1-based in file order): real
// recognizer or gazetteer gaps, not gold errors. Remove an entry when it is fixed; the test
// fails on entries that pass, so that this list stays exact.
struct KnownFailure {
  const char* id;
  const char* text;
  int nth = 1;
};
// Empty since every seed mention is found; kept so that a gap found later is listed here,
// by name, rather than hidden.
const std::vector<KnownFailure> kKnownSeedFailures = {};

// ---------------------------------------------------------------------------------------

uint32_t NextCodePoint(const std::string& s, size_t* i) {
  return vigie::utf8::DecodeNext(s, i);  // invalid bytes count as one code point
}

uint32_t CodePoints(const std::string& s, size_t bytes) {
  uint32_t n = 0;
  for (size_t i = 0; i < bytes && i < s.size(); ++n) NextCodePoint(s, &i);
  return n;
}

bool IsWordChar(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7;
}

// Whether the bytes [pos, end) of `s` start and end on word boundaries.
bool WholeWord(const std::string& s, size_t pos, size_t end) {
  uint32_t before = 0, after = 0;
  if (pos > 0) {
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    before = NextCodePoint(s, &start);
  }
  if (end < s.size()) after = NextCodePoint(s, &end);
  return !IsWordChar(before) && !IsWordChar(after);
}

struct Span {
  uint32_t begin = 0, end = 0;
};
uint32_t Overlap(Span a, Span b) {
  uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

struct Item {  // a gold or predicted mention
  MentionKind kind = MentionKind::kActor;
  std::string text, code, key;
  Span span;
};

struct GoldLine {
  std::string id, doc, lang, date, text;
  std::vector<Item> mentions;
};

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// Longest texts first, each on its first whole-word occurrence not taken by an earlier one.
bool Place(GoldLine* g, std::string* error) {
  std::vector<Item*> order;
  for (auto& m : g->mentions) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(),
                   [](const Item* a, const Item* b) { return a->text.size() > b->text.size(); });
  std::vector<Span> taken;
  for (Item* m : order) {
    bool placed = false;
    for (int pass = 0; pass < 2 && !placed; ++pass) {
      for (size_t pos = g->text.find(m->text); pos != std::string::npos && !m->text.empty();
           pos = g->text.find(m->text, pos + 1)) {
        size_t end = pos + m->text.size();
        if (pass == 0 && !WholeWord(g->text, pos, end)) continue;
        Span s{CodePoints(g->text, pos), CodePoints(g->text, end)};
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const Span& t) { return Overlap(s, t) > 0; })) {
          continue;
        }
        m->span = s;
        taken.push_back(s);
        placed = true;
        break;
      }
    }
    if (!placed) {
      *error = g->id + ": mention \"" + m->text + "\" not found in the text";
      return false;
    }
  }
  return true;
}

std::vector<GoldLine> LoadGold(const fs::path& path) {
  std::vector<GoldLine> out;
  std::istringstream in(testing::ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line);
    GoldLine g;
    g.id = Str(j, "id");
    g.doc = Str(j, "doc");
    g.lang = Str(j, "lang");
    g.date = Str(j, "date");
    g.text = Str(j, "text");
    for (const auto& m : j.value("mentions", json::array())) {
      Item it;
      it.text = Str(m, "text");
      it.kind = Str(m, "kind") == "place" ? MentionKind::kPlace : MentionKind::kActor;
      std::string country = Str(m, "country");
      it.code = it.kind == MentionKind::kPlace ? "" : Str(m, "code");
      it.key = it.kind == MentionKind::kPlace || !country.empty() ? country : Str(m, "org");
      g.mentions.push_back(std::move(it));
    }
    std::string error;
    EXPECT_TRUE(Place(&g, &error)) << path << ": " << error;
    out.push_back(std::move(g));
  }
  return out;
}

class ActorsGoldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* src = std::getenv("VIGIE_SOURCE");
    data_dir_ = pipeline::FindDataDir();
    if (src && fs::is_directory(fs::path(src) / "data" / "gazetteer")) {
      data_dir_ = (fs::path(src) / "data").string();
    }
    std::vector<std::string> warnings;
    auto p = pipeline::CodingPipeline::Open(data_dir_, &warnings);
    if (p.ok()) pipeline_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  // The predicted mentions of every line, spans in code points of the line, coded as
  // bench/actors_eval codes them (CodeForActors: the lines of one "doc" as one document).
  std::vector<std::vector<Item>> Code(const std::vector<GoldLine>& gold) {
    std::vector<pipeline::CodedDocument> coded = eval::CodeForActors(pipeline_, gold);
    std::vector<std::vector<Item>> out(gold.size());
    for (size_t k = 0; k < gold.size(); ++k) {
      const std::string& text = gold[k].text;
      for (const auto& cs : coded[k].sentences) {
        size_t offset = cs.sentence.offset;
        if (text.compare(offset, cs.sentence.text.size(), cs.sentence.text) != 0) {
          ADD_FAILURE() << gold[k].id << ": sentence not at its offset " << offset;
          continue;
        }
        uint32_t base = CodePoints(text, offset);
        for (const auto& m : cs.mentions) {
          Item it;
          it.kind = m.kind;
          it.text = m.text;
          it.code = m.kind == MentionKind::kPlace ? "" : m.actor.code;
          it.key = m.kind == MentionKind::kPlace ? m.actor.country : m.actor.Key();
          it.span = {base + m.cp_begin, base + m.cp_end};
          out[k].push_back(std::move(it));
        }
      }
    }
    return out;
  }

  // One-to-one pairs (gold, predicted) of the same kind and key (and code when `code`) whose
  // spans overlap, largest overlap first.
  static std::vector<std::pair<size_t, size_t>> Pair(const std::vector<Item>& gold,
                                                     const std::vector<Item>& preds, bool code) {
    std::vector<std::tuple<uint32_t, size_t, size_t>> cands;
    for (size_t gi = 0; gi < gold.size(); ++gi) {
      for (size_t pi = 0; pi < preds.size(); ++pi) {
        const Item& g = gold[gi];
        const Item& p = preds[pi];
        if (g.kind != p.kind || g.key != p.key || (code && g.code != p.code)) continue;
        if (uint32_t ov = Overlap(g.span, p.span)) cands.emplace_back(ov, gi, pi);
      }
    }
    std::stable_sort(cands.begin(), cands.end(),
                     [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    std::vector<bool> gu(gold.size()), pu(preds.size());
    std::vector<std::pair<size_t, size_t>> out;
    for (const auto& [ov, gi, pi] : cands) {
      if (gu[gi] || pu[pi]) continue;
      gu[gi] = pu[pi] = true;
      out.emplace_back(gi, pi);
    }
    return out;
  }

  static std::string Describe(const Item& m) {
    return std::string(m.kind == MentionKind::kPlace ? "place" : "actor") + " \"" + m.text + "\" " +
           (m.kind == MentionKind::kPlace ? m.key : m.code);
  }

  // Full F1 of a gold file (span overlap + kind + key, as bench/actors_eval's last line).
  double FullF1(const fs::path& path) {
    std::vector<GoldLine> gold = LoadGold(path);
    EXPECT_GT(gold.size(), 50u) << path;
    long tp = 0, fp = 0, fn = 0;
    std::vector<std::vector<Item>> coded = Code(gold);
    for (size_t line = 0; line < gold.size(); ++line) {
      const GoldLine& g = gold[line];
      const std::vector<Item>& preds = coded[line];
      long matched = static_cast<long>(Pair(g.mentions, preds, false).size());
      tp += matched;
      fp += static_cast<long>(preds.size()) - matched;
      fn += static_cast<long>(g.mentions.size()) - matched;
    }
    double p = tp + fp ? double(tp) / double(tp + fp) : 0.0;
    double r = tp + fn ? double(tp) / double(tp + fn) : 0.0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    std::printf("%s: tp %ld fp %ld fn %ld  P %.3f R %.3f F1 %.3f\n", path.filename().c_str(), tp,
                fp, fn, p, r, f1);
    return f1;
  }

  static inline std::string data_dir_;
  static inline pipeline::CodingPipeline* pipeline_ = nullptr;
};

TEST_F(ActorsGoldTest, SeedsEveryMentionFound) {
  ASSERT_NE(pipeline_, nullptr) << "cannot open the pipeline on " << data_dir_;
  fs::path path = testing::TestData() / "gold" / "seeds-actors.jsonl";
  ASSERT_TRUE(fs::is_regular_file(path)) << path;
  std::vector<GoldLine> gold = LoadGold(path);
  ASSERT_GT(gold.size(), 30u);

  using Key = std::tuple<std::string, std::string, int>;
  std::set<Key> known_set, seen_known;
  for (const auto& k : kKnownSeedFailures) known_set.insert({k.id, k.text, k.nth});
  std::vector<std::string> failures, fixed;
  size_t total = 0;
  std::vector<std::vector<Item>> coded = Code(gold);
  for (size_t line = 0; line < gold.size(); ++line) {
    const GoldLine& g = gold[line];
    const std::vector<Item>& preds = coded[line];
    auto pairs = Pair(g.mentions, preds, /*code=*/true);
    std::vector<bool> found(g.mentions.size());
    for (auto [gi, pi] : pairs) found[gi] = true;
    std::map<std::string, int> nth;
    for (size_t gi = 0; gi < g.mentions.size(); ++gi) {
      ++total;
      const Item& m = g.mentions[gi];
      Key key{g.id, m.text, ++nth[m.text]};
      bool known = known_set.count(key) > 0;
      if (known) seen_known.insert(key);
      if (found[gi]) {
        if (known) fixed.push_back(g.id + " " + Describe(m) + " #" + std::to_string(nth[m.text]));
        continue;
      }
      if (known) continue;
      std::string got;
      for (const auto& p : preds) {
        if (Overlap(p.span, m.span) > 0) got += (got.empty() ? "" : ", ") + Describe(p);
      }
      failures.push_back(g.id + " " + Describe(m) + " #" + std::to_string(nth[m.text]) + " <- " +
                         (got.empty() ? "nothing" : got));
    }
  }
  std::string list;
  for (const auto& f : failures) list += "\n  " + f;
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << total
                                << " gold mentions not found with the right kind, key and code:"
                                << list;
  std::string fixed_list;
  for (const auto& f : fixed) fixed_list += "\n  " + f;
  EXPECT_TRUE(fixed.empty()) << "now found, remove from kKnownSeedFailures:" << fixed_list;
  for (const auto& k : known_set) {
    EXPECT_TRUE(seen_known.count(k))
        << "kKnownSeedFailures entry matches no gold mention: " << std::get<0>(k) << " \""
        << std::get<1>(k) << "\" #" << std::get<2>(k);
  }
}

TEST_F(ActorsGoldTest, DevAndHeldoutF1AboveFloors) {
  ASSERT_NE(pipeline_, nullptr) << "cannot open the pipeline on " << data_dir_;
  for (const auto& [name, floor] : {std::pair{"actors-dev.jsonl", kDevF1Floor},
                                    std::pair{"actors-heldout.jsonl", kHeldoutF1Floor}}) {
    fs::path path = fs::path(data_dir_) / "dev" / name;
    ASSERT_TRUE(fs::is_regular_file(path)) << path;
    EXPECT_GE(FullF1(path), floor)
        << "actors F1 on " << path << " fell below the floor " << floor << "; run "
        << "`build/bench/actors_eval " << path.string() << " --show` to see the errors";
  }
}

}  // namespace
}  // namespace vigie
