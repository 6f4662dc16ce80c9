#!/usr/bin/env bash
# Fault-injection suite (`make test-faults`): runs every Tests/Faults/scenarios/*.sh against a built
# tariffwatch binary and prints one PASS / FAIL / SKIP line per scenario with the figures it measured.
# A scenario exits 0 (pass), 77 (skipped: says why on stderr) or anything else (fail).
# Usage: Tests/Faults/run.sh BINARY [SCENARIO-NAME-SUBSTRING]
set -uo pipefail
shopt -s nullglob
bin=$(realpath "$1"); filter=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
export TARIFFWATCH_BIN=$bin FAULTS_LIB=$here/lib.sh
failed=0 passed=0 skipped=0
for scenario in "$here"/scenarios/*.sh; do
    name=$(basename "$scenario" .sh)
    [ -n "$filter" ] && [[ $name != *"$filter"* ]] && continue
    log=$(mktemp /tmp/tariffwatch-fault.XXXXXX.log)
    start=$(date +%s)
    bash "$scenario" >"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    case $rc in
        0) passed=$((passed + 1)); echo "PASS $name (${took}s): $(grep '^RESULT' "$log" | sed 's/^RESULT //' | paste -sd';' -)";;
        77) skipped=$((skipped + 1)); echo "SKIP $name: $(tail -n 1 "$log")";;
        *) failed=$((failed + 1)); echo "FAIL $name (exit $rc, ${took}s):"; tail -n 40 "$log" | sed 's/^/    /';;
    esac
    rm -f "$log"
done
echo "fault scenarios: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
