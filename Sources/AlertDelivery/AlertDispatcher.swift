public import FactStore
public import Foundation
public import Logging
import AlertWording
import Synchronization
public import Systemd
public import TariffExtraction

/// Delivers the outbox to its two sinks, each on its own: the journal gets every pending alert as its
/// own entry, the JSON Feed is rewritten once per delivery. A sink that fails (journald stopped, feed
/// disk full) leaves its alerts pending without holding back the other; the caller retries.
///
/// The feed is a projection of the store, so rewriting it can never duplicate an item. The journal is
/// append-only: an alert an earlier process sent just before dying (not yet marked) is looked up by its
/// `TARIFFWATCH_ALERT_ID`, but only after a barrier entry sent now has become readable, so datagrams
/// still queued in a paused or slow journald are counted as sent, not sent twice.
///
/// Synchronous and blocking (SQLite, `fsync`, journal sends with a bounded wait): run it on threads of
/// its own, never on the cooperative pool. Each sink's state sits behind its own `Mutex`, so the journal
/// and the feed can be delivered from two threads at once, each serialised with itself.
public final class AlertDispatcher: Sendable {
    /// What a delivery run did, for logs, `STATUS=` and the retry decision.
    public struct Report: Sendable, Equatable {
        /// Alerts written to the journal (or, without a journal, to the log).
        public var journaled = 0
        /// Alerts the journal already held from an earlier process.
        public var alreadyInJournal = 0
        /// Alerts that reached the feed file.
        public var fed = 0
        /// Whether the feed file was rewritten.
        public var feedWritten = false
        /// Why a sink still has alerts pending, per sink; empty when everything is delivered.
        public var failures: [AlertSink: String] = [:]

        public var isComplete: Bool { failures.isEmpty }
        public var delivered: Int { journaled + alreadyInJournal }
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

    private struct JournalState {
        /// Sent to the journal by this process but not yet marked (the store could not be written).
        var journaled: Set<Int64> = []
        /// Alerts up to this id may have been sent by an earlier process: look them up before sending.
        var unverifiedUpTo: Int64?
        /// True once a barrier entry became readable (the look-up sees everything sent before this
        /// start); false when the journal cannot be read, so no look-up is possible; nil before the first try.
        var journalCaughtUp: Bool?
    }

    private struct FeedState {
        var feed = RenderedFeed()
        /// The options revision the cached items were rendered with.
        var optionsRevision = 0
    }

    private let store: FactStore
    private let feed: FeedWriter
    private let journal: JournalTransport
    private let logger: Logger
    /// Each sink has its own state and lock, so the journal loop never waits for a feed `fsync`.
    private let journalState: Mutex<JournalState>
    private let feedState = Mutex(FeedState())
    /// The options in force and how often they changed; a reload never waits for a delivery.
    private let options: Mutex<(current: Options, revision: Int)>

    /// - Throws: when the outbox cannot be read to find the alerts an earlier process left pending.
    public init(
        store: FactStore, feed: FeedWriter, options: Options, journal: JournalTransport = .system, logger: Logger
    ) throws(FactStoreError) {
        self.store = store
        self.feed = feed
        self.journal = journal
        self.logger = logger
        self.options = Mutex((options, 0))
        journalState = Mutex(JournalState(unverifiedUpTo: try store.newestPendingID(for: .journal)))
    }

    /// Applies reloaded settings to the next delivery.
    public func update(_ options: Options) {
        self.options.withLock { $0 = (options, $0.revision + 1) }
    }

    /// Delivers every pending alert to every sink it has not reached yet, the journal first. Never throws:
    /// what could not be delivered stays pending and is named in `Report.failures`.
    @discardableResult
    public func deliverPending(today: CalendarDate, now: Date = Date(), batchSize: Int = 1_000) -> Report {
        var report = deliverPending(to: .journal, today: today, now: now, batchSize: batchSize)
        let feed = deliverPending(to: .feed, today: today, now: now, batchSize: batchSize)
        report.fed = feed.fed
        report.feedWritten = feed.feedWritten
        report.failures.merge(feed.failures) { first, _ in first }
        return report
    }

    /// Delivers every alert pending for `sink`. Each sink may be delivered from its own thread.
    @discardableResult
    public func deliverPending(to sink: AlertSink, today: CalendarDate, now: Date = Date(), batchSize: Int = 1_000) -> Report {
        let (options, revision) = self.options.withLock { $0 }
        var report = Report()
        do {
            switch sink {
            case .journal:
                try journalState.withLock { state in
                    try deliverToJournal(&state, options: options, today: today, now: now, batchSize: batchSize, report: &report)
                }
            case .feed:
                try feedState.withLock { state in
                    if state.optionsRevision != revision {
                        state.feed.invalidate()
                        state.optionsRevision = revision
                    }
                    try deliverToFeed(&state.feed, options: options, now: now, report: &report)
                }
            }
        } catch {
            report.failures[sink] = "\(error)"
        }
        return report
    }

    // MARK: Journal

