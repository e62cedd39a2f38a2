#include "vigie/events/coder.h"

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/actors/recognizer.h"
#include "vigie/text/analyzer.h"

namespace vigie::events {
namespace {

constexpr char kCameo[] =
    "cameo_code\tlevel\troot_code\tquad_class\tgoldstein\tdescription\n"
    "010\t2\t01\t1\t0.0\tMake statement\n"
    "030\t2\t03\t1\t4.0\tExpress intent to cooperate\n"
    "036\t2\t03\t1\t4.0\tExpress intent to meet\n"
    "040\t2\t04\t1\t1.0\tConsult\n"
    "041\t2\t04\t1\t1.0\tDiscuss by telephone\n"
    "042\t2\t04\t1\t1.9\tMake a visit\n"
    "043\t2\t04\t1\t2.8\tHost a visit\n"
    "057\t2\t05\t1\t8.0\tSign formal agreement\n"
    "100\t2\t10\t3\t-5.0\tDemand\n"
    "112\t2\t11\t3\t-2.0\tAccuse\n"
    "130\t2\t13\t3\t-4.4\tThreaten\n"
    "1313\t3\t13\t3\t-5.8\tThreaten to reduce or break relations\n"
    "161\t2\t16\t4\t-4.0\tReduce or break diplomatic relations\n"
    "190\t2\t19\t4\t-10.0\tUse conventional military force\n";

constexpr char kFrRules[] =
    "161 rompre_relations rompre (*2) relation (*2) avec T\n"
    "040 entretenir entretenir (*3) avec T\n"
    "041 entretenir_telephone entretenir (*3) téléphone avec T\n"
    "042 arriver arriver à|en T\n"
    "043 recevoir recevoir T\n"
    "057 signer signer (*3) accord\n"
    "036 invitation adresser (*2) invitation à T\n"
    "112 accuser accuser T\n";
constexpr char kFrCues[] =
    "negation ne|n' (*3) pas|jamais|plus\n"
    "reported selon\n"
    "reported d'après\n"
    "speculative pourrait|pourraient|bientôt\n"
    "report_verb déclarer|annoncer|affirmer\n"
    "boundary mais|tandis\n";
constexpr char kEnRules[] =
    "161 break_ties break|sever|cut (*2) tie|relation with T\n"
    "040 meet meet T\n"
    "190 clash clash with T\n"
    "190 killed killed\n"
    "030 agree_to agree|agreed to\n"
    "100 demand_that demand|demanded *2 that T\n";
constexpr char kEnCues[] =
    "negation not|n't|never\n"
    "reported reportedly|allegedly\n"
    "speculative could|might|will|would\n"
    "report_verb say|said|announce\n";

constexpr char kGazetteer[] =
    "Mali\t*\tcountry\tMLI\t\t\tMali\t\t\t\t\t\n"
    "Ukraine\t*\tcountry\tUKR\t\t\tUkraine\t\t\t\t\t\n"
    "Maroc\tfr\tcountry\tMAR\t\t\tMorocco\t\t\t\t\t\n"
    "Espagne\tfr\tcountry\tESP\t\t\tSpain\t\t\t\t\t\n"
    "Algérie\tfr\tcountry\tDZA\t\t\tAlgeria\t\t\t\t\t\n"
    "Mascate\tfr\tcapital\tOMN\t\t\tMuscat\t23.58\t58.41\t\t\t\n"
    "Alger\tfr\tcapital\tDZA\t\t\tAlgiers\t36.75\t3.04\t\t\t\n"
    "Moscou\tfr\tcapital\tRUS\t\t\tMoscow\t55.75\t37.62\t\t\t\n"
    "russe\tfr\tdemonym\tRUS\t\t\tRussia\t\t\t\t\t\n"
    "russes\tfr\tdemonym\tRUS\t\t\tRussia\t\t\t\t\t\n"
    "algérien\tfr\tdemonym\tDZA\t\t\tAlgeria\t\t\t\t\t\n"
    "algériens\tfr\tdemonym\tDZA\t\t\tAlgeria\t\t\t\t\t\n"
    "président\tfr\trole\t\t\tGOV\tpresident\t\t\t\t\t\n"
    "homologue\tfr\trole\t\t\tGOV\tcounterpart\t\t\t\t\t\n"
    "autorités\tfr\trole\t\t\tGOV\tauthorities\t\t\t\t\t\n"
    "amis\tfr\trole\t\t\t\tfriends\t\t\t\t\t\n"
    "Russia\ten\tcountry\tRUS\t\t\tRussia\t\t\t\t\t\n"
    "Sergueï Lavrov\tfr\tperson\tRUS\t\tGOV\tSergey Lavrov\t\t\t2004-03-09\t\t\n"
    "Ramtane Lamamra\tfr\tperson\tDZA\t\tGOV\tRamtane Lamamra\t\t\t2021-07-07\t2023-03-18\t\n"
    "Abdelmadjid Tebboune\tfr\tperson\tDZA\t\tGOV\tAbdelmadjid Tebboune\t\t\t2019-12-19\t\t\n"
    "Vladimir Poutine\tfr\tperson\tRUS\t\tGOV\tVladimir Putin\t\t\t2012-05-07\t\t\n";

class CoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = text::Analyzer::Open();
    ASSERT_VIGIE_OK(a.status());
    analyzer_ = std::move(*a);
    auto c = CameoTable::Parse(kCameo);
    ASSERT_VIGIE_OK(c.status());
    cameo_ = std::move(*c);
    std::vector<std::string> warnings;
    fr_.AddRules(kFrRules, "fr.dict", *cameo_, &warnings);
    fr_.AddCues(kFrCues, "fr.cues", &warnings);
    en_.AddRules(kEnRules, "en.dict", *cameo_, &warnings);
    en_.AddCues(kEnCues, "en.cues", &warnings);
    for (const auto& w : warnings) ADD_FAILURE() << w;
    gazetteer_.AddTsv(kGazetteer, "g.tsv", &warnings);
  }

