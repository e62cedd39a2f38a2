#pragma once
// Unicode normalisation (ICU). Thread-safe.

#include <string>
#include <string_view>

namespace vigie::text {

// Returns `s` (UTF-8) in Unicode NFC; invalid UTF-8 is repaired first (U+FFFD).
std::string ToNfc(std::string_view s);

}  // namespace vigie::text