    private func deliverToJournal(
        _ state: inout JournalState, options: Options, today: CalendarDate, now: Date, batchSize: Int, report: inout Report
    ) throws {
        var after: Int64 = 0
        while true {
            let pending = try store.pendingAlerts(for: .journal, after: after, limit: batchSize)
            guard let last = pending.last else { return }
            after = last.id
            if !options.journalEnabled {
                // Run by hand without a journal: the terminal is where a person is looking.
                for alert in pending { logger.notice("\(AlertWording(alert).message)") }
                try store.markDelivered(pending.map(\.id), to: .journal, at: now)
                report.journaled += pending.count
                continue
            }
            let earlier = try sentByEarlierProcess(pending, state: &state)
            let entry = JournalAlertEntry(warningWindowDays: options.warningWindowDays)
            var failure: (any Error)?
            for alert in pending where !state.journaled.contains(alert.id) {
                if earlier.contains(alert.stableID) {
                    report.alreadyInJournal += 1
                } else {
                    do {
                        try journal.send(entry.fields(for: alert, today: today))
                    } catch {
                        failure = error
                        break
                    }
                    report.journaled += 1
                }
                state.journaled.insert(alert.id)
            }
            let sent = pending.map(\.id).filter { state.journaled.contains($0) }
            try store.markDelivered(sent, to: .journal, at: now)
            state.journaled.subtract(sent)
            if let upTo = state.unverifiedUpTo, upTo <= after, failure == nil { state.unverifiedUpTo = nil }
            if let failure { throw failure }
        }
    }

    /// The ids (`stableID`) of alerts in `pending` that an earlier process already wrote to the journal.
    private func sentByEarlierProcess(_ pending: [Alert], state: inout JournalState) throws -> Set<String> {
        guard let upTo = state.unverifiedUpTo else { return [] }
        let candidates = pending.filter { $0.id <= upTo && !state.journaled.contains($0.id) }
        guard !candidates.isEmpty else { return [] }
        if state.journalCaughtUp == nil { state.journalCaughtUp = try waitForJournalToCatchUp() }
        // Unreadable journal: sending again is better than losing the alert.
        guard state.journalCaughtUp == true else { return [] }
        do {
            return try journal.existing(candidates.map { JournalField(JournalAlertEntry.alertIDField, $0.stableID) })
        } catch {
            logger.warning(
                "cannot search the journal for earlier deliveries; resending pending alerts", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Sends a barrier entry and waits for it to become readable. True when it did; false when the journal
    /// cannot be read at all (the look-up is then impossible). Throws when journald has not caught up
    /// within the wait: the alerts stay pending and the next retry tries again.
    private func waitForJournalToCatchUp() throws -> Bool {
        let barrier = JournalField("TARIFFWATCH_BARRIER", UUID().uuidString.lowercased())
        try journal.send([
            JournalField("MESSAGE", "Checking the journal for alerts sent before a restart"),
            JournalField("PRIORITY", "7"), JournalField("SYSLOG_IDENTIFIER", "tariffwatch"), barrier,
        ])
        do {
            guard try journal.waitForEntry(barrier, .seconds(2)) else {
                throw JournalNotCaughtUp()
            }
            return true
        } catch let error as JournalError {
            logger.warning(
                "cannot read the journal to find alerts sent before the restart; resending them",
                metadata: ["error": "\(error)"])
            return false
        }
    }

    // MARK: Feed

    private func deliverToFeed(_ cache: inout RenderedFeed, options: Options, now: Date, report: inout Report) throws {
        // Everything pending now is in the revisions read next (ids only grow).
        let newest = try store.newestPendingID(for: .feed)
        let header = RenderedFeed.Header(
            title: options.feedTitle, homePageURL: options.feedHomePageURL,
            description: "New and changed tariff measures and trade deadlines found by tariffwatch.")
        var rendered = cache
        let changed = try rendered.update(
            header: header, revisions: try store.feedRevisions(limit: options.feedMaxItems),
            entries: { ids in try store.feedItems(ids: ids) }, sources: { facts in try store.feedSources(factIDs: facts) })
        if changed || newest != nil || !feed.fileExists {
            if !feed.directoryExists {
                logger.warning("the feed's folder is missing; creating it again", metadata: ["feed": "\(feed.path)"])
                try feed.createDirectory()
            }
            try feed.write(bytes: rendered.document())
            report.feedWritten = true
        }
        cache = rendered
        if let newest {
            let pending = try store.pendingIDs(for: .feed, through: newest)
            try store.markDelivered(pending, to: .feed, at: now)
            report.fed += pending.count
        }
    }
}

/// journald took the barrier entry but did not store it within the wait: it is paused or far behind.
struct JournalNotCaughtUp: Error, CustomStringConvertible {
    var description: String {
        "the journal has not caught up with entries sent before the restart (journald paused or slow); pending alerts wait so none is sent twice"
    }
}

/// How the dispatcher reaches the journal; tests replace it with one that fails on cue.
public struct JournalTransport: Sendable {
    public var send: @Sendable ([JournalField]) throws -> Void
    public var existing: @Sendable ([JournalField]) throws -> Set<String>
    public var waitForEntry: @Sendable (JournalField, Duration) throws -> Bool

    public init(
        send: @escaping @Sendable ([JournalField]) throws -> Void,
        existing: @escaping @Sendable ([JournalField]) throws -> Set<String>,
        waitForEntry: @escaping @Sendable (JournalField, Duration) throws -> Bool
    ) {
        self.send = send
        self.existing = existing
        self.waitForEntry = waitForEntry
    }

    /// The local systemd journal.
    public static let system = JournalTransport(
        send: { try Journal.send($0) },
        existing: { Set(try Journal.existingEntries(among: $0).map(\.value)) },
        waitForEntry: { try Journal.waitForEntry(matching: $0, timeout: $1) })
}
