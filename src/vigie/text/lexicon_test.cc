#include "vigie/text/lexicon.h"

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <hunspell.hxx>

#include "testutil.h"
#include "vigie/text/analyzer.h"
#include "vigie/text/fold.h"
#include "vigie/text/token.h"

namespace vigie::text {
namespace {

// The Debian dictionaries are build dependencies (scripts/install-deps); without them the
// lexicon cannot be tested at all, which is reported as a skip rather than a failure.
#define SKIP_WITHOUT(path)                                                    \
  do {                                                                        \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "missing " << (path); \
  } while (0)

class FrenchLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT("/usr/share/hunspell/fr.dic");
    auto lex = FrenchLexicon::Open("/usr/share/hunspell");
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    lex_ = std::move(lex).value();
  }
  std::unique_ptr<FrenchLexicon> lex_;
};

TEST_F(FrenchLexiconTest, VerbReadingsOfParticiplesAndTenses) {
  struct Case {
    const char* form;
    const char* lemma;
    uint8_t tags;  // required bits
  } cases[] = {
      {"reproché", "reprocher", kTagVerb | kTagPastParticiple},
      {"livré", "livrer", kTagVerb | kTagPastParticiple},
      {"rompu", "rompre", kTagVerb | kTagPastParticiple},
      {"reçu", "recevoir", kTagVerb | kTagPastParticiple},
      {"aurait", "avoir", kTagVerb | kTagConditional},
      {"pourraient", "pouvoir", kTagVerb | kTagConditional},
      {"tenir", "tenir", kTagVerb | kTagInfinitive},
      {"faisaient", "faire", kTagVerb},
      {"signèrent", "signer", kTagVerb},
      {"été", "etre", kTagVerb | kTagPastParticiple},
      {"est", "etre", kTagVerb},
      {"a", "avoir", kTagVerb},
      {"ont", "avoir", kTagVerb},
      {"apprête", "appreter", kTagVerb},
  };
  for (const Case& c : cases) {
    LexEntry e = lex_->Lookup(c.form);
    EXPECT_EQ(e.main.lemma, c.lemma) << c.form;
    EXPECT_EQ(e.main.tags & c.tags, c.tags) << c.form << " tags " << int(e.main.tags);
  }
  EXPECT_FALSE(lex_->Lookup("reproché").main.tags & kTagConditional);
}

TEST_F(FrenchLexiconTest, NounsAdjectivesAndPresentTenseHomographs) {
  LexEntry alg = lex_->Lookup("algériennes");
  EXPECT_EQ(alg.main.lemma, "algerien");
  EXPECT_TRUE(alg.main.tags & kTagAdjective);
  EXPECT_FALSE(alg.main.tags & kTagVerb);
  // Present-tense verb forms that are also nouns read as nouns.
  EXPECT_EQ(lex_->Lookup("livre").main.lemma, "livre");
  EXPECT_EQ(lex_->Lookup("président").main.lemma, "president");
  EXPECT_TRUE(lex_->Lookup("président").main.tags & kTagNoun);
  // A participle that is also a noun keeps the noun reading for after a determiner.
  LexEntry parti = lex_->Lookup("parti");
  EXPECT_EQ(parti.main.lemma, "partir");
  EXPECT_EQ(parti.nominal.lemma, "parti");
  EXPECT_TRUE(parti.nominal.tags & kTagNoun);
  EXPECT_FALSE(parti.nominal.tags & kTagVerb);
}

TEST_F(FrenchLexiconTest, FunctionWordsAndDeterminers) {
  for (const char* w : {"la", "les", "l'", "l’", "des", "du", "à", "et", "que", "qu'", "jusqu'",
                        "il", "se", "s'", "n'", "son"}) {
    EXPECT_TRUE(lex_->Lookup(w).main.tags & kTagFunctionWord) << w;
  }
  EXPECT_EQ(lex_->Lookup("la").main.lemma, "le");
  EXPECT_EQ(lex_->Lookup("l’").main.lemma, "le");
  EXPECT_EQ(lex_->Lookup("jusqu'").main.lemma, "jusque");
  EXPECT_EQ(lex_->Lookup("s'").main.lemma, "se");
  EXPECT_EQ(lex_->Lookup("-t-elle").main.lemma, "elle");
  EXPECT_TRUE(lex_->Lookup("-t-elle").main.tags & kTagFunctionWord);
  EXPECT_EQ(lex_->Lookup("-ils").main.lemma, "ils");
  EXPECT_TRUE(lex_->Lookup("le").determiner);
  EXPECT_TRUE(lex_->Lookup("du").determiner);
  EXPECT_TRUE(lex_->Lookup("cette").determiner);
  EXPECT_FALSE(lex_->Lookup("de").determiner);  // also a preposition: "de livrer"
  EXPECT_FALSE(lex_->Lookup("livré").determiner);
}

