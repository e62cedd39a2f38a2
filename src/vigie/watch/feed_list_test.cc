#include "vigie/watch/feed_list.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testutil.h"

namespace vigie::watch {
namespace {

TEST(ReadFeedListTest, SkipsCommentsAndReportsBadLinesWithFileAndLine) {
  const auto path = std::filesystem::temp_directory_path() / "vigie_feed_list_test.txt";
  vigie::testing::WriteFile(path,
                            "# Sahel\n"
                            "\n"
                            "  https://www.jeuneafrique.com/feed/  \n"
                            "ftp://example.org/feed\n"
                            "HTTP://Example.org/rss\n"
                            "https://www.jeuneafrique.com/feed/\n"
                            "https:///nohost\n"
                            "https://example.org/a feed\n");
  std::vector<std::string> bad;
  auto urls = ReadFeedList(path.string(), [&](const Status& s) { bad.push_back(s.message()); });
  ASSERT_TRUE(urls.ok()) << urls.status().ToString();
  EXPECT_EQ(*urls, (std::vector<std::string>{"https://www.jeuneafrique.com/feed/",
                                             "HTTP://Example.org/rss"}));
  ASSERT_EQ(bad.size(), 4u);
  const std::string p = path.string();
  EXPECT_EQ(bad[0].rfind(p + ":4: not an http:// or https:// URL", 0), 0u) << bad[0];
  EXPECT_EQ(bad[1].rfind(p + ":6: listed twice", 0), 0u) << bad[1];
  EXPECT_EQ(bad[2].rfind(p + ":7: no host", 0), 0u) << bad[2];
  EXPECT_EQ(bad[3].rfind(p + ":8: a URL has no spaces", 0), 0u) << bad[3];
  std::filesystem::remove(path);

  auto missing = ReadFeedList(p + ".absent", [](const Status&) {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

// A running watch follows edits of its feeds file; a file that breaks keeps the old list.
TEST(FeedFileTest, RefreshFollowsEditsAndKeepsTheFeedsWhenTheFileBreaks) {
  const auto path = std::filesystem::temp_directory_path() / "vigie_feed_file_test.txt";
  vigie::testing::WriteFile(path, "https://a.example/feed\n");
  std::vector<std::string> problems;
  auto note = [&](const Status& s) { problems.push_back(s.message()); };
  auto file = FeedFile::Open(path.string(), note);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_FALSE(file->Refresh(note));  // unchanged

  // Rewritten (a second later, whatever the file system's time resolution).
  auto touch = [&](const std::string& text) {
    const auto before = std::filesystem::last_write_time(path);
    vigie::testing::WriteFile(path, text);
    std::filesystem::last_write_time(path, before + std::chrono::seconds(1));
  };
  touch("https://a.example/feed\nhttps://b.example/rss\n");
  EXPECT_TRUE(file->Refresh(note));
  EXPECT_EQ(file->urls(),
            (std::vector<std::string>{"https://a.example/feed", "https://b.example/rss"}));
  EXPECT_TRUE(problems.empty());

  touch("# nothing left\n");
  EXPECT_FALSE(file->Refresh(note));
  EXPECT_EQ(file->urls().size(), 2u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], path.string() + ": no feed URL in it; polling the 2 feeds read before");

  std::filesystem::remove(path);
  EXPECT_FALSE(file->Refresh(note));
  EXPECT_EQ(file->urls().size(), 2u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[1].find("no such file; polling the 2 feeds read before"), std::string::npos)
      << problems[1];
}

}  // namespace
}  // namespace vigie::watch
