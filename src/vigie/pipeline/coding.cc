#include "vigie/pipeline/coding.h"

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "vigie/actors/role_owners.h"

namespace vigie::pipeline {
namespace fs = std::filesystem;

namespace {

bool LooksLikeDataDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p / "gazetteer", ec) && fs::is_directory(p / "events", ec);
}

std::string ChooseLang(const ingest::Document& doc, const std::string& wanted) {
  if (wanted == "fr" || wanted == "en") return wanted;
  return doc.lang == "fr" ? "fr" : "en";
}

}  // namespace

std::string FindDataDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("VIGIE_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (LooksLikeDataDir(dir / "data")) return (dir / "data").string();
    }
  }
  return VIGIE_SOURCE_DATA_DIR;
}

Result<std::unique_ptr<CodingPipeline>> CodingPipeline::Open(const std::string& data_dir,
                                                             std::vector<std::string>* warnings) {
  auto p = std::unique_ptr<CodingPipeline>(new CodingPipeline());
  VIGIE_ASSIGN_OR_RETURN(p->analyzer_, text::Analyzer::Open());
  VIGIE_ASSIGN_OR_RETURN(p->gazetteer_, actors::Gazetteer::Load(data_dir + "/gazetteer", warnings));
  VIGIE_ASSIGN_OR_RETURN(
      p->cameo_, events::CameoTable::Load(data_dir + "/cameo/cameo_codes_goldstein_quad.tsv"));
  VIGIE_ASSIGN_OR_RETURN(
      p->fr_, events::Dictionary::Load(data_dir + "/events", "fr", *p->cameo_, warnings));
  VIGIE_ASSIGN_OR_RETURN(
      p->en_, events::Dictionary::Load(data_dir + "/events", "en", *p->cameo_, warnings));
  p->Connect();
  return p;
}

Result<std::unique_ptr<CodingPipeline>> CodingPipeline::Fork() const {
  auto p = std::unique_ptr<CodingPipeline>(new CodingPipeline());
  VIGIE_ASSIGN_OR_RETURN(p->analyzer_, text::Analyzer::Open());
  p->gazetteer_ = gazetteer_;
  p->cameo_ = cameo_;
  p->fr_ = fr_;
  p->en_ = en_;
  p->Connect();
  return p;
}

void CodingPipeline::Connect() {
  recognizer_ = std::make_unique<actors::Recognizer>(*gazetteer_);
  coder_ = std::make_unique<events::Coder>(*fr_, *en_, *cameo_);
}

CodedDocument CodingPipeline::Code(const ingest::Document& doc, const CodingOptions& options,
                                   events::Trace* trace) {
  CodedDocument out;
  out.lang = ChooseLang(doc, options.lang);
  auto add = [&](const std::string& text, bool title, int32_t paragraph, int32_t comment) {
    for (auto& s : analyzer_->Analyze(text, out.lang)) {
      CodedSentence cs;
      cs.sentence = std::move(s);
      cs.title = title;
      cs.paragraph_index = paragraph;
      cs.comment = comment >= 0;
      cs.comment_index = comment;
      out.sentences.push_back(std::move(cs));
    }
  };
  // A title repeated as the first paragraph is coded once.
  if (!doc.title.empty() && (doc.paragraphs.empty() || doc.paragraphs.front().text != doc.title)) {
    add(doc.title, true, -1, -1);
  }
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    add(doc.paragraphs[i].text, false, static_cast<int32_t>(i), -1);
  }
  for (size_t i = 0; i < doc.comments.size(); ++i) {
    add(doc.comments[i].text, false, -1, static_cast<int32_t>(i));
  }

  actors::DocContext ctx;
  ctx.lang = out.lang;
  ctx.date = doc.date.empty() ? options.date : doc.date;
  for (const auto& cs : out.sentences) {
    if (!cs.comment) recognizer_->Prime(cs.sentence, &ctx);
  }

  events::SentenceInfo info;
  info.doc_id = doc.id;
  info.doc_date = ctx.date;
  info.lang = out.lang;
  // Every sentence's mentions first: a bare role ("les rebelles") takes the owner the whole
  // article names for that role, wherever it does (RoleOwners), before events are coded.
  actors::RoleOwners owners;
  for (auto& cs : out.sentences) {
    cs.mentions = recognizer_->Find(cs.sentence, ctx);
    if (!cs.comment) owners.Learn(cs.mentions);
  }
  for (uint32_t i = 0; i < out.sentences.size(); ++i) {
    auto& cs = out.sentences[i];
    owners.Apply(&cs.mentions);
    if (!options.events) continue;
    info.index = i;
    info.comment = cs.comment;
    cs.events = coder_->Code(cs.sentence, cs.mentions, info, trace);
  }
  return out;
}

}  // namespace vigie::pipeline
