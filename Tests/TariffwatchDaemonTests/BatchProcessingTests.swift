import AlertDelivery
import ArticleWatcher
import FactStore
import Foundation
import Glibc
import Logging
import Synchronization
import SystemPackage
import TariffExtraction
import Testing

@testable import TariffwatchDaemon

/// Files processed in batches, one transaction each: same outcomes as one at a time, bounded batches.
@Suite struct BatchProcessingTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 2)!

    private func processor(_ workspace: borrowing Workspace) throws -> ArticleProcessor {
        ArticleProcessor(
            reader: ArticleReader(root: workspace.inbox), store: try FactStore(directory: workspace.state.string),
            policy: AlertPolicy(), events: OperationalEvents(logger: Logger(label: "test"), journalEnabled: false),
            logger: Logger(label: "test"), today: { Self.today })
    }

    private func write(_ text: String, to path: FilePath) throws {
        try text.write(toFile: path.string, atomically: false, encoding: .utf8)
        let seconds = Self.today.daysSinceEpoch * 86_400 - 43_200
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        try #require(path.withPlatformString { utimensat(AT_FDCWD, $0, &times, 0) } == 0)
    }

    @Test func aBatchHasTheOutcomesOfOneAtATime() throws {
        let workspace = try Workspace()
        let good = workspace.inbox.appending("good.txt")
        let other = workspace.inbox.appending("other.txt")
        let binary = workspace.inbox.appending("binary.txt")
        try write("The EU will impose 25% tariffs on US steel from April 1, 2027.\n", to: good)
        try write("Japan will impose 30% tariffs on imports from Brazil starting June 1, 2027.\n", to: other)
        try Data([0x00, 0xFF, 0x00, 0x01]).write(to: URL(fileURLWithPath: binary.string))
        let processor = try processor(workspace)
        let items = [good, other, binary, workspace.inbox.appending("missing.txt")].map { ArticleProcessor.Item($0) }
        let outcomes = try processor.process(batch: items, budget: .seconds(60))
        #expect(outcomes.count == 4)
        #expect(outcomes[0] == .processed(alerts: 1))
        #expect(outcomes[1] == .processed(alerts: 1))
        guard case .rejected = outcomes[2], case .rejected = outcomes[3] else {
            Issue.record("expected rejections, got \(outcomes)")
            return
        }
        // Stored: the same files again are unchanged, the bad ones not reported twice.
        #expect(try processor.process(batch: Array(items.prefix(3)), budget: .seconds(60)) == [.unchanged, .unchanged, .unchanged])
        let store = try FactStore(directory: workspace.state.string)
        #expect(try store.pendingAlerts(limit: 10).count == 2)
    }

    @Test func aPathTwiceEndsTheBatchBeforeItsSecondTime() throws {
        let workspace = try Workspace()
        let path = workspace.inbox.appending("a.txt")
        try write("The EU will impose 25% tariffs on US steel from April 1, 2027.\n", to: path)
        let processor = try processor(workspace)
        let items = [ArticleProcessor.Item(path), ArticleProcessor.Item(path)]
        #expect(try processor.process(batch: items, budget: .seconds(60)) == [.processed(alerts: 1)])
        #expect(try processor.process(batch: Array(items.dropFirst()), budget: .seconds(60)) == [.unchanged])
    }

    @Test func aSpentBudgetStillProcessesOneFile() throws {
        let workspace = try Workspace()
        let paths = (0..<3).map { workspace.inbox.appending("f\($0).txt") }
        for (n, path) in paths.enumerated() {
            try write("Japan will impose \(10 + n)% tariffs on imports from Chile starting June 1, 2027.\n", to: path)
        }
        let processor = try processor(workspace)
        let outcomes = try processor.process(batch: paths.map { ArticleProcessor.Item($0) }, budget: .zero)
        #expect(outcomes.count == 1, "the budget is checked before each file after the first")
    }

    /// A file that came alone: the ingest lane publishes its feed and then tells the feed lane, which owes only
    /// the sync; a batch of several wakes the feed lane to render them, before the journal sends.
    @Test func aLoneFilesFeedIsPublishedOnTheLaneAndTheFeedLaneToldAfterwards() throws {
        let workspace = try Workspace()
        var processor = try processor(workspace)
        let calls = Mutex<[String]>([])
        let feed = FeedWriter(path: workspace.state.appending("feed.json"))
        processor.dispatcher = try AlertDispatcher(
            store: processor.store, feed: feed, options: .init(journalEnabled: true),
            journal: JournalTransport(
                send: { _ in calls.withLock { $0.append("journal") } }, existing: { _ in [] }, waitForEntry: { _, _ in true }),
            logger: Logger(label: "test"))
        processor.raisedAlerts = { calls.withLock { $0.append("raised") } }
        processor.publishedFeed = { calls.withLock { $0.append("published") } }
        let alone = workspace.inbox.appending("alone.txt")
        try write("The EU will impose 25% tariffs on US steel from April 1, 2027.\n", to: alone)
        #expect(try processor.process(batch: [.init(alone)]) == [.processed(alerts: 1)])
        #expect(calls.withLock { $0 } == ["journal", "published"])
        #expect(FileManager.default.fileExists(atPath: feed.path.string), "the lane wrote the feed")

        calls.withLock { $0 = [] }
        let pair = (0..<2).map { workspace.inbox.appending("pair\($0).txt") }
        for (n, path) in pair.enumerated() {
            try write("Japan will impose \(10 + n)% tariffs on imports from Chile starting June 1, 2027.\n", to: path)
        }
        #expect(try processor.process(batch: pair.map { .init($0) }, budget: .seconds(60)).count == 2)
        #expect(calls.withLock { $0 }.first == "raised", "the feed lane renders while the journal sends")
        #expect(!calls.withLock { $0 }.contains("published"))
    }

    private static func file(_ n: Int) -> WatchEvent { .fileReady(FilePath("/inbox/\(n).txt")) }

    @Test func theQueueHandsOverWhatArrivedUpToTheLimit() {
        let queue = IngestQueue(capacity: 8)
        for n in 0..<5 { #expect(queue.offer(Self.file(n)) == .accepted) }
        #expect(queue.take(maximum: 3) == (0..<3).map(Self.file))
        #expect(queue.take(maximum: 3) == (3..<5).map(Self.file))
        #expect(queue.offer(Self.file(5)) == .accepted)
        queue.finish()
        #expect(queue.take(maximum: 3) == [Self.file(5)], "what is left after the watcher finished")
        #expect(queue.take(maximum: 3) == nil)
    }

    @Test func aFullQueueRefusesSoTheWatcherOwesARescan() {
        let queue = IngestQueue(capacity: 2)
        #expect(queue.offer(Self.file(0)) == .accepted)
        #expect(queue.offer(Self.file(1)) == .accepted)
        #expect(queue.offer(Self.file(2)) == .full)
        #expect(queue.take(maximum: 1) == [Self.file(0)])
        #expect(queue.offer(Self.file(3)) == .accepted)
        #expect(queue.take(maximum: 10) == [Self.file(1), Self.file(3)])
    }

    @Test func aClosedQueueHandsOverNothingAndRefusesEvents() {
        let queue = IngestQueue(capacity: 8)
        #expect(queue.offer(Self.file(0)) == .accepted)
        queue.close()
        #expect(queue.isClosed)
        #expect(queue.take(maximum: 10) == nil, "waiting events are left to the next start's scan")
        #expect(queue.offer(Self.file(1)) == .closed)
    }

    /// The lane's thread blocks in `take` and another thread's offer wakes it; `close` wakes it too.
    @Test func takeBlocksUntilAnOfferOrClose() async throws {
        let queue = IngestQueue(capacity: 8)
        let lane = BlockingLane(label: "test-ingest")
        let taken = Task { await lane.run { queue.take(maximum: 10) } }
        try await Task.sleep(for: .milliseconds(50))
        #expect(queue.offer(Self.file(7)) == .accepted)
        #expect(await taken.value == [Self.file(7)])
        let closed = Task { await lane.run { queue.take(maximum: 10) } }
        try await Task.sleep(for: .milliseconds(50))
        queue.close()
        #expect(await closed.value == nil)
    }

    /// With `quietAfter`, `whenQuiet` runs once when nothing arrived for that long, and the wait goes on until an
    /// offer; an event that comes sooner is taken and `whenQuiet` does not run.
    @Test func aQuietTakeRunsItsActionOnceWhenNothingCame() async throws {
        let queue = IngestQueue(capacity: 8)
        let lane = BlockingLane(label: "test-ingest")
        final class Count: Sendable {
            let runs = Mutex(0)
            func add() { runs.withLock { $0 += 1 } }
            var value: Int { runs.withLock { $0 } }
        }
        let quietRuns = Count()
        let taken = Task {
            await lane.run { queue.take(maximum: 10, quietAfter: .milliseconds(20), whenQuiet: quietRuns.add) }
        }
        // (The lane's task may start late while other suites run.)
        let deadline = ContinuousClock.now + .seconds(10)
        while quietRuns.value == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(quietRuns.value == 1, "once, and the take still waits")
        #expect(queue.offer(Self.file(3)) == .accepted)
        #expect(await taken.value == [Self.file(3)])
        #expect(quietRuns.value == 1)

        let early = Task {
            await lane.run { queue.take(maximum: 10, quietAfter: .seconds(30), whenQuiet: quietRuns.add) }
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(queue.offer(Self.file(4)) == .accepted)
        #expect(await early.value == [Self.file(4)])
        #expect(quietRuns.value == 1, "an event before the quiet time: no action")
    }

    /// The pause before a retry lasts its time whatever arrives meanwhile, and ends at once when the queue closes.
    @Test func aPauseLastsItsTimeOrEndsWhenClosed() async throws {
        let queue = IngestQueue(capacity: 8)
        let lane = BlockingLane(label: "test-ingest")
        let started = ContinuousClock.now
        let paused = Task { await lane.run { queue.pause(for: .milliseconds(200)) } }
        try await Task.sleep(for: .milliseconds(50))
        #expect(queue.offer(Self.file(1)) == .accepted)
        #expect(await paused.value == true)
        #expect(started.duration(to: .now) >= .milliseconds(200), "an event does not end the pause")
        #expect(queue.take(maximum: 10) == [Self.file(1)], "it waited")
        let interrupted = Task { await lane.run { queue.pause(for: .seconds(60)) } }
        try await Task.sleep(for: .milliseconds(50))
        queue.close()
        #expect(await interrupted.value == false)
    }
}
