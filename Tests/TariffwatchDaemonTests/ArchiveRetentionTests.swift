import FactStore
import Foundation
import Logging
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// `watch.retention_days` with a faked clock: one timer to the next archived file due, none when nothing is
/// archived, and only the daemon's own files deleted.
@Suite(.serialized) struct ArchiveRetentionTests {
    private func archive(_ name: String, in folder: FilePath, at date: Date, store: FactStore) throws -> ArchivedFile {
        let path = folder.appending(name)
        try "article\n".write(toFile: path.string, atomically: false, encoding: .utf8)
        let identity = try #require(try InboxSyscalls.identity(of: path))
        let file = ArchivedFile(
            path: path.string, source: "/inbox/\(name)", device: identity.device, inode: identity.inode, size: identity.size,
            modificationTimeNanoseconds: identity.modificationTimeNanoseconds, archivedAt: date)
        try store.completeInboxAction(path: "/inbox/\(name)", archived: file)
        return file
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func oneTimerToTheNextDueFileAndNoneWhenIdle() async throws {
        let workspace = try Workspace()
        let folder = workspace.root.appending("archive")
        try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
        let store = try FactStore(directory: workspace.state.string)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let day: TimeInterval = 86_400
        let soon = try archive("soon.txt", in: folder, at: start - 29 * day, store: store)
        let later = try archive("later.txt", in: folder, at: start - 10 * day, store: store)
        // Archived by the daemon, then replaced under the same name by someone else: never deleted.
        let replaced = try archive("replaced.txt", in: folder, at: start - 29 * day, store: store)
        try FileManager.default.removeItem(atPath: replaced.path)
        try "the operator's own notes\n".write(toFile: replaced.path, atomically: false, encoding: .utf8)

        let clock = ManualClock(now: start)
        let wake = WakeChannel()
        let service = ArchiveRetentionService(
            store: store, retentionDays: 30, wake: wake, clock: clock, lane: BlockingLane(label: "test-retention"), settle: .zero,
            logger: Logger(label: "test"))
        let running = Task { try await service.run() }
        defer { running.cancel() }

        try await eventually("one timer, for the first file due") { clock.timers == [soon.archivedAt + 30 * day] }
        #expect(exists(soon.path) && exists(later.path))

        clock.advance(to: soon.archivedAt + 30 * day)
        try await eventually("the due files handled and the next timer set") {
            !exists(soon.path) && clock.timers == [soon.archivedAt + 30 * day, later.archivedAt + 30 * day]
        }
        #expect(exists(replaced.path), "a file the daemon did not archive was deleted")
        #expect(exists(later.path))

        clock.advance(to: later.archivedAt + 30 * day)
        try await eventually("the last file deleted") { !exists(later.path) }
        try await eventually("the archive list empty") { try store.oldestArchiveTime() == nil }
        // Idle: nothing archived, no timer.
        try await Task.sleep(for: .milliseconds(300))
        #expect(clock.timers.count == 2)

        // A newly archived file arms it again.
        let next = try archive("next.txt", in: folder, at: later.archivedAt + 30 * day, store: store)
        wake.signal()
        try await eventually("a timer for the new file") { clock.timers.last == next.archivedAt + 30 * day }
        #expect(clock.timers.count == 3)
    }
}
