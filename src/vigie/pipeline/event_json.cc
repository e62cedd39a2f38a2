#include "vigie/pipeline/event_json.h"

#include <nlohmann/json.hpp>

namespace vigie::pipeline {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json ActorJson(const actors::Actor& a, const std::string& text) {
  if (a.code.empty() && a.country.empty() && a.org.empty()) return nullptr;
  return {{"code", OrNull(a.code)}, {"country", OrNull(a.country)}, {"org", OrNull(a.org)},
          {"role", OrNull(a.role)}, {"name", OrNull(a.name)},       {"text", text}};
}

}  // namespace

std::string EventToJson(const events::Event& e) {
  json j = {{"doc_id", e.doc_id},
            {"sentence", e.sentence},
            {"text", e.text},
            {"date", OrNull(e.date)},
            {"lang", e.lang},
            {"source", ActorJson(e.source, e.source_text)},
            {"target", ActorJson(e.target, e.target_text)},
            {"cameo", e.cameo},
            {"root", e.root},
            {"quad", e.quad},
            {"goldstein", e.goldstein},
            {"modality", events::ModalityName(e.modality)},
            {"location", nullptr},
            {"evidence", {e.evidence_begin, e.evidence_end}},
            {"rule", e.rule},
            {"comment", e.from_comment}};
  if (e.location) {
    j["location"] = {{"name", e.location->name},
                     {"country", OrNull(e.location->country)},
                     {"lat", e.location->lat},
                     {"lon", e.location->lon}};
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string MentionToJson(const actors::Mention& m, const std::string& doc_id, uint32_t sentence) {
  const bool place = m.kind == actors::MentionKind::kPlace;
  json j = {{"doc_id", doc_id},
            {"sentence", sentence},
            {"span", {m.cp_begin, m.cp_end}},
            {"text", m.text},
            {"kind", place ? "place" : "actor"},
            {"code", place ? json(nullptr) : OrNull(m.actor.code)},
            {"country", OrNull(m.actor.country)},
            {"org", OrNull(m.actor.org)},
            {"role", OrNull(m.actor.role)},
            {"name", OrNull(m.actor.name)},
            {"lat", m.lat ? json(*m.lat) : json(nullptr)},
            {"lon", m.lon ? json(*m.lon) : json(nullptr)}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vigie::pipeline
