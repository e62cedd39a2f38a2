#include "vigie/actors/recognizer.h"

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/text/analyzer.h"

namespace vigie::actors {
namespace {

// form lang type country org role name lat lon from to rank
constexpr char kTsv[] =
    "Algérie\t*\tcountry\tDZA\t\t\tAlgeria\t28\t3\t\t\t\n"
    "Mali\t*\tcountry\tMLI\t\t\tMali\t17\t-4\t\t\t\n"
    "Burkina Faso\t*\tcountry\tBFA\t\t\tBurkina Faso\t12\t-1.5\t\t\t\n"
    "Russia\ten\tcountry\tRUS\t\t\tRussia\t60\t100\t\t\t\n"
    "Alger\tfr\tcapital\tDZA\t\t\tAlgiers\t36.75\t3.04\t\t\t\n"
    "Mascate\tfr\tcapital\tOMN\t\t\tMuscat\t23.58\t58.41\t\t\t\n"
    "russe\tfr\tdemonym\tRUS\t\t\tRussia\t\t\t\t\t\n"
    "algérien\tfr\tdemonym\tDZA\t\t\tAlgeria\t\t\t\t\t\n"
    "Américains\tfr\tdemonym\tUSA\t\t\tUnited States\t\t\t\t\t\n"
    "américain\tfr\tdemonym\tUSA\t\t\tUnited States\t\t\t\t\t\n"
    "Russian\ten\tdemonym\tRUS\t\t\tRussia\t\t\t\t\t\n"
    "ministre\tfr\trole\t\t\tGOV\tminister\t\t\t\t\t\n"
    "ministre des A.E\tfr\trole\t\t\tGOV\tforeign minister\t\t\t\t\t\n"
    "ministre des Affaires étrangères\tfr\trole\t\t\tGOV\tforeign minister\t\t\t\t\t\n"
    "homologue\tfr\trole\t\t\tGOV\tcounterpart\t\t\t\t\t\n"
    "président\tfr\trole\t\t\tGOV\tpresident\t\t\t\t\t\n"
    "armée\tfr\trole\t\t\tMIL\tarmy\t\t\t\t\t\n"
    "foreign minister\ten\trole\t\t\tGOV\tforeign minister\t\t\t\t\t\n"
    "fighters\ten\trole\t\t\tREB\tfighters\t\t\t\t\t\n"
    "army chief\ten\trole\t\t\tMIL\tarmy chief\t\t\t\t\t\n"
    "residents\ten\trole\t\t\tCVL\tresidents\t\t\t\t\t\n"
    "Wagner\t*\tgroup\tRUS\t\tMIL\tWagner Group\t\t\t\t\t\n"
    "Lavrov\t*\tperson\tRUS\t\tGOV\tSergey Lavrov\t\t\t2004-03-09\t\t\n"
    "Sergueï Lavrov\tfr\tperson\tRUS\t\tGOV\tSergey Lavrov\t\t\t2004-03-09\t\t\n"
    "Ramtane Lamamra\t*\tperson\tDZA\t\tGOV\tRamtane Lamamra\t\t\t2021-07-07\t2023-03-18\t\n"
    "OTAN\tfr\torg\t\tNATO\tIGO\tNATO\t\t\t\t\t\n"
    "UA\tfr\torg\t\tAU\tIGO\tAfrican Union\t\t\t\t\t\n"
    "US\ten\tcountry\tUSA\t\t\tUnited States\t\t\t\t\t\n"
    "Gao\t*\tplace\tMLI\t\t\tGao\t16.27\t-0.04\t\t\t86633\n"
    "Gao\t*\tplace\tBFA\t\t\tGao\t11.65\t-1.81\t\t\t900000\n";

class RecognizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = text::Analyzer::Open();
    ASSERT_VIGIE_OK(a.status());
    analyzer_ = std::move(*a);
    gazetteer_.AddTsv(kTsv, "test.tsv", nullptr);
  }

  std::vector<Mention> Find(const std::string& sentence, const std::string& lang,
                            const std::string& date = "2022-05-10",
                            const std::string& context = "") {
    DocContext ctx;
    ctx.lang = lang;
    ctx.date = date;
    Recognizer r(gazetteer_);
    if (!context.empty()) {
      for (const auto& s : analyzer_->Analyze(context, lang)) r.Prime(s, &ctx);
    }
    auto sentences = analyzer_->Analyze(sentence, lang);
    EXPECT_EQ(sentences.size(), 1u);
    return r.Find(sentences.at(0), ctx);
  }

