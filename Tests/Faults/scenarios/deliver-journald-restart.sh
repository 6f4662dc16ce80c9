#!/usr/bin/env bash
# journald stopped while alerts come in, started again about 9 s later: the pending alerts reach the
# journal with no new file, within 5 s of journald coming back, although the retry pause has grown to
# 4 to 8 s by then: the daemon watches journald's socket folder and retries when the socket is created
# again. None lost, none twice.
# The feed is not held back while the journal is down.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
daemon_start
articles 0 5; drop
wait_until 20 settled 5 || fail "first articles not delivered"

journald_kill
articles 5 5; drop
wait_until 20 status_is files_processed 10 || fail "articles not processed while journald was down"
# The feed does not wait for the journal.
wait_until 5 python3 -c "import json,sys; sys.exit(len(json.load(open('$FAULT_DIR/state/feed.json'))['items']) < 10)" ||
    fail "the feed was held back by the journal"
pending=$(status alerts_pending)
[ "$pending" -gt 0 ] || fail "nothing pending while journald was down"
sleep 8   # failed retries meanwhile: the pause has grown to 4 to 8 s; journald coming back cuts it short
daemon_alive || fail "the daemon exited while journald was down"

start=$(now_ms)
journald_start
wait_until 10 status_is alerts_pending 0 || fail "alerts still pending 10 s after journald came back"
recover_ms=$(( $(now_ms) - start ))
result=$(check)
echo "RESULT $result pending_while_down=$pending recover_s=$(python3 -c "print(round($recover_ms/1000, 2))")"
[ "$(figure lost "$result")" = 0 ] || fail "lost alerts: $result"
[ "$(figure duplicated "$result")" = 0 ] || fail "duplicated alerts: $result"
[ "$recover_ms" -le 5000 ] || fail "recovery took ${recover_ms} ms"
daemon_term || fail "daemon exit status $?"
