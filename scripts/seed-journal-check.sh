#!/usr/bin/env bash
# Drops the shared seed articles (each dated by its gold reference date) into a daemon that writes to
# a private journald, kills it with SIGKILL, restarts it, then prints the alert entries and counts:
# the threatened US tariff on China must appear once, and the restart must add no duplicate.
# Usage (root): unshare --mount --propagation private scripts/seed-journal-check.sh [SHARED_DIR]
set -euo pipefail
shared=${1:-../shared}
bin=$(swift build --show-bin-path)/tariffwatch
work=$(mktemp -d /tmp/tariffwatch-seeds.XXXXXX)
out=$work/journal.json
inner=$work/inner.sh
cat >"$inner" <<INNER
set -euo pipefail
mkdir -p "$work/inbox" "$work/state" "$work/staging"
"$bin" run --watch-dir "$work/inbox" --state-dir "$work/state" 2>/dev/null & pid=\$!
until [ -e "$work/state/tariffwatch.sqlite" ]; do sleep 0.05; done
python3 - "$shared" "$work" <<'PY'
import json, os, shutil, sys
shared, work = sys.argv[1], sys.argv[2]
for name, doc in sorted(json.load(open(f"{shared}/eval/seeds.gold.json"))["documents"].items()):
    staged = f"{work}/staging/{name}"
    shutil.copy(f"{shared}/seeds/{name}", staged)
    os.system(f"touch -d {doc['reference_date']}T12:00:00Z {staged}")
    os.rename(staged, f"{work}/inbox/{name}")
PY
until "$bin" status --state-dir "$work/state" --json | grep -q '"alerts_pending":0,"facts":[0-9]*,"files_processed":5'; do sleep 0.1; done
kill -9 \$pid; wait \$pid 2>/dev/null || true
"$bin" run --watch-dir "$work/inbox" --state-dir "$work/state" 2>/dev/null & pid=\$!
sleep 2; kill -TERM \$pid; wait \$pid
"$bin" status --state-dir "$work/state"
INNER
"$(dirname "$0")/../Tests/Support/with-private-journald.sh" "$out" -- bash "$inner"
python3 - "$out" <<'PY'
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
alerts = [e for e in entries if e.get("ALERT_KIND")]
for e in alerts:
    print(f'{e["PRIORITY"]} {e["ALERT_KIND"]:<16} {e["MESSAGE"]}')
ids = [e["TARIFFWATCH_ALERT_ID"] for e in alerts]
threat = [e for e in alerts if e.get("TARIFF_IMPOSER") == "US" and e.get("TARIFF_TARGET") == "CN" and e.get("TARIFF_STATUS") == "threatened"]
print(f"{len(alerts)} alert entries, {len(set(ids))} distinct alert ids; US->CN threatened tariff entries: {len(threat)}")
PY
