#include "vigie/actors/gazetteer.h"

#include <set>

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/text/analyzer.h"

namespace vigie::actors {
namespace {

// Twelve columns: form lang type country org role name lat lon from to rank.
constexpr char kTsv[] =
    "# a comment\n"
    "Algérie\t*\tcountry\tDZA\t\t\tAlgeria\t28\t3\t\t\t\n"
    "ministre des Affaires étrangères\tfr\trole\t\t\tGOV\tforeign minister\t\t\t\t\t\n"
    "ministre\tfr\trole\t\t\tGOV\tminister\t\t\t\t\t\n"
    "Ramtane Lamamra\t*\tperson\tDZA\t\tGOV\tRamtane Lamamra\t\t\t2021-07-07\t2023-03-18\t\n"
    "Gao\t*\tplace\tMLI\t\t\tGao\t16.27\t-0.04\t\t\t86633\n"
    "Gao\t*\tplace\tBFA\t\t\tGao\t11.65\t-1.81\t\t\t3000\n"
    "le Kremlin\t*\tmetonym\tRUS\t\tGOV\tKremlin\t\t\t\t\t\n"
    "too\tfew\tcolumns\n"
    "Nowhere\t*\tplanet\t\t\t\t\t\t\t\t\t\n"
    "Bad\t*\tplace\tMLI\t\t\tBad\t95\t0\t\t\t\n";

TEST(GazetteerTest, LoadsValidLinesAndReportsBadOnesWithTheirLine) {
  Gazetteer g;
  std::vector<std::string> warnings;
  g.AddTsv(kTsv, "test.tsv", &warnings);
  EXPECT_EQ(g.size(), 7u);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[0].rfind("test.tsv:9: expected 12", 0), 0u) << warnings[0];
  EXPECT_NE(warnings[1].find("test.tsv:10: unknown type 'planet'"), std::string::npos);
  EXPECT_NE(warnings[2].find("test.tsv:11: bad coordinates"), std::string::npos);
}

// The tokenizer splits "Al-Qaïda" (two capitalised parts) but not "al-Qaïda": a
// hyphenated entry is found however its parts are capitalised in the text.
TEST(GazetteerTest, HyphenatedNamesMatchWhateverTheirCase) {
  Gazetteer g;
  g.AddTsv(
      "al-Qaïda\t*\tgroup\t\tAQ\tREB\tal-Qaeda\t\t\t\t\t\n"
      "Guinée-Bissau\t*\tcountry\tGNB\t\t\tGuinea-Bissau\t\t\t\t\t\n",
      "test.tsv", nullptr);
  for (const char* text :
       {"al-Qaïda", "Al-Qaïda", "AL-QAÏDA", "Guinée-Bissau", "guinée-bissau", "Guinée-bissau"}) {
    auto toks = text::Tokenize(text);
    std::vector<Match> m;
    g.MatchesAt(toks, 0, &m);
    ASSERT_EQ(m.size(), 1u) << text;
    EXPECT_EQ(m[0].last, toks.size()) << text;
  }
}

TEST(GazetteerTest, MatchesLongestFirstIgnoringCaseAccentsAndLeadingArticles) {
  Gazetteer g;
  g.AddTsv(kTsv, "test.tsv", nullptr);
  auto toks = text::Tokenize("Le MINISTRE des affaires etrangeres et le Kremlin");
  std::vector<Match> m;
  g.MatchesAt(toks, 1, &m);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].last - m[0].first, 4u);  // ministre des affaires etrangeres
  EXPECT_EQ(m[1].last - m[1].first, 1u);  // ministre
  m.clear();
  g.MatchesAt(toks, 7, &m);  // "Kremlin": the article was stripped from the entry
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(g.entry(m[0].entries[0]).country, "RUS");
}

TEST(GazetteerTest, AmbiguousNamesKeepEveryEntry) {
  Gazetteer g;
  g.AddTsv(kTsv, "test.tsv", nullptr);
  auto toks = text::Tokenize("Gao");
  std::vector<Match> m;
  g.MatchesAt(toks, 0, &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].entries.size(), 2u);
}

TEST(GazetteerTest, DatesBoundPeople) {
  Gazetteer g;
  g.AddTsv(kTsv, "test.tsv", nullptr);
  auto toks = text::Tokenize("Ramtane Lamamra");
  std::vector<Match> m;
  g.MatchesAt(toks, 0, &m);
  ASSERT_EQ(m.size(), 1u);
  const Entry& e = g.entry(m[0].entries[0]);
  EXPECT_TRUE(e.HoldsOn("2022-05-10"));
  EXPECT_FALSE(e.HoldsOn("2024-08-04"));
  EXPECT_FALSE(e.HoldsOn(""));  // no date: only people still in office
}

TEST(GazetteerTest, TheBundledGazetteerLoadsCleanly) {
  std::vector<std::string> warnings;
  auto g = Gazetteer::Load(std::string(testing::EnvOr("VIGIE_SOURCE", ".")) + "/data/gazetteer",
                           &warnings);
  ASSERT_VIGIE_OK(g.status());
  EXPECT_GT((*g)->size(), 1000u);
  for (const auto& w : warnings) ADD_FAILURE() << w;
}

