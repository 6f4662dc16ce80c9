#!/usr/bin/env bash
# Hostile documents against the running daemon: a small PDF that inflates past the size limit, an
# XML entity bomb in a feed, JSON nested 100,000 deep, HTML nested 20,000 deep, a
# password-protected PDF, a truncated e-mail. Each must be one rejection naming the file. A feed with an
# external entity (XXE) is read without loading it. A good page dropped after them must still alert;
# memory must stay bounded.
source "$FAULTS_LIB"
inbox=$FAULT_DIR/inbox state=$FAULT_DIR/state stage=$FAULT_DIR/stage
mkdir -p "$inbox" "$state" "$stage"
fixtures=$(cd "$(dirname "$0")/../../Fixtures/formats" && pwd)
limit=$((256 * 1024))

python3 -c "print('[' * 100000 + ']' * 100000)" >"$stage/deep.json"
python3 -c "print('<html><body>' + '<div>' * 20000 + '<p>Tariffs rise.</p>' + '</div>' * 20000 + '</body></html>')" >"$stage/deep.html"
{
    echo '<?xml version="1.0"?><!DOCTYPE rss ['
    echo ' <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    prev=a
    for name in b c d e f g h; do
        echo " <!ENTITY $name \"$(printf "&$prev;%.0s" $(seq 20))\">"; prev=$name
    done
    echo ']><rss version="2.0"><channel><item><title>Bomb</title><description>&h;</description></item></channel></rss>'
} >"$stage/bomb.rss"
printf '%s\n' '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>' \
    '<rss version="2.0"><channel><item><title>XXE</title><description>&x;</description></item></channel></rss>' >"$stage/xxe.rss"
printf 'From: a@b.example\nTo: c@d.example\nSubject: cut\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBO' >"$stage/truncated.eml"
expected=4
pdf_note="no ghostscript: PDF cases skipped"
if command -v gs >/dev/null; then
    # 400 pages of repeated lines: tens of KB compressed, megabytes of text.
    python3 - "$stage/inflate.ps" <<'PY'
import sys
line = "Tariffs on steel rise to 25 percent under the new schedule. " * 2
with open(sys.argv[1], "w") as out:
    out.write("%!PS\n/Helvetica findfont 8 scalefont setfont\n")
    for _ in range(400):
        for row in range(70):
            out.write(f"30 {770 - row * 10} moveto ({line}) show\n")
        out.write("showpage\n")
PY
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$stage/inflate.pdf" "$stage/inflate.ps"
    rm "$stage/inflate.ps"
    printf '%%!PS\n/Helvetica findfont 10 scalefont setfont 72 700 moveto (Secret schedule) show showpage\n' >"$stage/secret.ps"
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOwnerPassword=o -sUserPassword=u -sOutputFile="$stage/secret.pdf" "$stage/secret.ps"
    rm "$stage/secret.ps"
    pdf_size=$(stat -c %s "$stage/inflate.pdf")
    (( pdf_size < limit )) || fail "the inflating PDF is $pdf_size bytes, not under the $limit-byte limit"
    expected=$((expected + 2)); pdf_note="inflating PDF $pdf_size bytes on disk"
fi

TARIFFWATCH_WATCH_MAX_FILE_SIZE=$limit "$TARIFFWATCH_BIN" run --watch-dir "$inbox" --state-dir "$state" \
    >"$FAULT_DIR/daemon.log" 2>&1 &
daemon=$!; FAULT_PIDS+=("$daemon")
counts() { "$TARIFFWATCH_BIN" status --state-dir "$state" --json 2>/dev/null; }
field() { counts | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])" 2>/dev/null || echo 0; }
wait_until 30 test -e "$state/tariffwatch.sqlite" || fail "the daemon did not start: $(tail -n 5 "$FAULT_DIR/daemon.log")"
sleep 0.5
start=$(date +%s%N)
for file in "$stage"/*; do mv "$file" "$inbox/"; done
rejected_all() { [ "$(field files_rejected)" -ge "$expected" ]; }
wait_until 60 rejected_all || fail "$(field files_rejected) of $expected hostile files rejected: $(tail -n 20 "$FAULT_DIR/daemon.log")"
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
kill -0 "$daemon" 2>/dev/null || fail "the daemon died"
cp "$fixtures/eu-steel.html" "$FAULT_DIR/page.tmp" && mv "$FAULT_DIR/page.tmp" "$inbox/page.html"
alerted() { [ "$(field files_processed)" -ge 2 ] && [ "$(field alerts_delivered)" -ge 1 ]; }
wait_until 30 alerted || fail "the good page after the hostile ones did not alert"
grep -q "passwd\|root:x:" "$state/feed.json" 2>/dev/null && fail "the XXE feed leaked a local file into the feed"
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$daemon/status")
reasons=("Too many nested" "entity reference loop" "no text part" "without article text")
[ "$expected" = 6 ] && reasons+=("password-protected" "once decoded")
for reason in "${reasons[@]}"; do
    grep -q "$reason" "$FAULT_DIR/daemon.log" || fail "no rejection saying '$reason' in the log"
done
kill -TERM "$daemon"; wait "$daemon" || true
echo "RESULT hostile_rejected=$(field files_rejected)/$expected in_ms=$took_ms good_page_alerted=1 peak_rss_kb=$peak_kb limit_bytes=$limit ($pdf_note)"
