#!/usr/bin/env bash
# The feed's folder removed while the daemon runs: the next delivery recreates it (with a warning)
# and the feed holds every alert again; the journal is not affected.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
feeddir=$FAULT_DIR/public/feeds
daemon_start --feed "$feeddir/feed.json"
articles 0 5; drop
wait_until 20 settled 5 || fail "first articles not delivered"

rm -rf "$FAULT_DIR/public"
start=$(now_ms)
articles 5 10; drop
wait_until 10 settled 15 || fail "alerts not delivered after the feed folder was removed"
wait_until 5 test -s "$feeddir/feed.json" || fail "feed not recreated"
recover_ms=$(( $(now_ms) - start ))
result=$(check "$feeddir/feed.json")
echo "RESULT $result recover_s=$(python3 -c "print(round($recover_ms/1000, 2))")"
for key in lost duplicated feed_lost feed_duplicated; do
    [ "$(figure $key "$result")" = 0 ] || fail "$key: $result"
done
daemon_term
