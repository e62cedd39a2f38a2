#pragma once
// The SQLite schema as numbered migrations (doc/schema.md describes the result).
// A database records the migrations applied to it in `schema_version`; opening it applies the
// missing ones in order, each in its own transaction.

#include "vigie/base/status.h"
#include "vigie/store/internal/sqlite.h"

namespace vigie::store::internal {

// The highest migration number this build knows.
int LatestSchemaVersion();

// Brings `db` to LatestSchemaVersion(). Returns Corruption when the file is not a SQLite
// database, InvalidArgument when it is a SQLite database of something else (tables but no
// schema_version) or was written by a newer vigie, and the SQLite error otherwise.
// `read_only`: check only; InvalidArgument when a migration is due.
Status Migrate(Db& db, bool read_only);

// The version recorded in `db` (0 for an empty database).
Result<int> SchemaVersion(Db& db);

}  // namespace vigie::store::internal
