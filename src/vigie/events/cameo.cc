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

std::string IntentCode(std::string_view code) {
  if (code.size() < 2) return "";
  const std::string_view root = code.substr(0, 2), sub = code.substr(0, 3);
  auto starts = [&](std::string_view prefix) { return code.substr(0, prefix.size()) == prefix; };
  // Cooperation: 04 meet → 036, 05 diplomatic → 032, 06 material → 031x, 07 aid → 033x,
  // 08 yield → 035x.
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") {
    if (code.size() >= 3 && sub >= "061" && sub <= "064") return "031" + std::string(1, code[2]);
    return "031";
  }
  if (root == "07") {
    if (code.size() >= 3 && sub >= "071" && sub <= "074") return "033" + std::string(1, code[2]);
    return "033";
  }
  if (root == "08") {
    if (starts("081")) return "0351";
    if (starts("082")) return "0352";
    if (starts("083")) return "034";
    if (starts("084")) return "0353";
    if (starts("085")) return "0354";
    if (starts("086")) return "0355";
    if (starts("087")) return "0356";
    return "035";
  }
  // Coercion and force.
  if (root == "14") return "133";
  if (root == "15") return "138";
  if (root == "16") {
    if (starts("160") || starts("161")) return "1313";
    if (starts("162")) return "1311";
    if (starts("163")) return "1312";
    if (starts("164")) return "134";
    if (starts("165")) return "135";
    if (code == "166") return "1313";  // diplomats: a threat to relations
    if (starts("166")) return "136";
    return "131";
  }
  if (root == "17") {
    if (starts("1721")) return "1321";
    if (starts("1722")) return "1322";
    if (starts("1723")) return "1323";
    if (starts("1724")) return "1324";
    if (starts("172")) return "132";
    if (starts("175")) return "137";
    return "130";
  }
  if (root == "18") return "1383";
  if (root == "19") {
    if (starts("191")) return "1381";
    if (starts("192")) return "1382";
    return "1384";
  }
  if (root == "20") return starts("204") ? "1385" : "138";
  return "";
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace vigie::events
