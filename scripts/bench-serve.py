#!/usr/bin/env python3
"""What `tariffwatch serve` costs per request on a state of years.

Builds a state of DEADLINES deadline facts (each article an agreement of two made-up names taking effect on a day of
its own, one day apart, the first `--past` of them before today: what years of news leave behind, mostly past
deadlines and some upcoming), then starts `tariffwatch serve` on it and asks each endpoint REQUESTS times over one
kept-alive connection, as a polling dashboard does:

- `/deadlines.ics` in full, and again with the `If-None-Match` of the first answer (a poll that finds no change: 304);
- `/deadlines.ics` after each of a change the calendar must show (the state's count of them raised by this script
  between requests, as a daemon merging a deadline does; a state whose build keeps no count is read every time);
- `/healthz`;
- `/feed.json` in full, and with its `If-None-Match` (304).

Prints, per endpoint, the latency p50/p99/max the client saw and the server's CPU per request (utime + stime of all
its threads, from /proc), then the command that made the figures. The state is built by the daemon itself
(`tariffwatch run` on a folder holding every article), so the binary's own schema and merge made it.

Usage: scripts/bench-serve.py [--binary BIN] [--deadlines 3000] [--past 2000] [--requests 300] [--state DIR]
(`--state DIR` keeps the state in DIR, or reuses the one an earlier run left there.)
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

SYLLABLES = ["qu", "or", "va", "bel", "min", "tar", "ko", "vi", "dan", "pel", "ru", "sto", "fen", "gal", "mir", "zo"]


def made_up_word(n):
    """One of 4,096 made-up words, three syllables from the bits of `n`."""
    return "".join(SYLLABLES[(n >> shift) & 15] for shift in (0, 4, 8))


def article(i, first_day, today):
    """The i-th article and its date (days since 1970-01-01, its modification time): an accord of two names no other
    of the first 4,096 articles has, taking effect on day `first_day + i`, reported a week before, or today for a
    later day (the daemon turns away a plain-text article dated in the future)."""
    day = time.gmtime(86400 * (first_day + i))
    first, second = made_up_word(i).capitalize(), made_up_word(i * 2731 + 1234).capitalize() + "ia"
    return (f"The {first} {second} accord will take effect on {time.strftime('%B', day)} {day.tm_mday}, "
            f"{day.tm_year}, the ministry said.\n"), min(first_day + i - 7, today)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def counts(binary, state):
    out = subprocess.run([binary, "status", "--state-dir", state, "--json"], capture_output=True, text=True)
    return json.loads(out.stdout) if out.returncode == 0 else None


def build_state(binary, state, count, past):
    """Runs the daemon on a folder holding `count` articles until it has processed and delivered them all."""
    inbox = os.path.join(os.path.dirname(state), "inbox")
    os.makedirs(inbox, exist_ok=True)
    today = int(time.time() // 86400)
    for i in range(count):
        text, day = article(i, today - past, today)
        path = os.path.join(inbox, f"accord-{i:06d}.txt")
        with open(path, "w") as stream:
            stream.write(text)
        os.utime(path, (86400 * day, 86400 * day))
    env = {k: v for k, v in os.environ.items() if k not in ("WATCHDOG_USEC", "NOTIFY_SOCKET")}
    log = open(os.path.join(os.path.dirname(state), "daemon.log"), "w")
    daemon = subprocess.Popen([binary, "run", "--watch-dir", inbox, "--state-dir", state], stdout=log, stderr=log, env=env)
    started = time.monotonic()
    try:
        while True:
            time.sleep(0.5)
            now = counts(binary, state)
            if now and now["files_processed"] + now["files_rejected"] >= count and now["alerts_pending"] == 0:
                break
            if daemon.poll() is not None:
                sys.exit(f"bench-serve: the daemon stopped while building the state (see {log.name})")
            if time.monotonic() - started > 600:
                sys.exit("bench-serve: the state took more than 10 minutes to build")
    finally:
        daemon.terminate()
        daemon.wait()
    print(f"state: {count} articles processed in {time.monotonic() - started:.1f} s: {now['facts']} facts, "
          f"{now['files_rejected']} files rejected")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def measure(connection, pid, path, requests, headers=None, before=None):
    """`requests` GETs of `path`, each after `before()` when given: (latencies in ms, server CPU ms per request, last
    status, body length, ETag)."""
    latencies = []
    cpu_before = cpu_seconds(pid)
    status = length = etag = None
    for _ in range(requests):
        if before:
            before()
        started = time.perf_counter()
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        status, length, etag = response.status, len(body), response.getheader("ETag")
    return latencies, (cpu_seconds(pid) - cpu_before) * 1000 / requests, status, length, etag


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--binary", default=os.path.join(root, ".build", "release", "tariffwatch"))
    parser.add_argument("--deadlines", type=int, default=3000)
    parser.add_argument("--past", type=int, default=2000, help="how many of the deadlines fall before today")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--state", help="a folder to keep the state in, or whose state to reuse")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="tariffwatch-serve.")
    try:
        state = os.path.abspath(args.state) if args.state else os.path.join(work, "state")
        os.makedirs(state, exist_ok=True)
        if not os.path.exists(os.path.join(state, "tariffwatch.sqlite")):
            build_state(binary, state, args.deadlines, args.past)
        port = free_port()
        log = open(os.path.join(work, "serve.log"), "w")
        server = subprocess.Popen([binary, "serve", "--state-dir", state, "--feed", os.path.join(state, "feed.json"),
                                   "--listen", f"127.0.0.1:{port}"], stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    connection.request("GET", "/healthz")
                    connection.getresponse().read()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit(f"bench-serve: the server did not answer (see {log.name})")
                    time.sleep(0.05)
            database = os.path.join(state, "tariffwatch.sqlite")
            changes = [0]

            def change():
                """What a merged deadline does to the count (nothing else: the calendar itself stays the same)."""
                with sqlite3.connect(database) as db:
                    columns = [row[1] for row in db.execute("PRAGMA table_info(store_counts)")]
                    if "deadline_changes" in columns:
                        db.execute("UPDATE store_counts SET deadline_changes = deadline_changes + 1")
                changes[0] += 1

            for label, path, conditional, before in (("/deadlines.ics", "/deadlines.ics", False, None),
                                                     ("/deadlines.ics, 304", "/deadlines.ics", True, None),
                                                     ("/deadlines.ics, changed", "/deadlines.ics", False, change),
                                                     ("/healthz", "/healthz", False, None),
                                                     ("/feed.json", "/feed.json", False, None),
                                                     ("/feed.json, 304", "/feed.json", True, None)):
                headers = None
                if conditional:
                    headers = {"If-None-Match": measure(connection, server.pid, path, 1)[4]}
                requests = args.requests if before is None else max(1, args.requests // 10)
                latencies, cpu, status, length, _ = measure(connection, server.pid, path, requests, headers, before)
                print(f"{label:24} {status} {length:8d} bytes  p50 {percentile(latencies, 0.5):7.2f} ms  "
                      f"p99 {percentile(latencies, 0.99):7.2f} ms  max {max(latencies):7.2f} ms  "
                      f"server CPU {cpu:7.3f} ms/request", flush=True)
        finally:
            server.terminate()
            server.wait()
        print(f"command: scripts/bench-serve.py --binary {args.binary} --deadlines {args.deadlines} --past {args.past} "
              f"--requests {args.requests} (load average {os.getloadavg()[0]:.2f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
