#pragma once
// Change points in a dyad's Goldstein series: a two-window mean-shift test (see ShiftQuery in
// store.h and doc/schema.md). Backend-independent: the store hands over the dyad's events, in
// day order. Pure functions, thread-safe.

#include <cstdint>
#include <span>
#include <vector>

#include "vigie/store/records.h"

namespace vigie::store::internal {

struct SeriesEvent {
  int32_t day = 0;
  double goldstein = 0;
  int64_t id = 0;
};

struct ShiftParams {
  Period by = Period::kMonth;
  int window = 6;
  int min_events = 3;
  double min_magnitude = 2.0;
  double min_t = 2.0;
  int top_events = 5;
};

struct ShiftPoint {
  int64_t ordinal = 0;  // PeriodOrdinal of the first period after the turn
  double before_mean = 0;
  double after_mean = 0;
  double t = 0;
  int64_t before_events = 0;
  int64_t after_events = 0;
  std::vector<int64_t> turning_events;  // ids, strongest in the new direction first
};

// REQUIRES: `events` sorted by day.
std::vector<ShiftPoint> DetectShifts(std::span<const SeriesEvent> events, const ShiftParams& p);

}  // namespace vigie::store::internal
