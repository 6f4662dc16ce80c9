#!/usr/bin/env bash
# Builds and runs a libFuzzer target (`make fuzz`): Tests/Fuzz/TARGET/ holds Harness.swift (defines
# LLVMFuzzerTestOneInput), target.conf (modules, swiftc flags, libFuzzer flags), seeds/ (the corpus
# seeds we wrote) and optionally dict.txt. A reader of another input format gets a target by adding a
# folder the same way: its modules are compiled with coverage, in the order listed, and linked in.
# Usage: scripts/fuzz.sh TARGET [RUNS] [extra libFuzzer flags...]
# The generated corpus grows in .build-fuzz/TARGET/corpus (not committed); crashes land in
# .build-fuzz/TARGET/ as crash-*/timeout-*/oom-* files. Prints executions, time and corpus size.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh TARGET [RUNS] [libFuzzer flags...]}; runs=${2:-1000000}; shift $(( $# < 2 ? $# : 2 ))
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/Tests/Fuzz/$target
[ -f "$dir/Harness.swift" ] || { echo "no fuzz target $target (Tests/Fuzz/$target/Harness.swift)" >&2; exit 2; }
modules="" swiftc_flags="" fuzz_flags=""
# shellcheck source=/dev/null
. "$dir/target.conf"
out=$root/.build-fuzz/$target
mkdir -p "$out/corpus"
swiftc=${SWIFTC:-swiftc}
common=(-O -wmo -swift-version 6 -parse-as-library -sanitize=fuzzer,address
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
    -enable-upcoming-feature InternalImportsByDefault -I "$out" -L "$out")
libs=()
for module in $modules; do
    sources=$(find "$root/Sources/$module" -name '*.swift' | sort)
    stamp=$out/$module.sources
    # rebuild a module only when its sources changed
    if [ ! -f "$out/lib$module.a" ] || [ -n "$(find "$root/Sources/$module" -name '*.swift' -newer "$out/lib$module.a")" ] \
        || ! echo "$sources" | cmp -s - "$stamp"; then
        echo "compiling $module with coverage"
        # shellcheck disable=SC2086
        "$swiftc" "${common[@]}" $swiftc_flags -module-name "$module" -emit-module -emit-module-path "$out/$module.swiftmodule" \
            -emit-library -static -o "$out/lib$module.a" $sources 2>"$out/build.log" || { cat "$out/build.log"; exit 1; }
        echo "$sources" >"$stamp"
    fi
    libs+=("-l$module")
done
binary=$out/fuzz-$target
if [ ! -x "$binary" ] || [ -n "$(find "$dir/Harness.swift" "$out" -maxdepth 1 -name '*.a' -newer "$binary" 2>/dev/null)" ] \
    || [ "$dir/Harness.swift" -nt "$binary" ]; then
    echo "linking $binary"
    # shellcheck disable=SC2086
    # (the gold linker warns about ASan's local symbols: noise, kept in build.log)
    "$swiftc" "${common[@]}" $swiftc_flags -module-name "Fuzz${target//-/_}" "$dir/Harness.swift" "${libs[@]}" -o "$binary" \
        2>"$out/build.log" || { cat "$out/build.log"; exit 1; }
fi
cd "$dir"
start=$(date +%s)
echo "running: $binary $fuzz_flags -runs=$runs $* .build-fuzz/$target/corpus Tests/Fuzz/$target/seeds"
# The Swift runtime's backtracer reads the crashed stack from another thread, which AddressSanitizer
# reports as a second error over libFuzzer's own report: off. The status is the fuzzer's, not grep's.
set +e
# shellcheck disable=SC2086
SWIFT_BACKTRACE=enable=no "$binary" $fuzz_flags -runs="$runs" -artifact_prefix="$out/" -print_final_stats=1 "$@" "$out/corpus" "$dir/seeds" 2>&1 \
    | tee "$out/last-run.log" | grep -E '^#[0-9]+ +(pulse|DONE)|ERROR|SUMMARY|Done|Fatal error|stat::number_of_executed_units|stat::peak_rss|==[0-9]+=='
status=${PIPESTATUS[0]}
set -e
took=$(( $(date +%s) - start ))
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/last-run.log" | tail -n 1)
echo "RESULT target=$target executions=${execs:-?} seconds=$took corpus_files=$(find "$out/corpus" -type f | wc -l) corpus_bytes=$(find "$out/corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }') seeds=$(find "$dir/seeds" -type f | wc -l) exit=$status"
exit "$status"
