#!/usr/bin/env bash
# Readers holding the feed while alerts keep coming: one with the file open, one with it mapped and its descriptor
# closed. The daemon writes a new document into the file the last one replaced only when no one else has it open
# or mapped (a write lease), so both keep reading the document they opened, whole, while the feed goes on; the
# files no one holds are reused.
source "$(dirname "$0")/../deliver-lib.sh"; deliver_reexec "$0" "$@"
source "$FAULTS_LIB"; source "$(dirname "$0")/../deliver-lib.sh"

journald_setup
daemon_start
articles 0 3; drop
wait_until 20 settled 3 || fail "first articles not delivered"
feed=$FAULT_DIR/state/feed.json
python3 - "$feed" "$FAULT_DIR" <<'PY' &
import json, mmap, os, sys, time
feed, folder = sys.argv[1], sys.argv[2]
log = open(os.path.join(folder, "readers.log"), "w")
held = open(feed, "rb")
first = held.read()
with open(feed, "rb") as opened:
    mapped = mmap.mmap(opened.fileno(), 0, prot=mmap.PROT_READ)
copy = mapped[:]
open(os.path.join(folder, "readers-ready"), "w").close()
while not os.path.exists(os.path.join(folder, "readers-go")):
    time.sleep(0.05)
held.seek(0)
again = held.read()
ok = True
for name, now, then in (("open", again, first), ("mapped", mapped[:], copy)):
    if now != then:
        ok = False
        print(f"the {name} document changed ({len(then)} bytes, now {len(now)})", file=log)
    try:
        json.loads(now)
    except ValueError as error:
        ok = False
        print(f"the {name} document is not JSON: {error}", file=log)
sys.exit(0 if ok else 1)
PY
reader=$!
wait_until 10 test -e "$FAULT_DIR/readers-ready" || fail "the readers did not start"
inodes=()
for i in $(seq 3 14); do
    articles "$i" 1; drop
    wait_until 10 settled $((i + 1)) || fail "article $i not delivered"
    inodes+=("$(stat -c %i "$feed")")
done
touch "$FAULT_DIR/readers-go"
wait "$reader" || fail "a reader's document changed under it: $(cat "$FAULT_DIR/readers.log")"
distinct=$(printf '%s\n' "${inodes[@]}" | sort -u | wc -l)
result=$(check "$feed")
echo "RESULT $result publications=${#inodes[@]} distinct_feed_files=$distinct readers_whole=2"
for key in lost duplicated feed_lost feed_duplicated; do
    [ "$(figure $key "$result")" = 0 ] || fail "$key: $result"
done
[ "$distinct" -lt "${#inodes[@]}" ] || fail "no feed file was reused: $distinct files for ${#inodes[@]} publications"
daemon_term
