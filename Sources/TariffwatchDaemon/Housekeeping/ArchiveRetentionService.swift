import FactStore
import Foundation
import Logging
import ServiceLifecycle
import SystemPackage

/// `watch.retention_days`: deletes files the daemon archived once they are that many days in the archive.
///
/// One timer, set to when the oldest archived file falls due; none while the archive holds nothing of ours
/// (idle means idle). Woken when a file is archived (the timer may need arming) and at start-up (files that
/// fell due while the daemon was down). Only files the daemon archived itself are pruned, and only while the
/// name still holds that file (device, inode, size, mtime): anything else in the archive folder is left alone.
struct ArchiveRetentionService: Service {
    let store: FactStore
    let retentionDays: Int
    /// Signalled by the housekeeper after each archived file.
    let wake: WakeChannel
    let clock: any ReminderClock
    let lane: BlockingLane
    var settle: Duration = .milliseconds(250)
    let logger: Logger

    var retention: TimeInterval { TimeInterval(retentionDays) * 86_400 }

    func run() async throws {
        await DueTimerLoop.run(wake: wake, clock: clock, settle: settle) { await look() }
    }

    /// Prunes what is due; returns when the next archived file falls due.
    private func look() async -> Date? {
        let (store, now, retention, logger) = (self.store, clock.now(), self.retention, self.logger)
        do {
            return try await lane.run {
                var pruned = 0
                while true {
                    let due = try store.archivedFiles(through: now.addingTimeInterval(-retention), limit: 500)
                    if due.isEmpty { break }
                    var forget: [String] = []
                    for file in due {
                        let path = FilePath(file.path)
                        do {
                            if let there = try InboxSyscalls.identity(of: path), there.device == file.device, there.inode == file.inode,
                                there.size == file.size, there.modificationTimeNanoseconds == file.modificationTimeNanoseconds
                            {
                                try InboxSyscalls.unlink(path)
                                pruned += 1
                            }
                            forget.append(file.path)
                        } catch {
                            // Kept in the list, tried again at the next due time or start.
                            logger.error("cannot delete the archived file \(path) after its retention: \(error)", metadata: ["file": "\(path)"])
                        }
                    }
                    try store.forgetArchivedFiles(forget)
                    if forget.count < due.count { break }
                }
                if pruned > 0 {
                    logger.info("deleted \(pruned) archived file(s) older than \(retentionDays) day(s) (watch.retention_days)")
                }
                // Files that could not be deleted keep the oldest time in the past: try again in an hour, not at once.
                guard let oldest = try store.oldestArchiveTime() else { return nil }
                let due = oldest.addingTimeInterval(retention)
                return due > now ? due : now.addingTimeInterval(3_600)
            }
        } catch {
            logger.error("cannot prune the archive; will retry", metadata: ["error": "\(error)"])
            return clock.now().addingTimeInterval(60)
        }
    }
}
