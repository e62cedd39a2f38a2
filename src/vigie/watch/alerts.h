#pragma once
// AlertEngine: turns what the store holds into alerts for the watches users follow
// (`vigie watch --follow`). For each watch it looks at the events stored since the watch last
// looked (Watch::last_event_id):
//   - "events": the events matching the watch (a dyad in both directions, an actor on either
//     side, or words some reporting document contains), one alert per watch and round, titled
//     "DZA-RUS: 3 new events", summarised by the most severe of them (lowest Goldstein).
//   - "shift" (dyads only, when the dyad got new events): each turn found by Store::Shifts
//     (by month, its default test) whose period is later than the last one alerted on
//     (Watch::last_shift), titled "DZA-RUS: turn towards conflict in 2024-08".
// then moves the watch's cursor. A watch alerts on what is stored after it was created, never
// on the past: Follow() starts it at the newest event and the latest shift.
//
// Thread-safety: not thread-safe (the store is used from the calling thread).

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "vigie/base/result.h"
#include "vigie/store/store.h"

namespace vigie::watch {

struct AlertOptions {
  store::Period shift_by = store::Period::kMonth;
  size_t max_event_ids = 100;  // event ids kept with an "events" alert (the newest)
  // Unix seconds stamped on alerts; the system clock when empty (tests fix it).
  std::function<int64_t()> clock;
};

// Parses what `--follow` takes: "dyad:DZA-RUS" (also "DZA,RUS"), "actor:MLI",
// "query:Tin Zaouatine". Actor keys are upper-cased. InvalidArgument saying what is expected.
Result<store::Watch> ParseFollow(std::string_view spec);

class AlertEngine {
 public:
  // `store` must outlive the engine.
  explicit AlertEngine(store::Store& store, AlertOptions options = {});

  // Follows `w` (Store::AddWatch) and, for a new dyad watch, moves its shift cursor to the
  // dyad's latest shift, so that only turns found later alert. Following the same thing again
  // returns the stored watch unchanged.
  Result<store::Watch> Follow(const store::Watch& w);

  // Evaluates every watch once and returns the alerts it stored (ids, labels and times set),
  // in the order raised. Store errors stop the evaluation (alerts stored so far remain, and
  // the cursors of the watches evaluated so far have moved).
  Result<std::vector<store::Alert>> Evaluate();

 private:
  Status EvaluateWatch(const store::Watch& w, int64_t up_to, std::vector<store::Alert>* raised);
  Result<std::vector<store::Shift>> DyadShifts(const store::Watch& w);
  int64_t Now() const;

  store::Store& store_;
  AlertOptions options_;
};

}  // namespace vigie::watch
