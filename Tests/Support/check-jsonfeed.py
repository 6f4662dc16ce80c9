#!/usr/bin/env python3
"""Checks a JSON Feed file as a feed reader sees it.

    check-jsonfeed.py FEED.json [--require-parser]

1. feedparser-rs (PyPI `feedparser-rs`, installed by `make test-deps` into .build/test-python) parses it: no
   bozo flag, version `json11`, one entry per item with the item's title, link, summary and content.
2. The JSON Feed 1.1 rules the items rely on (https://jsonfeed.org/version/1.1): required keys and types,
   content_html or content_text in every item, unique ids, RFC 3339 dates, URLs that are absolute http(s),
   extension keys that start with `_` and a letter and hold objects, no other unknown keys.
3. What tariffwatch promises a reader: every item has a title, a summary and both contents, and no text a
   person reads names the server path of `_tariffwatch.source_file`.

Prints one line per problem and exits 1; exits 0 when the feed is valid, 77 when --require-parser is given and
feedparser-rs is missing. (PyPI's jsonfeedvalidator 0.0.3 knows only version 1 and rejects 1.1 feeds.)
"""
import html
import json
import os
import re
import sys

FEED_KEYS = {"version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon",
             "favicon", "author", "authors", "language", "expired", "hubs", "items"}
ITEM_KEYS = {"id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
             "banner_image", "date_published", "date_modified", "author", "authors", "tags", "language", "attachments"}
EXTENSION = re.compile(r"^_[a-zA-Z]")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def load_parser():
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "..", "..", ".build", "test-python"))
    try:
        import feedparser_rs
        return feedparser_rs
    except ImportError:
        return None


def spec_problems(feed):
    problems = []
    if not isinstance(feed, dict):
        return ["the document is not a JSON object"]
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append(f"version is {feed.get('version')!r}, not https://jsonfeed.org/version/1.1")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        problems.append("the feed has no title")
    for key in feed:
        if key not in FEED_KEYS and not EXTENSION.match(key):
            problems.append(f"unknown top-level key {key!r} (extensions start with _ and a letter)")
    for key in ("home_page_url", "feed_url"):
        if key in feed and not str(feed[key]).startswith(("http://", "https://")):
            problems.append(f"{key} is not an absolute URL: {feed[key]!r}")
    items = feed.get("items")
    if not isinstance(items, list):
        return problems + ["items is not an array"]
    ids = set()
    for index, item in enumerate(items):
        where = f"item {index} ({item.get('id') if isinstance(item, dict) else '?'})"
        if not isinstance(item, dict):
            problems.append(f"{where}: not an object")
            continue
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"{where}: id is missing or not a string")
        elif item["id"] in ids:
            problems.append(f"{where}: id repeats an earlier item's")
        ids.add(item.get("id"))
        if "content_html" not in item and "content_text" not in item:
            problems.append(f"{where}: neither content_html nor content_text")
        for key, value in item.items():
            if EXTENSION.match(key):
                if not isinstance(value, dict):
                    problems.append(f"{where}: extension {key} is not an object")
            elif key not in ITEM_KEYS:
                problems.append(f"{where}: unknown key {key!r}")
            elif key in ("title", "content_html", "content_text", "summary", "url", "external_url") and not isinstance(value, str):
                problems.append(f"{where}: {key} is not a string")
        for key in ("url", "external_url"):
            if key in item and not str(item[key]).startswith(("http://", "https://")):
                problems.append(f"{where}: {key} is not an absolute http(s) URL: {item[key]!r}")
        for key in ("date_published", "date_modified"):
            if key in item and not (isinstance(item[key], str) and RFC3339.match(item[key])):
                problems.append(f"{where}: {key} is not RFC 3339: {item[key]!r}")
        if "tags" in item and not (isinstance(item["tags"], list) and all(isinstance(t, str) for t in item["tags"])):
            problems.append(f"{where}: tags is not an array of strings")
        # What tariffwatch promises: a reader shows more than a bare title, and never the server's paths.
        for key in ("title", "summary", "content_text", "content_html"):
            if not item.get(key):
                problems.append(f"{where}: no {key}")
        path = (item.get("_tariffwatch") or {}).get("source_file") or ""
        if "/" in path:
            for key in ("title", "summary", "content_text", "content_html"):
                if path in str(item.get(key, "")):
                    problems.append(f"{where}: {key} shows the server path {path}")
    return problems


def as_read(text):
    """Text as a reader shows it: feed parsers treat summary and title as HTML and sanitize them."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", text or "")).split())


def parser_problems(parser, text, feed):
    problems = []
    parsed = parser.parse(text)
    if parsed.bozo:
        problems.append(f"feedparser-rs: bozo ({getattr(parsed, 'bozo_exception', '')})")
    if parsed.version != "json11":
        problems.append(f"feedparser-rs: version {parsed.version!r}, not json11")
    items = feed.get("items") or []
    if len(parsed.entries) != len(items):
        problems.append(f"feedparser-rs: {len(parsed.entries)} entries for {len(items)} items")
    for entry, item in zip(parsed.entries, items):
        if entry.id != item.get("id"):
            problems.append(f"feedparser-rs: entry id {entry.id!r} for item {item.get('id')!r}")
        if as_read(entry.title) != as_read(item.get("title")):
            problems.append(f"feedparser-rs: entry title {entry.title!r} for {item.get('title')!r}")
        if item.get("url") and entry.link != item["url"]:
            problems.append(f"feedparser-rs: entry link {entry.link!r} for url {item['url']!r}")
        if item.get("summary") and as_read(entry.summary) != as_read(item["summary"]):
            problems.append(f"feedparser-rs: entry summary {entry.summary!r} for {item['summary']!r}")
        if not entry.content:
            problems.append(f"feedparser-rs: entry {entry.id} has no content")
        if entry.published_parsed is None:
            problems.append(f"feedparser-rs: entry {entry.id} has no parsed date_published")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    text = open(sys.argv[1], encoding="utf-8").read()
    feed = json.loads(text)
    problems = spec_problems(feed)
    parser = load_parser()
    if parser is None:
        if "--require-parser" in sys.argv:
            print("skipped: feedparser-rs is not installed (make test-deps)")
            return 77
        print("feedparser-rs is not installed (make test-deps): checked against the JSON Feed 1.1 rules only")
    else:
        problems += parser_problems(parser, text, feed)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    how = f"feedparser-rs {parser.__version__} and the JSON Feed 1.1 rules" if parser else "the JSON Feed 1.1 rules"
    print(f"valid JSON Feed 1.1: {len(feed['items'])} items, checked with {how}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
