#!/usr/bin/env bash
# serve: `tariffwatch serve` answers /feed.json, /deadlines.ics and /healthz while the daemon writes a
# burst of articles and is killed with SIGKILL in the middle of it (leaving its WAL behind), then
# restarted. Every answer must be 200 or 304 (never a 5xx or a hang), and at the end the calendar must
# list exactly the upcoming deadlines the state holds.
source "$FAULTS_LIB"
command -v curl >/dev/null || skip "needs curl"
files=${SERVE_FAULT_FILES:-200}
inbox=$FAULT_DIR/inbox state=$FAULT_DIR/state config=$FAULT_DIR/tariffwatch.yaml
mkdir -p "$inbox" "$state" "$FAULT_DIR/staging"
: >"$config"
start_daemon() {
    "$TARIFFWATCH_BIN" run --config "$config" --watch-dir "$inbox" --state-dir "$state" >>"$FAULT_DIR/daemon.log" 2>&1 &
    daemon=$!
    FAULT_PIDS+=("$daemon")
}
start_daemon
wait_until 30 test -f "$state/feed.json" || fail "the daemon wrote no feed"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$TARIFFWATCH_BIN" serve --config "$config" --state-dir "$state" --listen "127.0.0.1:$port" >"$FAULT_DIR/serve.log" 2>&1 &
FAULT_PIDS+=("$!")
base=http://127.0.0.1:$port
wait_until 30 curl -sf -o /dev/null "$base/healthz" || fail "serve did not answer /healthz: $(tail -n 5 "$FAULT_DIR/serve.log")"

# The burst: one summit of its own per article, 2 to 61 days ahead, renamed in from a staging folder.
(
    for i in $(seq "$files"); do
        day=$(date -u -d "+$((i % 60 + 2)) days" '+%B %-d, %Y')
        printf 'Summit %d\nThe Q%d summit will be held on %s.\n' "$i" "$i" "$day" \
            >"$FAULT_DIR/staging/a$i.txt"
        mv "$FAULT_DIR/staging/a$i.txt" "$inbox/a$i.txt"
        sleep 0.03  # spread over seconds, so the kill lands in the middle
    done
) &
writer=$!

requests=0 failures=0 slowest_ms=0 killed_at=""
deadline=$((SECONDS + 60))
while (( SECONDS < deadline )); do
    for path in feed.json deadlines.ics healthz feed.json deadlines.ics feed.json deadlines.ics; do
        out=$(curl -s -o /dev/null --max-time 5 -w '%{http_code} %{time_total}' "$base/$path" || echo "000 5")
        code=${out% *}; ms=$(python3 -c "print(int(float('${out#* }') * 1000))")
        requests=$((requests + 1)); (( ms > slowest_ms )) && slowest_ms=$ms
        [[ $code == 200 || $code == 304 ]] || { failures=$((failures + 1)); echo "GET /$path: $code"; }
    done
    processed=$("$TARIFFWATCH_BIN" status --state-dir "$state" --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["files_processed"])' || echo 0)
    if [[ -z $killed_at ]] && (( processed >= files / 3 )); then
        kill -9 "$daemon"; wait "$daemon" 2>/dev/null || true
        killed_at=$processed
        start_daemon
    fi
    if [[ -n $killed_at ]] && (( processed == files )) && ! kill -0 "$writer" 2>/dev/null; then break; fi
done
(( processed == files )) || fail "only $processed of $files files processed in 60 s"
(( failures == 0 )) || fail "$failures of $requests requests were not 200/304"

# What the calendar lists is what the state holds.
wait_until 10 curl -sf -o /dev/null "$base/healthz" || fail "unhealthy at the end"
events=$(curl -sf "$base/deadlines.ics" | grep -c '^BEGIN:VEVENT' || true)
facts=$("$TARIFFWATCH_BIN" facts --state-dir "$state" --upcoming --json | python3 -c '
import json, sys
print(sum(1 for f in json.load(sys.stdin) if "deadline" in f["value"] and f["alertable"]))')
(( events == facts && events > 0 )) || fail "the calendar lists $events events, the state $facts upcoming deadlines"
echo "RESULT requests=$requests failures=$failures slowest_ms=$slowest_ms killed_after_files=$killed_at files=$files calendar_events=$events"
