#include "vigie/store/sqlite_store.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "vigie/store/internal/dates.h"
#include "vigie/store/internal/export.h"
#include "vigie/store/internal/names.h"
#include "vigie/store/internal/schema.h"
#include "vigie/store/internal/shifts.h"
#include "vigie/store/internal/simhash.h"
#include "vigie/store/internal/sqlite.h"
#include "vigie/store/internal/watches.h"
#include "vigie/store/json.h"

namespace vigie::store {

using internal::Db;
using internal::Stmt;

namespace {

// Modalities that say the event took place: timelines, shifts and top lists count these only,
// unless asked otherwise.
constexpr const char* kRealized = "(0, 2)";  // kAsserted, kReported

std::optional<int64_t> DayOrNull(std::string_view date) {
  if (auto d = internal::ParseDay(date)) return *d;
  return std::nullopt;
}

std::string DayText(const Stmt& s, int col) {
  return s.IsNull(col) ? std::string() : internal::FormatDay(static_cast<int32_t>(s.Int(col)));
}

// Quad class of a CAMEO root (DESIGN.md "CAMEO in one screen"), for events coded without one.
int QuadOfRoot(std::string_view root) {
  int r = 0;
  for (char c : root) {
    if (c < '0' || c > '9') return 0;
    r = r * 10 + (c - '0');
  }
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 9) return 2;
  if (r >= 10 && r <= 14) return 3;
  if (r >= 15 && r <= 20) return 4;
  return 0;
}

// Two places are the same when their names (else countries) match ignoring ASCII case; a
// mention without a place is compatible with any event.
std::string PlaceKey(std::string_view name, std::string_view country) {
  std::string k(name.empty() ? country : name);
  for (char& c : k) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return k;
}

std::string PlaceKey(const std::optional<events::Location>& l) {
  return l ? PlaceKey(l->name, l->country) : std::string();
}

// A bound SQL parameter for dynamically built queries.
using Param = std::variant<int64_t, double, std::string>;

void BindAll(Stmt& s, const std::vector<Param>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    const int idx = static_cast<int>(i) + 1;
    std::visit([&](const auto& v) { s.Bind(idx, v); }, params[i]);
  }
}

// Plain words to an FTS5 query: each word quoted (so FTS5 operators and punctuation in user
// input are literal), all required.
std::string FtsQuery(std::string_view words) {
  std::string out;
  size_t i = 0;
  auto is_word = [](unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  while (i < words.size()) {
    while (i < words.size() && !is_word(static_cast<unsigned char>(words[i]))) ++i;
    size_t start = i;
    while (i < words.size() && is_word(static_cast<unsigned char>(words[i]))) ++i;
    if (i > start) {
      if (!out.empty()) out.push_back(' ');
      out.push_back('"');
      out.append(words.substr(start, i - start));
      out.push_back('"');
    }
  }
  return out;
}

// ingest::FormatName's values, kept here so the store needs ingest's headers only.
const char* FormatLabel(ingest::Format f) {
  switch (f) {
    case ingest::Format::kText:
      return "text";
    case ingest::Format::kHtml:
      return "html";
    case ingest::Format::kJsonl:
      return "jsonl";
    case ingest::Format::kFeed:
      return "feed";
    case ingest::Format::kWarc:
      return "warc";
    case ingest::Format::kUnknown:
      break;
  }
  return "unknown";
}

std::string JoinParagraphs(const ingest::Document& doc) {
  std::string body;
  for (const auto& p : doc.paragraphs) {
    if (!body.empty()) body.push_back('\n');
    body.append(p.text);
  }
  return body;
}

// A sentence's text: stored inline, or (usually) located by byte offsets in its document's body
// or its comment's text, which halves what a database holds.
#define VIGIE_SENTENCE_TEXT                                                                        \
  "CASE WHEN se.text IS NOT NULL THEN se.text "                                                    \
  "WHEN se.comment IS NULL THEN CAST(substr(CAST(d.body AS BLOB), se.begin + 1, se.len) AS TEXT) " \
  "ELSE (SELECT CAST(substr(CAST(c.text AS BLOB), se.begin + 1, se.len) AS TEXT) FROM comments c " \
  "WHERE c.doc = se.doc AND c.idx = se.comment) END"

// Columns of an EventRecord: the event, its first mention, that mention's document, site,
// sentence and actors.
constexpr const char* kEventSelect =
    "SELECT e.id, e.day, e.first_seen, e.last_seen, e.source_key, e.target_key, e.cameo, "
    "e.root, e.quad, e.goldstein, e.tone, e.modality, e.asserted, e.negated, e.reported, "
    "e.speculative, e.mentions, e.sources, e.articles, e.place, e.place_country, e.lat, e.lon, "
    "e.is_root, e.added, "
    "sa.code, sa.country, sa.org, sa.role, sa.name, ta.code, ta.country, ta.org, ta.role, "
    "ta.name, d.id, d.url, coalesce(s.name, ''), m.lang, m.sentence, " VIGIE_SENTENCE_TEXT
    ", m.evidence_begin, "
    "m.evidence_end, m.rule "
    "FROM events e JOIN event_mentions m ON m.id = e.first_mention "
    "JOIN documents d ON d.doc = m.doc LEFT JOIN sites s ON s.id = d.site "
    "JOIN sentences se ON se.doc = m.doc AND se.idx = m.sentence "
    "JOIN actors sa ON sa.id = m.source_actor JOIN actors ta ON ta.id = m.target_actor ";

actors::Actor ReadActor(const Stmt& s, int col) {
  actors::Actor a;
  a.code = s.String(col);
  a.country = s.String(col + 1);
  a.org = s.String(col + 2);
  a.role = s.String(col + 3);
  a.name = s.String(col + 4);
  return a;
}

EventRecord ReadEvent(const Stmt& s) {
  EventRecord e;
  e.id = s.Int(0);
  e.date = DayText(s, 1);
  e.first_seen = DayText(s, 2);
  e.last_seen = DayText(s, 3);
  e.source_key = s.String(4);
  e.target_key = s.String(5);
  e.cameo = s.String(6);
  e.root = s.String(7);
  e.quad = static_cast<int>(s.Int(8));
  e.goldstein = s.Double(9);
  e.tone = s.Double(10);
  e.modality = static_cast<events::Modality>(s.Int(11));
  for (int i = 0; i < 4; ++i) e.modality_mentions[i] = s.Int(12 + i);
  e.mentions = s.Int(16);
  e.sources = s.Int(17);
  e.articles = s.Int(18);
  if (!s.IsNull(19)) {
    events::Location l;
    l.name = s.String(19);
    l.country = s.String(20);
    l.lat = s.OptDouble(21).value_or(0);
    l.lon = s.OptDouble(22).value_or(0);
    e.location = std::move(l);
  }
  e.is_root = s.Int(23) != 0;
  e.added = s.Int(24);
  e.source = ReadActor(s, 25);
  e.target = ReadActor(s, 30);
  e.doc_id = s.String(35);
  e.url = s.String(36);
  e.site = s.String(37);
  e.lang = s.String(38);
  e.sentence = static_cast<uint32_t>(s.Int(39));
  e.text = s.String(40);
  e.evidence_begin = static_cast<uint32_t>(s.Int(41));
  e.evidence_end = static_cast<uint32_t>(s.Int(42));
  e.rule = s.String(43);
  return e;
}

}  // namespace

