import FactStore
import Foundation
import Logging
import Synchronization
import Systemd
import SystemPackage
import TariffExtraction
import Testing

@testable import AlertDelivery

/// A journal that fails on cue and remembers what it was sent, and which entries it "already holds".
final class FakeJournal: Sendable {
    struct State {
        var down = false
        var sent: [String] = []
        var held: Set<String> = []
        var barrierVisible = true
        var barriers = 0
    }
    let state = Mutex(State())

    var transport: JournalTransport {
        JournalTransport(
            send: { fields in
                try self.state.withLock { state in
                    if state.down { throw JournalError.journalNotRunning(.connectionRefused) }
                    if let id = fields.first(where: { $0.name == JournalAlertEntry.alertIDField }) {
                        state.sent.append(id.value)
                    } else if fields.contains(where: { $0.name == "TARIFFWATCH_BARRIER" }) {
                        state.barriers += 1
                    }
                }
            },
            existing: { fields in self.state.withLock { state in Set(fields.map(\.value)).intersection(state.held) } },
            waitForEntry: { _, _ in self.state.withLock { $0.barrierVisible } })
    }
}

@Suite(.serialized) final class AlertDispatcherTests {
    let folder = FilePath(FileManager.default.temporaryDirectory.appendingPathComponent("dispatcher-\(UUID())").path)
    let today = CalendarDate(iso: "2026-05-04")!

    deinit { try? FileManager.default.removeItem(atPath: folder.string) }

    /// One new tariff per call (a new pair of countries), recorded in the store: one alert in the outbox.
    @discardableResult
    private func raise(_ store: FactStore, _ n: Int) throws -> [Alert] {
        let names = ["US", "CN", "JP", "DE", "FR", "IN", "BR", "MX", "CA", "KR"]
        let change = TariffChange(
            imposer: names[n % 10], target: names[(n / 10 + n % 10 + 1) % 10], products: [], ratePct: Double(10 + n),
            status: .imposed, effectiveDate: nil, text: "t", sentence: "Tariffs \(n).", start: 0, end: 1)
        let file = FileRecord(
            path: "/inbox/\(n).txt", device: 1, inode: UInt64(n), size: 1, modificationTimeNanoseconds: 0,
            contentHash: "\(n)", referenceDate: today)
        let alerts = try store.record(file, extraction: Extraction(tariffChanges: [change]))
        #expect(alerts.count == 1)
        return alerts
    }

    private func dispatcher(_ store: FactStore, _ journal: FakeJournal, feed: FilePath? = nil) throws -> AlertDispatcher {
        try AlertDispatcher(
            store: store, feed: FeedWriter(path: feed ?? folder.appending("feed.json")),
            options: .init(journalEnabled: true), journal: journal.transport, logger: Logger(label: "test"))
    }

