#include "vigie/ingest/reader.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"
#include "vigie/ingest/charset.h"
#include "vigie/ingest/format.h"
#include "vigie/ingest/html_extractor.h"
#include "vigie/ingest/input_stream.h"
#include "vigie/ingest/text_extractor.h"
#include "vigie/text/dates.h"
#include "vigie/text/language.h"
#include "vigie/text/normalize.h"

namespace vigie::ingest {
namespace {

// Inside a directory, README/LICENSE-style files describe the corpus rather than belong to
// it (data/corpus/README.md, a crawl's LICENSE). Files named on the command line are always
// read.
bool IsDocumentationFile(const std::string& name) {
  std::string lower = str::AsciiLower(name);
  for (const char* ext : {".md", ".rst", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".css", ".js"}) {
    if (str::EndsWith(lower, ext)) return true;
  }
  for (const char* stem : {"readme", "license", "licence", "notice", "copying", "changelog"}) {
    if (lower.rfind(stem, 0) == 0) return true;
  }
  return false;
}

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 8192;
constexpr int kMaxDirectoryDepth = 64;  // guards against symlink loops

// True when a text/HTML head looks binary: NUL bytes without a UTF-16/32 byte order mark.
bool LooksBinary(std::string_view head) {
  if (head.find('\0') == std::string_view::npos) return false;
  auto b0 = head.size() > 0 ? static_cast<unsigned char>(head[0]) : 0;
  auto b1 = head.size() > 1 ? static_cast<unsigned char>(head[1]) : 0;
  bool bom =
      (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) ||
      (head.size() >= 4 && b0 == 0 && b1 == 0 && static_cast<unsigned char>(head[2]) == 0xFE);
  return !bom;
}

Status FileError(const std::string& path, std::string_view what) {
  return Status::Corruption(path + ": " + std::string(what));
}

}  // namespace

struct DocumentReader::Impl {
  explicit Impl(ReadOptions opts) : options(std::move(opts)) {}

  Status ReadPath(const std::string& path, const RecordCallback& on_record,
                  const ErrorCallback& on_error);
  Status ReadFile(const std::string& path, const RecordCallback& on_record,
                  const ErrorCallback& on_error);
  void ReadDirectory(const fs::path& dir, int depth, const RecordCallback& on_record,
                     const ErrorCallback& on_error);
  void ReadSingle(InputStream& in, const std::string& path, Format format, std::string_view head,
                  const RecordCallback& on_record, const ErrorCallback& on_error);
  Document Build(RawRecord&& record);
  void Finish(const RawRecord& record, std::string_view html_lang, Document* doc);

  ReadOptions options;
  HtmlExtractor html;  // reused: it holds a parser
};

DocumentReader::DocumentReader(ReadOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
DocumentReader::~DocumentReader() = default;

Status DocumentReader::ReadPath(const std::string& path, const DocumentCallback& on_document,
                                const ErrorCallback& on_error) {
  return impl_->ReadPath(
      path, [&](PendingRecord&& pending) { on_document(Build(std::move(pending))); }, on_error);
}

Status DocumentReader::ReadRecords(const std::string& path, const RecordCallback& on_record,
                                   const ErrorCallback& on_error) {
  return impl_->ReadPath(path, on_record, on_error);
}

Status DocumentReader::Impl::ReadPath(const std::string& path, const RecordCallback& on_record,
                                      const ErrorCallback& on_error) {
  if (path != "-") {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      Status s = Status::NotFound(path + ": cannot open: no such file or directory");
      on_error(s);
      return s;
    }
    if (fs::is_directory(st)) {
      // Probe that the directory itself can be listed.
      fs::directory_iterator probe(path, ec);
      if (ec) {
        Status s = Status::IOError(path + ": cannot open: " + ec.message());
        on_error(s);
        return s;
      }
      ReadDirectory(path, 0, on_record, on_error);
      return Status::OK();
    }
  }
  return ReadFile(path, on_record, on_error);
}

Document DocumentReader::Build(RawRecord&& record) { return impl_->Build(std::move(record)); }

Document DocumentReader::Build(PendingRecord&& pending) {
  Document doc = impl_->Build(std::move(pending.record));
  doc.format = pending.container;
  return doc;
}

void DocumentReader::Impl::ReadDirectory(const fs::path& dir, int depth,
                                         const RecordCallback& on_record,
                                         const ErrorCallback& on_error) {
  if (depth > kMaxDirectoryDepth) {
    on_error(FileError(dir.string(), "directories nested too deep, skipped"));
    return;
  }
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files and folders
    if (IsDocumentationFile(name)) continue;
    entries.push_back(it->path());
  }
  if (ec) on_error(Status::IOError(dir.string() + ": cannot list: " + ec.message()));
  std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();
  });
  for (const fs::path& p : entries) {
    std::error_code sec;
    if (fs::is_directory(p, sec)) {
      ReadDirectory(p, depth + 1, on_record, on_error);
    } else if (fs::is_regular_file(p, sec)) {
      // Errors are reported through on_error; the batch goes on.
      ReadFile(p.string(), on_record, on_error).IgnoreError();
    }
  }
}

