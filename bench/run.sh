#!/usr/bin/env bash
# make bench: demo generation, start-up, GET throughput and latency (wrk, 64 connections, on
# 127.0.0.1), server memory. Prints a table and appends it to bench/results/. Never fails on a
# number: figures are for reading, not asserting.
# BENCH_STAGES (comma separated, default main,activities,sync,web,ingest) picks the stages: main = this script's
# 1M-household programme (SQLite, then PostgreSQL); activities = bench/activity_stage.sh, issue 4's
# 2,000,000 activities / 20,000,000 participant rows. `BENCH_STAGES=activities make bench` runs
# only the latter. sync = bench/sync_stage.sh, issue 14's sync of a union council; web =
# bench/web_field.sh, the field app on a throttled phone in headless Chromium; ingest =
# bench/ingest_stage.sh, issue 16's OpenRosa submission ingest and CSV export.
set -euo pipefail
BIN=$(realpath "${1:-build-release/apps/mobilise/mobilise}")
STAGES=${BENCH_STAGES:-main,activities,sync,web,ingest}
has_stage() { [[ ",$STAGES," == *",$1,"* ]]; }
if ! has_stage main; then
  ran=
  if has_stage activities; then "$(dirname "$0")/activity_stage.sh" "$BIN"; ran=1; fi
  if has_stage sync; then "$(dirname "$0")/sync_stage.sh" "$BIN"; ran=1; fi
  if has_stage web; then "$(dirname "$0")/web_field.sh" "$BIN"; ran=1; fi
  if has_stage ingest; then "$(dirname "$0")/ingest_stage.sh" "$BIN"; ran=1; fi
  [ -n "$ran" ] && exit 0
  echo "BENCH_STAGES=$STAGES: no stage to run (main, activities, sync, web, ingest)" >&2
  exit 2
fi
HOUSEHOLDS=${BENCH_HOUSEHOLDS:-1000000}
PG_HOUSEHOLDS=${BENCH_PG_HOUSEHOLDS:-100000}
IMPORT_HOUSEHOLDS=${BENCH_IMPORT_HOUSEHOLDS:-20000}
DURATION=${BENCH_DURATION:-10s}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  wait 2>/dev/null
  [ -f "$WORK/pg/pg_dir" ] && "$ROOT/tests/support/pg_stop.sh" "$WORK/pg" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
. "$ROOT/bench/lib.sh"

DB="sqlite:$WORK/bench.db"

echo "== demo: $HOUSEHOLDS households"
t0=$(now_ms)
demo_out=$("$BIN" --database "$DB" --log-level warn demo --households "$HOUSEHOLDS" --seed 1)
t1=$(now_ms)
areas=$(echo "$demo_out" | sed -n 's/^demo programme: \([0-9]*\) areas.*/\1/p')
registry=$(echo "$demo_out" | sed -n 's/^registry: //p')
demo_s=$(echo "scale=2; ($t1-$t0)/1000" | bc)
demo_rate=$(echo "scale=0; $areas*1000/($t1-$t0)" | bc)

echo "== start-up"
start_ms=()
for i in 1 2 3; do
  s=$(now_ms)
  start_server "$DB"
  start_ms+=($(( $(now_ms) - s )))
  if [ "$i" -lt 3 ]; then stop_server; fi
done

login_and_pick() {  # sets cookie, area, parent for the server at $BASE
  cookie=$(login admin admin-demo-pass)
  area=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=P1-D1-T1-U1&limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  parent=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=P1-D1-T1&level=3&limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  district=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=P1-D1&level=2&limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  province=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=P1&level=1&limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
}

# One client, one request at a time: the latency a user sees, without queueing behind 63 others.
run_lat() {  # name path
  local out
  out=$(wrk -t1 -c1 -d"${LAT_DURATION:-5s}" --latency -H "cookie: $cookie" "$BASE$2")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}

