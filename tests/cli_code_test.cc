// End to end: `vigie code` and `vigie actors` on the bundled seeds and on inputs written by
// the test, checking DESIGN.md's contract (one JSON event a line, exit codes, errors).

#include <set>
#include <string>

#include "cli_testutil.h"

namespace {

using CliCodeTest = vigie::testing::CliTest;
using vigie::testing::RunResult;
namespace fs = std::filesystem;

std::string Source() { return vigie::testing::EnvOr("VIGIE_SOURCE", "."); }

TEST_F(CliCodeTest, EventsFollowTheContract) {
  fs::path p = Write(
      "one.jsonl",
      R"({"id":"s003-06","text":"Le 4 août dernier, le Mali a rompu ses relations avec l’Ukraine.","date":"2024-08-05","lang":"fr"})"
      "\n");
  RunResult r = Run("code --quiet " + p.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.docs.size(), 1u) << r.out;
  const auto& e = r.docs[0];
  EXPECT_EQ(e["doc_id"], "s003-06");
  EXPECT_EQ(e["sentence"], 0);
  EXPECT_EQ(e["date"], "2024-08-04");
  EXPECT_EQ(e["lang"], "fr");
  EXPECT_EQ(e["source"]["code"], "MLI");
  EXPECT_EQ(e["source"]["country"], "MLI");
  EXPECT_TRUE(e["source"]["org"].is_null());
  EXPECT_EQ(e["source"]["text"], "le Mali");
  EXPECT_EQ(e["target"]["country"], "UKR");
  EXPECT_EQ(e["cameo"].get<std::string>().substr(0, 2), "16");
  EXPECT_EQ(e["root"], "16");
  EXPECT_EQ(e["quad"], 4);
  EXPECT_TRUE(e["goldstein"].is_number());
  EXPECT_EQ(e["modality"], "asserted");
  EXPECT_TRUE(e["evidence"].is_array());
  EXPECT_TRUE(e["rule"].get<std::string>().rfind("fr.", 0) == 0);
}

TEST_F(CliCodeTest, StdinIsJsonlAndTheDateFlagDatesUndatedDocuments) {
  RunResult r = Run("code --quiet --date 2024-09-01 -",
                    R"({"id":"x","text":"Le Mali a rompu ses relations avec l'Ukraine."})"
                    "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.docs.size(), 1u) << r.out;
  EXPECT_EQ(r.docs[0]["date"], "2024-09-01");
}

TEST_F(CliCodeTest, BadInputsAreReportedAndTheRestIsCoded) {
  fs::path good =
      Write("good.jsonl",
            R"({"id":"g","text":"Le Mali a rompu ses relations avec l'Ukraine.","lang":"fr"})"
            "\n{broken\n");
  RunResult r = Run("code --quiet " + (dir_ / "missing.jsonl").string() + " " + good.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.jsonl"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("good.jsonl:2"), std::string::npos) << r.err;
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0]["doc_id"], "g");
}

TEST_F(CliCodeTest, UsageErrorsExitOne) {
  EXPECT_EQ(Run("code --quiet --date yesterday -").exit_code, 1);
  EXPECT_EQ(Run("code").exit_code, 1);
  EXPECT_EQ(Run("code --data " + (dir_ / "nodata").string() + " -").exit_code, 2);
}

TEST_F(CliCodeTest, ExplainShowsTokensActorsRulesAndEvents) {
  RunResult r =
      Run("code --lang fr --date 2024-09-01 --explain \"Le Mali a rompu ses relations avec "
          "l'Ukraine.\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* part : {"tokens", "rompre", "mentions:", "MLI", "rules tried:", "fr.",
                           "events:", "\"root\":\"16\""}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
  }
}

TEST_F(CliCodeTest, ActorsPrintOneMentionALine) {
  fs::path p = Write(
      "a.jsonl",
      R"({"id":"a","text":"Le ministre russe des Affaires étrangères est arrivé à Alger.","lang":"fr","date":"2022-05-09"})"
      "\n");
  RunResult r = Run("actors --quiet " + p.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.docs.size(), 2u) << r.out;
  EXPECT_EQ(r.docs[0]["kind"], "actor");
  EXPECT_EQ(r.docs[0]["code"], "RUSGOV");
  EXPECT_EQ(r.docs[0]["span"][0], 0);
  EXPECT_EQ(r.docs[1]["kind"], "place");
  EXPECT_EQ(r.docs[1]["country"], "DZA");
  EXPECT_TRUE(r.docs[1]["lat"].is_number());
}

// The seeds as shipped: the key events of both articles come out.
TEST_F(CliCodeTest, TheBundledSeedsYieldTheirKeyDyads) {
  RunResult r = Run("code --quiet " + Source() + "/data/corpus/seeds.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // An actor's key is its country, else its organisation (DESIGN.md).
  auto key = [](const nlohmann::json& a) -> std::string {
    if (a.is_null()) return "";
    if (a["country"].is_string()) return a["country"];
    return a["org"].is_string() ? a["org"].get<std::string>() : "";
  };
  std::set<std::string> dyads;
  for (const auto& e : r.docs) {
    dyads.insert(key(e["source"]) + ">" + key(e["target"]) + ":" + e["root"].get<std::string>());
  }
  EXPECT_TRUE(dyads.count("MLI>UKR:16")) << r.out;
  EXPECT_TRUE(dyads.count("RUS>DZA:04")) << r.out;
  EXPECT_TRUE(dyads.count("RUS>DZA:11")) << r.out;
}

}  // namespace
