#include "vigie/pipeline/extract.h"

namespace vigie::pipeline {

ExtractStats ExtractPaths(const std::vector<std::string>& paths, const ExtractOptions& options,
                          const std::function<void(const ingest::Document&)>& on_document,
                          const std::function<void(const Status&)>& on_error) {
  ExtractStats stats;
  ingest::DocumentReader reader(options.read);
  for (const auto& path : paths) {
    // ReadPath reports its own failure through the error callback too.
    reader
        .ReadPath(
            path,
            [&](ingest::Document&& doc) {
              ++stats.documents;
              stats.paragraphs += static_cast<int64_t>(doc.paragraphs.size());
              stats.comments += static_cast<int64_t>(doc.comments.size());
              on_document(doc);
            },
            [&](const Status& status) {
              ++stats.errors;
              on_error(status);
            })
        .IgnoreError();
  }
  return stats;
}

}  // namespace vigie::pipeline
