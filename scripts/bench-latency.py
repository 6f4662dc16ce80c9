#!/usr/bin/env python3
"""Drop → alert latency of a running daemon, against the physical floor of the same disk.

Drops one-sentence articles into the watched folder (written elsewhere, then renamed in) at a steady
rate and measures, per file:
- drop → journal entry: journald's receive time (__REALTIME_TIMESTAMP) of the alert whose SOURCE_FILE
  is the file, minus the wall-clock time just before the rename (same clock, microseconds);
- drop → feed item: the time an inotify event on the feed's folder showed a feed.json holding an
  item for the file, minus the time just before the rename (monotonic clock).
Both from before the `rename` call: the rename wakes the daemon's watcher thread, which on a busy machine
can take this script's core and hand the file on before the script reads the clock again (at load 4 on
two cores, p50 0.04 ms from the rename's return for alerts that took 1.5 ms). The figures from the
rename's return (how rounds before 2026-12-07 measured) follow on their own line, with the rename's own
time, for comparison; on a quiet machine they are the lower bound, the first the upper.
Each phase also prints the daemon's CPU time (user + system, all threads, from /proc) per file dropped,
which does not count waiting for a core and so varies less with the machine's load than latency does,
and the machine's CPU pressure over the phase (/proc/pressure/cpu) and the share of its CPUs' time the
hypervisor gave to other guests (steal, /proc/stat), which say how far to trust its latency, and a
calibration: the time of a fixed CPU-bound loop in this script, since the cores' speed itself varies.
The floor is one small write + fsync + rename in the state folder, measured by this script on the same
disk in the same run, so the figures can be read as multiples of what the disk allows.

Root: runs itself under `unshare --mount` with a private journald (Tests/Support/with-private-journald.sh).
Otherwise the journal column is skipped and only the feed is measured.

Usage: scripts/bench-latency.py [--binary BIN] [--rates 1,20,200] [--seconds 10] [--articles tariffs|deadlines|pair|sides]
"""
import argparse
import ctypes
import json
import re
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COUNTRIES = ["Japan", "Canada", "Mexico", "India", "Brazil", "Australia", "Indonesia", "Turkey",
             "Argentina", "Vietnam", "Thailand", "Chile"]
PAIRS = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b]

libc = ctypes.CDLL("libc.so.6", use_errno=True)
IN_CLOSE_WRITE, IN_MOVED_TO = 0x8, 0x80


def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def floor_latency(folder, rounds=200):
    """Milliseconds for one 200-byte write + fsync + rename in `folder`: the disk's own limit."""
    samples = []
    for i in range(rounds):
        tmp, final = os.path.join(folder, f".floor.{i}.tmp"), os.path.join(folder, "floor.json")
        start = time.monotonic()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, b"x" * 200)
        os.fsync(fd)
        os.close(fd)
        os.rename(tmp, final)
        samples.append((time.monotonic() - start) * 1000)
    os.unlink(os.path.join(folder, "floor.json"))
    return samples


class FeedWatcher(threading.Thread):
    """Records, per source file, the first moment a feed.json naming it was in place.

    The daemon writes items newest first (by alert id), so a scan reads the feed from its head and stops
    at the first item it has seen before: O(new items), like the delivery itself. Parsing the whole 1 MB
    document at every rewrite (json.load, 10 to 20 ms holding the GIL) delayed the next event's timestamp
    by a parse and took a core from the daemon, so it measured the benchmark as much as the daemon.
    """

    ITEM = re.compile(rb'"_tariffwatch":\{"alert_id":(\d+),.*?"source_file":"((?:[^"\\]|\\.)*)"', re.S)

    def __init__(self, feed_path):
        super().__init__(daemon=True)
        self.feed_path = feed_path
        self.seen = {}
        self.newest_alert = 0
        self.fd = libc.inotify_init1(0)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        folder = os.path.dirname(feed_path).encode()
        if libc.inotify_add_watch(self.fd, folder, IN_CLOSE_WRITE | IN_MOVED_TO) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")

    def run(self):
        name = os.path.basename(self.feed_path).encode()
        while True:
            data = os.read(self.fd, 65536)
            at = time.monotonic()
            offset, relevant = 0, False
            while offset < len(data):
                _, _, _, length = struct.unpack_from("iIII", data, offset)
                event_name = data[offset + 16: offset + 16 + length].rstrip(b"\0")
                relevant |= event_name == name
                offset += 16 + length
            if relevant:
                self.scan(at)

    def scan(self, at):
        try:
            stream = open(self.feed_path, "rb")
        except OSError:
            return
        with stream:
            head, newest, done = b"", self.newest_alert, False
            while not done:
                chunk = stream.read(65536)
                if not chunk:
                    break
                head += chunk
                last_end = 0
                for match in self.ITEM.finditer(head):
                    alert = int(match.group(1))
                    if alert <= self.newest_alert:
                        done = True
                        break
                    newest = max(newest, alert)
                    source = os.path.basename(json.loads(b'"' + match.group(2) + b'"'))
                    self.seen.setdefault(source, at)
                    last_end = match.end()
                head = head[last_end:]
            self.newest_alert = newest