Status DocumentReader::Impl::ReadFile(const std::string& path, const RecordCallback& on_record,
                                      const ErrorCallback& on_error) {
  auto opened = InputStream::Open(path);
  if (!opened.ok()) {
    on_error(opened.status());
    return opened.status();
  }
  InputStream& in = **opened;
  auto head_or = in.Peek(kSniffBytes);
  if (!head_or.ok()) {
    on_error(head_or.status());
    return Status::OK();
  }
  std::string head(*head_or);  // a copy: later reads move the window
  Format format = (path == "-" && options.stdin_format != Format::kUnknown)
                      ? options.stdin_format
                      : DetectFormat(path, head);

  // Records from containers keep the container's format in the Document.
  auto deliver = [&](RawRecord&& r) { on_record({std::move(r), format}); };
  Status status;
  switch (format) {
    case Format::kJsonl:
      status = ReadJsonl(in, path, options.limits, deliver, on_error);
      break;
    case Format::kFeed:
      status = ReadFeed(in, path, options.limits, deliver, on_error);
      break;
    case Format::kWarc:
      status = ReadWarc(in, path, options.limits, deliver, on_error);
      break;
    case Format::kText:
    case Format::kHtml:
    case Format::kUnknown:
      ReadSingle(in, path, format == Format::kHtml ? Format::kHtml : Format::kText, head, on_record,
                 on_error);
      break;
  }
  if (!status.ok()) on_error(status);
  return Status::OK();
}

void DocumentReader::Impl::ReadSingle(InputStream& in, const std::string& path, Format format,
                                      std::string_view head, const RecordCallback& on_record,
                                      const ErrorCallback& on_error) {
  if (LooksBinary(head)) {
    on_error(FileError(path, "binary data, not text or HTML; skipped"));
    return;
  }
  bool truncated = false;
  auto bytes = in.ReadAll(options.limits.max_record_bytes, &truncated);
  if (!bytes.ok()) {
    on_error(bytes.status());
    return;
  }
  if (truncated) {
    on_error(FileError(path, "larger than " + std::to_string(options.limits.max_record_bytes) +
                                 " bytes, skipped"));
    return;
  }
  if (str::Trim(*bytes).empty()) return;  // an empty file holds no document
  RawRecord rec;
  rec.path = path;
  rec.format = format;
  // RawRecord::content is UTF-8 for text; HTML is decoded in Build with its meta charset.
  rec.content =
      format == Format::kText ? DecodeToUtf8(*bytes, "", false) : std::move(bytes).value();
  on_record({std::move(rec), format});
}

Document DocumentReader::Impl::Build(RawRecord&& record) {
  Document doc;
  doc.path = record.path;
  doc.record = record.record;
  doc.format = record.format;
  if (record.format == Format::kHtml) {
    std::string utf8_html = DecodeToUtf8(record.content, record.charset, /*is_html=*/true);
    html.Extract(utf8_html, record.url, &doc);
  } else {
    // Text is UTF-8 by contract; repair defensively so extraction never sees bad bytes.
    if (utf8::IsValid(record.content)) {
      ExtractText(record.content, &doc);
    } else {
      ExtractText(utf8::Repair(record.content), &doc);
    }
  }
  std::string html_lang = std::move(doc.lang);
  doc.lang.clear();
  Finish(record, html_lang, &doc);
  return doc;
}

// Applies container metadata, normalisation, languages, dates, site and id.
void DocumentReader::Impl::Finish(const RawRecord& record, std::string_view html_lang,
                                  Document* doc) {
  if (!record.title.empty()) doc->title = record.title;
  if (!record.url.empty()) doc->url = record.url;
  if (!record.author.empty()) doc->author = record.author;
  if (!record.date.empty()) doc->date = record.date;
  if (doc->date.empty()) doc->date = record.fallback_date;

  doc->title = str::CollapseSpace(text::ToNfc(doc->title));
  doc->author = str::CollapseSpace(text::ToNfc(doc->author));
  std::vector<Paragraph> paragraphs;
  paragraphs.reserve(doc->paragraphs.size());
  for (Paragraph& p : doc->paragraphs) {
    p.text = text::ToNfc(p.text);
    if (!str::Trim(p.text).empty()) paragraphs.push_back(std::move(p));
  }
  doc->paragraphs = std::move(paragraphs);
  for (Comment& c : doc->comments) c.text = text::ToNfc(c.text);
  std::erase_if(doc->comments, [](const Comment& c) { return str::Trim(c.text).empty(); });

  std::string body;
  for (const Paragraph& p : doc->paragraphs) {
    if (!body.empty()) body += '\n';
    body += p.text;
  }

  // Document language: the container's word, else detection over the whole body.
  const std::string record_lang = text::LanguageFromTag(record.lang);
  std::string hint = record_lang.empty() ? text::LanguageFromTag(options.lang_hint) : record_lang;
  if (!record_lang.empty()) {
    doc->lang = record_lang;
  } else {
    std::string detected = body.empty() ? "" : text::DetectLanguage(body, hint).code;
    doc->lang = !detected.empty() ? detected : text::LanguageFromTag(html_lang);
  }
  if (options.paragraph_languages) {
    for (Paragraph& p : doc->paragraphs) {
      p.lang = text::DetectLanguage(p.text, doc->lang.empty() ? hint : doc->lang).code;
    }
  }

  std::string date_lang = doc->lang.empty() ? hint : doc->lang;
  doc->date = text::ParseIsoDate(doc->date, date_lang);
  doc->modified = text::ParseIsoDate(doc->modified, date_lang);
  for (Comment& c : doc->comments) c.date = text::ParseIsoDate(c.date, date_lang);

  if (doc->site.empty()) doc->site = str::UrlHost(doc->url);
  if (!record.id.empty()) {
    doc->id = record.id;
  } else if (!doc->url.empty()) {
    doc->id = "u" + str::Hex64(str::Fnv1a64(doc->url));
  } else {
    doc->id = "h" + str::Hex64(str::Fnv1a64(body));
  }
}

}  // namespace vigie::ingest
