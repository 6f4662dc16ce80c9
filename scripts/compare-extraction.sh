#!/usr/bin/env bash
# Compares what two builds extract, byte for byte: `extract --json` on every article of the seed,
# news-dev and our own evaluation sets (each with its gold reference date), and `extract --timex` on the
# TimeML documents (text only). For changes meant to keep results identical (speed, bounds).
# Usage: scripts/compare-extraction.sh BASE_BINARY NEW_BINARY [SHARED_DIR]
set -euo pipefail
base=$(realpath "$1") new=$(realpath "$2") shared=$(realpath "${3:-$(dirname "$0")/../../shared}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/tariffwatch-compare.XXXXXX); trap 'rm -rf "$work"' EXIT
same=0 differ=0
compare() {  # compare NAME ARGS...: one extraction with both builds
    local name=$1; shift
    "$base" "$@" >"$work/a" 2>&1 || true
    "$new" "$@" >"$work/b" 2>&1 || true
    if cmp -s "$work/a" "$work/b"; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $name"; fi
}
for set in "$shared/seeds:$shared/eval/seeds.gold.json" "$shared/eval/news-dev/articles:$shared/eval/news-dev/gold.json" \
    "$root/Tests/Fixtures/eval:$root/Tests/Fixtures/eval/gold.json" "$root/Tests/Fixtures/heldout:$root/Tests/Fixtures/heldout/gold.json"; do
    dir=${set%%:*} gold=${set#*:}
    [ -f "$gold" ] || { echo "skipped: no $gold"; continue; }
    while read -r name date; do
        compare "$name" extract --json --reference-date "$date" "$dir/$name"
    done < <(python3 -c 'import json, sys
for name, doc in sorted(json.load(open(sys.argv[1]))["documents"].items()): print(name, doc["reference_date"])' "$gold")
done
# TimeML: the documents' text without tags, as scripts/eval_timeml.py gives it to the tagger.
if [ -d "$shared/eval/timeml" ]; then
    while IFS= read -r -d '' tml; do
        "$root/scripts/timeml-text.py" "$tml" >"$work/doc.txt"
        compare "$(basename "$tml")" extract --timex --reference-date 2000-01-01 "$work/doc.txt"
        compare "$(basename "$tml") (json)" extract --json --reference-date 2000-01-01 "$work/doc.txt"
    done < <(find "$shared/eval/timeml" -name '*.tml' -print0 | sort -z)
fi
echo "RESULT identical=$same different=$differ"
[ "$differ" = 0 ]