    /// The feed folder's temporary files are the spare alone, under the temporary name: an empty file, or, when
    /// `recycled`, the document the last publication replaced (whole), which the next one is written into.
    private func onlyTheSpareIsLeft(_ writer: FeedWriter, recycled: Bool = false) throws -> Bool {
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.string).filter { $0.hasPrefix(".feed") }
        guard hidden == [writer.previousPath.lastComponent!.string],
            let spare = FileManager.default.contents(atPath: writer.previousPath.string)
        else { return false }
        return recycled ? (try? JSONSerialization.jsonObject(with: spare)) is [String: Any] : spare.isEmpty
    }

    private func feedIDs(_ path: FilePath? = nil) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: (path ?? folder.appending("feed.json")).string))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func aJournalOutageHoldsBackNeitherTheFeedNorLaterDelivery() throws {
        let store = try FactStore(directory: folder.string)
        let journal = FakeJournal()
        let dispatcher = try dispatcher(store, journal)
        for n in 0..<3 { try raise(store, n) }
        journal.state.withLock { $0.down = true }

        let failed = dispatcher.deliverPending(today: today)
        #expect(failed.failures[.journal] != nil && failed.failures[.feed] == nil)
        #expect(try feedIDs().count == 3)
        #expect(try store.counts().alertsPending == 3)

        journal.state.withLock { $0.down = false }
        let retried = dispatcher.deliverPending(today: today)
        #expect(retried.isComplete && retried.journaled == 3 && retried.fed == 0)
        #expect(try store.counts().alertsPending == 0)
        let sent = journal.state.withLock { $0.sent }
        #expect(Set(sent).count == 3 && sent.count == 3)
        #expect(Set(sent) == Set(try feedIDs()))
    }

    @Test func aFeedThatCannotBeWrittenHoldsBackNotTheJournal() throws {
        let store = try FactStore(directory: folder.string)
        let journal = FakeJournal()
        // A feed whose folder cannot be created: its parent is a regular file.
        FileManager.default.createFile(atPath: folder.appending("plain-file").string, contents: Data())
        let blocked = folder.appending("plain-file/feeds/feed.json")
        let dispatcher = try dispatcher(store, journal, feed: blocked)
        for n in 0..<2 { try raise(store, n) }

        let report = dispatcher.deliverPending(today: today)
        #expect(report.failures[.feed] != nil && report.failures[.journal] == nil)
        #expect(report.journaled == 2)
        #expect(try store.counts().alertsPending == 2, "delivered only when the feed has them too")
        #expect(try store.pendingAlerts(for: .journal, limit: 10).isEmpty)
    }

    @Test func aRemovedFeedFolderIsCreatedAgain() throws {
        let store = try FactStore(directory: folder.string)
        let feed = folder.appending("public/feed.json")
        let dispatcher = try dispatcher(store, FakeJournal(), feed: feed)
        try raise(store, 0)
        #expect(dispatcher.deliverPending(today: today).isComplete)
        try FileManager.default.removeItem(atPath: folder.appending("public").string)
        try raise(store, 1)
        #expect(dispatcher.deliverPending(today: today).isComplete)
        #expect(try feedIDs(feed).count == 2)
    }

    @Test func whileMoreAlertsWaitTheFeedIsPublishedAtOnceAndMarkedLater() throws {
        let store = try FactStore(directory: folder.string)
        let dispatcher = try dispatcher(store, FakeJournal())
        try raise(store, 0)
        let busy = dispatcher.deliverPending(to: .feed, today: today, moreWaiting: { true })
        #expect(busy.isComplete && busy.feedWritten && busy.fed == 0)
        #expect(try feedIDs().count == 1, "readers see the item before its fsync")
        #expect(try store.pendingAlerts(for: .feed, limit: 10).count == 1, "marked only once synced")

        // Another alert while still busy: a new file replaces the unsynced one, nothing is marked yet.
        try raise(store, 1)
        let again = dispatcher.deliverPending(to: .feed, today: today, moreWaiting: { true })
        #expect(again.feedWritten && again.fed == 0)
        #expect(try feedIDs().count == 2)

        // Nothing more waiting: the last file is synced and both alerts are marked, with no rewrite.
        let idle = dispatcher.deliverPending(to: .feed, today: today)
        #expect(idle.isComplete && !idle.feedWritten && idle.fed == 2)
        #expect(try store.pendingAlerts(for: .feed, limit: 10).isEmpty)
        #expect(
            try onlyTheSpareIsLeft(FeedWriter(path: folder.appending("feed.json")), recycled: true),
            "the replaced document kept as the next spare")
    }

    @Test func aFeedKeptBusyIsStillSyncedAndMarkedWithinTheBound() throws {
        let store = try FactStore(directory: folder.string)
        let dispatcher = try dispatcher(store, FakeJournal())
        try raise(store, 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today, moreWaiting: { true }).fed == 0)
        Thread.sleep(forTimeInterval: Double((AlertDispatcher.settleWithin + .milliseconds(50)).components.attoseconds) / 1e18)
        // Still busy, nothing new to write, but the published file has waited long enough.
        let late = dispatcher.deliverPending(to: .feed, today: today, moreWaiting: { true })
        #expect(late.isComplete && !late.feedWritten && late.fed == 1)
        #expect(try store.pendingAlerts(for: .feed, limit: 10).isEmpty)
    }

    @Test func aLingeringFeedIsSyncedOnceQuietAndSaysWhenToComeBack() throws {
        let store = try FactStore(directory: folder.string)
        let dispatcher = try dispatcher(store, FakeJournal())
        let linger = Duration.milliseconds(40)
        try raise(store, 0)
        let published = ContinuousClock.now
        let first = dispatcher.deliverPending(to: .feed, today: today, lingerFor: linger)
        #expect(first.isComplete && first.feedWritten && first.fed == 0)
        #expect(try feedIDs().count == 1, "published at once, with nothing else waiting")
        let comeBack = try #require(first.feedSettleIn)
        #expect(comeBack > .zero && comeBack <= linger)

        // Asked again before the feed has been quiet long enough: still nothing synced or marked (unless
        // a stalled machine let the bound pass meanwhile, when syncing is right).
        let early = dispatcher.deliverPending(to: .feed, today: today, lingerFor: .seconds(10))
        if published.duration(to: .now) < AlertDispatcher.settleWithin {
            #expect(!early.feedWritten && early.fed == 0 && early.feedSettleIn != nil)
        }

        Thread.sleep(forTimeInterval: 0.06)
        let quiet = dispatcher.deliverPending(to: .feed, today: today, lingerFor: linger)
        #expect(quiet.isComplete && !quiet.feedWritten && quiet.fed + early.fed == 1 && quiet.feedSettleIn == nil)
        #expect(try store.pendingAlerts(for: .feed, limit: 10).isEmpty)
        #expect(try onlyTheSpareIsLeft(FeedWriter(path: folder.appending("feed.json"))), "the replaced documents freed")
    }

    @Test func settlingSyncsAndMarksWhatTheLastDeliveryPublishedAndNothingElse() throws {
        let store = try FactStore(directory: folder.string)
        let dispatcher = try dispatcher(store, FakeJournal())
        #expect(dispatcher.settleFeed().fed == 0, "nothing published yet")
        try raise(store, 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today, lingerFor: .seconds(10)).fed == 0)
        try raise(store, 1)
        // The second alert is not in the published file: settling marks only the first.
        let settled = dispatcher.settleFeed()
        #expect(settled.isComplete && !settled.feedWritten && settled.fed == 1 && settled.feedSettleIn == nil)
        #expect(try store.pendingAlerts(for: .feed, limit: 10).count == 1)
        #expect(dispatcher.settleFeed().fed == 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        #expect(try feedIDs().count == 2)
    }

    @Test func theIngestLanePublishesTheFeedAndLeavesTheSyncTheMarksAndTheFreeingToTheFeedLane() throws {
        let store = try FactStore(directory: folder.string)
        let writer = FeedWriter(path: folder.appending("feed.json"))
        let dispatcher = try dispatcher(store, FakeJournal())
        try raise(store, 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        let replaced = try FileDescriptor.open(writer.path, .readOnly)
        defer { _ = try? replaced.close() }

        try raise(store, 1)
        #expect(dispatcher.publishFeedAtOnce())
        #expect(try feedIDs().count == 2, "readers see the new item at once")
        #expect(try store.pendingAlerts(for: .feed, limit: 10).count == 1, "not marked before the feed lane's sync")
        // The replaced document keeps the temporary name until the feed lane frees it.
        var kept = stat(), replacedInfo = stat()
        #expect(stat(writer.previousPath.string, &kept) == 0)
        #expect(fstat(replaced.rawValue, &replacedInfo) == 0 && kept.st_ino == replacedInfo.st_ino)
        #expect(!dispatcher.publishFeedAtOnce(), "nothing new, and the kept name not yet removed")

        let settled = dispatcher.settleFeed()
        #expect(settled.isComplete && settled.fed == 1 && !settled.feedWritten)
        #expect(fstat(replaced.rawValue, &replacedInfo) == 0 && replacedInfo.st_nlink == 0, "freed")
        #expect(try onlyTheSpareIsLeft(writer), "and an empty spare made: a reader held the replaced document")
        #expect(try store.pendingAlerts(for: .feed, limit: 10).isEmpty)

        // The next lone file is written into that spare.
        var spare = stat(), feed = stat()
        #expect(stat(writer.previousPath.string, &spare) == 0)
        try raise(store, 2)
        #expect(dispatcher.publishFeedAtOnce())
        #expect(stat(writer.path.string, &feed) == 0 && feed.st_ino == spare.st_ino)
        // The feed lane's own delivery makes the next spare too, and publishes nothing twice. No one holds the
        // document replaced this time: it is the spare, and the next document is written into it.
        let report = dispatcher.deliverPending(to: .feed, today: today)
        #expect(report.isComplete && report.fed == 1 && !report.feedWritten)
        #expect(try onlyTheSpareIsLeft(writer, recycled: true))
        #expect(try feedIDs().count == 3)
        var recycled = stat()
        #expect(stat(writer.previousPath.string, &recycled) == 0)
        try raise(store, 3)
        #expect(dispatcher.publishFeedAtOnce())
        #expect(stat(writer.path.string, &feed) == 0 && feed.st_ino == recycled.st_ino)
        #expect(try feedIDs().count == 4)
        #expect(dispatcher.settleFeed().fed == 1)

        // Stopping removes the spare.
        dispatcher.putAwayFeedFiles()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string).filter { $0.hasPrefix(".feed") }.isEmpty)
    }

    /// The feed lane held in a long `fsync` (a stalled disk): once it has been held for `takeOverSpareAfter`, the
    /// ingest lane makes the next spare itself, so every lone file is published at once. The document being synced
    /// (open in this process, so not recycled) loses its name but stays whole for its sync, and nothing is marked
    /// before a sync of a file holding it.
    @Test func aStalledSyncDoesNotHoldBackTheIngestLanesPublications() throws {
        let store = try FactStore(directory: folder.string)
        let writer = FeedWriter(path: folder.appending("feed.json"))
        let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let stalling = Atomic<Bool>(false)
        let dispatcher = try AlertDispatcher(
            store: store, feed: writer, options: .init(journalEnabled: true), journal: FakeJournal().transport,
            logger: Logger(label: "test"), takeOverSpareAfter: .milliseconds(1),
            syncFile: { file in
                if stalling.load(ordering: .acquiring) {
                    entered.signal()
                    release.wait()
                }
                try file.sync()
            })
        try raise(store, 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        try raise(store, 1)
        #expect(dispatcher.publishFeedAtOnce())

        // The feed lane settles that publication and stalls in its fsync.
        stalling.store(true, ordering: .releasing)
        let stalledFed = Mutex(0)
        Thread {
            let report = dispatcher.settleFeed()
            stalledFed.withLock { $0 = report.fed }
            finished.signal()
        }.start()
        entered.wait()
        stalling.store(false, ordering: .releasing)
        Thread.sleep(forTimeInterval: 0.005)
        for n in 2...4 {
            try raise(store, n)
            #expect(dispatcher.publishFeedAtOnce(), "file \(n) published while the feed lane is held")
            #expect(try feedIDs().count == n + 1)
        }
        #expect(try store.pendingAlerts(for: .feed, limit: 10).count == 4, "nothing marked before a sync of a file holding it")

        release.signal()
        finished.wait()
        #expect(stalledFed.withLock { $0 } == 1, "the stalled sync marks what its file held")
        let settled = dispatcher.settleFeed()
        #expect(settled.isComplete && settled.fed == 3)
        #expect(try store.pendingAlerts(for: .feed, limit: 10).isEmpty)
        #expect(try onlyTheSpareIsLeft(writer, recycled: true))
    }

    /// Told that the ingest lane published, the feed lane only settles: it frees the replaced document at once
    /// and lingers before the sync like after its own publications, reading nothing.
    @Test func afterTheIngestLanePublishedTheFeedLaneSettlesOnceQuiet() throws {
        let store = try FactStore(directory: folder.string)
        let writer = FeedWriter(path: folder.appending("feed.json"))
        let dispatcher = try dispatcher(store, FakeJournal())
        try raise(store, 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        try raise(store, 1)
        #expect(dispatcher.publishFeedAtOnce())
        let linger = Duration.milliseconds(40)
        let published = ContinuousClock.now
        let early = dispatcher.settleFeed(lingerFor: .seconds(10))
        if published.duration(to: .now) < AlertDispatcher.settleWithin {
            #expect(early.fed == 0 && early.feedSettleIn != nil && !early.feedWritten)
            #expect(try onlyTheSpareIsLeft(writer, recycled: true), "the replaced document made the spare before the linger")
        }
        let waiting = dispatcher.settleFeed(moreWaiting: { true }, lingerFor: linger)
        #expect(waiting.fed + early.fed <= 1)
        Thread.sleep(forTimeInterval: 0.06)
        let quiet = dispatcher.settleFeed(lingerFor: linger)
        #expect(quiet.isComplete && quiet.fed + waiting.fed + early.fed == 1 && quiet.feedSettleIn == nil)
        #expect(try onlyTheSpareIsLeft(writer, recycled: true))
        #expect(try store.pendingAlerts(for: .feed, limit: 10).isEmpty)
    }

    /// Another file put under the spare's name (a removal that failed, or someone else's) is neither published
    /// nor truncated: the publication writes a new file, and the replaced document takes the name.
    @Test func aFileLeftUnderTheSparesNameIsNeitherPublishedNorTruncated() throws {
        let store = try FactStore(directory: folder.string)
        let writer = FeedWriter(path: folder.appending("feed.json"))
        let dispatcher = try dispatcher(store, FakeJournal())
        try raise(store, 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        #expect(try onlyTheSpareIsLeft(writer))
        try FileManager.default.removeItem(atPath: writer.previousPath.string)
        #expect(FileManager.default.createFile(atPath: writer.previousPath.string, contents: Data("stale".utf8)))
        let stale = try FileDescriptor.open(writer.previousPath, .readOnly)
        defer { _ = try? stale.close() }
        let replaced = try FileDescriptor.open(writer.path, .readOnly)
        defer { _ = try? replaced.close() }
        try raise(store, 1)
        #expect(dispatcher.publishFeedAtOnce())
        #expect(try feedIDs().count == 2)
        var kept = stat(), replacedInfo = stat()
        #expect(stat(writer.previousPath.string, &kept) == 0)
        #expect(fstat(replaced.rawValue, &replacedInfo) == 0 && kept.st_ino == replacedInfo.st_ino, "the replaced document, not the stale file")
        var bytes = [UInt8](repeating: 0, count: 16)
        #expect(try bytes.withUnsafeMutableBytes { try stale.read(fromAbsoluteOffset: 0, into: $0) } == 5, "not truncated")
        #expect(dispatcher.settleFeed().fed == 1)
        #expect(try onlyTheSpareIsLeft(writer))
    }

    /// The feed's folder removed while the daemon runs: either lane's next publication creates it again.
    @Test func aRemovedFeedFolderIsCreatedAgainByEitherLane() throws {
        let store = try FactStore(directory: folder.string)
        let feedFolder = folder.appending("public")
        let dispatcher = try dispatcher(store, FakeJournal(), feed: feedFolder.appending("feed.json"))
        try raise(store, 0)
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        try FileManager.default.removeItem(atPath: feedFolder.string)
        try raise(store, 1)
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1, "the feed lane")
        #expect(FileManager.default.fileExists(atPath: feedFolder.appending("feed.json").string))
        try FileManager.default.removeItem(atPath: feedFolder.string)
        try raise(store, 2)
        #expect(dispatcher.publishFeedAtOnce(), "the ingest lane")
        #expect(dispatcher.settleFeed().fed == 1)
        #expect(try feedIDs(feedFolder.appending("feed.json")).count == 3)
    }

    @Test func theIngestLaneLeavesTheFirstFeedAndAReloadToTheFeedLane() throws {
        let store = try FactStore(directory: folder.string)
        let dispatcher = try dispatcher(store, FakeJournal())
        try raise(store, 0)
        // No feed file yet: published, nothing to keep.
        #expect(dispatcher.publishFeedAtOnce())
        #expect(!FileManager.default.fileExists(atPath: FeedWriter(path: folder.appending("feed.json")).previousPath.string))
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        // Settings reloaded: the feed lane renders again with them first.
        dispatcher.update(.init(feedTitle: "renamed", journalEnabled: true))
        try raise(store, 1)
        #expect(!dispatcher.publishFeedAtOnce())
        #expect(dispatcher.deliverPending(to: .feed, today: today).fed == 1)
        #expect(try feedIDs().count == 2)
    }

    @Test func aLingerLongerThanTheBoundStillSyncsWithinTheBound() throws {
        let store = try FactStore(directory: folder.string)
        let dispatcher = try dispatcher(store, FakeJournal())
        try raise(store, 0)
        let first = dispatcher.deliverPending(to: .feed, today: today, lingerFor: .seconds(60))
        #expect(first.fed == 0 && (first.feedSettleIn ?? .zero) <= AlertDispatcher.settleWithin)
        Thread.sleep(forTimeInterval: Double((AlertDispatcher.settleWithin + .milliseconds(50)).components.attoseconds) / 1e18)
        let late = dispatcher.deliverPending(to: .feed, today: today, lingerFor: .seconds(60))
        #expect(late.isComplete && late.fed == 1 && late.feedSettleIn == nil)
    }

    @Test func aRestartedDispatcherDeliversWhatAnUnsyncedFeedHeld() throws {
        let store = try FactStore(directory: folder.string)
        try raise(store, 0)
        // Published, then the process died before the fsync and the mark.
        #expect(try dispatcher(store, FakeJournal()).deliverPending(to: .feed, today: today, moreWaiting: { true }).fed == 0)
        let restarted = try dispatcher(store, FakeJournal())
        let report = restarted.deliverPending(to: .feed, today: today)
        #expect(report.isComplete && report.feedWritten && report.fed == 1)
        #expect(try feedIDs().count == 1, "the same item, not a second one")
    }

    @Test func afterARestartAlertsAlreadyInTheJournalAreNotSentAgainOnceItCaughtUp() throws {
        let store = try FactStore(directory: folder.string)
        for n in 0..<4 { try raise(store, n) }
        let ids = try store.pendingAlerts(limit: 10).map(\.stableID)
        // The killed predecessor sent the first two; journald has not stored them yet (paused).
        let journal = FakeJournal()
        journal.state.withLock {
            $0.held = Set(ids.prefix(2))
            $0.barrierVisible = false
        }
        let dispatcher = try dispatcher(store, journal)

        let waiting = dispatcher.deliverPending(today: today)
        #expect(waiting.failures[.journal]?.contains("has not caught up") == true)
        #expect(journal.state.withLock { $0.sent }.isEmpty, "nothing sent before the journal caught up")

        journal.state.withLock { $0.barrierVisible = true }
        let report = dispatcher.deliverPending(today: today)
        #expect(report.isComplete && report.alreadyInJournal == 2 && report.journaled == 2)
        #expect(journal.state.withLock { $0.sent } == Array(ids.suffix(2)))

        // Alerts raised after the start need no look-up and no further barrier.
        try raise(store, 9)
        #expect(dispatcher.deliverPending(today: today).journaled == 1)
        #expect(journal.state.withLock { $0.barriers } == 2)
    }

    // MARK: Sent from the ingest lane

    @Test func anAlertSentAtOnceIsMarkedByTheJournalLaneAndNeverSentAgain() throws {
        let store = try FactStore(directory: folder.string)
        let journal = FakeJournal()
        let dispatcher = try dispatcher(store, journal)
        let alerts = try raise(store, 0)

        #expect(dispatcher.sendToJournalAtOnce(alerts, today: today) == 1)
        #expect(journal.state.withLock { $0.sent } == alerts.map(\.stableID))
        #expect(try store.pendingAlerts(for: .journal, limit: 10).map(\.id) == alerts.map(\.id), "marked by the journal lane")

        let report = dispatcher.deliverPending(to: .journal, today: today)
        #expect(report.isComplete && report.journaled == 1 && report.alreadyInJournal == 0)
        #expect(journal.state.withLock { $0.sent }.count == 1, "not sent a second time")
        #expect(try store.pendingAlerts(for: .journal, limit: 10).isEmpty)
        // Sending the same alerts again (a retried batch, a second caller) sends nothing.
        #expect(dispatcher.sendToJournalAtOnce(alerts, today: today) == 0)
        #expect(journal.state.withLock { $0.sent }.count == 1)
    }

    @Test func anAlertIsNotSentAtOnceAheadOfOlderOnesStillWaiting() throws {
        let store = try FactStore(directory: folder.string)
        let journal = FakeJournal()
        let dispatcher = try dispatcher(store, journal)
        let older = try raise(store, 0)
        let newer = try raise(store, 1)

        #expect(dispatcher.sendToJournalAtOnce(newer, today: today) == 0, "alert \(older[0].id) waits for the journal lane")
        #expect(journal.state.withLock { $0.sent }.isEmpty)
        #expect(dispatcher.deliverPending(to: .journal, today: today).journaled == 2)
        #expect(journal.state.withLock { $0.sent } == (older + newer).map(\.stableID), "in order")

        // Once the lane has caught up, the next batch goes out at once again.
        let next = try raise(store, 2)
        #expect(dispatcher.sendToJournalAtOnce(next, today: today) == 1)
    }

    @Test func aRefusedSendLeavesAlertsToTheRetriesUntilTheJournalTakesOneAgain() throws {
        let store = try FactStore(directory: folder.string)
        let journal = FakeJournal()
        let dispatcher = try dispatcher(store, journal)
        journal.state.withLock { $0.down = true }
        let first = try raise(store, 0)
        #expect(dispatcher.sendToJournalAtOnce(first, today: today) == 0)

        journal.state.withLock { $0.down = false }
        let second = try raise(store, 1)
        #expect(dispatcher.sendToJournalAtOnce(second, today: today) == 0, "the delivery lane's retry goes first")
        let retried = dispatcher.deliverPending(to: .journal, today: today)
        #expect(retried.isComplete && retried.journaled == 2)
        #expect(journal.state.withLock { $0.sent } == (first + second).map(\.stableID))
        #expect(dispatcher.sendToJournalAtOnce(try raise(store, 2), today: today) == 1)
    }

    @Test func aCrashBetweenTheIngestLanesSendAndTheMarkSendsNothingTwice() throws {
        let store = try FactStore(directory: folder.string)
        let journal = FakeJournal()
        let killed = try dispatcher(store, journal)
        let alerts = try raise(store, 0) + raise(store, 1)
        // The killed process sent both from its ingest lane; its journal lane never marked them.
        #expect(killed.sendToJournalAtOnce(alerts, today: today) == 2)
        journal.state.withLock { $0.held = Set($0.sent) }

        let restarted = try dispatcher(store, journal)
        let fresh = try raise(store, 2)
        #expect(restarted.sendToJournalAtOnce(fresh, today: today) == 0, "unverified alerts from before the start go first")
        let report = restarted.deliverPending(to: .journal, today: today)
        #expect(report.isComplete && report.alreadyInJournal == 2 && report.journaled == 1)
        #expect(journal.state.withLock { $0.sent } == (alerts + fresh).map(\.stableID), "each alert once")
        #expect(try store.pendingAlerts(for: .journal, limit: 10).isEmpty)
    }

    @Test func aRestartWithNothingPendingSendsTheNextAlertAtOnce() throws {
        let store = try FactStore(directory: folder.string)
        let journal = FakeJournal()
        try raise(store, 0)
        #expect(try dispatcher(store, journal).deliverPending(to: .journal, today: today).journaled == 1)
        let restarted = try dispatcher(store, journal)
        #expect(restarted.sendToJournalAtOnce(try raise(store, 1), today: today) == 1)
    }

    @Test func aWipedStateNeverReusesAnAlertID() throws {
        let first = try FactStore(directory: folder.appending("one").string)
        let second = try FactStore(directory: folder.appending("two").string)
        try raise(first, 0)
        try raise(second, 0)
        let a = try #require(try first.pendingAlerts(limit: 1).first)
        let b = try #require(try second.pendingAlerts(limit: 1).first)
        #expect(a.id == b.id && a.factID == b.factID)
        #expect(first.epoch.count == 16 && first.epoch != second.epoch)
        #expect(a.stableID != b.stableID)
        #expect(a.stableID == "tariffwatch:\(first.epoch):\(a.factID):\(a.id)")
    }

    @Test func theFeedRendersOnlyNewOrCorroboratedItems() throws {
        let store = try FactStore(directory: folder.string)
        for n in 0..<5 { try raise(store, n) }
        var feed = RenderedFeed()
        let header = RenderedFeed.Header(title: "t", homePageURL: nil, description: "d")
        var rendered: [Int64] = []
        func update() throws -> Bool {
            try feed.update(
                header: header, revisions: try store.feedRevisions(limit: 500),
                entries: { ids in
                    rendered += ids
                    return try store.feedItems(ids: ids)
                }, sources: { facts in try store.feedSources(factIDs: facts) })
        }
        #expect(try update())
        #expect(rendered.count == 5)
        rendered = []
        #expect(try !update(), "nothing changed: no rewrite")
        try raise(store, 5)
        #expect(try update())
        #expect(rendered.count == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(feed.document())) as? [String: Any])
        #expect((document["items"] as? [Any])?.count == 6)
        #expect(document["version"] as? String == "https://jsonfeed.org/version/1.1")
    }
}
