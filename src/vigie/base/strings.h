#pragma once
// Small string helpers shared by every module. Pure functions, thread-safe.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigie::str {

// Strips ASCII and Unicode white space (see utf8::IsSpace) from both ends.
std::string_view Trim(std::string_view s);

// Collapses every run of Unicode white space into one ASCII space and trims the ends.
std::string CollapseSpace(std::string_view s);

// ASCII-only lower-casing (UTF-8 bytes >= 0x80 are left alone).
std::string AsciiLower(std::string_view s);

// Host of an absolute URL ("https://user@Example.org:8080/x" -> "example.org"), lower-cased,
// without user info or port; an IPv6 literal keeps its brackets. "" when there is none.
std::string UrlHost(std::string_view url);

// Case-insensitive (ASCII) substring and equality tests.
bool ContainsNoCase(std::string_view haystack, std::string_view needle);
bool EqualsNoCase(std::string_view a, std::string_view b);

// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);

bool EndsWith(std::string_view s, std::string_view suffix);

// 64-bit FNV-1a hash: stable across platforms and runs (used for document ids).
uint64_t Fnv1a64(std::string_view s);

// 16 lower-case hex digits.
std::string Hex64(uint64_t v);

// True when `w` equals one of `set` ("In(norm, {"et", "and"})").
inline bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (w == s) return true;
  }
  return false;
}

// Hash for maps keyed by std::string that are searched with a std::string_view (no copy).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

}  // namespace vigie::str