  std::vector<Event> Code(const std::string& text, const std::string& lang = "fr",
                          const std::string& date = "2022-05-10") {
    auto sentences = analyzer_->Analyze(text, lang);
    EXPECT_EQ(sentences.size(), 1u) << text;
    actors::Recognizer recognizer(gazetteer_);
    actors::DocContext ctx{date, lang, {}};
    auto mentions = recognizer.Find(sentences.at(0), ctx);
    Coder coder(fr_, en_, *cameo_);
    SentenceInfo info{"d1", 0, date, lang, false};
    return coder.Code(sentences.at(0), mentions, info);
  }

  static std::string Dyad(const Event& e) { return e.source.Key() + ">" + e.target.Key(); }

  std::unique_ptr<text::Analyzer> analyzer_;
  std::unique_ptr<CameoTable> cameo_;
  Dictionary fr_{"fr"};
  Dictionary en_{"en"};
  actors::Gazetteer gazetteer_;
};

TEST_F(CoderTest, SubjectVerbObjectWithEvidenceAndDate) {
  auto ev =
      Code("Le 4 août dernier, le Mali a rompu ses relations avec l’Ukraine.", "fr", "2024-09-01");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Dyad(ev[0]), "MLI>UKR");
  EXPECT_EQ(ev[0].cameo, "161");
  EXPECT_EQ(ev[0].root, "16");
  EXPECT_EQ(ev[0].quad, 4);
  EXPECT_DOUBLE_EQ(ev[0].goldstein, -4.0);
  EXPECT_EQ(ev[0].modality, Modality::kAsserted);
  EXPECT_EQ(ev[0].date, "2024-08-04");
  EXPECT_EQ(ev[0].rule, "fr.rompre_relations");
  EXPECT_EQ(ev[0].source_text, "le Mali");
  EXPECT_EQ(ev[0].target_text, "l’Ukraine");
  // Evidence from "rompu" to "avec", in code points.
  EXPECT_EQ(ev[0].evidence_begin, 29u);
  EXPECT_EQ(ev[0].evidence_end, 53u);
}

TEST_F(CoderTest, NegationAndModality) {
  auto neg = Code("Le Mali n'a pas rompu ses relations avec l'Ukraine.");
  ASSERT_EQ(neg.size(), 1u);
  EXPECT_EQ(neg[0].modality, Modality::kNegated);
  auto cond = Code("Le Mali aurait rompu ses relations avec l'Ukraine.");
  ASSERT_EQ(cond.size(), 1u);
  EXPECT_EQ(cond[0].modality, Modality::kReported);
  auto spec = Code("Le Mali pourrait rompre ses relations avec l'Ukraine.");
  ASSERT_EQ(spec.size(), 1u);
  EXPECT_EQ(spec[0].modality, Modality::kSpeculative);
  auto question = Code("Le Mali va-t-il rompre ses relations avec l'Ukraine ?");
  ASSERT_EQ(question.size(), 1u);
  EXPECT_EQ(question[0].modality, Modality::kSpeculative);
  auto hearsay = Code("Selon nos sources, le Mali a rompu ses relations avec l'Ukraine.");
  ASSERT_EQ(hearsay.size(), 1u);
  EXPECT_EQ(hearsay[0].modality, Modality::kReported);
  auto sourced = Code("Le Mali a rompu ses relations avec l'Ukraine, selon le président russe.");
  ASSERT_EQ(sourced.size(), 1u);
  EXPECT_EQ(sourced[0].modality, Modality::kAsserted);
}

