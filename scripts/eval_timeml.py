#!/usr/bin/env python3
"""TempEval-3 style scores for a timex tagger on TimeML (.tml) files.

Usage: eval_timeml.py --timeml DIR [--verbose] -- COMMAND [ARGS...]

Each file's <TEXT> is stripped of its tags (entities decoded) keeping the character offsets of its
TIMEX3 spans; the document creation time (the TIMEX3 with functionInDocument="CREATION_TIME") is the
reference date and is not scored. The texts are written to a temporary folder and the command is run
once per creation date as `COMMAND --reference-date YYYY-MM-DD FILE...`; it must print one JSON
object per file with `document.path` and `timexes` [{start, end, type, value, text}], offsets in
Unicode scalars (Python str indices).

Printed: extent strict (same start and end) and relaxed (overlap) precision/recall/F1, value accuracy
on relaxed matches and value F1 (a relaxed match with the right value), for DATE expressions and for
all types.

Rules are written on a fixed part of the documents and measured on the rest: `--split tune` keeps
the documents whose index in path order is not 1 modulo 4, `--split heldout` the others (a quarter).
On the held-out part only the score lines are printed: `--verbose` and `--kinds` are refused there.
`--kinds` groups every wrong value, miss and false alarm by what went wrong (all types), largest first.
"""
import argparse
import collections
import html
import json
import os
import re
import subprocess
import sys
import tempfile

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def parse(path):
    """Returns (dct 'YYYY-MM-DD', text, [gold timex dicts]) for the <TEXT> part of one .tml file."""
    raw = open(path, encoding="utf-8").read()
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            digits = re.sub(r"[^0-9]", "", attrs.get("value", ""))[:8]
            if len(digits) == 8:
                dct = f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
            break
    start = raw.find("<TEXT>")
    end = raw.find("</TEXT>")
    body = raw[start + len("<TEXT>"):end] if start >= 0 and end > start else raw
    out, gold, open_timex, pos = [], [], None, 0
    length = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, rest = m.group(1) == "/", m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            attrs = dict(ATTR.findall(rest))
            open_timex = {"start": length, "type": attrs.get("type", ""), "value": attrs.get("value", ""),
                          "fid": attrs.get("functionInDocument", "NONE")}
        elif open_timex is not None:
            open_timex["end"] = length
            if open_timex["fid"] != "CREATION_TIME":
                gold.append(open_timex)
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return dct, text, gold


def run(command, dct, files):
    """Runs the tagger on files sharing a creation date; returns {path: [timexes]}."""
    result = subprocess.run(command + ["--reference-date", dct] + files, capture_output=True, text=True)
    if result.returncode != 0 and not result.stdout:
        sys.exit(f"eval_timeml: {' '.join(command)} failed for {dct}: {result.stderr.strip()}")
    found = {}
    for line in result.stdout.splitlines():
        if line.strip():
            doc = json.loads(line)
            found[os.path.realpath(doc["document"]["path"])] = doc.get("timexes", [])
    return found


def match(gold, system, strict):
    """Greedy one-to-one matching by exact span (strict) or overlap (relaxed)."""
    pairs, used = [], set()
    for g in gold:
        for i, s in enumerate(system):
            if i in used:
                continue
            ok = (s["start"] == g["start"] and s["end"] == g["end"]) if strict else (
                s["start"] < g["end"] and g["start"] < s["end"])
            if ok:
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


def shape(value):
    """The form of a TIMEX3 value: `day`, `month`, `year`, `week`, `quarter`, `duration`, `ref`, …"""
    if re.fullmatch(r"\d{4}-\d\d-\d\dT.*", value):
        return "time"
    for name, pattern in (("day", r"\d{4}-\d\d-\d\d"), ("month", r"\d{4}-\d\d"), ("year", r"\d{4}"),
                          ("week", r"\d{4}-W\d\d.*"), ("quarter", r"\d{4}-Q\d"), ("half", r"\d{4}-H\d"),
                          ("season", r"\d{4}-(SP|SU|FA|WI)"), ("decade", r"\d{3}"), ("century", r"\d\d"),
                          ("ref", r"(PAST|PRESENT|FUTURE)_REF"), ("duration", r"P.*"),
                          ("undated", r"X.*|.*X.*")):
        if re.fullmatch(pattern, value):
            return name
    return "other"


def error_kind(gold, system, dct):
    """What went wrong with a relaxed match whose value is wrong."""
    gv, sv = gold["value"], system["value"]
    gs, ss = shape(gv), shape(sv)
    extent = "" if (gold["start"], gold["end"]) == (system["start"], system["end"]) else ", other extent"
    if gs != ss:
        return f"{gs} read as {ss}{extent}"
    if gs in ("day", "month", "quarter", "season", "week", "time") and gv[:4] != sv[:4] and gv[4:] == sv[4:]:
        return f"{gs}: wrong year{extent}"
    if gs in ("day", "time") and gv[:7] == sv[:7] or gs == "day":
        try:
            import datetime
            gd = datetime.date.fromisoformat(gv[:10])
            sd = datetime.date.fromisoformat(sv[:10])
            if abs((gd - sd).days) == 7:
                return f"{gs}: a week off{extent}"
            if abs((gd - sd).days) < 7:
                return f"{gs}: days off{extent}"
        except ValueError:
            pass
    return f"{gs}: other value{extent}"


