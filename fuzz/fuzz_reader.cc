// Fuzz target: the container readers (gzip, JSONL, RSS/Atom, WARC) on the same bytes, with
// small limits so that a long run explores the limit paths too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "vigie/ingest/input_stream.h"
#include "vigie/ingest/record_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  vigie::ingest::ReaderLimits limits;
  limits.max_record_bytes = 1 << 20;
  limits.max_feed_bytes = 1 << 20;
  auto on_record = [](vigie::ingest::RawRecord&&) {};
  auto on_error = [](const vigie::Status&) {};
  {
    auto in = vigie::ingest::InputStream::FromString(bytes);
    vigie::ingest::ReadJsonl(*in, "fuzz", limits, on_record, on_error).IgnoreError();
  }
  {
    auto in = vigie::ingest::InputStream::FromString(bytes);
    vigie::ingest::ReadFeed(*in, "fuzz", limits, on_record, on_error).IgnoreError();
  }
  {
    auto in = vigie::ingest::InputStream::FromString(bytes);
    vigie::ingest::ReadWarc(*in, "fuzz", limits, on_record, on_error).IgnoreError();
  }
  return 0;
}
