public import Foundation
import GRDB

/// What happens to a file in the watched folder once its facts are committed (`watch.after_processing`).
public enum InboxAction: String, Sendable, Equatable, CaseIterable {
    /// Moved into the archive folder.
    case move
    /// Unlinked.
    case delete
}

/// A move or delete recorded but maybe not yet done: the version of the file at `path` that was processed
/// (device, inode, size, modification time). A file changed or replaced since is left for its own processing.
public struct PendingInboxAction: Sendable, Equatable {
    public var path: String
    public var action: InboxAction
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modificationTimeNanoseconds: Int64
    /// For a move, the archive name chosen before the rename, so a crash right after it is recognised.
    public var target: String?

    public init(
        path: String, action: InboxAction, device: UInt64, inode: UInt64, size: Int64, modificationTimeNanoseconds: Int64,
        target: String? = nil
    ) {
        self.path = path
        self.action = action
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.target = target
    }

    /// The action for the version of a file that `file` recorded.
    public init(_ action: InboxAction, for file: FileRecord) {
        self.init(
            path: file.path, action: action, device: file.device, inode: file.inode, size: file.size,
            modificationTimeNanoseconds: file.modificationTimeNanoseconds)
    }
}

/// A file the daemon moved into the archive (and may prune after `watch.retention_days`): which file and which
/// version (an inode number freed by a deletion is soon given to a new file).
public struct ArchivedFile: Sendable, Equatable {
    public var path: String
    public var source: String
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modificationTimeNanoseconds: Int64
    public var archivedAt: Date

    public init(
        path: String, source: String, device: UInt64, inode: UInt64, size: Int64, modificationTimeNanoseconds: Int64,
        archivedAt: Date
    ) {
        self.path = path
        self.source = source
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.archivedAt = archivedAt
    }
}

extension FactStore {
    /// Queues `action` for a file whose facts are already in the state (an unchanged file found again).
    public func queueInboxAction(_ action: PendingInboxAction, now: Date = Date()) throws(FactStoreError) {
        try write("queue the \(action.action.rawValue) of \(action.path)") { db in try Self.insert(action, db: db, now: now) }
    }

    static func insert(_ action: PendingInboxAction, db: Database, now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO inbox_actions (path, action, device, inode, size, mtime_ns, target, queued_at)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
                ON CONFLICT(path) DO UPDATE SET action = excluded.action, device = excluded.device, inode = excluded.inode,
                    size = excluded.size, mtime_ns = excluded.mtime_ns, target = NULL, queued_at = excluded.queued_at
                """,
            arguments: [
                action.path, action.action.rawValue, Int64(bitPattern: action.device), Int64(bitPattern: action.inode),
                action.size, action.modificationTimeNanoseconds, DatabaseTimestamp.value(of: now),
            ])
    }

    /// Moves and deletes recorded but not known to be done, oldest first (finished at start-up).
    public func pendingInboxActions() throws(FactStoreError) -> [PendingInboxAction] {
        try read("read the pending inbox actions") { db in
            guard try db.tableExists("inbox_actions") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM inbox_actions ORDER BY queued_at, path").compactMap { row in
                guard let action = InboxAction(rawValue: row["action"]) else { return nil }
                return PendingInboxAction(
                    path: row["path"], action: action, device: UInt64(bitPattern: row["device"]),
                    inode: UInt64(bitPattern: row["inode"]), size: row["size"], modificationTimeNanoseconds: row["mtime_ns"],
                    target: row["target"])
            }
        }
    }

    /// Records the archive name a move is about to use.
    public func setInboxActionTarget(path: String, target: String) throws(FactStoreError) {
        try write("record the archive name of \(path)") { db in
            try db.execute(sql: "UPDATE inbox_actions SET target = ? WHERE path = ?", arguments: [target, path])
        }
    }

    /// The action for `path` is done (or moot); a move also records the archived file, in the same transaction.
    public func completeInboxAction(path: String, archived: ArchivedFile? = nil) throws(FactStoreError) {
        try write("record the housekeeping of \(path)") { db in
            try db.execute(sql: "DELETE FROM inbox_actions WHERE path = ?", arguments: [path])
            if let archived {
                try db.execute(
                    sql: """
                        INSERT INTO archived_files (path, source, device, inode, size, mtime_ns, archived_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(path) DO UPDATE SET source = excluded.source, device = excluded.device,
                            inode = excluded.inode, size = excluded.size, mtime_ns = excluded.mtime_ns,
                            archived_at = excluded.archived_at
                        """,
                    arguments: [
                        archived.path, archived.source, Int64(bitPattern: archived.device), Int64(bitPattern: archived.inode),
                        archived.size, archived.modificationTimeNanoseconds, DatabaseTimestamp.value(of: archived.archivedAt),
                    ])
            }
        }
    }

    /// When the oldest archived file was archived, or nil when the archive holds none of ours.
    public func oldestArchiveTime() throws(FactStoreError) -> Date? {
        try read("read the archive") { db in
            try DatabaseValue.fetchOne(db, sql: "SELECT MIN(archived_at) FROM archived_files").flatMap(DatabaseTimestamp.date(from:))
        }
    }

    /// Files archived at or before `date`, oldest first.
    public func archivedFiles(through date: Date, limit: Int = 1_000) throws(FactStoreError) -> [ArchivedFile] {
        try read("read the archive") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM archived_files WHERE archived_at <= ? ORDER BY archived_at LIMIT ?", arguments: [DatabaseTimestamp.value(of: date), limit]
            ).map { row in
                ArchivedFile(
                    path: row["path"], source: row["source"], device: UInt64(bitPattern: row["device"]),
                    inode: UInt64(bitPattern: row["inode"]), size: row["size"], modificationTimeNanoseconds: row["mtime_ns"],
                    archivedAt: try row.timestamp("archived_at"))
            }
        }
    }

    /// Forgets archived files (pruned, or gone by other hands).
    public func forgetArchivedFiles(_ paths: [String]) throws(FactStoreError) {
        guard !paths.isEmpty else { return }
        try write("forget \(paths.count) archived files") { db in
            for path in paths { try db.execute(sql: "DELETE FROM archived_files WHERE path = ?", arguments: [path]) }
        }
    }
}