def prf(tp_sys, tp_gold, n_sys, n_gold):
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeml", required=True, help="folder searched recursively for .tml files")
    ap.add_argument("--verbose", action="store_true", help="list every miss, false alarm and wrong value")
    ap.add_argument("--split", choices=("all", "tune", "heldout"), default="all",
                    help="tune: documents whose index %% 4 != 1; heldout: the others (score lines only)")
    ap.add_argument("--kinds", action="store_true", help="group value errors, misses and false alarms by kind")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARGS...]")
    a = ap.parse_args()
    command = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not command:
        ap.error("give the tagger command after --")
    if a.split == "heldout" and (a.verbose or a.kinds):
        ap.error("the held-out documents are measured, never read: no --verbose or --kinds with --split heldout")
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(a.timeml) for f in fs if f.endswith(".tml"))
    if not paths:
        sys.exit(f"eval_timeml: no .tml files under {a.timeml}")
    docs, by_dct, texts = {}, collections.defaultdict(list), {}
    with tempfile.TemporaryDirectory(prefix="eval-timeml.") as tmp:
        for i, path in enumerate(paths):
            if a.split == "tune" and i % 4 == 1 or a.split == "heldout" and i % 4 != 1:
                continue
            dct, text, gold = parse(path)
            if dct is None:
                print(f"{path}: no creation time, skipped", file=sys.stderr)
                continue
            txt = os.path.realpath(os.path.join(tmp, f"{i:04d}_{os.path.basename(path)[:-4]}.txt"))
            with open(txt, "w", encoding="utf-8") as f:
                f.write(text)
            docs[txt] = (path, dct, gold)
            texts[txt] = text
            by_dct[dct].append(txt)
        found = {}
        for dct, files in sorted(by_dct.items()):
            for k in range(0, len(files), 200):
                found.update(run(command, dct, files[k:k + 200]))

    kinds = collections.defaultdict(list)
    for label, keep in (("DATE", lambda t: t["type"] == "DATE"), ("all types", lambda t: True)):
        n_gold = n_sys = strict = relaxed = value_ok = 0
        for txt, (path, dct, gold) in sorted(docs.items()):
            g = [t for t in gold if keep(t)]
            s = [t for t in found.get(txt, []) if keep(t)]
            n_gold += len(g)
            n_sys += len(s)
            strict += len(match(g, s, True))
            pairs = match(g, s, False)
            relaxed += len(pairs)
            value_ok += sum(1 for x, y in pairs if x["value"] == y["value"])
            if a.kinds and label == "all types":
                name = os.path.basename(path)
                matched_g = {id(x) for x, _ in pairs}
                matched_s = {id(y) for _, y in pairs}
                for x in g:
                    if id(x) not in matched_g:
                        around = texts[txt][max(0, x["start"] - 60):x["end"] + 30].replace("\n", " ")
                        kinds["missed " + x["type"]].append(f"{name} [{dct}]: {x['text']!r} {x['value']} in {around!r}")
                for y in s:
                    if id(y) not in matched_s:
                        around = texts[txt][max(0, y["start"] - 60):y["end"] + 30].replace("\n", " ")
                        kinds["false " + y["type"]].append(f"{name} [{dct}]: {y['text']!r} {y['value']} in {around!r}")
                for x, y in pairs:
                    if x["value"] != y["value"]:
                        around = texts[txt][max(0, y["start"] - 70):y["end"] + 40].replace("\n", " ")
                        kinds[error_kind(x, y, dct)].append(
                            f"{name} [{dct}]: {y['text']!r} {y['value']} (gold {x['text']!r} {x['value']}) in {around!r}")
            if a.verbose and label == "DATE":
                name = os.path.basename(path)
                matched_g = {id(x) for x, _ in pairs}
                matched_s = {id(y) for _, y in pairs}
                for x in g:
                    if id(x) not in matched_g:
                        print(f"{name} [{dct}]: missed {x['text']!r} {x['value']}")
                for y in s:
                    if id(y) not in matched_s:
                        print(f"{name} [{dct}]: false {y['text']!r} {y['value']}")
                for x, y in pairs:
                    if x["value"] != y["value"]:
                        around = texts[txt][max(0, y["start"] - 60):y["end"] + 30].replace("\n", " ")
                        print(f"{name} [{dct}]: value {y['text']!r} {y['value']} (gold {x['text']!r} {x['value']})"
                              f" in {around!r}")
        sp, sr, sf = prf(strict, strict, n_sys, n_gold)
        rp, rr, rf = prf(relaxed, relaxed, n_sys, n_gold)
        vp, vr, vf = prf(value_ok, value_ok, n_sys, n_gold)
        accuracy = value_ok / relaxed if relaxed else 0.0
        print(f"{label}: gold {n_gold}, system {n_sys}, documents {len(docs)}")
        print(f"  extent strict  P={sp:.3f} R={sr:.3f} F1={sf:.3f}")
        print(f"  extent relaxed P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
        print(f"  value accuracy {accuracy:.3f} ({value_ok}/{relaxed})  value P={vp:.3f} R={vr:.3f} F1={vf:.3f}")
    if a.kinds:
        for kind, rows in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"\n== {kind}: {len(rows)}")
            for row in rows:
                print("  " + row)


if __name__ == "__main__":
    main()
