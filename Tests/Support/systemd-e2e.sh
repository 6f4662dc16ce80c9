#!/usr/bin/env bash
# End-to-end check of the tariffwatch unit under a real systemd, in throw-away namespaces.
#
#   Tests/Support/systemd-e2e.sh BINARY ARTICLE_DIR [FORMATS_DIR]
#
# Boots /lib/systemd/systemd as PID 1 of a new PID+mount namespace (host /run, /tmp, /etc, /var and
# /usr are shadowed by tmpfs/overlays, so the host is not changed), installs BINARY and
# systemd/tariffwatch.{service,sysusers,tmpfiles,catalog} with `make install` (mk/install.mk), starts the unit,
# drops one article from ARTICLE_DIR into the inbox as a member of tariffwatch-writers (umask 077), and
# checks: an entry with ALERT_KIND appears, reload keeps the unit active, a restart writes no duplicate
# alerts, stop ends inactive with exit status 0, the watchdog never fired. With FORMATS_DIR, it also drops
# one article of each document format there (a `.ps` becomes a PDF through ps2pdf) and reads their
# alerts back from the journal (ARTICLE_TITLE, ARTICLE_URL, REFERENCE_DATE_SOURCE) and the feed (external_url).
# Then (each part skipped with a message when its tool is missing): a second article with a hearing in
# 7 days; `tariffwatch serve` socket-activated by tariffwatch-http.socket answering curl's conditional
# GET with 304 and gzip, its calendar parsed by Python's icalendar; the hearing's deadline_reminder,
# once, after its fact is dated back a day, and its 1-day reminder raised by the timer of a unit whose wall
# clock libfaketime moves to five seconds before it falls due; the template unit with two instances; and every
# alert forwarded by systemd-journal-upload to systemd-journal-remote on loopback with its fields.
# Exit: 0 PASS, 1 FAIL, 77 skipped (no root, unshare, nsenter or systemd).
set -euo pipefail
# `grep -q` stops reading at the first match; under pipefail the writer's SIGPIPE (exit 141) then fails
# a pipeline that did match, once the journal's output outgrows the pipe. `has` reads to the end.
has() { grep "$@" >/dev/null; }

