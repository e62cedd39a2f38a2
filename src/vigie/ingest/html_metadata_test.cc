#include "vigie/ingest/html_metadata.h"

#include <string>

#include <gtest/gtest.h>

#include "vigie/ingest/html_dom.h"

namespace vigie::ingest {
namespace {

HtmlMetadata Meta(std::string_view page, std::string_view url = "") {
  static html::Dom dom;
  dom.Parse(page);
  return ExtractHtmlMetadata(dom, url);
}

TEST(HtmlMetadataTest, JsonLdGraphWithAuthorReference) {
  auto m = Meta(R"(<html lang="fr-FR"><head>
<title>Le Mali rompt avec l&#8217;Ukraine | Le Journal</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"https://ex.fr/#site","name":"Le Journal"},
 {"@type":"NewsArticle","headline":"Le Mali rompt avec l&#8217;Ukraine",
  "datePublished":"2024-08-04T10:00:00+02:00","dateModified":"2024-08-06T09:00:00+02:00",
  "author":[{"@id":"https://ex.fr/#p1"},{"@type":"Person","name":"Awa Traoré"}],
  "publisher":{"@type":"Organization","name":"Le Journal"}},
 {"@type":"Person","@id":"https://ex.fr/#p1","name":"Jean Dupont"}]}</script>
</head><body><p>Texte.</p></body></html>)");
  EXPECT_EQ(m.title, "Le Mali rompt avec l\u2019Ukraine");
  EXPECT_EQ(m.date, "2024-08-04");
  EXPECT_EQ(m.modified, "2024-08-06");
  EXPECT_EQ(m.author, "Jean Dupont; Awa Traoré");
  EXPECT_EQ(m.site, "Le Journal");
  EXPECT_EQ(m.lang, "fr");
}

TEST(HtmlMetadataTest, BrokenJsonLdFallsBackToOpenGraph) {
  auto m = Meta(R"(<html><head>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
<meta property="og:title" content="Algeria and Russia sign a partnership">
<meta property="og:site_name" content="The Daily">
<meta property="og:url" content="https://daily.example/a/1">
<meta property="og:locale" content="en_GB">
<meta property="article:published_time" content="2022-05-12T18:32:06Z">
<meta property="article:modified_time" content="2022-06-01T08:00:00Z">
<meta property="article:author" content="https://facebook.com/someone">
<meta name="author" content="By Jane Doe">
</head><body></body></html>)");
  EXPECT_EQ(m.title, "Algeria and Russia sign a partnership");
  EXPECT_EQ(m.date, "2022-05-12");
  EXPECT_EQ(m.modified, "2022-06-01");
  EXPECT_EQ(m.author, "Jane Doe");
  EXPECT_EQ(m.site, "The Daily");
  EXPECT_EQ(m.url, "https://daily.example/a/1");
  EXPECT_EQ(m.lang, "en");
}

TEST(HtmlMetadataTest, ModifiedDateIsNeverThePublishedOne) {
  auto m = Meta(R"(<html><head><title>T</title>
<meta property="og:updated_time" content="2022-06-01"></head><body></body></html>)");
  EXPECT_EQ(m.date, "");
  EXPECT_EQ(m.modified, "2022-06-01");
}

TEST(HtmlMetadataTest, TitleFromH1AndSiteSuffixStripped) {
  auto m = Meta(R"(<html><head><title>Ski-Fahren auf den Spuren des Trolls &#8211; Columbus</title>
<meta property="og:site_name" content="Columbus"></head><body>
<h1 class="site-title"><a href="/">Columbus</a></h1>
<h1 class="entry-title">Ski-Fahren auf den Spuren des Trolls</h1></body></html>)");
  EXPECT_EQ(m.title, "Ski-Fahren auf den Spuren des Trolls");
  auto t = Meta(
      "<title>Four Years Remaining \xC2\xBB Blog Archive \xC2\xBB "
      "Interning of Small Integers in Python</title>");
  EXPECT_EQ(t.title, "Interning of Small Integers in Python");
  auto u = Meta("<title>Un titre assez long pour un article | Site</title>");
  EXPECT_EQ(u.title, "Un titre assez long pour un article");
}

TEST(HtmlMetadataTest, HeadlineAgreeingWithDeclaredTitleKeepsItsKicker) {
  // Without a site name, "Kicker – Headline" looks like "Site – Headline"; the <h1> showing
  // the whole og:title says the first part belongs to the headline.
  auto m = Meta(R"(<head><title>Grüner Wasserstoff – das Schlüsselelement der Energiewende</title>
<meta property="og:title" content="Grüner Wasserstoff – das Schlüsselelement der Energiewende">
</head><body><h1>Grüner Wasserstoff – das Schlüsselelement der Energiewende</h1></body>)");
  EXPECT_EQ(m.title, "Grüner Wasserstoff – das Schlüsselelement der Energiewende");
  // The visible spelling wins over the declared one when only case or quotes differ.
  auto q = Meta(R"(<head><meta property="og:title" content="Editor's Letter: a new start">
</head><body><h1>Editor’s Letter: a new start</h1></body>)");
  EXPECT_EQ(q.title, "Editor’s Letter: a new start");
}

