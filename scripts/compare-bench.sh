#!/usr/bin/env bash
# Compares two builds of extraction-benchmark on a shared, noisy machine: runs them alternately,
# ROUNDS times each, and prints each one's median news-like MB/s and the ratio head/base.
# Usage: scripts/compare-bench.sh BASE_BINARY HEAD_BINARY [ROUNDS] [CORPUS]
set -euo pipefail
base=$1 head=$2 rounds=${3:-7} corpus=${4:-news-like}
rate() { "$1" "$corpus" --extract-only | grep "^$corpus:" | sed -n 's/.*extract (best of 5) \([0-9.]*\) MB\/s.*/\1/p'; }
b=() h=()
for _ in $(seq "$rounds"); do
    b+=("$(rate "$base")")
    h+=("$(rate "$head")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mb=$(median "${b[@]}") mh=$(median "${h[@]}")
echo "base: ${b[*]}"
echo "head: ${h[*]}"
awk -v b="$mb" -v h="$mh" -v c="$corpus" 'BEGIN { printf "%s median MB/s: base %.1f, head %.1f, head/base %.2f\n", c, b, h, h / b }'
