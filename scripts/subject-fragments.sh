#!/usr/bin/env bash
# Counts deadline subjects that are fragments cut inside a word or a number: a subject opening on the `s` of a
# possessive (`s economy grew`) or on a bare number or rate (`2%`, `000 troops`), over every deadline
# `tariffwatch extract` finds in the TimeML documents (reference date 2000-01-01, as compare-extraction.sh
# reads them), the real-news articles and our own two sets (reference date 2000-01-01 too: the count is of
# subjects, not dates). Prints the totals, then the fragments.
# Usage: scripts/subject-fragments.sh TARIFFWATCH_BINARY [SHARED_DIR]
set -euo pipefail
bin=$(realpath "$1") shared=$(realpath "${2:-$(dirname "$0")/../../shared}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/tariffwatch-fragments.XXXXXX); trap 'rm -rf "$work"' EXIT
: >"$work/deadlines"
if [ -d "$shared/eval/timeml" ]; then
    while IFS= read -r -d '' tml; do
        "$root/scripts/timeml-text.py" "$tml" >"$work/doc.txt"
        "$bin" extract --reference-date 2000-01-01 "$work/doc.txt" | grep '^  deadline ' >>"$work/deadlines" || true
    done < <(find "$shared/eval/timeml" -name '*.tml' -print0 | sort -z)
fi
for f in "$shared"/eval/news-dev/articles/*.txt "$root"/Tests/Fixtures/eval/*.txt "$root"/Tests/Fixtures/heldout/*.txt; do
    [ -f "$f" ] || continue
    "$bin" extract --reference-date 2000-01-01 "$f" | grep '^  deadline ' >>"$work/deadlines" || true
done
fragments=$(grep -E ': (s |[0-9]+%|[0-9]+ )' "$work/deadlines" || true)
printf 'subject fragments: %d of %d deadlines\n' "$(printf '%s' "$fragments" | grep -c . || true)" "$(wc -l <"$work/deadlines")"
printf '%s\n' "$fragments"
