#!/usr/bin/env bash
# Compares two builds' command line byte for byte: standard output, standard error and exit code of help,
# version, completion script, `extract` in its plain forms (which `Extract.plainInvocation` parses without
# ArgumentParser) and in every form that must still reach ArgumentParser (help, joined and `=` values, `--`,
# repeated options, invalid values, unknown options). For changes to how the command line is parsed.
# Usage: scripts/compare-cli.sh BASE_BINARY NEW_BINARY ARTICLE_FILE ARTICLE_FILE
set -euo pipefail
base=$(realpath "$1") new=$(realpath "$2") f=$(realpath "$3") g=$(realpath "$4")
work=$(mktemp -d /tmp/tariffwatch-cli.XXXXXX); trap 'rm -rf "$work"' EXIT
cd "$work"
printf '%s\n%s\n' "$f" "$g" >list.txt
mkdir folder && cp "$f" "$g" folder/ && ln -s "$(basename "$f")" folder/link.txt && ln -s /etc/hostname folder/outside.txt
same=0 differ=0
while IFS= read -r line; do
    eval "set -- $line"
    "$base" "$@" <list.txt >a.out 2>a.err && echo 0 >a.rc || echo $? >a.rc
    "$new" "$@" <list.txt >b.out 2>b.err && echo 0 >b.rc || echo $? >b.rc
    if cmp -s a.out b.out && cmp -s a.err b.err && cmp -s a.rc b.rc; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $line"; fi
done <<EOF
extract
extract --help
extract -h
extract help
help extract
extract --version
--version
--help
--generate-completion-script bash
extract --generate-completion-script zsh
extract --json
extract --json $f
extract $f
extract --json --reference-date 2025-10-24 $f $g
extract $f --json --reference-date 2025-10-24
extract --json --reference-date 2025-13-40 $f
extract --json --reference-date notadate $f
extract --json --reference-date 2025-10-24 --reference-date 2025-10-25 $f
extract --no-sentences $f
extract --json --no-sentences $f
extract --timex $f
extract --timex --json $f /nonexistent
extract --json --unbudgeted $f
extract --json --jobs 0 $f
extract --json --jobs abc $f
extract --json --jobs 99999999999999999999 $f
extract --json --jobs 2 $f $g
extract --json -j 2 $f $g
extract --json -j +2 $f
extract --json -j2 $f
extract --json -jx $f
extract --json --jobs=2 $f
extract --json --jobs 2 -j 3 $f
extract --json --json $f
extract --json --files-from list.txt
extract --json --files-from list.txt $f
extract --json --files-from -
extract --json --files-from missing-list.txt
extract --json -- $f
extract --json /nonexistent/file.txt
extract --json /nonexistent/folder/
extract --json folder
extract --json --bogus $f
extract --json -x $f
extract --json --reference-date
extract --json --reference-date --json $f
extract --json ""
extract --json help
extract --json extract $f
status --help
facts --help
check-config --help
EOF
echo "RESULT same=$same different=$differ"
[ "$differ" = 0 ]
