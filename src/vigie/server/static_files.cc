#include "vigie/server/static_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigie::server {
namespace fs = std::filesystem;
namespace {

constexpr uintmax_t kMaxFileBytes = uintmax_t{32} << 20;

const char* ContentType(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool HasIndex(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "index.html", ec);
}

}  // namespace

std::optional<StaticFile> ReadStaticFile(const std::string& root, std::string_view url_path) {
  if (root.empty() || url_path.empty() || url_path[0] != '/') return std::nullopt;
  std::string rel(url_path.substr(1));
  if (rel.empty()) rel = "index.html";
  // Refuse what could climb out before touching the file system; canonical paths below also
  // catch symbolic links that point outside.
  if (rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos || rel[0] == '/') {
    return std::nullopt;
  }
  for (const fs::path& part : fs::path(rel)) {
    if (part == ".." || part == ".") return std::nullopt;
  }
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  const fs::path file = fs::canonical(base / rel, ec);
  if (ec) return std::nullopt;
  auto [root_end, file_it] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  if (root_end != base.end()) return std::nullopt;
  if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > kMaxFileBytes || ec) {
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  return StaticFile{ContentType(file), std::move(body).str()};
}

std::string FindWebRoot(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("VIGIE_WEB"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (HasIndex(dir / "web" / "dist")) return (dir / "web" / "dist").string();
    }
  }
  if (HasIndex(fs::path(VIGIE_SOURCE_WEB_DIR))) return VIGIE_SOURCE_WEB_DIR;
  return "";
}

}  // namespace vigie::server
