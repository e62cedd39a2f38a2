#include "vigie/watch/internal/feed_ingest.h"

#include <memory>
#include <string_view>
#include <utility>

#include "vigie/ingest/input_stream.h"
#include "vigie/ingest/record_readers.h"
#include "vigie/pipeline/ingest.h"

namespace vigie::watch::internal {

Result<std::vector<ingest::Document>> ParseFeed(
    std::string body, const std::string& url, const std::string& fetch_day,
    ingest::DocumentReader& reader, const std::function<void(const Status&)>& on_item_error) {
  std::vector<ingest::Document> docs;
  auto in = ingest::InputStream::FromString(std::move(body));
  Status s = ingest::ReadFeed(
      *in, url, ingest::ReaderLimits{},
      [&](ingest::RawRecord&& rec) {
        rec.fallback_date = fetch_day;
        ingest::Document doc = reader.Build(std::move(rec));
        doc.format = ingest::Format::kFeed;
        docs.push_back(std::move(doc));
      },
      on_item_error);
  if (!s.ok()) return s;
  return docs;
}

Result<StoreCounts> StoreNew(const std::vector<ingest::Document>& docs,
                             pipeline::CodingPipeline& coding,
                             const pipeline::CodingOptions& options, const tone::ToneLexicon& tone,
                             store::Store& store) {
  StoreCounts counts;
  std::vector<std::unique_ptr<pipeline::StoreReady>> coded;
  for (const ingest::Document& doc : docs) {
    auto stored = store.GetDocument(doc.id);
    if (stored.ok()) {
      ++counts.known;
      continue;
    }
    if (stored.status().code() != Status::Code::kNotFound) return stored.status();
    coded.push_back(std::make_unique<pipeline::StoreReady>(
        pipeline::PrepareForStore(doc, coding, options, tone)));
  }
  if (coded.empty()) return counts;
  std::vector<store::DocumentInput> inputs;
  inputs.reserve(coded.size());
  for (const auto& c : coded) inputs.push_back(c->Input());
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::AddResult> added, store.AddDocuments(inputs));
  for (const store::AddResult& r : added) {
    // A feed may list the same link twice: the second copy is not added.
    if (r.added) {
      ++counts.added;
    } else {
      ++counts.known;
    }
    counts.events += r.events_created;
  }
  return counts;
}

}  // namespace vigie::watch::internal
