#include "vigie/pipeline/ingest.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "vigie/pipeline/extract.h"

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

// Batches travel from the coding thread to the storing thread through a short queue, so
// that reading and coding one batch overlaps with writing the previous one while memory
// stays bounded (at most kMaxQueued batches wait).
class BatchQueue {
 public:
  static constexpr size_t kMaxQueued = 2;

  // Blocks while the queue is full; false when the consumer has stopped.
  bool Push(Batch b) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return queue_.size() < kMaxQueued || stopped_; });
    if (stopped_) return false;
    queue_.push_back(std::move(b));
    cv_.notify_all();
    return true;
  }
  // Blocks until a batch or the end; false at the end.
  bool Pop(Batch* b) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return false;
    *b = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return true;
  }
  void Close() {  // the producer is done
    std::lock_guard lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  void Stop() {  // the consumer gives up (store failure)
    std::lock_guard lock(mu_);
    stopped_ = true;
    cv_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(mu_);
    return stopped_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;
  bool closed_ = false;
  bool stopped_ = false;
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
                        CodingPipeline& coding, const tone::ToneLexicon& tone, store::Store& store,
                        const std::function<void(const Status&)>& on_error,
                        const std::function<void(const IngestStats&)>& on_progress) {
  IngestStats stats;  // guarded by `mu` once the writer runs
  std::mutex mu;
  BatchQueue queue;

  // The store is used from this one thread only.
  std::thread writer([&] {
    Batch batch;
    while (queue.Pop(&batch)) {
      std::vector<store::DocumentInput> inputs;
      inputs.reserve(batch.size());
      for (const auto& p : batch) inputs.push_back(p->Input());
      auto added = store.AddDocuments(inputs);
      std::lock_guard lock(mu);
      if (!added.ok()) {
        stats.store_failed = true;
        on_error(added.status());
        queue.Stop();
        return;
      }
      for (const auto& r : *added) {
        stats.added += r.added;
        stats.duplicates += !r.duplicate_of.empty();
      }
      on_progress(stats);
    }
  });

  Batch batch;
  ExtractOptions read;
  read.read.lang_hint = options.lang_hint;
  read.read.stdin_format = ingest::Format::kJsonl;
  auto extracted = ExtractPaths(
      paths, read,
      [&](const ingest::Document& doc) {
        if (queue.stopped()) return;
        auto p = std::make_unique<StoreReady>(PrepareForStore(doc, coding, options.coding, tone));
        {
          std::lock_guard lock(mu);
          ++stats.documents;
          stats.sentences += static_cast<int64_t>(p->sentences.size());
          stats.events += static_cast<int64_t>(p->events.size());
        }
        batch.push_back(std::move(p));
        if (static_cast<int>(batch.size()) >= options.batch) {
          queue.Push(std::move(batch));
          batch.clear();  // moved from: valid but unspecified
        }
      },
      [&](const Status& s) {
        std::lock_guard lock(mu);
        on_error(s);
      });
  if (!batch.empty()) queue.Push(std::move(batch));
  queue.Close();
  writer.join();
  stats.errors = extracted.errors + (stats.store_failed ? 1 : 0);
  return stats;
}

}  // namespace vigie::pipeline