TEST(HtmlMetadataTest, BlogPostTitleInH2UnderTheBlogNameH1) {
  auto m = Meta(R"(<head><title>Geschnetzeltes vom Rind mit Apfel und Zwiebel | Gut essen</title>
</head><body><div id="header"><h1><a href="/">Gut essen</a></h1></div>
<div id="sidebar"><h2>Seiten</h2><h2>Kategorien</h2></div>
<div id="content"><h2>Geschnetzeltes vom Rind mit Apfel und Zwiebel</h2><p>Text.</p></div>
</body>)");
  EXPECT_EQ(m.title, "Geschnetzeltes vom Rind mit Apfel und Zwiebel");
  auto og = Meta(R"(<head><meta property="og:title" content="Office 365 – die Dritte">
<meta property="og:site_name" content="Mein Blog"></head><body>
<header class="site-header"><h1 class="site-title">Mein Blog</h1></header>
<article><h2 class="entry-title">Office 365 – die Dritte</h2></article></body>)");
  EXPECT_EQ(og.title, "Office 365 – die Dritte");
}

TEST(HtmlMetadataTest, LoneVisibleH1BeatsAnUnseenSearchTitle) {
  auto m = Meta(R"(<head><title>Autofinanzierung – Autokredit oder doch besser Leasing?</title>
</head><body><header><div class="logo">Vergleich</div></header>
<main><h1>Finanzierung Ihres Autos</h1><p>Text.</p></main></body>)");
  EXPECT_EQ(m.title, "Finanzierung Ihres Autos");
  // An <h1> for screen readers only, or the site's name in the masthead, is not a headline.
  auto hidden = Meta(R"(<head><meta property="og:title" content="Posts gewinnen"></head><body>
<h1 class="sr-only">Details</h1><p>Text.</p></body>)");
  EXPECT_EQ(hidden.title, "Posts gewinnen");
  auto logo = Meta(R"(<head><title>Ein Beitrag über Schafe</title></head><body>
<div id="masthead"><h1>Das Schafblog</h1></div><p>Text.</p></body>)");
  EXPECT_EQ(logo.title, "Ein Beitrag über Schafe");
}

TEST(HtmlMetadataTest, HostNameIsASiteName) {
  auto m = Meta("<title>example.org // \xC2\xBB Jens Weber</title>");
  EXPECT_EQ(m.title, "Jens Weber");
}

TEST(HtmlMetadataTest, DatesFromMarkupUrlAndText) {
  auto time = Meta(R"(<body><h1>Titre</h1><time datetime="2021-09-03T08:00">3 sept.</time>
</body>)");
  EXPECT_EQ(time.date, "2021-09-03");
  auto url = Meta("<body><h1>Titre</h1><p>Texte</p></body>", "https://ex.com/2022/05/12/titre/");
  EXPECT_EQ(url.date, "2022-05-12");
  auto text = Meta("<html lang=de><body><h1>Titel</h1><p>12. Mai 2022 | Redaktion</p></body>");
  EXPECT_EQ(text.date, "2022-05-12");
  // A UTC timestamp one day off the date in the URL: the URL shows the publisher's date.
  auto utc = Meta(R"(<head><meta property="article:published_time"
content="2020-02-25T03:10:00+00:00"></head><body></body>)",
                  "https://ex.com/2020/02/24/story/");
  EXPECT_EQ(utc.date, "2020-02-24");
}

TEST(HtmlMetadataTest, CommentDatesAndAuthorsAreIgnored) {
  auto m = Meta(R"(<body class="single comments-open"><h1>Title here</h1>
<div class="comments"><span class="author">Troll</span><time datetime="2023-01-01">x</time></div>
</body>)");
  EXPECT_EQ(m.date, "");
  EXPECT_EQ(m.author, "");
}

TEST(HtmlMetadataTest, Bylines) {
  EXPECT_EQ(Meta(R"(<body><h1>A title</h1><p class="byline">Posted on May 3, 2020 by marc</p>
</body>)")
                .author,
            "marc");
  EXPECT_EQ(Meta(R"(<body><h1>A title</h1><address>By <a href="/a/t">Tim Anderson</a></address>
</body>)")
                .author,
            "Tim Anderson");
  EXPECT_EQ(Meta(R"(<body><span itemprop="author">Von Jane Doe</span></body>)").author, "Jane Doe");
  EXPECT_EQ(Meta(R"(<body><a rel="author" href="/u/1">Jean Dupont</a></body>)").author,
            "Jean Dupont");
}

TEST(HtmlMetadataTest, NeverCrashes) {
  EXPECT_EQ(Meta("").title, "");
  EXPECT_EQ(Meta("<script type='application/ld+json'>[[[[[[[[[[</script>").date, "");
  // Deep enough to overflow a recursive walk. Markup nested beyond html::Dom's cap is
  // flattened (text kept, tags dropped) before parsing, so the date sits above the cap.
  std::string deep = "<time datetime='2022-05-12'></time>";
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  EXPECT_EQ(Meta(deep).date, "2022-05-12");
  std::string nested_json = "<script type='application/ld+json'>";
  for (int i = 0; i < 5000; ++i) nested_json += "{\"@graph\":[";
  nested_json += "</script>";
  EXPECT_EQ(Meta(nested_json).title, "");
  EXPECT_FALSE(
      Meta("<meta property='og:title' content='&#99999999999;&#x;&amp;#1;'>").title.empty());
}

}  // namespace
}  // namespace vigie::ingest
