#pragma once
// The front door of ingestion: reads any path (file, directory recursed in name order, "-"
// for stdin) in any supported form (text, HTML, JSONL, RSS/Atom, WARC; each possibly .gz)
// and delivers clean Documents. Not thread-safe: use one DocumentReader per thread.

#include <functional>
#include <memory>
#include <string>

#include "vigie/base/status.h"
#include "vigie/ingest/document.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::ingest {

struct ReadOptions {
  ReaderLimits limits;
  // Language to assume when detection is unsure ("" = none). "fr" or "en" typically.
  std::string lang_hint;
  // Format to assume for stdin ("-") and files whose format cannot be told; kUnknown = sniff.
  Format stdin_format = Format::kUnknown;
  // Detect each paragraph's language (Paragraph::lang) as well as the document's. `vigie
  // extract` shows it; ingest, which codes a document in one language, skips the cost.
  bool paragraph_languages = true;
};

// A record read from its file but not yet extracted (see DocumentReader::ReadRecords).
struct PendingRecord {
  RawRecord record;
  Format container = Format::kUnknown;  // the form of the file it came from
};

class DocumentReader {
 public:
  using DocumentCallback = std::function<void(Document&&)>;
  using RecordCallback = std::function<void(PendingRecord&&)>;
  using ErrorCallback = std::function<void(const Status&)>;

  explicit DocumentReader(ReadOptions options = {});
  ~DocumentReader();

  // Reads every document under `path`, calling on_document for each clean document and
  // on_error for each bad file or record (messages name the file and the line or record).
  // Returns non-OK only when `path` itself cannot be opened (also reported via on_error).
  Status ReadPath(const std::string& path, const DocumentCallback& on_document,
                  const ErrorCallback& on_error);

  // The same walk, stopping before extraction: each record goes to on_record, for callers
  // that extract on other threads (one DocumentReader each) with Build(PendingRecord&&).
  Status ReadRecords(const std::string& path, const RecordCallback& on_record,
                     const ErrorCallback& on_error);

  // Extracts one record into a Document: HTML or text extraction, NFC, language per
  // paragraph and document, date normalisation and a stable id. Exposed for the pipeline
  // (JSONL from other sources) and for tests.
  Document Build(RawRecord&& record);
  // The same, with the Document's format set to the form of the file the record came from.
  Document Build(PendingRecord&& pending);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::ingest
