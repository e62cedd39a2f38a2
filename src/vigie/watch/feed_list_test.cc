#include "vigie/watch/feed_list.h"

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

}  // namespace
}  // namespace vigie::watch
