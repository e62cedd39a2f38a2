#pragma once
// A fixture for end-to-end tests of the `vigie` binary: a scratch directory per test,
// and Run() which captures stdout, stderr, the exit code and the JSON object lines.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "testutil.h"

namespace vigie::testing {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::vector<nlohmann::json> docs;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie_cli_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    WriteFile(p, content);
    return p;
  }

  // Runs `vigie ARGS` with optional stdin text; captures stdout, stderr and the exit code.
  RunResult Run(const std::string& args, const std::string& stdin_text = "") {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr", in = Write("stdin", stdin_text);
    std::string bin = EnvOr("VIGIE_BIN", "build/vigie");
    std::string cmd =
        bin + " " + args + " <" + in.string() + " >" + out.string() + " 2>" + err.string();
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    size_t start = 0;
    while (start < r.out.size()) {
      size_t end = r.out.find('\n', start);
      if (end == std::string::npos) end = r.out.size();
      // Only object lines are JSON (help, --summary and --explain print text).
      if (end > start && r.out[start] == '{') {
        r.docs.push_back(nlohmann::json::parse(r.out.substr(start, end - start)));
      }
      start = end + 1;
    }
    return r;
  }

  fs::path dir_;
};

}  // namespace vigie::testing
