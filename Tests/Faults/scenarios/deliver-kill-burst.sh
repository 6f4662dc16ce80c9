#!/usr/bin/env bash
# kill -9 at three moments of a burst, restart each time: every alert in the journal and the feed
# exactly once, every file processed.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
total=0
for cycle in 1 2 3; do
    daemon_start
    articles "$total" 100 "c$cycle"; drop
    total=$((total + 100))
    wait_until 30 status_at_least files_processed $((total - 100 + 15 * cycle)) || fail "cycle $cycle: nothing processed"
    daemon_kill9
done
daemon_start
wait_until 60 settled "$total" || fail "not settled after the last restart"
result=$(check)
echo "RESULT $result cycles=3 files=$total"
for key in lost duplicated feed_lost feed_duplicated; do
    [ "$(figure $key "$result")" = 0 ] || fail "$key: $result"
done
[ "$(figure raised "$result")" = "$total" ] || fail "expected $total alerts: $result"
daemon_term
