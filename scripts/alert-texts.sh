#!/usr/bin/env bash
# Every alert real articles raise, as a person reads them: the shared seeds and the news-dev tuning articles
# (not the held-out ones of scripts/news-heldout.txt), each dated by its gold reference date, dropped into a
# daemon that writes to a private journald. Prints each alert's MESSAGE (journal), the feed's titles and
# summaries, the calendar's SUMMARY lines (`tariffwatch serve`), and checks the feed (check-jsonfeed.py).
# Usage (root): unshare --mount --propagation private scripts/alert-texts.sh [BINARY] [SHARED_DIR] [OUT_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$(cd "$repo" && swift build --show-bin-path)/tariffwatch}
shared=$(cd "${2:-$repo/../shared}" && pwd)
out=${3:-$(mktemp -d /tmp/tariffwatch-alert-texts.XXXXXX)}
mkdir -p "$out/inbox" "$out/state" "$out/staging"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cat >"$out/inner.sh" <<INNER
set -euo pipefail
"$bin" run --watch-dir "$out/inbox" --state-dir "$out/state" 2>"$out/daemon.log" & pid=\$!
until [ -e "$out/state/tariffwatch.sqlite" ]; do sleep 0.05; done
count=\$(python3 - "$shared" "$out" "$repo/scripts/news-heldout.txt" <<'PY'
import json, os, shutil, sys
shared, out, heldout = sys.argv[1:4]
skip = {l.strip() for l in open(heldout) if l.strip() and not l.startswith("#")}
docs = [(f"{shared}/seeds/{n}", d) for n, d in json.load(open(f"{shared}/eval/seeds.gold.json"))["documents"].items()]
docs += [(f"{shared}/eval/news-dev/articles/{n}", d)
         for n, d in json.load(open(f"{shared}/eval/news-dev/gold.json"))["documents"].items() if n not in skip]
for path, doc in sorted(docs):
    staged = f"{out}/staging/{os.path.basename(path)}"
    shutil.copy(path, staged)
    os.system(f"touch -d {doc['reference_date']}T12:00:00Z {staged}")
    os.rename(staged, f"{out}/inbox/{os.path.basename(path)}")
print(len(docs))
PY
)
until "$bin" status --state-dir "$out/state" --json 2>/dev/null | grep -q "\"alerts_pending\":0,.*\"files_processed\":\$count"; do sleep 0.1; done
kill -TERM \$pid; wait \$pid
"$bin" serve --state-dir "$out/state" --listen 127.0.0.1:$port 2>/dev/null & server=\$!
until curl -sf -o "$out/deadlines.ics" http://127.0.0.1:$port/deadlines.ics; do sleep 0.1; done
kill -TERM \$server; wait \$server || true
INNER
"$repo/Tests/Support/with-private-journald.sh" "$out/journal.json" -- bash "$out/inner.sh"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
alerts = [e for e in map(json.loads, open(f"{out}/journal.json")) if e.get("ALERT_KIND")]
print(f"== journal: {len(alerts)} alerts (MESSAGE)")
for e in alerts:
    print(f'{e["ALERT_KIND"]:<17} {e["MESSAGE"]}')
feed = json.load(open(f"{out}/state/feed.json"))
print(f"== feed: {len(feed['items'])} items (summary)")
for item in feed["items"]:
    print(item["summary"])
print("== calendar (SUMMARY)")
unfolded = open(f"{out}/deadlines.ics", newline="").read().replace("\r\n ", "")
for line in unfolded.split("\r\n"):
    if line.startswith(("SUMMARY:", "DTSTART")):
        print(line)
PY
/usr/bin/python3 "$repo/Tests/Support/check-jsonfeed.py" "$out/state/feed.json"
echo "output in $out"
