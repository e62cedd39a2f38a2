#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/ingest/reader_testutil.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::ingest {
namespace {

using Collected = testing::CollectedRecords;

Collected Read(const std::string& xml, ReaderLimits limits = {}) {
  return testing::CollectRecords(ReadFeed, xml, "feeds/x.rss", limits);
}

TEST(ReadFeed, Rss2WithContentEncoded) {
  auto c = Read(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel><title>Le Journal</title><link>https://journal.example.fr/</link>
  <item>
   <title>Alger et Moscou &amp; la coopération</title>
   <link>https://journal.example.fr/2022/05/12/alger-moscou</link>
   <description>Short summary</description>
   <content:encoded><![CDATA[<p>Le président algérien a reçu <b>Sergueï Lavrov</b>.</p>]]></content:encoded>
   <pubDate>Thu, 12 May 2022 18:32:00 +0200</pubDate>
   <dc:creator>Amina B.</dc:creator>
  </item>
  <item>
   <title>Second</title>
   <guid>https://journal.example.fr/second</guid>
   <description>&lt;p&gt;Escaped &lt;i&gt;HTML&lt;/i&gt;&lt;/p&gt;</description>
   <author>desk@example.fr (Desk)</author>
  </item>
 </channel>
</rss>)");
  ASSERT_VIGIE_OK(c.status);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.records.size(), 2u);
  const RawRecord& a = c.records[0];
  EXPECT_EQ(a.record, 1);
  EXPECT_EQ(a.path, "feeds/x.rss");
  EXPECT_EQ(a.format, Format::kHtml);
  EXPECT_EQ(a.title, "Alger et Moscou & la coopération");
  EXPECT_EQ(a.url, "https://journal.example.fr/2022/05/12/alger-moscou");
  EXPECT_EQ(a.content, "<p>Le président algérien a reçu <b>Sergueï Lavrov</b>.</p>");
  EXPECT_EQ(a.date, "Thu, 12 May 2022 18:32:00 +0200");
  EXPECT_EQ(a.author, "Amina B.");
  const RawRecord& b = c.records[1];
  EXPECT_EQ(b.record, 2);
  EXPECT_EQ(b.url, "https://journal.example.fr/second");
  EXPECT_EQ(b.content, "<p>Escaped <i>HTML</i></p>");
  EXPECT_EQ(b.author, "desk@example.fr (Desk)");
}

TEST(ReadFeed, Rss1Rdf) {
  auto c = Read(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://ex.org/"><title>Ex</title></channel>
 <item rdf:about="https://ex.org/a">
  <title>RDF item</title><description>Body text</description>
  <dc:date>2024-08-04T10:00:00Z</dc:date><dc:creator>Jo</dc:creator>
 </item>
</rdf:RDF>)");
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].url, "https://ex.org/a");
  EXPECT_EQ(c.records[0].title, "RDF item");
  EXPECT_EQ(c.records[0].content, "Body text");
  EXPECT_EQ(c.records[0].date, "2024-08-04T10:00:00Z");
  EXPECT_EQ(c.records[0].author, "Jo");
}

TEST(ReadFeed, Atom) {
  auto c = Read(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Atom news</title>
 <entry>
  <title type="text">Html entry</title>
  <link rel="self" href="https://ex.org/self"/>
  <link rel="alternate" href="https://ex.org/html"/>
  <published>2024-08-04T10:00:00Z</published><updated>2024-08-05T10:00:00Z</updated>
  <author><name>Ann</name></author><author><name>Bob</name></author>
  <summary>sum</summary>
  <content type="html">&lt;p&gt;Html &amp;amp; body&lt;/p&gt;</content>
 </entry>
 <entry>
  <title>Xhtml entry</title><link href="https://ex.org/x"/>
  <updated>2024-08-06T10:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Xhtml <b>body</b></p></div></content>
 </entry>
 <entry>
  <title>Text entry</title><link href="https://ex.org/t"/>
  <content>1 &lt; 2 &amp; more</content>
 </entry>
</feed>)");
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.records.size(), 3u);
  EXPECT_EQ(c.records[0].url, "https://ex.org/html");
  EXPECT_EQ(c.records[0].date, "2024-08-04T10:00:00Z");
  EXPECT_EQ(c.records[0].author, "Ann; Bob");
  EXPECT_EQ(c.records[0].content, "<p>Html &amp; body</p>");
  EXPECT_EQ(c.records[1].date, "2024-08-06T10:00:00Z");
  EXPECT_NE(c.records[1].content.find("<p>Xhtml <b>body</b></p>"), std::string::npos);
  EXPECT_EQ(c.records[2].content, "<p>1 &lt; 2 &amp; more</p>");
  EXPECT_EQ(c.records[2].record, 3);
}

TEST(ReadFeed, BillionLaughsDoesNotExpand) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    std::string prev = "&lol" + std::to_string(i - 1) + ";";
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += prev;
    xml += "\">\n";
  }
  xml +=
      "]>\n<rss version=\"2.0\"><channel><item><title>t &lol9;</title>"
      "<description>d &lol9;</description></item>"
      "<item><title>second</title><description>ok</description></item></channel></rss>";
  auto start = std::chrono::steady_clock::now();
  auto c = Read(xml);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  // Whether libxml2 keeps the document or refuses it, nothing is expanded.
  for (const auto& r : c.records) {
    EXPECT_LT(r.title.size() + r.content.size(), 1000u);
    EXPECT_EQ(r.content.find("lollol"), std::string::npos);
  }
}

TEST(ReadFeed, ExternalEntityIsNotLoaded) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY remote SYSTEM \"http://127.0.0.1:1/evil\">]>\n"
      "<rss version=\"2.0\"><channel><item><title>x &xxe;</title>"
      "<description>before &xxe; &remote; after</description></item></channel></rss>";
  auto c = Read(xml);
  for (const auto& r : c.records) {
    EXPECT_EQ(r.content.find("root:"), std::string::npos);
    EXPECT_EQ(r.title.find("root:"), std::string::npos);
  }
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_NE(c.records[0].content.find("before"), std::string::npos);
}

TEST(ReadFeed, NotAFeed) {
  auto c = Read("this is not xml at all");
  EXPECT_FALSE(c.status.ok());
  EXPECT_NE(c.status.message().find("feeds/x.rss"), std::string::npos);
  auto html = Read("<html><body>x</body></html>");
  EXPECT_FALSE(html.status.ok());
  EXPECT_NE(html.status.message().find("not an RSS or Atom feed"), std::string::npos);
  auto empty = Read("");
  EXPECT_FALSE(empty.status.ok());
}

TEST(ReadFeed, EmptyItemReportedAndOverLimitRefused) {
  auto c = Read("<rss><channel><item></item><item><title>ok</title></item></channel></rss>");
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].record, 2);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "feeds/x.rss: item 1: no title and no content, skipped");
  ReaderLimits small;
  small.max_feed_bytes = 10;
  EXPECT_FALSE(Read("<rss><channel></channel></rss>", small).status.ok());
}

TEST(ReadFeed, FixtureFile) {
  auto in = InputStream::Open((testing::TestData() / "feeds" / "lemonde-like.rss").string());
  ASSERT_VIGIE_OK(in.status());
  std::vector<RawRecord> records;
  ASSERT_VIGIE_OK(ReadFeed(
      **in, "lemonde-like.rss", {}, [&](RawRecord&& r) { records.push_back(std::move(r)); },
      [](const Status&) {}));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].title, "Le Mali rompt ses relations diplomatiques avec l’Ukraine");
}

}  // namespace
}  // namespace vigie::ingest