struct SqliteStore::Impl {
  std::unique_ptr<Db> db;
  StoreOptions opt;
  // Row ids of small dimension tables. Cleared when a write transaction fails, since a
  // rolled-back insert leaves an id here that the database no longer has.
  std::unordered_map<std::string, int64_t> site_ids;
  std::unordered_map<std::string, int64_t> actor_ids;
  // Ids handed out inside the current write transaction (BEGIN IMMEDIATE holds the write lock,
  // so no other writer can take them). Choosing them up front lets an event row point at its
  // first mention and the mention at its event without a second UPDATE.
  int64_t next_event_id = 0;
  int64_t next_mention_id = 0;

  int64_t Now() const {
    if (opt.clock) return opt.clock();
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  // --- writing ------------------------------------------------------------------------------

  Result<int64_t> SiteId(const std::string& name) {
    if (auto it = site_ids.find(name); it != site_ids.end()) return it->second;
    VIGIE_ASSIGN_OR_RETURN(Stmt * ins, db->Cached("INSERT OR IGNORE INTO sites(name) VALUES(?)"));
    VIGIE_RETURN_IF_ERROR(ins->Bind(1, name).Run());
    VIGIE_ASSIGN_OR_RETURN(Stmt * sel, db->Cached("SELECT id FROM sites WHERE name = ?"));
    VIGIE_ASSIGN_OR_RETURN(bool row, sel->Bind(1, name).Step());
    if (!row) return Status::Internal("site row vanished: " + name);
    int64_t id = sel->Int(0);
    sel->Reset();
    site_ids.emplace(name, id);
    return id;
  }

  Result<int64_t> ActorId(const actors::Actor& a) {
    std::string key =
        a.code + '\x1f' + a.country + '\x1f' + a.org + '\x1f' + a.role + '\x1f' + a.name;
    if (auto it = actor_ids.find(key); it != actor_ids.end()) return it->second;
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins, db->Cached("INSERT OR IGNORE INTO actors(code, country, org, role, name) "
                               "VALUES(?, ?, ?, ?, ?)"));
    VIGIE_RETURN_IF_ERROR(ins->Bind(1, a.code)
                              .Bind(2, a.country)
                              .Bind(3, a.org)
                              .Bind(4, a.role)
                              .Bind(5, a.name)
                              .Run());
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * sel, db->Cached("SELECT id FROM actors WHERE code = ? AND country = ? AND org = ? "
                               "AND role = ? AND name = ?"));
    VIGIE_ASSIGN_OR_RETURN(bool row, sel->Bind(1, a.code)
                                         .Bind(2, a.country)
                                         .Bind(3, a.org)
                                         .Bind(4, a.role)
                                         .Bind(5, a.name)
                                         .Step());
    if (!row) return Status::Internal("actor row vanished: " + a.code);
    int64_t id = sel->Int(0);
    sel->Reset();
    actor_ids.emplace(std::move(key), id);
    return id;
  }

  Result<int64_t> NextId(const char* table) {
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * s, db->Cached(std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table));
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    int64_t id = row ? s->Int(0) : 1;
    s->Reset();
    return id;
  }

  // The stored canonical document this fingerprint nearly copies (Hamming distance <= 3), or
  // nullopt. Only canonical documents are in the band index, so a copy of a copy points at the
  // original.
  Result<std::optional<int64_t>> FindDuplicate(uint64_t simhash) {
    VIGIE_ASSIGN_OR_RETURN(Stmt * s,
                           db->Cached("SELECT d.doc, d.simhash FROM simhash_bands b "
                                      "JOIN documents d ON d.doc = b.doc WHERE b.key = ?"));
    std::optional<int64_t> best;
    int best_distance = internal::kMaxDuplicateDistance + 1;
    for (int64_t key : internal::BandKeys(simhash)) {
      s->Reset();
      s->Bind(1, key);
      while (true) {
        VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
        if (!row) break;
        int d = internal::HammingDistance(simhash, static_cast<uint64_t>(s->Int(1)));
        if (d < best_distance || (d == best_distance && best && s->Int(0) < *best)) {
          best_distance = d;
          best = s->Int(0);
        }
      }
    }
    s->Reset();
    return best;
  }

  // The event a mention belongs to: same ordered dyad and root, date within the merge window
  // of the event's date (closest first), compatible place. nullopt when there is none.
  Result<std::optional<int64_t>> FindEvent(const std::string& skey, const std::string& tkey,
                                           const std::string& root, std::optional<int64_t> day,
                                           const std::string& place) {
    Stmt* s = nullptr;
    if (day) {
      VIGIE_ASSIGN_OR_RETURN(
          s, db->Cached("SELECT id, day, place, place_country FROM events WHERE source_key = ? "
                        "AND target_key = ? AND day BETWEEN ? AND ? AND +root = ?"));
      s->Bind(1, skey).Bind(2, tkey).Bind(3, *day - opt.merge_window_days);
      s->Bind(4, *day + opt.merge_window_days).Bind(5, root);
    } else {
      // Undated mentions can only be told apart by dyad and code: they merge with undated
      // events of the same dyad and root.
      VIGIE_ASSIGN_OR_RETURN(
          s, db->Cached("SELECT id, day, place, place_country FROM events WHERE source_key = ? "
                        "AND target_key = ? AND day IS NULL AND +root = ?"));
      s->Bind(1, skey).Bind(2, tkey).Bind(3, root);
    }
    std::optional<int64_t> best;
    int64_t best_gap = 0;
    while (true) {
      VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      if (!place.empty() && !s->IsNull(2)) {
        if (PlaceKey(s->Text(2), s->Text(3)) != place) continue;
      }
      int64_t gap = day && !s->IsNull(1) ? std::llabs(s->Int(1) - *day) : 0;
      if (!best || gap < best_gap || (gap == best_gap && s->Int(0) < *best)) {
        best = s->Int(0);
        best_gap = gap;
      }
    }
    s->Reset();
    return best;
  }

  Status AddOne(const DocumentInput& in, AddResult* res) {
    if (in.doc == nullptr) return Status::InvalidArgument("DocumentInput without a document");
    const ingest::Document& doc = *in.doc;
    res->doc_id = doc.id;
    if (doc.id.empty()) return Status::InvalidArgument("document without an id");

    VIGIE_ASSIGN_OR_RETURN(Stmt * exists, db->Cached("SELECT 1 FROM documents WHERE id = ?"));
    VIGIE_ASSIGN_OR_RETURN(bool found, exists->Bind(1, doc.id).Step());
    exists->Reset();
    if (found) return Status::OK();  // idempotent: the document is already complete
    res->added = true;

    VIGIE_ASSIGN_OR_RETURN(int64_t site, SiteId(doc.site));
    const std::string body = JoinParagraphs(doc);
    const std::optional<uint64_t> simhash = internal::SimHash(body);
    std::optional<int64_t> dup_of;
    if (simhash) {
      VIGIE_ASSIGN_OR_RETURN(dup_of, FindDuplicate(*simhash));
    }
    tone::ToneScore doc_tone;
    for (const SentenceInput& s : in.sentences) {
      if (s.comment < 0) doc_tone += s.tone;
    }
    const std::optional<int64_t> doc_day = DayOrNull(doc.date);
    const int64_t now = Now();

    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins_doc,
        db->Cached(
            "INSERT INTO documents(id, url, site, title, date, modified, lang, author, "
            "format, path, record, body, simhash, duplicate_of, tone, positive, negative, "
            "words, added) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ins_doc->Bind(1, doc.id).Bind(2, doc.url).Bind(3, site).Bind(4, doc.title);
    ins_doc->Bind(5, doc_day).Bind(6, DayOrNull(doc.modified)).Bind(7, doc.lang);
    ins_doc->Bind(8, doc.author).Bind(9, FormatLabel(doc.format)).Bind(10, doc.path);
    ins_doc->Bind(11, doc.record).Bind(12, body);
    if (simhash) {
      ins_doc->Bind(13, static_cast<int64_t>(*simhash));  // two's complement round trip
    } else {
      ins_doc->BindNull(13);
    }
    ins_doc->Bind(14, dup_of).Bind(15, doc_tone.tone()).Bind(16, doc_tone.positive());
    ins_doc->Bind(17, doc_tone.negative()).Bind(18, static_cast<int64_t>(doc_tone.words));
    ins_doc->Bind(19, now);
    VIGIE_RETURN_IF_ERROR(ins_doc->Run());
    const int64_t rowid = db->LastInsertRowid();
    if (dup_of) {
      VIGIE_ASSIGN_OR_RETURN(Stmt * q, db->Cached("SELECT id FROM documents WHERE doc = ?"));
      VIGIE_ASSIGN_OR_RETURN(bool row, q->Bind(1, *dup_of).Step());
      if (row) res->duplicate_of = q->String(0);
      q->Reset();
    }

    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins_fts,
        db->Cached("INSERT INTO documents_fts(rowid, title, body) VALUES(?, ?, ?)"));
    VIGIE_RETURN_IF_ERROR(ins_fts->Bind(1, rowid).Bind(2, doc.title).Bind(3, body).Run());

    if (simhash && !dup_of) {
      VIGIE_ASSIGN_OR_RETURN(
          Stmt * ins_band,
          db->Cached("INSERT OR IGNORE INTO simhash_bands(key, doc) VALUES(?, ?)"));
      for (int64_t key : internal::BandKeys(*simhash)) {
        ins_band->Reset();
        VIGIE_RETURN_IF_ERROR(ins_band->Bind(1, key).Bind(2, rowid).Run());
      }
    }

    // Comments, each scored from its sentences.
    std::vector<tone::ToneScore> comment_tone(doc.comments.size());
    for (const SentenceInput& s : in.sentences) {
      if (s.comment >= 0 && static_cast<size_t>(s.comment) < comment_tone.size()) {
        comment_tone[s.comment] += s.tone;
      }
    }
    VIGIE_ASSIGN_OR_RETURN(Stmt * ins_comment,
                           db->Cached("INSERT INTO comments(doc, idx, author, date, text, tone, "
                                      "words) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    for (size_t i = 0; i < doc.comments.size(); ++i) {
      const ingest::Comment& c = doc.comments[i];
      ins_comment->Reset();
      ins_comment->Bind(1, rowid).Bind(2, static_cast<int64_t>(i)).Bind(3, c.author);
      ins_comment->Bind(4, DayOrNull(c.date)).Bind(5, c.text).Bind(6, comment_tone[i].tone());
      ins_comment->Bind(7, static_cast<int64_t>(comment_tone[i].words));
      VIGIE_RETURN_IF_ERROR(ins_comment->Run());
    }

    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins_sentence,
        db->Cached("INSERT OR IGNORE INTO sentences(doc, idx, text, begin, len, comment, tone, "
                   "words) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    // Sentences come in reading order, so each is looked for after the previous one.
    size_t body_cursor = 0;
    std::vector<size_t> comment_cursor(doc.comments.size(), 0);
    for (size_t i = 0; i < in.sentences.size(); ++i) {
      const SentenceInput& s = in.sentences[i];
      const bool in_comment =
          s.comment >= 0 && static_cast<size_t>(s.comment) < doc.comments.size();
      const std::string& source = in_comment ? doc.comments[s.comment].text : body;
      size_t& cursor = in_comment ? comment_cursor[s.comment] : body_cursor;
      size_t at = s.text.empty() ? std::string::npos : source.find(s.text, cursor);
      if (at == std::string::npos && cursor > 0 && !s.text.empty()) at = source.find(s.text);
      ins_sentence->Reset();
      ins_sentence->Bind(1, rowid).Bind(2, static_cast<int64_t>(i));
      if (at != std::string::npos && (in_comment || s.comment < 0)) {
        ins_sentence->BindNull(3).Bind(4, static_cast<int64_t>(at));
        ins_sentence->Bind(5, static_cast<int64_t>(s.text.size()));
        cursor = at + s.text.size();
      } else {
        // Not a verbatim substring (the caller normalised it): keep the text itself.
        ins_sentence->Bind(3, s.text).BindNull(4).BindNull(5);
      }
      if (s.comment >= 0) {
        ins_sentence->Bind(6, static_cast<int64_t>(s.comment));
      } else {
        ins_sentence->BindNull(6);
      }
      ins_sentence->Bind(7, s.tone.tone()).Bind(8, static_cast<int64_t>(s.tone.words));
      VIGIE_RETURN_IF_ERROR(ins_sentence->Run());
    }

    std::unordered_set<int64_t> linked;  // events this document already counts in
    for (const events::Event& ev : in.events) {
      VIGIE_RETURN_IF_ERROR(AddMention(ev, in, rowid, site, doc_day, doc_tone.tone(),
                                       dup_of.has_value(), now, &linked, res));
    }
    return Status::OK();
  }

  Status AddMention(const events::Event& ev, const DocumentInput& in, int64_t doc_rowid,
                    int64_t site, std::optional<int64_t> doc_day, double doc_tone, bool duplicate,
                    int64_t now, std::unordered_set<int64_t>* linked, AddResult* res) {
    std::optional<double> sentence_tone;
    if (ev.sentence < in.sentences.size()) {
      sentence_tone = in.sentences[ev.sentence].tone.tone();
    } else {
      // No sentence split from the caller: keep the event's own sentence text as evidence.
      VIGIE_ASSIGN_OR_RETURN(Stmt * ins,
                             db->Cached("INSERT OR IGNORE INTO sentences(doc, idx, text, comment) "
                                        "VALUES(?, ?, ?, ?)"));
      ins->Bind(1, doc_rowid).Bind(2, static_cast<int64_t>(ev.sentence)).Bind(3, ev.text);
      if (ev.from_comment) {
        ins->Bind(4, int64_t{-1});  // a comment sentence whose comment is unknown
      } else {
        ins->BindNull(4);
      }
      VIGIE_RETURN_IF_ERROR(ins->Run());
    }

    const std::string& skey = ev.source.Key();
    const std::string& tkey = ev.target.Key();
    const std::string root = !ev.root.empty() ? ev.root : ev.cameo.substr(0, 2);
    const int quad = ev.quad != 0 ? ev.quad : QuadOfRoot(root);
    std::optional<int64_t> day = DayOrNull(ev.date);
    if (!day) day = doc_day;
    const std::optional<int64_t> pub_day = doc_day ? doc_day : day;
    const std::string place = PlaceKey(ev.location);
    const bool counted = !ev.from_comment && !duplicate;
    const int64_t mention_id = next_mention_id++;

    int64_t event_id = 0;
    bool create = false;
    // Reader comments never create nor join events: they are opinion, not reporting.
    if (!ev.from_comment) {
      VIGIE_ASSIGN_OR_RETURN(std::optional<int64_t> found, FindEvent(skey, tkey, root, day, place));
      if (found) {
        event_id = *found;
      } else if (counted) {
        event_id = next_event_id++;
        create = true;
      }
    }
    // A new event row goes in before its first mention (event_mentions.event references it).
    // events.first_mention is not a declared foreign key: the two tables would reference each
    // other, which needs a deferred constraint, and SQLite resolves a pending deferred
    // violation by scanning the child table on every parent insert.
    if (create) {
      VIGIE_RETURN_IF_ERROR(CreateEvent(event_id, mention_id, ev, skey, tkey, root, quad, day,
                                        pub_day, site, doc_tone, now));
      linked->insert(event_id);
      ++res->events_created;
    }

    VIGIE_ASSIGN_OR_RETURN(int64_t source_actor, ActorId(ev.source));
    VIGIE_ASSIGN_OR_RETURN(int64_t target_actor, ActorId(ev.target));
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins,
        db->Cached("INSERT INTO event_mentions(id, doc, sentence, event, counted, is_comment, day, "
                   "lang, source_actor, source_text, target_actor, target_text, cameo, root, quad, "
                   "goldstein, modality, place, place_country, lat, lon, evidence_begin, "
                   "evidence_end, rule, tone) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ins->Bind(1, mention_id).Bind(2, doc_rowid).Bind(3, static_cast<int64_t>(ev.sentence));
    if (event_id) {
      ins->Bind(4, event_id);
    } else {
      ins->BindNull(4);
    }
    ins->Bind(5, int64_t{counted}).Bind(6, int64_t{ev.from_comment}).Bind(7, day);
    ins->Bind(8, ev.lang).Bind(9, source_actor).Bind(10, ev.source_text).Bind(11, target_actor);
    ins->Bind(12, ev.target_text).Bind(13, ev.cameo).Bind(14, root).Bind(15, quad);
    ins->Bind(16, ev.goldstein).Bind(17, static_cast<int64_t>(ev.modality));
    BindLocation(*ins, 18, ev.location);
    ins->Bind(22, static_cast<int64_t>(ev.evidence_begin));
    ins->Bind(23, static_cast<int64_t>(ev.evidence_end)).Bind(24, ev.rule).Bind(25, sentence_tone);
    VIGIE_RETURN_IF_ERROR(ins->Run());
    ++res->mentions;
    if (!create && event_id != 0 && counted) {
      VIGIE_RETURN_IF_ERROR(MergeInto(event_id, ev, quad, site, pub_day, doc_tone, place, linked));
      ++res->events_merged;
    }
    return Status::OK();
  }

  static void BindLocation(Stmt& s, int first, const std::optional<events::Location>& l) {
    if (!l) {
      for (int i = 0; i < 4; ++i) s.BindNull(first + i);
      return;
    }
    s.Bind(first, l->name).Bind(first + 1, l->country);
    if (l->lat != 0 || l->lon != 0) {
      s.Bind(first + 2, l->lat).Bind(first + 3, l->lon);
    } else {
      s.BindNull(first + 2).BindNull(first + 3);
    }
  }

  Status CreateEvent(int64_t id, int64_t mention_id, const events::Event& ev,
                     const std::string& skey, const std::string& tkey, const std::string& root,
                     int quad, std::optional<int64_t> day, std::optional<int64_t> pub_day,
                     int64_t site, double doc_tone, int64_t now) {
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins,
        db->Cached("INSERT INTO events(id, source_key, target_key, root, cameo, quad, day, "
                   "first_seen, last_seen, goldstein, tone, mentions, sources, articles, modality, "
                   "asserted, negated, reported, speculative, place, place_country, lat, lon, "
                   "is_root, first_mention, added) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, "
                   "1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const int m = static_cast<int>(ev.modality);
    ins->Bind(1, id).Bind(2, skey).Bind(3, tkey).Bind(4, root).Bind(5, ev.cameo).Bind(6, quad);
    ins->Bind(7, day).Bind(8, pub_day).Bind(9, pub_day).Bind(10, ev.goldstein).Bind(11, doc_tone);
    ins->Bind(12, int64_t{m});
    for (int i = 0; i < 4; ++i) ins->Bind(13 + i, int64_t{m == i});
    BindLocation(*ins, 17, ev.location);
    ins->Bind(21, int64_t{ev.sentence <= 1}).Bind(22, mention_id).Bind(23, now);
    VIGIE_RETURN_IF_ERROR(ins->Run());
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins_site, db->Cached("INSERT OR IGNORE INTO event_sites(event, site) VALUES(?, ?)"));
    return ins_site->Bind(1, id).Bind(2, site).Run();
  }

  Status MergeInto(int64_t id, const events::Event& ev, int quad, int64_t site,
                   std::optional<int64_t> pub_day, double doc_tone, const std::string& place,
                   std::unordered_set<int64_t>* linked) {
    (void)quad;  // same root, same quad
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * ins_site, db->Cached("INSERT OR IGNORE INTO event_sites(event, site) VALUES(?, ?)"));
    VIGIE_RETURN_IF_ERROR(ins_site->Bind(1, id).Bind(2, site).Run());
    const int64_t new_source = db->Changes() > 0 ? 1 : 0;
    const int64_t new_article = linked->insert(id).second ? 1 : 0;
    // Every right-hand side reads the row as it was before this UPDATE (SQLite semantics), so
    // the running means use the old count.
    VIGIE_ASSIGN_OR_RETURN(
        Stmt * up,
        db->Cached(
            "UPDATE events SET "
            "goldstein = (goldstein * mentions + ?2) / (mentions + 1), "
            "tone = (tone * mentions + ?3) / (mentions + 1), "
            "mentions = mentions + 1, sources = sources + ?4, articles = articles + ?5, "
            "first_seen = CASE WHEN ?6 IS NULL THEN first_seen "
            "  WHEN first_seen IS NULL OR ?6 < first_seen THEN ?6 ELSE first_seen END, "
            "last_seen = CASE WHEN ?6 IS NULL THEN last_seen "
            "  WHEN last_seen IS NULL OR ?6 > last_seen THEN ?6 ELSE last_seen END, "
            "cameo = CASE WHEN length(?7) > length(cameo) THEN ?7 ELSE cameo END, "
            "modality = CASE WHEN ?9 > (CASE modality WHEN 0 THEN 3 WHEN 2 THEN 2 WHEN 3 THEN 1 "
            "  ELSE 0 END) THEN ?8 ELSE modality END, "
            "asserted = asserted + (?8 = 0), negated = negated + (?8 = 1), "
            "reported = reported + (?8 = 2), speculative = speculative + (?8 = 3), "
            "place = coalesce(place, ?10), place_country = CASE WHEN place IS NULL THEN ?11 "
            "  ELSE place_country END, "
            "lat = CASE WHEN place IS NULL THEN ?12 ELSE lat END, "
            "lon = CASE WHEN place IS NULL THEN ?13 ELSE lon END, "
            "is_root = max(is_root, ?14) "
            "WHERE id = ?1"));
    up->Bind(1, id).Bind(2, ev.goldstein).Bind(3, doc_tone).Bind(4, new_source);
    up->Bind(5, new_article).Bind(6, pub_day).Bind(7, ev.cameo);
    up->Bind(8, static_cast<int64_t>(ev.modality));
    up->Bind(9, int64_t{internal::ModalityStrength(ev.modality)});
    if (place.empty()) {
      BindLocation(*up, 10, std::nullopt);
    } else {
      BindLocation(*up, 10, ev.location);
    }
    up->Bind(14, int64_t{ev.sentence <= 1});
    return up->Run();
  }

  // --- reading ------------------------------------------------------------------------------

  Result<EventRecord> GetEvent(int64_t id) {
    VIGIE_ASSIGN_OR_RETURN(Stmt * s, db->Cached(std::string(kEventSelect) + "WHERE e.id = ?"));
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Bind(1, id).Step());
    if (!row) return Status::NotFound("no event " + std::to_string(id));
    EventRecord e = ReadEvent(*s);
    s->Reset();
    return e;
  }

  // The ids of the events matching `f`, newest first, `limit` of them after `offset`
  // (limit < 0: all). Returns an empty list when a filter names something unknown.
  Result<std::vector<int64_t>> EventIds(const EventFilter& f, int64_t limit, int64_t offset) {
    std::vector<std::string> common;
    std::vector<Param> common_params;
    if (auto d = DayOrNull(f.from)) {
      common.push_back("e.day >= ?");
      common_params.push_back(*d);
    } else if (!f.from.empty()) {
      return Status::InvalidArgument("bad date `" + f.from + "` (YYYY-MM-DD)");
    }
    if (auto d = DayOrNull(f.to)) {
      common.push_back("e.day <= ?");
      common_params.push_back(*d);
    } else if (!f.to.empty()) {
      return Status::InvalidArgument("bad date `" + f.to + "` (YYYY-MM-DD)");
    }
    if (f.after_id > 0) {
      common.push_back("e.id > ?");
      common_params.push_back(f.after_id);
    }
    if (!f.code.empty()) {
      common.push_back("e.root = ?");
      common_params.push_back(f.code.substr(0, 2));
      if (f.code.size() > 2) {
        common.push_back("(e.cameo = ? OR e.cameo LIKE ?)");
        common_params.push_back(f.code);
        common_params.push_back(f.code + "_%");
      }
    }
    if (f.quad != 0) {
      common.push_back("e.quad = ?");
      common_params.push_back(int64_t{f.quad});
    }
    if (f.modality) {
      common.push_back("e.modality = ?");
      common_params.push_back(static_cast<int64_t>(*f.modality));
    }
    if (!f.lang.empty()) {
      common.push_back(
          "EXISTS (SELECT 1 FROM event_mentions m2 WHERE m2.event = e.id "
          "AND m2.lang = ?)");
      common_params.push_back(f.lang);
    }
    if (!f.site.empty()) {
      VIGIE_ASSIGN_OR_RETURN(Stmt * q, db->Cached("SELECT id FROM sites WHERE name = ?"));
      VIGIE_ASSIGN_OR_RETURN(bool row, q->Bind(1, f.site).Step());
      if (!row) return std::vector<int64_t>{};
      int64_t site = q->Int(0);
      q->Reset();
      common.push_back(
          "EXISTS (SELECT 1 FROM event_sites es WHERE es.event = e.id "
          "AND es.site = ?)");
      common_params.push_back(site);
    }
    if (!f.text.empty()) {
      std::string fts = FtsQuery(f.text);
      if (fts.empty()) return Status::InvalidArgument("no words in text filter");
      common.push_back(
          "EXISTS (SELECT 1 FROM event_mentions m3 WHERE m3.event = e.id AND "
          "m3.counted = 1 AND m3.doc IN (SELECT rowid FROM documents_fts WHERE "
          "documents_fts MATCH ?))");
      common_params.push_back(fts);
    }
    if (!f.actor.empty() && !f.a.empty()) {
      common.push_back("(e.source_key = ? OR e.target_key = ?)");
      common_params.push_back(f.actor);
      common_params.push_back(f.actor);
    }

    // Actor and undirected dyad filters are ORs over the two sides; each side is a separate
    // branch so that it walks its own (key, day) index in order and stops after `limit` rows,
    // instead of collecting every event of a busy actor and sorting them.
    struct Branch {
      std::string where;
      std::vector<Param> params;
    };
    std::vector<Branch> branches;
    if (!f.a.empty() && !f.b.empty()) {
      branches.push_back({"e.source_key = ? AND e.target_key = ?", {f.a, f.b}});
      if (!f.directed && f.a != f.b) {
        branches.push_back({"e.source_key = ? AND e.target_key = ?", {f.b, f.a}});
      }
    } else if (!f.actor.empty()) {
      branches.push_back({"e.source_key = ?", {f.actor}});
      branches.push_back({"e.target_key = ? AND e.source_key <> ?", {f.actor, f.actor}});
    } else {
      branches.push_back({"1", {}});
    }

    // LIMIT and OFFSET are bound, not spliced, so that the statement cache holds one entry per
    // filter shape rather than one per page. A negative LIMIT means no limit in SQLite.
    std::string sql;
    std::vector<Param> params;
    auto select = [&](const Branch& b) {
      sql += "SELECT e.id AS id, e.day AS day FROM events e WHERE " + b.where;
      for (const std::string& c : common) sql += " AND " + c;
      sql += " ORDER BY e.day DESC, e.id DESC LIMIT ?";
      params.insert(params.end(), b.params.begin(), b.params.end());
      params.insert(params.end(), common_params.begin(), common_params.end());
    };
    if (branches.size() == 1) {
      select(branches[0]);
      sql += " OFFSET ?";
      params.push_back(limit);
      params.push_back(offset);
    } else {
      for (size_t i = 0; i < branches.size(); ++i) {
        sql += i > 0 ? " UNION ALL SELECT * FROM (" : "SELECT * FROM (";
        select(branches[i]);
        sql += ")";
        params.push_back(limit < 0 ? int64_t{-1} : offset + limit);
      }
      sql += " ORDER BY day DESC, id DESC LIMIT ? OFFSET ?";
      params.push_back(limit);
      params.push_back(offset);
    }
    VIGIE_ASSIGN_OR_RETURN(Stmt * s, db->Cached(sql));
    BindAll(*s, params);
    std::vector<int64_t> ids;
    while (true) {
      VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ids.push_back(s->Int(0));
    }
    s->Reset();
    return ids;
  }

  // One dyad's realized, dated events: (day, quad, goldstein, tone, id), both directions unless
  // `directed`, ordered by day.
  struct DyadEvent {
    int32_t day;
    int quad;
    double goldstein;
    double tone;
    int64_t id;
  };
  Result<std::vector<DyadEvent>> DyadEvents(const std::string& a, const std::string& b,
                                            bool directed, const std::string& from,
                                            const std::string& to, bool include_unrealized) {
    std::optional<int64_t> lo = DayOrNull(from), hi = DayOrNull(to);
    if (!from.empty() && !lo) return Status::InvalidArgument("bad date `" + from + "`");
    if (!to.empty() && !hi) return Status::InvalidArgument("bad date `" + to + "`");
    std::string sql =
        "SELECT day, quad, goldstein, tone, id FROM events WHERE source_key = ? AND "
        "target_key = ? AND day BETWEEN ? AND ?";
    if (!include_unrealized) sql += std::string(" AND modality IN ") + kRealized;
    VIGIE_ASSIGN_OR_RETURN(Stmt * s, db->Cached(sql));
    std::vector<DyadEvent> out;
    auto run = [&](const std::string& x, const std::string& y) -> Status {
      s->Reset();
      s->Bind(1, x).Bind(2, y).Bind(3, lo.value_or(INT32_MIN)).Bind(4, hi.value_or(INT32_MAX));
      while (true) {
        VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
        if (!row) break;
        out.push_back({static_cast<int32_t>(s->Int(0)), static_cast<int>(s->Int(1)), s->Double(2),
                       s->Double(3), s->Int(4)});
      }
      s->Reset();
      return Status::OK();
    };
    VIGIE_RETURN_IF_ERROR(run(a, b));
    if (!directed && a != b) VIGIE_RETURN_IF_ERROR(run(b, a));
    std::sort(out.begin(), out.end(), [](const DyadEvent& x, const DyadEvent& y) {
      return x.day != y.day ? x.day < y.day : x.id < y.id;
    });
    return out;
  }

  Result<std::vector<Shift>> DyadShifts(const ShiftQuery& q, const std::string& a,
                                        const std::string& b) {
    VIGIE_ASSIGN_OR_RETURN(auto evs, DyadEvents(a, b, q.directed, q.from, q.to, false));
    std::vector<internal::SeriesEvent> series;
    series.reserve(evs.size());
    for (const DyadEvent& e : evs) series.push_back({e.day, e.goldstein, e.id});
    internal::ShiftParams p;
    p.by = q.by;
    p.window = q.window;
    p.min_events = q.min_events;
    p.min_magnitude = q.min_magnitude;
    p.min_t = q.min_t;
    p.top_events = q.top_events;
    std::vector<Shift> out;
    for (const internal::ShiftPoint& sp : internal::DetectShifts(series, p)) {
      Shift s;
      s.a = a;
      s.b = b;
      s.period = internal::PeriodLabel(sp.ordinal, q.by);
      s.direction = sp.after_mean < sp.before_mean ? "conflict" : "cooperation";
      s.before_mean = sp.before_mean;
      s.after_mean = sp.after_mean;
      s.magnitude = sp.after_mean - sp.before_mean;
      s.t = sp.t;
      s.before_events = sp.before_events;
      s.after_events = sp.after_events;
      for (int64_t id : sp.turning_events) {
        VIGIE_ASSIGN_OR_RETURN(EventRecord e, GetEvent(id));
        s.events.push_back(std::move(e));
      }
      out.push_back(std::move(s));
    }
    return out;
  }
};

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