  std::unique_ptr<text::Analyzer> analyzer_;
  Gazetteer gazetteer_;
};

TEST_F(RecognizerTest, RoleDemonymAndNameMakeOneActor) {
  auto m = Find("le ministre russe des A.E Lavrov arrivait à Mascate en provenance d'Alger.", "fr");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].text, "le ministre russe des A.E Lavrov");
  EXPECT_EQ(m[0].actor.code, "RUSGOV");
  EXPECT_EQ(m[0].kind, MentionKind::kActor);
  EXPECT_EQ(m[1].text, "Mascate");
  EXPECT_EQ(m[1].kind, MentionKind::kPlace);
  EXPECT_EQ(m[1].actor.country, "OMN");
  ASSERT_TRUE(m[1].lat.has_value());
  EXPECT_EQ(m[2].kind, MentionKind::kPlace);  // "d'Alger": from Algiers
}

TEST_F(RecognizerTest, CounterpartTakesTheDemonymsCountry) {
  auto m = Find("Lavrov s'est entretenu avec son homologue algérien, Ramtane Lamamra.", "fr");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[1].text, "son homologue algérien");
  EXPECT_EQ(m[1].actor.code, "DZAGOV");
  EXPECT_EQ(m[2].actor.code, "DZAGOV");
}

TEST_F(RecognizerTest, CapitalIsAPlaceAfterALocativeAndTheGovernmentOtherwise) {
  auto place = Find("Le ministre est arrivé à Alger.", "fr");
  ASSERT_EQ(place.size(), 2u);
  EXPECT_EQ(place[1].kind, MentionKind::kPlace);
  auto actor = Find("Alger a annoncé la fermeture de son espace aérien.", "fr");
  ASSERT_EQ(actor.size(), 1u);
  EXPECT_EQ(actor[0].kind, MentionKind::kActor);
  EXPECT_EQ(actor[0].actor.code, "DZAGOV");
}

TEST_F(RecognizerTest, ACapitalAfterAStanceNounAndDeIsTheGovernment) {
  for (const char* sentence : {"Le Mali craint la colère d'Alger.",
                               "Le Mali agit à l'égard d'Alger.", "Il parle au nom d'Alger."}) {
    auto m = Find(sentence, "fr");
    ASSERT_FALSE(m.empty()) << sentence;
    EXPECT_EQ(m.back().kind, MentionKind::kActor) << sentence;
    EXPECT_EQ(m.back().actor.code, "DZAGOV") << sentence;
  }
  auto place = Find("Il a atterri à l'aéroport d'Alger.", "fr");
  ASSERT_EQ(place.size(), 1u);
  EXPECT_EQ(place[0].kind, MentionKind::kPlace);
  // A country that locates a place stays a place (a dangling view once broke this).
  auto located = Find("Le régime de transition à Gao au Mali.", "fr");
  ASSERT_GE(located.size(), 2u);
  EXPECT_EQ(located.back().text, "Mali");
  EXPECT_EQ(located.back().kind, MentionKind::kPlace);
}

// "au Mali" is a recipient after "livrer" but a place where nobody can receive anything.
TEST_F(RecognizerTest, ACountryAfterAuIsAPlaceOnlyWhereNoRecipientCanBe) {
  const char* places[] = {"Au Mali, les combats ont repris.",
                          "Des soldats russes sont déployés au Mali.",
                          "Les soldats ont quitté le Mali.", "Mali : les combats ont repris."};
  for (const char* sentence : places) {
    bool found = false;
    for (const Mention& m : Find(sentence, "fr")) {
      if (m.actor.name != "Mali") continue;
      found = true;
      EXPECT_EQ(m.kind, MentionKind::kPlace) << sentence;
      EXPECT_TRUE(m.locative) << sentence;
    }
    EXPECT_TRUE(found) << sentence;
  }
  auto recipient = Find("La Russie a livré des armes au Mali.", "fr");
  ASSERT_FALSE(recipient.empty());
  EXPECT_EQ(recipient.back().kind, MentionKind::kActor);
}

