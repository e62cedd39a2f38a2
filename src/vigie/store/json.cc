#include "vigie/store/json.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "vigie/store/internal/names.h"

namespace vigie::store {
namespace {

using Json = nlohmann::ordered_json;

// Three decimals are plenty for means of Goldstein (-10..10) and tone scores, and keep the
// output readable.
double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string Dump(const Json& j) {
  // Replace rather than throw on invalid UTF-8: the store's text came through ingest (valid
  // UTF-8), but a dump must never abort a command.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json ActorJson(const actors::Actor& a) {
  return Json{{"code", OrNull(a.code)},
              {"country", OrNull(a.country)},
              {"org", OrNull(a.org)},
              {"role", OrNull(a.role)},
              {"name", OrNull(a.name)}};
}

Json LocationJson(const std::optional<events::Location>& l) {
  if (!l) return nullptr;
  Json j{{"name", l->name}, {"country", OrNull(l->country)}};
  if (l->lat != 0 || l->lon != 0) {
    j["lat"] = l->lat;
    j["lon"] = l->lon;
  } else {
    j["lat"] = nullptr;
    j["lon"] = nullptr;
  }
  return j;
}

Json EventObject(const EventRecord& e) {
  // The `vigie code` event object's fields (DESIGN.md) with the same names and types, for the
  // first mention, then the aggregates.
  Json j;
  j["id"] = e.id;
  j["doc_id"] = e.doc_id;
  j["sentence"] = e.sentence;
  j["text"] = e.text;
  j["date"] = OrNull(e.date);
  j["lang"] = OrNull(e.lang);
  j["source"] = ActorJson(e.source);
  j["target"] = ActorJson(e.target);
  j["cameo"] = e.cameo;
  j["root"] = e.root;
  j["quad"] = e.quad;
  j["goldstein"] = Round3(e.goldstein);
  j["modality"] = events::ModalityName(e.modality);
  j["location"] = LocationJson(e.location);
  j["evidence"] = Json::array({e.evidence_begin, e.evidence_end});
  j["rule"] = OrNull(e.rule);
  j["url"] = OrNull(e.url);
  j["site"] = OrNull(e.site);
  j["tone"] = Round3(e.tone);
  j["modality_mentions"] = Json{{"asserted", e.modality_mentions[0]},
                                {"negated", e.modality_mentions[1]},
                                {"reported", e.modality_mentions[2]},
                                {"speculative", e.modality_mentions[3]}};
  j["mentions"] = e.mentions;
  j["sources"] = e.sources;
  j["articles"] = e.articles;
  j["first_seen"] = OrNull(e.first_seen);
  j["last_seen"] = OrNull(e.last_seen);
  j["is_root"] = e.is_root;
  return j;
}

Json MentionArray(const std::vector<MentionRecord>& mentions) {
  Json out = Json::array();
  for (const MentionRecord& m : mentions) {
    out.push_back(Json{{"id", m.id},
                       {"event_id", m.event_id ? Json(m.event_id) : Json(nullptr)},
                       {"counted", m.counted},
                       {"from_comment", m.from_comment},
                       {"duplicate_doc", m.duplicate_doc},
                       {"doc_id", m.doc_id},
                       {"url", OrNull(m.url)},
                       {"site", OrNull(m.site)},
                       {"doc_date", OrNull(m.doc_date)},
                       {"date", OrNull(m.date)},
                       {"lang", OrNull(m.lang)},
                       {"sentence", m.sentence},
                       {"text", m.text},
                       {"span", Json::array({m.evidence_begin, m.evidence_end})},
                       {"rule", OrNull(m.rule)},
                       {"modality", events::ModalityName(m.modality)},
                       {"cameo", m.cameo},
                       {"goldstein", Round3(m.goldstein)},
                       {"tone", Round3(m.tone)},
                       {"source", ActorJson(m.source)},
                       {"source_text", m.source_text},
                       {"target", ActorJson(m.target)},
                       {"target_text", m.target_text}});
  }
  return out;
}

}  // namespace

std::string DyadJson(const DyadSeries& s) {
  Json rows = Json::array();
  for (const DyadRow& r : s.rows) {
    rows.push_back(Json{{"period", r.period},
                        {"events", r.events},
                        {"quad", Json::array({r.quad[0], r.quad[1], r.quad[2], r.quad[3]})},
                        {"goldstein_mean", Round3(r.goldstein_mean)},
                        {"goldstein_sum", Round3(r.goldstein_sum)},
                        {"tone_mean", Round3(r.tone_mean)}});
  }
  return Dump(Json{{"a", s.a},
                   {"b", s.b},
                   {"by", PeriodName(s.by)},
                   {"directed", s.directed},
                   {"rows", std::move(rows)}});
}

std::string EventJson(const EventRecord& e) { return Dump(EventObject(e)); }

std::string EventPageJson(const EventPage& p) {
  Json events = Json::array();
  for (const EventRecord& e : p.events) events.push_back(EventObject(e));
  return Dump(Json{{"events", std::move(events)}, {"offset", p.offset}, {"more", p.more}});
}

std::string ShiftsJson(const std::vector<Shift>& shifts) {
  Json out = Json::array();
  for (const Shift& s : shifts) {
    Json events = Json::array();
    for (const EventRecord& e : s.events) events.push_back(EventObject(e));
    out.push_back(Json{{"a", s.a},
                       {"b", s.b},
                       {"period", s.period},
                       {"direction", s.direction},
                       {"before_mean", Round3(s.before_mean)},
                       {"after_mean", Round3(s.after_mean)},
                       {"magnitude", Round3(s.magnitude)},
                       {"t", Round3(s.t)},
                       {"before_events", s.before_events},
                       {"after_events", s.after_events},
                       {"events", std::move(events)}});
  }
  return Dump(out);
}

std::string TopJson(TopKind kind, const std::vector<TopRow>& rows) {
  Json out = Json::array();
  for (const TopRow& r : rows) {
    Json j{{"key", r.key}};
    if (kind == TopKind::kActors) j["name"] = OrNull(r.name);
    if (kind == TopKind::kDyads) {
      j["a"] = r.a;
      j["b"] = r.b;
    }
    j["events"] = r.events;
    j["mentions"] = r.mentions;
    j["goldstein_mean"] = Round3(r.goldstein_mean);
    out.push_back(std::move(j));
  }
  return Dump(Json{{"kind", TopKindName(kind)}, {"rows", std::move(out)}});
}

std::string SearchJson(const std::vector<SearchHit>& hits) {
  Json out = Json::array();
  for (const SearchHit& h : hits) {
    out.push_back(Json{{"doc_id", h.doc_id},
                       {"title", h.title},
                       {"url", OrNull(h.url)},
                       {"site", OrNull(h.site)},
                       {"date", OrNull(h.date)},
                       {"lang", OrNull(h.lang)},
                       {"snippet", h.snippet},
                       {"score", Round3(h.score)}});
  }
  return Dump(out);
}

std::string MentionsJson(const std::vector<MentionRecord>& mentions) {
  return Dump(MentionArray(mentions));
}

std::string StatsJson(const StoreStats& s) {
  return Dump(Json{{"schema_version", s.schema_version},
                   {"documents", s.documents},
                   {"duplicates", s.duplicates},
                   {"comments", s.comments},
                   {"sentences", s.sentences},
                   {"mentions", s.mentions},
                   {"events", s.events}});
}

std::string EventDetailJson(const EventRecord& e, const std::vector<MentionRecord>& mentions) {
  Json j = EventObject(e);
  j["mentions"] = MentionArray(mentions);
  return Dump(j);
}

std::string DocumentJson(const DocumentRecord& d) {
  Json comments = Json::array();
  for (const CommentRecord& c : d.comments) {
    comments.push_back(Json{{"author", OrNull(c.author)},
                            {"date", OrNull(c.date)},
                            {"text", c.text},
                            {"tone", Round3(c.tone)}});
  }
  return Dump(Json{{"id", d.id},
                   {"url", OrNull(d.url)},
                   {"site", OrNull(d.site)},
                   {"title", d.title},
                   {"date", OrNull(d.date)},
                   {"modified", OrNull(d.modified)},
                   {"lang", OrNull(d.lang)},
                   {"author", OrNull(d.author)},
                   {"format", d.format},
                   {"duplicate_of", OrNull(d.duplicate_of)},
                   {"tone", Round3(d.tone)},
                   {"paragraphs", d.paragraphs},
                   {"comments", std::move(comments)},
                   {"mentions", MentionArray(d.mentions)}});
}

std::string PlacesJson(const std::vector<PlaceRow>& places) {
  Json out = Json::array();
  for (const PlaceRow& p : places) {
    out.push_back(Json{{"name", p.name},
                       {"country", OrNull(p.country)},
                       // Five decimals: about a metre, more than any gazetteer entry means.
                       {"lat", std::round(p.lat * 1e5) / 1e5},
                       {"lon", std::round(p.lon * 1e5) / 1e5},
                       {"events", p.events},
                       {"goldstein_mean", Round3(p.goldstein_mean)}});
  }
  return Dump(out);
}

std::string WatchesJson(const std::vector<Watch>& watches) {
  Json out = Json::array();
  for (const Watch& w : watches) {
    out.push_back(Json{{"id", w.id},
                       {"kind", WatchKindName(w.kind)},
                       {"a", OrNull(w.a)},
                       {"b", OrNull(w.b)},
                       {"query", OrNull(w.query)},
                       {"label", w.label},
                       {"created", w.created}});
  }
  return Dump(out);
}

std::string AlertsJson(const std::vector<Alert>& alerts) {
  Json out = Json::array();
  for (const Alert& a : alerts) {
    out.push_back(Json{{"id", a.id},
                       {"watch", a.watch_id},
                       {"label", a.label},
                       {"kind", a.kind},
                       {"created", a.created},
                       {"title", a.title},
                       {"summary", a.summary},
                       {"period", OrNull(a.period)},
                       {"events", a.event_ids}});
  }
  return Dump(out);
}

}  // namespace vigie::store
