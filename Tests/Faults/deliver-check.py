#!/usr/bin/env python3
"""Compares what the state raised (the outbox) with what reached the journal and the feed.

Usage: deliver-check.py STATE.sqlite JOURNAL.json FEED.json
Prints one line: raised=N lost=N duplicated=N foreign=N feed_lost=N feed_duplicated=N pending=N
- lost: alerts in the outbox with no journal entry carrying their TARIFFWATCH_ALERT_ID
- duplicated: journal entries beyond the first per id
- foreign: journal ids of this state's epoch that the outbox does not know (a wrong id)
- feed_lost / feed_duplicated: the same for the feed's newest items (what the feed should hold)
"""
import json, sqlite3, sys
from collections import Counter

state, journal, feed = sys.argv[1:4]
db = sqlite3.connect(f"file:{state}?mode=ro", uri=True)
epoch = (db.execute("SELECT value FROM state_meta WHERE key='epoch'").fetchone() or [""])[0]
def stable(fact, alert_id):
    return f"tariffwatch:{epoch}:{fact}:{alert_id}" if epoch else f"tariffwatch:{fact}:{alert_id}"
rows = db.execute("SELECT id, fact_id, delivered_at IS NULL FROM outbox ORDER BY id").fetchall()
raised = [stable(fact, i) for i, fact, _ in rows]
pending = sum(p for _, _, p in rows)

seen = Counter()
for line in open(journal):
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    alert_id = entry.get("TARIFFWATCH_ALERT_ID")
    if isinstance(alert_id, str):
        seen[alert_id] += 1
known = set(raised)
lost = sum(1 for a in raised if seen[a] == 0)
duplicated = sum(n - 1 for a, n in seen.items() if a in known and n > 1)
prefix = f"tariffwatch:{epoch}:" if epoch else None
foreign = sum(1 for a in seen if a not in known and prefix and a.startswith(prefix))

try:
    items = [item["id"] for item in json.load(open(feed))["items"]]
except (OSError, ValueError, KeyError):
    items = []
expected_feed = raised[::-1][:500]  # feed.max_items by default
feed_counts = Counter(items)
feed_lost = sum(1 for a in expected_feed if feed_counts[a] == 0)
feed_duplicated = sum(n - 1 for n in feed_counts.values() if n > 1)
print(f"raised={len(raised)} lost={lost} duplicated={duplicated} foreign={foreign} "
      f"feed_lost={feed_lost} feed_duplicated={feed_duplicated} pending={pending}")
