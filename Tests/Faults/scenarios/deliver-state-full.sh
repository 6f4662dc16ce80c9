#!/usr/bin/env bash
# The state's disk full (a small tmpfs): the daemon logs the reason to the journal (err, MESSAGE_ID
# stateUnwritable), keeps running, retries, and processes and delivers everything once space returns.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
mount_tmpfs 16m "$FAULT_DIR/state"
daemon_start
articles 0 5; drop
wait_until 20 settled 5 || fail "first articles not delivered"

dd if=/dev/zero of="$FAULT_DIR/state/filler" bs=4k 2>/dev/null || true
articles 5 100; drop
unwritable() { journalctl --sync; journalctl --no-pager -o cat MESSAGE_ID=bb4adb63a26044b4a6ea222897e4a0ac PRIORITY=3 | grep -c 'Cannot write the state' || true; }
reported() { [ "$(unwritable)" -ge 1 ]; }
wait_until 20 reported || fail "no journal entry about the full state disk"
sleep 1
daemon_alive || fail "the daemon exited on a full state disk"

before=$(status files_processed)
start=$(now_ms)
rm -f "$FAULT_DIR/state/filler"
wait_until 20 status_at_least files_processed $((before + 1)) || fail "no progress after space returned"
resume_ms=$(( $(now_ms) - start ))
wait_until 60 settled 105 || fail "not caught up after space returned ($(status files_processed) files)"
recover_ms=$(( $(now_ms) - start ))
result=$(check)
echo "RESULT $result unwritable_entries=$(unwritable) processed_while_full=$before resume_s=$(python3 -c "print(round($resume_ms/1000, 2))") recover_s=$(python3 -c "print(round($recover_ms/1000, 2))")"
for key in lost duplicated feed_lost feed_duplicated; do
    [ "$(figure $key "$result")" = 0 ] || fail "$key: $result"
done
[ "$(figure raised "$result")" -ge 105 ] || fail "alerts missing: $result"
[ "$resume_ms" -le 5000 ] || fail "processing resumed only after ${resume_ms} ms"
daemon_term || fail "exit status $?"
