// Crash safety of `vigie ingest`: killed with SIGKILL at random points (20 times), the
// database must pass PRAGMA integrity_check every time, and a final re-run must end with
// exactly the events of an uninterrupted run.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_testutil.h"

namespace {

using vigie::testing::RunResult;
namespace fs = std::filesystem;

std::string Bin() { return vigie::testing::EnvOr("VIGIE_BIN", "build/vigie"); }
std::string Corpus() {
  return vigie::testing::EnvOr("VIGIE_SOURCE", ".") + "/data/corpus/wikinews/fr.jsonl";
}

// The first column of the first row of `sql` on the database at `path`, as text.
std::string QueryOne(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 2000);  // the ingest under test may hold the write lock
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(st, 0);
      result = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return result;
}

// Documents stored so far; 0 while the database or its tables do not exist yet.
int StoredDocuments(const std::string& path) {
  const std::string n = QueryOne(path, "SELECT count(*) FROM documents");
  return !n.empty() && std::isdigit(static_cast<unsigned char>(n[0])) ? std::stoi(n) : 0;
}

std::string IntegrityCheck(const std::string& path) {
  return QueryOne(path, "PRAGMA integrity_check");
}

class CliKillTest : public vigie::testing::CliTest {
 protected:
  // The stored events without what differs between runs (row ids, insertion times), sorted.
  std::vector<std::string> Events(const std::string& db) {
    RunResult r = Run("export --db " + db + " --format jsonl");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> out;
    for (auto& e : r.docs) {
      e.erase("id");
      e.erase("added");
      out.push_back(e.dump());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(CliKillTest, KilledIngestsLeaveAConsistentDatabaseThatAReRunCompletes) {
  // 120 Wikinews articles: enough batches (of 8) for kills to land between and inside them.
  std::string corpus_text;
  {
    std::istringstream all(vigie::testing::ReadFile(Corpus()));
    std::string line;
    for (int n = 0; n < 120 && std::getline(all, line); ++n) corpus_text += line + "\n";
  }
  const std::string corpus = Write("corpus.jsonl", corpus_text).string();
  const std::string args = " --quiet --batch 8 " + corpus;

  const std::string reference = (dir_ / "reference.db").string();
  RunResult full = Run("ingest --db " + reference + args);
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const auto expected = Events(reference);
  ASSERT_GT(expected.size(), 50u);
  const int total = StoredDocuments(reference);

  // Twenty independent trials, each on a fresh database. The kill point is chosen by
  // progress, not by time, so that it does not depend on the machine's speed or load: the
  // parent watches the database and sends SIGKILL as soon as a random number of documents
  // (between 1 and all but the last batch) is stored, while the next batches are being
  // coded and written. Then: integrity check, re-run, comparison with the reference.
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<int> kill_after(1, total - 9);
  int mid_ingest = 0;
  for (int trial = 0; trial < 20; ++trial) {
    const std::string db = (dir_ / ("killed" + std::to_string(trial) + ".db")).string();
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int devnull = ::open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      const std::string bin = Bin();
      execl(bin.c_str(), bin.c_str(), "ingest", "--quiet", "--batch", "8", "--db", db.c_str(),
            corpus.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    const int threshold = kill_after(rng);
    int status = 0;
    bool exited = false;
    for (int polls = 0; polls < 60000; ++polls) {  // at most ~2 minutes
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      if (fs::exists(db) && StoredDocuments(db) >= threshold) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!exited) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    if (fs::exists(db)) {
      ASSERT_EQ(IntegrityCheck(db), "ok") << "after the kill of trial " << trial;
      mid_ingest += WIFSIGNALED(status) && StoredDocuments(db) < total;
    }
    RunResult finish = Run("ingest --db " + db + args);
    ASSERT_EQ(finish.exit_code, 0) << finish.err;
    ASSERT_EQ(IntegrityCheck(db), "ok");
    ASSERT_EQ(Events(db), expected) << "trial " << trial;
    fs::remove(db);
  }
  std::printf("%d of 20 kills landed while documents were being written\n", mid_ingest);
  EXPECT_GE(mid_ingest, 15) << "too few kills landed while documents were being written";
}

}  // namespace
