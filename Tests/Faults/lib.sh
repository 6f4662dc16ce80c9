# Shared helpers for fault scenarios: source "$FAULTS_LIB".
# Each scenario works in its own temporary folder (removed on exit), prints `RESULT key=value ...`
# lines with what it measured, and exits 0 / 77 (skip, reason on the last line) / 1.
set -euo pipefail
: "${TARIFFWATCH_BIN:?set by Tests/Faults/run.sh}"
FAULT_DIR=$(mktemp -d /tmp/tariffwatch-faults.XXXXXX)
trap 'fault_cleanup' EXIT
FAULT_PIDS=()
fault_cleanup() {
    for pid in "${FAULT_PIDS[@]:-}"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; done
    rm -rf "$FAULT_DIR"
}
skip() { echo "$*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
need_root() { [ "$(id -u)" = 0 ] || skip "needs root"; }
# wait_until SECONDS COMMAND...: polls COMMAND every 50 ms until it succeeds; 1 on timeout.
wait_until() {
    local limit=$1; shift
    local deadline=$(( $(date +%s%N) + limit * 1000000000 ))
    until "$@"; do
        [ "$(date +%s%N)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}
