#pragma once
// The CAMEO event code table (data/cameo/cameo_codes_goldstein_quad.tsv, from GDELT's public
// lookup tables): root, quad class and Goldstein score of every code.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vigie/base/result.h"

namespace vigie::events {

struct CameoCode {
  std::string code;  // "161"
  std::string root;  // "16"
  int quad = 0;      // 1 verbal cooperation .. 4 material conflict
  double goldstein = 0;
  std::string description;
};

class CameoTable {
 public:
  static Result<std::unique_ptr<CameoTable>> Load(const std::string& path);
  static Result<std::unique_ptr<CameoTable>> Parse(std::string_view tsv);
  const CameoCode* Find(std::string_view code) const;
  size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace vigie::events
