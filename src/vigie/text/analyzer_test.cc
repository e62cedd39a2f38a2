#include "vigie/text/analyzer.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/base/utf8.h"

namespace vigie::text {
namespace {

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = Analyzer::Open();
    if (a.ok())
      analyzer_ = std::move(a).value().release();
    else
      open_error_ = new std::string(a.status().ToString());
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    analyzer_ = nullptr;
  }
  void SetUp() override {
    if (!std::filesystem::exists("/usr/share/hunspell/fr.dic")) {
      GTEST_SKIP() << "Debian dictionaries absent (scripts/install-deps)";
    }
    ASSERT_NE(analyzer_, nullptr) << *open_error_;
  }

  // The token of `s` whose surface is `surface`; fails the test when absent.
  static const Token* Find(const Sentence& s, std::string_view surface) {
    for (const Token& t : s.tokens) {
      if (std::string_view(s.text).substr(t.begin, t.end - t.begin) == surface) return &t;
    }
    ADD_FAILURE() << "no token '" << surface << "' in: " << s.text;
    static Token none;
    return &none;
  }

  static Analyzer* analyzer_;
  static std::string* open_error_;
};
Analyzer* AnalyzerTest::analyzer_ = nullptr;
std::string* AnalyzerTest::open_error_ = nullptr;

TEST_F(AnalyzerTest, FrenchLemmasInContext) {
  auto ss = analyzer_->Analyze(
      "Les autorités russes ont reproché ouvertement à leurs homologues algériens d’avoir "
      "manqué à leur devoir. Le 4 août dernier, le Mali a rompu ses relations avec l’Ukraine. "
      "Les Russes ont livré au Mali un radar 3D. La colonne aurait été arrêtée près des "
      "frontières algériennes. Il a été reçu par le président.",
      "fr");
  ASSERT_EQ(ss.size(), 5u);
  EXPECT_EQ(Find(ss[0], "reproché")->lemma, "reprocher");
  EXPECT_TRUE(Find(ss[0], "reproché")->Has(kTagPastParticiple));
  EXPECT_EQ(Find(ss[0], "d’")->lemma, "de");
  EXPECT_EQ(Find(ss[0], "d’")->norm, "d'");
  EXPECT_EQ(Find(ss[0], "autorités")->lemma, "autorite");
  EXPECT_EQ(Find(ss[1], "rompu")->lemma, "rompre");
  EXPECT_EQ(Find(ss[1], "l’")->lemma, "le");
  EXPECT_EQ(Find(ss[2], "livré")->lemma, "livrer");
  EXPECT_EQ(Find(ss[3], "aurait")->lemma, "avoir");
  EXPECT_TRUE(Find(ss[3], "aurait")->Has(kTagConditional));
  EXPECT_TRUE(Find(ss[3], "aurait")->Has(kTagVerb));
  EXPECT_EQ(Find(ss[3], "algériennes")->lemma, "algerien");
  EXPECT_EQ(Find(ss[3], "algériennes")->norm, "algeriennes");
  EXPECT_EQ(Find(ss[4], "reçu")->lemma, "recevoir");
  EXPECT_EQ(Find(ss[4], "président")->lemma, "president");
  EXPECT_TRUE(Find(ss[4], "président")->Has(kTagNoun));
  EXPECT_TRUE(Find(ss[4], "par")->Has(kTagFunctionWord));
}

TEST_F(AnalyzerTest, DeterminerSelectsTheNounReading) {
  auto ss = analyzer_->Analyze("Le parti est parti. Les prises ont été prises.", "fr");
  ASSERT_EQ(ss.size(), 2u);
  EXPECT_EQ(ss[0].tokens[1].lemma, "parti");
  EXPECT_TRUE(ss[0].tokens[1].Has(kTagNoun));
  EXPECT_EQ(ss[0].tokens[3].lemma, "partir");
  EXPECT_EQ(ss[1].tokens[1].lemma, "prise");
  EXPECT_EQ(ss[1].tokens[4].lemma, "prendre");
}

