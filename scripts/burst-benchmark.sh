#!/usr/bin/env bash
# Drops N small articles into a running daemon's folder at once and measures how long until every
# one is processed and delivered, and the daemon's peak RSS (VmHWM).
# Usage: scripts/burst-benchmark.sh [N] [BINARY]   (default 20000, release build)
set -euo pipefail
n=${1:-20000}
bin=${2:-$(swift build -c release --show-bin-path)/tariffwatch}
[ -x "$bin" ] || { echo "build first: make release" >&2; exit 1; }
work=$(mktemp -d /tmp/tariffwatch-burst.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/inbox" "$work/state" "$work/staging"
countries=(Japan Canada Mexico India Brazil Australia Indonesia Turkey Argentina Vietnam Thailand Chile)
for ((i = 0; i < n; i++)); do
    a=${countries[i % 12]}; b=${countries[(i / 12 + 1 + i) % 12]}
    [ "$a" = "$b" ] && b=China
    printf '%s will impose %d%% tariffs on imports from %s starting June 1, officials said on Monday.\nTrade ministers will meet on May %d to discuss the plan.\n' \
        "$a" $((i % 90 + 5)) "$b" $((i % 28 + 1)) > "$work/staging/article-$i.txt"
done
touch -d 2026-05-04T12:00:00Z "$work"/staging/*  2>/dev/null || find "$work/staging" -type f -exec touch -d 2026-05-04T12:00:00Z {} +
"$bin" run --watch-dir "$work/inbox" --state-dir "$work/state" 2>"$work/daemon.log" &
pid=$!
until [ -e "$work/state/tariffwatch.sqlite" ]; do sleep 0.1; done
sleep 1
start=$(date +%s.%N)
find "$work/staging" -type f -exec mv -t "$work/inbox" {} +
while :; do
    s=$("$bin" status --state-dir "$work/state" --json)
    done_files=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["files_processed"]+d["files_rejected"] if d["alerts_pending"]==0 else -1)' "$s")
    [ "$done_files" -ge "$n" ] && break
    sleep 0.2
done
end=$(date +%s.%N)
hwm=$(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)
# The daemon's own CPU time (user + system, all threads): less dependent on the machine's load than the rate.
ticks=$(awk '{print $14 + $15}' /proc/$pid/stat)
kill -TERM "$pid"; wait "$pid" || true
python3 - "$n" "$start" "$end" "$hwm" "$s" "$ticks" "$(getconf CLK_TCK)" <<'PY'
import sys, json
n, start, end, hwm, s = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], json.loads(sys.argv[5])
cpu = int(sys.argv[6]) / int(sys.argv[7])
t = end - start
print(f"{n} files in {t:.1f} s = {n/t:.0f} files/s; daemon CPU {cpu:.1f} s ({1000*cpu/n:.2f} ms per file); peak RSS {hwm}; state {s}")
PY
