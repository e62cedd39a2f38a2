#include "vigie/pipeline/ingest.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "vigie/ingest/reader.h"

namespace vigie::pipeline {
namespace {

using Batch = std::vector<std::unique_ptr<StoreReady>>;

tone::ToneScore SentenceTone(const tone::ToneLexicon& tone, const std::string& lang,
                             const text::Sentence& s) {
  std::vector<std::string_view> forms, lemmas;
  forms.reserve(s.tokens.size());
  lemmas.reserve(s.tokens.size());
  for (const auto& t : s.tokens) {
    if (t.kind != text::TokenKind::kWord) continue;
    forms.push_back(t.norm);
    lemmas.push_back(t.lemma);
  }
  return tone.Score(lang, forms, lemmas);
}

// Records flow from the reading thread to the coding threads (which extract and code them)
// and, as documents in the order they were read, on to the storing thread. Both queues are
// bounded, so memory stays bounded however long the input: the reader waits while
// `kDocsPerCoder` records per coder are queued, and a coder waits while its document is
// `window` places ahead of the next one to store (the document the writer waits for is never
// held back by that rule, so the flow cannot lock).
class OrderedFlow {
 public:
  static constexpr size_t kDocsPerCoder = 4;

  OrderedFlow(size_t coders, size_t window)
      : coders_(coders), max_queued_(kDocsPerCoder * coders), window_(window) {}

  // Reader: queues a record; blocks while the queue is full. False once stopped.
  bool PushRecord(ingest::PendingRecord record) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return input_.size() < max_queued_ || stopped_; });
    if (stopped_) return false;
    input_.emplace_back(next_in_++, std::move(record));
    cv_.notify_all();
    return true;
  }
  void CloseInput() {
    std::lock_guard lock(mu_);
    input_closed_ = true;
    cv_.notify_all();
  }

  // Coder: the next record to code and its place in the input; false at the end.
  bool PopRecord(uint64_t* seq, ingest::PendingRecord* record) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !input_.empty() || input_closed_ || stopped_; });
    if (input_.empty() || stopped_) return false;
    *seq = input_.front().first;
    *record = std::move(input_.front().second);
    input_.pop_front();
    cv_.notify_all();
    return true;
  }
  // Coder: hands document `seq` on, coded.
  void PushCoded(uint64_t seq, std::unique_ptr<StoreReady> r) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return seq < next_out_ + window_ || stopped_; });
    if (stopped_) return;
    coded_.emplace(seq, std::move(r));
    cv_.notify_all();
  }
  void CoderDone() {
    std::lock_guard lock(mu_);
    ++coders_done_;
    cv_.notify_all();
  }

  // Writer: the next coded documents in input order, up to `max` of them (fewer only at the
  // end); empty at the end.
  Batch PopInOrder(size_t max) {
    Batch out;
    std::unique_lock lock(mu_);
    while (out.size() < max) {
      cv_.wait(lock,
               [&] { return coded_.contains(next_out_) || coders_done_ == coders_ || stopped_; });
      auto it = coded_.find(next_out_);
      if (it == coded_.end() || stopped_) break;
      out.push_back(std::move(it->second));
      coded_.erase(it);
      ++next_out_;
      cv_.notify_all();
    }
    return out;
  }

  void Stop() {  // the writer gives up (store failure)
    std::lock_guard lock(mu_);
    stopped_ = true;
    cv_.notify_all();
  }

 private:
  const size_t coders_, max_queued_, window_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<uint64_t, ingest::PendingRecord>> input_;
  std::map<uint64_t, std::unique_ptr<StoreReady>> coded_;
  uint64_t next_in_ = 0, next_out_ = 0;
  size_t coders_done_ = 0;
  bool input_closed_ = false, stopped_ = false;
};

}  // namespace

StoreReady PrepareForStore(ingest::Document doc, CodingPipeline& coding,
                           const CodingOptions& options, const tone::ToneLexicon& tone) {
  StoreReady r;
  auto coded = coding.Code(doc, options);
  r.doc = std::move(doc);
  r.sentences.reserve(coded.sentences.size());
  for (auto& cs : coded.sentences) {
    r.sentences.push_back(
        {cs.sentence.text, SentenceTone(tone, coded.lang, cs.sentence), cs.comment_index});
    for (auto& e : cs.events) r.events.push_back(std::move(e));
  }
  return r;
}

IngestStats IngestPaths(const std::vector<std::string>& paths, const IngestOptions& options,
                        std::span<CodingPipeline* const> coders, const tone::ToneLexicon& tone,
                        store::Store& store, const std::function<void(const Status&)>& on_error,
                        const std::function<void(const IngestStats&)>& on_progress) {
  IngestStats stats;  // guarded by `mu` once other threads run
  if (coders.empty()) {
    on_error(Status::InvalidArgument("ingest needs at least one coding pipeline"));
    stats.errors = 1;
    return stats;
  }
  std::mutex mu;
  const size_t batch_size = static_cast<size_t>(std::max(options.batch, 1));
  OrderedFlow flow(coders.size(), 2 * batch_size);

  ingest::ReadOptions read;
  read.lang_hint = options.lang_hint;
  read.stdin_format = ingest::Format::kJsonl;
  read.paragraph_languages = false;

  std::vector<std::thread> coding;
  for (CodingPipeline* pipeline : coders) {
    coding.emplace_back([&, pipeline] {
      ingest::DocumentReader extractor(read);  // Build only: it holds a parser
      uint64_t seq;
      ingest::PendingRecord record;
      while (flow.PopRecord(&seq, &record)) {
        auto p = std::make_unique<StoreReady>(
            PrepareForStore(extractor.Build(std::move(record)), *pipeline, options.coding, tone));
        {
          std::lock_guard lock(mu);
          ++stats.documents;
          stats.sentences += static_cast<int64_t>(p->sentences.size());
          stats.events += static_cast<int64_t>(p->events.size());
        }
        flow.PushCoded(seq, std::move(p));
      }
      flow.CoderDone();
    });
  }

  // The store is used from this one thread only.
  std::thread writer([&] {
    for (Batch batch; !(batch = flow.PopInOrder(batch_size)).empty();) {
      std::vector<store::DocumentInput> inputs;
      inputs.reserve(batch.size());
      for (const auto& p : batch) inputs.push_back(p->Input());
      auto added = store.AddDocuments(inputs);
      std::lock_guard lock(mu);
      if (!added.ok()) {
        stats.store_failed = true;
        on_error(added.status());
        flow.Stop();
        return;
      }
      for (const auto& r : *added) {
        stats.added += r.added;
        stats.duplicates += !r.duplicate_of.empty();
      }
      on_progress(stats);
    }
  });

  int64_t errors = 0;
  ingest::DocumentReader reader(read);
  for (const auto& path : paths) {
    // ReadRecords reports its own failure through the error callback too.
    reader
        .ReadRecords(
            path, [&](ingest::PendingRecord&& r) { flow.PushRecord(std::move(r)); },
            [&](const Status& s) {
              std::lock_guard lock(mu);
              ++errors;
              on_error(s);
            })
        .IgnoreError();
  }
  flow.CloseInput();
  for (auto& t : coding) t.join();
  writer.join();
  stats.errors = errors + (stats.store_failed ? 1 : 0);
  return stats;
}

}  // namespace vigie::pipeline
