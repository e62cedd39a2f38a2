#include "vigie/watch/feed_list.h"

#include <cerrno>
#include <cstring>
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

}  // namespace vigie::watch
