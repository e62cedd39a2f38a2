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

// The code for announcing an act instead of doing it: the matching "express intent" code
// (03x) for a cooperative act (roots 04-08: "said it would release them" is 0353), the
// matching threat (13x) for a coercive one (roots 14-20: "would boycott the vote" is 133,
// "will impose a curfew" 1323). "" for the other roots (statements, appeals, demands,
// accusations, rejections and threats are announced by their own verbs).
std::string IntentCode(std::string_view code);

}  // namespace vigie::events
