#include "vigie/ingest/text_extractor.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testutil.h"

namespace vigie::ingest {
namespace {

using ::vigie::testing::EnvOr;
using ::vigie::testing::ReadFile;

std::filesystem::path SourceRoot() { return EnvOr("VIGIE_SOURCE", "."); }

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

std::string Classes(const std::vector<LineClass>& cls) {
  std::string out;
  for (LineClass c : cls) out += std::string(LineClassName(c)) + " ";
  return out;
}

// The gold lists body, comment and boilerplate lines (1-based); metadata lines (dates) are
// "not content" there, i.e. listed as boilerplate. Unlisted lines are the title or blank.
TEST(TextExtractorTest, SeedsMatchGold) {
  std::string gold_text = ReadFile(::vigie::testing::TestData() / "gold/seeds-extract.json");
  ASSERT_FALSE(gold_text.empty());
  nlohmann::json gold = nlohmann::json::parse(gold_text);
  ASSERT_EQ(gold.size(), 2u);
  int correct = 0;
  int total = 0;
  for (const auto& [file, g] : gold.items()) {
    std::string text = ReadFile(SourceRoot() / "data/corpus/seeds" / file);
    ASSERT_FALSE(text.empty()) << file;
    std::vector<std::string> lines = SplitLines(text);
    std::vector<LineClass> cls = ClassifyLines(text);
    ASSERT_EQ(cls.size(), lines.size()) << file;
    std::set<int> body(g["body_lines"].begin(), g["body_lines"].end());
    std::set<int> comments(g["comment_lines"].begin(), g["comment_lines"].end());
    std::set<int> boiler(g["boilerplate_lines"].begin(), g["boilerplate_lines"].end());
    std::string title = g["title"].is_null() ? "" : g["title"].get<std::string>();
    for (size_t i = 0; i < cls.size(); ++i) {
      int n = static_cast<int>(i) + 1;
      bool ok;
      if (body.count(n)) {
        ok = cls[i] == LineClass::kBody;
      } else if (comments.count(n)) {
        ok = cls[i] == LineClass::kComment;
      } else if (boiler.count(n)) {
        ok = cls[i] == LineClass::kBoilerplate || cls[i] == LineClass::kMetadata;
      } else if (!title.empty() && lines[i] == title) {
        ok = cls[i] == LineClass::kTitle;
      } else {
        ok = cls[i] == LineClass::kBlank;
      }
      EXPECT_TRUE(ok) << file << " line " << n << " classified " << LineClassName(cls[i]) << ": "
                      << lines[i].substr(0, 80);
      correct += ok ? 1 : 0;
      ++total;
    }

    Document doc;
    doc.lang = "fr";
    ExtractText(text, &doc);
    EXPECT_EQ(doc.title, title) << file;
    if (!g["date"].is_null()) {
      EXPECT_EQ(doc.date, g["date"].get<std::string>()) << file;
    }
    EXPECT_EQ(doc.comments.size(), comments.size()) << file;
    EXPECT_FALSE(doc.paragraphs.empty());
    for (const Paragraph& p : doc.paragraphs) {
      EXPECT_FALSE(p.text.empty());
      EXPECT_EQ(p.text.find("  "), std::string::npos);
    }
    // Metadata lines are listed in `dropped` too: body, comments and dropped lines
    // partition the text as the gold's three classes do.
    EXPECT_EQ(doc.dropped.size(), boiler.size()) << file;
  }
  EXPECT_EQ(correct, total);
}

TEST(TextExtractorTest, SeedDetails) {
  std::string text = ReadFile(SourceRoot() / "data/corpus/seeds/000_1c3a05aa23bf00c9.txt");
  Document doc;
  ExtractText(text, &doc);
  EXPECT_EQ(doc.title, "Le S-400 bientôt en Algérie?");
  EXPECT_EQ(doc.date, "2022-05-12");
  EXPECT_EQ(doc.modified, "2022-05-12");
  ASSERT_EQ(doc.dropped.size(), 4u);
  EXPECT_EQ(doc.dropped[0], "(last modified Thu, 12 May 2022 18:32:06 GMT )");
  EXPECT_EQ(doc.dropped[2], "• Le S-400 bientôt en Algérie?");
  EXPECT_EQ(doc.dropped[3], "Mots clés");
  // Lines 6 and 8 are one sentence broken by the page ("…violence terroriste," / "le
  // ministre…"): one paragraph.
  ASSERT_FALSE(doc.paragraphs.empty());
  EXPECT_NE(doc.paragraphs[0].text.find("terroriste, le ministre russe"), std::string::npos);
  EXPECT_EQ(doc.paragraphs.size(), 10u);
}

// A JSONL record's "text" goes through the same classifier and gets the same classes.
TEST(TextExtractorTest, JsonlTextMatchesTxt) {
  std::ifstream in(SourceRoot() / "data/corpus/seeds.jsonl");
  ASSERT_TRUE(in.good());
  std::string line;
  int records = 0;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    std::string txt =
        ReadFile(SourceRoot() / "data/corpus/seeds" / (j["id"].get<std::string>() + ".txt"));
    EXPECT_EQ(Classes(ClassifyLines(j["text"].get<std::string>())), Classes(ClassifyLines(txt)));
    ++records;
  }
  EXPECT_EQ(records, 2);
}

TEST(TextExtractorTest, WindowsLineEndings) {
  std::string text = ReadFile(SourceRoot() / "data/corpus/seeds/003_48e187f1540163f6.txt");
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(Classes(ClassifyLines(crlf)), Classes(ClassifyLines(text)));
  Document doc;
  ExtractText(crlf, &doc);
  for (const Comment& c : doc.comments) EXPECT_EQ(c.text.find('\r'), std::string::npos);
}

TEST(TextExtractorTest, EmptyAndTinyInputs) {
  EXPECT_TRUE(ClassifyLines("").empty());
  Document doc;
  ExtractText("", &doc);
  EXPECT_TRUE(doc.paragraphs.empty());
  EXPECT_TRUE(doc.title.empty());

  // One line is the text itself, never a title.
  std::vector<LineClass> one = ClassifyLines("Russia and Algeria sign a strategic partnership");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0], LineClass::kBody);
  EXPECT_EQ(ClassifyLines("One line.\n").size(), 1u);
  EXPECT_EQ(Classes(ClassifyLines("\n\n")), "blank blank ");
}

