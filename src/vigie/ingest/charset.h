#pragma once
// Character set detection and conversion to UTF-8 (uchardet + ICU). Thread-safe.

#include <string>
#include <string_view>

#include "vigie/base/result.h"

namespace vigie::ingest {

// Finds the charset of `bytes` in this order: a BOM; `declared` (an HTTP header or XML
// prolog value, may be ""); for HTML, <meta charset> / <meta http-equiv content-type> in the
// first 4 KiB; valid UTF-8 as is; else uchardet over the whole text (not only the head:
// mostly-ASCII markup hides the real charset). Returns a canonical name ("UTF-8",
// "windows-1252", ...).
std::string DetectCharset(std::string_view bytes, std::string_view declared, bool is_html);

// Converts `bytes` in `charset` to valid UTF-8 (BOM removed, invalid sequences replaced by
// U+FFFD). Returns InvalidArgument when ICU does not know `charset`.
Result<std::string> ConvertToUtf8(std::string_view bytes, std::string_view charset);

// DetectCharset then ConvertToUtf8; falls back to windows-1252 when the detected charset is
// unknown to ICU, so it always yields UTF-8.
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, bool is_html);

}  // namespace vigie::ingest
