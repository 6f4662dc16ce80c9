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

# --- daemon helpers for the watch-* scenarios ---
# The system Python: a pyenv shim first in PATH costs half a second per call.
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=python3; fi
# article N COUNTRY: one line that raises exactly one tariff alert (a distinct fact per country).
article() { echo "$2 will impose $(( ($1 % 90) + 5 ))% tariffs on US steel from April 1, 2027."; }
# drop_article DIR NAME TEXT: written elsewhere, dated yesterday, renamed in (how careful writers deliver).
drop_article() {
    local staged="$FAULT_DIR/staging/$2"
    mkdir -p "$FAULT_DIR/staging"
    printf '%s\n' "$3" >"$staged"
    touch -d "yesterday 12:00" "$staged"
    mv "$staged" "$1/$2"
}
# start_daemon NAME ARGS...: runs `tariffwatch run ARGS` in the background, stderr+stdout to $FAULT_DIR/NAME.log;
# sets DAEMON_PID.
start_daemon() {
    local name=$1; shift
    "$TARIFFWATCH_BIN" run "$@" >>"$FAULT_DIR/$name.log" 2>&1 &
    DAEMON_PID=$!
    FAULT_PIDS+=("$DAEMON_PID")
}
# stop_daemon PID: SIGTERM and wait; sets STOP_STATUS to its exit status (call it directly, not in "$(...)":
# only this shell can wait for its child).
stop_daemon() {
    kill -TERM "$1" 2>/dev/null || true
    STOP_STATUS=0
    wait "$1" || STOP_STATUS=$?
}
# status_field STATE KEY: one number from `tariffwatch status --json`.
status_field() {
    "$TARIFFWATCH_BIN" status --state-dir "$1" --json 2>/dev/null | grep -o "\"$2\":[0-9]*" | cut -d: -f2
}
# feed_count FEED: items in the JSON Feed (0 while it does not exist); feed_duplicates FEED: repeated ids.
feed_count() {
    [ -f "$1" ] || { echo 0; return; }
    "$PY" -c "import json,sys; print(len(json.load(open(sys.argv[1]))['items']))" "$1"
}
feed_duplicates() {
    [ -f "$1" ] || { echo 0; return; }
    "$PY" -c "
import json,sys,collections
items=json.load(open(sys.argv[1]))['items']
print(sum(n-1 for n in collections.Counter(i['id'] for i in items).values()))" "$1"
}
# now_ms: milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Predicates for wait_until (evaluated on every poll, unlike "$(...)" in its arguments).
feed_has() { [ "$(feed_count "$2")" = "$1" ]; }
status_is() { [ "$(status_field "$1" "$2")" = "$3" ]; }
# handled_after_ms STATE PATH: milliseconds from PATH's creation (its ctime) until the daemon recorded it in
# the state as processed or rejected (the state's own timestamps), or "none". Measures the daemon, not
# the polling of this script.
handled_after_ms() {
    "$PY" - "$1/tariffwatch.sqlite" "$2" <<'PY'
import datetime, os, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
row = db.execute("SELECT rejected_at FROM rejections WHERE path = ? UNION ALL SELECT processed_at FROM files WHERE path = ?",
                 (sys.argv[2], sys.argv[2])).fetchone()
if row is None:
    print("none"); sys.exit()
when = datetime.datetime.fromisoformat(row[0].replace(" ", "T")).replace(tzinfo=datetime.timezone.utc)
created = os.lstat(sys.argv[2]).st_ctime_ns / 1e9
print(max(0, round((when.timestamp() - created) * 1000)))
PY
}
