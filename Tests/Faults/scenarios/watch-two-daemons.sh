#!/usr/bin/env bash
# Two daemons on one state directory: the second exits at once, non-zero, naming the PID of the first; the
# first alerts every article exactly once while `status` and `facts` keep working beside it. After a kill -9
# of the first, the lock is free again and a new daemon starts.
source "$FAULTS_LIB"
inbox=$FAULT_DIR/inbox state=$FAULT_DIR/state
mkdir -p "$inbox" "$state"
feed=$state/feed.json
args=(--watch-dir "$inbox" --state-dir "$state")

start_daemon first "${args[@]}"
first=$DAEMON_PID
wait_until 20 status_is "$state" files_processed 0 || fail "first daemon did not start: $(cat "$FAULT_DIR/first.log")"

# The second, on the same folder and state: must refuse at once.
start=$(now_ms)
second_status=0
timeout 10 "$TARIFFWATCH_BIN" run "${args[@]}" >"$FAULT_DIR/second.log" 2>&1 || second_status=$?
second_ms=$(( $(now_ms) - start ))
[ "$second_status" != 0 ] && [ "$second_status" != 124 ] || fail "the second daemon ran (exit $second_status; 124: still running after 10 s)"
grep -q "another tariffwatch daemon (PID $first) is already running on the state directory $state" "$FAULT_DIR/second.log" \
    || fail "the second daemon's error does not name PID $first: $(cat "$FAULT_DIR/second.log")"
[ "$second_ms" -lt 5000 ] || fail "the second daemon took ${second_ms} ms to give up"
kill -0 "$first" || fail "the first daemon died"

# A third tries under another inbox but the same state: refused too.
third_status=0
timeout 10 "$TARIFFWATCH_BIN" run --watch-dir "$FAULT_DIR/other" --state-dir "$state" >"$FAULT_DIR/third.log" 2>&1 || third_status=$?
[ "$third_status" != 0 ] && [ "$third_status" != 124 ] || fail "a daemon with another inbox ran on the same state"

countries=(Canada Mexico Japan India Brazil Australia Vietnam Turkey Norway Chile Peru Egypt Kenya Ghana Nigeria
    Morocco Israel Jordan Qatar Oman Malaysia Indonesia Thailand Singapore Philippines Pakistan Bangladesh Iceland Serbia Ukraine)
for i in "${!countries[@]}"; do drop_article "$inbox" "a$i.txt" "$(article "$i" "${countries[$i]}")"; done
n=${#countries[@]}
wait_until 30 feed_has "$n" "$feed" || fail "not every article alerted: $(feed_count "$feed") of $n"
wait_until 10 status_is "$state" alerts_pending 0 || fail "alerts still pending"
# Read-only commands beside the running daemon.
"$TARIFFWATCH_BIN" status --state-dir "$state" >/dev/null || fail "status failed while the daemon runs"
"$TARIFFWATCH_BIN" facts --state-dir "$state" --json >/dev/null || fail "facts failed while the daemon runs"
delivered=$(status_field "$state" alerts_delivered)
dups=$(feed_duplicates "$feed")
[ "$dups" = 0 ] || fail "$dups duplicated feed items"
[ "$delivered" = "$n" ] || fail "$delivered alerts delivered for $n articles"

# kill -9: the kernel drops the lock with the process; the next daemon starts and owns it.
kill -9 "$first"; wait "$first" 2>/dev/null || true
start_daemon fourth "${args[@]}"
fourth=$DAEMON_PID
wait_until 10 grep -qx "$fourth" "$state/tariffwatch.lock" || fail "the daemon after kill -9 did not take the lock: $(cat "$FAULT_DIR/fourth.log")"
sleep 0.5
kill -0 "$fourth" || fail "the daemon after kill -9 exited: $(cat "$FAULT_DIR/fourth.log")"
stop_daemon "$fourth"; [ "$STOP_STATUS" = 0 ] || fail "exit status $STOP_STATUS"
[ "$(feed_duplicates "$feed")" = 0 ] || fail "duplicates after the restart"
[ "$(status_field "$state" alerts_delivered)" = "$n" ] || fail "alerts delivered again after the restart"

echo "RESULT second_exit=$second_status second_gave_up_ms=$second_ms named_holder=1 articles=$n alerts=$delivered duplicated=$dups status_and_facts_beside_daemon=ok restart_after_kill9=ok"
