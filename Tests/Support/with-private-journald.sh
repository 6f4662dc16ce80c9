#!/usr/bin/env bash
# Runs a command against a private, throw-away systemd-journald and dumps what it logged as JSON.
#
#   unshare --mount --propagation private Tests/Support/with-private-journald.sh OUT.json -- CMD ARGS...
#
# Inside the new mount namespace it mounts tmpfs over the journal's socket and storage folders, so the
# host's journal (if any) is neither read nor written. Exit status is CMD's; 77 means "skipped".
set -euo pipefail

usage() { echo "usage: unshare --mount --propagation private $0 OUT.json -- CMD [ARGS...]" >&2; exit 2; }
[[ $# -ge 3 && $2 == "--" ]] || usage
out=$1; shift 2

skip() { echo "skipped: $*" >&2; exit 77; }
[[ $(id -u) -eq 0 ]] || skip "needs root (mounts tmpfs and starts systemd-journald)"
journald=""
for candidate in /lib/systemd/systemd-journald /usr/lib/systemd/systemd-journald; do
    [[ -x $candidate ]] && { journald=$candidate; break; }
done
[[ -n $journald ]] || skip "systemd-journald not found"
command -v journalctl >/dev/null || skip "journalctl not found"
# Refuse to run in the host's mount namespace: the tmpfs mounts would hide the real journal.
if [[ $(readlink /proc/self/ns/mnt) == $(readlink /proc/1/ns/mnt) && -z ${TARIFFWATCH_ALLOW_HOST_MOUNTS:-} ]]; then
    skip "run me under 'unshare --mount --propagation private' (refusing to mount over the host journal)"
fi

# A fresh /run (nothing is created on the host's), and an empty persistent journal folder if there is one.
mount -t tmpfs -o mode=0755 tmpfs /run
[[ -d /var/log/journal ]] && mount -t tmpfs -o mode=2755 tmpfs /var/log/journal
mkdir -p /run/systemd/journal /run/log/journal /run/systemd/journald.conf.d
# Only what CMD logs: no kernel ring buffer, no forwarding to syslog/wall/console. /run drop-ins win over /etc.
printf '[Journal]\nStorage=volatile\nReadKMsg=no\nForwardToSyslog=no\nForwardToWall=no\nForwardToConsole=no\n' \
    >/run/systemd/journald.conf.d/zz-tariffwatch-harness.conf

"$journald" >/dev/null 2>&1 &
journald_pid=$!
stop_journald() {
    kill "$journald_pid" 2>/dev/null || true
    wait "$journald_pid" 2>/dev/null || true
}
trap stop_journald EXIT

for _ in $(seq 100); do
    [[ -S /run/systemd/journal/socket ]] && break
    kill -0 "$journald_pid" 2>/dev/null || { echo "systemd-journald exited during start-up" >&2; exit 1; }
    sleep 0.05
done
[[ -S /run/systemd/journal/socket ]] || { echo "systemd-journald did not create its socket within 5 s" >&2; exit 1; }

status=0
"$@" || status=$?

# Make journald write out every datagram it has received before we read the files.
journalctl --sync 2>/dev/null || { kill -s SIGRTMIN+1 "$journald_pid"; sleep 0.3; }
journalctl -o json --no-pager >"$out"
exit "$status"
