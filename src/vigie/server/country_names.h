#pragma once
// English names of countries by ISO 3166-1 alpha-3 code, from ICU's locale data (the same
// source the gazetteer's French names come from), for labels the store cannot give: it keeps
// the words an article used ("Alger", "le Kremlin"), not a country's name.

#include <string>
#include <string_view>

namespace vigie::server {

// "DZA" -> "Algeria"; "" when `alpha3` is not a country ICU knows. Thread-safe.
std::string CountryName(std::string_view alpha3);

}  // namespace vigie::server
