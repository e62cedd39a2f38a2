#pragma once
// Wall-clock times as text, always in UTC (stored times are Unix seconds).

#include <cstdint>
#include <string>

namespace vigie {

// Unix seconds formatted by strftime(3) in UTC: FormatUtc(t, "%Y-%m-%d") -> "2024-08-04".
std::string FormatUtc(int64_t unix_seconds, const char* format);

}  // namespace vigie
