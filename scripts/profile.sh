#!/usr/bin/env bash
# Remakes mk/tariffwatch.profdata, the execution profile `make release` optimises the engine with (LLVM's
# IR-level profile-guided optimisation): how often each branch and call of the extraction code ran while
# an instrumented build read articles. With it the compiler lays out and inlines by what runs on real
# text, not by guesses: the engine reads the real-news articles about 9% faster (docs/performance.md, "Eleventh round").
#
# The training reads only what the repository holds: the generated corpora of extraction-benchmark
# (news-like, dense, and the same articles as HTML and PDF) and our own fixture articles, ten times over,
# so that the profile owes nothing to the evaluation sets it is measured on.
# The instrumented build is extraction-benchmark alone (the engine and the article decoders, no
# server packages), in its own build folder with the release flags, so its code before instrumentation
# is the code `make release` compiles. The profile is kept in LLVM's indexed form, the one the compiler
# reads: its text form cannot be read back with Swift's names, which start with `$`, as its bitmap lines do.
# Usage: RELEASE_FLAGS=... scripts/profile.sh   (`make profile` runs it and rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${RELEASE_FLAGS:-}" ] || { echo "RELEASE_FLAGS is not set: run make profile" >&2; exit 1; }
toolchain=$(dirname "$(realpath "$(command -v swift)")")
profdata=$toolchain/llvm-profdata
[ -x "$profdata" ] || { echo "no llvm-profdata beside swift in $toolchain" >&2; exit 1; }
# The compiler emits the counters; the runtime that writes them is clang's, linked by hand (swiftc
# links it only for its own, coverage-oriented -profile-generate).
runtime=$(ls "$toolchain"/../lib/clang/*/lib/linux/libclang_rt.profile-"$(uname -m)".a 2>/dev/null | head -n 1)
[ -n "$runtime" ] || { echo "no libclang_rt.profile for $(uname -m) in the toolchain" >&2; exit 1; }

work=$(mktemp -d /tmp/tariffwatch-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
scratch=.build/profile-instrumented
# shellcheck disable=SC2086 # RELEASE_FLAGS is a list of flags
swift build -c release --product extraction-benchmark --scratch-path "$scratch" $RELEASE_FLAGS \
    -Xswiftc -Xfrontend -Xswiftc -ir-profile-generate="$work/default.profraw" \
    -Xlinker -u -Xlinker __llvm_profile_runtime -Xlinker "$runtime" >&2
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/extraction-benchmark
# The compiler skips generating code for a file whose IR has not changed, whatever the instrumentation
# flags: make sure this build is instrumented.
grep -q __llvm_prf_cnts <(readelf -S --wide "$bin") || { echo "$bin is not instrumented: remove $scratch and retry" >&2; exit 1; }

mkdir "$work/articles"
cp Tests/Fixtures/eval/*.txt Tests/Fixtures/heldout/*.txt Tests/Fixtures/articles/*.txt Tests/Fixtures/e2e/*.txt \
    "$work/articles/"
export SWIFT_DETERMINISTIC_HASHING=1  # the same counts on every run
LLVM_PROFILE_FILE="$work/generated.profraw" "$bin" news-like dense formats --extract-only --once >&2
TARIFFWATCH_NEWS_DIR="$work/articles" LLVM_PROFILE_FILE="$work/own.profraw" "$bin" news --extract-only >&2
"$profdata" merge -o mk/tariffwatch.profdata "$work/generated.profraw" "$work/own.profraw"
"$profdata" show mk/tariffwatch.profdata | sed -n 's/^Total functions: /mk\/tariffwatch.profdata: functions: /p' >&2
