#!/usr/bin/env bash
# Files whose modification time is far in the future (2300) or past (1600), dropped before start, while
# running, and set on an already processed file: the daemon never traps, reports each bad file once with
# the reason, survives restarts, and still alerts on the good articles that follow.
source "$FAULTS_LIB"
inbox=$FAULT_DIR/inbox state=$FAULT_DIR/state
mkdir -p "$inbox" "$state"
feed=$state/feed.json
args=(--watch-dir "$inbox" --state-dir "$state")

# Before start: one good article and one dated 2300.
drop_article "$inbox" good1.txt "$(article 1 Canada)"
printf '%s\n' "$(article 2 Mexico)" >"$FAULT_DIR/future.txt"
touch -d 2300-01-01 "$FAULT_DIR/future.txt"
mv "$FAULT_DIR/future.txt" "$inbox/"

start_daemon daemon1 "${args[@]}"
wait_until 20 feed_has 1 "$feed" || fail "good1 not alerted; log: $(cat "$FAULT_DIR/daemon1.log")"
wait_until 5 status_is "$state" files_rejected 1 || fail "future.txt not rejected"
grep -q "future.txt: its modification time (2300-01-01) is in the future" "$FAULT_DIR/daemon1.log" \
    || fail "no reason for future.txt in the log"

# While running: a file from 1600 is dropped (ext4 stores 1901-12-13, tmpfs 1600), a processed file is
# touched into 2300 and back into 1600, then a good article follows.
printf '%s\n' "$(article 3 Japan)" >"$FAULT_DIR/past.txt"
touch -d 1600-01-01 "$FAULT_DIR/past.txt"
mv "$FAULT_DIR/past.txt" "$inbox/"
touch -d 2300-01-01 "$inbox/good1.txt"
touch -d 1600-01-01 "$inbox/good1.txt"
touch -d 2300-01-01 "$inbox/good1.txt"
start=$(now_ms)
drop_article "$inbox" good2.txt "$(article 4 India)"
wait_until 20 feed_has 2 "$feed" || fail "good2 not alerted after the hostile files"
took=$(( $(now_ms) - start ))
wait_until 5 status_is "$state" files_rejected 2 || fail "past.txt not rejected"
kill -0 "$DAEMON_PID" 2>/dev/null || fail "daemon died"

# The operator fixes the rejected file's date with touch, as the error says: it is read at once.
touch -d "yesterday 12:00" "$inbox/future.txt"
fixed_start=$(now_ms)
wait_until 5 feed_has 3 "$feed" || fail "future.txt not read after its date was fixed"
fixed_ms=$(( $(now_ms) - fixed_start ))
wait_until 5 status_is "$state" files_rejected 1 || fail "future.txt still counted as rejected"
stop_daemon "$DAEMON_PID"; status1=$STOP_STATUS
[ "$status1" = 0 ] || fail "daemon exited with $status1"

# Restart with all of them in the folder (good1 now dated 2300): alive, nothing reported or alerted twice.
start_daemon daemon2 "${args[@]}"
wait_until 20 grep -q "Watching" "$FAULT_DIR/daemon2.log" || fail "no start after restart: $(cat "$FAULT_DIR/daemon2.log")"
drop_article "$inbox" good3.txt "$(article 5 Brazil)"
wait_until 20 feed_has 4 "$feed" || fail "good3 not alerted after restart"
sleep 0.5
kill -0 "$DAEMON_PID" 2>/dev/null || fail "daemon died after restart"
rejected_after=$(status_field "$state" files_rejected)
reports2=$(grep -c "its modification time" "$FAULT_DIR/daemon2.log" || true)
stop_daemon "$DAEMON_PID"; status2=$STOP_STATUS
[ "$status2" = 0 ] || fail "restarted daemon exited with $status2"
[ "$rejected_after" = 1 ] || fail "files_rejected=$rejected_after after restart (want 1: past.txt)"
[ "$reports2" = 0 ] || fail "bad files reported again after restart ($reports2 times)"
dups=$(feed_duplicates "$feed")
[ "$dups" = 0 ] || fail "$dups duplicated feed items"
traps=$(cat "$FAULT_DIR"/daemon*.log | grep -c "Fatal error" || true)
[ "$traps" = 0 ] || fail "trap in the logs"

echo "RESULT crashes=0 exit_status=$status1,$status2 good_alerted=3/3 bad_rejected=2 fixed_by_touch_alerted=1 fixed_by_touch_read_ms=$fixed_ms reported_again_after_restart=$reports2 duplicated=$dups good_article_after_hostile_ms=$took"
