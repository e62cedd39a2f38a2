#pragma once
// Shared test helpers: Status-aware assertions and the fixture/benchmark roots that CTest
// passes through the environment (VIGIE_TESTDATA, VIGIE_SHARED, VIGIE_BIN).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#define ASSERT_VIGIE_OK(expr)              \
  do {                                     \
    auto _s = (expr);                      \
    ASSERT_TRUE(_s.ok()) << _s.ToString(); \
  } while (0)
#define EXPECT_VIGIE_OK(expr)              \
  do {                                     \
    auto _s = (expr);                      \
    EXPECT_TRUE(_s.ok()) << _s.ToString(); \
  } while (0)

namespace vigie::testing {

inline std::string EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

// tests/testdata in the source tree.
inline std::filesystem::path TestData() { return EnvOr("VIGIE_TESTDATA", "tests/testdata"); }

// ../shared (benchmarks, gold); may not exist on a user's clone.
inline std::filesystem::path Shared() { return EnvOr("VIGIE_SHARED", "../shared"); }

// Skips the current test when the shared benchmark folder is absent.
#define VIGIE_SKIP_WITHOUT_SHARED(sub)                                \
  do {                                                                \
    if (!std::filesystem::exists(::vigie::testing::Shared() / (sub))) \
      GTEST_SKIP() << "shared benchmark data absent: " << (sub);      \
  } while (0)

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `bytes` to `p`, creating its parent directories.
inline void WriteFile(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace vigie::testing
