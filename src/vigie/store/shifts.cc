#include "vigie/store/internal/shifts.h"

#include <algorithm>
#include <cmath>

#include "vigie/store/internal/dates.h"

namespace vigie::store::internal {
namespace {

struct Stats {
  int64_t n = 0;
  double sum = 0;
  double sum_sq = 0;
  double Mean() const { return n ? sum / n : 0; }
  // Sample variance, floored at 1 Goldstein point squared: a window of identical scores (three
  // "sign agreement" events at +5) would otherwise give an infinite t for any difference.
  double Var() const {
    if (n < 2) return 1.0;
    double v = (sum_sq - sum * sum / n) / (n - 1);
    return std::max(v, 1.0);
  }
};

struct Bucket {
  int64_t ordinal;
  size_t begin;  // [begin, end) in the events span
  size_t end;
};

}  // namespace

std::vector<ShiftPoint> DetectShifts(std::span<const SeriesEvent> events, const ShiftParams& p) {
  // Non-empty periods only: sparse dyads (a few events a year) would otherwise need windows
  // of dozens of empty months.
  std::vector<Bucket> buckets;
  for (size_t i = 0; i < events.size(); ++i) {
    int64_t ord = PeriodOrdinal(events[i].day, p.by);
    if (buckets.empty() || buckets.back().ordinal != ord) {
      buckets.push_back({ord, i, i + 1});
    } else {
      buckets.back().end = i + 1;
    }
  }
  const int w = std::max(1, p.window);
  struct Candidate {
    size_t k;  // boundary before bucket k
    ShiftPoint point;
  };
  std::vector<Candidate> candidates;
  for (size_t k = 1; k < buckets.size(); ++k) {
    const size_t lo = k >= static_cast<size_t>(w) ? k - w : 0;
    const size_t hi = std::min(buckets.size(), k + w);
    Stats before, after;
    for (size_t i = buckets[lo].begin; i < buckets[k].begin; ++i) {
      before.n++;
      before.sum += events[i].goldstein;
      before.sum_sq += events[i].goldstein * events[i].goldstein;
    }
    for (size_t i = buckets[k].begin; i < buckets[hi - 1].end; ++i) {
      after.n++;
      after.sum += events[i].goldstein;
      after.sum_sq += events[i].goldstein * events[i].goldstein;
    }
    if (before.n < p.min_events || after.n < p.min_events) continue;
    const double delta = after.Mean() - before.Mean();
    const double t = delta / std::sqrt(before.Var() / before.n + after.Var() / after.n);
    if (std::fabs(delta) < p.min_magnitude || std::fabs(t) < p.min_t) continue;
    ShiftPoint sp;
    sp.ordinal = buckets[k].ordinal;
    sp.before_mean = before.Mean();
    sp.after_mean = after.Mean();
    sp.t = t;
    sp.before_events = before.n;
    sp.after_events = after.n;
    // The events that turned it: the after-window's events that pull furthest in the new
    // direction, earliest first among equals.
    std::vector<size_t> idx;
    for (size_t i = buckets[k].begin; i < buckets[hi - 1].end; ++i) idx.push_back(i);
    const double sign = delta < 0 ? -1.0 : 1.0;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      return sign * events[a].goldstein > sign * events[b].goldstein;
    });
    for (size_t j = 0; j < idx.size() && j < static_cast<size_t>(std::max(0, p.top_events)); ++j) {
      sp.turning_events.push_back(events[idx[j]].id);
    }
    candidates.push_back({k, std::move(sp)});
  }
  // Neighbouring boundaries see overlapping windows and all fire around one real turn: keep
  // the strongest of any group closer than a window.
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::fabs(candidates[a].point.t) > std::fabs(candidates[b].point.t);
  });
  std::vector<const Candidate*> kept;
  for (size_t i : order) {
    const Candidate& c = candidates[i];
    bool near = std::any_of(kept.begin(), kept.end(), [&](const Candidate* o) {
      size_t d = c.k > o->k ? c.k - o->k : o->k - c.k;
      return d < static_cast<size_t>(w);
    });
    if (!near) kept.push_back(&c);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Candidate* a, const Candidate* b) { return a->k < b->k; });
  std::vector<ShiftPoint> out;
  for (const Candidate* c : kept) out.push_back(c->point);
  return out;
}

}  // namespace vigie::store::internal
