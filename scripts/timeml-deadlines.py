#!/usr/bin/env python3
"""Every deadline `tariffwatch extract --json` alerts on the TimeBank and AQUAINT articles, with a judgement.

Usage: timeml-deadlines.py [--timeml DIR] [--judged TSV] [--split all|tune|heldout] [--list] -- COMMAND [ARGS...]

These articles are real news nobody tuned the deadline rules on, and they have no deadline gold: this lists what
the engine alerts (upcoming deadlines: date, kind, subject, sentence) so a person can judge each one by
../shared/eval/news-dev/GUIDELINES.md, and counts the judgements already recorded in the TSV file
(scripts/timeml-deadlines-judged.tsv: file, date, the date's text, T|F|U, a note). A deadline with no
judgement yet is counted as `unjudged` and listed with `?` so it can be judged and added.

The text and the publication date (the CREATION_TIME TIMEX3) come from scripts/eval_timeml.py's reader; each
creation date is one run `COMMAND --reference-date YYYY-MM-DD FILE...`. `--split` keeps the documents whose
index in path order is not 1 modulo 4 (tune) or is (heldout), the same split as eval_timeml.py.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_timeml import parse  # noqa: E402


def load_judged(path):
    judged = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            judged[(cols[0], cols[1], cols[2])] = (cols[3], cols[4] if len(cols) > 4 else "")
    return judged


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--timeml", default=os.path.join(here, "..", "..", "shared", "eval", "timeml"))
    ap.add_argument("--judged", default=os.path.join(here, "timeml-deadlines-judged.tsv"))
    ap.add_argument("--split", choices=["all", "tune", "heldout"], default="all")
    ap.add_argument("--list", action="store_true", help="print every alert, judged or not (default: only unjudged)")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    command = a.command[1:] if a.command and a.command[0] == "--" else a.command
    if not command:
        sys.exit("timeml-deadlines: no command after --")
    paths = []
    for sub in ("timebank", "aquaint"):
        d = os.path.join(a.timeml, sub)
        paths += sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".tml"))
    if a.split != "all":
        paths = [p for i, p in enumerate(paths) if (i % 4 == 1) == (a.split == "heldout")]
    judged = load_judged(a.judged)
    by_date = collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for p in paths:
            dct, text, _ = parse(p)
            if dct is None:
                continue
            out = os.path.join(tmp, os.path.basename(p)[:-4] + ".txt")
            with open(out, "w", encoding="utf-8") as fh:
                fh.write(text)
            by_date[dct].append(out)
        alerts = []
        for dct in sorted(by_date):
            result = subprocess.run(command + ["--reference-date", dct] + by_date[dct], capture_output=True, text=True)
            if result.returncode != 0 and not result.stdout:
                sys.exit(f"timeml-deadlines: {' '.join(command)} failed for {dct}: {result.stderr.strip()}")
            for line in result.stdout.splitlines():
                if not line.strip():
                    continue
                doc = json.loads(line)
                name = os.path.basename(doc["document"]["path"])[:-4]
                sentences = doc.get("sentences", [])
                for d in doc.get("deadlines", []):
                    if d.get("upcoming"):
                        i = d.get("sentence")
                        d["sentence"] = sentences[i] if isinstance(i, int) and i < len(sentences) else str(i)
                        alerts.append((name, dct, d))
    counts = collections.Counter()
    for name, dct, d in alerts:
        key = (name, d["date"], d.get("text", ""))
        verdict, note = judged.get(key, ("?", ""))
        counts[verdict] += 1
        if a.list or verdict == "?":
            sentence = " ".join(d.get("sentence", "").split())
            print(f"{verdict}\t{name}\t{d['date']}\t{d.get('text', '')}\tref {dct}\t{d.get('kind')}\t"
                  f"{d.get('subject', '')}\t{sentence}" + (f"\t# {note}" if note else ""))
    total = sum(counts.values())
    t, f, u, q = counts["T"], counts["F"], counts["U"], counts["?"]
    precision = t / (t + f) if t + f else 1.0
    print(f"deadline alerts ({a.split}, {len(paths)} documents): {total}  true {t}  false {f}  unsure {u}  "
          f"unjudged {q}  precision (true/(true+false)) {precision:.3f}")


if __name__ == "__main__":
    main()