registry_rows() {  # prefix
  run_lat "$1summary (roll-up) of a district" "/api/v1/registry/summary?area=$district"
  run_lat "$1summary (roll-up) of a province" "/api/v1/registry/summary?area=$province"
  run_lat "$1households of a district, band + not organised" "/api/v1/households?area=$district&band=extremely_poor&organised=false"
  run_lat "$1households of a province, band + not organised" "/api/v1/households?area=$province&band=extremely_poor&organised=false"
  run_lat "$1households of a district, text search" "/api/v1/households?area=$district&q=Amina%20Khan"
  run_lat "$1institutions of a district, type + status" "/api/v1/institutions?area=$district&type=CO&status=active"
  run_lat "$1institutions of a province, type + status" "/api/v1/institutions?area=$province&type=CO&status=active"
}
login_and_pick

run_wrk() {  # name path
  local out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency -H "cookie: $cookie" "$BASE$2")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "== progress reports (one client; the first request after start-up is the cold one)"
report_period=$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m)
mpr_table() {  # label prefix: report_bench.py's lines against $BASE as table rows
  python3 "$ROOT/bench/report_bench.py" "$BASE" "$report_period" 5 |
    awk -v p="$report_period" -v pre="$1" '{split($1, f, "_"); printf "| %sMPR of a %s as %s (%s): first (cold) / warm p50 / warm max | %s / %s / %s ms |\n", pre, f[2], f[3], p, $2, $3, $4}'
}
mpr_rows=$(mpr_table "")
echo "$mpr_rows"

echo "== load"
rows=$(
  run_wrk "GET /healthz (no auth)" "/healthz"
  run_wrk "GET /api/v1/areas/{id} (authorised detail)" "/api/v1/areas/$area"
  run_wrk "GET /api/v1/areas/{id}/children (authorised list)" "/api/v1/areas/$parent/children"
  run_wrk "GET /api/v1/areas?q=P2-D2 (search in scope)" "/api/v1/areas?q=P2-D2&limit=50"
)
echo "== registry lists and roll-ups (one client)"
reg_rows=$(registry_rows "")

echo "== activities (one client)"
mgr_cookie=$(login manager.d1 demo-pass)
activity_rows=$(
  admin_cookie=$cookie
  cookie=$mgr_cookie run_lat "verification queue of a district (manager)" "/api/v1/activities?queue=true&area=$district"
  cookie=$admin_cookie
  run_lat "activities by month x type x topic x sex, a province" "/api/v1/activities/summary?area=$province"
  run_lat "activities by month x type x topic x sex, a district" "/api/v1/activities/summary?area=$district"
  run_lat "feedback summary of a province" "/api/v1/feedback/summary?area=$province"
)
read -r create_p50 create_p99 create_n < <(python3 "$ROOT/bench/activity_bench.py" "$BASE" 200)
activities=$(echo "$demo_out" | sed -n 's/^activities: //p')

echo "== household import ($IMPORT_HOUSEHOLDS households)"
villages=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=P2-D1-T1-U1-V&level=5&limit=50" |
  python3 -c 'import json,sys; print(",".join(a["code"] for a in json.load(sys.stdin)["items"]))')
python3 "$ROOT/bench/household_csv.py" "$IMPORT_HOUSEHOLDS" "$villages" > "$WORK/import.csv"
import_rows=$(($(wc -l < "$WORK/import.csv") - 1))
csrf=$(curl -s -H "cookie: $cookie" "$BASE/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
import_run() {  # dry_run -> seconds
  local t0 t1
  t0=$(now_ms)
  curl -s -o "$WORK/import.out" -H "cookie: $cookie" -H "x-csrf-token: $csrf" -H 'content-type: text/csv' \
    --data-binary @"$WORK/import.csv" "$BASE/api/v1/households/import?dry_run=$1"
  t1=$(now_ms)
  echo "scale=2; ($t1-$t0)/1000" | bc
}
dry_s=$(import_run true)
load_s=$(import_run false)
created=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["created"])' "$WORK/import.out")
import_rate=$(echo "scale=0; $IMPORT_HOUSEHOLDS/$load_s" | bc)
import_row_rate=$(echo "scale=0; $import_rows/$load_s" | bc)

