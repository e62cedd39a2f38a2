#pragma once
// The ingest use case (`vigie ingest`): read inputs, code them, score their tone and store
// them. Documents go to the store in batches, one transaction each, so an interrupted run
// leaves whole documents and a re-run (idempotent by document id) completes it.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "vigie/base/status.h"
#include "vigie/pipeline/coding.h"
#include "vigie/store/store.h"
#include "vigie/tone/lexicon.h"

namespace vigie::pipeline {

struct IngestOptions {
  CodingOptions coding;
  std::string lang_hint;  // for reading ("fr", "en" or "")
  int batch = 64;         // documents per transaction
};

struct IngestStats {
  int64_t documents = 0;   // read
  int64_t added = 0;       // new in the store
  int64_t duplicates = 0;  // stored as near-copies of an earlier document
  int64_t sentences = 0;
  int64_t events = 0;  // coded (mentions stored)
  int64_t errors = 0;  // bad inputs reported
  bool store_failed = false;
};

// A document coded and scored, ready for Store::AddDocuments (which reads it through spans:
// keep it alive and in place until the call returns).
struct StoreReady {
  ingest::Document doc;
  std::vector<store::SentenceInput> sentences;  // body then comment sentences, with tone
  std::vector<events::Event> events;

  store::DocumentInput Input() const { return {&doc, sentences, events}; }
};

// Codes `doc` and scores the tone of each of its sentences: what `vigie ingest` stores for a
// document, for callers that hold documents in memory (`vigie watch`).
StoreReady PrepareForStore(ingest::Document doc, CodingPipeline& coding,
                           const CodingOptions& options, const tone::ToneLexicon& tone);

// Codes and stores every document under `paths`. This thread reads; one thread per pipeline
// in `coders` (at least one; see CodingPipeline::Fork) codes; one more writes batches to
// the store (the only thread that touches `store`). Documents reach the store in the order
// they were read, whatever the number of coders, so the stored events do not depend on it.
// Bad inputs go to on_error and the rest goes on; a store failure stops the run (reported
// through on_error too). `on_progress` is called after each stored batch. Both callbacks
// are serialized (never run at the same time) but may run on other threads.
IngestStats IngestPaths(const std::vector<std::string>& paths, const IngestOptions& options,
                        std::span<CodingPipeline* const> coders, const tone::ToneLexicon& tone,
                        store::Store& store, const std::function<void(const Status&)>& on_error,
                        const std::function<void(const IngestStats&)>& on_progress);

}  // namespace vigie::pipeline