TEST_F(AnalyzerTest, EnglishLemmas) {
  auto ss = analyzer_->Analyze(
      "Talks broke down after Algeria hosted the envoys. Troops fled and rebels seized the "
      "town, he said. They didn't agree and can't stay.",
      "en");
  ASSERT_EQ(ss.size(), 3u);
  EXPECT_EQ(Find(ss[0], "Talks")->lemma, "talk");
  EXPECT_EQ(Find(ss[0], "broke")->lemma, "break");
  EXPECT_EQ(Find(ss[0], "hosted")->lemma, "host");
  EXPECT_TRUE(Find(ss[0], "hosted")->Has(kTagPastParticiple));
  EXPECT_EQ(Find(ss[0], "envoys")->lemma, "envoy");
  EXPECT_EQ(Find(ss[1], "fled")->lemma, "flee");
  EXPECT_EQ(Find(ss[1], "seized")->lemma, "seize");
  EXPECT_EQ(Find(ss[1], "said")->lemma, "say");
  EXPECT_EQ(Find(ss[2], "did")->lemma, "do");
  EXPECT_EQ(Find(ss[2], "n't")->lemma, "not");
  EXPECT_EQ(Find(ss[2], "ca")->lemma, "can");
}

TEST_F(AnalyzerTest, OffsetsMapBackToTheParagraph) {
  const std::string text =
      "Arrivé à Alger, M. Lavrov s’est entretenu avec l’émir 🙂. « Qu’a-t-il dit ? » "
      "Rien.\n\nL’Algérie a-t-elle répondu ?";
  auto ss = analyzer_->Analyze(text, "fr");
  ASSERT_EQ(ss.size(), 4u);
  std::u32string all;
  for (size_t p = 0; p < text.size();) all.push_back(utf8::DecodeNext(text, &p));
  for (const Sentence& s : ss) {
    EXPECT_EQ(text.substr(s.offset, s.text.size()), s.text);
    uint32_t sentence_cp =
        static_cast<uint32_t>(utf8::CodePointCount(std::string_view(text).substr(0, s.offset)));
    for (const Token& t : s.tokens) {
      std::string bytes = s.text.substr(t.begin, t.end - t.begin);
      std::string back;
      for (uint32_t k = t.cp_begin; k < t.cp_end; ++k) utf8::Append(all[sentence_cp + k], &back);
      EXPECT_EQ(back, bytes);
    }
  }
  EXPECT_EQ(ss[0].text, "Arrivé à Alger, M. Lavrov s’est entretenu avec l’émir 🙂.");
  EXPECT_EQ(ss[1].text, "« Qu’a-t-il dit ? »");
  EXPECT_EQ(ss[3].text, "L’Algérie a-t-elle répondu ?");
  const Token* elle = Find(ss[3], "-t-elle");
  EXPECT_EQ(elle->lemma, "elle");
  EXPECT_TRUE(elle->Has(kTagFunctionWord));
  const Token* l = Find(ss[3], "L’");
  EXPECT_EQ(l->cp_begin, 0u);
  EXPECT_EQ(l->cp_end, 2u);
  EXPECT_EQ(l->norm, "l'");
  EXPECT_TRUE(l->upper_initial);
  const Token* alg = Find(ss[3], "Algérie");
  EXPECT_EQ(alg->begin, 4u);  // after "L’" (4 bytes)
  EXPECT_EQ(alg->cp_begin, 2u);
  EXPECT_EQ(alg->cp_end, 9u);
  EXPECT_EQ(alg->norm, "algerie");
}

