#!/usr/bin/env bash
# Pathological text (issue 8, item 2): a file over the extraction budget is rejected once as "too
# complex", a file that was superlinear before (a comma list of country names, a sentence without a
# period) is processed within its budget, the daemon stays alive, and a good article dropped right
# after them alerts. Sizes fit the debug build `make test-faults` uses.
source "$FAULTS_LIB"
here=$(cd "$(dirname "$0")" && pwd)
hostile=$here/../../../scripts/hostile-text.py
inbox=$FAULT_DIR/inbox state=$FAULT_DIR/state
mkdir -p "$inbox" "$state"
feed=$state/feed.json
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
status_field() { "$TARIFFWATCH_BIN" status --state-dir "$state" --json 2>/dev/null \
    | python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])" 2>/dev/null || echo -1; }
feed_mentions() { [ -f "$feed" ] && grep -q "$1" "$feed"; }
# Written elsewhere and moved in, as a writer should: the daemon sees each file complete.
drop() { cp "$1" "$FAULT_DIR/$2.part" && mv "$FAULT_DIR/$2.part" "$inbox/$2"; }

# A small candidates bound so the over-budget file stays small; the clock bound keeps its default.
TARIFFWATCH_EXTRACT_MAX_CANDIDATES=5000 TARIFFWATCH_LOG_LEVEL=info \
    "$TARIFFWATCH_BIN" run --watch-dir "$inbox" --state-dir "$state" >"$FAULT_DIR/daemon.log" 2>&1 &
pid=$!
FAULT_PIDS+=("$pid")
# Wait for the ready line before the first `status`: a `status` racing the daemon's first schema set-up
# can fail with "duplicate column name" (a store issue outside this scenario).
wait_until 30 grep -q 'Watching' "$FAULT_DIR/daemon.log" || fail "the daemon did not start: $(tail -n 5 "$FAULT_DIR/daemon.log")"

# 1. Over budget: 96 KiB of "on Monday, " is 8,900 dates, over the 5,000 allowed. Before this work the
#    same text at 256 KiB needed 6 GB.
python3 "$hostile" weekdays 98304 "$FAULT_DIR/weekdays.txt"
# 2. Within budget but superlinear before: 64 KiB of country names (32 KiB took 38 s) and 96 KiB
#    without a period (1 MiB took 40 s).
python3 "$hostile" countries 65536 "$FAULT_DIR/countries.txt"
python3 "$hostile" no-period 98304 "$FAULT_DIR/no-period.txt"
printf 'Washington, Oct. 24 (Reuters) - Canada will impose a 35%% tariff on Mexican steel starting November 1, officials said.\n' \
    >"$FAULT_DIR/good.txt"

start=$(now_ms)
drop "$FAULT_DIR/weekdays.txt" weekdays.txt
drop "$FAULT_DIR/countries.txt" countries.txt
drop "$FAULT_DIR/no-period.txt" no-period.txt
drop "$FAULT_DIR/good.txt" good.txt
wait_until 50 feed_mentions '"imposer" *: *"CA"' || fail "the good article's alert did not appear within 50 s: $(tail -n 20 "$FAULT_DIR/daemon.log")"
alert_ms=$(( $(now_ms) - start ))
wait_until 20 test "$(( $(status_field files_processed) + $(status_field files_rejected) ))" -ge 4 \
    || fail "not every file was handled: processed $(status_field files_processed), rejected $(status_field files_rejected)"
kill -0 "$pid" 2>/dev/null || fail "the daemon died: $(tail -n 20 "$FAULT_DIR/daemon.log")"

rejected=$(status_field files_rejected)
processed=$(status_field files_processed)
[ "$rejected" = 1 ] || fail "$rejected files rejected, expected the one over budget"
[ "$processed" = 3 ] || fail "$processed files processed, expected 3"
reason=$(grep -o 'skipped [^ ]*weekdays.txt: too complex[^(]*(memory bound)' "$FAULT_DIR/daemon.log" | head -n 1)
[ -n "$reason" ] || fail "no 'too complex' rejection naming weekdays.txt: $(grep -i 'weekdays' "$FAULT_DIR/daemon.log" | head -n 3)"
grep -q 'read as [0-9]* pieces' "$FAULT_DIR/daemon.log" || fail "the long sentences were not logged as read in pieces"

# A restart does not reject the same unchanged file again.
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
TARIFFWATCH_EXTRACT_MAX_CANDIDATES=5000 "$TARIFFWATCH_BIN" run --watch-dir "$inbox" --state-dir "$state" \
    >"$FAULT_DIR/daemon2.log" 2>&1 &
pid=$!
FAULT_PIDS+=("$pid")
wait_until 30 grep -q 'Watching' "$FAULT_DIR/daemon2.log" || fail "the daemon did not restart: $(tail -n 5 "$FAULT_DIR/daemon2.log")"
sleep 1
again=$(grep -c 'too complex' "$FAULT_DIR/daemon2.log" || true)
[ "$again" = 0 ] || fail "the unchanged over-budget file was rejected again after a restart"
kill -0 "$pid" 2>/dev/null || fail "the restarted daemon died"
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true

echo "RESULT hostile_rejected=$rejected pathological_processed=$((processed - 1)) good_alert_ms=$alert_ms daemon_alive=1 rejected_again_after_restart=$again"
echo "RESULT reason=\"${reason#skipped "$inbox"/}\""
