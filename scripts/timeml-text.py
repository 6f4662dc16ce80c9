#!/usr/bin/env python3
"""Prints the text of a TimeML (.tml) file's <TEXT> part without its tags, entities decoded: what
compare-extraction.sh and subject-fragments.sh give `tariffwatch extract` to read.

Usage: timeml-text.py FILE.tml
"""
import html
import re
import sys

t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<TEXT>(.*)</TEXT>", t, re.S)
print(html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else t)))
