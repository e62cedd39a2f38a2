#include "vigie/watch/alerts.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "vigie/base/strings.h"

namespace vigie::watch {
namespace {

constexpr int kPageSize = 1000;

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Actor keys as the store writes them: upper-case ASCII letters, digits and '_'.
Result<std::string> ActorKey(std::string_view text, std::string_view spec) {
  std::string key = AsciiUpper(str::Trim(text));
  bool valid = !key.empty() && key.size() <= 32;
  for (char c : key) {
    valid &= (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  if (!valid) {
    return Status::InvalidArgument("--follow " + std::string(spec) + ": `" + std::string(text) +
                                   "` is not an actor key (letters, digits, _; e.g. DZA, NATO)");
  }
  return key;
}

std::string Name(const actors::Actor& a, const std::string& key) {
  if (!a.name.empty()) return a.name;
  return key.empty() ? "?" : key;
}

std::string Fixed(double v, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// "Mali → Ukraine, CAMEO 161, 2024-08-04: Le 4 août 2024, le Mali a rompu ..."
std::string Describe(const store::EventRecord& e) {
  std::string out =
      Name(e.source, e.source_key) + " → " + Name(e.target, e.target_key) + ", CAMEO " + e.cameo;
  if (!e.date.empty()) out += ", " + e.date;
  if (!e.text.empty()) out += ": " + e.text;
  return out;
}

// The filter of the events a watch follows, new since `after_id`.
store::EventFilter FilterOf(const store::Watch& w, int64_t after_id) {
  store::EventFilter f;
  switch (w.kind) {
    case store::WatchKind::kDyad:
      f.a = w.a;
      f.b = w.b;
      break;
    case store::WatchKind::kActor:
      f.actor = w.a;
      break;
    case store::WatchKind::kQuery:
      f.text = w.query;
      break;
  }
  f.after_id = after_id;
  return f;
}

}  // namespace

Result<store::Watch> ParseFollow(std::string_view spec) {
  const size_t colon = spec.find(':');
  if (colon == std::string_view::npos) {
    return Status::InvalidArgument("--follow " + std::string(spec) +
                                   ": expected dyad:A-B, actor:KEY or query:WORDS");
  }
  auto kind_or = store::ParseWatchKind(str::AsciiLower(str::Trim(spec.substr(0, colon))));
  if (!kind_or.ok()) {
    return Status::InvalidArgument("--follow " + std::string(spec) +
                                   ": the kind is dyad, actor or query");
  }
  const store::WatchKind kind = *kind_or;
  std::string_view rest = spec.substr(colon + 1);
  store::Watch w;
  w.kind = kind;
  switch (kind) {
    case store::WatchKind::kDyad: {
      const size_t sep = rest.find_first_of("-,");
      if (sep == std::string_view::npos) {
        return Status::InvalidArgument("--follow " + std::string(spec) +
                                       ": a dyad is two actor keys, as in dyad:DZA-RUS");
      }
      VIGIE_ASSIGN_OR_RETURN(w.a, ActorKey(rest.substr(0, sep), spec));
      VIGIE_ASSIGN_OR_RETURN(w.b, ActorKey(rest.substr(sep + 1), spec));
      if (w.a == w.b) {
        return Status::InvalidArgument("--follow " + std::string(spec) +
                                       ": a dyad needs two different actors");
      }
      break;
    }
    case store::WatchKind::kActor: {
      VIGIE_ASSIGN_OR_RETURN(w.a, ActorKey(rest, spec));
      break;
    }
    case store::WatchKind::kQuery:
      w.query = std::string(str::Trim(rest));
      if (w.query.empty()) {
        return Status::InvalidArgument("--follow " + std::string(spec) +
                                       ": a query needs words, as in \"query:Tin Zaouatine\"");
      }
      break;
  }
  return w;
}

AlertEngine::AlertEngine(store::Store& store, AlertOptions options)
    : store_(store), options_(std::move(options)) {}

int64_t AlertEngine::Now() const {
  return options_.clock ? options_.clock() : static_cast<int64_t>(std::time(nullptr));
}

Result<std::vector<store::Shift>> AlertEngine::DyadShifts(const store::Watch& w) {
  store::ShiftQuery q;
  q.a = w.a;
  q.b = w.b;
  q.by = options_.shift_by;
  return store_.Shifts(q);
}

Result<store::Watch> AlertEngine::Follow(const store::Watch& w) {
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::Watch> before, store_.Watches());
  VIGIE_ASSIGN_OR_RETURN(store::Watch stored, store_.AddWatch(w));
  const bool existed = std::any_of(before.begin(), before.end(),
                                   [&](const store::Watch& b) { return b.id == stored.id; });
  if (existed || stored.kind != store::WatchKind::kDyad) return stored;
  // Store::AddWatch starts the event cursor at the newest event; the shift cursor must start
  // at the latest turn the dyad already had, or the first new event would report old turns.
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::Shift> shifts, DyadShifts(stored));
  if (shifts.empty()) return stored;
  std::string latest;
  for (const store::Shift& s : shifts) latest = std::max(latest, s.period);
  VIGIE_RETURN_IF_ERROR(store_.SetWatchCursor(stored.id, stored.last_event_id, latest));
  stored.last_shift = latest;
  return stored;
}

Result<std::vector<store::Alert>> AlertEngine::Evaluate() {
  // Events stored while we evaluate (a concurrent `vigie ingest`) wait for the next round:
  // every watch reads up to the same id.
  VIGIE_ASSIGN_OR_RETURN(int64_t up_to, store_.LastEventId());
  VIGIE_ASSIGN_OR_RETURN(std::vector<store::Watch> watches, store_.Watches());
  std::vector<store::Alert> raised;
  for (const store::Watch& w : watches) {
    VIGIE_RETURN_IF_ERROR(EvaluateWatch(w, up_to, &raised));
  }
  return raised;
}

Status AlertEngine::EvaluateWatch(const store::Watch& w, int64_t up_to,
                                  std::vector<store::Alert>* raised) {
  if (w.last_event_id >= up_to) return Status::OK();
  const store::EventFilter filter = FilterOf(w, w.last_event_id);
  std::vector<int64_t> ids;
  std::optional<store::EventRecord> worst;  // the most severe: lowest Goldstein, then newest
  for (int64_t offset = 0;; offset += kPageSize) {
    VIGIE_ASSIGN_OR_RETURN(store::EventPage page,
                           store_.Events(filter, store::Page{kPageSize, offset}));
    for (store::EventRecord& e : page.events) {
      if (e.id > up_to) continue;
      ids.push_back(e.id);
      if (!worst || e.goldstein < worst->goldstein ||
          (e.goldstein == worst->goldstein && e.id > worst->id)) {
        worst = std::move(e);
      }
    }
    if (!page.more) break;
  }

  std::vector<store::Alert> alerts;  // stored with the cursor, in one transaction
  auto add = [&](store::Alert a) {
    a.watch_id = w.id;
    a.label = w.label;
    a.created = Now();
    alerts.push_back(std::move(a));
  };

  std::string last_shift = w.last_shift;
  if (!ids.empty()) {
    std::sort(ids.begin(), ids.end(), std::greater<>());
    const size_t total = ids.size();
    if (ids.size() > options_.max_event_ids) ids.resize(options_.max_event_ids);
    store::Alert a;
    a.kind = "events";
    a.title = w.label + ": " + std::to_string(total) + (total == 1 ? " new event" : " new events");
    a.summary = (total == 1 ? "" : "Most severe: ") + Describe(*worst);
    a.event_ids = std::move(ids);
    add(std::move(a));

    // A relation can only turn when it gets events, so shifts are looked for only then.
    if (w.kind == store::WatchKind::kDyad) {
      VIGIE_ASSIGN_OR_RETURN(std::vector<store::Shift> shifts, DyadShifts(w));
      for (const store::Shift& s : shifts) {  // in time order
        if (s.period <= w.last_shift) continue;
        store::Alert sa;
        sa.kind = "shift";
        sa.period = s.period;
        sa.title = w.label + ": turn towards " + s.direction + " in " + s.period;
        sa.summary = "Mean Goldstein score " + Fixed(s.before_mean, "%.2f") + " → " +
                     Fixed(s.after_mean, "%.2f") + " (" + Fixed(s.magnitude, "%+.2f") +
                     ", t = " + Fixed(s.t, "%.1f") + ") over " + std::to_string(s.before_events) +
                     " events before and " + std::to_string(s.after_events) + " after.";
        if (!s.events.empty()) sa.summary += " Turning event: " + Describe(s.events.front());
        for (const store::EventRecord& e : s.events) sa.event_ids.push_back(e.id);
        add(std::move(sa));
        last_shift = std::max(last_shift, s.period);
      }
    }
  }
  VIGIE_RETURN_IF_ERROR(store_.AdvanceWatch(w.id, alerts, up_to, last_shift));
  for (store::Alert& a : alerts) raised->push_back(std::move(a));
  return Status::OK();
}

}  // namespace vigie::watch
