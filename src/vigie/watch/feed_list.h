#pragma once
// The feeds file of `vigie watch --feeds FILE`: one feed URL a line (http or https); blank
// lines and lines starting with '#' are ignored, and so is white space around a URL.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/base/status.h"

namespace vigie::watch {

// The feed URLs of `path`, in file order, each once. A line that is not an http(s) URL with a
// host, or repeats an earlier one, goes to on_bad_line as "FILE:LINE: what is wrong" and is
// skipped. Returns NotFound/IOError naming the file when it cannot be read.
Result<std::vector<std::string>> ReadFeedList(
    const std::string& path, const std::function<void(const Status&)>& on_bad_line);

// The feeds file of a long-running watch, read again when it changes so that edits take
// effect without a restart.
class FeedFile {
 public:
  // Reads `path` as ReadFeedList does; NotFound when it holds no feed URL.
  static Result<FeedFile> Open(const std::string& path,
                               const std::function<void(const Status&)>& on_bad_line);

  const std::vector<std::string>& urls() const { return urls_; }

  // Reads the file again when its modification time changed; true when the list changed.
  // A file that became unreadable or empty keeps the feeds of before and says so through
  // `on_problem` (as do bad lines).
  bool Refresh(const std::function<void(const Status&)>& on_problem);

 private:
  FeedFile(std::string path, int64_t mtime, std::vector<std::string> urls)
      : path_(std::move(path)), mtime_(mtime), urls_(std::move(urls)) {}
  std::string path_;
  int64_t mtime_;  // of the file when last read; 0 when it could not be read
  std::vector<std::string> urls_;
};

}  // namespace vigie::watch