// A bare role takes the country the sentence happens in, and only when there is one.
TEST_F(RecognizerTest, ABareRoleTakesTheCountryOfTheSentencesLocation) {
  auto m = Find("Au Mali, l'armée a repoussé une attaque.", "fr");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].text, "l'armée");
  EXPECT_EQ(m[1].actor.code, "MLIMIL");
  for (const Mention& r : Find("L'armée a repoussé une attaque près de Gao et en Algérie.", "fr")) {
    if (r.kind == MentionKind::kActor) {
      EXPECT_EQ(r.actor.code, "MIL");
    }
  }
  auto owned = Find("Au Mali, l'armée russe a repoussé une attaque.", "fr");
  ASSERT_EQ(owned.size(), 2u);
  EXPECT_EQ(owned[1].actor.code, "RUSMIL");
}

// English noun compounds: the owner before the role word is one actor with it.
TEST_F(RecognizerTest, EnglishOwnerBeforeARoleIsOneActor) {
  auto group = Find("Wagner fighters left Gao.", "en");
  ASSERT_FALSE(group.empty());
  EXPECT_EQ(group[0].text, "Wagner fighters");
  EXPECT_EQ(group[0].actor.code, "RUSMIL");  // the group's own codes
  auto place = Find("Gao residents fled.", "en");
  ASSERT_EQ(place.size(), 1u);
  EXPECT_EQ(place[0].kind, MentionKind::kActor);
  EXPECT_EQ(place[0].actor.code, "BFACVL");
  auto adjective = Find("Russia's new army chief arrived.", "en");
  ASSERT_EQ(adjective.size(), 1u);
  EXPECT_EQ(adjective[0].text, "Russia's new army chief");
  EXPECT_EQ(adjective[0].actor.code, "RUSMIL");
}

TEST_F(RecognizerTest, OnlyPlacesIntroducedAsLocationsAreLocative) {
  auto near = Find("Des combats ont eu lieu près de Gao.", "fr");
  ASSERT_EQ(near.size(), 1u);
  EXPECT_EQ(near[0].kind, MentionKind::kPlace);
  EXPECT_TRUE(near[0].locative);
  // A town's name in other company: a person's name, a title, an English article.
  for (const char* sentence : {"Gao Xingjian won the prize.",
                               "According to a Gao report, "
                               "Russia left."}) {
    for (const Mention& m : Find(sentence, "en")) {
      if (m.kind == MentionKind::kPlace) {
        EXPECT_FALSE(m.locative) << sentence;
      }
    }
  }
  auto capital = Find("Le ministre est arrivé à Alger.", "fr");
  ASSERT_EQ(capital.size(), 2u);
  EXPECT_TRUE(capital[1].locative);
}

// A place near a country's border is on the other side: Gao is in Burkina Faso by rank, but
// "near the Burkinabe border" it is Mali's.
TEST_F(RecognizerTest, APlaceNearACountrysBorderIsOutsideIt) {
  gazetteer_.AddTsv(
      "burkinabè\tfr\tdemonym\tBFA\t\t\tBurkina Faso\t\t\t\t\t\n"
      "Burkinabe\ten\tdemonym\tBFA\t\t\tBurkina Faso\t\t\t\t\t\n",
      "test.tsv", nullptr);
  for (const char* sentence : {"Les combats ont eu lieu à Gao, une ville proche de la frontière "
                               "avec le Burkina Faso.",
                               "Les combats ont eu lieu à Gao, près de la frontière burkinabè."}) {
    auto m = Find(sentence, "fr");
    ASSERT_GE(m.size(), 1u) << sentence;
    EXPECT_EQ(m[0].text, "Gao");
    EXPECT_EQ(m[0].actor.country, "MLI") << sentence;
  }
  EXPECT_EQ(Find("Fighting near Gao, close to the Burkinabe border.", "en")[0].actor.country,
            "MLI");
  EXPECT_EQ(Find("Les combats ont eu lieu à Gao ; la frontière burkinabè est fermée.", "fr")
                .at(0)
                .actor.country,
            "BFA");
}

// A role with a negative rank needs an owner: "les services russes" are spies, "les
// services" alone nobody.
TEST_F(RecognizerTest, ARoleOnlyWithAnOwnerIsNoActorAlone) {
  gazetteer_.AddTsv(
      "services\tfr\trole\t\t\tSPY\tintelligence services\t\t\t\t\t-1\n"
      "russes\tfr\tdemonym\tRUS\t\t\tRussia\t\t\t\t\t\n",
      "test.tsv", nullptr);
  auto owned = Find("Les services russes ont été accusés.", "fr");
  ASSERT_EQ(owned.size(), 1u);
  EXPECT_EQ(owned[0].actor.code, "RUSSPY");
  EXPECT_TRUE(Find("Les services ont été accusés.", "fr").empty());
}

