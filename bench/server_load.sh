#!/usr/bin/env bash
# bench/server_load.sh VIGIE DB [SECONDS] — load test of `vigie serve` with wrk on loopback:
# 64 connections, 2 wrk threads, SECONDS (default 15) per endpoint, against the busiest dyad of
# DB. Prints sustained requests/s, p50/p99 latency and errors for the dyad and events endpoints,
# and for a static file of the same server (the HTTP layer alone: the ceiling the API can reach
# on this machine in the same run). Exits 1 when any request failed.
set -euo pipefail
VIGIE="$1"
DB="$2"
SECS="${3:-15}"
command -v wrk >/dev/null || { echo "server_load: wrk not installed (scripts/install-deps)" >&2; exit 2; }
WEB="$(mktemp -d)"
LOG="$(mktemp)"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WEB" "$LOG"' EXIT
echo '<!doctype html><title>load</title>' > "$WEB/index.html"
"$VIGIE" serve --db "$DB" --port 0 --threads 64 --web "$WEB" 2>"$LOG" &
PID=$!
for _ in $(seq 100); do
  grep -q "listening on" "$LOG" && break
  sleep 0.1
done
BASE="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$LOG")"
[ -n "$BASE" ] || { cat "$LOG" >&2; exit 2; }
DYAD="$(curl -fsS "${BASE}api/top?kind=dyads&limit=1" | python3 -c \
  'import json,sys; r=json.load(sys.stdin)["rows"][0]; print(r["a"], r["b"], r["events"])')"
read -r A B N <<<"$DYAD"
echo "database $DB: busiest dyad $A-$B ($N events); wrk -t2 -c64 -d${SECS}s --latency"
printf '%-46s %10s %9s %9s %7s\n' endpoint "req/s" "p50" "p99" errors
status=0
for path in "api/dyad?a=$A&b=$B&by=month" "api/events?a=$A&b=$B&limit=50" \
            "api/events?actor=$A&quad=4&limit=50" "index.html"; do
  out="$(wrk -t2 -c64 -d"${SECS}s" --latency "${BASE}${path}")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  sock="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")"
  errors=$(( ${non2xx:-0} + ${sock:-0} ))
  [ "$errors" -eq 0 ] || status=1
  printf '%-46s %10s %9s %9s %7s\n' "/$path" "$rps" "$p50" "$p99" "$errors"
done
exit $status
