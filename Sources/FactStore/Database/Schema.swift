import GRDB

/// The state's tables, created and upgraded by numbered migrations.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per path: what was last processed there.
            try db.execute(
                sql: """
                    CREATE TABLE files (
                        path TEXT PRIMARY KEY NOT NULL,
                        device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,
                        mtime_ns INTEGER NOT NULL, content_hash TEXT NOT NULL,
                        reference_date TEXT NOT NULL, processed_at DATETIME NOT NULL);
                    -- Files that could not be used; kept until the file changes or is processed.
                    CREATE TABLE rejections (
                        path TEXT PRIMARY KEY NOT NULL, identity TEXT, reason TEXT NOT NULL,
                        rejected_at DATETIME NOT NULL);
                    -- Merged facts; `value` is the JSON of a FactValue.
                    CREATE TABLE facts (
                        id TEXT PRIMARY KEY NOT NULL, bucket TEXT NOT NULL, value TEXT NOT NULL,
                        alertable BOOLEAN NOT NULL, latest_reference_date TEXT NOT NULL,
                        created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL);
                    CREATE INDEX facts_by_bucket ON facts(bucket);
                    -- Every report of a fact, with what it said: sources are append-only.
                    CREATE TABLE fact_sources (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        fact_id TEXT NOT NULL REFERENCES facts(id),
                        path TEXT NOT NULL, reference_date TEXT NOT NULL, sentence TEXT NOT NULL,
                        value TEXT NOT NULL, relation TEXT NOT NULL, recorded_at DATETIME NOT NULL,
                        UNIQUE (fact_id, path, value));
                    CREATE INDEX fact_sources_by_fact ON fact_sources(fact_id);
                    -- Alerts, written in the same transaction as the facts; delivered_at marks delivery.
                    CREATE TABLE outbox (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        fact_id TEXT NOT NULL REFERENCES facts(id),
                        kind TEXT NOT NULL, created_at DATETIME NOT NULL, payload TEXT NOT NULL,
                        delivered_at DATETIME);
                    CREATE INDEX outbox_pending ON outbox(id) WHERE delivered_at IS NULL;
                    """)
        }
        migrator.registerMigration("v2-source-counts") { db in
            // Kept up to date on insert: counting distinct sources per feed item on every rewrite
            // grew with the number of sources, which for a much-repeated fact is every article.
            try db.execute(
                sql: """
                    ALTER TABLE facts ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
                    UPDATE facts SET source_count = (SELECT COUNT(DISTINCT path) FROM fact_sources s WHERE s.fact_id = facts.id);
                    CREATE INDEX fact_sources_by_fact_path ON fact_sources(fact_id, path);
                    """)
        }
        migrator.registerMigration("v3-sinks-and-epoch") { db in
            // One delivered marker per sink, so a feed that cannot be written never holds back the
            // journal and the other way round; `delivered_at` is set once both are done.
            // The epoch makes alert ids unique across state resets: a wiped state starts its outbox ids
            // at 1 again, and the journal still holds entries with the old ids. A state upgraded with
            // alerts in it keeps the empty epoch, so its ids (already in the journal and feed) stay the same.
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN journal_at DATETIME;
                    ALTER TABLE outbox ADD COLUMN feed_at DATETIME;
                    UPDATE outbox SET journal_at = delivered_at, feed_at = delivered_at WHERE delivered_at IS NOT NULL;
                    CREATE INDEX outbox_journal_pending ON outbox(id) WHERE journal_at IS NULL;
                    CREATE INDEX outbox_feed_pending ON outbox(id) WHERE feed_at IS NULL;
                    CREATE TABLE state_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    INSERT INTO state_meta (key, value) VALUES ('epoch',
                        CASE WHEN EXISTS (SELECT 1 FROM outbox) THEN '' ELSE lower(hex(randomblob(8))) END);
                    """)
        }
        migrator.registerMigration("v4-articles") { db in
            // The articles of each file: one row for a one-article file (item_key ''), one per item of a
            // feed or news-API array, so a rewritten feed processes only its new or changed items.
            try db.execute(
                sql: """
                    CREATE TABLE articles (
                        path TEXT NOT NULL, item_key TEXT NOT NULL, content_hash TEXT NOT NULL,
                        reference_date TEXT NOT NULL, reference_date_source TEXT NOT NULL,
                        title TEXT, url TEXT, published TEXT, processed_at DATETIME NOT NULL,
                        PRIMARY KEY (path, item_key));
                    """)
        }
        migrator.registerMigration("v5-deadline-reminders") { db in
            // One row per reminder raised (or skipped as superseded): what makes `alerts.remind_days`
            // fire exactly once per deadline date and day count, across restarts.
            try db.execute(
                sql: """
                    CREATE TABLE reminders (
                        fact_id TEXT NOT NULL REFERENCES facts(id),
                        deadline_day TEXT NOT NULL, days_before INTEGER NOT NULL,
                        raised_at DATETIME NOT NULL, alert_id INTEGER REFERENCES outbox(id),
                        PRIMARY KEY (fact_id, deadline_day, days_before));
                    """)
        }
        migrator.registerMigration("v6-inbox-housekeeping") { db in
            // `watch.after_processing`: a move or delete queued in the transaction that records the file,
            // finished after it (so a crash in between is finished at the next start, never re-processed),
            // and the files moved to the archive, for `watch.retention_days`. Device and inode say which
            // file was meant (with size and mtime: which version of it): a file put under the same name since is never moved, deleted or pruned.
            try db.execute(
                sql: """
                    CREATE TABLE inbox_actions (
                        path TEXT PRIMARY KEY NOT NULL, action TEXT NOT NULL,
                        device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,
                        mtime_ns INTEGER NOT NULL, target TEXT,
                        queued_at DATETIME NOT NULL);
                    CREATE TABLE archived_files (
                        path TEXT PRIMARY KEY NOT NULL, source TEXT NOT NULL,
                        device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,
                        mtime_ns INTEGER NOT NULL, archived_at DATETIME NOT NULL);
                    CREATE INDEX archived_files_by_age ON archived_files(archived_at);
                    """)
        }
        migrator.registerMigration("v7-drop-redundant-source-index") { db in
            // `fact_sources_by_fact_path` (v2) repeats what the UNIQUE (fact_id, path, value) constraint's
            // own index already answers for `fact_id = ? AND path = ?`, and cost every report of a fact
            // one more index insertion (a random page of the WAL per commit). `fact_sources_by_fact`
            // stays: it gives a fact's sources in id order without sorting them.
            try db.execute(sql: "DROP INDEX IF EXISTS fact_sources_by_fact_path")
        }
        migrator.registerMigration("v8-store-counts") { db in
            // What `FactStore.counts()` reports (the daemon's `STATUS=`, `tariffwatch status`), kept by triggers in
            // the transactions that change it. Counting the tables instead read the whole outbox (its alerts'
            // payloads; `delivered_at IS NOT NULL` has no index): 800 pages after 3,000 files, at most once a
            // second while files come, a cost that grew with the state for as long as the daemon ran. The writer
            // turns `recursive_triggers` on, so a row an `INSERT OR REPLACE` removes is counted out too.
            try db.execute(
                sql: """
                    CREATE TABLE store_counts (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        files INTEGER NOT NULL, rejections INTEGER NOT NULL, facts INTEGER NOT NULL,
                        delivered INTEGER NOT NULL, pending INTEGER NOT NULL);
                    INSERT INTO store_counts VALUES (1,
                        (SELECT COUNT(*) FROM files), (SELECT COUNT(*) FROM rejections), (SELECT COUNT(*) FROM facts),
                        (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NOT NULL),
                        (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL));
                    CREATE TRIGGER files_counted AFTER INSERT ON files BEGIN UPDATE store_counts SET files = files + 1; END;
                    CREATE TRIGGER files_uncounted AFTER DELETE ON files BEGIN UPDATE store_counts SET files = files - 1; END;
                    CREATE TRIGGER rejections_counted AFTER INSERT ON rejections
                        BEGIN UPDATE store_counts SET rejections = rejections + 1; END;
                    CREATE TRIGGER rejections_uncounted AFTER DELETE ON rejections
                        BEGIN UPDATE store_counts SET rejections = rejections - 1; END;
                    CREATE TRIGGER facts_counted AFTER INSERT ON facts BEGIN UPDATE store_counts SET facts = facts + 1; END;
                    CREATE TRIGGER facts_uncounted AFTER DELETE ON facts BEGIN UPDATE store_counts SET facts = facts - 1; END;
                    CREATE TRIGGER outbox_counted AFTER INSERT ON outbox BEGIN
                        UPDATE store_counts SET delivered = delivered + (NEW.delivered_at IS NOT NULL),
                            pending = pending + (NEW.delivered_at IS NULL);
                    END;
                    CREATE TRIGGER outbox_uncounted AFTER DELETE ON outbox BEGIN
                        UPDATE store_counts SET delivered = delivered - (OLD.delivered_at IS NOT NULL),
                            pending = pending - (OLD.delivered_at IS NULL);
                    END;
                    CREATE TRIGGER outbox_delivered AFTER UPDATE OF delivered_at ON outbox
                        WHEN (OLD.delivered_at IS NULL) != (NEW.delivered_at IS NULL) BEGIN
                        UPDATE store_counts SET delivered = delivered + (NEW.delivered_at IS NOT NULL) - (OLD.delivered_at IS NOT NULL),
                            pending = pending + (NEW.delivered_at IS NULL) - (OLD.delivered_at IS NULL);
                    END;
                    """)
        }
        migrator.registerMigration("v9-deadline-index") { db in
            // Each deadline fact's first day and subject words, so the merge reads the few facts an observed
            // deadline can match instead of every one of its kind within two years (`DeadlineIndex`).
            try db.execute(sql: DeadlineIndex.schema)
            try DeadlineIndex.indexStoredFacts(db)
        }
        migrator.registerMigration("v10-tariff-index") { db in
            // Each tariff fact's products, stage and rate, so the merge reads the facts of a party pair an observed
            // tariff can match instead of all of them (`TariffIndex`).
            try db.execute(sql: TariffIndex.schema)
            try TariffIndex.indexStoredFacts(db)
        }
        migrator.registerMigration("v11-tariff-sides") { db in
            // Each alertable tariff fact by its imposer and by its target, so a report missing one party reads the
            // facts of the other side it can corroborate instead of every fact of that side (`TariffIndex`).
            try db.execute(sql: TariffIndex.sidesSchema)
        }
        migrator.registerMigration("v12-calendar") { db in
            // The deadline calendar and the health check of `tariffwatch serve` listed every deadline the state had
            // kept, past ones too, on every request, and rendered the calendar again for a poll that found it
            // unchanged: each deadline's last day, to read the upcoming ones by index, and a count of the changes
            // that can alter the calendar, to know when nothing did (`StateReader`, `CalendarVersion`).
            try db.execute(sql: DeadlineIndex.lastDaySchema + CalendarVersion.schema)
            try DeadlineIndex.fillLastDays(db)
        }
        return migrator
    }
}
