#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "vigie/base/utf8.h"
#include "vigie/text/analyzer.h"

namespace vigie::text {
namespace {

using Strings = std::vector<std::string>;

// The tokens as written.
Strings Surface(std::string_view s) {
  Strings out;
  for (const Token& t : Tokenize(s)) out.emplace_back(s.substr(t.begin, t.end - t.begin));
  return out;
}

Strings Norms(std::string_view s) {
  Strings out;
  for (const Token& t : Tokenize(s)) out.push_back(t.norm);
  return out;
}

TEST(TokenizerTest, WordsNumbersPunctuation) {
  EXPECT_EQ(Surface("Le 18 avril, le président russe (TASS) a parlé 3,5 h."),
            (Strings{"Le", "18", "avril", ",", "le", "président", "russe", "(", "TASS", ")", "a",
                     "parlé", "3,5", "h", "."}));
  std::vector<Token> t = Tokenize("Le 1er mai, 3.5 % et 1.000 $...");
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
  EXPECT_EQ(t[1].kind, TokenKind::kNumber);
  EXPECT_EQ(t[1].norm, "1er");
  EXPECT_EQ(t[3].kind, TokenKind::kPunct);
  EXPECT_EQ(t[4].norm, "3.5");
  EXPECT_EQ(t[5].kind, TokenKind::kPunct);  // % is Po in Unicode
  EXPECT_EQ(t[7].kind, TokenKind::kNumber);
  EXPECT_EQ(t[7].norm, "1.000");
  EXPECT_EQ(t[8].norm, "$");
  EXPECT_EQ(t[8].kind, TokenKind::kSymbol);
  EXPECT_EQ(Surface("fin..."), (Strings{"fin", "..."}));
  EXPECT_EQ(Surface("1\u202f000\u202f000 soldats, 18:32"),
            (Strings{"1\u202f000\u202f000", "soldats", ",", "18:32"}));
}

TEST(TokenizerTest, FrenchElisionKeepsTheApostrophe) {
  EXPECT_EQ(Surface("l'Ukraine d’Alger qu'il jusqu'à lorsqu'elle puisqu'on s’est n'a j'ai "
                    "m'a t'es c'est"),
            (Strings{"l'",      "Ukraine", "d’",      "Alger", "qu'", "il",  "jusqu'", "à",
                     "lorsqu'", "elle",    "puisqu'", "on",    "s’",  "est", "n'",     "a",
                     "j'",      "ai",      "m'",      "a",     "t'",  "es",  "c'",     "est"}));
  EXPECT_EQ(Norms("L’Ukraine"), (Strings{"l'", "ukraine"}));
  // Not elisions: the apostrophe is inside a word.
  EXPECT_EQ(Surface("aujourd'hui quelqu’un O'Brien"),
            (Strings{"aujourd'hui", "quelqu’un", "O'Brien"}));
  // An elided word before a space keeps its apostrophe; a stray apostrophe is punctuation.
  EXPECT_EQ(Surface("l' Ukraine a 'Alger"), (Strings{"l'", "Ukraine", "a", "'", "Alger"}));
}

TEST(TokenizerTest, HyphenatedWordsAreOneToken) {
  EXPECT_EQ(Surface("porte-parole, S-400, Ti-n-Zaouatene, al-Qaïda, Franco-algérien, AK-47"),
            (Strings{"porte-parole", ",", "S-400", ",", "Ti-n-Zaouatene", ",", "al-Qaïda", ",",
                     "Franco-algérien", ",", "AK-47"}));
  EXPECT_EQ(Surface("2015-2016 - fin"), (Strings{"2015", "-", "2016", "-", "fin"}));
  EXPECT_EQ(Surface("rendez-vous"), Strings{"rendez-vous"});
}

// Two capitalised parts are two names ("Alger-Moscou", "Israel-Hamas") or one compound name
// that the gazetteer indexes the same way.
TEST(TokenizerTest, HyphenBetweenCapitalisedPartsIsAToken) {
  EXPECT_EQ(
      Surface("Alger-Moscou, USA-Otan, Israel-Hamas, Maison-Blanche, Jean-Yves, CSP-DPA"),
      (Strings{"Alger",  "-", "Moscou",  ",", "USA",  "-", "Otan", ",", "Israel", "-", "Hamas", ",",
               "Maison", "-", "Blanche", ",", "Jean", "-", "Yves", ",", "CSP",    "-", "DPA"}));
  EXPECT_EQ(Surface("États-Unis"), (Strings{"États", "-", "Unis"}));
  EXPECT_EQ(Surface("Bosnie-herzégovine"), Strings{"Bosnie-herzégovine"});
}

TEST(TokenizerTest, FrenchInvertedPronounsAreSplit) {
  EXPECT_EQ(Surface("va-t-elle a-t-il dit-il sont-ils peut-on Est-ce"),
            (Strings{"va", "-t-elle", "a", "-t-il", "dit", "-il", "sont", "-ils", "peut", "-on",
                     "Est", "-ce"}));
  EXPECT_EQ(Surface("s’apprête-t-il"), (Strings{"s’", "apprête", "-t-il"}));
  EXPECT_EQ(Surface("N’y aurait-il pas"), (Strings{"N’", "y", "aurait", "-il", "pas"}));
  EXPECT_EQ(Surface("qu'est-ce"), (Strings{"qu'", "est", "-ce"}));
}

TEST(TokenizerTest, EnglishClitics) {
  EXPECT_EQ(Surface("didn't can't Algeria's they're I'm we've she'll he’d won’t"),
            (Strings{"did", "n't", "ca", "n't", "Algeria", "'s", "they", "'re", "I", "'m", "we",
                     "'ve", "she", "'ll", "he", "’d", "wo", "n’t"}));
  EXPECT_EQ(Norms("Didn’t"), (Strings{"did", "n't"}));
}

TEST(TokenizerTest, DottedAcronyms) {
  EXPECT_EQ(Surface("des A.E Lavrov, the U.S. envoy, av. J.-C. et M. Lavrov"),
            (Strings{"des", "A.E", "Lavrov", ",", "the", "U.S.", "envoy", ",", "av", ".", "J.-C.",
                     "et", "M", ".", "Lavrov"}));
  EXPECT_EQ(Surface("Alger.Le A.Expert"), (Strings{"Alger", ".", "Le", "A", ".", "Expert"}));
}

TEST(TokenizerTest, FoldingAndCaseFlags) {
  std::vector<Token> t = Tokenize("L’Algérie et l’OTAN, AK-47, Œuvre, S-400, USA-otan");
  ASSERT_EQ(t.size(), 13u);
  EXPECT_EQ(t[1].norm, "algerie");
  EXPECT_TRUE(t[1].upper_initial);
  EXPECT_FALSE(t[1].all_upper);
  EXPECT_FALSE(t[2].upper_initial);
  EXPECT_EQ(t[4].norm, "otan");
  EXPECT_TRUE(t[4].all_upper);
  EXPECT_EQ(t[6].norm, "ak-47");
  EXPECT_TRUE(t[6].all_upper);
  EXPECT_EQ(t[8].norm, "oeuvre");
  EXPECT_EQ(t[10].norm, "s-400");
  EXPECT_TRUE(t[10].upper_initial);
  EXPECT_FALSE(t[10].all_upper);  // one letter only
  EXPECT_FALSE(t[12].all_upper);
  for (const Token& tok : t) EXPECT_EQ(tok.lemma, tok.norm);
}

TEST(TokenizerTest, FoldFunction) {
  EXPECT_EQ(Fold("Algérie"), "algerie");
  EXPECT_EQ(Fold("ÉTÉ Noël Ça"), "ete noel ca");
  EXPECT_EQ(Fold("Alge\u0301rie"), "algerie");  // decomposed input
  EXPECT_EQ(Fold("l’Opep ʼx"), "l'opep 'x");
  EXPECT_EQ(Fold("Straße İstanbul Ωμέγα"), "strasse istanbul ωμεγα");
  EXPECT_EQ(Fold("cœur Æ"), "coeur ae");
  EXPECT_EQ(Fold("inter\u00adnational"), "international");  // soft hyphen
  EXPECT_EQ(Fold("한국"), "한국");                          // recomposed after NFD
  EXPECT_EQ(Fold("नहीं है"), "नहीं है");  // Devanagari vowel signs are letters, not accents
  EXPECT_EQ(Fold("Ёлка ΆΘΗΝΑ"), "елка αθηνα");
  EXPECT_EQ(Fold("plain ASCII 42"), "plain ascii 42");
  EXPECT_EQ(Fold("bad \xC3 byte"), "bad \uFFFD byte");
}

TEST(TokenizerTest, OffsetsMapBackExactly) {
  const std::string s = "Élu à l’ONU 🇩🇿👍🏽 : « ça ira » — d’accord\u00a0!";
  std::vector<Token> t = Tokenize(s);
  std::u32string u;
  for (size_t p = 0; p < s.size();) u.push_back(utf8::DecodeNext(s, &p));
  for (const Token& tok : t) {
    std::string_view bytes = std::string_view(s).substr(tok.begin, tok.end - tok.begin);
    EXPECT_EQ(tok.cp_begin, utf8::CodePointCount(std::string_view(s).substr(0, tok.begin)));
    EXPECT_EQ(tok.cp_end - tok.cp_begin, utf8::CodePointCount(bytes));
    std::string back;
    for (uint32_t k = tok.cp_begin; k < tok.cp_end; ++k) utf8::Append(u[k], &back);
    EXPECT_EQ(back, bytes);
  }
  EXPECT_EQ((Surface(s)), (Strings{"Élu", "à", "l’", "ONU", "🇩🇿", "👍🏽", ":", "«", "ça", "ira",
                                   "»", "—", "d’", "accord", "!"}));
  // "Élu": 3 code points, 4 bytes.
  EXPECT_EQ(t[0].end, 4u);
  EXPECT_EQ(t[0].cp_end, 3u);
  EXPECT_EQ(t[2].cp_begin, 6u);  // l’
  EXPECT_EQ(t[2].cp_end, 8u);
  EXPECT_EQ(t[4].kind, TokenKind::kSymbol);
  EXPECT_EQ(t[4].cp_end - t[4].cp_begin, 2u);  // flag: two regional indicators
  EXPECT_EQ(t[5].cp_end - t[5].cp_begin, 2u);  // thumbs up + skin tone
}

TEST(TokenizerTest, InvalidBytesAreSymbols) {
  const std::string s = "ab\xC3 c\xFF\xFE d\xE2\x80";
  std::vector<Token> t = Tokenize(s);
  Strings surface = Surface(s);
  EXPECT_EQ(surface, (Strings{"ab", "\xC3", "c", "\xFF", "\xFE", "d", "\xE2", "\x80"}));
  EXPECT_EQ(t[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(t[1].norm, "\uFFFD");
  // Each invalid byte is one code point: the offsets are those of utf8::Repair(s), where
  // each invalid byte became one U+FFFD.
  EXPECT_EQ(t.back().cp_end, utf8::CodePointCount(utf8::Repair(s)));
}

TEST(TokenizerTest, EmptyAndSpaces) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" \t\n\u00a0\u200b").empty());
}

}  // namespace
}  // namespace vigie::text
