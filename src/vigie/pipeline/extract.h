#pragma once
// The extraction use case (`vigie extract`): read inputs into clean Documents.
// Not thread-safe: one Extractor per thread.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vigie/base/status.h"
#include "vigie/ingest/document.h"
#include "vigie/ingest/reader.h"

namespace vigie::pipeline {

struct ExtractStats {
  int64_t documents = 0;   // documents delivered
  int64_t errors = 0;      // bad files or records reported
  int64_t paragraphs = 0;  // body paragraphs over all documents
  int64_t comments = 0;    // reader comments over all documents
};

struct ExtractOptions {
  ingest::ReadOptions read;  // limits, language hint, stdin format
};

// Reads every path in turn. Each document goes to on_document, each error to on_error; a
// bad input never stops the others. Returns the counts.
ExtractStats ExtractPaths(const std::vector<std::string>& paths, const ExtractOptions& options,
                          const std::function<void(const ingest::Document&)>& on_document,
                          const std::function<void(const Status&)>& on_error);

}  // namespace vigie::pipeline