// "le territoire algérien" is ground, not an agent.
TEST_F(RecognizerTest, ADemonymAfterANounOfGroundIsAPlace) {
  auto m = Find("Une région située sur le territoire algérien.", "fr");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "le territoire algérien");
  EXPECT_EQ(m[0].kind, MentionKind::kPlace);
  EXPECT_EQ(m[0].actor.country, "DZA");
}

TEST_F(RecognizerTest, ACountryThatLocatesAPlaceIsAPlace) {
  auto m = Find("Des combats ont eu lieu près de Gao au Mali.", "fr");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].text, "Mali");
  EXPECT_EQ(m[1].kind, MentionKind::kPlace);
  EXPECT_EQ(m[0].actor.country, "MLI");  // Gao resolved by the country next to it
  EXPECT_EQ(Find("Des combats ont eu lieu près de Gao.", "fr")[0].actor.country, "BFA");
  // A comma that opens a new clause does not make the next capital a place.
  auto clause = Find("Les combats ont repris près de Gao, Alger a protesté.", "fr");
  ASSERT_EQ(clause.size(), 2u);
  EXPECT_EQ(clause[1].kind, MentionKind::kActor);
}

TEST_F(RecognizerTest, CountryAfterEnIsAPlaceAndWithArticleAnActor) {
  auto m = Find("L'Algérie a envoyé des vivres en Algérie.", "fr");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].text, "L'Algérie");
  EXPECT_EQ(m[0].actor.code, "DZA");
  EXPECT_EQ(m[1].kind, MentionKind::kPlace);
}

TEST_F(RecognizerTest, RoleOfCountry) {
  auto m = Find("Le ministre des Affaires étrangères du Mali a protesté.", "fr");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].actor.code, "MLIGOV");
  EXPECT_EQ(m[0].text, "Le ministre des Affaires étrangères du Mali");
}

TEST_F(RecognizerTest, EnglishDemonymRoleAndPossessive) {
  auto m = Find("The Russian foreign minister met Russia's foreign minister.", "en");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].actor.code, "RUSGOV");
  EXPECT_EQ(m[1].actor.code, "RUSGOV");
  EXPECT_EQ(m[1].text, "Russia's foreign minister");
}

TEST_F(RecognizerTest, DemonymsNameAPeopleOnlyAsNouns) {
  auto noun = Find("Les Américains ont signé.", "fr");
  ASSERT_EQ(noun.size(), 1u);
  EXPECT_EQ(noun[0].actor.code, "USA");
  // As an adjective, the demonym makes the phrase that country's, without a role.
  auto thing = Find("Le gaz américain arrive.", "fr");
  ASSERT_EQ(thing.size(), 1u);
  EXPECT_EQ(thing[0].text, "Le gaz américain");
  EXPECT_EQ(thing[0].actor.code, "USA");
  EXPECT_TRUE(Find("Gaz américain.", "fr").empty());  // no determiner: not a phrase
}

TEST_F(RecognizerTest, PeopleResolveAsOfTheDocumentDate) {
  auto in_office = Find("Ramtane Lamamra a parlé.", "fr", "2022-05-10");
  ASSERT_EQ(in_office.size(), 1u);
  EXPECT_EQ(in_office[0].actor.code, "DZAGOV");
  auto later = Find("Ramtane Lamamra a parlé.", "fr", "2024-08-04");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].actor.code, "DZA");  // the country stays, the office does not
}

TEST_F(RecognizerTest, AcronymsMustBeWrittenInCapitals) {
  auto m = Find("L'OTAN et l'UA se sont réunies.", "fr");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].actor.code, "NATO");
  EXPECT_EQ(m[1].actor.code, "AU");
  auto us = Find("Let us talk to the US today.", "en");  // the pronoun is not the country
  ASSERT_EQ(us.size(), 1u);
  EXPECT_EQ(us[0].actor.code, "USA");
}

TEST_F(RecognizerTest, AmbiguousPlacesFollowTheDocumentsCountries) {
  auto alone = Find("Des combats ont eu lieu près de Gao.", "fr");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].actor.country, "BFA");  // the bigger one without context
  auto mali = Find("Des combats ont eu lieu près de Gao.", "fr", "2022-05-10",
                   "Le Mali a rompu ses relations. Le Mali a protesté.");
  ASSERT_EQ(mali.size(), 1u);
  EXPECT_EQ(mali[0].actor.country, "MLI");
}

