#include "vigie/text/language.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace vigie::text {
namespace {

TEST(LanguageTest, French) {
  LanguageGuess g = DetectLanguage(
      "Le ministre russe des Affaires étrangères est arrivé à Alger lundi pour une visite "
      "officielle de deux jours, au cours de laquelle il s’est entretenu avec son homologue "
      "algérien et a été reçu par le président de la République.");
  EXPECT_EQ(g.code, "fr");
  EXPECT_TRUE(g.reliable);
  EXPECT_GT(g.percent, 80);
}

TEST(LanguageTest, English) {
  LanguageGuess g = DetectLanguage(
      "The Iraqi parliament voted on Sunday to expel United States troops from the country, "
      "two days after a drone strike near Baghdad airport killed a senior Iranian general.");
  EXPECT_EQ(g.code, "en");
  EXPECT_TRUE(g.reliable);
  EXPECT_GT(g.percent, 80);
}

TEST(LanguageTest, ShortParagraphsStillGetAGuess) {
  LanguageGuess fr = DetectLanguage("Qui sème le vent récolte la tempête !");
  EXPECT_EQ(fr.code, "fr");
  EXPECT_GT(fr.percent, 0);
  EXPECT_EQ(DetectLanguage("The talks were cancelled.").code, "en");
  EXPECT_EQ(DetectLanguage("Le S-400 bientôt en Algérie?").code, "fr");
  // A guess on a handful of words is never presented as reliable.
  EXPECT_FALSE(DetectLanguage("Bravo").reliable);
  EXPECT_FALSE(DetectLanguage("Hotel Paris").reliable);
}

TEST(LanguageTest, HintTipsAnAmbiguousCase) {
  // Words shared by French and English: the hint (the document's or the site's language)
  // decides.
  for (const char* ambiguous : {"Hotel Paris", "Restaurant menu", "Conference: Paris, Moscou"}) {
    EXPECT_EQ(DetectLanguage(ambiguous, "fr").code, "fr") << ambiguous;
    EXPECT_EQ(DetectLanguage(ambiguous, "en").code, "en") << ambiguous;
  }
  // A short French sentence that CLD2 alone calls English: the hint puts it right.
  EXPECT_EQ(DetectLanguage("Mais on a tendance à l’oublier.", "fr").code, "fr");
  // A hint never overrides clear text.
  EXPECT_EQ(DetectLanguage("The government announced new sanctions against the regime on "
                           "Tuesday, the foreign minister said.",
                           "fr")
                .code,
            "en");
  EXPECT_EQ(DetectLanguage("Qui sème le vent récolte la tempête !", "en").code, "fr");
}

TEST(LanguageTest, UnknownHintIsIgnored) {
  EXPECT_EQ(DetectLanguage("Le gouvernement a annoncé de nouvelles sanctions mardi.", "zz").code,
            "fr");
}

TEST(LanguageTest, EmptyAndNonTextual) {
  LanguageGuess empty = DetectLanguage("");
  EXPECT_EQ(empty.code, "");
  EXPECT_EQ(empty.percent, 0);
  EXPECT_FALSE(empty.reliable);
  EXPECT_EQ(DetectLanguage("  \n\t ").code, "");
  EXPECT_EQ(DetectLanguage("12345 67.89 -- !!").code, "");
}

TEST(LanguageTest, InvalidUtf8DoesNotStopDetection) {
  std::string s =
      "Le pr\xe9sident de la R\xe9publique a re\xe7u le ministre des affaires "
      "\xe9trang\xe8res hier soir au palais pour un entretien sur la situation.";
  EXPECT_EQ(DetectLanguage(s).code, "fr");
}

TEST(LanguageTest, OtherLanguagesUseIso6391) {
  EXPECT_EQ(DetectLanguage("Der Bundeskanzler hat am Dienstag in Berlin den französischen "
                           "Präsidenten empfangen und über die Lage in der Ukraine gesprochen.")
                .code,
            "de");
  EXPECT_EQ(DetectLanguage("הממשלה הודיעה היום על סנקציות חדשות נגד המשטר בעקבות ההתקפה").code,
            "he");
}

// Fuzzing under UBSan found CLD2 leaving out-of-range language values for some inputs;
// any bytes must give a guess or nothing, never undefined behaviour (make test-asan).
TEST(LanguageTest, ArbitraryBytesGiveAGuessOrNothing) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255), len(1, 64);
  for (int i = 0; i < 2000; ++i) {
    std::string s(static_cast<size_t>(len(rng)), ' ');
    for (char& c : s) c = static_cast<char>(byte(rng));
    const auto g = DetectLanguage(s, i % 2 ? "fr" : "");
    EXPECT_TRUE(g.code.empty() || g.code.size() >= 2) << g.code;
  }
}

TEST(LanguageFromTagTest, KeepsTheTwoLetterPrimarySubtag) {
  EXPECT_EQ(LanguageFromTag("fr-FR"), "fr");
  EXPECT_EQ(LanguageFromTag(" EN_gb "), "en");
  EXPECT_EQ(LanguageFromTag("de"), "de");
  EXPECT_EQ(LanguageFromTag("fra"), "");
  EXPECT_EQ(LanguageFromTag("x"), "");
  EXPECT_EQ(LanguageFromTag("12-34"), "");
}

}  // namespace
}  // namespace vigie::text
