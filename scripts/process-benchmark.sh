#!/usr/bin/env bash
# Throughput of the whole `tariffwatch extract --json` process (start-up, reading, extraction, JSON, output
# to /dev/null), single core (and the folder once more on every CPU): on the real-news articles (repeated to about 2 MB, skipped with a message when
# absent), both as 440 file operands and as one folder holding the same 440 copies (no argument parsing of
# 440 names), and on the generated news-like corpus (written by extraction-benchmark --write-corpus).
# Prints best-of-RUNS wall-clock and CPU (user + system) MB/s, and the start-up cost alone.
# Usage: scripts/process-benchmark.sh TARIFFWATCH EXTRACTION_BENCHMARK [NEWS_ARTICLES_DIR] [RUNS]
set -euo pipefail
bin=$(realpath "$1") bench=$(realpath "$2") news=${3:-$(dirname "$0")/../../shared/eval/news-dev/articles} runs=${4:-5}
work=$(mktemp -d /tmp/tariffwatch-process-bench.XXXXXX); trap 'rm -rf "$work"' EXIT
run() {  # run NAME FILES...: best wall and CPU seconds of `extract --json` on FILES (files or folders), one core
    run_on 0 "$@"
}
run_on() {  # run_on CPUS NAME FILES...: the same on the CPUs listed (`taskset -c` syntax); extract starts a thread per CPU
    local cpus=$1 name=$2; shift 2
    local bytes count; bytes=$(find -L "$@" -maxdepth 1 -type f ! -name '.*' -print0 | xargs -0 cat | wc -c)
    count=$(find -L "$@" -maxdepth 1 -type f ! -name '.*' | wc -l)
    local best_wall=999999 best_cpu=999999
    for _ in $(seq "$runs"); do
        # one process per run, pinned to one core: %e wall, %U + %S CPU seconds
        /usr/bin/time -f '%e %U %S' -o "$work/time" taskset -c "$cpus" \
            "$bin" extract --json --reference-date 2025-10-24 "$@" >/dev/null 2>&1 || true
        read -r wall user sys <"$work/time"
        best_wall=$(awk -v a="$best_wall" -v b="$wall" 'BEGIN { print (b < a) ? b : a }')
        best_cpu=$(awk -v a="$best_cpu" -v b="$user" -v c="$sys" 'BEGIN { print (b + c < a) ? b + c : a }')
    done
    awk -v n="$name" -v f="$count" -v b="$bytes" -v w="$best_wall" -v c="$best_cpu" 'BEGIN {
        mb = b / 1e6
        if (b < 1000) { printf "%s: extract --json process %.3f s wall, %.3f s CPU, best of '"$runs"'\n", n, w, c; exit }
        printf "%s: extract --json process, %d files, %.2f MB: %.1f MB/s wall (%.3f s), %.1f MB/s CPU (%.3f s), best of '"$runs"'\n",
            n, f, mb, (w > 0 ? mb / w : 0), w, (c > 0 ? mb / c : 0), c }'
}
# GNU time reports hundredths of a second.
printf 'Trade talks resume.\n' >"$work/one.txt"
run "start-up (one sentence)" "$work/one.txt"
if ls "$news"/*.txt >/dev/null 2>&1; then
    files=()
    for _ in $(seq 10); do files+=("$news"/*.txt); done
    run "news ($(ls "$news"/*.txt | wc -l) real articles ×10)" "${files[@]}"
    # The same 440 files as one folder operand: copies named copy-N-NAME, read in that (byte) order.
    mkdir "$work/news-folder"
    for copy in $(seq 0 9); do for f in "$news"/*.txt; do cp "$f" "$work/news-folder/copy-$copy-$(basename "$f")"; done; done
    if [ "$("$bin" extract --json --no-sentences --reference-date 2025-10-24 "$work/news-folder" 2>/dev/null | wc -l)" -ge "${#files[@]}" ]; then
        run "news ($(ls "$news"/*.txt | wc -l) real articles ×10, one folder operand)" "$work/news-folder"
        # every CPU the machine has: the files are read on as many threads, so wall time falls, CPU time does not
        all=$(nproc --all)
        if [ "$all" -gt 1 ]; then
            run_on "0-$((all - 1))" "news ($(ls "$news"/*.txt | wc -l) real articles ×10, one folder operand, $all CPUs)" "$work/news-folder"
        fi
    else
        echo "news, one folder operand: skipped, this build does not read folder operands"
    fi
else
    echo "news: skipped, no articles in $news (the real-news set lives outside the repository)"
fi
mkdir "$work/generated"
"$bench" --write-corpus "$work/generated"
run "news-like (generated)" "$work/generated"/*.txt
echo "command: $0 $*"