TEST(TextExtractorTest, TitleWithoutBlankLines) {
  std::string long_par(
      "The foreign ministers of both countries met in Algiers on Tuesday to discuss energy "
      "cooperation, regional security and the situation in the Sahel, officials said.");
  std::string text = "Ministers meet in Algiers\n" + long_par + "\n" + long_par + "\n";
  EXPECT_EQ(Classes(ClassifyLines(text)), "title body body ");
}

TEST(TextExtractorTest, MetadataLines) {
  std::string text =
      "Sommet à Alger\n"
      "Publié le 12 mai 2022 à 18h32\n"
      "Mis à jour le 13 mai 2022\n"
      "Par Jean Dupont\n"
      "\n"
      "Le sommet s'est tenu le 12 mai 2022 en présence de nombreux chefs d'État africains.\n"
      "Par ailleurs, les ministres ont signé trois accords.\n";
  std::vector<LineClass> cls = ClassifyLines(text);
  EXPECT_EQ(Classes(cls), "title metadata metadata metadata blank body body ");
  Document doc;
  ExtractText(text, &doc);
  EXPECT_EQ(doc.title, "Sommet à Alger");
  EXPECT_EQ(doc.date, "2022-05-12");
  EXPECT_EQ(doc.modified, "2022-05-13");
  EXPECT_EQ(doc.author, "Jean Dupont");
  EXPECT_EQ(doc.paragraphs.size(), 2u);
}

TEST(TextExtractorTest, SiteChromeIsBoilerplate) {
  std::string par =
      "The government announced new sanctions against the regime on Tuesday, the foreign "
      "minister said in a statement published after the cabinet meeting in the capital.";
  std::string text = par + "\nShare\nTags: Russia, Algeria\nRead more: Sahel crisis deepens\n" +
                     "© 2024 The Daily Example\nWe use cookies to improve your experience. "
                     "Accept all\nHome secretary resigns\n" +
                     par + "\n";
  EXPECT_EQ(Classes(ClassifyLines(text)),
            "body boilerplate boilerplate boilerplate boilerplate boilerplate body body ");
}

