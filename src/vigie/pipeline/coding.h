#pragma once
// The coding use case (`vigie actors`, `vigie code`, later `vigie ingest`): a Document's
// title, body and reader comments become sentences with tokens, actor mentions and events.
// Holds the loaded resources (lexicons, gazetteer, dictionaries). Not thread-safe: one
// CodingPipeline per thread (the analyzer memoizes lemmas); Fork() makes another one that
// shares the read-only gazetteer and dictionaries.

#include <memory>
#include <string>
#include <vector>

#include "vigie/actors/gazetteer.h"
#include "vigie/actors/mention.h"
#include "vigie/actors/recognizer.h"
#include "vigie/base/result.h"
#include "vigie/events/cameo.h"
#include "vigie/events/coder.h"
#include "vigie/events/dictionary.h"
#include "vigie/events/event.h"
#include "vigie/ingest/document.h"
#include "vigie/text/analyzer.h"

namespace vigie::pipeline {

// Where data/ is: `explicit_dir` when given, else $VIGIE_DATA, else data/ beside or above
// the running executable (build/vigie in a checkout), else the source tree it was built from.
std::string FindDataDir(const std::string& explicit_dir = "");

struct CodedSentence {
  text::Sentence sentence;
  std::vector<actors::Mention> mentions;
  std::vector<events::Event> events;
  bool comment = false;          // from a reader comment
  int32_t comment_index = -1;    // which of Document::comments, -1 for the title and body
  int32_t paragraph_index = -1;  // which of Document::paragraphs, -1 for the title and comments
  bool title = false;
};

struct CodedDocument {
  std::string lang;  // the language the document was coded in
  std::vector<CodedSentence> sentences;
};

struct CodingOptions {
  std::string lang = "auto";  // auto | fr | en: the language sentences are coded in
  std::string date;           // the document date when the document has none
  bool events = true;         // false: stop after actors
};

class CodingPipeline {
 public:
  // Loads data_dir/{gazetteer,events,cameo}; warnings about bad lines go to `warnings`.
  static Result<std::unique_ptr<CodingPipeline>> Open(const std::string& data_dir,
                                                      std::vector<std::string>* warnings);

  // A pipeline for another thread: the gazetteer, CAMEO table and dictionaries are shared
  // (immutable once loaded); the analyzer, whose lemma cache is per thread, is loaded again.
  Result<std::unique_ptr<CodingPipeline>> Fork() const;

  CodedDocument Code(const ingest::Document& doc, const CodingOptions& options,
                     events::Trace* trace = nullptr);

  text::Analyzer& analyzer() { return *analyzer_; }
  const actors::Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  CodingPipeline() = default;
  // Builds the recognizer and coder over the loaded gazetteer, dictionaries and table.
  void Connect();
  std::unique_ptr<text::Analyzer> analyzer_;
  std::shared_ptr<const actors::Gazetteer> gazetteer_;
  std::shared_ptr<const events::CameoTable> cameo_;
  std::shared_ptr<const events::Dictionary> fr_;
  std::shared_ptr<const events::Dictionary> en_;
  std::unique_ptr<actors::Recognizer> recognizer_;
  std::unique_ptr<events::Coder> coder_;
};

}  // namespace vigie::pipeline
