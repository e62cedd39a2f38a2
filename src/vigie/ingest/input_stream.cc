#include "vigie/ingest/input_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include <zlib.h>

namespace vigie::ingest {
namespace {

constexpr size_t kChunk = 64 * 1024;  // read size for files and for the inflater's input

// Where compressed-or-not bytes come from: a FILE* or a string.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

class FileSource final : public ByteSource {
 public:
  FileSource(FILE* f, std::string path, bool owned)
      : f_(f), path_(std::move(path)), owned_(owned) {}
  ~FileSource() override {
    if (owned_) std::fclose(f_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) {
      return Status::IOError(path_ + ": read error: " + std::strerror(errno));
    }
    return got;
  }

 private:
  FILE* f_;
  std::string path_;
  bool owned_;
};

class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, got);
    pos_ += got;
    return got;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

// Holds the first bytes of the source that were read to sniff the gzip magic, then reads
// through to the source.
class SniffedSource {
 public:
  SniffedSource(std::unique_ptr<ByteSource> src, std::string path)
      : src_(std::move(src)), path_(std::move(path)) {}

  // Reads until at least `n` bytes are pending or the source ends.
  Status FillPending(size_t n) {
    while (pending_.size() - pending_pos_ < n && !eof_) {
      char buf[kChunk];
      auto got = src_->Read(buf, sizeof buf);
      if (!got.ok()) return got.status();
      if (*got == 0) eof_ = true;
      pending_.append(buf, *got);
    }
    return Status::OK();
  }
  std::string_view pending() const { return std::string_view(pending_).substr(pending_pos_); }

  Result<size_t> Read(char* buf, size_t n) {
    if (pending_pos_ < pending_.size()) {
      size_t got = std::min(n, pending_.size() - pending_pos_);
      std::memcpy(buf, pending_.data() + pending_pos_, got);
      pending_pos_ += got;
      if (pending_pos_ == pending_.size()) {
        pending_.clear();
        pending_pos_ = 0;
      }
      return got;
    }
    if (eof_) return size_t{0};
    auto got = src_->Read(buf, n);
    if (got.ok() && *got == 0) eof_ = true;
    return got;
  }
  const std::string& path() const { return path_; }

 private:
  std::unique_ptr<ByteSource> src_;
  std::string path_;
  std::string pending_;
  size_t pending_pos_ = 0;
  bool eof_ = false;
};

bool HasGzipMagic(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1f &&
         static_cast<unsigned char>(s[1]) == 0x8b;
}

class PlainStream final : public InputStream {
 public:
  explicit PlainStream(SniffedSource src) : src_(std::move(src)) {}

 protected:
  Result<size_t> ReadSome(char* buf, size_t n) override { return src_.Read(buf, n); }

 private:
  SniffedSource src_;
};

// Inflates gzip members one after the other (multi-member files, e.g. WARC.gz with one
// member per record). Bytes after the last member that do not start another member are
// ignored, as gzip(1) does with trailing garbage.
class GzipStream final : public InputStream {
 public:
  explicit GzipStream(SniffedSource src) : src_(std::move(src)) {
    std::memset(&zs_, 0, sizeof zs_);
    // 16 + MAX_WBITS: gzip wrapper only. Memory: a fixed 32 KiB window plus in_.
    init_ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
  }
  ~GzipStream() override { inflateEnd(&zs_); }
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

 protected:
  Result<size_t> ReadSome(char* buf, size_t n) override {
    if (!init_ok_) return Status::Internal(src_.path() + ": cannot initialise zlib");
    if (done_ || n == 0) return size_t{0};
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    while (zs_.avail_out > 0) {
      if (zs_.avail_in == 0) {
        auto got = src_.Read(in_, sizeof in_);
        if (!got.ok()) return Produced(buf) > 0 ? Result<size_t>(Produced(buf)) : got;
        if (*got == 0) {
          if (!in_member_) {  // clean end between members
            done_ = true;
            break;
          }
          if (Produced(buf) > 0) break;  // deliver what we have; the error comes next call
          done_ = true;
          return Status::Corruption(src_.path() + ": truncated gzip data");
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_);
        zs_.avail_in = static_cast<uInt>(*got);
      }
      if (!in_member_) {
        // A new member must start with the magic; anything else is trailing garbage.
        if (zs_.avail_in < 2) {
          // Need two bytes to tell; keep the first byte and read more.
          if (!PullOneMoreByte()) {
            done_ = true;
            break;
          }
        }
        if (zs_.next_in[0] != 0x1f || zs_.next_in[1] != 0x8b) {
          done_ = true;
          break;
        }
        in_member_ = true;
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
        continue;
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        done_ = true;
        std::string what = zs_.msg ? zs_.msg : "inflate error";
        if (Produced(buf) > 0) {
          pending_error_ = Status::Corruption(src_.path() + ": corrupt gzip data: " + what);
          return Produced(buf);
        }
        return Status::Corruption(src_.path() + ": corrupt gzip data: " + what);
      }
    }
    size_t produced = Produced(buf);
    if (produced == 0 && !pending_error_.ok()) {
      Status s = pending_error_;
      pending_error_ = Status::OK();
      return s;
    }
    return produced;
  }

 private:
  size_t Produced(const char* buf) const {
    return reinterpret_cast<const char*>(zs_.next_out) - buf;
  }
  // With exactly one input byte left, moves it to the front of in_ and appends more input.
  bool PullOneMoreByte() {
    in_[0] = static_cast<char>(zs_.next_in[0]);
    auto got = src_.Read(in_ + 1, sizeof in_ - 1);
    if (!got.ok() || *got == 0) return false;
    zs_.next_in = reinterpret_cast<Bytef*>(in_);
    zs_.avail_in = static_cast<uInt>(*got + 1);
    return true;
  }

