#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each, one after the other, growing the
# build's corpus (<build>/fuzz-corpus/<target>) from the committed seeds (fuzz/corpus/<target>),
# and prints per target: executions, corpus size, findings (crash files in <build>/fuzz-findings).
# Usage: fuzz/run.sh BUILD_DIR SECONDS [target...]     (make fuzz FUZZ_SECONDS=300)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
seconds=$2
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(cd "$here/corpus" && ls))
fi
mkdir -p "$build/fuzz-findings" "$build/fuzz-logs"
failed=0
printf '%-10s %12s %8s %9s\n' target executions corpus findings
for t in "${targets[@]}"; do
  mkdir -p "$build/fuzz-corpus/$t"
  log="$build/fuzz-logs/$t.log"
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-findings/$t-" "$build/fuzz-corpus/$t" "$here/corpus/$t" \
    >"$log" 2>&1 || failed=1
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(ls "$build/fuzz-corpus/$t" | wc -l)
  findings=$(ls "$build/fuzz-findings" | grep -c "^$t-" || true)
  printf '%-10s %12s %8s %9s\n' "$t" "${execs:-?}" "$corpus" "$findings"
done
[ $failed -eq 0 ] || echo "fuzz: a target failed; see $build/fuzz-logs and $build/fuzz-findings"
exit $failed
