#!/usr/bin/env bash
# watch.after_processing across a crash: the daemon is killed (SIGKILL, injected by strace on the entry of the very
# rename or unlink that moves or deletes a processed file) after the file's facts are committed and before the
# file is touched. After a restart: every article alerted exactly once (0 lost, 0 duplicated), nothing processed
# again, and the interrupted file moved (or deleted) all the same. Run for `move` and for `delete`.
source "$FAULTS_LIB"
need_root
command -v strace >/dev/null || skip "needs strace (apt-get install strace)"

countries=(Canada Mexico Japan India Brazil Australia Vietnam Turkey)
n=${#countries[@]}
# traced PID: strace has attached to every thread of PID.
traced() { [ "$(awk '/^TracerPid:/ {print $2}' "/proc/$1/status" 2>/dev/null)" != 0 ]; }
pending_actions() { sqlite3 "file:$1/tariffwatch.sqlite?mode=ro" "SELECT count(*) FROM inbox_actions" 2>/dev/null || echo 0; }
files_in() { find "$1" -maxdepth 1 -type f ! -name '.*' | wc -l; }

run_mode() {
    local mode=$1 syscalls=$2
    local base=$FAULT_DIR/$mode
    local inbox=$base/inbox state=$base/state archive=$base/archive
    mkdir -p "$inbox" "$state"
    local config=$base/tariffwatch.yaml
    printf 'watch:\n  after_processing: %s\n' "$mode" >"$config"
    [ "$mode" = move ] && printf '  archive_directory: %s\n' "$archive" >>"$config"
    local args=(--config "$config" --watch-dir "$inbox" --state-dir "$state")
    local feed=$state/feed.json

    start_daemon "$mode-first" "${args[@]}"
    local first=$DAEMON_PID
    wait_until 20 status_is "$state" files_processed 0 || fail "$mode: daemon did not start: $(cat "$FAULT_DIR/$mode-first.log")"
    # The start-up probe (a rename) is done; from now on the first move or delete kills the daemon on entry.
    strace -f -qq -o /dev/null -p "$first" -e trace="$syscalls" -e inject="$syscalls":signal=SIGKILL &
    local tracer=$!
    FAULT_PIDS+=("$tracer")
    wait_until 10 traced "$first" || fail "$mode: strace did not attach"
    for i in "${!countries[@]}"; do drop_article "$inbox" "a$i.txt" "$(article "$i" "${countries[$i]}")"; done
    wait_until 30 bash -c "! kill -0 $first 2>/dev/null" || fail "$mode: the daemon was not killed at its first $mode"
    wait "$first" 2>/dev/null || true
    wait "$tracer" 2>/dev/null || true

    # Killed between commit and action: the state knows the file and holds its queued action; the file is still there.
    local pending processed_at_kill in_inbox_at_kill
    pending=$(pending_actions "$state")
    processed_at_kill=$(status_field "$state" files_processed)
    in_inbox_at_kill=$(files_in "$inbox")
    [ "$pending" -ge 1 ] || fail "$mode: no queued action after the kill"
    [ "$processed_at_kill" -ge 1 ] || fail "$mode: nothing committed before the kill"
    [ "$in_inbox_at_kill" = "$n" ] || fail "$mode: $in_inbox_at_kill of $n files in the inbox after the kill (one was touched before the kill?)"

    start_daemon "$mode-second" "${args[@]}"
    local second=$DAEMON_PID
    wait_until 30 feed_has "$n" "$feed" || fail "$mode: $(feed_count "$feed") of $n alerts after the restart"
    wait_until 10 status_is "$state" alerts_pending 0 || fail "$mode: alerts still pending"
    wait_until 10 bash -c "[ \$(find '$inbox' -maxdepth 1 -type f ! -name '.*' | wc -l) = 0 ]" \
        || fail "$mode: files left in the inbox: $(ls "$inbox")"
    stop_daemon "$second"; [ "$STOP_STATUS" = 0 ] || fail "$mode: exit status $STOP_STATUS"

    local delivered dups processed archived
    delivered=$(status_field "$state" alerts_delivered)
    dups=$(feed_duplicates "$feed")
    processed=$(status_field "$state" files_processed)
    archived=0
    [ -d "$archive" ] && archived=$(files_in "$archive")
    [ "$dups" = 0 ] || fail "$mode: $dups duplicated feed items"
    [ "$delivered" = "$n" ] || fail "$mode: $delivered alerts delivered for $n articles"
    [ "$processed" = "$n" ] || fail "$mode: $processed files recorded for $n"
    [ "$(pending_actions "$state")" = 0 ] || fail "$mode: actions still queued"
    if [ "$mode" = move ]; then
        [ "$archived" = "$n" ] || fail "move: $archived of $n files in the archive"
        grep -q "Canada" "$archive/a0.txt" || fail "move: a0.txt is not in the archive whole"
    else
        [ ! -e "$archive" ] || fail "delete: an archive appeared"
    fi
    grep -q "cannot move\|cannot delete" "$FAULT_DIR/$mode-second.log" && fail "$mode: errors after the restart: $(cat "$FAULT_DIR/$mode-second.log")"
    echo "RESULT mode=$mode articles=$n queued_at_kill=$pending committed_at_kill=$processed_at_kill alerts=$delivered lost=$(( n - delivered )) duplicated=$dups left_in_inbox=0 archived=$archived"
}

run_mode move renameat2
# glibc's unlink(3) is the unlink syscall on x86-64, unlinkat elsewhere.
run_mode delete unlink,unlinkat
