# Sourced by the bench scripts (run.sh, activity_stage.sh): a server started on a free port and
# waited for, a session cookie, the machine's description. Expects ROOT (the checkout), BIN (the
# binary) and WORK (a scratch directory); sets SERVER_PID and BASE.
now_ms() { date +%s%3N; }

# A stage's scratch directory (WORK), removed with the stage's server when the script exits.
stage_scratch() {
  WORK=$(mktemp -d)
  SERVER_PID=
  trap stage_cleanup EXIT
}
stage_cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}

start_server() {  # database URL: serves it on 127.0.0.1, returns once /healthz answers
  rm -f "$WORK/port"
  "$BIN" --database "$1" --log-level warn serve --listen 127.0.0.1:0 --port-file "$WORK/port" \
    --web-root "$ROOT/web/dist" --data-dir "$WORK" &
  SERVER_PID=$!
  while [ ! -f "$WORK/port" ]; do sleep 0.005; done
  BASE="http://127.0.0.1:$(cat "$WORK/port")"
  until curl -sf "$BASE/healthz" >/dev/null; do sleep 0.005; done
}

stop_server() {
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}

login() {  # username password -> the session cookie (mobilise_session=...) at $BASE
  curl -s -D - -o /dev/null -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$BASE/api/v1/session" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(mobilise_session=[0-9a-f]*\).*/\1/p'
}

machine() {
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
}

append_report() {  # text: printed, and appended to bench/results/results.md
  echo
  echo "$1"
  mkdir -p "$ROOT/bench/results"
  printf '%s\n\n' "$1" >> "$ROOT/bench/results/results.md"
  echo "(appended to bench/results/results.md)"
}