int SqliteStore::LatestSchemaVersion() { return internal::LatestSchemaVersion(); }

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const StoreOptions& options) {
  Db::OpenOptions o;
  o.create = options.create_if_missing;
  o.read_only = options.read_only;
  VIGIE_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, Db::Open(path, o));
  VIGIE_RETURN_IF_ERROR(
      db->Exec("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms)));
  // The first statement that reads the file: a file that is not a database fails here, with
  // SQLITE_NOTADB turned into a Corruption naming the path.
  VIGIE_ASSIGN_OR_RETURN(int version, internal::SchemaVersion(*db));
  (void)version;
  if (!options.read_only) {
    // WAL: readers (the dashboard, a `vigie dyad` while an ingest runs) never block the writer.
    // In-memory databases answer "memory" and stay so.
    VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
    VIGIE_RETURN_IF_ERROR(
        db->Exec(std::string("PRAGMA synchronous = ") + (options.durable ? "FULL" : "NORMAL")));
  }
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size = -" + std::to_string(options.cache_kib)));
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA mmap_size = " + std::to_string(options.mmap_bytes)));
  VIGIE_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store = MEMORY"));
  VIGIE_RETURN_IF_ERROR(internal::Migrate(*db, options.read_only));
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db);
  impl->opt = options;
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

Result<AddResult> SqliteStore::AddDocument(const ingest::Document& doc,
                                           std::span<const SentenceInput> sentences,
                                           std::span<const events::Event> events) {
  DocumentInput in{&doc, sentences, events};
  VIGIE_ASSIGN_OR_RETURN(std::vector<AddResult> r, AddDocuments(std::span(&in, 1)));
  return std::move(r.front());
}

Result<std::vector<AddResult>> SqliteStore::AddDocuments(std::span<const DocumentInput> docs) {
  if (impl_->opt.read_only) return Status::InvalidArgument(impl_->db->path() + ": read-only");
  std::vector<AddResult> results(docs.size());
  Status s = internal::InTransaction(*impl_->db, [&]() -> Status {
    VIGIE_ASSIGN_OR_RETURN(impl_->next_event_id, impl_->NextId("events"));
    VIGIE_ASSIGN_OR_RETURN(impl_->next_mention_id, impl_->NextId("event_mentions"));
    for (size_t i = 0; i < docs.size(); ++i) {
      Status st = impl_->AddOne(docs[i], &results[i]);
      if (!st.ok()) {
        return st.WithContext(docs[i].doc ? "document " + docs[i].doc->id : "document");
      }
    }
    return Status::OK();
  });
  if (!s.ok()) {
    impl_->site_ids.clear();
    impl_->actor_ids.clear();
    return s;
  }
  return results;
}

Result<DyadSeries> SqliteStore::Dyad(const DyadQuery& q) {
  DyadSeries out;
  out.a = q.a;
  out.b = q.b;
  out.by = q.by;
  out.directed = q.directed;
  VIGIE_ASSIGN_OR_RETURN(
      auto evs, impl_->DyadEvents(q.a, q.b, q.directed, q.from, q.to, q.include_unrealized));
  std::map<int64_t, DyadRow> rows;
  for (const Impl::DyadEvent& e : evs) {
    DyadRow& r = rows[internal::PeriodOrdinal(e.day, q.by)];
    ++r.events;
    if (e.quad >= 1 && e.quad <= 4) ++r.quad[e.quad - 1];
    r.goldstein_sum += e.goldstein;
    r.tone_mean += e.tone;  // a sum until the division below
  }
  for (auto& [ordinal, r] : rows) {
    r.period = internal::PeriodLabel(ordinal, q.by);
    r.goldstein_mean = r.goldstein_sum / static_cast<double>(r.events);
    r.tone_mean /= static_cast<double>(r.events);
    out.rows.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<Shift>> SqliteStore::Shifts(const ShiftQuery& q) {
  if (!q.a.empty() || !q.b.empty()) {
    if (q.a.empty() || q.b.empty()) {
      return Status::InvalidArgument("shifts: give both actors of the dyad, or neither");
    }
    return impl_->DyadShifts(q, q.a, q.b);
  }
  std::optional<int64_t> lo = DayOrNull(q.from), hi = DayOrNull(q.to);
  std::string sql = q.directed ? "SELECT source_key, target_key, count(*) AS n FROM events "
                               : "SELECT min(source_key, target_key) AS a, max(source_key, "
                                 "target_key) AS b, count(*) AS n FROM events ";
  sql += std::string("WHERE day BETWEEN ? AND ? AND modality IN ") + kRealized +
         " AND source_key <> '' AND target_key <> '' AND source_key <> target_key "
         "GROUP BY 1, 2 HAVING n >= ? ORDER BY n DESC, 1, 2 LIMIT ?";
  VIGIE_ASSIGN_OR_RETURN(Stmt * s, impl_->db->Cached(sql));
  s->Bind(1, lo.value_or(INT32_MIN)).Bind(2, hi.value_or(INT32_MAX));
  s->Bind(3, int64_t{q.min_dyad_events}).Bind(4, int64_t{q.max_dyads});
  std::vector<std::pair<std::string, std::string>> dyads;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    dyads.emplace_back(s->String(0), s->String(1));
  }
  s->Reset();
  std::vector<Shift> out;
  for (const auto& [a, b] : dyads) {
    VIGIE_ASSIGN_OR_RETURN(std::vector<Shift> found, impl_->DyadShifts(q, a, b));
    for (Shift& sh : found) out.push_back(std::move(sh));
  }
  std::stable_sort(out.begin(), out.end(), [](const Shift& x, const Shift& y) {
    return x.period != y.period ? x.period < y.period : std::fabs(x.t) > std::fabs(y.t);
  });
  return out;
}

Result<std::vector<TopRow>> SqliteStore::Top(const TopQuery& q) {
  std::optional<int64_t> lo = DayOrNull(q.from), hi = DayOrNull(q.to);
  if (!q.from.empty() && !lo) return Status::InvalidArgument("bad date `" + q.from + "`");
  if (!q.to.empty() && !hi) return Status::InvalidArgument("bad date `" + q.to + "`");
  std::string where = "day BETWEEN ?1 AND ?2";
  if (!q.include_unrealized) where += std::string(" AND modality IN ") + kRealized;
  if (!q.actor.empty()) where += " AND (source_key = ?4 OR target_key = ?4)";
  std::string sql;
  switch (q.kind) {
    case TopKind::kActors:
      // The name is the first one the actor was stored under as itself (not one of its roles).
      sql =
          "SELECT k, '', '', count(*), sum(m), avg(g), "
          "coalesce((SELECT name FROM actors WHERE code = k ORDER BY id LIMIT 1), '') FROM ("
          "SELECT source_key AS k, mentions AS m, goldstein AS g FROM events WHERE " +
          where + " UNION ALL SELECT target_key, mentions, goldstein FROM events WHERE " + where +
          " AND target_key <> source_key) WHERE k <> '' GROUP BY k ORDER BY 4 DESC, 1 LIMIT ?3";
      break;
    case TopKind::kDyads:
      sql = q.directed ? "SELECT source_key || '-' || target_key, source_key, target_key, "
                       : "SELECT min(source_key, target_key) || '-' || max(source_key, target_key),"
                         " min(source_key, target_key), max(source_key, target_key), ";
      sql += "count(*), sum(mentions), avg(goldstein), '' FROM events WHERE " + where +
             " AND source_key <> '' AND target_key <> '' GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT ?3";
      break;
    case TopKind::kCodes:
      sql =
          "SELECT cameo, '', '', count(*), sum(mentions), avg(goldstein), '' FROM events "
          "WHERE " +
          where + " GROUP BY cameo ORDER BY 4 DESC, 1 LIMIT ?3";
      break;
  }
  VIGIE_ASSIGN_OR_RETURN(Stmt * s, impl_->db->Cached(sql));
  s->Bind(1, lo.value_or(INT32_MIN)).Bind(2, hi.value_or(INT32_MAX));
  s->Bind(3, int64_t{std::max(1, q.limit)});
  if (!q.actor.empty()) s->Bind(4, q.actor);
  std::vector<TopRow> out;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    TopRow r;
    r.key = s->String(0);
    r.a = s->String(1);
    r.b = s->String(2);
    r.events = s->Int(3);
    r.mentions = s->Int(4);
    r.goldstein_mean = s->Double(5);
    r.name = s->String(6);
    out.push_back(std::move(r));
  }
  s->Reset();
  return out;
}

namespace {

// FTS5 marks the matches with \x01 and \x02, characters news text does not hold; they become
// "[" and "]" once the text's own brackets and backslashes are escaped with a backslash, so
// that "[1]" in an article is never read as a match (records.h, SearchHit::snippet).
std::string MarkSnippet(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 8);
  for (char c : raw) {
    switch (c) {
      case '\x01':
        out += '[';
        break;
      case '\x02':
        out += ']';
        break;
      case '[':
      case ']':
      case '\\':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<SearchHit>> SqliteStore::Search(std::string_view words, int limit) {
  const std::string fts = FtsQuery(words);
  if (fts.empty()) return Status::InvalidArgument("search: no words to look for");
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s, impl_->db->Cached(
                    "SELECT d.id, d.title, d.url, coalesce(s.name, ''), d.date, d.lang, "
                    "snippet(documents_fts, -1, char(1), char(2), '…', 16), bm25(documents_fts) "
                    "FROM documents_fts JOIN documents d ON d.doc = documents_fts.rowid "
                    "LEFT JOIN sites s ON s.id = d.site "
                    "WHERE documents_fts MATCH ? AND d.duplicate_of IS NULL "
                    "ORDER BY bm25(documents_fts) LIMIT ?"));
  s->Bind(1, fts).Bind(2, int64_t{std::max(1, limit)});
  std::vector<SearchHit> out;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    SearchHit h;
    h.doc_id = s->String(0);
    h.title = s->String(1);
    h.url = s->String(2);
    h.site = s->String(3);
    h.date = DayText(*s, 4);
    h.lang = s->String(5);
    h.snippet = MarkSnippet(s->String(6));
    h.score = s->Double(7);
    out.push_back(std::move(h));
  }
  s->Reset();
  return out;
}

Result<EventPage> SqliteStore::Events(const EventFilter& filter, const Page& page) {
  const int limit = std::clamp(page.limit, 1, 1000);
  const int64_t offset = std::max<int64_t>(0, page.offset);
  // One row more than asked tells whether another page follows.
  VIGIE_ASSIGN_OR_RETURN(std::vector<int64_t> ids, impl_->EventIds(filter, limit + 1, offset));
  EventPage out;
  out.offset = offset;
  out.more = ids.size() > static_cast<size_t>(limit);
  if (out.more) ids.pop_back();
  for (int64_t id : ids) {
    VIGIE_ASSIGN_OR_RETURN(EventRecord e, impl_->GetEvent(id));
    out.events.push_back(std::move(e));
  }
  return out;
}

Result<EventRecord> SqliteStore::GetEvent(int64_t id) { return impl_->GetEvent(id); }

namespace {

// Evidence sentences selected by `where_order` ("m.event = ? ORDER BY ..."), bound to `key`.
Result<std::vector<MentionRecord>> ReadMentions(Db& db, const char* where_order, int64_t key) {
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s,
      db.Cached(
          std::string(
              "SELECT m.id, coalesce(m.event, 0), m.counted, m.is_comment, "
              "d.duplicate_of IS NOT NULL, d.id, d.url, coalesce(s.name, ''), d.date, m.day, "
              "m.lang, "
              "m.sentence, " VIGIE_SENTENCE_TEXT ", m.evidence_begin, m.evidence_end, m.rule, "
              "m.modality, m.cameo, "
              "m.goldstein, coalesce(m.tone, 0), sa.code, sa.country, sa.org, sa.role, sa.name, "
              "ta.code, ta.country, ta.org, ta.role, ta.name, m.source_text, m.target_text "
              "FROM event_mentions m JOIN documents d ON d.doc = m.doc "
              "LEFT JOIN sites s ON s.id = d.site "
              "JOIN sentences se ON se.doc = m.doc AND se.idx = m.sentence "
              "JOIN actors sa ON sa.id = m.source_actor JOIN actors ta ON ta.id = m.target_actor "
              "WHERE ") +
          where_order));
  s->Bind(1, key);
  std::vector<MentionRecord> out;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    MentionRecord m;
    m.id = s->Int(0);
    m.event_id = s->Int(1);
    m.counted = s->Int(2) != 0;
    m.from_comment = s->Int(3) != 0;
    m.duplicate_doc = s->Int(4) != 0;
    m.doc_id = s->String(5);
    m.url = s->String(6);
    m.site = s->String(7);
    m.doc_date = DayText(*s, 8);
    m.date = DayText(*s, 9);
    m.lang = s->String(10);
    m.sentence = static_cast<uint32_t>(s->Int(11));
    m.text = s->String(12);
    m.evidence_begin = static_cast<uint32_t>(s->Int(13));
    m.evidence_end = static_cast<uint32_t>(s->Int(14));
    m.rule = s->String(15);
    m.modality = static_cast<events::Modality>(s->Int(16));
    m.cameo = s->String(17);
    m.goldstein = s->Double(18);
    m.tone = s->Double(19);
    m.source = ReadActor(*s, 20);
    m.target = ReadActor(*s, 25);
    m.source_text = s->String(30);
    m.target_text = s->String(31);
    out.push_back(std::move(m));
  }
  s->Reset();
  return out;
}

}  // namespace

