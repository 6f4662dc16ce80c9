#!/usr/bin/env bash
# Hostile-input benchmark (`make bench-hostile`): time and peak memory of `tariffwatch extract` on each
# pathological pattern of scripts/hostile-text.py, doubling the size from FROM to TO bytes, with the
# ratio to the previous size (a linear extractor shows about 2.0 for both).
# Usage: scripts/hostile-benchmark.sh BINARY [FROM] [TO] [PATTERN...]
# EXTRACT_FLAGS (default --unbudgeted) are passed to extract: the engine's own growth, not the budget's cut.
set -euo pipefail
bin=$(realpath "$1"); from=${2:-65536}; to=${3:-4194304}; shift $(( $# < 3 ? $# : 3 ))
here=$(cd "$(dirname "$0")" && pwd)
patterns=("$@"); [ ${#patterns[@]} -gt 0 ] || read -r -a patterns <<<"$("$here/hostile-text.py" --list)"
flags=${EXTRACT_FLAGS---unbudgeted}
work=$(mktemp -d /tmp/tariffwatch-hostile.XXXXXX); trap 'rm -rf "$work"' EXIT
echo "command per file: /usr/bin/time -f '%e %M' $bin extract --json $flags --reference-date 2025-10-24 FILE"
printf '%-10s %9s %9s %10s %7s %7s %s\n' pattern bytes seconds "peak MiB" "t ratio" "m ratio" result
for pattern in "${patterns[@]}"; do
    prev_t='' prev_m=''
    size=$from
    while [ "$size" -le "$to" ]; do
        file=$work/$pattern-$size.txt
        "$here/hostile-text.py" "$pattern" "$size" "$file"
        # best of three for time (the machine is shared); peak RSS is the same each run
        best='' peak=0 status=0
        for _ in 1 2 3; do
            /usr/bin/time -o "$work/time" -f '%e %M' "$bin" extract --json $flags --reference-date 2025-10-24 "$file" \
                >/dev/null 2>"$work/err" && status=0 || status=$?
            read -r t m < <(tail -n 1 "$work/time")
            if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
            peak=$m
        done
        result=ok; [ "$status" = 0 ] || result="exit $status: $(grep -o 'too complex.*' "$work/err" | head -n 1)"
        mib=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
        tr=$( [ -n "$prev_t" ] && awk -v a="$best" -v b="$prev_t" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }' || echo -)
        mr=$( [ -n "$prev_m" ] && awk -v a="$peak" -v b="$prev_m" 'BEGIN { printf "%.2f", a / b }' || echo -)
        printf '%-10s %9d %9s %10s %7s %7s %s\n' "$pattern" "$size" "$best" "$mib" "$tr" "$mr" "$result"
        prev_t=$best prev_m=$peak
        rm -f "$file"
        size=$(( size * 2 ))
    done
done