// Country names that begin like an article ("Le", "La", "L'") keep their first letters: the
// generator once read "Lebanon" as "le banon".
TEST(GazetteerTest, BundledCountryNamesThatLookLikeArticlesAreWhole) {
  auto g = Gazetteer::Load(std::string(testing::EnvOr("VIGIE_SOURCE", ".")) + "/data/gazetteer");
  ASSERT_VIGIE_OK(g.status());
  for (const auto& [name, iso3] :
       std::vector<std::pair<const char*, const char*>>{{"Lebanon", "LBN"},
                                                        {"Latvia", "LVA"},
                                                        {"Lettonie", "LVA"},
                                                        {"Laos", "LAO"},
                                                        {"Lesotho", "LSO"},
                                                        {"Liban", "LBN"}}) {
    auto toks = text::Tokenize(name);
    std::vector<Match> m;
    (*g)->MatchesAt(toks, 0, &m);
    bool found = false;
    for (const Match& match : m) {
      for (uint32_t e : match.entries) {
        found |= (*g)->entry(e).type == EntryType::kCountry && (*g)->entry(e).country == iso3;
      }
    }
    EXPECT_TRUE(found) << name;
  }
}

TEST(GazetteerTest, MissingDirectoryIsAClearError) {
  auto g = Gazetteer::Load("/nonexistent/gazetteer");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("/nonexistent/gazetteer"), std::string::npos);
}

TEST(GazetteerTest, RelationWordsAreRolesMarkedAsRelations) {
  Gazetteer g;
  std::vector<std::string> warnings;
  g.AddTsv("amis\tfr\trelation\t\t\tGOV\tfriends\t\t\t\t\t\n", "test.tsv", &warnings);
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g.entry(0).type, EntryType::kRole);
  EXPECT_TRUE(g.entry(0).relation);
}

// Transliterations differ in doubled letters and y/i: people's names are found under both,
// but only as capitalised words, and other entries never.
TEST(GazetteerTest, PeoplesNamesAreFoundDespiteDoubledLettersAndYForI) {
  Gazetteer g;
  g.AddTsv(
      "Nasser Bourita\t*\tperson\tMAR\t\tGOV\tNasser Bourita\t\t\t2017-04-05\t\t\n"
      "Bourita\t*\tperson\tMAR\t\tGOV\tNasser Bourita\t\t\t2017-04-05\t\t\n"
      "Zelensky\t*\tperson\tUKR\t\tGOV\tVolodymyr Zelensky\t\t\t2019-05-20\t\t\n"
      "Tripoli\t*\tplace\tLBY\t\t\tTripoli\t32.9\t13.2\t\t\t1000000\n",
      "test.tsv", nullptr);
  auto found = [&](const char* text) {
    auto toks = text::Tokenize(text);
    std::vector<Match> m;
    g.PersonVariantsAt(toks, 0, &m);
    return m.empty() ? 0u : m.front().last;
  };
  EXPECT_EQ(found("Bourrita a dit"), 1u);
  EXPECT_EQ(found("Nasser Bourrita a dit"), 2u);
  EXPECT_EQ(found("Zelenskiy a dit"), 1u);
  EXPECT_EQ(found("Zelenskyy a dit"), 1u);
  EXPECT_EQ(found("bourrita a dit"), 0u);  // not a name
  EXPECT_EQ(found("Trippoli a dit"), 0u);  // a place, not a person
}

// "Royaume du Maroc", "Kingdom of Morocco" and "République islamique d'Iran" make "royaume",
// "kingdom" and "république islamique" stand for those states; "République de Tunisie" does
// not make "république" stand for Tunisia.
TEST(GazetteerTest, StateDescriptionsComeFromOfficialNames) {
  Gazetteer g;
  g.AddTsv(
      "Royaume du Maroc\tfr\tcountry\tMAR\t\t\tMorocco\t\t\t\t\t100\n"
      "Kingdom of Morocco\t*\tcountry\tMAR\t\t\tMorocco\t\t\t\t\t100\n"
      "Royaume d'Espagne\tfr\tcountry\tESP\t\t\tSpain\t\t\t\t\t100\n"
      "République islamique d'Iran\tfr\tcountry\tIRN\t\t\tIran\t\t\t\t\t100\n"
      "République de Tunisie\tfr\tcountry\tTUN\t\t\tTunisia\t\t\t\t\t100\n",
      "test.tsv", nullptr);
  auto countries = [&](const char* text) {
    auto toks = text::Tokenize(text);
    std::vector<Match> m;
    g.StateDescriptionsAt(toks, 0, &m);
    std::set<std::string> out;
    for (const Match& match : m) {
      for (uint32_t e : match.entries) out.insert(g.entry(e).country);
    }
    return out;
  };
  EXPECT_EQ(countries("royaume"), (std::set<std::string>{"ESP", "MAR"}));
  EXPECT_EQ(countries("kingdom"), (std::set<std::string>{"MAR"}));
  EXPECT_EQ(countries("république islamique"), (std::set<std::string>{"IRN"}));
  EXPECT_TRUE(countries("république").empty());
}

}  // namespace
}  // namespace vigie::actors