Result<std::vector<MentionRecord>> SqliteStore::Mentions(int64_t event_id) {
  return ReadMentions(*impl_->db, "m.event = ? ORDER BY m.id", event_id);
}

Status SqliteStore::Export(ExportFormat format, const EventFilter& filter, std::ostream& out) {
  VIGIE_ASSIGN_OR_RETURN(std::vector<int64_t> ids, impl_->EventIds(filter, -1, 0));
  // Oldest first, as GDELT's files run.
  std::reverse(ids.begin(), ids.end());
  std::string buf;
  if (format == ExportFormat::kCsv) internal::AppendCsvHeader(&buf);
  for (int64_t id : ids) {
    VIGIE_ASSIGN_OR_RETURN(EventRecord e, impl_->GetEvent(id));
    switch (format) {
      case ExportFormat::kGdelt:
        internal::AppendGdeltRow(e, &buf);
        break;
      case ExportFormat::kCsv:
        internal::AppendCsvRow(e, &buf);
        break;
      case ExportFormat::kJsonl:
        buf += EventJson(e);
        buf.push_back('\n');
        break;
    }
    if (buf.size() > (1 << 16)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
      if (!out) return Status::IOError("export: write failed");
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  out.flush();
  if (!out) return Status::IOError("export: write failed");
  return Status::OK();
}

Result<StoreStats> SqliteStore::Stats() {
  StoreStats st;
  VIGIE_ASSIGN_OR_RETURN(st.schema_version, internal::SchemaVersion(*impl_->db));
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->db->Cached("SELECT (SELECT count(*) FROM documents), "
                        "(SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL), "
                        "(SELECT count(*) FROM comments), (SELECT count(*) FROM sentences), "
                        "(SELECT count(*) FROM event_mentions), (SELECT count(*) FROM events)"));
  VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (row) {
    st.documents = s->Int(0);
    st.duplicates = s->Int(1);
    st.comments = s->Int(2);
    st.sentences = s->Int(3);
    st.mentions = s->Int(4);
    st.events = s->Int(5);
  }
  s->Reset();
  return st;
}

Result<std::vector<std::pair<std::string, int64_t>>> SqliteStore::SpaceByTable() {
  VIGIE_ASSIGN_OR_RETURN(Stmt * s,
                         impl_->db->Cached("SELECT name, sum(pgsize) FROM dbstat GROUP BY name "
                                           "ORDER BY 2 DESC"));
  std::vector<std::pair<std::string, int64_t>> out;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.emplace_back(s->String(0), s->Int(1));
  }
  s->Reset();
  return out;
}

