import AlertDelivery
import ArticleWatcher
import FactStore
import Foundation
import Glibc
import Logging
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

    @Test func theQueueHandsOverWhatArrivedUpToTheLimit() async {
        let queue = BatchQueue<Int>(capacity: 8)
        for n in 0..<5 { await queue.put(n) }
        #expect(await queue.take(maximum: 3) == [0, 1, 2])
        #expect(await queue.take(maximum: 3) == [3, 4])
        await queue.put(5)
        await queue.finish()
        #expect(await queue.take(maximum: 3) == [5], "what is left after finish")
        #expect(await queue.take(maximum: 3) == nil)
    }

    @Test func aFullQueueMakesThePutterWait() async {
        let queue = BatchQueue<Int>(capacity: 2)
        await queue.put(0)
        await queue.put(1)
        let putter = Task { await queue.put(2) }
        #expect(await queue.take(maximum: 1) == [0])
        await putter.value
        #expect(await queue.take(maximum: 10) == [1, 2])
    }
}
