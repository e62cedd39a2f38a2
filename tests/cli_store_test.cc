// End to end: `vigie ingest` into a fresh database and the questions asked of it (dyad,
// shifts, top, search, events, export), on the bundled seeds.

#include <algorithm>
#include <sstream>
#include <string>

#include "cli_testutil.h"

namespace {

using CliStoreTest = vigie::testing::CliTest;
using vigie::testing::RunResult;
namespace fs = std::filesystem;

std::string Seeds() {
  return vigie::testing::EnvOr("VIGIE_SOURCE", ".") + "/data/corpus/seeds.jsonl";
}

TEST_F(CliStoreTest, IngestIsIdempotentAndTheSeedsReadAsCooperationThenConflict) {
  const std::string db = (dir_ / "v.db").string();
  RunResult first = Run("ingest --quiet --db " + db + " " + Seeds());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  RunResult stats1 = Run("stats --db " + db);
  ASSERT_EQ(stats1.docs.size(), 1u);
  EXPECT_EQ(stats1.docs[0]["documents"], 2);
  EXPECT_GT(stats1.docs[0]["events"].get<int>(), 5);

  RunResult again = Run("ingest --db " + db + " " + Seeds());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 added"), std::string::npos) << again.err;
  RunResult stats2 = Run("stats --db " + db);
  EXPECT_EQ(stats2.docs[0], stats1.docs[0]);

  RunResult dyad = Run("dyad --db " + db + " DZA RUS --by year --format json");
  ASSERT_EQ(dyad.exit_code, 0) << dyad.err;
  ASSERT_EQ(dyad.docs.size(), 1u);
  const auto& d = dyad.docs[0];
  EXPECT_EQ(d["a"], "DZA");
  EXPECT_EQ(d["b"], "RUS");
  EXPECT_EQ(d["by"], "year");
  ASSERT_EQ(d["rows"].size(), 2u) << d.dump();
  EXPECT_EQ(d["rows"][0]["period"], "2022");
  EXPECT_GT(d["rows"][0]["goldstein_mean"].get<double>(), 0.0);
  EXPECT_EQ(d["rows"][1]["period"], "2024");
  EXPECT_LT(d["rows"][1]["goldstein_mean"].get<double>(), 0.0);
  EXPECT_EQ(d["rows"][0]["quad"].size(), 4u);
}

// Documents are coded on several threads but stored in the order they were read, so the
// database does not depend on the number of threads.
TEST_F(CliStoreTest, IngestStoresTheSameEventsWhateverTheNumberOfCodingThreads) {
  const std::string corpus =
      vigie::testing::EnvOr("VIGIE_SOURCE", ".") + "/data/corpus/wikinews/fr.jsonl";
  std::string exports[2];
  const char* threads[2] = {"1", "3"};
  for (int i = 0; i < 2; ++i) {
    const std::string db = (dir_ / ("t" + std::string(threads[i]) + ".db")).string();
    RunResult ingest = Run("ingest --quiet --batch 16 --threads " + std::string(threads[i]) +
                           " --db " + db + " " + Seeds() + " " + corpus);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    RunResult exported = Run("export --db " + db + " --format csv");
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    exports[i] = exported.out;
  }
  EXPECT_GT(std::count(exports[0].begin(), exports[0].end(), '\n'), 100);
  EXPECT_EQ(exports[0], exports[1]);
}

TEST_F(CliStoreTest, QuestionsAndExports) {
  const std::string db = (dir_ / "v.db").string();
  ASSERT_EQ(Run("ingest --quiet --db " + db + " " + Seeds()).exit_code, 0);

  RunResult events = Run("events --db " + db + " --actor MLI --code 16");
  ASSERT_EQ(events.exit_code, 0) << events.err;
  ASSERT_GE(events.docs.size(), 1u);
  EXPECT_EQ(events.docs[0]["root"], "16");
  EXPECT_EQ(events.docs[0]["source"]["country"], "MLI");

  RunResult gdelt = Run("export --db " + db + " --format gdelt");
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.err;
  std::istringstream lines(gdelt.out);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    ++rows;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  }
  EXPECT_GT(rows, 5);

  RunResult search = Run("search --db " + db + " Tebboune --format json");
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("Tebboune"), std::string::npos);

  RunResult top = Run("top --db " + db + " dyads");
  ASSERT_EQ(top.exit_code, 0) << top.err;
  EXPECT_NE(top.out.find("DZA-RUS"), std::string::npos) << top.out;
  EXPECT_EQ(Run("shifts --db " + db + " DZA RUS --by month").exit_code, 0);
}

TEST_F(CliStoreTest, QuestionsNeverCreateADatabaseAndBadFilesAreClearErrors) {
  RunResult missing = Run("dyad --db " + (dir_ / "none.db").string() + " DZA RUS");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("none.db"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(dir_ / "none.db"));
  fs::path junk = Write("junk.db", "this is not a database at all, just text\n");
  RunResult bad = Run("ingest --quiet --db " + junk.string() + " " + Seeds());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("junk.db"), std::string::npos) << bad.err;
  EXPECT_EQ(Run("dyad --db x.db DZA RUS --by fortnight").exit_code, 1);
}

}  // namespace
