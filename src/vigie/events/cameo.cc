#include "vigie/events/cameo.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "vigie/base/strings.h"

namespace vigie::events {

Result<std::unique_ptr<CameoTable>> CameoTable::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read CAMEO table " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto t = Parse(ss.str());
  if (!t.ok()) return Status::Corruption(path + ": " + t.status().message());
  return t;
}

Result<std::unique_ptr<CameoTable>> CameoTable::Parse(std::string_view tsv) {
  auto table = std::make_unique<CameoTable>();
  int line_no = 0;
  for (std::string_view line : str::Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line_no == 1) continue;  // header
    auto cols = str::Split(line, '\t');
    if (cols.size() < 6) {
      return Status::Corruption("line " + std::to_string(line_no) + ": expected 6 columns");
    }
    CameoCode c;
    c.code = std::string(cols[0]);
    c.root = std::string(cols[2]);
    auto q = cols[3];
    auto g = cols[4];
    if (std::from_chars(q.data(), q.data() + q.size(), c.quad).ec != std::errc() ||
        std::from_chars(g.data(), g.data() + g.size(), c.goldstein).ec != std::errc() ||
        c.quad < 1 || c.quad > 4) {
      return Status::Corruption("line " + std::to_string(line_no) + ": bad quad or Goldstein");
    }
    c.description = std::string(cols[5]);
    table->codes_.emplace(c.code, std::move(c));
  }
  if (table->codes_.empty()) return Status::Corruption("no CAMEO codes");
  return table;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace vigie::events