TEST_F(FrenchLexiconTest, NamesAndUnknownWords) {
  LexEntry paris = lex_->Lookup("Paris");
  EXPECT_EQ(paris.main.lemma, "paris");
  EXPECT_TRUE(paris.main.tags & kTagProperNoun);
  EXPECT_EQ(lex_->Lookup("paris").main.lemma, "pari");
  EXPECT_EQ(lex_->Lookup("OTAN").main.lemma, "otan");
  EXPECT_TRUE(lex_->Lookup("OTAN").main.tags & kTagProperNoun);
  EXPECT_TRUE(lex_->Lookup("Algérie").main.tags & kTagProperNoun);
  LexEntry unknown = lex_->Lookup("Lavrov");
  EXPECT_EQ(unknown.main.lemma, "lavrov");
  EXPECT_EQ(unknown.main.tags, 0);
  EXPECT_EQ(lex_->Lookup("").main.lemma, "");
  EXPECT_EQ(lex_->Lookup(std::string(500, 'a')).main.lemma, std::string(500, 'a'));
}

class EnglishLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT("/usr/share/hunspell/en_US.dic");
    SKIP_WITHOUT("/usr/share/wordnet/verb.exc");
    auto lex = EnglishLexicon::Open("/usr/share/hunspell", "/usr/share/wordnet");
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    lex_ = std::move(lex).value();
  }
  std::unique_ptr<EnglishLexicon> lex_;
};

TEST_F(EnglishLexiconTest, IrregularAndRegularVerbs) {
  struct Case {
    const char* form;
    const char* lemma;
    uint8_t tags;
  } cases[] = {
      {"broke", "break", kTagVerb},
      {"broken", "break", kTagVerb | kTagPastParticiple},
      {"fled", "flee", kTagVerb},
      {"said", "say", kTagVerb},
      {"seized", "seize", kTagVerb | kTagPastParticiple},
      {"struck", "strike", kTagVerb},
      {"talks", "talk", kTagVerb | kTagNoun},
      {"hosted", "host", kTagVerb | kTagPastParticiple},
      {"accused", "accuse", kTagVerb | kTagPastParticiple},
      {"was", "be", kTagVerb},
      {"has", "have", kTagVerb},
      {"Talks", "talk", kTagVerb},
  };
  for (const Case& c : cases) {
    LexEntry e = lex_->Lookup(c.form);
    EXPECT_EQ(e.main.lemma, c.lemma) << c.form;
    EXPECT_EQ(e.main.tags & c.tags, c.tags) << c.form << " tags " << int(e.main.tags);
  }
  EXPECT_FALSE(lex_->Lookup("broke").main.tags & kTagPastParticiple);
}

TEST_F(EnglishLexiconTest, NounsAdjectivesAndGuards) {
  EXPECT_EQ(lex_->Lookup("children").main.lemma, "child");
  EXPECT_EQ(lex_->Lookup("weapons").main.lemma, "weapon");
  EXPECT_EQ(lex_->Lookup("news").main.lemma, "news");
  EXPECT_EQ(lex_->Lookup("years").main.lemma, "year");  // WordNet also lists "years"
  EXPECT_EQ(lex_->Lookup("days").main.lemma, "day");
  EXPECT_EQ(lex_->Lookup("Dorsa").main.lemma, "dorsa");  // a name, not dorsum
  EXPECT_EQ(lex_->Lookup("data").main.lemma, "data");
  EXPECT_EQ(lex_->Lookup("bed").main.lemma, "bed");          // not be + -ed
  EXPECT_EQ(lex_->Lookup("ground").main.lemma, "ground");    // not grind
  EXPECT_EQ(lex_->Lookup("stronger").main.lemma, "strong");  // adj.exc
  EXPECT_TRUE(lex_->Lookup("stronger").main.tags & kTagAdjective);
  EXPECT_EQ(lex_->Lookup("louder").main.lemma, "loud");  // by rule
}

TEST_F(EnglishLexiconTest, FunctionWordsCliticsAndNames) {
  for (const char* w : {"the", "of", "and", "they", "The", "'s"}) {
    EXPECT_EQ(lex_->Lookup(w).main.tags, kTagFunctionWord) << w;
  }
  EXPECT_EQ(lex_->Lookup("n't").main.lemma, "not");
  EXPECT_EQ(lex_->Lookup("n’t").main.lemma, "not");
  EXPECT_EQ(lex_->Lookup("'re").main.lemma, "be");
  EXPECT_FALSE(lex_->Lookup("US").main.tags & kTagFunctionWord);
  EXPECT_TRUE(lex_->Lookup("NATO").main.tags & kTagProperNoun);
  LexEntry am = lex_->Lookup("Americans");
  EXPECT_EQ(am.main.lemma, "american");
  EXPECT_TRUE(am.main.tags & kTagProperNoun);
  EXPECT_EQ(lex_->Lookup("Lavrov").main.lemma, "lavrov");
}

