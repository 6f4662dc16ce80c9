import FactStore
import Foundation
import Glibc
import Logging
import SystemPackage

/// `watch.after_processing`: moves a processed file into the archive or deletes it, after its facts are committed.
///
/// The state queues the action in the transaction that records the file, so the order is always commit, then
/// act. A crash in between leaves the action queued and `finishPending()` does it at the next start, before the
/// folder is scanned (the state knows the file: it is not processed again). Only the version that was processed
/// is touched: a file changed or replaced under the same name since is left to be processed itself. A move is a
/// `rename` that never overwrites: a name already in the archive gets `-2`, `-3`, … before its extension.
/// Rejected files are never queued: they stay where the operator can fix them (a permission, a date) and have
/// them read again. A power cut can undo a rename the state already counts as done; the file is then found
/// unchanged at the next start and moved again.
struct InboxHousekeeper: Sendable {
    let mode: AfterProcessing
    let watchDirectory: FilePath
    let archiveDirectory: FilePath?
    let store: FactStore
    let logger: Logger
    /// Told after a file was archived: the retention timer may need arming.
    var archived: WakeChannel?
    /// Now, for the archive's timestamps (tests pass a fixed one).
    var now: @Sendable () -> Date = { Date() }

    /// What the state queues for a processed file; nil for `keep`.
    var action: InboxAction? { mode.inboxAction }

    /// Does every action a crash left queued (start-up, before the scan).
    func finishPending() throws(FactStoreError) {
        for pending in try store.pendingInboxActions() {
            guard pending.action == action else {
                // watch.after_processing changed across the restart: the file stays where it is.
                logger.notice(
                    "not doing the \(pending.action.rawValue) queued for \(pending.path) before the restart: watch.after_processing is now \(mode.rawValue)")
                try store.completeInboxAction(path: pending.path)
                continue
            }
            try finish(pending)
        }
    }

    /// Queues and does the action for a file the state already knew unchanged (found again by a scan or an event).
    func finishKnown(_ file: FileRecord) throws(FactStoreError) {
        guard let action else { return }
        let pending = PendingInboxAction(action, for: file)
        try store.queueInboxAction(pending, now: now())
        try finish(pending)
    }

    /// Does one queued action and records that it is done.
    func finish(_ pending: PendingInboxAction) throws(FactStoreError) {
        let path = FilePath(pending.path)
        let current: InboxSyscalls.Identity?
        do {
            current = try InboxSyscalls.identity(of: path)
        } catch {
            logger.error("cannot look at \(path) to \(pending.action.rawValue) it after processing: \(error); left in place")
            return try store.completeInboxAction(path: pending.path)
        }
        guard let current, Self.isVersion(current, of: pending) else {
            if pending.action == .move, let target = pending.target.map({ FilePath($0) }),
                let there = try? InboxSyscalls.identity(of: target), Self.isVersion(there, of: pending)
            {
                // Renamed before a crash that came before the state heard of it.
                return try store.completeInboxAction(path: pending.path, archived: archivedFile(pending, at: target))
            }
            logger.debug(
                current == nil ? "\(path) is already gone" : "\(path) changed since it was processed; left for processing",
                metadata: ["file": "\(path)"])
            return try store.completeInboxAction(path: pending.path)
        }
        switch pending.action {
        case .delete:
            do {
                try InboxSyscalls.unlink(path)
                logger.debug("deleted \(path) after processing", metadata: ["file": "\(path)"])
            } catch {
                logger.error("cannot delete \(path) after processing: \(error); it stays in the watched folder", metadata: ["file": "\(path)"])
            }
            try store.completeInboxAction(path: pending.path)
        case .move:
            try move(pending, from: path)
        }
    }

