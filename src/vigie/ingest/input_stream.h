#pragma once
// InputStream: sequential reads from a file or stdin, gunzipping transparently when the bytes
// start with the gzip magic (multi-member gzip, as in WARC.gz, is read through). Streaming:
// memory use is the caller's buffers plus a fixed window. Not thread-safe.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "vigie/base/result.h"
#include "vigie/base/status.h"

namespace vigie::ingest {

class InputStream {
 public:
  // Opens `path` ("-" means stdin). Returns NotFound / IOError naming the path on failure.
  static Result<std::unique_ptr<InputStream>> Open(const std::string& path);
  // Wraps in-memory bytes (tests, fuzzers); `bytes` may be gzip.
  static std::unique_ptr<InputStream> FromString(std::string bytes);

  virtual ~InputStream() = default;

  // Reads up to n decompressed bytes into buf. Returns the count, 0 at end of input, or an
  // error (corrupt gzip, I/O error). Data read before an error stays valid.
  // Serves bytes already peeked first, so it mixes freely with Peek/ReadLine.
  Result<size_t> Read(char* buf, size_t n);

  // Reads one line without its "\n" (and "\r") into *line. A line longer than max_bytes is
  // truncated to max_bytes and the rest of it skipped; *truncated tells. Returns false at end.
  Result<bool> ReadLine(std::string* line, size_t max_bytes, bool* truncated = nullptr);

  // Reads exactly n bytes (or fewer at end of input) and appends them to *out.
  Result<size_t> ReadInto(std::string* out, size_t n);

  // Reads everything that is left, at most max_bytes; *truncated is set when more remained.
  Result<std::string> ReadAll(size_t max_bytes, bool* truncated = nullptr);

  // Looks at up to n bytes ahead without consuming them.
  Result<std::string_view> Peek(size_t n);

  // Decompressed bytes consumed so far.
  size_t position() const { return position_; }

 protected:
  InputStream() = default;
  // The source: up to n decompressed bytes, 0 at end of input, or an error.
  virtual Result<size_t> ReadSome(char* buf, size_t n) = 0;

 private:
  // Makes at least `want` unconsumed bytes available in buffer_ unless the input ends (or
  // fails: the error is kept in error_ and returned once the buffered bytes are consumed).
  void Fill(size_t want);
  // Consumes n buffered bytes (n <= buffered()).
  void Consume(size_t n);
  size_t buffered() const { return buffer_.size() - buffer_pos_; }
  // The error that ended the input, once every byte before it has been consumed.
  Status EndStatus() const { return buffered() == 0 ? error_ : Status::OK(); }

  std::string buffer_;  // read-ahead window
  size_t buffer_pos_ = 0;
  size_t position_ = 0;
  bool eof_ = false;
  Status error_;  // why the input ended early, if it did
};

}  // namespace vigie::ingest
