#pragma once
// UTF-8 helpers over std::string_view. Pure functions, thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[*pos] and advances *pos past it. An invalid or
// truncated sequence yields kReplacement and advances by one byte.
// REQUIRES: *pos < s.size().
char32_t DecodeNext(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out` (kReplacement for surrogates/out of range).
void Append(char32_t cp, std::string* out);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValid(std::string_view s);

// Returns `s` with every invalid sequence replaced by U+FFFD and NUL bytes removed.
// `*replaced` (when non-null) receives the number of replacements.
std::string Repair(std::string_view s, size_t* replaced = nullptr);

// Number of code points in `s` (invalid bytes count as one each).
size_t CodePointCount(std::string_view s);

// True for Unicode white space, including NBSP, thin spaces and the ideographic space.
bool IsSpace(char32_t cp);

}  // namespace vigie::utf8