  SniffedSource src_;
  z_stream zs_;
  bool init_ok_ = false;
  bool in_member_ = false;
  bool done_ = false;
  Status pending_error_;
  char in_[kChunk];
};

Result<std::unique_ptr<InputStream>> MakeStream(std::unique_ptr<ByteSource> src,
                                                const std::string& path) {
  SniffedSource sniffed(std::move(src), path);
  VIGIE_RETURN_IF_ERROR(sniffed.FillPending(2));
  if (HasGzipMagic(sniffed.pending())) {
    return std::unique_ptr<InputStream>(new GzipStream(std::move(sniffed)));
  }
  return std::unique_ptr<InputStream>(new PlainStream(std::move(sniffed)));
}

}  // namespace

Result<std::unique_ptr<InputStream>> InputStream::Open(const std::string& path) {
  if (path == "-") {
    return MakeStream(std::make_unique<FileSource>(stdin, "-", /*owned=*/false), path);
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    std::string msg = path + ": cannot open: " + std::strerror(err);
    if (err == ENOENT) return Status::NotFound(msg);
    return Status::IOError(msg);
  }
  return MakeStream(std::make_unique<FileSource>(f, path, /*owned=*/true), path);
}

std::unique_ptr<InputStream> InputStream::FromString(std::string bytes) {
  auto r = MakeStream(std::make_unique<StringSource>(std::move(bytes)), "<memory>");
  // A string source cannot fail to read.
  assert(r.ok());
  return std::move(r).value();
}

void InputStream::Fill(size_t want) {
  if (buffered() >= want || eof_) return;
  // Compact so the window never grows beyond what the caller asked to look at.
  if (buffer_pos_ > 0) {
    buffer_.erase(0, buffer_pos_);
    buffer_pos_ = 0;
  }
  size_t target = std::max(want, kChunk);
  while (buffer_.size() < want && !eof_) {
    size_t old = buffer_.size();
    buffer_.resize(std::max(target, old + 1));
    auto got = ReadSome(buffer_.data() + old, buffer_.size() - old);
    if (!got.ok()) {
      buffer_.resize(old);
      error_ = got.status();
      eof_ = true;
      break;
    }
    buffer_.resize(old + *got);
    if (*got == 0) eof_ = true;
  }
}

void InputStream::Consume(size_t n) {
  buffer_pos_ += n;
  position_ += n;
  if (buffer_pos_ == buffer_.size()) {
    buffer_.clear();
    buffer_pos_ = 0;
  }
}

Result<size_t> InputStream::Read(char* buf, size_t n) {
  if (n == 0) return size_t{0};
  if (buffered() == 0) {
    if (eof_) {
      if (!error_.ok()) return error_;
      return size_t{0};
    }
    // Large reads bypass the window.
    if (n >= kChunk) {
      auto got = ReadSome(buf, n);
      if (!got.ok()) {
        eof_ = true;
        error_ = got.status();
        return got;
      }
      if (*got == 0) eof_ = true;
      position_ += *got;
      return got;
    }
    Fill(1);
    if (buffered() == 0) {
      if (!error_.ok()) return error_;
      return size_t{0};
    }
  }
  size_t got = std::min(n, buffered());
  std::memcpy(buf, buffer_.data() + buffer_pos_, got);
  Consume(got);
  return got;
}

Result<bool> InputStream::ReadLine(std::string* line, size_t max_bytes, bool* truncated) {
  line->clear();
  if (truncated) *truncated = false;
  bool any = false;
  while (true) {
    Fill(1);
    if (buffered() == 0) {
      VIGIE_RETURN_IF_ERROR(EndStatus());
      break;
    }
    any = true;
    std::string_view avail(buffer_.data() + buffer_pos_, buffered());
    size_t nl = avail.find('\n');
    std::string_view piece = nl == std::string_view::npos ? avail : avail.substr(0, nl);
    size_t room = max_bytes - std::min(max_bytes, line->size());
    if (piece.size() > room) {
      if (truncated) *truncated = true;
      line->append(piece.substr(0, room));
    } else {
      line->append(piece);
    }
    if (nl != std::string_view::npos) {
      Consume(nl + 1);
      break;
    }
    Consume(avail.size());
  }
  if (!any) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

Result<size_t> InputStream::ReadInto(std::string* out, size_t n) {
  size_t total = 0;
  while (total < n) {
    Fill(1);
    if (buffered() == 0) {
      VIGIE_RETURN_IF_ERROR(EndStatus());
      break;
    }
    size_t take = std::min(n - total, buffered());
    out->append(buffer_.data() + buffer_pos_, take);
    Consume(take);
    total += take;
  }
  return total;
}

Result<std::string> InputStream::ReadAll(size_t max_bytes, bool* truncated) {
  std::string out;
  if (truncated) *truncated = false;
  VIGIE_ASSIGN_OR_RETURN(size_t got, ReadInto(&out, max_bytes));
  (void)got;
  Fill(1);
  if (buffered() > 0 && truncated) *truncated = true;
  return out;
}

Result<std::string_view> InputStream::Peek(size_t n) {
  Fill(n);
  if (buffered() == 0 && !error_.ok()) return error_;
  return std::string_view(buffer_.data() + buffer_pos_, std::min(n, buffered()));
}

}  // namespace vigie::ingest
