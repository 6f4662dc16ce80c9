#!/usr/bin/env bash
# Instructions the engine executes (`Extractor.extract`, inclusive, counted by callgrind) on each corpus:
# repeatable for one binary whatever else the machine is doing, so two builds can be compared on a
# shared, noisy machine where timed ratios move by a quarter. One run of the generated corpora
# (`--once`); the real-news articles of $TARIFFWATCH_NEWS_DIR (default ../shared/eval/news-dev/articles)
# 50 times, as the timed benchmark reads them (the first pass also builds the word tables, which would
# otherwise weigh a third of so small a corpus), so that figure is per pass.
# Usage: scripts/engine-instructions.sh EXTRACTION_BENCHMARK_BINARY [CORPUS...]   (news-like dense news)
set -euo pipefail
bin=$(realpath "$1"); shift
if [ $# -eq 0 ]; then corpora=(news-like dense news); else corpora=("$@"); fi
export TARIFFWATCH_NEWS_DIR=${TARIFFWATCH_NEWS_DIR:-$(cd "$(dirname "$0")/.." && pwd)/../shared/eval/news-dev/articles}
command -v valgrind >/dev/null || { echo "engine-instructions: valgrind is not installed" >&2; exit 1; }
work=$(mktemp -d /tmp/tariffwatch-callgrind.XXXXXX); trap 'rm -rf "$work"' EXIT
for corpus in "${corpora[@]}"; do
    once=--once passes=1
    [ "$corpus" != news ] || { once= passes=50; }
    valgrind --tool=callgrind --callgrind-out-file="$work/$corpus.out" "$bin" "$corpus" --extract-only $once \
        >"$work/$corpus.log" 2>&1 || { cat "$work/$corpus.log" >&2; exit 1; }
    # The outermost frame of Extractor.extract(_:referenceDate:limits:) is the largest inclusive count.
    count=$(callgrind_annotate --inclusive=yes "$work/$corpus.out" 2>/dev/null |
        awk '/ExtractorV7extract_13referenceDate/ { gsub(",", "", $1); if ($1 + 0 > max) max = $1 + 0 } END { print max + 0 }')
    printf '%s: %s instructions in Extractor.extract over %d pass(es), %.1f M per pass\n' \
        "$corpus" "$count" "$passes" "$(echo "$count / $passes / 1000000" | bc -l)"
done
