#!/usr/bin/env bash
# The sync stage of make bench (BENCH_STAGES=sync runs it alone): issue 14's figures. A demo
# programme, then BENCH_SYNC_IMPORT households (about five people each) imported into one union
# council so that it holds about 2,000 households / 10,000 people, with its institutions and a
# year of its activities from the demo. A mobiliser's first sync and, after 30 changes, their
# incremental sync (bench/sync_bench.py: pages, records, bytes gzipped and as JSON, server time,
# the time over a 400 kbps / 400 ms link computed from the bytes); then a no-change sync
# (the mobiliser's current cursor): closed loop under wrk with BENCH_SYNC_CLIENTS connections
# (throughput, p50, p99: each connection sends its next request as soon as it has its answer, so
# p99 is about connections / throughput), one connection alone, and open loop
# (bench/sync_load.py) at the rates of BENCH_SYNC_DEVICES devices: each syncing every 5 minutes
# for BENCH_SYNC_OPEN_SECONDS, and all of them within 10 s (three such bursts). Aims (issue 14):
# first sync < 600 KB and < 20 s; a day's sync < 30 KB and < 3 s; a no-change sync < 5 ms p99 at
# 500 devices. Appends its table, with the load average, to bench/results/results.md.
# Usage: bench/sync_stage.sh BIN
set -euo pipefail
BIN=$(realpath "${1:-build-release/apps/mobilise/mobilise}")
HOUSEHOLDS=${BENCH_SYNC_HOUSEHOLDS:-20000}
IMPORT=${BENCH_SYNC_IMPORT:-1650}
CLIENTS=${BENCH_SYNC_CLIENTS:-500}
DURATION=${BENCH_SYNC_DURATION:-10s}
DEVICES=${BENCH_SYNC_DEVICES:-500}
OPEN_SECONDS=${BENCH_SYNC_OPEN_SECONDS:-120}
UC=P1-D1-T1-U1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
stage_scratch

DB="sqlite:$WORK/sync.db"
echo "== sync: demo of $HOUSEHOLDS households, then $IMPORT more in $UC"
"$BIN" --database "$DB" --log-level warn demo --households "$HOUSEHOLDS" --seed 1 >/dev/null
start_server "$DB"
cookie=$(login admin admin-demo-pass)
csrf=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/session" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
villages=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=$UC-V&level=5&limit=50" |
  python3 -c 'import json,sys; print(",".join(a["code"] for a in json.load(sys.stdin)["items"]))')
python3 "$ROOT/bench/household_csv.py" "$IMPORT" "$villages" 14 > "$WORK/import.csv"
curl -s -o /dev/null -H "cookie: $cookie" -H "x-csrf-token: $csrf" -H 'content-type: text/csv' \
  --data-binary @"$WORK/import.csv" "$BASE/api/v1/households/import?dry_run=false"
scope=$(sqlite3 "$WORK/sync.db" "WITH uc AS (SELECT path AS lo, substr(path, 1, length(path) - 1)
  || '0' AS hi FROM area WHERE code = '$UC') SELECT
  (SELECT COUNT(*) FROM household, uc WHERE area_path >= lo AND area_path < hi) || ' households, ' ||
  (SELECT COUNT(*) FROM person, uc WHERE area_path >= lo AND area_path < hi) || ' people, ' ||
  (SELECT COUNT(*) FROM institution, uc WHERE area_path >= lo AND area_path < hi) || ' institutions, ' ||
  (SELECT COUNT(*) FROM membership, uc WHERE area_path >= lo AND area_path < hi) || ' memberships, ' ||
  (SELECT COUNT(*) FROM activity, uc WHERE area_path >= lo AND area_path < hi
   AND held_on >= date('now', '-365 days')) || ' activities of the last year, ' ||
  (SELECT COUNT(*) FROM feedback, uc WHERE area_path >= lo AND area_path < hi) || ' feedback'")
echo "$scope"

out=$(cd "$ROOT/bench" && python3 sync_bench.py "$BASE" mobiliser.u1 demo-pass admin-demo-pass "$UC")
echo "$out"
v() { echo "$out" | sed -n "s/^$1 //p"; }
kb() { echo "scale=1; $1/1024" | bc; }

echo "== no-change sync, $CLIENTS connections, $DURATION"
wrk_out=$(wrk -t2 -c"$CLIENTS" -d"$DURATION" --latency -H "cookie: $(v cookie)" \
  -H 'accept-encoding: gzip' "$BASE/api/v1/sync?cursor=$(v cursor)")
rps=$(echo "$wrk_out" | awk '/Requests\/sec/ {print int($2)}')
p50=$(echo "$wrk_out" | awk '$1=="50%" {print $2}')
p99=$(echo "$wrk_out" | awk '$1=="99%" {print $2}')
errors=$(echo "$wrk_out" | awk '/Non-2xx/ {print $4}')
load_closed=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 2  # let the server finish what the closed connections left
path="/api/v1/sync?cursor=$(v cursor)"
load() { python3 "$ROOT/bench/sync_load.py" "$BASE" "$path" "$(v cookie)" "$@"; }
l() { echo "$2" | sed -n "s/^$1 //p"; }
one=$(load sequential 3000)
echo "one connection: $one"
every5=$(load open "$(echo "scale=4; $DEVICES/300" | bc)" "$OPEN_SECONDS")
echo "every 5 minutes: $every5"
burst=$(load open "$(echo "scale=4; $DEVICES/10" | bc)" 30)
echo "all within 10 s: $burst"
load_open=$(cut -d' ' -f1-3 /proc/loadavg)
stop_server
row() { echo "| $1 | $(l count "$2") | $(l errors "$2") | $(l p50_ms "$2") ms | $(l p99_ms "$2") ms | $(l max_ms "$2") ms |"; }

append_report "### Sync (issue 14), $(date -u +%Y-%m-%d), $(machine), SQLite

Scope of mobiliser.u1 ($UC): $scope.

| sync | pages | records | bytes gzipped (JSON) | server time | over 400 kbps / 400 ms (computed) | aim |
|---|---|---|---|---|---|---|
| first sync | $(v first_pages) | $(v first_records) | $(kb "$(v first_wire_bytes)") KB ($(kb "$(v first_json_bytes)") KB) | $(v first_server_s) s | $(v first_link_s) s | < 600 KB, < 20 s |
| after 30 changes | $(v incremental_pages) | $(v incremental_records) | $(kb "$(v incremental_wire_bytes)") KB ($(kb "$(v incremental_json_bytes)") KB) | $(v incremental_server_s) s | $(v incremental_link_s) s | < 30 KB, < 3 s |

No-change sync (one user's current cursor, one session for all clients). Closed loop, wrk, $CLIENTS connections, $DURATION: ${rps} req/s, p50 ${p50}, p99 ${p99}, non-2xx ${errors:-0} (load average before: $load_closed). Open loop (bench/sync_load.py: each request on a new connection, timed from the moment it was due; load average after: $load_open):

| no-change sync | requests | errors | p50 | p99 | max |
|---|---|---|---|---|---|
$(row "one connection, one request after another" "$one")
$(row "$DEVICES devices each every 5 minutes ($(echo "scale=2; $DEVICES/300" | bc)/s for $OPEN_SECONDS s)" "$every5")
$(row "$DEVICES devices within 10 s ($(echo "$DEVICES/10" | bc)/s for 30 s)" "$burst")

Aim: < 5 ms p99 at 500 devices."
