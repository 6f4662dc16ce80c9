#!/usr/bin/env python3
"""Writes the part of a gold file whose documents are (or are not) listed in a names file.

Usage: gold-subset.py GOLD.json NAMES.txt {in|out} > SUBSET.json
NAMES.txt has one document name per line; lines starting with # are comments.
"""
import json, sys

gold_path, names_path, which = sys.argv[1:4]
names = {line.strip() for line in open(names_path, encoding="utf-8")
         if line.strip() and not line.startswith("#")}
gold = json.load(open(gold_path, encoding="utf-8"))
keep = (lambda n: n in names) if which == "in" else (lambda n: n not in names)
gold["documents"] = {n: d for n, d in gold["documents"].items() if keep(n)}
json.dump(gold, sys.stdout, ensure_ascii=False, indent=1)
