#pragma once
// The dashboard's static files, served from one web root and nowhere else.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::server {

struct StaticFile {
  std::string content_type;
  std::string body;
};

// The file `url_path` names under `root` ("/" is index.html). nullopt when it does not exist,
// is not a regular file, is larger than 32 MiB, or would resolve outside `root` through "..",
// an absolute path, a backslash, a NUL or a symbolic link: a request never reads anything but
// the web root. `url_path` is already percent-decoded.
std::optional<StaticFile> ReadStaticFile(const std::string& root, std::string_view url_path);

// Where the built dashboard is: `explicit_dir`, else $VIGIE_WEB, else web/dist in a parent of
// the executable's directory or of the source tree. "" when none has an index.html.
std::string FindWebRoot(const std::string& explicit_dir);

}  // namespace vigie::server