skip() { echo "skipped: $*" >&2; exit 77; }
[[ $# -eq 2 || $# -eq 3 ]] || { echo "usage: $0 BINARY ARTICLE_DIR [FORMATS_DIR]" >&2; exit 2; }
binary=$(realpath "$1")
article_dir=$(realpath "$2")
formats_dir=${3:+$(realpath "$3")}
repo=$(cd "$(dirname "$0")/../.." && pwd)
units=${TARIFFWATCH_SYSTEMD_DIR:-$repo/systemd}
timeout_s=${TARIFFWATCH_E2E_TIMEOUT:-60}

[[ $(id -u) -eq 0 ]] || skip "needs root/unshare/systemd (not root)"
for tool in unshare nsenter; do command -v "$tool" >/dev/null || skip "needs root/unshare/systemd ($tool missing)"; done
[[ -x /lib/systemd/systemd ]] || skip "needs root/unshare/systemd (/lib/systemd/systemd missing)"
[[ -x $binary ]] || { echo "FAIL: $binary is not an executable file" >&2; exit 1; }
article=$(find "$article_dir" -maxdepth 1 -type f ! -name '.*' | sort | head -n 1 || true)
[[ -n $article ]] || { echo "FAIL: no article file in $article_dir" >&2; exit 1; }

stage=$(mktemp -d /tmp/tariffwatch-e2e.XXXXXX)
install -D -m 0755 "$binary" "$stage/bin/tariffwatch"
mkdir -p "$stage/repo/systemd" "$stage/repo/mk"
cp "$units/tariffwatch.service" "$units/tariffwatch.sysusers" "$units/tariffwatch.tmpfiles" \
    "$units/tariffwatch.catalog" "$stage/repo/systemd/"
for unit in tariffwatch-http.socket tariffwatch-http.service tariffwatch@.service; do
    [[ -f $units/$unit ]] && cp "$units/$unit" "$stage/repo/systemd/"
done
cp "$repo/mk/install.mk" "$stage/repo/mk/"
printf '#!/bin/sh\necho /run/e2e/stage/bin\n' >"$stage/swift-stub" && chmod 0755 "$stage/swift-stub"
printf 'release:\n\t@true\ninclude mk/install.mk\n' >"$stage/wrapper.mk"
cp "$article" "$stage/article"
chmod 0644 "$stage/article"
# A hearing 7 days from now, in words: a deadline for the calendar and (dated back a day) its 7-day reminder.
# Its front matter gives the title and address the alert names (MESSAGE, the feed's link, the calendar's source).
hearing_day=$(date -u -d '+7 days' +%Y-%m-%d)
printf -- '---\ntitle: WTO panel sets hearing on steel duties\nurl: https://tradeledger.example/wto-panel-hearing\ndate: %s\n---\nThe WTO dispute panel will hold a hearing on %s in Geneva, officials said.\n' \
    "$(date -u +%Y-%m-%d)" "$(date -u -d "$hearing_day" '+%B %-d, %Y')" >"$stage/hearing"
# Dates the deadline facts of a state one day back (see the reminder step).
cat >"$stage/dateback.py" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("""UPDATE facts SET created_at = strftime('%Y-%m-%d %H:%M:%f', created_at, '-1 day')
                  WHERE value LIKE '{"deadline":%'""").rowcount
db.commit()
sys.exit(0 if n else 1)
PY
# Free loopback ports (the namespaces share the host's network): the feed server and journal-remote.
read -r http_port remote_port < <(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
if [[ -n $formats_dir ]]; then
    mkdir -p "$stage/formats"
    for document in "$formats_dir"/*; do
        [[ -f $document ]] || continue
        case $document in
        *.ps)
            if command -v ps2pdf >/dev/null; then ps2pdf "$document" "$stage/formats/$(basename "${document%.ps}").pdf"
            else echo "PDF part skipped: ps2pdf (ghostscript) is not installed"; fi ;;
        *) cp "$document" "$stage/formats/" ;;
        esac
    done
    chmod -R a+rX "$stage/formats"
fi
cat >"$stage/tariffwatch.yaml" <<'YAML'
watch:
  directory: /var/spool/tariffwatch/inbox
state:
  directory: /var/lib/tariffwatch
feed:
  path: /var/lib/tariffwatch/feed.json
YAML

# Runs as PID 1's parent-to-be inside the new namespaces: shadow everything systemd or the test writes.
cat >"$stage/boot.sh" <<'BOOT'
set -euo pipefail
stage=$1
mount --make-rprivate /
mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /run/e2e && cp -a "$stage" /run/e2e/stage && chmod 0755 /run/e2e/stage && chmod 0644 /run/e2e/stage/article
for dir in etc var usr; do
    layer=/run/e2e/layers/${dir//\//_}
    mkdir -p "$layer/upper" "$layer/work"
    mount -t overlay overlay -o "lowerdir=/$dir,upperdir=$layer/upper,workdir=$layer/work" "/$dir"
done
mount -t tmpfs -o mode=1777 tmpfs /tmp
# Start from an empty journal so the checks below see only this boot.
[[ -d /var/log/journal ]] && mount -t tmpfs -o mode=2755 tmpfs /var/log/journal
exec env -i container=other PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /lib/systemd/systemd --system --unit=basic.target
BOOT

unshare --pid --fork --mount --uts --ipc --mount-proc bash "$stage/boot.sh" "$stage" \
    >"$stage/console.log" 2>&1 &
unshare_pid=$!
pid1=""
inside() { nsenter -t "$pid1" -p -m -u -i -- "$@"; }

cleanup() {
    if [[ -n $pid1 ]] && kill -0 "$pid1" 2>/dev/null; then
        inside systemctl poweroff --no-block >/dev/null 2>&1 || true
        for _ in $(seq 100); do kill -0 "$unshare_pid" 2>/dev/null || break; sleep 0.2; done
    fi
    if kill -0 "$unshare_pid" 2>/dev/null; then
        [[ -n $pid1 ]] && kill -KILL "$pid1" 2>/dev/null
        kill -KILL "$unshare_pid" 2>/dev/null || true
    fi
    wait "$unshare_pid" 2>/dev/null || true
    rm -rf "$stage"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*"
    if [[ -n $pid1 ]]; then
        inside systemctl status --no-pager --full tariffwatch.service 2>&1 | tail -n 25 || true
        inside journalctl --no-pager -n 40 -u tariffwatch.service 2>&1 || true
    else
        tail -n 20 "$stage/console.log"
    fi
    exit 1
}
step() { echo "== $*"; }
# wait_for SECONDS CMD...: true as soon as CMD succeeds.
wait_for() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do (( SECONDS < deadline )) || return 1; sleep 0.25; done
}

step "booting systemd in new namespaces"
for _ in $(seq 100); do
    pid1=$(tr -d ' \n' <"/proc/$unshare_pid/task/$unshare_pid/children" 2>/dev/null || true)
    [[ -n $pid1 ]] && [[ $(cat "/proc/$pid1/comm" 2>/dev/null) == systemd ]] && break
    kill -0 "$unshare_pid" 2>/dev/null || { pid1=""; fail "the namespace exited during boot"; }
    pid1=""; sleep 0.1
done
[[ -n $pid1 ]] || fail "systemd did not start as PID 1"
booted() { [[ $(inside systemctl is-system-running 2>/dev/null) =~ ^(running|degraded)$ ]]; }
wait_for "$timeout_s" booted || fail "systemd did not reach running/degraded: $(inside systemctl is-system-running 2>&1)"
echo "systemd is PID 1 of the new namespace (host pid $pid1): $(inside systemctl is-system-running)"

step "installing unit, user, inbox, catalog and binary"
inside sh -euc '
    s=/run/e2e/stage
    install -D -m 0644 $s/tariffwatch.yaml /etc/tariffwatch/tariffwatch.yaml
    if command -v make >/dev/null; then
        # The real installation path: mk/install.mk with a stub "swift" that points at BINARY.
        make -s -C $s/repo -f $s/wrapper.mk install SWIFT=$s/swift-stub CONFIG=$s/tariffwatch.yaml
    else
        install -D -m 0755 $s/bin/tariffwatch /usr/local/bin/tariffwatch
        install -D -m 0644 $s/repo/systemd/tariffwatch.service /etc/systemd/system/tariffwatch.service
        install -D -m 0644 $s/repo/systemd/tariffwatch.sysusers /usr/lib/sysusers.d/tariffwatch.conf
        install -D -m 0644 $s/repo/systemd/tariffwatch.tmpfiles /usr/lib/tmpfiles.d/tariffwatch.conf
        install -D -m 0644 $s/repo/systemd/tariffwatch.catalog /usr/lib/systemd/catalog/tariffwatch.catalog
        systemd-sysusers tariffwatch.conf
        systemd-tmpfiles --create tariffwatch.conf
        journalctl --update-catalog
        systemctl daemon-reload
    fi
    useradd --no-create-home --groups tariffwatch-writers e2e-writer
' || fail "installation inside the namespace failed"
inside journalctl --dump-catalog e69db1dee86146c6ba45461088dee731 | has "reports a date" \
    || fail "the message catalog was not installed"
inside systemd-analyze verify /etc/systemd/system/tariffwatch.service || fail "systemd-analyze verify failed"

step "starting tariffwatch.service"
inside timeout "$timeout_s" systemctl start tariffwatch.service || fail "systemctl start failed or timed out"
[[ $(inside systemctl is-active tariffwatch.service) == active ]] || fail "unit is not active after start"

step "dropping $(basename "$article") into the inbox as e2e-writer with umask 077"
inside runuser -u e2e-writer -- sh -c 'umask 077 && cp /run/e2e/stage/article /var/spool/tariffwatch/inbox/article.txt' \
    || fail "a member of tariffwatch-writers could not write to the inbox"
alerts() { inside journalctl --no-pager -o json -u tariffwatch.service | grep -c '"ALERT_KIND"' || true; }
has_alert() { (( $(alerts) > 0 )); }
wait_for "$timeout_s" has_alert || fail "no journal entry with ALERT_KIND within ${timeout_s}s"
alert_count=$(alerts)
echo "journal holds $alert_count entr$( ((alert_count == 1)) && echo y || echo ies) with ALERT_KIND"
inside journalctl --no-pager -o json -u tariffwatch.service | grep '"ALERT_KIND"' | head -n 1 | cut -c 1-400
if inside journalctl --no-pager -o json -u tariffwatch.service | grep '"ALERT_KIND"' | has '"FILE_READABLE":"no"'; then
    fail "the daemon could not read a file written with umask 077 (inbox default ACL)"
fi

# When alerts carry a MESSAGE_ID, `journalctl -x` must explain them from the installed catalog.
message_id=$(inside journalctl --no-pager -o json -u tariffwatch.service | grep '"ALERT_KIND"' | head -n 1 \
    | grep -o '"MESSAGE_ID":"[0-9a-f]*"' | cut -d'"' -f4 || true)
if [[ -n $message_id ]]; then
    inside journalctl --no-pager -x -u tariffwatch.service "MESSAGE_ID=$message_id" | has '░░ Subject:' \
        || fail "journalctl -x shows no catalog text for MESSAGE_ID=$message_id (id missing from tariffwatch.catalog?)"
    inside journalctl --no-pager -x -u tariffwatch.service "MESSAGE_ID=$message_id" | grep '░░ Subject:' | head -n 1 || true
    # The Subject is the alert's title once: no "New deadline: New deadline: …", no unfilled @FIELD@.
    if inside journalctl --no-pager -x -u tariffwatch.service "MESSAGE_ID=$message_id" | grep '░░ Subject:' \
        | has -E 'Subject: (New|Changed) [a-z ]+: (New|Changed) |@[A-Z_]+@'; then
        fail "journalctl -x repeats the alert's verb or leaves a field unfilled in its Subject"
    fi
fi
# MESSAGE is for people: the server path stays in SOURCE_FILE.
if inside journalctl --no-pager -o cat -u tariffwatch.service ALERT_KIND=new_tariff ALERT_KIND=new_deadline | has /var/spool/; then
    fail "an alert's MESSAGE shows the server path"
fi

if [[ -d $stage/formats ]]; then
    names=$(ls "$stage/formats" | tr '\n' ' ')
    step "dropping one article of each format as e2e-writer: $names"
    inside runuser -u e2e-writer -- sh -c 'umask 077 && cd /run/e2e/stage/formats && for f in *; do
        cp "$f" "/var/spool/tariffwatch/inbox/.$f.tmp" && mv "/var/spool/tariffwatch/inbox/.$f.tmp" "/var/spool/tariffwatch/inbox/$f"; done' \
        || fail "could not drop the format articles"
    # entry_with NAME FIELD: an alert raised by inbox/NAME that carries FIELD.
    # By SYSLOG_IDENTIFIER, which every alert entry carries itself.
    entry_with() {
        inside journalctl --no-pager -o json SYSLOG_IDENTIFIER=tariffwatch | grep '"ALERT_KIND"' \
            | grep -F "inbox/$1\"" | has "\"$2\""
    }
    for name in $names; do
        case $name in
        *.txt) field=REFERENCE_DATE_SOURCE ;;  # plain text has no title: its date came from the dateline
        *.pdf) field=ARTICLE_TITLE ;;
        *) field=ARTICLE_URL ;;
        esac
        wait_for "$timeout_s" entry_with "$name" "$field" || fail "no alert from $name with $field in the journal"
        inside journalctl --no-pager -o json -u tariffwatch.service | grep '"ALERT_KIND"' | grep -F "inbox/$name\"" | head -n 1 \
            | grep -o '"\(ARTICLE_TITLE\|ARTICLE_URL\|PUBLISHED\|REFERENCE_DATE_SOURCE\)":"[^"]*"' | tr '\n' ' ' || true
        echo "← $name"
    done
    # Compact or pretty-printed: spaces and newlines dropped before matching.
    feed_has() { inside cat /var/lib/tariffwatch/feed.json | tr -d ' \n' | has -F "\"external_url\":\"$1\""; }
    for name in $names; do
        case $name in *.html|*.htm|*.eml|*.json|*.rss|*.xml) ;; *) continue ;; esac
        url=$(inside journalctl --no-pager -o json -u tariffwatch.service | grep '"ALERT_KIND"' | grep -F "inbox/$name\"" \
            | grep -o '"ARTICLE_URL":"[^"]*"' | head -n 1 | cut -d'"' -f4 || true)
        wait_for "$timeout_s" feed_has "$url" || fail "the feed has no item with external_url $url (from $name)"
    done
    alert_count=$(alerts)
    echo "every format alerted with its article's provenance; the journal now holds $alert_count alerts"
fi

step "the installed configuration, with no flags, for a member of tariffwatch"
# /etc/tariffwatch/tariffwatch.yaml names the state; a member of the group reads it read-only.
inside useradd --no-create-home --groups tariffwatch e2e-reader || fail "could not add a member of tariffwatch"
reader_status=$(inside runuser -u e2e-reader -- tariffwatch status --json 2>&1) || fail "tariffwatch status with no flags failed: $reader_status"
[[ $reader_status == *'"files_processed":'* && $reader_status != *'"files_processed":0'* ]] \
    || fail "tariffwatch status with no flags did not find the installed state: $reader_status"
inside runuser -u e2e-reader -- tariffwatch check-config | has -x "configuration OK" || fail "check-config with no flags failed"
echo "status and check-config with no flags, as a member of tariffwatch: $reader_status"

step "reloading"
inside timeout "$timeout_s" systemctl reload tariffwatch.service || fail "systemctl reload failed"
sleep 1
[[ $(inside systemctl is-active tariffwatch.service) == active ]] || fail "unit is not active after reload"
# priority_lines MATCH WHAT [always]: the 'Failed to set thread priority' lines of journal entries matching MATCH must
# be none where the unit's RLIMIT_NICE is 24 (PID 1 granted LimitNICE=-4), or whatever the limit with `always`;
# otherwise PID 1 lacks CAP_SYS_RESOURCE and they are counted and reported.
priority_lines() {
    local count pid limit
    count=$(inside journalctl --no-pager -o cat "$1" | grep -c 'Failed to set thread priority' || true)
    pid=$(inside systemctl show -p MainPID --value tariffwatch.service)
    limit=$(inside awk '/^Max nice priority/ {print $5}' "/proc/$pid/limits" 2>/dev/null || true)
    if [[ $limit == 24 || ${3:-} == always ]]; then
        (( count == 0 )) || fail "$count 'Failed to set thread priority' lines $2"
        echo "no 'Failed to set thread priority' line $2 (RLIMIT_NICE $limit)"
    else
        echo "SKIP thread-priority check: RLIMIT_NICE of the unit is ${limit:-unknown}, not 24 (PID 1 lacks CAP_SYS_RESOURCE here); $count such lines $2"
    fi
}

# Start, every format processed, a reload: the unit's own process starts no libdispatch event thread, whatever its
# RLIMIT_NICE (only the later stops may, when they close the database: see below). Until `FactStore` made its readers
# take turns, two lanes meeting in GRDB's reader pool sometimes started it here (README).
priority_lines _SYSTEMD_UNIT=tariffwatch.service "from the unit's start, processing and reload" always

step "restarting: the alert must not be delivered twice"
inside timeout "$timeout_s" systemctl restart tariffwatch.service || fail "systemctl restart failed"
sleep 3
[[ $(inside systemctl is-active tariffwatch.service) == active ]] || fail "unit is not active after restart"
(( $(alerts) == alert_count )) || fail "restart repeated alerts: $alert_count before, $(alerts) after"

drop() { # drop FILE NAME [FOLDER]: as e2e-writer with umask 077, written elsewhere and renamed in.
    inside runuser -u e2e-writer -- sh -c "umask 077 && cp /run/e2e/stage/$1 ${3:-/var/spool/tariffwatch/inbox}/.$2.part && mv ${3:-/var/spool/tariffwatch/inbox}/.$2.part ${3:-/var/spool/tariffwatch/inbox}/$2"
}
kind_count() { inside journalctl --no-pager -o json -u "${2:-tariffwatch.service}" "ALERT_KIND=$1" | grep -c '"ALERT_KIND"' || true; }

step "a hearing on $hearing_day: a new deadline"
drop hearing hearing.txt || fail "could not drop the hearing article"
has_hearing() { (( $(kind_count new_deadline) > 0 )); }
wait_for "$timeout_s" has_hearing || fail "no new_deadline alert for the hearing on $hearing_day"
alert_count=$(alerts)
# The document the hearing's publication replaced (the one written at the restart) becomes the spare the next one
# is written into as changes, once a write lease shows no one else has it open: under the unit's sandbox too.
spare_is_a_document() { inside sh -c 'for f in /var/lib/tariffwatch/.feed.json.*.tmp; do [ -s "$f" ] && exit 0; done; exit 1'; }
wait_for 10 spare_is_a_document || fail "the feed's spare is empty: the replaced document was not reused (write lease refused?)"

if [[ -f /run/e2e/stage/repo/systemd/tariffwatch-http.socket || -f $stage/repo/systemd/tariffwatch-http.socket ]] && command -v curl >/dev/null; then
    step "tariffwatch-http.socket on 127.0.0.1:$http_port: socket activation, conditional GET, gzip, calendar"
    inside sh -euc "mkdir -p /etc/systemd/system/tariffwatch-http.socket.d
        printf '[Socket]\nListenStream=\nListenStream=127.0.0.1:$http_port\n' >/etc/systemd/system/tariffwatch-http.socket.d/e2e.conf
        systemctl daemon-reload" || fail "could not set the HTTP port"
    inside systemd-analyze verify /etc/systemd/system/tariffwatch-http.service /etc/systemd/system/tariffwatch-http.socket \
        || fail "systemd-analyze verify failed for tariffwatch-http"
    inside systemctl start tariffwatch-http.socket || fail "tariffwatch-http.socket did not start"
    [[ $(inside systemctl is-active tariffwatch-http.service || true) != active ]] || fail "the HTTP service ran before the first connection"
    base=http://127.0.0.1:$http_port
    curl -sS --max-time 20 -D "$stage/h1" -o "$stage/feed.json" "$base/feed.json" || fail "curl $base/feed.json failed (service: $(inside systemctl is-active tariffwatch-http.service))"
    [[ $(inside systemctl is-active tariffwatch-http.service) == active ]] || fail "the first connection did not start tariffwatch-http.service"
    grep -q '^HTTP/1.1 200' "$stage/h1" || fail "GET /feed.json: $(head -n 1 "$stage/h1")"
    # A feed reader's view: feedparser-rs (make test-deps) and the JSON Feed 1.1 rules, no server path in the texts.
    /usr/bin/python3 "$repo/Tests/Support/check-jsonfeed.py" "$stage/feed.json" || fail "/feed.json is not a valid JSON Feed 1.1"
    etag=$(grep -i '^etag:' "$stage/h1" | cut -d' ' -f2- | tr -d '\r')
    [[ -n $etag ]] || fail "no ETag on /feed.json"
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/feed.json")
    [[ $code == 304 ]] || fail "If-None-Match $etag gave $code, expected 304"
    code=$(curl -sS -o /dev/null -w '%{http_code}' -z "$stage/feed.json" -R "$base/feed.json" 2>/dev/null || true)
    touch -d "$(grep -i '^last-modified:' "$stage/h1" | cut -d' ' -f2- | tr -d '\r')" "$stage/feed.json"
    code=$(curl -sS -o /dev/null -w '%{http_code}' -z "$stage/feed.json" "$base/feed.json")
    [[ $code == 304 ]] || fail "If-Modified-Since (curl -z) gave $code, expected 304"
    curl -sS --compressed -D "$stage/h2" -o "$stage/feed-gz.json" "$base/feed.json"
    grep -qi '^content-encoding: gzip' "$stage/h2" || fail "no gzip for Accept-Encoding: gzip"
    cmp -s "$stage/feed.json" "$stage/feed-gz.json" || fail "the gzip body is not the same feed"
    echo "/feed.json: 200 with ETag $etag, 304 for If-None-Match and If-Modified-Since, gzip when asked"
    curl -sS -D "$stage/h3" -o "$stage/deadlines.ics" "$base/deadlines.ics" || fail "curl /deadlines.ics failed"
    grep -qi '^content-type: text/calendar' "$stage/h3" || fail "/deadlines.ics is not text/calendar"
    if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
        /usr/bin/python3 - "$stage/deadlines.ics" "$hearing_day" <<'PY' || fail "the calendar did not parse or lacks the hearing (icalendar)"
import sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
day = datetime.date.fromisoformat(sys.argv[2])
events = [c for c in cal.walk("VEVENT")]
hearing = [e for e in events if e.decoded("DTSTART") == day]
assert hearing, [(str(e.get("SUMMARY")), e.decoded("DTSTART")) for e in events]
e = hearing[0]
assert e.decoded("DTEND") == day + datetime.timedelta(days=1), e.decoded("DTEND")
assert str(e.get("UID")).endswith("@tariffwatch")
description, summary = str(e.get("DESCRIPTION")), str(e.get("SUMMARY"))
assert "“" in description and "Source: “WTO panel sets hearing on steel duties”" in description, description
assert "https://tradeledger.example/wto-panel-hearing" in description and "/var/spool" not in description, description
assert "hearing" in summary.lower() and not summary.startswith("Meeting") and "other" not in summary, summary
triggers = sorted(a.decoded("TRIGGER") for a in e.walk("VALARM"))
assert triggers == [-datetime.timedelta(days=7), -datetime.timedelta(days=1)], triggers
print(f"calendar: {len(events)} event(s); {e.get('SUMMARY')} on {day}, alarms {[str(t) for t in triggers]}")
PY
    else
        echo "skipped: calendar parsing (no Python icalendar for /usr/bin/python3; apt-get install python3-icalendar)"
    fi
    curl -sS "$base/healthz" | has -x ok || fail "/healthz is not ok"
    [[ $(inside systemctl show -p DynamicUser --value tariffwatch-http.service) == yes ]] || fail "tariffwatch-http runs without DynamicUser"
else
    echo "skipped: HTTP server (no tariffwatch-http.socket or no curl)"
fi

step "the hearing known since yesterday: its 7-day reminder, once"
# The hearing's fact is dated one day back, as if the article had come yesterday: the 7-day reminder is due at
# start-up (a reminder falls due only for a deadline known before its day). The next step fakes the clock instead.
inside timeout "$timeout_s" systemctl stop tariffwatch.service || fail "stop before the reminder failed"
inside /usr/bin/python3 /run/e2e/stage/dateback.py /var/lib/tariffwatch/tariffwatch.sqlite || fail "could not date the hearing back"
inside timeout "$timeout_s" systemctl start tariffwatch.service || fail "start for the reminder failed"
has_reminder() { (( $(kind_count deadline_reminder) > 0 )); }
wait_for "$timeout_s" has_reminder || fail "no deadline_reminder within ${timeout_s}s"
inside journalctl --no-pager -o cat -u tariffwatch.service ALERT_KIND=deadline_reminder | head -n 1 || true
inside journalctl --no-pager -o json -u tariffwatch.service ALERT_KIND=deadline_reminder | has '"REMINDER_DAYS_BEFORE":"7"' \
    || fail "the reminder does not say 7 days"
inside timeout "$timeout_s" systemctl restart tariffwatch.service || fail "restart after the reminder failed"
sleep 2
(( $(kind_count deadline_reminder) == 1 )) || fail "the reminder was raised $(kind_count deadline_reminder) times"

# The same daemon on a faked wall clock (libfaketime; the monotonic clock its timers sleep on stays real),
# started five seconds before the 1-day reminder falls due: its one timer fires and raises it. Through `sh -c exec`
# (same PID for sd_notify): a process that is the first in its tree to load libfaketime 0.9.10 loses its argv.
faketime_lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1 || true)
if [[ -n $faketime_lib ]]; then
    eve=$(date -u -d "$hearing_day -1 day" +%Y-%m-%d)
    fake_start="$(date -u -d "$eve -1 day" +%Y-%m-%d) 23:59:55"
    step "a faked clock at $fake_start: the timer raises the 1-day reminder at 00:00 UTC of $eve"
    inside sh -euc "mkdir -p /etc/systemd/system/tariffwatch.service.d
        printf '%s\n' '[Service]' \
            'Environment=LD_PRELOAD=$faketime_lib \"FAKETIME=@$fake_start\" FAKETIME_DONT_FAKE_MONOTONIC=1' 'ExecStart=' \
            'ExecStart=/bin/sh -c \"exec /usr/local/bin/tariffwatch run --config /etc/tariffwatch/tariffwatch.yaml\"' \
            >/etc/systemd/system/tariffwatch.service.d/e2e-faketime.conf
        systemctl daemon-reload" || fail "could not fake the unit's clock"
    inside timeout "$timeout_s" systemctl restart tariffwatch.service || fail "restart on the faked clock failed"
    one_day() { inside journalctl --no-pager -o json -u tariffwatch.service ALERT_KIND=deadline_reminder | has '"REMINDER_DAYS_BEFORE":"1"'; }
    wait_for "$timeout_s" one_day || fail "no 1-day reminder from the timer on the faked clock"
    inside journalctl --no-pager -o cat -u tariffwatch.service ALERT_KIND=deadline_reminder | tail -n 1 || true
    (( $(kind_count deadline_reminder) == 2 )) || fail "$(kind_count deadline_reminder) reminders after the faked day, expected 2"
    inside sh -euc "rm /etc/systemd/system/tariffwatch.service.d/e2e-faketime.conf && systemctl daemon-reload"
    inside timeout "$timeout_s" systemctl restart tariffwatch.service || fail "restart on the real clock failed"
else
    echo "skipped: the reminder on a faked clock (apt-get install libfaketime)"
fi
alert_count=$(alerts)
if [[ -n ${TARIFFWATCH_E2E_KEEP:-} ]]; then
    # What the README's "One alert, three views" shows: the journal, the feed and the calendar of this run.
    mkdir -p "$TARIFFWATCH_E2E_KEEP"
    inside journalctl --no-pager -o json -u tariffwatch.service ALERT_KIND=new_deadline ALERT_KIND=deadline_reminder \
        >"$TARIFFWATCH_E2E_KEEP/journal.json" || true
    inside journalctl --no-pager -x -u tariffwatch.service ALERT_KIND=new_deadline >"$TARIFFWATCH_E2E_KEEP/journal-x.txt" || true
    inside cat /var/lib/tariffwatch/feed.json >"$TARIFFWATCH_E2E_KEEP/feed.json" || true
    [[ -f $stage/deadlines.ics ]] && cp "$stage/deadlines.ics" "$TARIFFWATCH_E2E_KEEP/"
    echo "kept the journal, the feed and the calendar in $TARIFFWATCH_E2E_KEEP"
fi

if inside test -e /etc/systemd/system/tariffwatch@.service; then
    step "tariffwatch@desk-a and tariffwatch@desk-b: one configuration, inbox and state each"
    inside sh -euc 'for desk in desk-a desk-b; do printf "alerts:\n  warning_days: 3\n" >/etc/tariffwatch/$desk.yaml; done'
    inside systemd-analyze verify /etc/systemd/system/tariffwatch@desk-a.service || fail "systemd-analyze verify failed for tariffwatch@.service"
    inside timeout "$timeout_s" systemctl start tariffwatch@desk-a.service tariffwatch@desk-b.service \
        || fail "the two instances did not start: $(inside journalctl --no-pager -n 15 -u tariffwatch@desk-a.service)"
    drop article article.txt /var/spool/tariffwatch/desk-a || fail "could not drop into desk-a's inbox"
    desk_a() { (( $(kind_count new_tariff tariffwatch@desk-a.service) > 0 )); }
    wait_for "$timeout_s" desk_a || fail "no alert from tariffwatch@desk-a"
    (( $(inside journalctl --no-pager -o json -u tariffwatch@desk-b.service | grep -c '"ALERT_KIND"' || true) == 0 )) \
        || fail "desk-b alerted on desk-a's article"
    inside test -s /var/lib/tariffwatch/desk-a/tariffwatch.sqlite -a -s /var/lib/tariffwatch/desk-b/tariffwatch.sqlite \
        || fail "the instances have no state of their own"
    [[ $(inside tariffwatch status --state-dir /var/lib/tariffwatch/desk-b --json) == *'"files_processed":0'* ]] \
        || fail "desk-b processed files: $(inside tariffwatch status --state-dir /var/lib/tariffwatch/desk-b --json)"
    echo "desk-a alerted, desk-b stayed quiet; states /var/lib/tariffwatch/desk-{a,b}"
    inside timeout "$timeout_s" systemctl stop tariffwatch@desk-a.service tariffwatch@desk-b.service || fail "the instances did not stop"
fi

if inside test -x /lib/systemd/systemd-journal-remote -a -x /lib/systemd/systemd-journal-upload; then
    step "systemd-journal-upload -> systemd-journal-remote on 127.0.0.1:$remote_port"
    inside sh -euc "mkdir -p /etc/systemd/system/systemd-journal-remote.socket.d /etc/systemd/system/systemd-journal-remote.service.d /etc/systemd/journal-upload.conf.d
        printf '[Socket]\nListenStream=\nListenStream=127.0.0.1:$remote_port\n' >/etc/systemd/system/systemd-journal-remote.socket.d/e2e.conf
        # Loopback only, so plain HTTP; across hosts use the packaged HTTPS default with certificates.
        printf '[Service]\nExecStart=\nExecStart=/lib/systemd/systemd-journal-remote --listen-http=-3 --output=/var/log/journal/remote/\n' \
            >/etc/systemd/system/systemd-journal-remote.service.d/e2e.conf
        printf '[Upload]\nURL=http://127.0.0.1:$remote_port\n' >/etc/systemd/journal-upload.conf.d/e2e.conf
        systemctl daemon-reload
        systemctl start systemd-journal-remote.socket systemd-journal-upload.service" || fail "could not start journal-remote and journal-upload"
    remote() { inside journalctl --no-pager -o json -D /var/log/journal/remote "$@"; }
    forwarded() { (( $(remote ALERT_KIND=deadline_reminder 2>/dev/null | grep -c . || true) + $(remote ALERT_KIND=new_deadline 2>/dev/null | grep -c . || true) > 0 )); }
    wait_for "$timeout_s" forwarded || fail "no alert reached the remote journal: upload $(inside systemctl is-active systemd-journal-upload.service), remote $(inside systemctl is-active systemd-journal-remote.service)"
    local_entry=$(inside journalctl --no-pager -o json -u tariffwatch.service ALERT_KIND=new_deadline | head -n 1 || true)
    alert_id=$(grep -o '"TARIFFWATCH_ALERT_ID":"[^"]*"' <<<"$local_entry" | cut -d'"' -f4)
    remote_entry=$(remote "TARIFFWATCH_ALERT_ID=$alert_id" | head -n 1 || true)
    [[ -n $remote_entry ]] || fail "alert $alert_id is not in the remote journal"
    for field in MESSAGE MESSAGE_ID PRIORITY ALERT_KIND FACT_ID DEADLINE_DATE DEADLINE_KIND EVIDENCE SOURCE_FILE _HOSTNAME _SYSTEMD_UNIT; do
        value() { python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], ""))' "$1" "$field"; }
        [[ $(value "$local_entry") == "$(value "$remote_entry")" ]] || fail "$field differs in the remote journal"
    done
    echo "remote journal: alert $alert_id with MESSAGE_ID, ALERT_KIND, FACT_ID, DEADLINE_*, EVIDENCE, SOURCE_FILE and _HOSTNAME as sent"
    inside journalctl --no-pager -D /var/log/journal/remote -o cat ALERT_KIND=new_deadline | head -n 1 || true
    inside systemctl stop systemd-journal-upload.service systemd-journal-remote.service systemd-journal-remote.socket || true
else
    echo "skipped: journal-upload/journal-remote (apt-get install systemd-journal-remote)"
fi

step "no thread-priority error"
# libdispatch logs "Failed to set thread priority for worker thread" (syslog) when its event thread may not take
# nice -4. The binary starts that thread only when it closes the state database (README); the units allow -4
# (LimitNICE=-4, RLIMIT_NICE 24). PID 1 can grant it only with CAP_SYS_RESOURCE (a container or VM without it clamps
# the limit to its own): then the lines are counted and reported, not failed (ThreadPriorityTests covers the rest).
priority_lines _COMM=tariffwatch "in the journal of the units"

step "stopping"
inside timeout "$timeout_s" systemctl stop tariffwatch.service || fail "systemctl stop failed"
state=$(inside systemctl is-active tariffwatch.service || true)
status=$(inside systemctl show -p ExecMainStatus --value tariffwatch.service)
result=$(inside systemctl show -p Result --value tariffwatch.service)
restarts=$(inside systemctl show -p NRestarts --value tariffwatch.service)
[[ $state == inactive ]] || fail "unit is $state after stop, expected inactive"
[[ $status == 0 ]] || fail "ExecMainStatus=$status after stop, expected 0"
[[ $result == success ]] || fail "Result=$result (watchdog or crash?)"
[[ $restarts == 0 ]] || fail "NRestarts=$restarts: the unit was restarted by systemd (watchdog or crash)"
if inside journalctl --no-pager -u tariffwatch.service | has -i 'watchdog timeout'; then fail "the watchdog fired"; fi

if [[ -n ${base:-} ]]; then
    # The daemon is stopped: its WAL files are gone and the HTTP service may not create them.
    code=$(curl -sS -o "$stage/after-stop.ics" -w '%{http_code}' "$base/deadlines.ics")
    [[ $code == 200 ]] && grep -q "DTSTART;VALUE=DATE:${hearing_day//-/}" "$stage/after-stop.ics" \
        || fail "with the daemon stopped /deadlines.ics gave $code: $(head -c 300 "$stage/after-stop.ics")"
    echo "/deadlines.ics still served read-only with the daemon stopped"
fi

if inside sh -c 'command -v make' >/dev/null; then
    step "make uninstall"
    inside make -s -C /run/e2e/stage/repo -f /run/e2e/stage/wrapper.mk uninstall SWIFT=/run/e2e/stage/swift-stub \
        || fail "make uninstall failed"
    ! inside systemctl cat tariffwatch.service >/dev/null 2>&1 || fail "the unit is still known after make uninstall"
    ! inside test -e /usr/local/bin/tariffwatch || fail "make uninstall left /usr/local/bin/tariffwatch"
    ! inside test -e /etc/systemd/system/tariffwatch-http.socket || fail "make uninstall left tariffwatch-http.socket"
fi

echo "PASS: tariffwatch unit started (Type=notify), alerted ($alert_count ALERT_KIND entries${formats_dir:+, from every document format}), reloaded, restarted without duplicates, served HTTP/calendar, reminded once, ran two instances, forwarded to journal-remote (unless skipped above) and stopped with status 0 (installed by $(inside sh -c "command -v make" >/dev/null && echo "make install/uninstall" || echo "plain copies")) under systemd $(inside systemctl --version | head -n 1 | cut -d' ' -f2)"