Result<DocumentRecord> SqliteStore::GetDocument(std::string_view id) {
  Db& db = *impl_->db;
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s, db.Cached("SELECT d.doc, d.id, d.url, coalesce(s.name, ''), d.title, d.date, "
                          "d.modified, d.lang, d.author, d.format, coalesce(o.id, ''), d.tone, "
                          "d.body FROM documents d LEFT JOIN sites s ON s.id = d.site "
                          "LEFT JOIN documents o ON o.doc = d.duplicate_of WHERE d.id = ?"));
  VIGIE_ASSIGN_OR_RETURN(bool row, s->Bind(1, id).Step());
  if (!row) {
    s->Reset();
    return Status::NotFound("no document `" + std::string(id) + "`");
  }
  DocumentRecord d;
  const int64_t rowid = s->Int(0);
  d.id = s->String(1);
  d.url = s->String(2);
  d.site = s->String(3);
  d.title = s->String(4);
  d.date = DayText(*s, 5);
  d.modified = DayText(*s, 6);
  d.lang = s->String(7);
  d.author = s->String(8);
  d.format = s->String(9);
  d.duplicate_of = s->String(10);
  d.tone = s->Double(11);
  // The body was stored as its paragraphs joined by newlines (JoinParagraphs).
  std::string_view body = s->Text(12);
  size_t start = 0;
  while (start < body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) nl = body.size();
    if (nl > start) d.paragraphs.emplace_back(body.substr(start, nl - start));
    start = nl + 1;
  }
  s->Reset();

  VIGIE_ASSIGN_OR_RETURN(
      Stmt * c,
      db.Cached("SELECT author, date, text, tone FROM comments WHERE doc = ? ORDER BY idx"));
  c->Bind(1, rowid);
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool crow, c->Step());
    if (!crow) break;
    d.comments.push_back(CommentRecord{c->String(0), DayText(*c, 1), c->String(2), c->Double(3)});
  }
  c->Reset();
  VIGIE_ASSIGN_OR_RETURN(d.mentions,
                         ReadMentions(db, "m.doc = ? ORDER BY m.sentence, m.id", rowid));
  return d;
}

