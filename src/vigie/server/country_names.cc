#include "vigie/server/country_names.h"

#include <string>
#include <unordered_map>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace vigie::server {
namespace {

// alpha-3 -> English display name, built once from ICU's list of alpha-2 regions.
const std::unordered_map<std::string, std::string>& Names() {
  static const auto* const kNames = [] {
    auto* names = new std::unordered_map<std::string, std::string>();
    for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
      icu::Locale region("", *c);
      const char* alpha3 = region.getISO3Country();
      if (alpha3 == nullptr || *alpha3 == '\0') continue;
      icu::UnicodeString display;
      region.getDisplayCountry(icu::Locale::getEnglish(), display);
      std::string utf8;
      display.toUTF8String(utf8);
      names->emplace(alpha3, std::move(utf8));
    }
    return names;
  }();
  return *kNames;
}

}  // namespace

std::string CountryName(std::string_view alpha3) {
  auto it = Names().find(std::string(alpha3));
  return it == Names().end() ? std::string() : it->second;
}

}  // namespace vigie::server
