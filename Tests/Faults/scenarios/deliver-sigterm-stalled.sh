#!/usr/bin/env bash
# SIGTERM while journald is stopped (SIGSTOP) with alerts pending: the journal send has a bounded wait,
# so the daemon exits (status 0) within a few seconds; after SIGCONT and a restart nothing is lost or doubled.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
daemon_start
articles 0 5; drop
wait_until 20 settled 5 || fail "first articles not delivered"

kill -STOP "$JOURNALD_PID"
# Enough alerts (and a log line per file) to fill journald's socket queue: sends block (here: wait, bounded) once it is full.
articles 5 400; drop
wait_until 60 status_is files_processed 405 || fail "articles not processed while journald was stopped"
sleep 1
start=$(now_ms)
rc=0; daemon_term || rc=$?
exit_ms=$(( $(now_ms) - start ))
kill -CONT "$JOURNALD_PID"
[ "$rc" = 0 ] || fail "exit status $rc"

daemon_start
wait_until 30 settled 405 || fail "alerts not delivered after restart"
result=$(check)
echo "RESULT $result exit_s=$(python3 -c "print(round($exit_ms/1000, 2))")"
[ "$exit_ms" -le 5000 ] || fail "SIGTERM took ${exit_ms} ms with journald stopped"
[ "$(figure lost "$result")" = 0 ] || fail "lost alerts: $result"
[ "$(figure duplicated "$result")" = 0 ] || fail "duplicated alerts: $result"
daemon_term
