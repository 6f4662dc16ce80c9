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
        /// The feed file last published is not yet `fsync`ed (nor its alerts marked): a delivery after this
        /// long syncs it, unless newer alerts come first. Nil when everything published is synced.
        public var feedSettleIn: Duration?
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
        /// Sent to the journal by this process but not yet marked: by the ingest lane
        /// (`sendToJournalAtOnce`), which leaves the mark to the delivery lane, or by a delivery whose mark failed.
        var journaled: Set<Int64> = []
        /// Alerts up to this id may have been sent by an earlier process: look them up before sending.
        var unverifiedUpTo: Int64?
        /// True once a barrier entry became readable (the look-up sees everything sent before this
        /// start); false when the journal cannot be read, so no look-up is possible; nil before the first try.
        var journalCaughtUp: Bool?
        /// Every alert with an id up to this one is marked, or was sent, found in the journal or marked
        /// by this process: `sendToJournalAtOnce` sends only the next ids, so no alert is sent twice and
        /// none overtakes an older one still waiting.
        var handledThrough: Int64 = 0
        /// The last send was refused (journald gone or stalled): alerts wait for the delivery lane's retries.
        var failing = false
    }

    private struct FeedState {
        var feed = RenderedFeed()
        /// What the store said the items were at the last delivery: the next reads only what changed.
        var revisions: FeedRevisions?
        /// The options revision the cached items were rendered with.
        var optionsRevision = 0
        /// The cache changed since the file was last written (a write failed after the cache was updated).
        var unwritten = false
        /// The file last put under the feed's name, not yet `fsync`ed (its alerts not yet marked).
        var unsettled: Unsettled?
        /// The newest alert the file under the feed's name holds; marks may lag behind it.
        var publishedThrough: Int64 = 0
        /// The document the last publication replaced still has the temporary name (`FeedWriter.previousPath`),
        /// which this lane reuses as the next spare or frees (`tidy`).
        var previousKept = false
        /// The file under the feed's name as this process wrote it (nil before its first publication).
        var published: LaidOutFile?
        /// The document the last publication replaced, while it keeps the temporary name.
        var previous: LaidOutFile?
        /// The file the next publication writes into, made ahead by this lane (`FeedWriter.recycle` or `makeSpare`).
        var spare: SpareFeedFile?
        /// When the feed lane began the `fsync` it is in (`sync`), if it is in one.
        var syncingSince: ContinuousClock.Instant?
    }

    /// A feed file readers already see, whose `fsync` and marks wait while more alerts keep coming.
    private struct Unsettled {
        var file: PublishedFeed
        /// The newest pending alert it holds: marking through it is what its `sync` allows.
        var through: Int64?
        /// When the oldest file this one stands for was published.
        var since: ContinuousClock.Instant
        /// When this file was published.
        var latest: ContinuousClock.Instant
    }

    /// How long a published feed may wait for its `fsync` and marks while more alerts keep coming.
    static let settleWithin: Duration = .milliseconds(100)

    private let store: FactStore
    private let feed: FeedWriter
    private let journal: JournalTransport
    private let logger: Logger
    /// Each sink has its own state and lock, so the journal loop never waits for a feed `fsync`.
    private let journalState: Mutex<JournalState>
    private let feedState = Mutex(FeedState())
    /// The options in force and how often they changed; a reload never waits for a delivery.
    private let options: Mutex<(current: Options, revision: Int)>

    /// How long the feed lane may be held in an `fsync` before the ingest lane makes the next spare itself
    /// (`publishFeedAtOnce`): the `fsync` of a feed takes 4 ms at p50 on this project's disk, and 200 ms when the
    /// disk stalls, for which no file should wait.
    let takeOverSpareAfter: Duration

    /// Waits until a published feed file is on disk: `PublishedFeed.sync` (tests hold it to play a stalled disk).
    private let syncFile: @Sendable (PublishedFeed) throws -> Void

    /// - Throws: when the outbox cannot be read to find the alerts an earlier process left pending.
    public convenience init(
        store: FactStore, feed: FeedWriter, options: Options, journal: JournalTransport = .system, logger: Logger
    ) throws(FactStoreError) {
        try self.init(
            store: store, feed: feed, options: options, journal: journal, logger: logger, takeOverSpareAfter: .milliseconds(5),
            syncFile: { try $0.sync() })
    }

    /// - Parameters:
    ///   - takeOverSpareAfter: see `takeOverSpareAfter`.
    ///   - syncFile: see `syncFile`.
    init(
        store: FactStore, feed: FeedWriter, options: Options, journal: JournalTransport, logger: Logger,
        takeOverSpareAfter: Duration, syncFile: @escaping @Sendable (PublishedFeed) throws -> Void
    ) throws(FactStoreError) {
        self.store = store
        self.feed = feed
        self.journal = journal
        self.logger = logger
        self.takeOverSpareAfter = takeOverSpareAfter
        self.syncFile = syncFile
        self.options = Mutex((options, 0))
        journalState = Mutex(
            JournalState(
                unverifiedUpTo: try store.newestPendingID(for: .journal), handledThrough: try store.settledThrough(for: .journal)))
    }

    deinit {
        // A feed published while more alerts were waiting and never synced (the owner stopped delivering):
        // its alerts stay pending, and only the descriptor needs closing.
        feedState.withLock { state in
            state.unsettled?.file.discard()
            putAway(&state)
        }
    }

    /// Removes the feed's temporary files (the spare, the replaced document's name): for the feed lane's last
    /// delivery, when the daemon stops.
    public func putAwayFeedFiles() {
        feedState.withLock { putAway(&$0) }
    }

    private func putAway(_ state: inout FeedState) {
        if let spare = state.spare.take() { feed.discard(spare) }
        if state.previousKept { feed.removePrevious() }
        state.previousKept = false
        state.previous = nil
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
        report.feedSettleIn = feed.feedSettleIn
        report.failures.merge(feed.failures) { first, _ in first }
        return report
    }

    /// Delivers every alert pending for `sink`. Each sink may be delivered from its own thread.
    ///
    /// `moreWaiting` tells whether another delivery will follow at once (more files were committed
    /// meanwhile). The feed file is published first and `fsync`ed after, and while more are waiting its
    /// `fsync` and marks are left to a later delivery (for at most `settleWithin`), so back-to-back
    /// deliveries do not each wait for the disk. `lingerFor` leaves them to a later delivery also when
    /// nothing is waiting yet, until the feed has been quiet that long (`Report.feedSettleIn` says when
    /// to come back): alerts arriving a few milliseconds apart then find the lane free instead of behind
    /// an `fsync` of the whole feed, which takes 2 to 8 ms now and then on this machine's disk. With the
    /// default zero, a delivery told nothing more is waiting leaves everything it published synced and marked.
    @discardableResult
    public func deliverPending(
        to sink: AlertSink, today: CalendarDate, now: Date = Date(), batchSize: Int = 1_000,
        moreWaiting: @Sendable () -> Bool = { false }, lingerFor linger: Duration = .zero
    ) -> Report {
        let (options, revision) = self.options.withLock { $0 }
        var report = Report()
        do {
            switch sink {
            case .journal:
                try deliverToJournal(options: options, today: today, now: now, batchSize: batchSize, report: &report)
            case .feed:
                let due = try feedState.withLock { state in
                    if state.optionsRevision != revision {
                        state.feed.invalidate()
                        state.revisions = nil
                        state.optionsRevision = revision
                    }
                    return try deliverToFeed(&state, options: options, report: &report, moreWaiting: moreWaiting, linger: linger)
                }
                try sync(due, now: now, report: &report)
            }
        } catch {
            report.failures[sink] = "\(error)"
        }
        return report
    }

    /// Syncs and marks the feed file the last publication put out, and nothing else: for a delivery loop woken
    /// by `Report.feedSettleIn`, or told that the ingest lane published (`publishFeedAtOnce`), with no new
    /// alerts, which need not read the store again. As in `deliverPending`, the sync waits while `moreWaiting`
    /// or until the feed has been quiet for `linger` (`Report.feedSettleIn` says when to come back). The
    /// document the ingest lane's publication replaced is made the next spare at once (`tidy`), not after the
    /// linger: the next lone file could not be published at once meanwhile.
    @discardableResult
    public func settleFeed(
        now: Date = Date(), moreWaiting: @Sendable () -> Bool = { false }, lingerFor linger: Duration = .zero
    ) -> Report {
        var report = Report()
        do {
            let due = feedState.withLock { state in
                tidy(&state)
                return settle(&state, report: &report, moreWaiting: moreWaiting, linger: linger)
            }
            try sync(due, now: now, report: &report)
        } catch {
            report.failures[.feed] = "\(error)"
        }
        return report
    }

    // MARK: Journal

    /// Sends the alerts the ingest lane has just committed (`alerts`, the batch's, ids ascending) to the
    /// journal at once, from that lane, instead of waking the journal lane to read them back: the entry
    /// goes out right after the commit that raised it. Only when the journal took the last entry and
    /// nothing older waits (the ids follow `handledThrough`, so a reminder's or a retry's alert is never
    /// overtaken) and the journal lane is not in the middle of a round; otherwise the alerts are left to
    /// that lane, which the caller wakes anyway.
    ///
    /// Marking stays the journal lane's (`deliverPending(to: .journal)`), so the ingest lane pays for no
    /// second write transaction: an alert sent here is in `journaled` until then, which neither lane
    /// sends again. Exactly once holds as before: a crash between this send and the mark is the window a
    /// crash between the journal lane's own send and mark always had; the next start finds the entry in
    /// the journal by its `TARIFFWATCH_ALERT_ID` after the barrier, and does not send it again.
    /// - Returns: how many alerts were sent.
    @discardableResult
    public func sendToJournalAtOnce(_ alerts: [Alert], today: CalendarDate) -> Int {
        guard !alerts.isEmpty else { return 0 }
        let options = self.options.withLock { $0.current }
        guard options.journalEnabled else { return 0 }
        let entry = JournalAlertEntry(warningWindowDays: options.warningWindowDays)
        let journal = self.journal
        return journalState.withLockIfAvailable { state -> Int in
            guard !state.failing, state.unverifiedUpTo == nil else { return 0 }
            var sent = 0
            for alert in alerts where alert.id > state.handledThrough {
                guard alert.id == state.handledThrough + 1, !state.journaled.contains(alert.id) else { break }
                do {
                    try journal.send(entry.fields(for: alert, today: today))
                } catch {
                    state.failing = true
                    break
                }
                state.journaled.insert(alert.id)
                state.handledThrough = alert.id
                sent += 1
            }
            return sent
        } ?? 0
    }

    /// Publishes the feed from the ingest lane right after the commit of a file that came alone, instead of
    /// leaving it to the feed lane, which that commit wakes: two thread hand-offs fewer between a file and
    /// its feed item (the feed loop's task resumes on the event loop, then moves to its lane's thread),
    /// which on this project's 2-core machine were most of the time between the journal entry and the feed
    /// item. The ingest lane renders, writes into the spare file and swaps it in only: the `fsync` and the
    /// marks stay the feed lane's (after its linger, as for its own publications), and so does making the
    /// next spare of the document replaced (`tidy`), so the next file waits for no disk. The rows
    /// are read on the writer's connection, whose cache holds what the commit just wrote
    /// (`ReadConnection.writer`).
    ///
    /// Only when the feed lane is between deliveries (its lock is free), has applied the settings in force
    /// and has made the next spare, or has been held in an `fsync` for `takeOverSpareAfter` (this lane then makes
    /// the spare); otherwise the feed lane publishes, as it always could. A failure is left to the feed lane too,
    /// which retries and reports it.
    /// - Returns: whether the feed file was rewritten.
    @discardableResult
    public func publishFeedAtOnce(now: Date = Date()) -> Bool {
        let (options, revision) = self.options.withLock { $0 }
        return feedState.withLockIfAvailable { state -> Bool in
            guard state.optionsRevision == revision else { return false }
            if state.previousKept {
                // The feed lane makes the next spare after its `fsync`. Held in one for long (the disk stalled), it
                // leaves the spare to this lane, or every file would wait for the disk: the document being synced
                // cannot be recycled (this process holds it open), so its name is freed (the open descriptor keeps
                // the file until the sync ends) and an empty spare made, written whole; the next ones recycle.
                guard let since = state.syncingSince, since.duration(to: .now) >= takeOverSpareAfter else { return false }
                tidy(&state)
            }
            var report = Report()
            do {
                try publishFeed(&state, options: options, report: &report, fromIngestLane: true)
            } catch {
                return false
            }
            return report.feedWritten
        } ?? false
    }

    /// One round of the journal lane: pending alerts after `after`, sent (or found in the journal) under
    /// the journal lock; nil when nothing is pending.
    private struct JournalRound {
        var last: Int64
        /// Sent (now or earlier, by either lane) or found in the journal: to be marked.
        var sent: [Int64]
        var failure: (any Error)?
    }

    private func deliverToJournal(options: Options, today: CalendarDate, now: Date, batchSize: Int, report: inout Report) throws {
        var after: Int64 = 0
        while true {
            if !options.journalEnabled {
                // Run by hand without a journal: the terminal is where a person is looking.
                let pending = try store.pendingAlerts(for: .journal, after: after, limit: batchSize)
                guard let last = pending.last else { return }
                after = last.id
                for alert in pending { logger.notice("\(AlertWording(alert).message)") }
                try store.markDelivered(pending.map(\.id), to: .journal, at: now)
                report.journaled += pending.count
                continue
            }
            let round = try journalState.withLock { state throws -> JournalRound? in
                try sendRound(&state, after: after, options: options, today: today, batchSize: batchSize, report: &report)
            }
            guard let round else { return }
            after = round.last
            // Marked outside the lock: the mark waits for the ingest lane's write transaction, and the
            // ingest lane must find the lock free to send the alerts it has just committed.
            try store.markDelivered(round.sent, to: .journal, at: now)
            journalState.withLock { $0.journaled.subtract(round.sent) }
            if let failure = round.failure { throw failure }
        }
    }

    private func sendRound(
        _ state: inout JournalState, after: Int64, options: Options, today: CalendarDate, batchSize: Int, report: inout Report
    ) throws -> JournalRound? {
        let pending = try store.pendingAlerts(for: .journal, after: after, limit: batchSize)
        guard let last = pending.last?.id else { return nil }
        let earlier = try sentByEarlierProcess(pending, state: &state)
        let entry = JournalAlertEntry(warningWindowDays: options.warningWindowDays)
        var failure: (any Error)?
        for alert in pending {
            if state.journaled.contains(alert.id) {
                // Sent by the ingest lane (or by a round whose mark failed): counted now that it is marked.
                report.journaled += 1
                continue
            }
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
        state.failing = failure != nil
        if failure == nil {
            // Every pending id up to `last` is now sent or found, and every id not pending is marked.
            state.handledThrough = max(state.handledThrough, last)
            if let upTo = state.unverifiedUpTo, upTo <= last { state.unverifiedUpTo = nil }
        }
        return JournalRound(last: last, sent: pending.map(\.id).filter { state.journaled.contains($0) }, failure: failure)
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

    private func deliverToFeed(
        _ state: inout FeedState, options: Options, report: inout Report, moreWaiting: @Sendable () -> Bool, linger: Duration
    ) throws -> DueSync? {
        tidy(&state)
        try publishFeed(&state, options: options, report: &report, fromIngestLane: false)
        tidy(&state)
        return settle(&state, report: &report, moreWaiting: moreWaiting, linger: linger)
    }

    /// Makes the spare the next publication writes into: the document the last publication replaced, when no
    /// one else has it open (`FeedWriter.recycle`; the next document is then written into it as the bytes that
    /// changed), else an empty file once the old document is freed. The feed lane's work, so that a publication
    /// from the ingest lane (`publishFeedAtOnce`) does neither. A spare that cannot be made (the folder is gone)
    /// is left to the publication, which reports why.
    private func tidy(_ state: inout FeedState) {
        if state.previousKept {
            if state.spare == nil, let previous = state.previous, let spare = feed.recycle(previous) {
                state.spare = spare
            } else {
                feed.removePrevious()
            }
            state.previousKept = false
            state.previous = nil
        }
        if state.spare == nil { state.spare = try? feed.makeSpare() }
    }

    /// Renders what changed in the store and, when the document changed or is missing, puts it under the
    /// feed's name (not yet synced: `settle`), in the spare when there is one. `fromIngestLane`: called by
    /// `publishFeedAtOnce`, so the rows are read on the writer's connection (see `ReadConnection.writer`).
    private func publishFeed(_ state: inout FeedState, options: Options, report: inout Report, fromIngestLane: Bool) throws {
        let connection: ReadConnection = fromIngestLane ? .writer : .reader
        let header = RenderedFeed.Header(
            title: options.feedTitle, homePageURL: options.feedHomePageURL,
            description: "New and changed tariff measures and trade deadlines found by tariffwatch.")
        // The revisions, the items and their sources in one read transaction on the writer's connection.
        let newest = try store.readingTogether(on: connection) { () throws -> Int64? in
            // The items and the newest pending alert come from one read: what is pending is in the items.
            // Handed over, not copied, so the store edits it in place; after a failed read the next one is whole.
            let revisions = try store.feedRevisions(limit: options.feedMaxItems, after: state.revisions.take(), on: connection)
            state.revisions = revisions
            // Updated in place (it is left as it was when it throws): a copy would duplicate every cached item.
            if try state.feed.update(
                header: header, revisions: revisions.items,
                entries: { ids in try store.feedItems(ids: ids, on: connection) },
                sources: { facts in try store.feedSources(factIDs: facts, on: connection) })
            {
                state.unwritten = true
            }
            return revisions.newestPending
        }
        let unpublished = newest.map { $0 > state.publishedThrough } ?? false
        if state.unwritten || unpublished || !feed.fileExists {
            let feed = self.feed
            func write(_ state: inout FeedState) throws -> Publication {
                try feed.publish(state.feed.parts, into: state.spare.take())
            }
            let publication: Publication
            do {
                publication = try write(&state)
            } catch let error as FeedWriteError where error.folderMissing {
                logger.warning("the feed's folder is missing; creating it again", metadata: ["feed": "\(feed.path)"])
                try feed.createDirectory()
                publication = try write(&state)
            }
            let file = publication.file
            state.previousKept = publication.keptPrevious
            state.previous = publication.keptPrevious ? state.published : nil
            state.published = publication.laidOut
            state.unwritten = false
            report.feedWritten = true
            let earlier = state.unsettled
            earlier?.file.discard()
            let published = ContinuousClock.now
            state.unsettled = Unsettled(
                file: file, through: newest ?? earlier?.through, since: earlier?.since ?? published, latest: published)
            if let newest { state.publishedThrough = newest }
        }
    }

    /// A published file whose `fsync` and marks are due. `settle` hands it out of the feed state and `sync` does
    /// them after the feed lock is released: the `fsync` of a whole feed takes milliseconds (2 to 8 ms now and
    /// then on this project's disk), and a file arriving meanwhile would otherwise find the lock taken and
    /// wait for the feed lane instead of being published by the ingest lane (`publishFeedAtOnce`).
    private struct DueSync {
        var file: PublishedFeed
        /// The newest pending alert the file holds.
        var through: Int64?
    }

    /// Takes the file last published out of the feed state for `sync`, unless more alerts are waiting or
    /// the feed has not been quiet for `linger`, in which case `report.feedSettleIn` says when to come back
    /// (never later than `settleWithin` after the oldest unsynced publication).
    private func settle(
        _ state: inout FeedState, report: inout Report, moreWaiting: @Sendable () -> Bool, linger: Duration
    ) -> DueSync? {
        guard let unsettled = state.unsettled else { return nil }
        let clock = ContinuousClock.now
        let age = unsettled.since.duration(to: clock)
        if age < Self.settleWithin {
            let quiet = unsettled.latest.duration(to: clock)
            if moreWaiting() {
                report.feedSettleIn = Self.settleWithin - age
                return nil
            }
            if quiet < linger {
                report.feedSettleIn = min(linger - quiet, Self.settleWithin - age)
                return nil
            }
        }
        state.unsettled = nil
        state.syncingSince = .now
        return DueSync(file: unsettled.file, through: unsettled.through)
    }

    /// `fsync`s the file `settle` handed out and marks its alerts, outside the feed lock. A newer file
    /// published meanwhile does not change what this one holds: marking through its newest alert stays right.
    private func sync(_ due: DueSync?, now: Date, report: inout Report) throws {
        guard let due else { return }
        do {
            defer { feedState.withLock { $0.syncingSince = nil } }
            try syncFile(due.file)
            if let through = due.through {
                report.fed += try store.markDelivered(through: through, to: .feed, at: now)
            }
        } catch {
            // Published but not known to be on disk, or not marked: the retry writes and syncs again.
            feedState.withLock { state in
                state.unwritten = true
                state.publishedThrough = 0
            }
            throw error
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
