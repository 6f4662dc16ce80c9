#!/usr/bin/env bash
# Remakes mk/tariffwatch.order, the function order `make release` gives lld (--symbol-ordering-file):
# first the functions the daemon's start-up executes, then those its run over a folder of articles in
# every format adds, then those `extract --json` adds. Placed together, start-up's fill a few contiguous
# pages; strewn over the binary, each would make the kernel map the 64 kB around it (fault-around), and an
# idle daemon would hold 15 MB of code it ran once.
#
# Each run is under valgrind's callgrind, which lists every function that ran, however briefly (a
# sampling profiler misses the many that run once). Callgrind needs the statically linked release
# build: on the dynamically linked debug build, libdispatch's signal thread crashes valgrind. It runs a
# copy without debug information, which valgrind cannot read. The daemon runs twice with articles,
# because which functions its threads reach before it stops varies from run to run.
# A function that shares its section with others (code compiled without function sections: C libraries,
# parts of the Swift runtime) is left out: ordering it would pull its whole section, up to 1.5 MB, into
# the middle of the others. The link map that tells which those are comes from one more link.
# Usage: RELEASE_FLAGS=... scripts/order-file.sh   (`make order-file` runs it and relinks)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
[ -n "${RELEASE_FLAGS:-}" ] || { echo "RELEASE_FLAGS is not set: run make order-file" >&2; exit 1; }
work=$(mktemp -d /tmp/tariffwatch-order.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
# shellcheck disable=SC2086 # RELEASE_FLAGS is a list of flags
swift build -c release $RELEASE_FLAGS -Xlinker -Map="$work/link.map" >&2
bin=$(swift build -c release --show-bin-path)/tariffwatch
objcopy --strip-debug "$bin" "$work/tariffwatch"

# Articles in every format the daemon reads, and one it rejects.
mkdir "$work/articles"
cp Tests/Fixtures/eval/*.txt Tests/Fixtures/heldout/*.txt "$work/articles/"
for f in canada-autos.eml eu-bourbon-cp1252.txt eu-steel.html news-api.json trade-feed.rss; do
    cp "Tests/Fixtures/formats/$f" "$work/articles/"
done
if command -v ps2pdf >/dev/null; then ps2pdf Tests/Fixtures/formats/cranes-notice.ps "$work/articles/cranes-notice.pdf"; fi
head -c 4096 /dev/urandom > "$work/articles/not-an-article.txt"
count=$(find "$work/articles" -type f | wc -l)

callgrind=(valgrind --tool=callgrind --demangle=no --compress-strings=no)
handled() { grep -c -E "(processed|rejected|skipped) $1/inbox/" "$1/log" || true; }

# daemon NAME WITH: start-up; then, if WITH is "articles", every article renamed into the folder; then SIGTERM.
daemon() {
    local dir="$work/$1"
    mkdir -p "$dir/inbox" "$dir/state" "$dir/staging"
    env -u WATCHDOG_USEC -u NOTIFY_SOCKET "${callgrind[@]}" --callgrind-out-file="$work/$1.out" "$work/tariffwatch" run \
        --watch-dir "$dir/inbox" --state-dir "$dir/state" 2>"$dir/log" &
    pid=$!
    for _ in $(seq 240); do grep -qs "Watching" "$dir/log" && break; sleep 0.5; done
    grep -q "Watching" "$dir/log" || { cat "$dir/log" >&2; exit 1; }
    if [ "$2" = articles ]; then
        # Each file is written elsewhere and renamed in, as a complete file arrives.
        for f in "$work/articles"/*; do cp "$f" "$dir/staging/" && mv "$dir/staging/${f##*/}" "$dir/inbox/"; done
        for _ in $(seq 600); do [ "$(handled "$dir")" -ge "$count" ] && break; sleep 0.5; done
        echo "$1: $(handled "$dir") of $count files handled" >&2
    fi
    sleep 2
    kill -TERM "$pid"; wait "$pid" || true; pid=
}
daemon startup nothing
daemon articles1 articles
daemon articles2 articles
"${callgrind[@]}" --callgrind-out-file="$work/extract.out" "$work/tariffwatch" extract --json --reference-date 2026-01-15 \
    "$work/articles" >/dev/null 2>&1 || true

python3 - "$work/link.map" "$work/startup.out" "$work/articles1.out,$work/articles2.out" "$work/extract.out" \
    > "$work/order" <<'PYTHON'
import re, sys

# The size of the input section each symbol is in. lld's map lists an input section ("path:(name)"),
# then its symbols, each line: address, load address, size, alignment, then the name.
section_size, current = {}, 0
for line in open(sys.argv[1]):
    fields = line.split()
    if len(fields) != 5:
        current = 0
    elif ":(" in fields[4]:
        current = int(fields[2], 16)
    elif current:
        section_size.setdefault(fields[4], current)

def executed(paths):
    """The binary's functions in the order callgrind lists them; its 'N suffix marks a recursion level."""
    names = []
    for path in paths.split(","):
        obj = None
        for line in open(path, errors="replace"):
            if line.startswith("ob="):
                obj = line[3:].strip()
            elif line.startswith("fn=") and obj and obj.endswith("/tariffwatch"):
                names.append(re.sub(r"'\d+$", "", line[3:].strip()))
    return names

seen, order = set(), []
for group in sys.argv[2:]:
    for name in executed(group):
        if name not in seen and 0 < section_size.get(name, 0) <= 65536:
            seen.add(name)
            order.append(name)
print("\n".join(order))
PYTHON

# The order made fresh has twice cost the idle daemon 0.6 to 0.9 MB of file pages against the one it replaced
# (docs/performance.md, "Twentieth round" and "Twenty-first round"), so by default the existing order keeps its
# place and each function the runs add goes right after the function executed before it; ORDER_FRESH=1 replaces it.
if [ -n "${ORDER_FRESH:-}" ] || [ ! -s mk/tariffwatch.order ]; then
    cp "$work/order" mk/tariffwatch.order
else
    python3 - mk/tariffwatch.order "$work/order" > "$work/merged" <<'PYTHON'
import sys
old = open(sys.argv[1]).read().split()
new = open(sys.argv[2]).read().split()
kept = set(old)
# each new function after the nearest function before it (in the new order) that the old order has
after, previous = {}, None
for name in new:
    if name in kept:
        previous = name
    else:
        after.setdefault(previous, []).append(name)
merged = list(after.get(None, []))
for name in old:
    merged.append(name)
    merged.extend(after.get(name, []))
print("\n".join(merged))
PYTHON
    mv "$work/merged" mk/tariffwatch.order
fi
echo "mk/tariffwatch.order: $(wc -l < mk/tariffwatch.order) functions" >&2
