#include "vigie/pipeline/document_json.h"

#include <nlohmann/json.hpp>

namespace vigie::pipeline {
namespace {

nlohmann::ordered_json OrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

}  // namespace

std::string DocumentToJson(const ingest::Document& doc, bool pretty) {
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  j["path"] = doc.path;
  j["record"] = doc.record ? nlohmann::ordered_json(*doc.record) : nlohmann::ordered_json(nullptr);
  j["url"] = OrNull(doc.url);
  j["site"] = OrNull(doc.site);
  j["title"] = OrNull(doc.title);
  j["date"] = OrNull(doc.date);
  j["modified"] = OrNull(doc.modified);
  j["author"] = OrNull(doc.author);
  j["lang"] = OrNull(doc.lang);
  j["format"] = ingest::FormatName(doc.format);
  auto& paragraphs = j["paragraphs"] = nlohmann::ordered_json::array();
  auto& langs = j["paragraph_langs"] = nlohmann::ordered_json::array();
  for (const auto& p : doc.paragraphs) {
    paragraphs.push_back(p.text);
    langs.push_back(OrNull(p.lang));
  }
  auto& comments = j["comments"] = nlohmann::ordered_json::array();
  for (const auto& c : doc.comments) {
    nlohmann::ordered_json cj;
    cj["text"] = c.text;
    if (!c.author.empty()) cj["author"] = c.author;
    if (!c.date.empty()) cj["date"] = c.date;
    comments.push_back(std::move(cj));
  }
  j["dropped"] = doc.dropped;
  // Strings are valid UTF-8 by construction (ingest repairs input); `replace` guards anyway
  // so that serialisation can never throw across the module boundary.
  return j.dump(pretty ? 2 : -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace vigie::pipeline
