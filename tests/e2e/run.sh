#!/bin/sh
# Browser tests against the real server: seed a demo programme into a temporary SQLite database,
# serve it with the built web app, run the node test runner over tests/e2e, stop the server.
# Usage: run.sh <path to mobilise> <web dist dir>
# E2E_SPECS="e2e/setup_*.spec.mjs e2e/reports_*.spec.mjs" runs only those specs (paths from tests/).
# Exit status: node's; 77 (skipped) when Chromium or playwright-core is not installed.
set -u
BIN=${1:?usage: run.sh <mobilise binary> <web dist dir>}
DIST=${2:?usage: run.sh <mobilise binary> <web dist dir>}
HERE=$(cd "$(dirname "$0")" && pwd)
TESTS=$(dirname "$HERE")
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM" ]; then echo "e2e: skipped, no Chromium at $CHROMIUM" >&2; exit 77; fi
if [ ! -d "$TESTS/node_modules/playwright-core" ]; then
  echo "e2e: skipped, run 'npm ci' in tests/ (make deps-npm)" >&2; exit 77
fi
if [ ! -f "$DIST/index.html" ]; then echo "e2e: no built web app in $DIST (make build-web)" >&2; exit 1; fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mobilise-e2e.XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    i=0
    while kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    kill -KILL "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB="sqlite:$TMP/e2e.db"
"$BIN" --database "$DB" --log-level warn demo --households 200 --seed 7 >"$TMP/demo.log" 2>&1 || {
  echo "e2e: demo seeding failed" >&2; cat "$TMP/demo.log" >&2; exit 1; }

"$BIN" --database "$DB" --log-level warn serve --listen 127.0.0.1:0 --web-root "$DIST" \
  --data-dir "$TMP" --port-file "$TMP/port" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

i=0
while [ ! -s "$TMP/port" ]; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: server exited before it listened" >&2; cat "$TMP/server.log" >&2; exit 1
  fi
  if [ $i -ge 200 ]; then echo "e2e: server did not write its port within 20 s" >&2; exit 1; fi
  sleep 0.1; i=$((i + 1))
done
PORT=$(cat "$TMP/port")

cd "$TESTS" || exit 1
# shellcheck disable=SC2086  # E2E_SPECS is a list of globs
MOBILISE_BASE_URL="http://127.0.0.1:$PORT" node --test --test-concurrency=1 ${E2E_SPECS:-e2e/*.spec.mjs}
STATUS=$?
if [ $STATUS -ne 0 ]; then echo "--- server log ---" >&2; cat "$TMP/server.log" >&2; fi
exit $STATUS