// The derived dictionary (fr_dictionary.cc) must analyse every word of real text as the
// packaged one does; only prefixed units differ, and they improve ("kilomètres").
TEST(FrenchDictionaryTest, DerivedCopyGivesTheSameAnalyses) {
  SKIP_WITHOUT("/usr/share/hunspell/fr.dic");
  const std::string aff = testing::ReadFile("/usr/share/hunspell/fr.aff");
  const std::string dic = testing::ReadFile("/usr/share/hunspell/fr.dic");
  std::string fast_aff, fast_dic;
  ASSERT_TRUE(DeriveFastFrenchDictionary(aff, dic, &fast_aff, &fast_dic));
  EXPECT_EQ(fast_aff.find("\nPFX "), std::string::npos);
  const auto dir = std::filesystem::temp_directory_path() / "vigie_fr_dictionary_test";
  testing::WriteFile(dir / "fast.aff", fast_aff);
  testing::WriteFile(dir / "fast.dic", fast_dic);
  Hunspell packaged("/usr/share/hunspell/fr.aff", "/usr/share/hunspell/fr.dic");
  Hunspell fast((dir / "fast.aff").c_str(), (dir / "fast.dic").c_str());
  std::filesystem::remove_all(dir);

  const std::string corpus = testing::ReadFile(
      std::filesystem::path(testing::EnvOr("VIGIE_SOURCE", ".")) / "data/corpus/wikinews/fr.jsonl");
  ASSERT_FALSE(corpus.empty());
  std::set<std::string> words;
  for (const Token& t : Tokenize(corpus.substr(0, 300000))) {
    if (t.kind == TokenKind::kWord) words.emplace(corpus.substr(t.begin, t.end - t.begin));
  }
  ASSERT_GT(words.size(), 5000u);
  std::vector<std::string> units;  // dictionary entries with a unit prefix class
  for (size_t i = 0, j; i < dic.size(); i = j + 1) {
    j = dic.find('\n', i);
    if (j == std::string::npos) j = dic.size();
    std::string_view line(dic.data() + i, j - i);
    size_t slash = line.find('/');
    std::string_view flags = line.substr(slash + 1, line.find(' ') - slash - 1);
    if (slash != std::string_view::npos &&
        (flags.find("Um") == 0 || flags.find("Ui") == 0 || flags.find("U.") == 0)) {
      units.emplace_back(line.substr(0, slash));
    }
  }
  EXPECT_GT(units.size(), 70u);
  int differ = 0;
  for (const std::string& w : words) {
    if (w.find('\\') != std::string::npos) continue;  // JSON escapes
    if (packaged.analyze(w) != fast.analyze(w)) {
      // Units (symbols and prefixable names) are the one intended difference.
      // (Unit names are lower case in the dictionary: "henry", read in "Henry".)
      bool unit = w.size() <= 3;
      const std::string lower = Fold(w);
      for (const std::string& u : units) {
        unit |= u.size() >= 4 &&
                (w.find(u) != std::string::npos || lower.find(Fold(u)) != std::string::npos);
      }
      EXPECT_TRUE(unit) << w;
      ++differ;
    }
  }
  EXPECT_LT(differ, 40);
  auto km = fast.analyze(std::string("kilomètres"));
  ASSERT_FALSE(km.empty());
  EXPECT_NE(km[0].find("st:kilomètre"), std::string::npos) << km[0];
  EXPECT_FALSE(fast.analyze(std::string("mètres")).empty());
  EXPECT_FALSE(fast.analyze(std::string("km")).empty());
}

TEST(LexiconOpenTest, ErrorsNameTheMissingFile) {
  auto fr = FrenchLexicon::Open("/nonexistent/hunspell");
  ASSERT_FALSE(fr.ok());
  EXPECT_EQ(fr.status().code(), Status::Code::kNotFound);
  EXPECT_NE(fr.status().message().find("/nonexistent/hunspell/fr.aff"), std::string::npos)
      << fr.status().message();
  auto en = EnglishLexicon::Open("/usr/share/hunspell", "/nonexistent/wordnet");
  ASSERT_FALSE(en.ok());
  EXPECT_NE(en.status().message().find("/nonexistent/wordnet/index.noun"), std::string::npos)
      << en.status().message();
}

}  // namespace
}  // namespace vigie::text