Result<std::vector<PlaceRow>> SqliteStore::Places(const EventFilter& filter, int limit) {
  // The map shows where the newest matching events happened: a bounded number of them, so
  // that a broad filter over a large database answers in the time of one page query.
  constexpr int64_t kMaxEvents = 100000;
  VIGIE_ASSIGN_OR_RETURN(std::vector<int64_t> ids, impl_->EventIds(filter, kMaxEvents, 0));
  std::string list = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) list.push_back(',');
    list += std::to_string(ids[i]);
  }
  list.push_back(']');
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * s,
      impl_->db->Cached(std::string("SELECT place, coalesce(place_country, ''), avg(lat), "
                                    "avg(lon), count(*), avg(goldstein) FROM events "
                                    "WHERE id IN (SELECT value FROM json_each(?)) "
                                    "AND lat IS NOT NULL AND place IS NOT NULL AND modality IN ") +
                        kRealized + " GROUP BY place, place_country ORDER BY 5 DESC, 1 LIMIT ?"));
  s->Bind(1, list).Bind(2, int64_t{std::clamp(limit, 1, 10000)});
  std::vector<PlaceRow> out;
  while (true) {
    VIGIE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    PlaceRow p;
    p.name = s->String(0);
    p.country = s->String(1);
    p.lat = s->Double(2);
    p.lon = s->Double(3);
    p.events = s->Int(4);
    p.goldstein_mean = s->Double(5);
    out.push_back(std::move(p));
  }
  s->Reset();
  return out;
}