TEST_F(RecognizerTest, OffsetsAreCodePointsIntoTheSentence) {
  auto m = Find("Arrivé à Alger, Sergueï Lavrov a parlé.", "fr");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].cp_begin, 16u);
  EXPECT_EQ(m[1].cp_end, 30u);
}

// Relation nouns: the demonym says whose they are; a "de" complement names the other party.
TEST_F(RecognizerTest, RelationsBelongToTheirDemonymOnly) {
  gazetteer_.AddTsv(
      "amis\tfr\trelation\t\t\tGOV\tfriends\t\t\t\t\t\n"
      "alliés\tfr\trelation\t\t\tGOV\tallies\t\t\t\t\t\n"
      "algériens\tfr\tdemonym\tDZA\t\t\tAlgeria\t\t\t\t\t\n"
      "Russie\tfr\tcountry\tRUS\t\t\tRussia\t\t\t\t\t\n",
      "test.tsv", nullptr);
  auto friends = Find("Nous avons soutenu l'initiative de nos amis algériens.", "fr");
  ASSERT_EQ(friends.size(), 1u);
  EXPECT_EQ(friends[0].text, "nos amis algériens");
  EXPECT_EQ(friends[0].actor.code, "DZAGOV");
  auto allies = Find("Les alliés de la Russie ont protesté.", "fr");
  ASSERT_EQ(allies.size(), 1u);
  EXPECT_EQ(allies[0].text, "la Russie");
  EXPECT_TRUE(Find("Leurs alliés ont protesté.", "fr").empty());
}

TEST_F(RecognizerTest, AMisspeltKnownNameIsFound) {
  gazetteer_.AddTsv(
      "Bourita\t*\tperson\tMAR\t\tGOV\tNasser Bourita\t\t\t2017-04-05\t\t\n"
      "MAE\tfr\trole\t\t\tGOV\tforeign minister\t\t\t\t\t\n",
      "test.tsv", nullptr);
  auto m = Find("Le MAE Bourrita a reçu les sponsors.", "fr");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "Le MAE Bourrita");
  EXPECT_EQ(m[0].actor.code, "MARGOV");
  EXPECT_EQ(m[0].actor.name, "Nasser Bourita");
}

// "le royaume" stands for the kingdom the document names, and for nothing without one.
TEST_F(RecognizerTest, AStateDescriptionStandsForTheStateTheDocumentNames) {
  gazetteer_.AddTsv(
      "Maroc\tfr\tcountry\tMAR\t\t\tMorocco\t\t\t\t\t100\n"
      "Royaume du Maroc\tfr\tcountry\tMAR\t\t\tMorocco\t\t\t\t\t100\n"
      "Espagne\tfr\tcountry\tESP\t\t\tSpain\t\t\t\t\t100\n"
      "Royaume d'Espagne\tfr\tcountry\tESP\t\t\tSpain\t\t\t\t\t100\n",
      "test.tsv", nullptr);
  const std::string sentence = "Une livraison de missiles au royaume en dit long.";
  auto m = Find(sentence, "fr", "2022-05-10", "Le Maroc et Israël normalisent. Le Maroc signe.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "royaume");
  EXPECT_EQ(m[0].actor.code, "MAR");
  auto both = Find(sentence, "fr", "2022-05-10", "L'Espagne et le Maroc. L'Espagne signe.");
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].actor.code, "ESP");  // the kingdom named most
  EXPECT_TRUE(Find(sentence, "fr", "2022-05-10", "L'Algérie signe.").empty());
  EXPECT_TRUE(
      Find("Le royaume des cieux est proche.", "fr", "2022-05-10", "Le Maroc signe.").empty());
}

// After "à", a capital that receives or is addressed is the government.
TEST_F(RecognizerTest, ACapitalThatReceivesIsTheGovernment) {
  for (const char* sentence :
       {"L'Espagne a tourné le dos à Alger.", "La Russie a livré des armes à Alger.",
        "Il a reproché à Alger son silence."}) {
    bool found = false;
    for (const Mention& m : Find(sentence, "fr")) {
      if (m.actor.name != "Algiers") continue;
      found = true;
      EXPECT_EQ(m.kind, MentionKind::kActor) << sentence;
      EXPECT_EQ(m.actor.code, "DZAGOV") << sentence;
    }
    EXPECT_TRUE(found) << sentence;
  }
  auto place = Find("La délégation a été reçue à Alger.", "fr");
  ASSERT_FALSE(place.empty());
  EXPECT_EQ(place.back().kind, MentionKind::kPlace);
}

