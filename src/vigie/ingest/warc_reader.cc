// WARC reader (ISO 28500, WARC/1.0 and 1.1), streaming: only one record payload is held in
// memory at a time, and never more than ReaderLimits::max_record_bytes of it.

#include <cstdint>
#include <string>
#include <vector>

#include "vigie/base/strings.h"
#include "vigie/ingest/input_stream.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::ingest {
namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr int kMaxHeaderLines = 512;
constexpr size_t kSkipChunk = 64 * 1024;

struct Header {
  std::string name;  // lower-cased
  std::string value;
};

std::string HeaderValue(const std::vector<Header>& headers, std::string_view lower_name) {
  for (const Header& h : headers) {
    if (h.name == lower_name) return h.value;
  }
  return "";
}

// Parses "Name: value" into *h; false when the line has no colon.
bool ParseHeaderLine(std::string_view line, Header* h) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  h->name = str::AsciiLower(str::Trim(line.substr(0, colon)));
  h->value = std::string(str::Trim(line.substr(colon + 1)));
  return true;
}

bool ParseSize(std::string_view s, uint64_t* out) {
  s = str::Trim(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// The charset parameter of a Content-Type value, or "".
std::string CharsetOf(std::string_view content_type) {
  for (std::string_view part : str::Split(content_type, ';')) {
    part = str::Trim(part);
    if (part.size() > 8 && str::EqualsNoCase(part.substr(0, 8), "charset=")) {
      std::string_view v = str::Trim(part.substr(8));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return "";
}

bool IsHtmlType(std::string_view content_type) {
  std::string lower = str::AsciiLower(content_type);
  return lower.find("text/html") != std::string::npos ||
         lower.find("application/xhtml") != std::string::npos;
}

// Decodes a chunked HTTP body; on malformed chunking returns what was decoded so far.
std::string Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) break;
    std::string_view size_line = body.substr(pos, eol - pos);
    size_line = size_line.substr(0, size_line.find(';'));  // chunk extensions
    size_line = str::Trim(size_line);
    uint64_t size = 0;
    if (size_line.empty() || size_line.size() > 15) break;
    for (char c : size_line) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return out;
      size = size * 16 + static_cast<uint64_t>(d);
    }
    pos = eol + 1;
    if (size == 0) break;
    if (size > body.size() - pos) size = body.size() - pos;
    out.append(body.substr(pos, size));
    pos += size;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return out;
}

// The HTTP response inside a WARC `response` payload.
struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string body;
};

// Splits an HTTP response (status line, headers, body); false when it is not HTTP.
bool ParseHttp(std::string&& payload, size_t max_body, HttpResponse* resp) {
  std::string_view p = payload;
  size_t eol = p.find('\n');
  if (eol == std::string_view::npos) return false;
  std::string_view status_line = str::Trim(p.substr(0, eol));
  if (status_line.substr(0, 5) != "HTTP/") return false;
  size_t sp = status_line.find(' ');
  uint64_t code = 0;
  if (sp == std::string_view::npos ||
      !ParseSize(status_line.substr(sp + 1, status_line.find(' ', sp + 1) - sp - 1), &code)) {
    return false;
  }
  resp->status = static_cast<int>(code);
  size_t pos = eol + 1;
  bool chunked = false;
  bool gzip = false;
  while (pos < p.size()) {
    eol = p.find('\n', pos);
    std::string_view line = p.substr(pos, eol == std::string_view::npos ? p.npos : eol - pos);
    pos = eol == std::string_view::npos ? p.size() : eol + 1;
    if (str::Trim(line).empty()) break;
    Header h;
    if (!ParseHeaderLine(line, &h)) continue;
    if (h.name == "content-type") resp->content_type = h.value;
    if (h.name == "transfer-encoding" && str::ContainsNoCase(h.value, "chunked")) chunked = true;
    if (h.name == "content-encoding" && str::ContainsNoCase(h.value, "gzip")) gzip = true;
  }
  std::string_view body = p.substr(std::min(pos, p.size()));
  resp->body = chunked ? Dechunk(body) : std::string(body);
  if (gzip) {
    // InputStream gunzips when the magic is there and passes other bytes through; the cap
    // keeps a compressed bomb bounded.
    auto in = InputStream::FromString(std::move(resp->body));
    auto all = in->ReadAll(max_body);
    resp->body = all.ok() ? std::move(all).value() : std::string();
  }
  return true;
}

class WarcParser {
 public:
  WarcParser(InputStream& in, const std::string& path, const ReaderLimits& limits,
             const RecordCallback& on_record, const ErrorCallback& on_error)
      : in_(in), path_(path), limits_(limits), on_record_(on_record), on_error_(on_error) {}

  Status Run() {
    while (true) {
      uint64_t offset = 0;
      VIGIE_ASSIGN_OR_RETURN(bool found, NextVersionLine(&offset));
      if (!found) return Status::OK();
      ++record_no_;
      VIGIE_ASSIGN_OR_RETURN(bool keep_going, ReadRecord(offset));
      if (!keep_going) return Status::OK();
    }
  }

 private:
  Status Error(uint64_t offset, std::string_view what) const {
    return Status::Corruption(path_ + ": record " + std::to_string(record_no_) + " at byte " +
                              std::to_string(offset) + ": " + std::string(what));
  }

