#include "vigie/ingest/input_stream.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <zlib.h>

#include "testutil.h"
#include "vigie/ingest/reader_testutil.h"

namespace vigie::ingest {
namespace {

using testing::Gzip;

std::string ReadEverything(InputStream& in) {
  auto all = in.ReadAll(1u << 30);
  EXPECT_TRUE(all.ok()) << all.status().ToString();
  return all.ok() ? *all : "";
}

TEST(InputStream, PlainBytesReadAsIs) {
  auto in = InputStream::FromString("hello\nworld");
  EXPECT_EQ(ReadEverything(*in), "hello\nworld");
  EXPECT_EQ(in->position(), 11u);
}

TEST(InputStream, GzipIsDecompressed) {
  auto in = InputStream::FromString(Gzip("bonjour le monde\n"));
  EXPECT_EQ(ReadEverything(*in), "bonjour le monde\n");
}

TEST(InputStream, MultiMemberGzipReadsThrough) {
  std::string data = Gzip("WARC/1.0 one\n") + Gzip("WARC/1.0 two\n") + Gzip("three\n");
  auto in = InputStream::FromString(data);
  std::string line;
  std::vector<std::string> lines;
  while (true) {
    auto more = in->ReadLine(&line, 100);
    ASSERT_VIGIE_OK(more.status());
    if (!*more) break;
    lines.push_back(line);
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"WARC/1.0 one", "WARC/1.0 two", "three"}));
}

TEST(InputStream, TrailingGarbageAfterGzipIsIgnored) {
  auto in = InputStream::FromString(Gzip("abc") + std::string(10, '\0'));
  EXPECT_EQ(ReadEverything(*in), "abc");
}

TEST(InputStream, TruncatedGzipKeepsDataThenFails) {
  std::string big(200000, 'x');
  std::string gz = Gzip(big);
  auto in = InputStream::FromString(gz.substr(0, gz.size() / 2));
  std::string out;
  Status end;
  char buf[4096];
  while (true) {
    auto got = in->Read(buf, sizeof buf);
    if (!got.ok()) {
      end = got.status();
      break;
    }
    if (*got == 0) break;
    out.append(buf, *got);
  }
  EXPECT_FALSE(end.ok());
  EXPECT_EQ(end.code(), Status::Code::kCorruption);
  EXPECT_GT(out.size(), 0u);
  EXPECT_EQ(out, std::string(out.size(), 'x'));
}

TEST(InputStream, CorruptGzipIsAnError) {
  std::string gz = Gzip("some text that is long enough to matter");
  for (size_t i = 12; i < gz.size() - 8; ++i) gz[i] = static_cast<char>(0xff);
  auto in = InputStream::FromString(gz);
  auto all = in->ReadAll(1000);
  EXPECT_FALSE(all.ok());
}

TEST(InputStream, ReadLineHandlesCrLfAndTruncation) {
  auto in = InputStream::FromString("short\r\n" + std::string(100, 'a') + "\nlast");
  std::string line;
  bool truncated = false;
  ASSERT_TRUE(*in->ReadLine(&line, 10, &truncated));
  EXPECT_EQ(line, "short");
  EXPECT_FALSE(truncated);
  ASSERT_TRUE(*in->ReadLine(&line, 10, &truncated));
  EXPECT_EQ(line, std::string(10, 'a'));
  EXPECT_TRUE(truncated);
  ASSERT_TRUE(*in->ReadLine(&line, 10, &truncated));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(truncated);
  EXPECT_FALSE(*in->ReadLine(&line, 10, &truncated));
}

TEST(InputStream, EmptyLinesAndEmptyInput) {
  auto in = InputStream::FromString("\n\n");
  std::string line;
  EXPECT_TRUE(*in->ReadLine(&line, 10));
  EXPECT_EQ(line, "");
  EXPECT_TRUE(*in->ReadLine(&line, 10));
  EXPECT_FALSE(*in->ReadLine(&line, 10));
  auto empty = InputStream::FromString("");
  EXPECT_FALSE(*empty->ReadLine(&line, 10));
  EXPECT_EQ(ReadEverything(*empty), "");
}

TEST(InputStream, PeekDoesNotConsume) {
  auto in = InputStream::FromString(Gzip("WARC/1.1\r\nrest"));
  auto head = in->Peek(5);
  ASSERT_VIGIE_OK(head.status());
  EXPECT_EQ(*head, "WARC/");
  char buf[4];
  ASSERT_EQ(*in->Read(buf, 4), 4u);
  EXPECT_EQ(std::string(buf, 4), "WARC");
  EXPECT_EQ(ReadEverything(*in), "/1.1\r\nrest");
}

TEST(InputStream, ReadIntoAndReadAllLimits) {
  auto in = InputStream::FromString("0123456789");
  std::string out;
  EXPECT_EQ(*in->ReadInto(&out, 4), 4u);
  EXPECT_EQ(out, "0123");
  bool truncated = false;
  auto rest = in->ReadAll(3, &truncated);
  EXPECT_EQ(*rest, "456");
  EXPECT_TRUE(truncated);
  EXPECT_EQ(*in->ReadInto(&out, 100), 3u);
  EXPECT_EQ(out, "0123789");
  EXPECT_EQ(*in->ReadInto(&out, 100), 0u);
}

// A gzip bomb: 1 GiB of zeros compresses to about 1 MiB; reading it line by line with a
// bounded line must not allocate the expansion.
TEST(InputStream, GzipBombIsStreamedWithBoundedMemory) {
  std::string chunk(1 << 20, '\0');
  z_stream zs{};
  ASSERT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string gz;
  char out[1 << 16];
  for (int i = 0; i < 256; ++i) {  // 256 MiB decompressed
    zs.next_in = reinterpret_cast<Bytef*>(chunk.data());
    zs.avail_in = static_cast<uInt>(chunk.size());
    int flush = i == 255 ? Z_FINISH : Z_NO_FLUSH;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(out);
      zs.avail_out = sizeof out;
      deflate(&zs, flush);
      gz.append(out, sizeof out - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  ASSERT_LT(gz.size(), 1u << 20);
  auto in = InputStream::FromString(gz);
  std::string line;
  bool truncated = false;
  ASSERT_TRUE(*in->ReadLine(&line, 1 << 16, &truncated));
  EXPECT_TRUE(truncated);
  EXPECT_EQ(line.size(), 1u << 16);
  EXPECT_LE(line.capacity(), 1u << 18);
  EXPECT_EQ(in->position(), 256u << 20);  // the whole line was skipped, not stored
  auto capped = InputStream::FromString(gz);
  bool all_truncated = false;
  auto head = capped->ReadAll(1 << 20, &all_truncated);
  ASSERT_VIGIE_OK(head.status());
  EXPECT_EQ(head->size(), 1u << 20);
  EXPECT_TRUE(all_truncated);
}

TEST(InputStream, OpenFileAndMissingFile) {
  auto dir = std::filesystem::temp_directory_path() / "vigie_input_stream_test";
  std::filesystem::create_directories(dir);
  auto path = (dir / "a.txt.gz").string();
  {
    std::ofstream f(path, std::ios::binary);
    f << Gzip("line one\nline two\n");
  }
  auto in = InputStream::Open(path);
  ASSERT_VIGIE_OK(in.status());
  EXPECT_EQ(ReadEverything(**in), "line one\nline two\n");
  auto missing = InputStream::Open((dir / "nope.txt").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("nope.txt"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vigie::ingest
