import GRDB

/// Which state of the deadlines a calendar was made from: the state's epoch and a count of the changes that can alter
/// what `StateReader.upcomingDeadlines` returns (migration `v12-calendar`). Two reads with the same version list the
/// same deadlines for the same day, so `tariffwatch serve` answers a poll from the calendar it made last instead of
/// reading and rendering the state again.
///
/// What the calendar shows of a deadline comes from its fact (value, alertable, source count, times), the fact's
/// newest `origin` or `changes` source and that source's article. The merge writes all but the articles, and counts
/// one change in each transaction that wrote any deadline fact (`MergeTransaction.calendarChanged`): a trigger on
/// every update of `facts` cost each corroboration some 10,000 instructions (a trigger program run per row), a burst
/// of 20,000 files a tenth of its rate. Triggers count what is written anywhere else, all rare: an article's
/// provenance changed (a rewritten file), and any removal of a fact, a source or an article.
public struct CalendarVersion: Sendable, Hashable {
    /// `state_meta`'s epoch: a state made anew starts its count again.
    public var epoch: String
    public var changes: Int64

    static let schema = """
        ALTER TABLE store_counts ADD COLUMN deadline_changes INTEGER NOT NULL DEFAULT 0;
        CREATE TRIGGER deadline_fact_removed AFTER DELETE ON facts WHEN OLD.value LIKE '{"deadline":%'
            BEGIN UPDATE store_counts SET deadline_changes = deadline_changes + 1; END;
        CREATE TRIGGER fact_source_removed AFTER DELETE ON fact_sources
            BEGIN UPDATE store_counts SET deadline_changes = deadline_changes + 1; END;
        CREATE TRIGGER article_provenance_changed AFTER UPDATE ON articles
            WHEN NEW.path IS NOT OLD.path OR NEW.item_key IS NOT OLD.item_key OR NEW.title IS NOT OLD.title
                OR NEW.url IS NOT OLD.url OR NEW.published IS NOT OLD.published
                OR NEW.reference_date_source IS NOT OLD.reference_date_source
            BEGIN UPDATE store_counts SET deadline_changes = deadline_changes + 1; END;
        CREATE TRIGGER article_removed AFTER DELETE ON articles
            BEGIN UPDATE store_counts SET deadline_changes = deadline_changes + 1; END;
        """

    /// One change counted, by the transaction that made it.
    static let counted = "UPDATE store_counts SET deadline_changes = deadline_changes + 1"

    /// The version of the state `db` reads, or nil for a state the daemon has not upgraded to `v12-calendar` yet
    /// (it keeps no count, so nothing made from it can be known to be current).
    static func read(_ db: Database, epoch: String) throws -> CalendarVersion? {
        guard try db.tableExists("store_counts"),
            try db.columns(in: "store_counts").contains(where: { $0.name == "deadline_changes" })
        else { return nil }
        guard let changes = try Int64.fetchOne(db, sql: "SELECT deadline_changes FROM store_counts WHERE id = 1") else { return nil }
        return CalendarVersion(epoch: epoch, changes: changes)
    }
}
