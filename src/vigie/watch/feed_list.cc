#include "vigie/watch/feed_list.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "vigie/base/strings.h"
#include "vigie/watch/poller.h"

namespace vigie::watch {
namespace {

// Why `url` is not a feed URL we poll, or "" when it is one.
std::string Problem(std::string_view url) {
  const std::string lower = str::AsciiLower(url.substr(0, 8));
  if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) {
    return "not an http:// or https:// URL: " + std::string(url);
  }
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= ' ') return "a URL has no spaces: " + std::string(url);
  }
  if (str::UrlHost(url).empty()) return "no host in " + std::string(url);
  return "";
}

int64_t ModifiedTime(const std::string& path) {
  std::error_code ec;
  auto t = std::filesystem::last_write_time(path, ec);
  return ec ? 0 : static_cast<int64_t>(t.time_since_epoch().count());
}

}  // namespace

Result<std::vector<std::string>> ReadFeedList(
    const std::string& path, const std::function<void(const Status&)>& on_bad_line) {
  std::ifstream in(path);
  if (!in) {
    return errno == ENOENT ? Status::NotFound(path + ": no such file")
                           : Status::IOError(path + ": " + std::strerror(errno));
  }
  std::vector<std::string> urls;
  std::set<std::string, std::less<>> seen;
  std::string line;
  for (int no = 1; std::getline(in, line); ++no) {
    std::string_view url = str::Trim(line);
    if (url.empty() || url[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(no) + ": ";
    if (std::string why = Problem(url); !why.empty()) {
      on_bad_line(Status::InvalidArgument(where + why + ", skipped"));
      continue;
    }
    if (!seen.insert(std::string(url)).second) {
      on_bad_line(Status::InvalidArgument(where + "listed twice, skipped: " + std::string(url)));
      continue;
    }
    urls.emplace_back(url);
  }
  if (in.bad()) return Status::IOError(path + ": read error");
  return urls;
}

Result<FeedFile> FeedFile::Open(const std::string& path,
                                const std::function<void(const Status&)>& on_bad_line) {
  const int64_t mtime = ModifiedTime(path);
  VIGIE_ASSIGN_OR_RETURN(std::vector<std::string> urls, ReadFeedList(path, on_bad_line));
  if (urls.empty()) return Status::NotFound(path + ": no feed URL in it");
  return FeedFile(path, mtime, std::move(urls));
}

bool FeedFile::Refresh(const std::function<void(const Status&)>& on_problem) {
  const int64_t mtime = ModifiedTime(path_);
  if (mtime == mtime_) return false;
  mtime_ = mtime;
  auto read = ReadFeedList(path_, on_problem);
  if (!read.ok() || read->empty()) {
    on_problem(
        Status::IOError((read.ok() ? path_ + ": no feed URL in it" : read.status().message()) +
                        "; polling the " + std::to_string(urls_.size()) + " feeds read before"));
    return false;
  }
  if (*read == urls_) return false;
  urls_ = std::move(*read);
  return true;
}

}  // namespace vigie::watch
