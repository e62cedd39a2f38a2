#pragma once
// Row formats for Store::Export. Backend-independent; pure functions, thread-safe.

#include <string>

#include "vigie/store/records.h"

namespace vigie::store::internal {

inline constexpr int kGdeltColumns = 61;

// Appends one GDELT 2.0 Events record (61 tab-separated columns in the codebook's order, then
// '\n'). Columns vigie has no value for are empty, except the three Geo_Type columns, which are
// 0 as in GDELT's own files when there is no place.
void AppendGdeltRow(const EventRecord& e, std::string* out);

// The CSV header line and one RFC 4180 row (both end with "\r\n" as the RFC says).
void AppendCsvHeader(std::string* out);
void AppendCsvRow(const EventRecord& e, std::string* out);

}  // namespace vigie::store::internal
