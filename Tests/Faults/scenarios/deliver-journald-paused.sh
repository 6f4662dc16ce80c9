#!/usr/bin/env bash
# journald paused (SIGSTOP) while the daemon sends a round of alerts, the daemon killed (-9) with those
# entries queued in journald's socket but not yet marked delivered, restarted, journald resumed
# (SIGCONT): every alert in the journal exactly once. The restarted daemon waits for a barrier entry to
# become readable before it looks up which alerts its predecessor sent, so the queued entries are
# found instead of sent twice (without the barrier: 200 duplicates here; issue 8 measured 57 on main).
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"
command -v ss >/dev/null || skip "needs ss (iproute2) to see journald's socket queue"

journald_setup
daemon_start
articles 0 5; drop
wait_until 20 settled 5 || fail "first articles not delivered"

# Alerts pile up while journald's socket is away (sends fail), so the retry after it returns sends
# them in one round.
mv /run/systemd/journal/socket /run/systemd/journal/socket.away
articles 5 200; drop
wait_until 60 status_is files_processed 205 || fail "articles not processed while the journal was away"
# Hold the state's write lock, so the round's entries are sent (queued in the paused journald, room
# to spare) but cannot be marked delivered: the window a kill -9 can always hit.
db=$FAULT_DIR/state/tariffwatch.sqlite
python3 -c "import sqlite3, time, sys; c = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
c.execute('BEGIN IMMEDIATE'); open(sys.argv[2], 'w').close(); time.sleep(60)" "$db" "$FAULT_DIR/locked" &
locker=$!; FAULT_PIDS+=("$locker")
wait_until 10 test -e "$FAULT_DIR/locked" || fail "could not lock the state"
kill -STOP "$JOURNALD_PID"
# The socket back: the daemon sees it (inotify) and sends the round into the paused journald.
mv /run/systemd/journal/socket.away /run/systemd/journal/socket
queued() {
    ss -xap 2>/dev/null | awk -v pid="pid=$JOURNALD_PID," '$5 == "/run/systemd/journal/socket" && index($0, pid) {q = $3} END {print q + 0}'
}
queue_holds_round() { [ "$(queued)" -ge 200 ]; }
wait_until 30 queue_holds_round || fail "the daemon did not retry within 30 s (queue: $(queued))"
sleep 0.2
daemon_kill9
kill "$locker"; wait "$locker" 2>/dev/null || true
unmarked=$(status alerts_pending)
queue=$(queued)

daemon_start
sleep 2
daemon_alive || fail "the restarted daemon exited while journald was stopped"
start=$(now_ms)
kill -CONT "$JOURNALD_PID"
wait_until 60 settled 205 || fail "alerts not delivered after SIGCONT"
recover_ms=$(( $(now_ms) - start ))
found=$(journalctl --sync; journalctl -o cat --no-pager | sed -n 's/^found \([0-9]*\) alerts already in the journal.*/\1/p' | awk '{s+=$1} END {print s+0}')
result=$(check)
echo "RESULT $result queued_at_kill=$queue pending_at_kill=$unmarked found_in_journal_after_restart=$found recover_s=$(python3 -c "print(round($recover_ms/1000, 2))")"
[ "$(figure lost "$result")" = 0 ] || fail "lost alerts: $result"
[ "$(figure duplicated "$result")" = 0 ] || fail "duplicated alerts: $result"
[ "$found" = 200 ] || fail "expected the 200 queued alerts to be found in the journal, found $found (queue $queue)"
daemon_term
