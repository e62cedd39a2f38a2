#pragma once
// Test helpers shared by the ingest reader tests: gzip some bytes, and run a record reader
// over in-memory input collecting what it delivers.

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <zlib.h>

#include "vigie/ingest/input_stream.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::testing {

// One gzip member holding `data`.
inline std::string Gzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

struct CollectedRecords {
  std::vector<ingest::RawRecord> records;
  std::vector<std::string> errors;  // error messages, in order
  Status status;                    // what the reader returned
};

// Runs `read` (ReadJsonl, ReadFeed or ReadWarc) over `bytes` as if they were the file `path`.
template <typename ReadFunction>
CollectedRecords CollectRecords(ReadFunction read, const std::string& bytes,
                                const std::string& path, const ingest::ReaderLimits& limits) {
  CollectedRecords c;
  auto in = ingest::InputStream::FromString(bytes);
  c.status = read(
      *in, path, limits, [&](ingest::RawRecord&& r) { c.records.push_back(std::move(r)); },
      [&](const Status& e) { c.errors.push_back(e.message()); });
  return c;
}

}  // namespace vigie::testing
