#!/usr/bin/env bash
# Scores `tariffwatch extract --json` on the seed articles against the gold file, each article
# with the reference date the gold file gives it.
# Usage: scripts/eval-seeds.sh SEEDS_DIR GOLD_JSON [--verbose]
set -euo pipefail
seeds=$1 gold=$2; shift 2
bin=$(swift build --show-bin-path)/tariffwatch
out=$(mktemp /tmp/tariffwatch-seeds.XXXXXX.jsonl)
trap 'rm -f "$out"' EXIT
python3 - "$gold" <<'PY' | while read -r name date; do "$bin" extract --json --reference-date "$date" "$seeds/$name" >> "$out"; done
import json, sys
for name, doc in sorted(json.load(open(sys.argv[1]))["documents"].items()):
    print(name, doc["reference_date"])
PY
python3 "$(dirname "$gold")/score.py" "$gold" "$out" "$@"
