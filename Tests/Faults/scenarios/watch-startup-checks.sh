#!/usr/bin/env bash
# Start-up fails fast, non-zero and naming the folder, when the watched folder cannot be created or
# watched (a file in the way, a path under a file, under /proc, under a read-only mount); temporary feed
# files left by killed daemons are removed at start, those of a running writer are kept.
source "$FAULTS_LIB"
state=$FAULT_DIR/state
mkdir -p "$state"
echo "not a folder" >"$FAULT_DIR/afile"

# expect_refusal LABEL WATCH_DIR WORDS: the daemon exits non-zero within 5 s with WORDS in its error.
refused=0 slowest=0
expect_refusal() {
    local start status=0 took
    start=$(now_ms)
    timeout 10 "$TARIFFWATCH_BIN" run --watch-dir "$2" --state-dir "$state" >"$FAULT_DIR/$1.log" 2>&1 || status=$?
    took=$(( $(now_ms) - start ))
    [ "$status" != 0 ] && [ "$status" != 124 ] || fail "$1: exit status $status (124: still running after 10 s)"
    grep -q -- "$3" "$FAULT_DIR/$1.log" || fail "$1: no '$3' in: $(cat "$FAULT_DIR/$1.log")"
    [ "$took" -lt 5000 ] || fail "$1: took ${took} ms"
    [ "$took" -gt "$slowest" ] && slowest=$took
    refused=$((refused + 1))
    echo "$1: exit $status in ${took} ms: $(tail -n 1 "$FAULT_DIR/$1.log")"
}
expect_refusal file "$FAULT_DIR/afile" "cannot use the watched folder $FAULT_DIR/afile: it exists and is not a folder"
expect_refusal under-file "$FAULT_DIR/afile/sub" "cannot create the watched folder $FAULT_DIR/afile/sub: $FAULT_DIR/afile is not a folder"
expect_refusal proc /proc/tariffwatch-nonexistent/sub "cannot create the watched folder /proc/tariffwatch-nonexistent/sub"
mkdir -p "$FAULT_DIR/readonly"
if [ "$(id -u)" = 0 ]; then
    # Root ignores permission bits: a read-only mount is what stops it.
    status=0
    unshare --mount --propagation private bash -c '
        mount -t tmpfs -o ro tmpfs "$1" && timeout 10 "$2" run --watch-dir "$1/inbox/sub" --state-dir "$3" >"$4" 2>&1' \
        _ "$FAULT_DIR/readonly" "$TARIFFWATCH_BIN" "$state" "$FAULT_DIR/readonly.log" || status=$?
    [ "$status" != 0 ] && [ "$status" != 124 ] || fail "read-only parent: exit status $status"
    grep -q "cannot create the watched folder $FAULT_DIR/readonly/inbox/sub: $FAULT_DIR/readonly/inbox: Read-only file system" \
        "$FAULT_DIR/readonly.log" || fail "read-only parent: $(cat "$FAULT_DIR/readonly.log")"
    refused=$((refused + 1))
else
    chmod 555 "$FAULT_DIR/readonly"
    expect_refusal readonly "$FAULT_DIR/readonly/inbox/sub" "Permission denied"
fi

# Leftover temporary feed files: three from dead writers, one from a live one (this shell).
for pid in 2147483646 2147483645 2147483644; do echo '{"partial' >"$state/.feed.json.$pid.tmp"; done
echo '{"partial' >"$state/.feed.json.$$.tmp"
mkdir -p "$FAULT_DIR/inbox"
start_daemon daemon --watch-dir "$FAULT_DIR/inbox" --state-dir "$state"
drop_article "$FAULT_DIR/inbox" a.txt "$(article 1 Canada)"
wait_until 20 feed_has 1 "$state/feed.json" || fail "no alert: $(cat "$FAULT_DIR/daemon.log")"
# (besides the running daemon's own spare, `.feed.json.<its pid>.tmp`, made for its next publication)
left=$(find "$state" -name '.feed.json.*.tmp' ! -name ".feed.json.$DAEMON_PID.tmp" | wc -l)
[ -f "$state/.feed.json.$$.tmp" ] || fail "a live writer's temporary file was removed"
[ "$left" = 1 ] || fail "$left temporary feed files left (want only the live writer's)"
stop_daemon "$DAEMON_PID"; [ "$STOP_STATUS" = 0 ] || fail "exit status $STOP_STATUS"
[ ! -e "$state/.feed.json.$DAEMON_PID.tmp" ] || fail "the stopped daemon left its spare feed file"

echo "RESULT refused=$refused slowest_refusal_ms=$slowest leftover_tmp_removed=3 live_writer_tmp_kept=1"
