#!/usr/bin/env python3
"""Our own scorer for `tariffwatch extract --json` output against a gold file of our articles.

It follows the annotation rules the gold files are written to (the same rules as the shared
evaluation, so the figures agree), and lets `make eval-own` and `make eval-heldout` run from a clone
that has no ../shared folder.

Usage: score_facts.py GOLD.json PREDICTIONS.jsonl [--verbose] [--attributes]

--attributes also lists every paired tariff change whose status, effective_date or additional
disagrees with gold (for the tuning set only: never read it on held-out articles).

Rules:
- Deadlines: a prediction counts only when it is upcoming. It pairs with a gold deadline of the same
  document that has the same date, and the same end date when the gold item states one.
- Tariff changes pair on (imposer, target, rate); a missing rate pairs only with a missing rate.
- A gold item marked "required": false is optional: pairing with it neither scores nor costs.
- Each gold item pairs with at most one prediction, first come first served, in gold order.
- On paired tariff changes, status, effective_date and additional are compared where gold gives them.
"""
import json
import os
import sys


def read_predictions(path):
    """Document base name -> the extract --json object for it."""
    out = {}
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as problem:
                sys.exit(f"{path}:{number}: not a JSON object: {problem}")
            out[os.path.basename(record.get("document", {}).get("path", ""))] = record
    return out


def tariff_identity(item):
    rate = item.get("rate_pct")
    return item.get("imposer"), item.get("target"), (None if rate is None else float(rate))


def deadline_fits(gold, predicted):
    if predicted.get("date") != gold["date"]:
        return False
    return gold.get("end_date") is None or predicted.get("end_date") == gold["end_date"]


def pair_up(gold_items, predictions, fits):
    """Returns (paired (gold, prediction) list, unpaired required gold, unpaired predictions)."""
    taken = [False] * len(predictions)
    paired, missed = [], []
    for gold in gold_items:
        index = next((i for i, p in enumerate(predictions) if not taken[i] and fits(gold, p)), None)
        if index is None:
            if gold.get("required", True):
                missed.append(gold)
        else:
            taken[index] = True
            paired.append((gold, predictions[index]))
    spurious = [p for i, p in enumerate(predictions) if not taken[i]]
    return paired, missed, spurious


def ratios(hits, false_alarms, misses):
    precision = hits / (hits + false_alarms) if hits + false_alarms else 1.0
    recall = hits / (hits + misses) if hits + misses else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def attribute_agrees(field, gold_value, predicted_value):
    if field == "additional":
        return bool(predicted_value) == gold_value
    return predicted_value == gold_value


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv
    show_attributes = "--attributes" in argv
    if len(args) != 2:
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as stream:
        gold_documents = json.load(stream)["documents"]
    predicted = read_predictions(args[1])
    counts = {"deadlines": [0, 0, 0], "tariffs": [0, 0, 0]}  # hits, false alarms, misses
    attributes_right = attributes_checked = 0
    lines = []
    for name in sorted(gold_documents):
        gold = gold_documents[name]
        record = predicted.get(name)
        if record is None:
            lines.append(f"{name}: no prediction for this document")
            counts["deadlines"][2] += sum(1 for g in gold["deadlines"] if g.get("required", True))
            counts["tariffs"][2] += sum(1 for g in gold["tariff_changes"] if g.get("required", True))
            continue
        upcoming = [d for d in record.get("deadlines", []) if d.get("upcoming")]
        d_pairs, d_missed, d_spurious = pair_up(gold["deadlines"], upcoming, deadline_fits)
        t_pairs, t_missed, t_spurious = pair_up(
            gold["tariff_changes"], record.get("tariff_changes", []),
            lambda g, p: tariff_identity(g) == tariff_identity(p))
        counts["deadlines"][0] += sum(1 for g, _ in d_pairs if g.get("required", True))
        counts["deadlines"][1] += len(d_spurious)
        counts["deadlines"][2] += len(d_missed)
        counts["tariffs"][0] += sum(1 for g, _ in t_pairs if g.get("required", True))
        counts["tariffs"][1] += len(t_spurious)
        counts["tariffs"][2] += len(t_missed)
        for g, p in t_pairs:
            for field in ("status", "effective_date", "additional"):
                if field in g:
                    attributes_checked += 1
                    agrees = attribute_agrees(field, g[field], p.get(field))
                    attributes_right += agrees
                    if show_attributes and not agrees:
                        lines.append(f"{name}: {field} {p.get(field)!r}, gold {g[field]!r} on {tariff_identity(g)}"
                                     f" from {p.get('text')!r} ({g.get('note', '')}) | sentence {p.get('sentence', '')}")
        for g in d_missed:
            lines.append(f"{name}: missed deadline {g['date']} ({g.get('note', '')})")
        for p in d_spurious:
            lines.append(f"{name}: false deadline {p.get('date')} from {p.get('text')!r}")
        for g in t_missed:
            lines.append(f"{name}: missed tariff {tariff_identity(g)} ({g.get('note', '')})")
        for p in t_spurious:
            lines.append(f"{name}: false tariff {tariff_identity(p)} from {p.get('text')!r}")
    if verbose or lines:
        print("\n".join(lines))
    dp, dr, df = ratios(*counts["deadlines"])
    tp, tr, tf = ratios(*counts["tariffs"])
    print(f"deadlines P={dp:.3f} R={dr:.3f} F1={df:.3f} | tariffs P={tp:.3f} R={tr:.3f} F1={tf:.3f}"
          f" | attributes {attributes_right}/{attributes_checked}")


if __name__ == "__main__":
    main(sys.argv[1:])
