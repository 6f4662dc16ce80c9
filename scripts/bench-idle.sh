#!/usr/bin/env bash
# An idle daemon: RSS after start-up and how often its threads wake up when nothing happens.
# Wake-ups are the context switches of all its threads (/proc/PID/task/*/status) over the window;
# no watchdog is configured (WATCHDOG_USEC unset), so an idle daemon should have none.
# The binary is written out and its pages dropped from the page cache first, as after a boot: the kernel maps the
# pages around each fault that are already cached, so a freshly copied or just-run binary shows up to
# 1.5 MB more of resident code than the same binary started cold.
# Usage: scripts/bench-idle.sh [SECONDS] [BINARY]   (default 60 s, release build)
set -euo pipefail
seconds=${1:-60}
bin=${2:-$(swift build -c release --show-bin-path)/tariffwatch}
[ -x "$bin" ] || { echo "build first: make release" >&2; exit 1; }
work=$(mktemp -d /tmp/tariffwatch-idle.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/inbox" "$work/state"
python3 -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$bin"
env -u WATCHDOG_USEC -u NOTIFY_SOCKET "$bin" run --watch-dir "$work/inbox" --state-dir "$work/state" 2>"$work/daemon.log" &
pid=$!
until grep -q "Watching" "$work/daemon.log" 2>/dev/null; do kill -0 "$pid" || { cat "$work/daemon.log"; exit 1; }; sleep 0.1; done
# Let start-up settle before the window opens: the first feed write, and libdispatch's overcommit
# worker threads (GRDB's and our serial queues) that exit 5 s after their last job, once each.
sleep 10
# Per-thread counts: a thread that exits in the window takes its counts with it, so each exited
# thread counts as one wake-up at least, and a thread born in the window counts in full.
snapshot() { for t in /proc/"$pid"/task/*; do echo "${t##*/} $(awk '/ctxt_switches/ {n += $2} END {print n}' "$t"/status 2>/dev/null) $(tr ' ' '_' < "$t"/comm 2>/dev/null)"; done; }
before=$(snapshot); rss_start=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
sleep "$seconds"
after=$(snapshot); rss_end=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
wakeups=$(python3 -c '
import sys
parse = lambda text: {int(f[0]): (int(f[1]), f[2] if len(f) > 2 else "?") for f in (line.split() for line in text.splitlines()) if len(f) >= 2}
before, after = parse(sys.argv[1]), parse(sys.argv[2])
per = {t: after[t][0] - before.get(t, (0,))[0] for t in after}
per.update({t: 1 for t in before if t not in after})
names = {t: (after.get(t) or before[t])[1] for t in per}
print(sum(per.values()), ", ".join(f"{names[t]}[{t}]: {n}" for t, n in sorted(per.items()) if n))
' "$before" "$after")
memory=$(awk '/^(RssAnon|RssFile):/ {printf "%s %s kB, ", $1, $2}' /proc/$pid/status; awk '/^Pss:/ {printf "Pss %s kB", $2}' /proc/$pid/smaps_rollup)
echo "idle for ${seconds} s: ${wakeups%% *} wake-ups (context switches of its $(ls /proc/$pid/task | wc -l) threads), RSS ${rss_start} kB after start-up, ${rss_end} kB at the end"
echo "wake-ups by thread: ${wakeups#* }"
echo "memory at the end: ${memory}"
echo "command: scripts/bench-idle.sh $seconds $bin; load: $(cut -d' ' -f1-3 /proc/loadavg)"
