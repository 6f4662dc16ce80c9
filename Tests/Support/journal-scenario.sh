#!/usr/bin/env bash
# Runs the daemon against a journald (the private one of with-private-journald.sh), drops one of our
# fixture articles and one binary file, waits until both are handled, and stops it with SIGTERM.
# With CATALOG and X_OUT, it then installs CATALOG in this mount namespace only and writes what
# `journalctl -x` shows of the daemon's entries to X_OUT (the catalog's Subject and text per alert).
# Usage: journal-scenario.sh BINARY FIXTURES_DIR WORK_DIR [CATALOG X_OUT]
set -euo pipefail
bin=$1 fixtures=$2 work=$3 catalog=${4:-} x_out=${5:-}
mkdir -p "$work/inbox" "$work/state" "$work/staging"
"$bin" run --watch-dir "$work/inbox" --state-dir "$work/state" &
pid=$!
trap 'kill -9 "$pid" 2>/dev/null || true' EXIT
until [ -e "$work/state/tariffwatch.sqlite" ]; do sleep 0.05; done
cp "$fixtures/eu-steel-announced.txt" "$work/staging/eu-steel-announced.txt"
touch -d 2026-03-02T12:00:00Z "$work/staging/eu-steel-announced.txt"
mv "$work/staging/eu-steel-announced.txt" "$work/inbox/"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' > "$work/inbox/picture.txt"
for _ in $(seq 1 400); do
    # The database file exists a moment before its tables do: a read-only status may fail until then.
    status=$("$bin" status --state-dir "$work/state" --json 2>/dev/null || true)
    case "$status" in *'"alerts_pending":0'*'"files_processed":1'*'"files_rejected":1'*) break ;; esac
    sleep 0.05
done
kill -TERM "$pid"
wait "$pid"
echo "daemon exited with $?"
trap - EXIT

if [[ -n $catalog ]]; then
    # journalctl -x reads /var/lib/systemd/catalog/database: build ours under WORK_DIR and bind it there,
    # in this private mount namespace, so the host's catalog is neither read nor changed.
    if [[ ! -d /var/lib/systemd/catalog ]]; then
        echo "skipped: journalctl -x check (no /var/lib/systemd/catalog to mount over)" >"$x_out"
        exit 0
    fi
    install -D -m 0644 "$catalog" "$work/catalog-root/usr/lib/systemd/catalog/tariffwatch.catalog"
    journalctl --root="$work/catalog-root" --update-catalog
    mount --bind "$work/catalog-root/var/lib/systemd/catalog" /var/lib/systemd/catalog
    journalctl --sync 2>/dev/null || true
    journalctl -x --no-pager SYSLOG_IDENTIFIER=tariffwatch >"$x_out"
fi
