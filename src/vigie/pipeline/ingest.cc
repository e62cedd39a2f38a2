#include "vigie/pipeline/ingest.h"

#include <deque>

#include "vigie/pipeline/extract.h"

namespace vigie::pipeline {
namespace {

// One coded document waiting for its batch; the store reads it through spans.
struct Pending {
  ingest::Document doc;
  std::vector<store::SentenceInput> sentences;
  std::vector<events::Event> events;
};

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

}  // namespace

IngestStats IngestPaths(const std::vector<std::string>& paths, const IngestOptions& options,
                        CodingPipeline& coding, const tone::ToneLexicon& tone, store::Store& store,
                        const std::function<void(const Status&)>& on_error,
                        const std::function<void(const IngestStats&)>& on_progress) {
  IngestStats stats;
  std::deque<Pending> pending;  // a deque: spans into its elements stay valid as it grows

  auto flush = [&] {
    if (pending.empty() || stats.store_failed) return;
    std::vector<store::DocumentInput> inputs;
    inputs.reserve(pending.size());
    for (const auto& p : pending) inputs.push_back({&p.doc, p.sentences, p.events});
    auto added = store.AddDocuments(inputs);
    if (!added.ok()) {
      stats.store_failed = true;
      on_error(added.status());
    } else {
      for (const auto& r : *added) {
        stats.added += r.added;
        stats.duplicates += !r.duplicate_of.empty();
      }
    }
    pending.clear();
    on_progress(stats);
  };

  ExtractOptions read;
  read.read.lang_hint = options.lang_hint;
  read.read.stdin_format = ingest::Format::kJsonl;
  auto extracted = ExtractPaths(
      paths, read,
      [&](const ingest::Document& doc) {
        if (stats.store_failed) return;
        ++stats.documents;
        auto coded = coding.Code(doc, options.coding);
        Pending p;
        p.doc = doc;
        p.sentences.reserve(coded.sentences.size());
        for (auto& cs : coded.sentences) {
          p.sentences.push_back(
              {cs.sentence.text, SentenceTone(tone, coded.lang, cs.sentence), cs.comment_index});
          for (auto& e : cs.events) p.events.push_back(std::move(e));
        }
        stats.sentences += static_cast<int64_t>(p.sentences.size());
        stats.events += static_cast<int64_t>(p.events.size());
        pending.push_back(std::move(p));
        if (static_cast<int>(pending.size()) >= options.batch) flush();
      },
      on_error);
  flush();
  stats.errors = extracted.errors + (stats.store_failed ? 1 : 0);
  return stats;
}

}  // namespace vigie::pipeline
