#!/usr/bin/env bash
# journald paused (SIGSTOP) while alerts go out, the daemon killed (-9) with entries still queued in
# journald's socket, restarted, journald resumed (SIGCONT): every alert in the journal exactly once.
# The restarted daemon waits for a barrier entry to become readable before it looks up which alerts
# its predecessor sent, so queued entries are found instead of sent twice.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
daemon_start
articles 0 5; drop
wait_until 20 settled 5 || fail "first articles not delivered"

kill -STOP "$JOURNALD_PID"
articles 5 700; drop
# Kill while the daemon waits on the full queue: what it sent in that round is queued, not yet marked.
journaled() { python3 -c "import sqlite3; print(sqlite3.connect('file:$FAULT_DIR/state/tariffwatch.sqlite?mode=ro', uri=True).execute('SELECT COUNT(*) FROM outbox WHERE journal_at IS NOT NULL').fetchone()[0])"; }
last=-1; same=0
for _ in $(seq 400); do
    now=$(journaled 2>/dev/null || echo "$last")
    if [ "$now" = "$last" ] && [ "$now" -gt 5 ]; then same=$((same + 1)); else same=0; fi
    [ "$same" -ge 3 ] && break
    last=$now; sleep 0.05
done
daemon_kill9
marked=$(journaled)

daemon_start
sleep 2
daemon_alive || fail "the restarted daemon exited while journald was stopped"
start=$(now_ms)
kill -CONT "$JOURNALD_PID"
wait_until 60 settled 705 || fail "alerts not delivered after SIGCONT"
recover_ms=$(( $(now_ms) - start ))
found=$(journalctl --sync; journalctl -o cat --no-pager | sed -n 's/^found \([0-9]*\) alerts already in the journal.*/\1/p' | awk '{s+=$1} END {print s+0}')
result=$(check)
echo "RESULT $result marked_before_kill=$marked found_in_journal_after_restart=${found:-0} recover_s=$(python3 -c "print(round($recover_ms/1000, 2))")"
[ "$(figure lost "$result")" = 0 ] || fail "lost alerts: $result"
[ "$(figure duplicated "$result")" = 0 ] || fail "duplicated alerts: $result"
daemon_term
