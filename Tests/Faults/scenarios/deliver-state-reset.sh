#!/usr/bin/env bash
# The state wiped while the journal keeps the old entries: the new state's alerts (outbox ids from 1
# again) carry a new epoch in their ids, so the restart look-up matches none of the old entries and
# every new alert is written. Before epochs, the look-up took old entries for new alerts and lost them.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
daemon_start
articles 0 20; drop
wait_until 20 settled 20 || fail "first run not delivered"
daemon_term

# Reset; the old articles stay in the inbox and alert again in the new state. With journald down
# they stay pending, so the next start looks them up in the journal.
rm -rf "$FAULT_DIR/state"
journald_kill
daemon_start
articles 20 10; drop
wait_until 20 status_is files_processed 30 || fail "not processed after the reset"
daemon_kill9
journald_start
daemon_start
wait_until 30 settled 30 || fail "not delivered after the reset"
result=$(check)
echo "RESULT $result"
for key in lost duplicated foreign feed_lost feed_duplicated; do
    [ "$(figure $key "$result")" = 0 ] || fail "$key: $result"
done
[ "$(figure raised "$result")" = 30 ] || fail "expected 30 alerts in the new state: $result"
daemon_term
