#!/usr/bin/env bash
# Compares two builds of extraction-benchmark on a shared, noisy machine. The speed of this VM drifts
# by a third over seconds, so one figure per build says little: the builds run alternately, ROUNDS
# times each (the order flips every round), each run timing every document alone PER_DOCUMENT times
# and keeping its fastest (`--per-document`), and the script prints three head/base ratios: of the
# medians, of the bests, and the median of the per-round ratios, whose two runs are a second apart and
# so see the same drift. That last one is the figure to quote.
# Usage: scripts/compare-bench.sh BASE_BINARY HEAD_BINARY [ROUNDS] [CORPUS]   (PER_DOCUMENT=30 by default;
# PER_DOCUMENT=0 times best-of-five whole runs, as `make bench` prints them)
set -euo pipefail
base=$1 head=$2 rounds=${3:-15} corpus=${4:-news-like} per=${PER_DOCUMENT:-30}
if [ "$per" -gt 0 ]; then
    rate() { "$1" "$corpus" --per-document "$per" | grep "^$corpus:" | sed -n 's/.*per-document fastest of [0-9]* \([0-9.]*\) MB\/s.*/\1/p'; }
else
    rate() { "$1" "$corpus" --extract-only | grep "^$corpus:" | sed -n 's/.*extract (best of 5) \([0-9.]*\) MB\/s.*/\1/p'; }
fi
b=() h=() r=()
for i in $(seq "$rounds"); do
    if (( i % 2 )); then x=$(rate "$base"); y=$(rate "$head"); else y=$(rate "$head"); x=$(rate "$base"); fi
    [ -n "$x" ] && [ -n "$y" ] || { echo "compare-bench: no $corpus figure from a run (is the corpus present?)" >&2; exit 1; }
    b+=("$x") h+=("$y") r+=("$(awk -v x="$x" -v y="$y" 'BEGIN { print y / x }')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
best() { printf '%s\n' "$@" | sort -g | tail -1; }
quartiles() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.2f to %.2f", a[int((NR+3)/4)], a[int((3*NR+3)/4)]}'; }
faster=$(printf '%s\n' "${r[@]}" | awk '$1 > 1 { n++ } END { print n + 0 }')
echo "base MB/s: ${b[*]}"
echo "head MB/s: ${h[*]}"
echo "paired head/base: ${r[*]}"
awk -v b="$(median "${b[@]}")" -v h="$(median "${h[@]}")" -v bb="$(best "${b[@]}")" -v hb="$(best "${h[@]}")" \
    -v r="$(median "${r[@]}")" -v q="$(quartiles "${r[@]}")" -v f="$faster" -v c="$corpus" -v n="$rounds" -v p="$per" 'BEGIN {
    printf "%s, %d rounds (%s): median MB/s base %.1f, head %.1f, head/base %.2f; best head/base %.2f; paired head/base median %.3f (quartiles %s), head faster in %d of %d\n",
        c, n, (p > 0 ? "fastest of " p " per document" : "best of 5 runs"), b, h, h / b, hb / bb, r, q, f, n }'
