#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <zlib.h>

#include "testutil.h"
#include "vigie/ingest/reader_testutil.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::ingest {
namespace {

using testing::Gzip;

std::string WarcRecord(const std::string& type, const std::string& uri,
                       const std::string& content_type, const std::string& payload) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type +
                  "\r\nWARC-Record-ID: <urn:uuid:1234>\r\nWARC-Date: 2024-08-05T10:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(payload.size()) +
       "\r\n\r\n" + payload + "\r\n\r\n";
  return r;
}

std::string HttpResponse(const std::string& status, const std::string& headers,
                         const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

const char kHttp[] = "application/http; msgtype=response";

std::vector<std::string> SampleRecords() {
  return {
      WarcRecord("warcinfo", "", "application/warc-fields", "software: test\r\n"),
      WarcRecord("request", "https://ex.fr/a", "application/http; msgtype=request",
                 "GET /a HTTP/1.1\r\nHost: ex.fr\r\n\r\n"),
      WarcRecord("response", "https://ex.fr/a", kHttp,
                 HttpResponse("200 OK", "Content-Type: text/html; charset=ISO-8859-1\r\n",
                              "<html><body><p>Le minist\xE8re</p></body></html>")),
      WarcRecord("response", "https://ex.fr/img.jpg", kHttp,
                 HttpResponse("200 OK", "Content-Type: image/jpeg\r\n", "\xFF\xD8\xFF")),
      WarcRecord("response", "https://ex.fr/missing", kHttp,
                 HttpResponse("404 Not Found", "Content-Type: text/html\r\n", "<p>no</p>")),
      WarcRecord("response", "https://ex.fr/b", kHttp,
                 HttpResponse("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                              "5\r\n<p>he\r\nA;ext=1\r\nllo</p>tai\r\n0\r\n\r\n")),
  };
}

using Collected = testing::CollectedRecords;

Collected Read(const std::string& bytes, ReaderLimits limits = {}) {
  return testing::CollectRecords(ReadWarc, bytes, "cc.warc.gz", limits);
}

void ExpectSample(const Collected& c) {
  ASSERT_VIGIE_OK(c.status);
  EXPECT_TRUE(c.errors.empty()) << c.errors[0];
  ASSERT_EQ(c.records.size(), 2u);
  const RawRecord& a = c.records[0];
  EXPECT_EQ(a.record, 3);
  EXPECT_EQ(a.format, Format::kHtml);
  EXPECT_EQ(a.path, "cc.warc.gz");
  EXPECT_EQ(a.url, "https://ex.fr/a");
  EXPECT_EQ(a.fallback_date, "2024-08-05T10:00:00Z");  // crawl date: a fallback only
  EXPECT_EQ(a.charset, "ISO-8859-1");
  EXPECT_EQ(a.content, "<html><body><p>Le minist\xE8re</p></body></html>");
  const RawRecord& b = c.records[1];
  EXPECT_EQ(b.record, 6);
  EXPECT_EQ(b.url, "https://ex.fr/b");
  EXPECT_EQ(b.content, "<p>hello</p>tai");
}

TEST(ReadWarc, PlainWarc) {
  std::string all;
  for (const auto& r : SampleRecords()) all += r;
  ExpectSample(Read(all));
}

TEST(ReadWarc, OneGzipMemberPerRecord) {
  std::string all;
  for (const auto& r : SampleRecords()) all += Gzip(r);
  ExpectSample(Read(all));
}

TEST(ReadWarc, WholeFileGzip) {
  std::string all;
  for (const auto& r : SampleRecords()) all += r;
  ExpectSample(Read(Gzip(all)));
}

TEST(ReadWarc, TruncatedRecordIsReportedWithNumberAndOffset) {
  auto recs = SampleRecords();
  std::string all = recs[0] + recs[2];
  size_t offset = all.size();
  std::string last = recs[5];
  all += last.substr(0, last.size() - 30);
  auto c = Read(all);
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.records.size(), 1u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("cc.warc.gz: record 3 at byte " + std::to_string(offset)),
            std::string::npos)
      << c.errors[0];
  EXPECT_NE(c.errors[0].find("truncated"), std::string::npos);
}

TEST(ReadWarc, BadHeaderResyncsToNextRecord) {
  auto recs = SampleRecords();
  std::string bad = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\ngarbage\r\n";
  auto c = Read(recs[2] + bad + "more garbage\n" + recs[5]);
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.records.size(), 2u);
  EXPECT_EQ(c.records[1].record, 3);
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_NE(c.errors[0].find("record 2 at byte " + std::to_string(recs[2].size())),
            std::string::npos)
      << c.errors[0];
  EXPECT_NE(c.errors[0].find("Content-Length"), std::string::npos);
  EXPECT_NE(c.errors[1].find("not a WARC header"), std::string::npos);
}

TEST(ReadWarc, OversizedRecordIsSkippedWithoutStoring) {
  auto recs = SampleRecords();
  std::string big_body = "<html><body>" + std::string(10000, 'x') + "</body></html>";
  std::string big = WarcRecord("response", "https://ex.fr/big", kHttp,
                               HttpResponse("200 OK", "Content-Type: text/html\r\n", big_body));
  ReaderLimits limits;
  limits.max_record_bytes = 1000;
  auto c = Read(Gzip(big) + Gzip(recs[2]), limits);
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].record, 2);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("record 1 at byte 0"), std::string::npos);
  EXPECT_NE(c.errors[0].find("limit, skipped"), std::string::npos);
}

TEST(ReadWarc, NotAWarcAtAllAndEmpty) {
  auto c = Read("hello\nworld\n");
  ASSERT_VIGIE_OK(c.status);
  EXPECT_TRUE(c.records.empty());
  EXPECT_EQ(c.errors.size(), 1u);
  auto e = Read("");
  EXPECT_TRUE(e.records.empty());
  EXPECT_TRUE(e.errors.empty());
}

TEST(ReadWarc, FixtureFile) {
  auto in = InputStream::Open((testing::TestData() / "warc" / "sample.warc").string());
  ASSERT_VIGIE_OK(in.status());
  std::vector<RawRecord> records;
  std::vector<std::string> errors;
  ASSERT_VIGIE_OK(ReadWarc(
      **in, "sample.warc", {}, [&](RawRecord&& r) { records.push_back(std::move(r)); },
      [&](const Status& e) { errors.push_back(e.message()); }));
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].url, "https://www.example.com/2024/08/05/mali-ukraine");
  EXPECT_EQ(records[0].charset, "utf-8");
}

}  // namespace
}  // namespace vigie::ingest