TEST_F(CoderTest, CoordinatedSubjectsGiveOneEventEach) {
  auto ev = Code("Le Maroc et l'Espagne ont rompu leurs relations avec le Mali.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(Dyad(ev[0]), "MAR>MLI");
  EXPECT_EQ(Dyad(ev[1]), "ESP>MLI");
}

TEST_F(CoderTest, CoordinatedSubjectsWithoutObjectActOnEachOther) {
  auto ev = Code("Le Maroc et l'Espagne ont signé un accord.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Dyad(ev[0]), "MAR>ESP");
  EXPECT_EQ(ev[0].cameo, "057");
}

TEST_F(CoderTest, ParticipialOpeningAppositionAndPassive) {
  auto ev = Code(
      "Arrivé à Alger lundi 9 mai, Sergueï Lavrov s’est entretenu ce mardi avec son "
      "homologue algérien, Ramtane Lamamra, avant d’être reçu par le président Abdelmadjid "
      "Tebboune.");
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].cameo, "042");  // arrivé à Alger
  EXPECT_EQ(Dyad(ev[0]), "RUS>DZA");
  EXPECT_EQ(ev[0].date, "2022-05-09");
  EXPECT_EQ(ev[1].cameo, "040");  // s'est entretenu avec (active, not passive)
  EXPECT_EQ(Dyad(ev[1]), "RUS>DZA");
  EXPECT_EQ(ev[2].cameo, "043");  // reçu par Tebboune: the host is the source
  EXPECT_EQ(Dyad(ev[2]), "DZA>RUS");
}

TEST_F(CoderTest, LongestPatternWins) {
  auto ev = Code("Le président russe s’était entretenu au téléphone avec son homologue algérien.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "041");
  EXPECT_EQ(Dyad(ev[0]), "RUS>DZA");
}

TEST_F(CoderTest, QuotationsTakeTheirSpeaker) {
  auto ev = Code(
      "« Nous allons adresser une invitation à nos amis algériens », a déclaré Sergueï "
      "Lavrov.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Dyad(ev[0]), "RUS>DZA");
  EXPECT_EQ(ev[0].cameo, "036");
}

TEST_F(CoderTest, ReportedClauseKeepsItsOwnSubject) {
  auto ev = Code(
      "Sergueï Lavrov a annoncé que Vladimir Poutine avait adressé une invitation à "
      "Abdelmadjid Tebboune pour une visite officielle à Moscou.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Dyad(ev[0]), "RUS>DZA");
  ASSERT_TRUE(ev[0].location.has_value());
  EXPECT_EQ(ev[0].location->country, "RUS");
}

TEST_F(CoderTest, EnglishNegationAndReporting) {
  auto ev = Code("Mali did not sever its ties with Ukraine.", "en");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(Dyad(ev[0]), "MLI>UKR");
  EXPECT_EQ(ev[0].modality, Modality::kNegated);
  auto rep = Code("Russia reportedly clashed with Ukraine.", "en");
  ASSERT_EQ(rep.size(), 1u);
  EXPECT_EQ(rep[0].modality, Modality::kReported);
  EXPECT_EQ(rep[0].cameo, "190");
}

TEST_F(CoderTest, AnnouncedOwnActIsAnIntentOrAThreat) {
  auto threat = Code("Russia said it would break ties with Ukraine.", "en");
  ASSERT_EQ(threat.size(), 1u);
  EXPECT_EQ(threat[0].cameo, "1313");
  EXPECT_EQ(Dyad(threat[0]), "RUS>UKR");
  EXPECT_EQ(threat[0].modality, Modality::kAsserted);
  auto intent = Code("Mali announced that it will meet Ukraine.", "en");
  ASSERT_EQ(intent.size(), 1u);
  EXPECT_EQ(intent[0].cameo, "036");
  // Someone else's future act stays what it is.
  auto other = Code("Russia said Mali will meet Ukraine.", "en");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].cameo, "040");
  EXPECT_EQ(other[0].modality, Modality::kSpeculative);
}

TEST_F(CoderTest, GenericIntentTakesTheCodeOfWhatItGoverns) {
  auto ev = Code("Mali agreed to meet Ukraine.", "en");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "036");
  EXPECT_EQ(Dyad(ev[0]), "MLI>UKR");
}

TEST_F(CoderTest, DemandGovernsTheVerbAfterItsTarget) {
  auto ev = Code("Russia demanded that Mali meet Ukraine.", "en");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "100");
  EXPECT_EQ(Dyad(ev[0]), "RUS>MLI");
}

TEST_F(CoderTest, RelativeClauseOfPlaceHasItsOwnSubject) {
  auto ev = Code("Russia clashed with Ukraine in Mali, where ten people were killed.", "en");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "190");
  EXPECT_EQ(Dyad(ev[0]), "RUS>UKR");
}

TEST_F(CoderTest, DomesticEventKeepsItsSource) {
  // The president and his own country are one actor: the event has a source only.
  auto ev = Code("Le président algérien a rompu ses relations avec l'Algérie.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.Key(), "DZA");
  EXPECT_TRUE(ev[0].target.Key().empty());
}

TEST_F(CoderTest, NoActorsNoEvent) {
  EXPECT_TRUE(Code("Il a rompu ses relations avec elle.").empty());
  EXPECT_TRUE(Code("Le temps sera beau demain sur la côte.").empty());
}

}  // namespace
}  // namespace vigie::events