TEST(TextExtractorTest, ExplicitCommentSeparator) {
  std::string text =
      "La Russie et l'Algérie ont signé mardi une déclaration de partenariat stratégique "
      "approfondi, a annoncé le ministère des Affaires étrangères dans un communiqué.\n"
      "\n"
      "3 commentaires\n"
      "Karim dit :\n"
      "Une excellente nouvelle pour la région.\n"
      "12 mai 2022\n"
      "Rien de nouveau sous le soleil.\n";
  EXPECT_EQ(Classes(ClassifyLines(text)),
            "body blank boilerplate comment comment comment comment ");
  Document doc;
  ExtractText(text, &doc);
  ASSERT_EQ(doc.comments.size(), 2u);
  EXPECT_EQ(doc.comments[0].author, "Karim");
  EXPECT_EQ(doc.comments[0].text, "Une excellente nouvelle pour la région.");
  EXPECT_EQ(doc.comments[1].date, "2022-05-12");
  EXPECT_EQ(doc.dropped, std::vector<std::string>{"3 commentaires"});
}

TEST(TextExtractorTest, RegisterChangeStartsComments) {
  std::string par =
      "Iraq's parliament voted on Sunday to expel United States troops from the country, two "
      "days after a drone strike near Baghdad airport killed a senior Iranian general and an "
      "Iraqi militia commander, officials said. The resolution, which is not binding, asks the "
      "government to end the presence of all foreign forces.";
  std::string text = par + "\n" + par + "\n" +
                     "you people have no idea what you are talking about!\n"
                     "I agree , this was coming for years.\n"
                     "Great article, thanks!\n";
  EXPECT_EQ(Classes(ClassifyLines(text)), "body body comment comment comment ");
}

TEST(TextExtractorTest, ShortLastParagraphStaysBody) {
  std::string par =
      "Le président a reçu mardi son homologue malien pour évoquer la sécurité au Sahel et la "
      "coopération économique entre les deux pays, selon un communiqué de la présidence.";
  std::string text = par + "\n\n" + par + "\n\nLa situation reste tendue.\n";
  EXPECT_EQ(Classes(ClassifyLines(text)), "body blank body blank body ");
  // An interview is first and second person throughout: not comments.
  std::string interview = par +
                          "\n((WN)) Why did you decide to run?\n"
                          "((Candidate)) I wanted to give voters a real choice!\n"
                          "((WN)) What are your priorities?\n";
  EXPECT_EQ(Classes(ClassifyLines(interview)), "body body body body ");
}

// The bundled Wikinews articles have no reader comments: the comment detector must stay
// quiet on (almost) all of them, and must not drop running text as chrome.
TEST(TextExtractorTest, WikinewsHasNoComments) {
  int docs = 0;
  int with_comments = 0;
  for (const char* f : {"data/corpus/wikinews/fr.jsonl", "data/corpus/wikinews/en.jsonl"}) {
    std::ifstream in(SourceRoot() / f);
    ASSERT_TRUE(in.good()) << f;
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line);
      std::vector<LineClass> cls = ClassifyLines(j["text"].get<std::string>());
      int body = 0;
      bool comment = false;
      for (LineClass c : cls) {
        body += c == LineClass::kBody ? 1 : 0;
        comment = comment || c == LineClass::kComment;
      }
      EXPECT_GT(body, 0) << j["id"];
      with_comments += comment ? 1 : 0;
      ++docs;
    }
  }
  EXPECT_EQ(docs, 654);
  EXPECT_LE(with_comments, docs / 100) << with_comments << " of " << docs;
}

TEST(TextExtractorTest, NeverCrashesOnOddInput) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 256);
  EXPECT_EQ(ClassifyLines(junk).size(), SplitLines(junk).size());
  Document doc;
  ExtractText(junk, &doc);
  std::string long_line(1 << 20, 'a');
  EXPECT_EQ(ClassifyLines(long_line).size(), 1u);
  std::string many_lines;
  for (int i = 0; i < 20000; ++i) many_lines += "Short line " + std::to_string(i) + "!\n";
  EXPECT_EQ(ClassifyLines(many_lines).size(), 20000u);
}

TEST(TextExtractorTest, LineClassNames) {
  EXPECT_STREQ(LineClassName(LineClass::kTitle), "title");
  EXPECT_STREQ(LineClassName(LineClass::kComment), "comment");
  EXPECT_STREQ(LineClassName(LineClass::kBoilerplate), "boilerplate");
}

}  // namespace
}  // namespace vigie::ingest
