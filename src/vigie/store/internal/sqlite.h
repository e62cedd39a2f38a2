#pragma once
// Thin RAII wrappers over the SQLite C API that turn its error codes into vigie::Status.
// Internal to store/: no other module includes <sqlite3.h>. Not thread-safe (one connection).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "vigie/base/result.h"
#include "vigie/base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::store::internal {

class Db;

// A prepared statement. Bind indexes start at 1, column indexes at 0.
class Stmt {
 public:
  Stmt(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);  // copied by SQLite
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& BindNull(int i);
  template <typename T>
  Stmt& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Runs one step: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, ignoring rows.
  Status Run();
  // Resets for re-execution and clears bindings.
  void Reset();

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string_view Text(int col) const;  // valid until the next Step/Reset
  std::string String(int col) const { return std::string(Text(col)); }
  std::optional<int64_t> OptInt(int col) const;
  std::optional<double> OptDouble(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
};

class Db {
 public:
  struct OpenOptions {
    bool create = true;
    bool read_only = false;
  };
  // Opens (or creates) `path`; ":memory:" is a private in-memory database.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, const OpenOptions& o);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);

  // A cached prepared statement for `sql` (reset, bindings cleared). Owned by the Db; valid
  // until the Db is destroyed. Do not hold two uses of the same SQL at once.
  Result<Stmt*> Cached(const std::string& sql);
  // A fresh statement owned by the caller (for dynamic SQL).
  Result<std::unique_ptr<Stmt>> Prepare(std::string_view sql);

  // The last error as a Status (Corruption for "not a database" and corrupt files, IOError
  // otherwise), prefixed with the database path and `what`.
  Status Error(std::string_view what) const;
  Status ErrorFromCode(int rc, std::string_view what) const;

  int64_t Changes() const;
  int64_t LastInsertRowid() const;
  const std::string& path() const { return path_; }
  sqlite3* raw() { return db_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::map<std::string, std::unique_ptr<Stmt>, std::less<>> cache_;
};

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it returns an error.
template <typename F>
Status InTransaction(Db& db, F&& body) {
  VIGIE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status s = body();
  if (!s.ok()) {
    db.Exec("ROLLBACK").IgnoreError();  // the body's error is the one to report
    return s;
  }
  s = db.Exec("COMMIT");
  if (!s.ok()) db.Exec("ROLLBACK").IgnoreError();
  return s;
}

}  // namespace vigie::store::internal
