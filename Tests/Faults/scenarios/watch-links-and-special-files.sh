#!/usr/bin/env bash
# Entries that are whole the moment they appear, created in place while the daemon runs: a hard link and a
# symbolic link to articles inside the folder are read; a link out of the folder, a FIFO, a socket, a
# dangling and a looping link (and, as root, a device node) are each rejected with one `err` entry naming
# the file and the reason. Each is handled within a second, none blocks the daemon, none is reported again
# after a restart. As root the daemon writes to a private journald and the err entries are checked there.
source "$FAULTS_LIB"
support=$(cd "$(dirname "$FAULTS_LIB")/../Support" && pwd)

if [ -z "${WATCH_INNER:-}" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && [ -x /lib/systemd/systemd-journald ]; then
    export WATCH_INNER=1 WATCH_SHARED=$FAULT_DIR
    status=0
    unshare --mount --propagation private "$support/with-private-journald.sh" "$FAULT_DIR/journal.json" -- bash "$0" || status=$?
    [ "$status" = 0 ] || exit "$status"
    # One err entry per rejected entry, with the reason, and no other err entries about them.
    "$PY" - "$FAULT_DIR/journal.json" "$FAULT_DIR/expected.txt" <<'PY' || fail "journal check failed"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
errors = [e for e in entries if e.get("PRIORITY") == "3" and e.get("SYSLOG_IDENTIFIER") == "tariffwatch"]
bad = 0
for line in open(sys.argv[2]):
    path, words = line.rstrip("\n").split("\t")
    found = [e for e in errors if e.get("SOURCE_FILE") == path]
    if len(found) != 1 or words not in found[0].get("REASON", "") or words not in found[0].get("MESSAGE", ""):
        print(f"{path}: {len(found)} err entries, want 1 with '{words}': {[e.get('MESSAGE') for e in found]}", file=sys.stderr)
        bad += 1
print(f"RESULT journal_err_entries={len(errors)} journal_entries_wrong={bad}")
sys.exit(1 if bad else 0)
PY
    exit 0
fi

shared=${WATCH_SHARED:-$FAULT_DIR}
inbox=$FAULT_DIR/inbox state=$FAULT_DIR/state outside=$FAULT_DIR/outside
mkdir -p "$inbox/store" "$state" "$outside"
feed=$state/feed.json
: >"$shared/expected.txt"
# The targets: one outside the folder (hard-linked in), one in a subfolder (not watched: found only via the link).
article 1 Canada >"$outside/h.txt"; touch -d "yesterday 12:00" "$outside/h.txt"
article 2 Mexico >"$inbox/store/s.txt"; touch -d "yesterday 12:00" "$inbox/store/s.txt"

start_daemon daemon --watch-dir "$inbox" --state-dir "$state"
wait_until 20 status_is "$state" files_processed 0 || fail "daemon did not start: $(cat "$FAULT_DIR/daemon.log")"
sleep 0.3

worst=0 rejected=0 read=0
# handled NAME KIND WORDS COMMAND...: creates the entry in place, waits for it to be read or rejected.
handled() {
    local name=$1 kind=$2 words=$3; shift 3
    local before_r before_f
    before_r=$(status_field "$state" files_rejected); before_f=$(feed_count "$feed")
    "$@"
    if [ "$kind" = read ]; then
        wait_until 5 feed_has $((before_f + 1)) "$feed" || fail "$name was not read"
        read=$((read + 1))
    else
        wait_until 5 status_is "$state" files_rejected $((before_r + 1)) || fail "$name was not rejected"
        rejected=$((rejected + 1))
        printf '%s\t%s\n' "$inbox/$name" "$words" >>"$shared/expected.txt"
    fi
    local took
    took=$(handled_after_ms "$state" "$inbox/$name")
    [ "$took" -gt "$worst" ] && worst=$took
    [ "$took" -le 1000 ] || fail "$name took ${took} ms (over 1 s)"
    echo "$name: $kind in ${took} ms"
}
make_socket() { "$PY" -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$1"; }

handled hardlink.txt read "" ln "$outside/h.txt" "$inbox/hardlink.txt"
handled symlink.txt read "" ln -s store/s.txt "$inbox/symlink.txt"
handled escape.txt reject "outside the watched folder" ln -s /etc/hostname "$inbox/escape.txt"
handled pipe reject "FIFO" mkfifo "$inbox/pipe"
handled sock reject "socket" make_socket "$inbox/sock"
handled dangling.txt reject "does not exist" ln -s nowhere.txt "$inbox/dangling.txt"
handled loop.txt reject "loop" ln -s loop.txt "$inbox/loop.txt"
if [ "$(id -u)" = 0 ]; then handled null reject "character device" mknod "$inbox/null" c 1 3; fi

# Nothing blocked: a good article after them is alerted, and a writer still finds the FIFO unopened.
before=$(feed_count "$feed")
drop_article "$inbox" after.txt "$(article 3 Japan)"
wait_until 5 feed_has $((before + 1)) "$feed" || fail "the article after the special files was not alerted"
kill -0 "$DAEMON_PID" || fail "daemon died"
stop_daemon "$DAEMON_PID"; [ "$STOP_STATUS" = 0 ] || fail "daemon exited with $STOP_STATUS"

# A restart with all of them still there: none reported again, nothing read twice.
count_before=$(status_field "$state" files_rejected); feed_before=$(feed_count "$feed")
start_daemon daemon2 --watch-dir "$inbox" --state-dir "$state"
sleep 1.5
kill -0 "$DAEMON_PID" || fail "restarted daemon died"
stop_daemon "$DAEMON_PID"; [ "$STOP_STATUS" = 0 ] || fail "restarted daemon exited with $STOP_STATUS"
[ "$(status_field "$state" files_rejected)" = "$count_before" ] || fail "rejections counted again after restart"
[ "$(feed_count "$feed")" = "$feed_before" ] || fail "feed changed after restart"
dups=$(feed_duplicates "$feed")
[ "$dups" = 0 ] || fail "$dups duplicated feed items"
if [ -z "${WATCH_INNER:-}" ]; then
    # No journal: the rejections are on standard error, one per entry, with the reason.
    while IFS=$'\t' read -r path words; do
        n=$(grep -c "reason=skipped $path: .*$words" "$FAULT_DIR/daemon.log" || true)
        [ "$n" = 1 ] || fail "$path: $n log lines with '$words'"
    done <"$shared/expected.txt"
    n2=$(grep -c "reason=skipped" "$FAULT_DIR/daemon2.log" || true)
    [ "$n2" = 0 ] || fail "restart reported $n2 rejections again"
fi
echo "RESULT read=$read rejected=$rejected slowest_ms=$worst reported_again_after_restart=0 duplicated=$dups"
