#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/ingest/reader_testutil.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::ingest {
namespace {

using Collected = testing::CollectedRecords;

Collected ReadAllJsonl(const std::string& bytes, ReaderLimits limits = {}) {
  Collected c = testing::CollectRecords(ReadJsonl, bytes, "corpus/x.jsonl", limits);
  EXPECT_TRUE(c.status.ok()) << c.status.ToString();
  return c;
}

TEST(ReadJsonl, ReadsFieldsAndLineNumbers) {
  auto c = ReadAllJsonl(
      "{\"id\": \"s1\", \"text\": \"Le Mali a rompu.\", \"title\": \"T\", \"date\": "
      "\"2024-08-04\", \"lang\": \"fr\", \"url\": \"https://ex.fr/a\"}\n"
      "\n"
      "{\"id\": 42, \"html\": \"<p>Hello</p>\", \"author\": \"Ann\"}\n");
  ASSERT_EQ(c.records.size(), 2u);
  EXPECT_TRUE(c.errors.empty());
  const RawRecord& a = c.records[0];
  EXPECT_EQ(a.path, "corpus/x.jsonl");
  EXPECT_EQ(a.record, 1);
  EXPECT_EQ(a.format, Format::kText);
  EXPECT_EQ(a.id, "s1");
  EXPECT_EQ(a.content, "Le Mali a rompu.");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.date, "2024-08-04");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.url, "https://ex.fr/a");
  const RawRecord& b = c.records[1];
  EXPECT_EQ(b.record, 3);  // blank line 2 skipped but counted
  EXPECT_EQ(b.format, Format::kHtml);
  EXPECT_EQ(b.id, "42");
  EXPECT_EQ(b.content, "<p>Hello</p>");
  EXPECT_EQ(b.author, "Ann");
}

TEST(ReadJsonl, BrokenLinesAreReportedAndTheRestIsRead) {
  auto c = ReadAllJsonl(
      "{\"id\": \"a\", \"text\": \"one\"}\n"
      "{\"id\": \"b\", \"text\": \n"
      "[1, 2]\n"
      "{\"id\": \"c\"}\n"
      "{\"id\": \"d\", \"text\": 5}\n"
      "{\"id\": \"e\", \"text\": \"two\", \"title\": []}\n"
      "{\"id\": \"f\", \"text\": \"three\"}");
  ASSERT_EQ(c.records.size(), 2u);
  EXPECT_EQ(c.records[0].id, "a");
  EXPECT_EQ(c.records[1].id, "f");
  EXPECT_EQ(c.records[1].record, 7);
  ASSERT_EQ(c.errors.size(), 5u);
  EXPECT_EQ(c.errors[0], "corpus/x.jsonl:2: invalid JSON");
  EXPECT_EQ(c.errors[1], "corpus/x.jsonl:3: not a JSON object");
  EXPECT_EQ(c.errors[2], "corpus/x.jsonl:4: missing \"text\"");
  EXPECT_EQ(c.errors[3], "corpus/x.jsonl:5: \"text\" is not a string");
  EXPECT_EQ(c.errors[4], "corpus/x.jsonl:6: \"title\" is not a string");
}

TEST(ReadJsonl, InvalidUtf8IsRepairedNotFatal) {
  auto c = ReadAllJsonl("{\"id\": \"a\", \"text\": \"caf\xE9 cr\xC3\xA8me\"}\r\n");
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].content, "caf\xEF\xBF\xBD cr\xC3\xA8me");
}

TEST(ReadJsonl, LongLinesAreSkipped) {
  ReaderLimits limits;
  limits.max_record_bytes = 64;
  auto c = ReadAllJsonl("{\"id\": \"a\", \"text\": \"" + std::string(500, 'x') +
                            "\"}\n{\"id\": \"b\", \"text\": \"ok\"}\n",
                        limits);
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].id, "b");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "corpus/x.jsonl:1: line longer than 64 bytes, skipped");
}

TEST(ReadJsonl, BomAndDeepNestingAndBinary) {
  std::string deep(100000, '[');
  auto c = ReadAllJsonl("\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"x\"}\n" + deep + "\n" +
                        std::string("\x00\x01\xff\xfe", 4) + "\n");
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.errors.size(), 2u);
}

TEST(ReadJsonl, FixtureFile) {
  auto in = InputStream::Open((testing::TestData() / "jsonl" / "mixed.jsonl").string());
  ASSERT_VIGIE_OK(in.status());
  std::vector<RawRecord> records;
  std::vector<std::string> errors;
  ASSERT_VIGIE_OK(ReadJsonl(
      **in, "mixed.jsonl", {}, [&](RawRecord&& r) { records.push_back(std::move(r)); },
      [&](const Status& e) { errors.push_back(e.message()); }));
  EXPECT_EQ(records.size(), 3u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "mixed.jsonl:3: invalid JSON");
}

}  // namespace
}  // namespace vigie::ingest
