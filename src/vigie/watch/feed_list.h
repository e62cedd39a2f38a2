#pragma once
// The feeds file of `vigie watch --feeds FILE`: one feed URL a line (http or https); blank
// lines and lines starting with '#' are ignored, and so is white space around a URL.

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

}  // namespace vigie::watch
