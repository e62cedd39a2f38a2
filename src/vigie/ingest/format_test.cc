#include "vigie/ingest/format.h"

#include <gtest/gtest.h>

namespace vigie::ingest {
namespace {

TEST(DetectFormat, ExtensionWins) {
  EXPECT_EQ(DetectFormat("a/b.txt", "<html>"), Format::kText);
  EXPECT_EQ(DetectFormat("b.TEXT", ""), Format::kText);
  EXPECT_EQ(DetectFormat("page.html", "plain"), Format::kHtml);
  EXPECT_EQ(DetectFormat("page.htm.gz", ""), Format::kHtml);
  EXPECT_EQ(DetectFormat("x.xhtml", ""), Format::kHtml);
  EXPECT_EQ(DetectFormat("docs.jsonl", ""), Format::kJsonl);
  EXPECT_EQ(DetectFormat("docs.ndjson.gz", ""), Format::kJsonl);
  EXPECT_EQ(DetectFormat("docs.json", ""), Format::kJsonl);
  EXPECT_EQ(DetectFormat("feed.rss", ""), Format::kFeed);
  EXPECT_EQ(DetectFormat("feed.atom", ""), Format::kFeed);
  EXPECT_EQ(DetectFormat("feed.xml", ""), Format::kFeed);
  EXPECT_EQ(DetectFormat("CC-NEWS-2024.warc.gz", ""), Format::kWarc);
  EXPECT_EQ(DetectFormat("old.arc", ""), Format::kWarc);
}

TEST(DetectFormat, DotInDirectoryIsNotAnExtension) {
  EXPECT_EQ(DetectFormat("dir.html/readme", "just words"), Format::kText);
}

TEST(DetectFormat, HeadDecidesWithoutExtension) {
  EXPECT_EQ(DetectFormat("-", "WARC/1.1\r\nWARC-Type: warcinfo"), Format::kWarc);
  EXPECT_EQ(DetectFormat("-", "  {\"id\": \"a\", \"text\": \"x\"}\n"), Format::kJsonl);
  EXPECT_EQ(DetectFormat("-", "\xEF\xBB\xBF{\"id\":1}"), Format::kJsonl);
  EXPECT_EQ(DetectFormat("f", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"), Format::kFeed);
  EXPECT_EQ(
      DetectFormat("f", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
      Format::kFeed);
  EXPECT_EQ(DetectFormat("f", "<rdf:RDF xmlns:rdf=\"x\">"), Format::kFeed);
  EXPECT_EQ(DetectFormat("f", "<?xml version=\"1.0\"?><!DOCTYPE html><html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("f", "<!DOCTYPE html>\n<html lang=fr>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("f", "<!-- c --><HTML><HEAD>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("f", "Le Mali a rompu ses relations avec l'Ukraine."), Format::kText);
  EXPECT_EQ(DetectFormat("f", ""), Format::kText);
  EXPECT_EQ(DetectFormat("f", "<b>bold</b> claim"), Format::kText);
}

}  // namespace
}  // namespace vigie::ingest
