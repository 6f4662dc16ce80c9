#!/usr/bin/env python3
"""Writes pathological article text of a given size: the inputs issue 8 found superlinear.

Usage: scripts/hostile-text.py PATTERN BYTES [OUT]   (OUT defaults to standard output)
       scripts/hostile-text.py --list

Every pattern is one short unit repeated until the text reaches BYTES (cut at a unit boundary), so
doubling BYTES doubles the work a linear extractor does.
"""
import sys

COUNTRIES = [
    "China", "Canada", "Mexico", "Japan", "India", "Brazil", "Vietnam", "South Korea", "the United Kingdom",
    "Australia", "Malaysia", "Indonesia", "Switzerland", "Germany", "France", "Italy", "Spain", "Thailand",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def units(pattern):
    """An endless supply of the pattern's units."""
    i = 0
    while True:
        if pattern == "weekdays":  # `on Monday, ` with no period: one sentence full of dates
            yield "on Monday, "
        elif pattern == "countries":  # a comma list of countries before a tariff noun (see SUFFIX)
            yield COUNTRIES[i % len(COUNTRIES)] + ", "
        elif pattern == "no-period":  # ordinary words, never a sentence end
            yield ("tariffs on steel imports from China rose to 25% starting November 1 while officials said talks "
                   "would continue and markets waited ")
        elif pattern == "news":  # a normal sentence repeated: many sentences, many equal facts
            yield ("The United States will impose 100% tariffs on Chinese goods starting November 1, officials "
                   "said on Friday. ")
        elif pattern == "rates":  # a list of distinct rates in one sentence
            yield ("China raised tariffs on US goods to " if i == 0 else "") + f"{i % 997}%, "
        elif pattern == "dates":  # a list of distinct dates in one sentence
            yield ("The tariffs take effect on " if i == 0 else "") + f"{MONTHS[i % 12]} {i % 28 + 1}, {2000 + i % 200}, "
        elif pattern == "digits":  # one token per two bytes, no words at all
            yield "7,"
        else:
            raise SystemExit(f"unknown pattern {pattern!r}; patterns: {' '.join(PATTERNS)}")
        i += 1


# Text that ends a pattern, counted in its size.
SUFFIX = {"countries": "tariffs"}

PATTERNS = ["weekdays", "countries", "no-period", "news", "rates", "dates", "digits"]


def main():
    if sys.argv[1:] == ["--list"]:
        print(" ".join(PATTERNS))
        return
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    pattern, size = sys.argv[1], int(sys.argv[2])
    suffix = SUFFIX.get(pattern, "")
    parts, total = [], len(suffix.encode())
    for unit in units(pattern):
        n = len(unit.encode())
        if total + n > size:
            break
        parts.append(unit)
        total += n
    text = "".join(parts) + suffix
    if len(sys.argv) == 4:
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
