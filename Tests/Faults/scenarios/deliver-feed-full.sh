#!/usr/bin/env bash
# The feed's disk full (a small tmpfs): journal alerts still go out at once; the feed catches up by
# the daemon's own retry within 5 s of space returning, with no new file and no duplicate item.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
feedfs=$FAULT_DIR/feedfs
mount_tmpfs 256k "$feedfs"
daemon_start --feed "$feedfs/feed.json"
articles 0 5; drop
wait_until 20 settled 5 || fail "first articles not delivered"

dd if=/dev/zero of="$feedfs/filler" bs=4k 2>/dev/null || true   # until the disk is full
articles 5 20; drop
wait_until 20 status_is files_processed 25 || fail "articles not processed"
# The journal is not held back by the feed.
journaled() { journalctl --sync; journalctl -o json --no-pager | grep -c TARIFFWATCH_ALERT_ID || true; }
journaled_at_least() { [ "$(journaled)" -ge "$1" ]; }
wait_until 10 journaled_at_least 25 || fail "journal alerts held back by the full feed disk ($(journaled))"
pending=$(status alerts_pending)
[ "$pending" -gt 0 ] || fail "the feed was written on a full disk?"
daemon_alive || fail "the daemon exited on a full feed disk"

start=$(now_ms)
rm -f "$feedfs/filler"
wait_until 10 status_is alerts_pending 0 || fail "feed still behind 10 s after space returned"
recover_ms=$(( $(now_ms) - start ))
result=$(check "$feedfs/feed.json")
# The running daemon keeps one spare (`.feed.json.<its pid>.tmp`) for its next publication, empty or the document
# its last publication replaced (written into as changes next time), whole; nothing else.
spare="$feedfs/.feed.json.$DAEMON_PID.tmp"
[ ! -s "$spare" ] || python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$spare" || fail "the spare is not a whole document"
leftovers=$(find "$feedfs" -name '*.tmp' ! -name ".feed.json.$DAEMON_PID.tmp" | wc -l)
echo "RESULT $result pending_while_full=$pending temp_files_left=$leftovers recover_s=$(python3 -c "print(round($recover_ms/1000, 2))")"
for key in lost duplicated feed_lost feed_duplicated; do
    [ "$(figure $key "$result")" = 0 ] || fail "$key: $result"
done
[ "$leftovers" = 0 ] || fail "temporary feed files left behind"
[ "$recover_ms" -le 5000 ] || fail "recovery took ${recover_ms} ms"
daemon_term
