#!/usr/bin/env bash
# The server's memory over one large household import (issue 15: imports read the whole upload
# into memory): a CSV of BENCH_IMPORT_RSS_HOUSEHOLDS households (default 38,000: about 190,000
# rows, near the 200,000-row limit), sent as a dry run and then loaded, into a small demo
# programme on SQLite. Prints the server's resident memory before, its peak (VmHWM) during each
# run and what it keeps after, and appends the table to bench/results/. A figure to read, not
# to assert: `bench/import_rss.sh build/apps/mobilise/mobilise`.
set -euo pipefail
BIN=$(realpath "${1:-build-release/apps/mobilise/mobilise}")
HOUSEHOLDS=${BENCH_IMPORT_RSS_HOUSEHOLDS:-38000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
stage_scratch

DB="sqlite:$WORK/bench.db"
"$BIN" --database "$DB" --log-level warn demo --households 300 --seed 1 >/dev/null
start_server "$DB"
cookie=$(login admin admin-demo-pass)
csrf=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/session" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
villages=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=P2-D1-T1-U1-V&level=5&limit=50" |
  python3 -c 'import json,sys; print(",".join(a["code"] for a in json.load(sys.stdin)["items"]))')
python3 "$ROOT/bench/household_csv.py" "$HOUSEHOLDS" "$villages" > "$WORK/import.csv"
rows=$(($(wc -l < "$WORK/import.csv") - 1))
mib() { awk -v k="$1" '$1==k":" {printf "%d", $2/1024}' "/proc/$SERVER_PID/status"; }

# VmHWM is the peak since start; resetting it (writing 5 to clear_refs) makes it per run.
reset_peak() { echo 5 > "/proc/$SERVER_PID/clear_refs" 2>/dev/null || true; }
import_run() {  # dry_run -> "peak after seconds ok"
  reset_peak
  local t0 t1
  t0=$(now_ms)
  curl -s -o "$WORK/import.out" -H "cookie: $cookie" -H "x-csrf-token: $csrf" \
    -H 'content-type: text/csv' --data-binary @"$WORK/import.csv" \
    "$BASE/api/v1/households/import?dry_run=$1"
  t1=$(now_ms)
  local ok
  ok=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["ok"], d.get("created", 0), len(d["errors"]))' "$WORK/import.out")
  echo "$(mib VmHWM) $(mib VmRSS) $(echo "scale=1; ($t1-$t0)/1000" | bc) $ok"
}
before=$(mib VmRSS)
read -r dry_peak dry_after dry_s dry_ok _ dry_errors < <(import_run true)
read -r load_peak load_after load_s load_ok created load_errors < <(import_run false)
stop_server

append_report "### Import memory, $(date -u +%Y-%m-%d) ($(git -C "$ROOT" rev-parse --short HEAD))
$(machine)

| household CSV: $HOUSEHOLDS households, $rows rows, $(($(stat -c %s "$WORK/import.csv") / 1048576)) MiB | server RSS before | peak during | RSS after | seconds |
|---|---|---|---|---|
| dry run (ok $dry_ok, $dry_errors errors) | $before MiB | $dry_peak MiB | $dry_after MiB | $dry_s |
| load (ok $load_ok, created $created, $load_errors errors) | $dry_after MiB | $load_peak MiB | $load_after MiB | $load_s |"