// "retirer ses forces du Mali": where from, not whose; but "le retrait du Mali" is Mali's.
TEST_F(RecognizerTest, ACountryAfterAWordOfLeavingIsWhereFrom) {
  gazetteer_.AddTsv("forces\tfr\trole\t\t\tMIL\tforces\t\t\t\t\t\n", "test.tsv", nullptr);
  auto from = Find("La France commence à retirer ses forces et son influence du Mali.", "fr");
  ASSERT_FALSE(from.empty());
  EXPECT_EQ(from.back().text, "Mali");
  EXPECT_EQ(from.back().kind, MentionKind::kPlace);
  auto owned_elsewhere = Find("Paris a retiré ses forces du Mali.", "fr");
  ASSERT_FALSE(owned_elsewhere.empty());
  EXPECT_EQ(owned_elsewhere.back().kind, MentionKind::kPlace);
  for (const Mention& m : owned_elsewhere) EXPECT_NE(m.actor.code, "MLIMIL");
  auto army = Find("L'armée du Mali a riposté.", "fr");
  ASSERT_EQ(army.size(), 1u);
  EXPECT_EQ(army[0].actor.code, "MLIMIL");
  auto leaver = Find("Le retrait du Mali a surpris.", "fr");
  ASSERT_EQ(leaver.size(), 1u);
  EXPECT_EQ(leaver[0].kind, MentionKind::kActor);
}

TEST_F(RecognizerTest, ArmedForcesOfASeparatistLandAreItsRebels) {
  gazetteer_.AddTsv(
      "forces armées\tfr\trole\t\t\tMIL\tarmy\t\t\t\t\t\n"
      "Azawad\t*\tplace\tMLI\t\tREB\tAzawad\t19\t0\t\t\t1000000\n",
      "test.tsv", nullptr);
  auto rebels = Find("Les opérations des forces armées de l'Azawad ont repris.", "fr");
  ASSERT_EQ(rebels.size(), 1u);
  EXPECT_EQ(rebels[0].actor.code, "MLIREB");
  auto army = Find("Les opérations des forces armées du Mali ont repris.", "fr");
  ASSERT_EQ(army.size(), 1u);
  EXPECT_EQ(army[0].actor.code, "MLIMIL");
}

TEST_F(RecognizerTest, ADemonymAfterANounWithoutDeterminerOwnsIt) {
  gazetteer_.AddTsv("américaine\tfr\tdemonym\tUSA\t\t\tUnited States\t\t\t\t\t\n", "test.tsv",
                    nullptr);
  auto m = Find("L'Algérie a ouvert son ciel sous pression américaine.", "fr");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].text, "pression américaine");
  EXPECT_EQ(m[1].actor.code, "USA");
}

// A name the gazetteer does not know, in apposition to a role phrase, holds the role.
TEST_F(RecognizerTest, AnUnknownNameInAppositionHoldsTheRole) {
  gazetteer_.AddTsv(
      "GUR\t*\tgroup\tUKR\t\tSPY\tHUR\t\t\t\t\t\n"
      "porte-parole\tfr\trole\t\t\tGOV\tspokesperson\t\t\t\t\t-1\n",
      "test.tsv", nullptr);
  for (const char* sentence :
       {"Andrii Yusov, le porte-parole du GUR, a déclaré que tout allait.",
        "Le porte-parole du GUR, Andrii Yusov, a déclaré que tout allait."}) {
    auto m = Find(sentence, "fr");
    ASSERT_EQ(m.size(), 2u) << sentence;
    const Mention& person = m[0].text == "Andrii Yusov" ? m[0] : m[1];
    EXPECT_EQ(person.text, "Andrii Yusov") << sentence;
    EXPECT_EQ(person.actor.code, "UKRSPY") << sentence;
    EXPECT_EQ(person.actor.name, "Andrii Yusov") << sentence;
  }
  // One capitalised word is not enough; neither is a role nobody owns.
  EXPECT_EQ(Find("Hier, le porte-parole du GUR a parlé.", "fr").size(), 1u);
  EXPECT_TRUE(Find("Andrii Yusov, le porte-parole, a parlé.", "fr").empty());
}

}  // namespace
}  // namespace vigie::actors