rss_kb=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)
stop_server

# The same requests with PostgreSQL (a throwaway server on 127.0.0.1, as the tests use).
echo "== PostgreSQL"
PG_DIR="$WORK/pg"; mkdir -p "$PG_DIR"
pg_rows="| (PostgreSQL could not be started: see the output above) | | | | |"
pg_demo="n/a"
pg_mpr_rows="| PostgreSQL: MPR | n/a |"
if "$ROOT/tests/support/pg_start.sh" "$PG_DIR" >/dev/null; then
  PGURL=$(cat "$PG_DIR/pg_url")
  psql "$PGURL" -q -c "CREATE DATABASE bench" >/dev/null
  PGDB="${PGURL%/*}/bench"
  t0=$(now_ms)
  "$BIN" --database "$PGDB" --log-level warn demo --households "$PG_HOUSEHOLDS" --seed 1 >/dev/null
  pg_demo=$(echo "scale=2; ($(now_ms)-$t0)/1000" | bc)
  start_server "$PGDB"
  login_and_pick
  pg_rows=$(
    run_wrk "PostgreSQL: GET /api/v1/areas/{id}" "/api/v1/areas/$area"
    run_wrk "PostgreSQL: GET /api/v1/areas/{id}/children" "/api/v1/areas/$parent/children"
    run_wrk "PostgreSQL: GET /api/v1/areas?q=P2-D2" "/api/v1/areas?q=P2-D2&limit=50"
    registry_rows "PostgreSQL ($PG_HOUSEHOLDS households): "
  )
  pg_mpr_rows=$(mpr_table "PostgreSQL ($PG_HOUSEHOLDS households): ")
  echo "$pg_mpr_rows"
  stop_server
  "$ROOT/tests/support/pg_stop.sh" "$PG_DIR" >/dev/null 2>&1 || true
fi

machine=$(machine)
report=$(cat <<EOT
## $(date -u +%Y-%m-%dT%H:%MZ) $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
Machine: $machine. Server: SQLite, then PostgreSQL 15 (local, fsync off), 4 HTTP threads (the default); wrk -t2 -c64 -d$DURATION on 127.0.0.1 (same machine).

| figure | value |
|---|---|
| demo generation | $areas areas for $HOUSEHOLDS households in ${demo_s} s; registry: $registry; PostgreSQL ($PG_HOUSEHOLDS households) ${pg_demo} s |
| activity creation with 30 named participants (one client, SQLite) | p50 ${create_p50} ms, p99 ${create_p99} ms over $create_n; demo activities: $activities |
| household import (CSV, SQLite, into the 1M-household database) | $IMPORT_HOUSEHOLDS households / $import_rows rows: dry run ${dry_s} s, load ${load_s} s = $import_rate households/s ($import_row_rate rows/s); created $created |
| start-up to first healthy answer | ${start_ms[*]} ms |
| server peak RSS after load | $((rss_kb / 1024)) MB |
$mpr_rows
$pg_mpr_rows

| request | req/s | p50 | p99 | non-2xx |
|---|---|---|---|---|
$rows
$reg_rows
$activity_rows
$pg_rows
EOT
)
append_report "$report"

if has_stage activities; then
  cleanup  # the main stage's database and PostgreSQL go before the next stage's build-up
  trap - EXIT
  "$ROOT/bench/activity_stage.sh" "$BIN"
fi
if has_stage sync; then
  cleanup
  trap - EXIT
  "$ROOT/bench/sync_stage.sh" "$BIN"
fi

if has_stage web; then
  has_stage activities || has_stage sync || cleanup  # (an earlier stage cleaned up already)
  trap - EXIT
  "$ROOT/bench/web_field.sh" "$BIN"
fi

if has_stage ingest; then
  has_stage activities || has_stage sync || has_stage web || cleanup
  trap - EXIT
  "$ROOT/bench/ingest_stage.sh" "$BIN"
fi
