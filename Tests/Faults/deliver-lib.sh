# Helpers for the delivery fault scenarios (Tests/Faults/scenarios/deliver-*.sh): a private journald in a
# private mount namespace, the daemon under test, articles, and the lost/duplicated count.
# Source after "$FAULTS_LIB". The scenario must already run under `unshare --mount` (deliver_reexec).

DELIVER_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# deliver_reexec "$0" "$@": run the scenario again in a private mount namespace (before sourcing lib.sh).
deliver_reexec() {
    [ -n "${DELIVER_PRIVATE_NS:-}" ] && return 0
    [ "$(id -u)" = 0 ] || { echo "needs root (private mount namespace, tmpfs, systemd-journald)"; exit 77; }
    command -v unshare >/dev/null || { echo "needs unshare"; exit 77; }
    [ -x /lib/systemd/systemd-journald ] || { echo "needs /lib/systemd/systemd-journald"; exit 77; }
    command -v journalctl >/dev/null || { echo "needs journalctl"; exit 77; }
    command -v python3 >/dev/null || { echo "needs python3"; exit 77; }
    DELIVER_PRIVATE_NS=1 exec unshare --mount --propagation private bash "$@"
}

JOURNALD_PID=
# A fresh /run with a volatile journald that keeps only what this scenario logs, no rate limit.
journald_setup() {
    mount -t tmpfs -o mode=0755 tmpfs /run
    [ -d /var/log/journal ] && mount -t tmpfs -o mode=2755 tmpfs /var/log/journal
    mkdir -p /run/systemd/journal /run/log/journal /run/systemd/journald.conf.d
    printf '[Journal]\nStorage=volatile\nReadKMsg=no\nForwardToSyslog=no\nForwardToWall=no\nForwardToConsole=no\nRateLimitIntervalSec=0\n' \
        >/run/systemd/journald.conf.d/zz-tariffwatch-faults.conf
    journald_start
}
journald_start() {
    rm -f /run/systemd/journal/socket
    /lib/systemd/systemd-journald >/dev/null 2>&1 &
    JOURNALD_PID=$!
    FAULT_PIDS+=("$JOURNALD_PID")
    wait_until 5 test -S /run/systemd/journal/socket || fail "systemd-journald did not start"
}
# The socket file stays, as when journald dies under systemd: sends fail with ECONNREFUSED.
journald_kill() {
    kill "$JOURNALD_PID"; wait "$JOURNALD_PID" 2>/dev/null || true
}
journal_json() { journalctl --sync 2>/dev/null || true; journalctl -o json --no-pager; }

DAEMON_PID=
# daemon_start [extra args]: the daemon on $FAULT_DIR/{inbox,state}; its output in $FAULT_DIR/daemon.log.
daemon_start() {
    mkdir -p "$FAULT_DIR/inbox" "$FAULT_DIR/state" "$FAULT_DIR/staging"
    "$TARIFFWATCH_BIN" run --watch-dir "$FAULT_DIR/inbox" --state-dir "$FAULT_DIR/state" "$@" >>"$FAULT_DIR/daemon.log" 2>&1 &
    DAEMON_PID=$!
    FAULT_PIDS+=("$DAEMON_PID")
    wait_until 10 test -e "$FAULT_DIR/state/tariffwatch.sqlite" || fail "the daemon did not create its state"
}
daemon_alive() { kill -0 "$DAEMON_PID" 2>/dev/null; }
daemon_kill9() { kill -9 "$DAEMON_PID" 2>/dev/null || true; wait "$DAEMON_PID" 2>/dev/null || true; }
daemon_term() { kill -TERM "$DAEMON_PID"; local rc=0; wait "$DAEMON_PID" || rc=$?; return "$rc"; }

# articles FROM COUNT [TAG]: COUNT articles into staging, each one new tariff fact (a distinct country pair
# and rate), dated 2026-05-04; then `drop` moves them into the inbox at once.
articles() {
    python3 - "$FAULT_DIR/staging" "$1" "$2" "${3:-a}" <<'PY'
import os, sys, itertools
folder, start, count, tag = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
countries = ["Japan", "Canada", "Mexico", "India", "Brazil", "Australia", "Indonesia", "Turkey", "Argentina",
             "Vietnam", "Thailand", "Chile", "Peru", "Egypt", "Kenya", "Norway", "Malaysia", "Colombia"]
pairs = [(a, b) for a in countries for b in countries if a != b]
for i in range(start, start + count):
    a, b = pairs[i % len(pairs)]
    rate = 5 + (i // len(pairs)) * 5
    path = os.path.join(folder, f"{tag}-{i:05d}.txt")
    with open(path, "w") as f:
        f.write(f"{a} will impose {rate}% tariffs on imports from {b} starting June 1, officials said on Monday.\n")
    os.utime(path, (1777896000, 1777896000))
PY
}
drop() { mv "$FAULT_DIR"/staging/*.txt "$FAULT_DIR/inbox/"; }

# status KEY: one figure of `tariffwatch status --json`.
status() {
    "$TARIFFWATCH_BIN" status --state-dir "$FAULT_DIR/state" --json 2>/dev/null |
        python3 -c "import json,sys; print(json.load(sys.stdin).get('$1', -1))" 2>/dev/null || echo -1
}
settled() { [ "$(status files_processed)" = "$1" ] && [ "$(status alerts_pending)" = 0 ]; }

# check [FEED]: compares the outbox with the journal (and the feed): prints raised, lost, duplicated, ...
check() {
    journal_json >"$FAULT_DIR/journal.json"
    python3 "$DELIVER_HERE/deliver-check.py" "$FAULT_DIR/state/tariffwatch.sqlite" "$FAULT_DIR/journal.json" \
        "${1:-$FAULT_DIR/state/feed.json}"
}
# figure NAME TEXT: the value of NAME=... in TEXT.
figure() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# mount_tmpfs SIZE DIR: a small file system for disk-full faults, unmounted before the folder is removed.
DELIVER_MOUNTS=()
mount_tmpfs() {
    mkdir -p "$2"
    mount -t tmpfs -o "size=$1" tmpfs "$2"
    DELIVER_MOUNTS+=("$2")
}
fault_cleanup() {
    for pid in "${FAULT_PIDS[@]:-}"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; done
    for pid in "${FAULT_PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
    for dir in "${DELIVER_MOUNTS[@]:-}"; do [ -n "$dir" ] && umount "$dir" 2>/dev/null || true; done
    rm -rf "$FAULT_DIR"
}

# A failure shows the daemon's own output and what it logged to the journal.
fail() {
    echo "FAIL: $*" >&2
    if [ -n "${FAULT_DIR:-}" ] && [ -f "$FAULT_DIR/daemon.log" ]; then
        echo "--- daemon output (last 15 lines)" >&2; tail -n 15 "$FAULT_DIR/daemon.log" >&2
    fi
    if [ -n "$JOURNALD_PID" ] && kill -0 "$JOURNALD_PID" 2>/dev/null; then
        echo "--- journal (tariffwatch, last 15)" >&2
        timeout 5 journalctl --no-pager -o cat -t tariffwatch 2>/dev/null | grep -v '^New ' | tail -n 15 >&2 || true
    fi
    exit 1
}
# status_is KEY VALUE / status_at_least KEY VALUE: for wait_until (which runs its command again each time).
status_is() { [ "$(status "$1")" = "$2" ]; }
status_at_least() { [ "$(status "$1")" -ge "$2" ]; }
