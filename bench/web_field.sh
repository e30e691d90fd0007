#!/usr/bin/env bash
# The web stage of make bench (BENCH_STAGES=web runs it alone): the field app on a slow phone in
# headless Chromium (bench/web_field.mjs: 400/200 kbps, 400 ms latency, CPU 4x slower): first
# load of the shell and the first screen, and the field screens opened from the device store
# with BENCH_WEB_HOUSEHOLDS (default 2,000) households in the working set. Serves web/dist (make
# build-web) from a demo database. Appends its table to bench/results/results.md.
set -euo pipefail
BIN=$(realpath "${1:-build-release/apps/mobilise/mobilise}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
. "$ROOT/bench/lib.sh"

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || [ ! -d "$ROOT/tests/node_modules/playwright-core" ]; then
  echo "== web: skipped (no Chromium or playwright-core; make deps-npm)"; exit 0
fi
DB="sqlite:$WORK/web.db"
"$BIN" --database "$DB" --log-level warn demo --households 2000 --seed 1 >/dev/null
start_server "$DB"
echo "== web: field app on a throttled phone ($BASE)"
json=$(node "$ROOT/bench/web_field.mjs" "$BASE")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$json"
rows=$(echo "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
l, s = d["first_load"], d["local_screens"]
kb = lambda b: "%.0f KB" % (b / 1024)
for k, name in (("shell", "first load: sign-in page (shell)"), ("first_screen", "first load: sign-in to the home screen"), ("total", "first load: shell + first screen")):
    print("| %s | %s | %.1f s |" % (name, kb(l[k]["bytes"]), l[k]["seconds"]))
for name, ms in s["open_ms"].items():
    print("| %s, %d households on the phone, offline | | %d ms |" % (name, s["households"], ms))
')
report=$(cat <<EOT
## $(date -u +%Y-%m-%dT%H:%MZ) $(git -C "$ROOT" rev-parse --short HEAD) web (field app)
Machine: $(machine). Headless Chromium, 360x740, Network.emulateNetworkConditions 400 kbps down / 200 kbps up / 400 ms latency (first load), Emulation.setCPUThrottlingRate 4 (all). Screen times: median of 5 openings, hash change to the screen drawn. Load average (1, 5, 15 min) when the screens were timed: $LOAD.

| figure | bytes | time |
|---|---|---|
$rows
EOT
)
append_report "$report"