  // Skips to the next "WARC/" line (blank lines between records are normal; anything else
  // is reported once per gap). Returns false at end of input.
  Result<bool> NextVersionLine(uint64_t* offset) {
    std::string line;
    bool reported = false;
    while (true) {
      *offset = in_.position();
      VIGIE_ASSIGN_OR_RETURN(bool more, in_.ReadLine(&line, kMaxHeaderLine));
      if (!more) return false;
      if (line.rfind("WARC/", 0) == 0) return true;
      if (!reported && !str::Trim(line).empty()) {
        on_error_(Status::Corruption(path_ + ": after record " + std::to_string(record_no_) +
                                     " at byte " + std::to_string(*offset) +
                                     ": not a WARC header, skipping to the next record"));
        reported = true;
      }
    }
  }

  // Reads the header block and payload of one record. Returns false when the input ended.
  Result<bool> ReadRecord(uint64_t offset) {
    std::vector<Header> headers;
    std::string line;
    bool bad_line = false;
    for (int n = 0;; ++n) {
      bool truncated = false;
      VIGIE_ASSIGN_OR_RETURN(bool more, in_.ReadLine(&line, kMaxHeaderLine, &truncated));
      if (!more) {
        on_error_(Error(offset, "truncated in the header block"));
        return false;
      }
      if (line.empty()) break;
      if (n >= kMaxHeaderLines || truncated) {
        on_error_(Error(offset, "header block too large"));
        return true;  // resync
      }
      Header h;
      if (ParseHeaderLine(line, &h)) {
        headers.push_back(std::move(h));
      } else if (!headers.empty() && (line[0] == ' ' || line[0] == '\t')) {
        headers.back().value += " " + std::string(str::Trim(line));  // folded header
      } else if (line.rfind("WARC/", 0) == 0) {
        bad_line = true;  // a new record began inside this header block
        break;
      } else {
        bad_line = true;
      }
    }
    uint64_t length = 0;
    if (!ParseSize(HeaderValue(headers, "content-length"), &length)) {
      on_error_(Error(offset, "missing or invalid Content-Length"));
      return true;  // resync on the next "WARC/" line
    }
    if (bad_line) on_error_(Error(offset, "malformed header line"));
    if (length > limits_.max_record_bytes) {
      on_error_(Error(offset, "payload of " + std::to_string(length) + " bytes exceeds the " +
                                  std::to_string(limits_.max_record_bytes) +
                                  "-byte limit, skipped"));
      return Skip(length, offset);
    }
    std::string payload;
    VIGIE_ASSIGN_OR_RETURN(size_t got, in_.ReadInto(&payload, length));
    if (got < length) {
      on_error_(Error(offset, "truncated: " + std::to_string(got) + " of " +
                                  std::to_string(length) + " payload bytes"));
      return false;
    }
    Deliver(headers, std::move(payload));
    return true;
  }

  Result<bool> Skip(uint64_t length, uint64_t offset) {
    std::string sink;
    while (length > 0) {
      sink.clear();
      size_t want = static_cast<size_t>(std::min<uint64_t>(length, kSkipChunk));
      VIGIE_ASSIGN_OR_RETURN(size_t got, in_.ReadInto(&sink, want));
      if (got == 0) {
        on_error_(Error(offset, "truncated while skipping an oversized payload"));
        return false;
      }
      length -= got;
    }
    return true;
  }

  void Deliver(const std::vector<Header>& headers, std::string&& payload) {
    if (!str::EqualsNoCase(HeaderValue(headers, "warc-type"), "response")) return;
    std::string content_type = HeaderValue(headers, "content-type");
    if (!str::ContainsNoCase(content_type, "application/http")) return;
    HttpResponse resp;
    if (!ParseHttp(std::move(payload), limits_.max_record_bytes, &resp)) return;
    if (resp.status < 200 || resp.status >= 300 || !IsHtmlType(resp.content_type)) return;
    RawRecord rec;
    rec.record = record_no_;
    rec.path = path_;
    rec.format = Format::kHtml;
    rec.content = std::move(resp.body);
    rec.charset = CharsetOf(resp.content_type);
    rec.url = HeaderValue(headers, "warc-target-uri");
    // WARC 1.0 wrapped the URI in angle brackets.
    if (rec.url.size() >= 2 && rec.url.front() == '<' && rec.url.back() == '>') {
      rec.url = rec.url.substr(1, rec.url.size() - 2);
    }
    rec.fallback_date = HeaderValue(headers, "warc-date");
    on_record_(std::move(rec));
  }

  InputStream& in_;
  const std::string& path_;
  const ReaderLimits& limits_;
  const RecordCallback& on_record_;
  const ErrorCallback& on_error_;
  int64_t record_no_ = 0;
};

}  // namespace

Status ReadWarc(InputStream& in, const std::string& path, const ReaderLimits& limits,
                const RecordCallback& on_record, const ErrorCallback& on_error) {
  Status s = WarcParser(in, path, limits, on_record, on_error).Run();
  if (!s.ok()) return s.WithContext(path);
  return s;
}

}  // namespace vigie::ingest
