#!/usr/bin/env python3
"""How many deadline subjects name who acts or whose measure it is.

Usage: subject-actors.py GOLD_JSON EXTRACT_JSONL [--verbose]
(the interface of a scorer, so `SCORER=scripts/subject-actors.py scripts/eval-articles.sh DIR GOLD` runs it).

A subject names an actor when it holds a name: a capitalised word or an acronym that is not a month, a
weekday, a date word or an ordinary word that opens a sentence (`The`, `Officials`). Counted over the
upcoming deadlines the extractor alerts, and over those among them that match a required gold deadline
(same date, as the scorer matches), since a good subject on a false alarm helps nobody.
"""
import json
import re
import sys

NOT_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "their", "he", "she", "we", "i",
    "officials", "official", "ministers", "minister", "president", "government", "tariffs", "tariff", "duties",
    "duty", "talks", "new", "next", "last", "as", "under", "in", "on", "at", "by", "from", "for", "with", "and",
    "but", "if", "when", "while", "after", "before", "both", "some", "all", "most", "first", "second", "third",
}


def names_actor(subject: str) -> bool:
    for word in re.findall(r"[A-Za-z][A-Za-z.'’\-]*", subject):
        bare = word.strip(".'’-")
        if len(bare) < 2 or bare.lower() in NOT_NAMES:
            continue
        if bare[0].isupper():
            return True
    return False


def main() -> None:
    gold = json.load(open(sys.argv[1]))["documents"]
    verbose = "--verbose" in sys.argv[3:]
    alerted = named = matched = matched_named = 0
    for line in open(sys.argv[2]):
        doc = json.loads(line)
        name = doc["document"]["path"].rsplit("/", 1)[-1]
        required = {g["date"] for g in gold.get(name, {}).get("deadlines", []) if g.get("required", True)}
        for d in doc["deadlines"]:
            if not d["upcoming"]:
                continue
            has = names_actor(d["subject"])
            alerted += 1
            named += has
            if d["date"] in required:
                matched += 1
                matched_named += has
            if verbose:
                print(f"{name}: {'name ' if has else 'NONE '} {d['date']} {d['subject']!r}")
    print(f"subjects naming an actor: upcoming {named}/{alerted} | matching a required gold deadline "
          f"{matched_named}/{matched}")


if __name__ == "__main__":
    main()
