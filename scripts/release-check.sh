#!/usr/bin/env bash
# Checks the shipped build (`make release`: static Swift runtime, lld, ordered layout) against the debug
# build the test suite ran: the same extraction, byte for byte, on every fixture article; and a daemon
# that starts, delivers an alert to its feed, runs Swift concurrency on SwiftNIO's loops (no warning that
# it fell back to libdispatch, whose pool monitor would wake it every second) and stops cleanly.
# Usage: scripts/release-check.sh RELEASE_BINARY DEBUG_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
release=$1 debug=$2
for bin in "$release" "$debug"; do [ -x "$bin" ] || { echo "not built: $bin" >&2; exit 1; }; done
work=$(mktemp -d /tmp/tariffwatch-release-check.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "release check FAILED: $*" >&2; exit 1; }

"$release" --version >/dev/null || fail "--version"

# The same facts from both builds.
articles=(Tests/Fixtures/eval/*.txt Tests/Fixtures/heldout/*.txt Tests/Fixtures/articles/*.txt
    Tests/Fixtures/formats/*.eml Tests/Fixtures/formats/*.html Tests/Fixtures/formats/*.json Tests/Fixtures/formats/*.rss)
for build in release debug; do
    "${!build}" extract --json --reference-date 2026-01-15 "${articles[@]}" > "$work/$build.jsonl" 2> "$work/$build.err"
done
for out in jsonl err; do
    cmp -s "$work/release.$out" "$work/debug.$out" || {
        diff "$work/debug.$out" "$work/release.$out" | head -20 >&2; fail "extract --json differs from the debug build ($out)"; }
done
echo "extract --json: ${#articles[@]} articles, $(wc -l < "$work/release.jsonl") lines, identical to the debug build"

# The daemon, from each build: start-up, one article, its alert in the feed, SIGTERM.
daemon_check() {
    local bin=$1 dir="$work/daemon-$2"
    mkdir -p "$dir/inbox" "$dir/state"
    env -u WATCHDOG_USEC -u NOTIFY_SOCKET "$bin" run --watch-dir "$dir/inbox" --state-dir "$dir/state" \
        --feed "$dir/feed.json" 2>"$dir/daemon.log" &
    pid=$!
    for _ in $(seq 100); do grep -qs "Watching" "$dir/daemon.log" && break; sleep 0.1; done
    grep -q "Watching" "$dir/daemon.log" || { cat "$dir/daemon.log" >&2; fail "$2: the daemon did not start"; }
    printf 'Ottawa will impose a 25%% tariff on steel from Japan starting March 1, 2027.\n' > "$dir/article.tmp"
    touch -d 2026-12-01 "$dir/article.tmp"
    mv "$dir/article.tmp" "$dir/inbox/article.txt"
    has_items() { python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["items"] else 1)' "$dir/feed.json" 2>/dev/null; }
    for _ in $(seq 100); do has_items && break; sleep 0.1; done
    has_items || { cat "$dir/daemon.log" >&2; fail "$2: no feed item for the article"; }
    kill -TERM "$pid"; local status=0; wait "$pid" || status=$?; pid=
    [ "$status" = 0 ] || { cat "$dir/daemon.log" >&2; fail "$2: the daemon exited with $status on SIGTERM"; }
    if grep -q "runs on libdispatch" "$dir/daemon.log"; then fail "$2: $(grep "runs on libdispatch" "$dir/daemon.log")"; fi
    echo "daemon, $2 build: started, one article to one feed item, Swift concurrency on SwiftNIO's loops, stopped cleanly"
}
daemon_check "$release" release
daemon_check "$debug" debug
