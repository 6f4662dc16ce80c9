#!/usr/bin/env bash
# What publishing a feed costs the publishing lane, per way of replacing the file: see feed-replace-benchmark.c.
# Usage: scripts/feed-replace-benchmark.sh [FOLDER (default: a new one under /tmp)] [ROUNDS (100)] [BYTES (8000)]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folder="${1:-}" made=""
if [ -z "$folder" ]; then folder="$(mktemp -d /tmp/feed-replace.XXXXXX)" made=1; fi
binary="$(mktemp /tmp/feed-replace-benchmark.XXXXXX)"
trap 'rm -f "$binary"; if [ -n "$made" ]; then rm -rf "$folder"; fi' EXIT
cc -O2 -Wall -o "$binary" "$here/feed-replace-benchmark.c"
echo "# $0 $folder ${2:-100} ${3:-8000}  ($(findmnt -no FSTYPE,OPTIONS -T "$folder"), load $(cut -d' ' -f1-3 /proc/loadavg))"
cd "$folder" && "$binary" "${2:-100}" "${3:-8000}"
