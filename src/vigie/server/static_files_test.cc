#include "vigie/server/static_files.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace vigie::server {
namespace {
namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("vigie_static_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_ / "root" / "assets");
    Write(base_ / "root" / "index.html", "<!doctype html><title>vigie</title>");
    Write(base_ / "root" / "assets" / "app.js", "console.log(1)");
    Write(base_ / "secret.txt", "do not serve");
    fs::create_symlink(base_ / "secret.txt", base_ / "root" / "link.txt");
    root_ = (base_ / "root").string();
  }
  void TearDown() override { fs::remove_all(base_); }
  static void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  fs::path base_;
  std::string root_;
};

TEST_F(StaticFilesTest, ServesFilesUnderTheRoot) {
  auto index = ReadStaticFile(root_, "/");
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_NE(index->body.find("vigie"), std::string::npos);
  auto js = ReadStaticFile(root_, "/assets/app.js");
  ASSERT_TRUE(js.has_value());
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_FALSE(ReadStaticFile(root_, "/missing.js").has_value());
  EXPECT_FALSE(ReadStaticFile(root_, "/assets").has_value());  // a directory
}

TEST_F(StaticFilesTest, NeverLeavesTheRoot) {
  for (const char* path :
       {"/../secret.txt", "/assets/../../secret.txt", "/..", "//etc/passwd", "/./index.html",
        "/assets/..\\..\\secret.txt", "/link.txt", "relative.txt", ""}) {
    EXPECT_FALSE(ReadStaticFile(root_, path).has_value()) << path;
  }
  EXPECT_FALSE(ReadStaticFile(root_, std::string("/index.html\0.js", 15)).has_value());
  EXPECT_FALSE(ReadStaticFile("", "/index.html").has_value());
}

}  // namespace
}  // namespace vigie::server
