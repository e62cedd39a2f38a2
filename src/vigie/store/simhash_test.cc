#include "vigie/store/internal/simhash.h"

#include <string>

#include <gtest/gtest.h>

namespace vigie::store::internal {
namespace {

const char* kArticle =
    "Le ministre russe des Affaires etrangeres Sergueï Lavrov est arrive a Alger lundi pour une "
    "visite de deux jours consacree au partenariat strategique entre l'Algerie et la Russie. Il "
    "s'est entretenu mardi avec son homologue Ramtane Lamamra avant d'etre recu par le president "
    "Abdelmadjid Tebboune, qui a salue une cooperation ancienne et diversifiee. Les deux "
    "delegations ont evoque la situation en Ukraine, le marche du gaz en Europe et la securite "
    "au Sahel, ou Alger craint les consequences de la presence de mercenaires le long de sa "
    "frontiere sud. Moscou souhaite augmenter ses livraisons de ble et d'armement, tandis que "
    "l'Algerie demande des investissements dans l'energie et la formation. Selon un diplomate, "
    "la visite devait preparer le deplacement du president algerien en Russie a la fin de "
    "l'annee, et la signature d'une declaration sur un partenariat strategique approfondi entre "
    "les deux capitales, un texte qui remplacerait celui de 2001.";

TEST(SimHashTest, IdenticalTextsHaveTheSameFingerprint) {
  EXPECT_EQ(SimHash(kArticle), SimHash(std::string(kArticle)));
}

TEST(SimHashTest, CaseAndPunctuationDoNotMatter) {
  std::string shouted(kArticle);
  for (char& c : shouted) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == '.' || c == ',') c = ' ';
  }
  EXPECT_EQ(SimHash(kArticle), SimHash(shouted));
}

TEST(SimHashTest, AnEditedCopyIsNear) {
  std::string copy = std::string(kArticle) + " (Avec AFP)";
  auto a = SimHash(kArticle), b = SimHash(copy);
  ASSERT_TRUE(a && b);
  EXPECT_LE(HammingDistance(*a, *b), kMaxDuplicateDistance);
}

TEST(SimHashTest, DifferentArticlesAreFar) {
  const char* other =
      "Les autorites maliennes ont annonce dimanche la rupture des relations diplomatiques avec "
      "l'Ukraine, accusee d'avoir soutenu les groupes armes responsables de l'attaque de "
      "Tinzaouaten, ou des dizaines de soldats et de mercenaires russes ont ete tues en juillet.";
  auto a = SimHash(kArticle), b = SimHash(other);
  ASSERT_TRUE(a && b);
  EXPECT_GT(HammingDistance(*a, *b), 10);
}

TEST(SimHashTest, ShortTextsAreNotFingerprinted) {
  EXPECT_FALSE(SimHash("Le Mali rompt avec l'Ukraine.").has_value());
  EXPECT_FALSE(SimHash("").has_value());
}

TEST(SimHashTest, NearFingerprintsShareABand) {
  const uint64_t a = 0x0123456789abcdefull;
  const uint64_t b = a ^ (1ull << 3) ^ (1ull << 20) ^ (1ull << 40);  // distance 3, 3 bands hit
  auto ka = BandKeys(a), kb = BandKeys(b);
  int shared = 0;
  for (int i = 0; i < kBands; ++i) shared += ka[i] == kb[i];
  EXPECT_GE(shared, 1);
  EXPECT_EQ(ka[3], kb[3]);
}

}  // namespace
}  // namespace vigie::store::internal
