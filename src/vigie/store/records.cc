#include "vigie/store/records.h"

#include <string>

#include "vigie/store/internal/names.h"
#include "vigie/store/store.h"

namespace vigie::store {

Result<events::Modality> ParseModality(std::string_view name) {
  if (auto m = events::ParseModality(name)) return *m;
  return Status::InvalidArgument("unknown modality `" + std::string(name) +
                                 "` (asserted, negated, reported, speculative)");
}

const char* PeriodName(Period p) {
  switch (p) {
    case Period::kDay:
      return "day";
    case Period::kWeek:
      return "week";
    case Period::kMonth:
      return "month";
    case Period::kYear:
      return "year";
  }
  return "month";
}

Result<Period> ParsePeriod(std::string_view name) {
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth, Period::kYear}) {
    if (name == PeriodName(p)) return p;
  }
  return Status::InvalidArgument("unknown period `" + std::string(name) +
                                 "` (day, week, month, year)");
}

const char* TopKindName(TopKind k) {
  switch (k) {
    case TopKind::kActors:
      return "actors";
    case TopKind::kDyads:
      return "dyads";
    case TopKind::kCodes:
      return "codes";
  }
  return "actors";
}

Result<TopKind> ParseTopKind(std::string_view name) {
  for (TopKind k : {TopKind::kActors, TopKind::kDyads, TopKind::kCodes}) {
    if (name == TopKindName(k)) return k;
  }
  return Status::InvalidArgument("unknown kind `" + std::string(name) + "` (actors, dyads, codes)");
}

const char* WatchKindName(WatchKind k) {
  switch (k) {
    case WatchKind::kDyad:
      return "dyad";
    case WatchKind::kActor:
      return "actor";
    case WatchKind::kQuery:
      return "query";
  }
  return "dyad";
}

Result<WatchKind> ParseWatchKind(std::string_view name) {
  for (WatchKind k : {WatchKind::kDyad, WatchKind::kActor, WatchKind::kQuery}) {
    if (name == WatchKindName(k)) return k;
  }
  return Status::InvalidArgument("unknown watch kind `" + std::string(name) +
                                 "` (dyad, actor, query)");
}

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "gdelt") return ExportFormat::kGdelt;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  return Status::InvalidArgument("unknown export format `" + std::string(name) +
                                 "` (gdelt, csv, jsonl)");
}

}  // namespace vigie::store
