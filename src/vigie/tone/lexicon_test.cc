#include "vigie/tone/lexicon.h"

#include <array>
#include <filesystem>
#include <string_view>

#include <gtest/gtest.h>

#include "testutil.h"

namespace vigie::tone {
namespace {

std::filesystem::path ToneDir() {
  return std::filesystem::path(testing::EnvOr("VIGIE_SOURCE", ".")) / "data" / "tone";
}

TEST(ToneScoreTest, IsPercentPositiveMinusPercentNegative) {
  ToneLexicon lex;
  lex.Add("en", "peace", 2.5);
  lex.Add("en", "attack", -2.5);
  lex.Add("en", "killed", -3.5);
  std::array<std::string_view, 10> words = {"the", "attack", "killed", "ten",   "people",
                                            "and", "ended",  "the",    "peace", "talks"};
  ToneScore s = lex.Score("en", words);
  EXPECT_EQ(s.words, 10u);
  EXPECT_EQ(s.positive_words, 1u);
  EXPECT_EQ(s.negative_words, 2u);
  EXPECT_DOUBLE_EQ(s.positive(), 10.0);
  EXPECT_DOUBLE_EQ(s.negative(), 20.0);
  EXPECT_DOUBLE_EQ(s.tone(), -10.0);
  EXPECT_DOUBLE_EQ(s.polarity(), 30.0);
}

TEST(ToneScoreTest, EmptySpanIsNeutral) {
  ToneLexicon lex;
  ToneScore s = lex.Score("fr", std::span<const std::string_view>());
  EXPECT_EQ(s.words, 0u);
  EXPECT_DOUBLE_EQ(s.tone(), 0.0);
}

TEST(ToneScoreTest, SumsAcrossSentences) {
  ToneScore a{10, 2, 0};
  ToneScore b{30, 0, 4};
  a += b;
  EXPECT_EQ(a, (ToneScore{40, 2, 4}));
  EXPECT_DOUBLE_EQ(a.tone(), 5.0 - 10.0);
}

TEST(ToneLexiconTest, FallsBackToLemmaWhenFormUnknown) {
  ToneLexicon lex;
  lex.Add("fr", "tuer", -3.5);
  std::array<std::string_view, 3> forms = {"soldats", "ont", "tues"};
  std::array<std::string_view, 3> lemmas = {"soldat", "avoir", "tuer"};
  ToneScore s = lex.Score("fr", forms, lemmas);
  EXPECT_EQ(s.negative_words, 1u);
  // Without lemmas the inflected form is unknown.
  EXPECT_EQ(lex.Score("fr", forms).negative_words, 0u);
}

TEST(ToneLexiconTest, LanguagesAreSeparateAndUnknownReadsEnglish) {
  ToneLexicon lex;
  lex.Add("fr", "accord", 2);
  lex.Add("en", "agreement", 2);
  EXPECT_TRUE(lex.Lookup("fr", "accord").has_value());
  EXPECT_FALSE(lex.Lookup("en", "accord").has_value());
  EXPECT_TRUE(lex.Lookup("de", "agreement").has_value());
}

TEST(ToneLexiconTest, ZeroScoreRemovesAKey) {
  ToneLexicon lex;
  lex.Add("en", "united", 1.8);
  lex.Add("en", "united", 0);
  EXPECT_FALSE(lex.Lookup("en", "united").has_value());
}

TEST(ToneLexiconTest, LoadsTheShippedLexicons) {
  auto lex = ToneLexicon::Load(ToneDir());
  ASSERT_VIGIE_OK(lex.status());
  EXPECT_GT(lex->size("en"), 5000u);
  EXPECT_GT(lex->size("fr"), 2000u);
  // Hand-written news vocabulary (data/tone/*-news.tsv) on top of the seeds.
  for (std::string_view w : {"accord", "cooperation", "partenariat", "paix", "cessez-le-feu"}) {
    ASSERT_TRUE(lex->Lookup("fr", w).has_value()) << w;
    EXPECT_GT(*lex->Lookup("fr", w), 0) << w;
  }
  for (std::string_view w :
       {"sanction", "tuer", "attaque", "frappe", "otage", "rupture", "menace", "condamner"}) {
    ASSERT_TRUE(lex->Lookup("fr", w).has_value()) << w;
    EXPECT_LT(*lex->Lookup("fr", w), 0) << w;
  }
  for (std::string_view w : {"sanctions", "killed", "hostage"}) {
    ASSERT_TRUE(lex->Lookup("en", w).has_value()) << w;
    EXPECT_LT(*lex->Lookup("en", w), 0) << w;
  }
  EXPECT_GT(*lex->Lookup("en", "ceasefire"), 0);
  // Words that are mostly parts of names or function words in news carry no tone.
  EXPECT_FALSE(lex->Lookup("en", "united").has_value());
  EXPECT_FALSE(lex->Lookup("fr", "securite").has_value());
  EXPECT_FALSE(lex->Lookup("fr", "plus").has_value());
}

TEST(ToneLexiconTest, FrenchNewsSentencesReadTheRightWay) {
  auto lex = ToneLexicon::Load(ToneDir());
  ASSERT_VIGIE_OK(lex.status());
  std::array<std::string_view, 9> coop = {
      "l'", "algerie", "et", "la", "russie", "signent", "un", "partenariat", "strategique"};
  EXPECT_GT(lex->Score("fr", coop).tone(), 0);
  std::array<std::string_view, 8> forms = {"des", "frappes", "ont",   "tue",
                                           "des", "otages",  "selon", "l'armee"};
  std::array<std::string_view, 8> lemmas = {"de", "frappe", "avoir", "tuer",
                                            "de", "otage",  "selon", "l'armee"};
  EXPECT_LT(lex->Score("fr", forms, lemmas).tone(), 0);
}

TEST(ToneLexiconTest, MissingDirectoryIsNotFound) {
  auto lex = ToneLexicon::Load("/nonexistent/tone");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), Status::Code::kNotFound);
  EXPECT_NE(lex.status().message().find("en.tsv"), std::string::npos);
}

TEST(ToneLexiconTest, MalformedLineIsCorruptionWithLineNumber) {
  auto dir = std::filesystem::temp_directory_path() / "vigie_tone_bad";
  testing::WriteFile(dir / "en.tsv", "# comment\ngood\t1\nbad line\n");
  testing::WriteFile(dir / "fr.tsv", "");
  auto lex = ToneLexicon::Load(dir);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), Status::Code::kCorruption);
  EXPECT_NE(lex.status().message().find("en.tsv:3"), std::string::npos) << lex.status().ToString();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vigie::tone
