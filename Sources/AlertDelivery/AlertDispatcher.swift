public import FactStore
public import Foundation
public import Logging
public import Systemd
public import TariffExtraction

/// Delivers the outbox: rewrites the JSON Feed, sends each pending alert to the journal once,
/// then marks the alerts delivered.
///
/// The feed is a projection of the store, so rewriting it can never duplicate an item. The journal
/// is append-only, so an alert sent just before a crash (and not yet marked) is looked up by its
/// `TARIFFWATCH_ALERT_ID` field on the first delivery after start-up instead of being sent again.
public actor AlertDispatcher {
    /// What a delivery run did, for logs and `STATUS=`.
    public struct Report: Sendable, Equatable {
        public var delivered = 0
        public var alreadyInJournal = 0
    }

    public struct Options: Sendable {
        public var feedTitle: String
        public var feedHomePageURL: String?
        public var feedMaxItems: Int
        public var warningWindowDays: Int
        /// Send alerts to the journal; off when no journald is reachable (run by hand, tests).
        public var journalEnabled: Bool

        public init(
            feedTitle: String = "tariffwatch alerts", feedHomePageURL: String? = nil, feedMaxItems: Int = 500,
            warningWindowDays: Int = 7, journalEnabled: Bool = Journal.isAvailable
        ) {
            self.feedTitle = feedTitle
            self.feedHomePageURL = feedHomePageURL
            self.feedMaxItems = feedMaxItems
            self.warningWindowDays = warningWindowDays
            self.journalEnabled = journalEnabled
        }
    }

    private let store: FactStore
    private let feed: FeedWriter
    private var options: Options
    private let logger: Logger
    /// Alerts sent to the journal by this process but not yet marked delivered (a feed write failed).
    private var journaled: Set<Int64> = []
    /// Whether alerts left pending by an earlier process have been checked against the journal.
    private var recovered = false

    public init(store: FactStore, feed: FeedWriter, options: Options, logger: Logger) {
        self.store = store
        self.feed = feed
        self.options = options
        self.logger = logger
    }

    /// Applies reloaded settings to the next delivery.
    public func update(_ options: Options) {
        self.options = options
    }

    /// Delivers every pending alert, in batches of `batchSize`.
    /// - Throws: when the feed cannot be written or the store cannot be updated; the alerts stay
    ///   pending and the next call retries them.
    @discardableResult
    public func deliverPending(today: CalendarDate, now: Date = Date(), batchSize: Int = 1_000) throws -> Report {
        var report = Report()
        var pending = try store.pendingAlerts(limit: batchSize)
        // Even without new alerts the feed is rewritten: corroboration counts may have grown.
        if pending.isEmpty { try writeFeed() }
        while !pending.isEmpty {
            guard try deliver(pending, today: today, now: now, report: &report) else { break }
            pending = try store.pendingAlerts(limit: batchSize)
        }
        recovered = true
        return report
    }

    /// Delivers one batch; false when the journal refused an alert (the rest waits for the next call).
    private func deliver(_ pending: [Alert], today: CalendarDate, now: Date, report: inout Report) throws -> Bool {
        try writeFeed()

        guard options.journalEnabled else {
            // Run by hand without a journal: the terminal is where a person is looking.
            for alert in pending { logger.notice("\(alert.headline)") }
            try markDelivered(pending, now: now, report: &report)
            return true
        }
        let entry = JournalAlertEntry(warningWindowDays: options.warningWindowDays)
        let earlier = recovered ? [] : alreadyInJournal(pending)
        for alert in pending where !journaled.contains(alert.id) {
            if earlier.contains(alert.stableID) {
                report.alreadyInJournal += 1
            } else {
                do {
                    try Journal.send(entry.fields(for: alert, today: today))
                } catch {
                    // Leave it pending: the next delivery tries again, nothing is lost.
                    logger.error(
                        "cannot send alert to the journal", metadata: ["alert": "\(alert.id)", "error": "\(error)"])
                    try markDelivered(pending.filter { journaled.contains($0.id) }, now: now, report: &report)
                    return false
                }
            }
            journaled.insert(alert.id)
        }
        try markDelivered(pending, now: now, report: &report)
        return true
    }

    /// Rewrites the feed from the store: the newest alerts with their current corroboration.
    private func writeFeed() throws {
        try feed.write(
            JSONFeed(
                title: options.feedTitle, homePageURL: options.feedHomePageURL, feedURL: nil,
                description: "New and changed tariff measures and trade deadlines found by tariffwatch.",
                entries: try store.feedItems(limit: options.feedMaxItems)))
    }

    private func markDelivered(_ alerts: [Alert], now: Date, report: inout Report) throws {
        guard !alerts.isEmpty else { return }
        try store.markDelivered(alerts.map(\.id), at: now)
        for alert in alerts { journaled.remove(alert.id) }
        report.delivered += alerts.count
    }

    /// The alerts an earlier process already wrote to the journal before it died (by `TARIFFWATCH_ALERT_ID`).
    private func alreadyInJournal(_ alerts: [Alert]) -> Set<String> {
        let fields = alerts.map { JournalField(JournalAlertEntry.alertIDField, $0.stableID) }
        do {
            return Set(try Journal.existingEntries(among: fields).map(\.value))
        } catch {
            // Cannot read the journal: sending again is better than losing the alert.
            logger.warning("cannot search the journal for earlier deliveries; resending pending alerts", metadata: ["error": "\(error)"])
            return []
        }
    }
}
