#include "vigie/events/dictionary.h"

#include <set>

#include <gtest/gtest.h>

#include "testutil.h"

namespace vigie::events {
namespace {

constexpr char kCameo[] =
    "cameo_code\tlevel\troot_code\tquad_class\tgoldstein\tdescription\n"
    "04\t1\t04\t1\t1.0\tCONSULT\n"
    "042\t2\t04\t1\t1.9\tMake a visit\n"
    "161\t2\t16\t4\t-4.0\tReduce or break diplomatic relations\n";

TEST(DictionaryTest, GapsAreBoundedWhateverTheirDigits) {
  std::vector<Element> els;
  EXPECT_EQ(ParsePattern("S accuser *4 T", true, &els), "");
  EXPECT_EQ(els[2].gap, 4);
  EXPECT_EQ(ParsePattern("S accuser * T", true, &els), "");
  EXPECT_EQ(els[2].gap, 3);
  // Found by fuzz_data: a long digit run overflowed the gap's int.
  EXPECT_NE(ParsePattern("S accuser *99999999999 T", true, &els), "");
  EXPECT_NE(ParsePattern("S accuser (*99999999999) T", true, &els), "");
  EXPECT_NE(ParsePattern("S accuser *0 T", true, &els), "");
  EXPECT_NE(ParsePattern("S accuser *x T", true, &els), "");
}

TEST(DictionaryTest, ParsesPatternsIntoElements) {
  std::vector<Element> els;
  ASSERT_EQ(ParsePattern("rompre (*2) relation|lien (de|d'après) avec T", true, &els), "");
  ASSERT_EQ(els.size(), 6u);
  EXPECT_EQ(els[0].kind, ElementKind::kWord);
  EXPECT_EQ(els[1].kind, ElementKind::kGap);
  EXPECT_EQ(els[1].gap, 2);
  EXPECT_EQ(els[2].alternatives.size(), 2u);
  EXPECT_EQ(els[3].kind, ElementKind::kOptional);
  ASSERT_EQ(els[3].alternatives[1].size(), 2u);  // "d'après" is two tokens
  EXPECT_EQ(els[3].alternatives[1][0], "d'");
  EXPECT_EQ(els[3].alternatives[1][1], "apres");
  EXPECT_EQ(els[5].kind, ElementKind::kTarget);
}

TEST(DictionaryTest, RejectsMalformedPatterns) {
  std::vector<Element> els;
  EXPECT_NE(ParsePattern("visiter T T", true, &els), "");
  EXPECT_NE(ParsePattern("visiter *9", true, &els), "");
  EXPECT_NE(ParsePattern("selon S", false, &els), "");
  EXPECT_NE(ParsePattern("a||b", true, &els), "");
}

TEST(DictionaryTest, BadLinesAreReportedWithFileAndLineAndSkipped) {
  auto cameo = CameoTable::Parse(kCameo);
  ASSERT_VIGIE_OK(cameo.status());
  Dictionary d("fr");
  std::vector<std::string> warnings;
  d.AddRules(
      "# comment\n"
      "042 visiter visiter T   # trailing comment\n"
      "999 nope visiter T\n"
      "161 bad-id rompre T\n"
      "042 gaps_only (*2) T\n"
      "161 rompre rompre (*2) relation avec T\n",
      "fr.dict", **cameo, &warnings);
  ASSERT_EQ(d.rules().size(), 2u);
  EXPECT_EQ(d.rules()[0].id, "fr.visiter");
  EXPECT_EQ(d.rules()[0].pattern, "visiter T");
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find("fr.dict:3: unknown CAMEO code 999"), std::string::npos);
  EXPECT_NE(warnings[1].find("fr.dict:4: bad rule id"), std::string::npos);
  EXPECT_NE(warnings[2].find("fr.dict:5:"), std::string::npos);
  EXPECT_EQ(d.RulesFor("rompre").size(), 1u);
  EXPECT_TRUE(d.RulesFor("partir").empty());
}

TEST(DictionaryTest, TheBundledDictionariesLoadWithoutWarnings) {
  const std::string data = testing::EnvOr("VIGIE_SOURCE", ".") + std::string("/data");
  auto cameo = CameoTable::Load(data + "/cameo/cameo_codes_goldstein_quad.tsv");
  ASSERT_VIGIE_OK(cameo.status());
  for (const char* lang : {"fr", "en"}) {
    std::vector<std::string> warnings;
    auto d = Dictionary::Load(data + "/events", lang, **cameo, &warnings);
    ASSERT_VIGIE_OK(d.status());
    EXPECT_GT((*d)->rules().size(), 150u) << lang;
    EXPECT_FALSE((*d)->cues().empty()) << lang;
    for (const auto& w : warnings) ADD_FAILURE() << w;
    // Every CAMEO root has at least one rule.
    std::set<std::string> roots;
    for (const auto& r : (*d)->rules()) roots.insert((*cameo)->Find(r.cameo)->root);
    EXPECT_EQ(roots.size(), 20u) << lang;
  }
}

}  // namespace
}  // namespace vigie::events
