#include "vigie/ingest/html_extractor.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testutil.h"
#include "vigie/base/strings.h"
#include "vigie/ingest/charset.h"

namespace vigie::ingest {
namespace {

using ::vigie::testing::ReadFile;
using ::vigie::testing::TestData;

Document ExtractFile(const std::string& name) {
  std::string html = ReadFile(TestData() / "html" / name);
  EXPECT_FALSE(html.empty()) << "missing test page " << name;
  HtmlExtractor extractor;
  Document doc;
  extractor.Extract(html, "", &doc);
  return doc;
}

std::string Body(const Document& doc) {
  std::string body;
  for (const Paragraph& p : doc.paragraphs) body += p.text + "\n";
  return body;
}

bool Has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

int IndexOfParagraph(const Document& doc, std::string_view prefix) {
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (doc.paragraphs[i].text.rfind(prefix, 0) == 0) return static_cast<int>(i);
  }
  return -1;
}

TEST(HtmlExtractorTest, NewsPageKeepsOnlyTheArticle) {
  Document doc = ExtractFile("news.html");
  std::string body = Body(doc);
  EXPECT_TRUE(Has(body, "The harbour council voted on Tuesday")) << body;
  EXPECT_TRUE(Has(body, "The first boats are expected to sail next spring")) << body;
  for (std::string_view boilerplate :
       {"Most read", "We use cookies", "Share on Facebook", "All rights reserved",
        "Related stories", "Island school", "Subscribe to our newsletter", "Sport",
        "The old ferry, withdrawn"}) {
    EXPECT_FALSE(Has(body, boilerplate)) << boilerplate << " leaked into:\n" << body;
  }
  // The headline is the title, not a body paragraph.
  EXPECT_EQ(IndexOfParagraph(doc, "Harbour council approves"), -1) << body;
  for (const Paragraph& p : doc.paragraphs) {
    EXPECT_FALSE(p.text.empty());
    EXPECT_EQ(p.text, str::CollapseSpace(p.text)) << "white space not collapsed";
  }
  EXPECT_TRUE(doc.comments.empty());
}

TEST(HtmlExtractorTest, HeadingsAndListsInsideTheArticleAreKeptInOrder) {
  Document doc = ExtractFile("news.html");
  int lead = IndexOfParagraph(doc, "The harbour council voted");
  int heading = IndexOfParagraph(doc, "A long campaign by island residents");
  int item1 = IndexOfParagraph(doc, "Four crossings a day in winter");
  int item3 = IndexOfParagraph(doc, "Bicycles carried free of charge");
  int last = IndexOfParagraph(doc, "The first boats are expected");
  ASSERT_GE(lead, 0);
  EXPECT_LT(lead, heading);
  EXPECT_LT(heading, item1);
  EXPECT_LT(item1, item3);
  EXPECT_LT(item3, last);
}

TEST(HtmlExtractorTest, WordPressCommentsAreSeparateWithAuthorsAndDates) {
  Document doc = ExtractFile("wordpress_comments.html");
  std::string body = Body(doc);
  EXPECT_TRUE(Has(body, "Last autumn we stopped mowing")) << body;
  EXPECT_TRUE(Has(body, "leave the hay for a few days")) << body;
  for (std::string_view leak : {"Which seed mix", "chalk grassland mix", "neighbours complained",
                                "Margaret Lane", "Leave a Reply", "email address", "Archives"}) {
    EXPECT_FALSE(Has(body, leak)) << leak << " leaked into:\n" << body;
  }
  ASSERT_EQ(doc.comments.size(), 3u);
  EXPECT_EQ(doc.comments[0].author, "Margaret Lane");
  EXPECT_EQ(doc.comments[0].date, "2021-06-04");
  EXPECT_EQ(doc.comments[0].text, "Lovely idea. Which seed mix did you use on chalk soil?");
  // The threaded reply is its own comment and not repeated inside its parent.
  EXPECT_EQ(doc.comments[1].author, "Garden Notes");
  EXPECT_EQ(doc.comments[1].text, "A chalk grassland mix from a local nursery, sown in October.");
  EXPECT_EQ(doc.comments[2].author, "Tom");
  EXPECT_EQ(doc.comments[2].date, "2021-06-07");
  for (const Comment& c : doc.comments) {
    EXPECT_FALSE(Has(c.text, "Reply")) << c.text;
    EXPECT_FALSE(Has(c.text, "says:")) << c.text;
  }
}

TEST(HtmlExtractorTest, FrenchPageWithReactions) {
  Document doc = ExtractFile("french.html");
  std::string body = Body(doc);
  EXPECT_TRUE(Has(body, "Le conseil municipal a adopté lundi soir")) << body;
  EXPECT_TRUE(Has(body, "réclame un débat public")) << body;
  EXPECT_FALSE(Has(body, "Enfin une rénovation")) << body;
  EXPECT_FALSE(Has(body, "Mentions légales")) << body;
  EXPECT_FALSE(Has(body, "Partager")) << body;
  ASSERT_EQ(doc.comments.size(), 2u);
  EXPECT_EQ(doc.comments[0].author, "Jean-Paul");
  EXPECT_TRUE(Has(doc.comments[0].text, "Enfin une rénovation pour l’école"));
  EXPECT_EQ(doc.comments[1].author, "Sophie D.");
  EXPECT_EQ(doc.title, "Le conseil municipal adopte le budget");
}

TEST(HtmlExtractorTest, PageWithoutArticleYieldsLittle) {
  Document doc = ExtractFile("no_article.html");
  EXPECT_LE(doc.paragraphs.size(), 2u);
  EXPECT_FALSE(Has(Body(doc), "Shopping"));
  EXPECT_TRUE(doc.comments.empty());
}

TEST(HtmlExtractorTest, MalformedHtmlIsRepaired) {
  Document doc = ExtractFile("malformed.html");
  std::string body = Body(doc);
  EXPECT_EQ(doc.title, "Unclosed tags everywhere");
  EXPECT_TRUE(Has(body, "The first paragraph of this story")) << body;
  EXPECT_TRUE(Has(body, "bold text that is never closed, and a link inside the sentence")) << body;
  EXPECT_TRUE(Has(body, "still part of the same page & readable.")) << body;
  // Unclosed <p> elements still end paragraphs.
  EXPECT_EQ(IndexOfParagraph(doc, "The first paragraph") + 1,
            IndexOfParagraph(doc, "The second paragraph"));
}

TEST(HtmlExtractorTest, DoubleLineBreaksSplitParagraphs) {
  std::string html =
      "<html><body><div class=\"post-body\">The first part of a blog post written with line "
      "breaks only, as old editors do, long enough to be text.<br>\n<br>\nThe second part "
      "comes after a blank line, with a single<br>line break inside it that stays in the "
      "paragraph.<br><br>A third part closes the post, and it is long enough too, surely."
      "</div></body></html>";
  HtmlExtractor extractor;
  Document doc;
  extractor.Extract(html, "", &doc);
  ASSERT_EQ(doc.paragraphs.size(), 3u) << Body(doc);
  EXPECT_EQ(doc.paragraphs[1].text,
            "The second part comes after a blank line, with a single line break inside it that "
            "stays in the paragraph.");
}

TEST(HtmlExtractorTest, DeeplyNestedHtmlDoesNotCrash) {
  for (int depth : {20000, 100000}) {
    std::string html = "<html><body>";
    for (int i = 0; i < depth; ++i) html += "<div>";
    html +=
        "<p>A paragraph at the bottom of a very deep tree, long enough to count as text, with "
        "commas, and a full stop.</p>";
    for (int i = 0; i < depth; ++i) html += "</div>";
    html += "</body></html>";
    HtmlExtractor extractor;
    Document doc;
    extractor.Extract(html, "", &doc);
    EXPECT_TRUE(Has(Body(doc), "A paragraph at the bottom")) << "depth " << depth;
  }
}

TEST(HtmlExtractorTest, EmptyAndGarbageInput) {
  HtmlExtractor extractor;
  for (std::string_view input :
       {std::string_view(""), std::string_view("<"), std::string_view("\0\0\0", 3),
        std::string_view("</p></div></body></html>"), std::string_view("plain text only")}) {
    Document doc;
    extractor.Extract(input, "", &doc);
    EXPECT_TRUE(doc.comments.empty());
  }
}

TEST(HtmlExtractorTest, ExtractorIsReusableAcrossPages) {
  HtmlExtractor extractor;
  std::string news = ReadFile(TestData() / "html" / "news.html");
  std::string wp = ReadFile(TestData() / "html" / "wordpress_comments.html");
  Document a, b, c;
  extractor.Extract(news, "", &a);
  extractor.Extract(wp, "", &b);
  extractor.Extract(news, "", &c);
  EXPECT_EQ(Body(a), Body(c));
  EXPECT_TRUE(c.comments.empty());
  EXPECT_EQ(b.comments.size(), 3u);
}

// trafilatura's evaluation pages: main text found, comments kept out of the body.
TEST(HtmlExtractorTest, TrafilaturaBenchmark) {
  VIGIE_SKIP_WITHOUT_SHARED("benchmarks/extraction/trafilatura-eval/evaldata.json");
  auto dir = ::vigie::testing::Shared() / "benchmarks/extraction/trafilatura-eval";
  auto gold = nlohmann::json::parse(ReadFile(dir / "evaldata.json"), nullptr, false);
  ASSERT_FALSE(gold.is_discarded());
  HtmlExtractor extractor;
  int with = 0, with_found = 0, comment_pages = 0, comment_leaks = 0;
  for (auto it = gold.begin(); it != gold.end(); ++it) {
    std::string file = it.value().value("file", "");
    auto path = dir / "eval" / file;
    if (!std::filesystem::exists(path)) path = dir / "cache" / file;
    if (!std::filesystem::exists(path)) continue;
    Document doc;
    extractor.Extract(DecodeToUtf8(ReadFile(path), "", true), it.key(), &doc);
    std::string body = str::AsciiLower(str::CollapseSpace(Body(doc)));
    for (const auto& s : it.value().value("with", nlohmann::json::array())) {
      ++with;
      with_found += Has(body, str::AsciiLower(str::CollapseSpace(s.get<std::string>())));
    }
    auto comments = it.value().value("comments", nlohmann::json::array());
    if (comments.empty()) continue;
    ++comment_pages;
    bool leak = false;
    for (const auto& s : comments) {
      std::string seg = str::AsciiLower(str::CollapseSpace(s.get<std::string>()));
      leak |= !seg.empty() && Has(body, seg);
    }
    comment_leaks += leak;
  }
  ASSERT_GT(with, 1000);
  EXPECT_GE(100.0 * with_found / with, 88.0);
  EXPECT_LE(100.0 * comment_leaks / comment_pages, 5.0);
}

}  // namespace
}  // namespace vigie::ingest
