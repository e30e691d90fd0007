#!/usr/bin/env bash
# The activity stage of make bench (BENCH_STAGES=activities runs it alone): issue 4's sizes,
# 2,000,000 activities and about 20,000,000 participant rows (named + counted) over a registry of
# BENCH_ACT_HOUSEHOLDS households (`mobilise demo --activities N`), then, with one client, one
# request at a time: creating an activity with 30 named participants through the HTTP API, a
# district's verification queue, monthly counts by type x topic x sex of a district and of a
# province. Aims (issue 4): p99 < 20 ms for the write and the district queries, < 500 ms for the
# province. First checks the generated rows' invariants, derived data included, on a small
# database (bench/check_activities.sql). Appends its table to bench/results/results.md.
# Usage: bench/activity_stage.sh BIN [DB_PATH] — with DB_PATH an existing database made by the
# same demo command is reused (generation not timed again).
set -euo pipefail
BIN=$(realpath "${1:-build-release/apps/mobilise/mobilise}")
HOUSEHOLDS=${BENCH_ACT_HOUSEHOLDS:-200000}
ACTIVITIES=${BENCH_ACTIVITIES:-2000000}
YEARS=${BENCH_ACTIVITY_YEARS:-4}
CREATES=${BENCH_CREATES:-500}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
stage_scratch

echo "== activities: invariants of the generated rows (2,000 households, 20,000 activities)"
"$BIN" --database "sqlite:$WORK/check.db" --log-level warn demo --households 2000 --seed 1 \
  --activities 20000 >/dev/null
check=$(sqlite3 "$WORK/check.db" < "$ROOT/bench/check_activities.sql")
echo "$check"
broken=$(echo "$check" | awk -F': ' '$2 != 0' | tr '\n' ';')
rm -f "$WORK"/check.db*

DBFILE=${2:-}
gen="(reused $DBFILE)"
if [ -z "$DBFILE" ]; then
  DBFILE="$WORK/activities.db"
  echo "== demo: $HOUSEHOLDS households, $ACTIVITIES activities over $YEARS years"
  t0=$(now_ms)
  demo_out=$("$BIN" --database "sqlite:$DBFILE" --log-level warn demo --households "$HOUSEHOLDS" \
    --seed 1 --activities "$ACTIVITIES" --activity-years "$YEARS")
  total_s=$(echo "scale=1; ($(now_ms)-$t0)/1000" | bc)
  bulk_s=$(echo "$demo_out" | sed -n 's/^activities written in bulk in \([0-9.]*\) s/\1/p')
  gen="${total_s} s in all, of which the activities ${bulk_s%.*} s ($(echo "$ACTIVITIES/$bulk_s" | bc) activities/s)"
  echo "$demo_out" | sed -n '/^registry/p;/^activities/p'
fi
DB="sqlite:$DBFILE"
sizes=$(sqlite3 "$DBFILE" "SELECT (SELECT COUNT(*) FROM activity) || ' activities (' ||
  (SELECT COUNT(*) FROM activity WHERE counted_total = 0) || ' named only, ' ||
  (SELECT COUNT(*) FROM activity x WHERE NOT EXISTS (SELECT 1 FROM activity_topic t WHERE
  t.activity_id = x.id)) || ' without a topic), ' ||
  (SELECT COUNT(*) FROM attendance) || ' named + ' || (SELECT COUNT(*) FROM activity_count) ||
  ' counted participant rows, ' || (SELECT COUNT(*) FROM activity_rollup) || ' roll-up rows; ' ||
  (SELECT COUNT(*) FROM person) || ' people in ' ||
  (SELECT COUNT(*) FROM household) || ' households, ' || (SELECT COUNT(*) FROM area WHERE level = 5) ||
  ' villages, ' || (SELECT COUNT(*) FROM area WHERE level = 2) || ' districts'")
db_mb=$(( $(du -bc "$DBFILE"* | tail -1 | cut -f1) / 1048576 ))
echo "$sizes; $db_mb MB"

start_server "$DB"
cookie=$(login admin admin-demo-pass)
mgr_cookie=$(login manager.d1 demo-pass)
area_id() {  # code level
  curl -s -H "cookie: $cookie" "$BASE/api/v1/areas?q=$1&level=$2&limit=5" |
    python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin)["items"] if a["code"] == sys.argv[1]][0])' "$1"
}
district=$(area_id P1-D1 2)
province=$(area_id P1 1)
queue_total=$(curl -s -H "cookie: $mgr_cookie" "$BASE/api/v1/activities?queue=true&area=$district&limit=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
in_year() {  # area -> verified activities of the last year in the area
  sqlite3 "$DBFILE" "SELECT COUNT(*) FROM activity x JOIN area a ON a.id = '$1'
    WHERE x.area_path >= a.path AND x.area_path < a.path || '~' AND x.status = 'verified'
    AND x.held_on >= date('now', '-1 year')"
}
district_year=$(in_year "$district")
province_year=$(in_year "$province")

row() {  # name aim cookie path n
  echo "   $1" >&2
  read -r p50 p99 n bad < <(python3 "$ROOT/bench/latency.py" "$BASE" "$3" "$4" "$5")
  printf '| %s | %s ms | %s ms | %s | %s | %s |\n' "$1" "$p50" "$p99" "$n" "$bad" "$2"
}
echo "== requests (one client)"
echo "   activity creation with 30 named participants"
read -r create_p50 create_p99 create_n < <(python3 "$ROOT/bench/activity_bench.py" "$BASE" "$CREATES")
rows=$(
  printf '| activity creation with 30 named participants (POST, mobiliser) | %s ms | %s ms | %s | 0 | p99 < 20 ms |\n' \
    "$create_p50" "$create_p99" "$create_n"
  row "verification queue of a district, first page ($queue_total waiting, manager)" "p99 < 20 ms" \
    "$mgr_cookie" "/api/v1/activities?queue=true&area=$district" 1000
  row "monthly counts by type x topic x sex, a district (last year: $district_year verified)" "p99 < 20 ms" \
    "$cookie" "/api/v1/activities/summary?area=$district" 200
  row "monthly counts by type x topic x sex, a province (last year: $province_year verified)" "p99 < 500 ms" \
    "$cookie" "/api/v1/activities/summary?area=$province" 50
)
rss_kb=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)
stop_server

machine=$(machine)
report=$(cat <<EOT
## $(date -u +%Y-%m-%dT%H:%MZ) $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown) — activities at issue 4's size
Machine: $machine. Server: SQLite, 4 HTTP threads (the default); one client, one request at a time, on 127.0.0.1 (same machine).

| figure | value |
|---|---|
| database | $sizes; $db_mb MB (SQLite) |
| generation (\`demo --households $HOUSEHOLDS --activities $ACTIVITIES --activity-years $YEARS\`) | $gen |
| generated rows' invariants (bench/check_activities.sql, small database) | ${broken:-all hold} |
| server peak RSS after the requests | $((rss_kb / 1024)) MB |

| request | p50 | p99 | requests | non-2xx | aim |
|---|---|---|---|---|---|
$rows
EOT
)
append_report "$report"