    private func move(_ pending: PendingInboxAction, from path: FilePath) throws(FactStoreError) {
        guard let archiveDirectory, let name = path.lastComponent else {
            return try store.completeInboxAction(path: pending.path)
        }
        // A file from a subfolder (watch.recursive) keeps its subfolder in the archive.
        var folder = archiveDirectory
        let parent = path.removingLastComponent()
        if parent.starts(with: watchDirectory) {
            for component in parent.components.dropFirst(watchDirectory.components.count) { folder.append(component) }
        }
        do {
            var created = archiveDirectory
            for component in folder.components.dropFirst(archiveDirectory.components.count) {
                created.append(component)
                if (try? InboxSyscalls.identity(of: created)) != nil { continue }
                try FileManager.default.createDirectory(atPath: created.string, withIntermediateDirectories: false)
                StateOwnership.adopt(path: created.string)
            }
        } catch {
            logger.error("cannot create the archive folder \(folder): \(error); \(path) stays in the watched folder")
            return try store.completeInboxAction(path: pending.path)
        }
        for number in 1...Self.maxCollisions {
            let target = folder.appending(Self.archiveName(name, number: number))
            if (try? InboxSyscalls.identity(of: target)) != nil { continue }
            // The name is recorded first, so a crash right after the rename is recognised as a finished move.
            try store.setInboxActionTarget(path: pending.path, target: target.string)
            do {
                try InboxSyscalls.renameNoReplace(path, to: target)
            } catch .fileExists {
                continue  // taken between the look and the rename
            } catch {
                let hint = error == .improperLink ? " (the archive is on another filesystem or mount)" : ""
                logger.error(
                    "cannot move \(path) to the archive \(target): \(error)\(hint); it stays in the watched folder",
                    metadata: ["file": "\(path)"])
                return try store.completeInboxAction(path: pending.path)
            }
            logger.debug("moved \(path) to \(target) after processing", metadata: ["file": "\(path)", "archived": "\(target)"])
            try store.completeInboxAction(path: pending.path, archived: archivedFile(pending, at: target))
            archived?.signal()
            return
        }
        logger.error("cannot move \(path) to the archive: \(Self.maxCollisions) files of that name are there; it stays in the watched folder")
        try store.completeInboxAction(path: pending.path)
    }

    private func archivedFile(_ pending: PendingInboxAction, at target: FilePath) -> ArchivedFile {
        ArchivedFile(
            path: target.string, source: pending.path, device: pending.device, inode: pending.inode, size: pending.size,
            modificationTimeNanoseconds: pending.modificationTimeNanoseconds, archivedAt: now())
    }

    /// How many files of one name the archive takes before a move gives up.
    static let maxCollisions = 10_000

    /// `report.txt`, then `report-2.txt`, `report-3.txt`, …; a name without extension gets the number at its end.
    static func archiveName(_ name: FilePath.Component, number: Int) -> FilePath.Component {
        guard number > 1 else { return name }
        let numbered = name.extension.map { "\(name.stem)-\(number).\($0)" } ?? "\(name.string)-\(number)"
        return FilePath.Component(numbered) ?? name
    }

    /// Whether `identity` is the regular file, in the version, that was processed.
    static func isVersion(_ identity: InboxSyscalls.Identity, of pending: PendingInboxAction) -> Bool {
        identity.isRegularFile && identity.device == pending.device && identity.inode == pending.inode
            && identity.size == pending.size && identity.modificationTimeNanoseconds == pending.modificationTimeNanoseconds
    }

    /// Fails at start when files could not be renamed from the watched folder into the archive (another filesystem,
    /// or another mount of the same one, as separate `ReadWritePaths=` entries are): a probe file is renamed from
    /// the archive into the folder, before the folder is watched, and removed.
    static func checkRenameWorks(from watched: FilePath, to archive: FilePath) throws(ApplicationError) {
        let name = ".tariffwatch-rename-probe-\(getpid())"
        let probe = archive.appending(name), landed = watched.appending(name)
        let created = probe.withPlatformString { open($0, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600) }
        guard created >= 0 else {
            throw ApplicationError(
                what: "cannot use the archive folder \(archive) (watch.archive_directory)", reason: "cannot create a file in it: \(Errno(rawValue: errno))")
        }
        close(created)
        defer {
            try? InboxSyscalls.unlink(probe)
            try? InboxSyscalls.unlink(landed)
        }
        do {
            try InboxSyscalls.renameNoReplace(probe, to: landed)
        } catch .improperLink {
            throw ApplicationError(
                what: "cannot use the archive folder \(archive) (watch.archive_directory)",
                reason:
                    "it is on another filesystem or mount than the watched folder \(watched); processed files are moved by rename, never copied. Choose a folder on the same mount (under systemd: inside the same ReadWritePaths= entry)")
        } catch {
            throw ApplicationError(
                what: "cannot use the archive folder \(archive) (watch.archive_directory)", reason: "cannot rename a file from it into \(watched): \(error)")
        }
    }
}
