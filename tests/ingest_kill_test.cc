// Crash safety of `vigie ingest`: killed with SIGKILL at random points (20 times), the
// database must pass PRAGMA integrity_check every time, and a final re-run must end with
// exactly the events of an uninterrupted run.

#include <algorithm>
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
  const auto start = std::chrono::steady_clock::now();
  RunResult full = Run("ingest --db " + reference + args);
  const auto run_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const auto expected = Events(reference);
  ASSERT_GT(expected.size(), 50u);
  const std::string total = QueryOne(reference, "SELECT count(*) FROM documents");

  // Twenty independent trials, each on a fresh database: kill at a random point of the
  // second half of an uninterrupted run's time (the first part is mostly loading the
  // lexicons and gazetteer), whatever the machine's speed; check the database; re-run;
  // compare with the reference. Kills during loading or after the end still check that the
  // database is sound; at least a quarter must hit it while it is being written.
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<int64_t> delay_ms(run_ms / 2, run_ms * 97 / 100);
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
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (fs::exists(db)) {
      ASSERT_EQ(IntegrityCheck(db), "ok") << "after the kill of trial " << trial;
      mid_ingest += WIFSIGNALED(status) && QueryOne(db, "SELECT count(*) FROM documents") != total;
    }
    RunResult finish = Run("ingest --db " + db + args);
    ASSERT_EQ(finish.exit_code, 0) << finish.err;
    ASSERT_EQ(IntegrityCheck(db), "ok");
    ASSERT_EQ(Events(db), expected) << "trial " << trial;
    fs::remove(db);
  }
  std::printf("%d of 20 kills landed while documents were being written\n", mid_ingest);
  EXPECT_GE(mid_ingest, 5) << "too few kills landed while documents were being written";
}

}  // namespace
