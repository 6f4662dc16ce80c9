#!/usr/bin/env bash
# Scores `tariffwatch extract --json` on a folder of articles against a gold file in the format of
# ../shared/eval/seeds.gold.json, each article with the reference date the gold file gives it.
# Usage: scripts/eval-articles.sh ARTICLES_DIR GOLD_JSON [--verbose]
# The scorer is our own scripts/score_facts.py (same rules as ../shared/eval/score.py, which
# `make eval` and `make eval-news` pass as SCORER for the shared sets).
set -euo pipefail
articles=$1 gold=$2; shift 2
scorer=${SCORER:-$(dirname "$0")/score_facts.py}
[ -f "$scorer" ] || { echo "no scorer at $scorer (set SCORER)" >&2; exit 2; }
bin=$(swift build --show-bin-path)/tariffwatch
out=$(mktemp /tmp/tariffwatch-eval.XXXXXX.jsonl)
trap 'rm -f "$out"' EXIT
python3 - "$gold" <<'PY' | while read -r name date; do "$bin" extract --json --reference-date "$date" "$articles/$name" >> "$out"; done
import json, sys
for name, doc in sorted(json.load(open(sys.argv[1]))["documents"].items()):
    print(name, doc["reference_date"])
PY
python3 "$scorer" "$gold" "$out" "$@"