def journal_times():
    """SOURCE_FILE base name -> earliest journald receive time (seconds, wall clock) of its alerts."""
    out = subprocess.run(["journalctl", "-o", "json", "--no-pager"], capture_output=True, text=True).stdout
    times = {}
    for line in out.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if "ALERT_KIND" not in entry or "SOURCE_FILE" not in entry:
            continue
        source = os.path.basename(entry["SOURCE_FILE"])
        at = int(entry["__REALTIME_TIMESTAMP"]) / 1e6
        times[source] = min(at, times.get(source, at))
    return times


SYLLABLES = ["qu", "or", "va", "bel", "min", "tar", "ko", "vi", "dan", "pel", "ru", "sto", "fen", "gal", "mir", "zo"]


def made_up_word(n):
    """One of 4,096 made-up words, three syllables from the bits of `n`."""
    return "".join(SYLLABLES[(n >> shift) & 15] for shift in (0, 4, 8))


def article(i, kind):
    """The text of the i-th dropped article. `tariffs`: a tariff between two of 132 country pairs, which the
    state merges by pair. `deadlines`: an agreement of two made-up names taking effect on a day of its own, so every
    article is a new deadline fact and the state grows with each (what a state holds after months of news).
    `pair`: a United States tariff on a made-up Chinese product, a new fact of one party pair per article.
    `sides`: the same US tariffs on Chinese products, every third article naming only the imposer and every third
    only the target: a new fact per article, and each one-sided report compared with the facts of its side."""
    if kind == "sides" and i % 3 == 1:
        return (f"The United States will impose a {5 + i % 90}% tariff on imports of {made_up_word(i)}, "
                f"the trade office said on Monday.\n")
    if not alerts(i, kind):
        return (f"A {5 + i % 90}% tariff on Chinese {made_up_word(i)} imports will take effect, "
                f"the trade office said on Monday.\n")
    if kind in ("pair", "sides"):
        return (f"The United States will impose a {5 + i % 90}% tariff on Chinese {made_up_word(i)} imports, "
                f"the trade office said on Monday.\n")
    if kind == "deadlines":
        day = time.gmtime(1798761600 + 86400 * i)  # from 2027-01-01, a day per article
        # two names no other of the first 4,096 articles has (the second a permutation of the first, with its own ending)
        first, second = made_up_word(i).capitalize(), made_up_word(i * 2731 + 1234).capitalize() + "ia"
        return (f"The {first} {second} accord takes effect on {time.strftime('%B', day)} "
                f"{day.tm_mday}, {day.tm_year}, the ministry said.\n")
    a, b = PAIRS[i % len(PAIRS)]
    level = 5 + (i // len(PAIRS)) % 90
    return f"{a} will impose a {level}% tariff on imports from {b} starting June 1, the trade ministry said on Monday.\n"


def alerts(i, kind):
    """Whether the i-th article raises an alert: not a `sides` report naming no imposer, which the default policy
    keeps silent (`alerts.unknown_imposers`) though the state merges it. Only alerting articles are timed."""
    return not (kind == "sides" and i % 3 == 2)


def run_phase(inbox, staging, rate, seconds, first_index, kind="tariffs"):
    """Drops rate*seconds files at a steady pace; returns {name: (monotonic, wall, seconds in rename)} of each drop,
    the times read just before the rename."""
    count = max(1, int(rate * seconds))
    names = []
    for i in range(first_index, first_index + count):
        name = f"latency-{i:06d}.txt"
        with open(os.path.join(staging, name), "w") as stream:
            stream.write(article(i, kind))
        os.utime(os.path.join(staging, name), (1780000000, 1780000000))  # 2026-05-28, before June 1
        names.append(name)
    drops = {}
    start = time.monotonic()
    for k, name in enumerate(names):
        due = start + k / rate
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        before, wall = time.monotonic(), time.time()
        os.rename(os.path.join(staging, name), os.path.join(inbox, name))
        drops[name] = (before, wall, time.monotonic() - before)
    return drops, first_index + count


def cpu_seconds(pid):
    """User + system CPU seconds of process `pid` and all its threads so far (/proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kb(pid):
    """Resident and peak resident memory of process `pid`, in kB (/proc/PID/status)."""
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            fields[name] = value.split()[0] if value.split() else "0"
    return int(fields.get("VmRSS", 0)), int(fields.get("VmHWM", 0))


def cpu_pressure_us():
    """Microseconds so far in which some task waited for a CPU (/proc/pressure/cpu "some total"); None without PSI."""
    try:
        with open("/proc/pressure/cpu") as psi:
            return int(psi.readline().split("total=")[1])
    except (OSError, IndexError, ValueError):
        return None


def steal_seconds():
    """CPU seconds the hypervisor gave to others while this machine's CPUs wanted to run (/proc/stat steal)."""
    with open("/proc/stat") as stat:
        fields = stat.readline().split()
    return int(fields[8]) / os.sysconf("SC_CLK_TCK") if len(fields) > 8 else 0.0


def calibration_ms():
    """Best of five timings of a fixed CPU-bound loop: how fast this machine's cores run right now.

    On this shared VM the same build's CPU per file has varied by 2x within an hour with no steal and no
    pressure reported; runs are only comparable when their calibration agrees."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for i in range(300_000):
            total += i * i % 7
        best = min(best, time.perf_counter() - start)
    return best * 1000


def summarize(label, latencies, expected):
    ms = [x * 1000 for x in latencies]
    missing = expected - len(ms)
    return (f"{label}: p50 {percentile(ms, 0.5):7.2f} ms  p99 {percentile(ms, 0.99):7.2f} ms  "
            f"max {max(ms) if ms else float('nan'):7.2f} ms  ({len(ms)}/{expected} seen"
            + (f", {missing} missing" if missing else "") + ")")


def measure(args, with_journal):
    work = tempfile.mkdtemp(prefix="tariffwatch-latency.")
    try:
        inbox, state, staging = (os.path.join(work, d) for d in ("inbox", "state", "staging"))
        for folder in (inbox, state, staging):
            os.makedirs(folder)
        log = open(os.path.join(work, "daemon.log"), "w")
        env = {k: v for k, v in os.environ.items() if k not in ("WATCHDOG_USEC", "NOTIFY_SOCKET")}
        daemon = subprocess.Popen([args.binary, "run", "--watch-dir", inbox, "--state-dir", state],
                                  stdout=log, stderr=log, env=env)
        try:
            deadline = time.monotonic() + 30
            while not os.path.exists(os.path.join(state, "feed.json")) and time.monotonic() < deadline:
                time.sleep(0.05)
            floor = floor_latency(state)
            watcher = FeedWatcher(os.path.join(state, "feed.json"))
            watcher.start()
            print(f"floor (200-byte write + fsync + rename in the state folder): "
                  f"p50 {percentile(floor, 0.5):.2f} ms  p99 {percentile(floor, 0.99):.2f} ms")
            index = 0
            for rate in args.rates:
                cpu_before, psi_before, started = cpu_seconds(daemon.pid), cpu_pressure_us(), time.monotonic()
                steal_before = steal_seconds()
                drops, index = run_phase(inbox, staging, rate, args.seconds, index, args.articles)
                dropped = len(drops)
                drops = {n: d for n, d in drops.items() if alerts(int(n[len("latency-"):-len(".txt")]), args.articles)}
                settle = time.monotonic() + 10
                while time.monotonic() < settle and not all(n in watcher.seen for n in drops):
                    time.sleep(0.05)
                feed = [watcher.seen[n] - drops[n][0] for n in drops if n in watcher.seen]
                # The daemon's CPU per file is steadier than latency on a shared machine: it does not
                # count the time spent waiting for a core.
                cpu = cpu_seconds(daemon.pid) - cpu_before
                rss, peak = rss_kb(daemon.pid)
                # How contended the machine was: the share of the phase in which some task (ours or not)
                # was runnable but waiting for a CPU. Latency from a phase with a high share compares nothing.
                psi_after = cpu_pressure_us()
                elapsed = time.monotonic() - started
                pressure = ("" if psi_before is None or psi_after is None else
                            f", CPU pressure {100 * (psi_after - psi_before) / 1e6 / elapsed:.0f}%")
                pressure += f", steal {100 * (steal_seconds() - steal_before) / elapsed / os.cpu_count():.0f}%"
                print(f"{rate:>5} files/s for {args.seconds} s (daemon CPU {cpu * 1000 / max(1, dropped):.2f} ms per file, "
                      f"RSS {rss / 1024:.1f} MB, peak {peak / 1024:.1f} MB{pressure}, calibration {calibration_ms():.1f} ms)")
                renames = [d[2] * 1000 for d in drops.values()]
                print("  " + summarize("drop → feed item   ", feed, len(drops)))
                after = {n: (watcher.seen[n] - drops[n][0] - drops[n][2]) * 1000 for n in drops if n in watcher.seen}
                line = f"  from the rename's return (the rename p50 {percentile(renames, 0.5):.2f} ms): feed p50 {percentile(list(after.values()), 0.5):.2f} ms"
                if with_journal:
                    subprocess.run(["journalctl", "--sync"], capture_output=True)
                    times = journal_times()
                    journal = [times[n] - drops[n][1] for n in drops if n in times]
                    print("  " + summarize("drop → journal entry", journal, len(drops)))
                    returned = [(times[n] - drops[n][1]) * 1000 - drops[n][2] * 1000 for n in drops if n in times]
                    line += f", journal p50 {percentile(returned, 0.5):.2f} ms"
                print(line)
        finally:
            daemon.terminate()
            daemon.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=None)
    parser.add_argument("--rates", default="1,20,200")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--articles", choices=["tariffs", "deadlines", "pair", "sides"], default="tariffs",
                        help="tariffs (default): 132 country pairs the state merges by pair; deadlines: each article "
                             "a new deadline fact, so a later phase runs on a state of many deadlines; pair: each "
                             "a new tariff fact of one party pair; sides: as pair, every third article naming only the imposer "
                             "and every third only the target")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.binary is None:
        bindir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
        args.binary = os.path.join(bindir, "tariffwatch")
    args.binary = os.path.abspath(args.binary)
    args.rates = [float(r) for r in args.rates.split(",")]
    command = " ".join(sys.argv)
    if args.inner:
        measure(args, with_journal=True)
        return
    load = open("/proc/loadavg").read().split()[:3]
    print(f"command: {command}\nbinary: {args.binary}\nload: {' '.join(load)}")
    if os.geteuid() == 0 and shutil.which("unshare"):
        journal_dump = tempfile.mktemp(prefix="tariffwatch-latency-journal.", suffix=".json")
        try:
            status = subprocess.call(
                ["unshare", "--mount", "--propagation", "private",
                 os.path.join(ROOT, "Tests/Support/with-private-journald.sh"), journal_dump, "--",
                 sys.executable, os.path.abspath(__file__), "--inner", "--binary", args.binary,
                 "--rates", ",".join(str(r) for r in args.rates), "--seconds", str(args.seconds),
                 "--articles", args.articles])
        finally:
            if os.path.exists(journal_dump):
                os.unlink(journal_dump)
        sys.exit(status)
    print("not root: journal latency skipped (needs a private journald)")
    measure(args, with_journal=False)


if __name__ == "__main__":
    main()
