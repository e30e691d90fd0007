#!/usr/bin/env bash
# The ingest stage of make bench (BENCH_STAGES=ingest runs it alone): issue 16's figures. A small
# demo programme (for its users) on SQLite, the server started, then bench/ingest_bench.py: the
# generated 250-question form uploaded, published and assigned to a device of mobiliser.u1;
# wrk POSTs multipart submissions (XML + a new 50 KB photo each) over keep-alive with
# BENCH_INGEST_CLIENTS clients in turn (default 32 then 8) for BENCH_INGEST_SECONDS each:
# submissions/s, p50/p99, server CPU ms per submission, wrk's CPU, server peak RSS and anonymous
# memory; then more submissions through the same path up to BENCH_INGEST_EXPORT (default
# 52,000) and the CSV export of all of them, timed end to end. Reference figures of ODK Central
# beside them. Appends its table to bench/results/results.md.
# Usage: bench/ingest_stage.sh BIN
set -euo pipefail
BIN=$(realpath "${1:-build-release/apps/mobilise/mobilise}")
SECONDS_PER_RUN=${BENCH_INGEST_SECONDS:-10}
EXPORT=${BENCH_INGEST_EXPORT:-52000}
CLIENTS=${BENCH_INGEST_CLIENTS:-32 8}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
stage_scratch

DB="sqlite:$WORK/ingest.db"
echo "== ingest: demo of 2,000 households (for its users), then the 250-question form"
"$BIN" --database "$DB" --log-level warn demo --households 2000 --seed 1 >/dev/null
start_server "$DB"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC2086  # CLIENTS is a list
out=$(cd "$ROOT/bench" && python3 ingest_bench.py "$BASE" "$SERVER_PID" "$WORK" \
  "$SECONDS_PER_RUN" "$EXPORT" $CLIENTS)
load1=$(cut -d' ' -f1-3 /proc/loadavg)
db_mb=$(( $(du -sk "$WORK/ingest.db" "$WORK/ingest.db-wal" 2>/dev/null | awk '{s += $1} END {print s}') / 1024 ))
files_mb=$(( $(du -sk "$WORK/files" | cut -f1) / 1024 ))
stop_server

append_report "### OpenRosa submission ingest (issue 16), $(date -u +%Y-%m-%d) $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), $(machine), SQLite

Binary: $BIN (make bench: Release), 4 HTTP threads (the default); wrk on the same machine. Load average before: $load0, after: $load1. Database afterwards: $db_mb MB, data directory files: $files_mb MB.

$out

Aim (issue 16): at least 2,500 submissions/s, under 1 ms CPU per submission, under 100 MB of heap, the 52,000-submission CSV export under 0.5 s."
