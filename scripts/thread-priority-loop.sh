#!/usr/bin/env bash
# Runs the daemon as `nobody` RUNS times with libdispatch logging to stderr: each run drops 4 to 24 of our
# evaluation articles a few milliseconds apart, reloads, and counts the runs whose log has libdispatch's
# `Failed to set thread priority` line before the stop (README, "Install as a systemd unit"). Needs root and setpriv.
# Usage: scripts/thread-priority-loop.sh BINARY [RUNS]
set -euo pipefail
bin=$(realpath "$1") runs=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
articles=("$root"/Tests/Fixtures/eval/*.txt)
work=$(mktemp -d /tmp/tariffwatch-priority.XXXXXX); trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
running=0 stopping=0
for run in $(seq "$runs"); do
    d=$work/$run; mkdir -p "$d/inbox" "$d/state"; chown -R 65534:65534 "$d"
    printf 'watch:\n  directory: %s/inbox\nstate:\n  directory: %s/state\n' "$d" "$d" >"$d/tariffwatch.yaml"
    LIBDISPATCH_LOG=stderr setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$bin" run --config "$d/tariffwatch.yaml" >"$d/daemon.log" 2>&1 &
    pid=$!
    sleep 1.5
    for i in $(seq 0 $((RANDOM % 21 + 3))); do
        cp "${articles[$((RANDOM % ${#articles[@]}))]}" "$d/inbox/.f$i" && chown 65534 "$d/inbox/.f$i"
        mv "$d/inbox/.f$i" "$d/inbox/f$i.txt"
        sleep "0.00$((RANDOM % 9))"
    done
    sleep 1; kill -HUP "$pid"; sleep 1.5
    if grep -q 'Failed to set thread priority' "$d/daemon.log"; then running=$((running + 1)); echo "run $run: the line while running"; fi
    kill -TERM "$pid"; wait "$pid" || true
    if grep -q 'Failed to set thread priority' "$d/daemon.log"; then stopping=$((stopping + 1)); fi
done
echo "$runs runs: the line while running in $running, by the end of the stop in $stopping"