TEST_F(AnalyzerTest, CachedAndUncachedAgree) {
  const std::string text = "Le Mali a rompu ses relations. Le Mali a rompu ses relations.";
  auto a = analyzer_->Analyze(text, "fr");
  auto b = analyzer_->Analyze(text, "fr");
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  for (size_t i = 0; i < a[0].tokens.size(); ++i) {
    EXPECT_EQ(a[0].tokens[i].lemma, a[1].tokens[i].lemma);
    EXPECT_EQ(a[0].tokens[i].lemma, b[1].tokens[i].lemma);
    EXPECT_EQ(a[0].tokens[i].tags, b[0].tokens[i].tags);
  }
  // The same form is cached per language: "a" is avoir in French, a function word in English.
  EXPECT_EQ(analyzer_->Analyze("a", "en")[0].tokens[0].lemma, "a");
  EXPECT_TRUE(analyzer_->Analyze("a", "en")[0].tokens[0].Has(kTagFunctionWord));
  EXPECT_EQ(analyzer_->Analyze("a", "fr")[0].tokens[0].lemma, "avoir");
}

TEST_F(AnalyzerTest, LemmatizeOneWord) {
  Token t;
  analyzer_->Lemmatize("fr", "Reçu", &t);
  EXPECT_EQ(t.norm, "recu");
  EXPECT_EQ(t.lemma, "recevoir");
  Token u;
  u.norm = "broke";
  analyzer_->Lemmatize("en", &u);
  EXPECT_EQ(u.lemma, "break");
}

TEST_F(AnalyzerTest, NumbersAndPunctuation) {
  auto ss = analyzer_->Analyze("Il a livré 1.000 missiles S-400 !", "fr");
  ASSERT_EQ(ss.size(), 1u);
  const Token* n = Find(ss[0], "1.000");
  EXPECT_EQ(n->kind, TokenKind::kNumber);
  EXPECT_EQ(n->lemma, "1.000");
  EXPECT_EQ(Find(ss[0], "S-400")->norm, "s-400");
  EXPECT_EQ(Find(ss[0], "!")->kind, TokenKind::kPunct);
}

TEST_F(AnalyzerTest, NeverCrashesOnBytes) {
  std::string junk;
  for (int i = 0; i < 256; ++i) junk.push_back(static_cast<char>(i));
  for (int i = 255; i >= 0; --i) junk.push_back(static_cast<char>(i));
  junk += "l'\xC3\xA9t\xC3 -t-\xFF n'\xE2\x80\x99t 'sa'' -- a-t-";
  for (const char* lang : {"fr", "en", "de"}) {
    size_t tokens = 0;
    for (const Sentence& s : analyzer_->Analyze(junk, lang)) {
      for (const Token& t : s.tokens) {
        EXPECT_LE(t.begin, t.end);
        EXPECT_LE(t.end, s.text.size());
        ++tokens;
      }
    }
    EXPECT_GT(tokens, 0u);
  }
}

TEST_F(AnalyzerTest, SeedArticle) {
  const std::string text =
      testing::ReadFile(std::filesystem::path(testing::EnvOr("VIGIE_SOURCE", ".")) /
                        "data/corpus/seeds/003_48e187f1540163f6.txt");
  ASSERT_FALSE(text.empty());
  auto ss = analyzer_->Analyze(text, "fr");
  EXPECT_GT(ss.size(), 20u);
  bool found = false;
  for (const Sentence& s : ss) {
    if (s.text.rfind("Les autorités russes ont reproché", 0) == 0) {
      found = true;
      EXPECT_EQ(Find(s, "reproché")->lemma, "reprocher");
      EXPECT_EQ(Find(s, "algériennes")->lemma, "algerien");
    }
  }
  EXPECT_TRUE(found);
}

TEST(AnalyzerOpenTest, ErrorNamesTheMissingFile) {
  LexiconPaths paths;
  paths.hunspell_dir = "/nonexistent/dicts";
  auto a = Analyzer::Open(paths);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotFound);
  EXPECT_NE(a.status().message().find("/nonexistent/dicts/fr.aff"), std::string::npos);
  paths = LexiconPaths{};
  paths.wordnet_dir = "/nonexistent/wn";
  a = Analyzer::Open(paths);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("/nonexistent/wn/index.noun"), std::string::npos);
}

}  // namespace
}  // namespace vigie::text
