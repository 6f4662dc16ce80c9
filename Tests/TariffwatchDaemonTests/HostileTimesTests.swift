import ArticleWatcher
import AlertDelivery
import FactStore
import Foundation
import Glibc
import Logging
import SystemPackage
import TariffExtraction
import Testing

@testable import TariffwatchDaemon

/// Modification times anyone can set with `touch -d`: a file is processed or rejected with the reason, never a trap.
@Suite struct HostileTimesTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 2)!
    static let article = "The EU will impose 25% tariffs on US steel from April 1, 2027.\n"

    private func processor(_ workspace: borrowing Workspace) throws -> ArticleProcessor {
        ArticleProcessor(
            reader: ArticleReader(root: workspace.inbox), store: try FactStore(directory: workspace.state.string),
            policy: AlertPolicy(), events: OperationalEvents(logger: Logger(label: "test"), journalEnabled: false),
            logger: Logger(label: "test"), today: { Self.today })
    }

    private func write(_ text: String, to path: FilePath, seconds: Int) throws {
        try text.write(toFile: path.string, atomically: false, encoding: .utf8)
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        try #require(path.withPlatformString { utimensat(AT_FDCWD, $0, &times, 0) } == 0)
    }

    /// Seconds since the epoch of a UTC day at noon.
    private static func noon(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CalendarDate(year: year, month: month, day: day)!.daysSinceEpoch * 86_400 + 43_200
    }

    @Test(arguments: [
        (noon(2300, 1, 1), "is in the future (today is 2026-12-02)"),
        (Int(Int64.max / 2), "is in the future"),
        (noon(2026, 12, 4), "is in the future"),
        (noon(1600, 1, 1), "is before 1970-01-02"),
        (Int(Int64.min / 2), "is before 1970-01-02"),
        (0, "is before 1970-01-02"),
        (noon(2026, 12, 3), nil),  // a day ahead: clocks differ
        (noon(2026, 12, 1), nil),
        (noon(1970, 1, 2), nil),
    ] as [(Int, String?)])
    func modificationTimes(_ seconds: Int, _ problem: String?) throws {
        let workspace = try Workspace()
        let path = workspace.inbox.appending("a.txt")
        try write(Self.article, to: path, seconds: seconds)
        let processor = try processor(workspace)
        let outcome = try processor.process(path)
        if let problem {
            guard case .rejected(let reason) = outcome else {
                Issue.record("expected a rejection, got \(outcome)")
                return
            }
            // The file system may clamp the time it stores (ext4: 1901-12-13 to 2446-05-10): the reason still says why.
            #expect(reason.contains(path.string) && reason.contains("its modification time"))
            #expect(reason.contains(problem) || reason.contains("is before 1970-01-02"), "\(reason)")
            #expect(try processor.process(path) == .unchanged, "reported once, not again")
            #expect(try processor.store.counts().filesRejected == 1)
        } else {
            #expect(outcome == .processed(alerts: 1))
        }
    }

    @Test func aRejectedFileIsReconsideredWhenItsTimeIsFixedAndNotWhenDeleted() throws {
        let workspace = try Workspace()
        let processor = try processor(workspace)
        let fixed = workspace.inbox.appending("fixed.txt")
        let deleted = workspace.inbox.appending("deleted.txt")
        let untouched = workspace.inbox.appending("good.txt")
        try write(Self.article, to: fixed, seconds: Self.noon(2300, 1, 1))
        try write(Self.article.replacingOccurrences(of: "EU", with: "UK"), to: deleted, seconds: Self.noon(2300, 1, 1))
        try write(Self.article.replacingOccurrences(of: "EU", with: "Japan"), to: untouched, seconds: Self.noon(2026, 12, 1))
        for path in [fixed, deleted] {
            guard case .rejected = try processor.process(path) else { Issue.record("\(path) not rejected"); return }
        }
        #expect(try processor.process(untouched) == .processed(alerts: 1))
        #expect(try processor.reconsider(fixed) == .unchanged, "same identity: not reported again")
        var times = [timespec(tv_sec: Self.noon(2026, 11, 30), tv_nsec: 0), timespec(tv_sec: Self.noon(2026, 11, 30), tv_nsec: 0)]
        try #require(fixed.withPlatformString { utimensat(AT_FDCWD, $0, &times, 0) } == 0)
        #expect(try processor.reconsider(fixed) == .processed(alerts: 1))
        try FileManager.default.removeItem(atPath: deleted.string)
        #expect(try processor.reconsider(deleted) == .ignored, "a deleted file is not reported as vanished")
        #expect(try processor.reconsider(untouched) == .ignored, "a file never rejected is left to its writer")
        #expect(try processor.store.counts().filesRejected == 1)
    }

    @Test func aProcessedFileTouchedIntoTheFutureIsUnchanged() throws {
        let workspace = try Workspace()
        let path = workspace.inbox.appending("a.txt")
        try write(Self.article, to: path, seconds: Self.noon(2026, 12, 1))
        let processor = try processor(workspace)
        #expect(try processor.process(path) == .processed(alerts: 1))
        for seconds in [Self.noon(2300, 1, 1), Self.noon(1600, 1, 1), Int(Int64.max / 2)] {
            var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
            try #require(path.withPlatformString { utimensat(AT_FDCWD, $0, &times, 0) } == 0)
            #expect(try processor.process(path) == .unchanged)
        }
        // Rewritten with the hostile time: now its dates cannot be read, so it is rejected.
        try write(Self.article + "More.\n", to: path, seconds: Self.noon(2300, 1, 1))
        guard case .rejected = try processor.process(path) else {
            Issue.record("a changed file dated 2300 must be rejected")
            return
        }
    }
}
