#include "vigie/store/internal/schema.h"

#include <string>
#include <vector>

namespace vigie::store::internal {
namespace {

struct Migration {
  int version;
  const char* sql;
};

// Append only: a released migration is never edited (databases in the field have applied it);
// change the schema with a new numbered migration and describe it in doc/schema.md.
const std::vector<Migration>& Migrations() {
  static const auto* const kMigrations = new std::vector<Migration>{
      {1, R"sql(
CREATE TABLE sites(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE actors(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  country TEXT NOT NULL,
  org TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE(code, country, org, role, name)
);
CREATE TABLE documents(
  doc INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  site INTEGER REFERENCES sites(id),
  title TEXT NOT NULL,
  date INTEGER,
  modified INTEGER,
  lang TEXT NOT NULL,
  author TEXT NOT NULL,
  format TEXT NOT NULL,
  path TEXT NOT NULL,
  record INTEGER,
  body TEXT NOT NULL,
  simhash INTEGER,
  duplicate_of INTEGER REFERENCES documents(doc),
  tone REAL NOT NULL,
  positive REAL NOT NULL,
  negative REAL NOT NULL,
  words INTEGER NOT NULL,
  added INTEGER NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE simhash_bands(
  key INTEGER NOT NULL,
  doc INTEGER NOT NULL REFERENCES documents(doc),
  PRIMARY KEY(key, doc)
) WITHOUT ROWID;
CREATE TABLE comments(
  doc INTEGER NOT NULL REFERENCES documents(doc),
  idx INTEGER NOT NULL,
  author TEXT NOT NULL,
  date INTEGER,
  text TEXT NOT NULL,
  tone REAL NOT NULL,
  words INTEGER NOT NULL,
  PRIMARY KEY(doc, idx)
) WITHOUT ROWID;
CREATE TABLE sentences(
  doc INTEGER NOT NULL REFERENCES documents(doc),
  idx INTEGER NOT NULL,
  text TEXT,
  begin INTEGER,
  len INTEGER,
  comment INTEGER,
  tone REAL,
  words INTEGER,
  PRIMARY KEY(doc, idx)
) WITHOUT ROWID;
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  source_key TEXT NOT NULL,
  target_key TEXT NOT NULL,
  root TEXT NOT NULL,
  cameo TEXT NOT NULL,
  quad INTEGER NOT NULL,
  day INTEGER,
  first_seen INTEGER,
  last_seen INTEGER,
  goldstein REAL NOT NULL,
  tone REAL NOT NULL,
  mentions INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  modality INTEGER NOT NULL,
  asserted INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  reported INTEGER NOT NULL,
  speculative INTEGER NOT NULL,
  place TEXT,
  place_country TEXT,
  lat REAL,
  lon REAL,
  is_root INTEGER NOT NULL,
  first_mention INTEGER NOT NULL,
  added INTEGER NOT NULL
);
CREATE INDEX events_dyad
    ON events(source_key, target_key, day, root, quad, goldstein, tone, modality);
CREATE INDEX events_source ON events(source_key, day);
CREATE INDEX events_target ON events(target_key, day);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_day
    ON events(day, modality, source_key, target_key, cameo, mentions, goldstein);
CREATE TABLE event_sites(
  event INTEGER NOT NULL REFERENCES events(id),
  site INTEGER NOT NULL REFERENCES sites(id),
  PRIMARY KEY(event, site)
) WITHOUT ROWID;
CREATE TABLE event_mentions(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(doc),
  sentence INTEGER NOT NULL,
  event INTEGER REFERENCES events(id),
  counted INTEGER NOT NULL,
  is_comment INTEGER NOT NULL,
  day INTEGER,
  lang TEXT NOT NULL,
  source_actor INTEGER NOT NULL REFERENCES actors(id),
  source_text TEXT NOT NULL,
  target_actor INTEGER NOT NULL REFERENCES actors(id),
  target_text TEXT NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  modality INTEGER NOT NULL,
  place TEXT,
  place_country TEXT,
  lat REAL,
  lon REAL,
  evidence_begin INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  tone REAL,
  FOREIGN KEY(doc, sentence) REFERENCES sentences(doc, idx)
);
CREATE INDEX event_mentions_event ON event_mentions(event);
CREATE INDEX event_mentions_doc ON event_mentions(doc, sentence);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, body, content='documents', content_rowid='doc',
  tokenize='unicode61 remove_diacritics 2'
);
)sql"},
      // 2: watchlists, their alerts, and the polling state of `vigie watch`'s feeds.
      {2, R"sql(
CREATE TABLE watches(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  query TEXT NOT NULL,
  label TEXT NOT NULL,
  created INTEGER NOT NULL,
  last_event_id INTEGER NOT NULL,
  last_shift TEXT NOT NULL,
  UNIQUE(kind, a, b, query)
);
CREATE TABLE alerts(
  id INTEGER PRIMARY KEY,
  watch INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  created INTEGER NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  period TEXT NOT NULL,
  events TEXT NOT NULL
);
CREATE INDEX alerts_watch ON alerts(watch, id);
CREATE TABLE feeds(
  url TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  last_fetch INTEGER NOT NULL,
  last_ok INTEGER NOT NULL,
  next_fetch INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  items INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
  };
  return *kMigrations;
}

}  // namespace

int LatestSchemaVersion() { return Migrations().back().version; }

Result<int> SchemaVersion(Db& db) {
  // The first read of a file that is not a database fails here with SQLITE_NOTADB.
  VIGIE_ASSIGN_OR_RETURN(
      Stmt * probe,
      db.Cached(
          "SELECT count(*), count(*) FILTER (WHERE name = 'schema_version') FROM sqlite_master"));
  VIGIE_ASSIGN_OR_RETURN(bool row, probe->Step());
  if (!row) return Status::Internal("sqlite_master returned no row");
  const int64_t objects = probe->Int(0);
  const bool has_version = probe->Int(1) > 0;
  probe->Reset();
  if (!has_version) {
    if (objects > 0) {
      return Status::InvalidArgument(db.path() +
                                     ": a SQLite database but not a vigie one (no schema_version)");
    }
    return 0;
  }
  VIGIE_ASSIGN_OR_RETURN(Stmt * v,
                         db.Cached("SELECT coalesce(max(version), 0) FROM schema_version"));
  VIGIE_ASSIGN_OR_RETURN(row, v->Step());
  int version = row ? static_cast<int>(v->Int(0)) : 0;
  v->Reset();
  return version;
}

Status Migrate(Db& db, bool read_only) {
  VIGIE_ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  const int latest = LatestSchemaVersion();
  if (current > latest) {
    return Status::InvalidArgument(db.path() + ": schema version " + std::to_string(current) +
                                   " was written by a newer vigie (this one knows up to " +
                                   std::to_string(latest) + ")");
  }
  if (current == latest) return Status::OK();
  if (read_only) {
    return Status::InvalidArgument(db.path() + ": schema version " + std::to_string(current) +
                                   " needs migrating to " + std::to_string(latest) +
                                   "; open it writable once");
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= current) continue;
    // The lambda is named: a macro around it would shadow the macros inside it.
    auto apply = [&]() -> Status {
      VIGIE_RETURN_IF_ERROR(
          db.Exec("CREATE TABLE IF NOT EXISTS schema_version("
                  "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
      VIGIE_RETURN_IF_ERROR(db.Exec(m.sql));
      VIGIE_ASSIGN_OR_RETURN(
          Stmt * ins,
          db.Cached("INSERT INTO schema_version(version, applied_at) VALUES(?, datetime('now'))"));
      return ins->Bind(1, m.version).Run();
    };
    VIGIE_RETURN_IF_ERROR(InTransaction(db, apply));
  }
  return Status::OK();
}

}  // namespace vigie::store::internal