Result<Watch> SqliteStore::AddWatch(const Watch& w) {
  return internal::AddWatch(*impl_->db, w, impl_->Now());
}
Result<std::vector<Watch>> SqliteStore::Watches() { return internal::Watches(*impl_->db); }
Status SqliteStore::RemoveWatch(int64_t id) { return internal::RemoveWatch(*impl_->db, id); }
Status SqliteStore::SetWatchCursor(int64_t id, int64_t last_event_id, std::string_view last_shift) {
  return internal::SetWatchCursor(*impl_->db, id, last_event_id, last_shift);
}
Result<int64_t> SqliteStore::AddAlert(const Alert& a) {
  return internal::AddAlert(*impl_->db, a, impl_->Now());
}
Status SqliteStore::AdvanceWatch(int64_t id, std::span<Alert> alerts, int64_t last_event_id,
                                 std::string_view last_shift) {
  return internal::AdvanceWatch(*impl_->db, id, alerts, last_event_id, last_shift, impl_->Now());
}
Result<std::vector<Alert>> SqliteStore::Alerts(int limit, int64_t watch_id) {
  return internal::Alerts(*impl_->db, limit, watch_id);
}
Result<int64_t> SqliteStore::LastEventId() { return internal::LastEventId(*impl_->db); }
Result<std::optional<FeedState>> SqliteStore::GetFeed(std::string_view url) {
  return internal::GetFeed(*impl_->db, url);
}
Status SqliteStore::PutFeed(const FeedState& f) { return internal::PutFeed(*impl_->db, f); }

}  // namespace vigie::store
