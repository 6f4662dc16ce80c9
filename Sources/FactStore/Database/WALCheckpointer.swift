import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// WAL checkpoints off the write path.
///
/// SQLite's automatic checkpoint runs inside the commit that takes the WAL past 1,000 pages: that
/// commit (an ingest batch, at 200 files/s about twice a second) then waits for an `fdatasync` of the
/// WAL, a few hundred page writes to the database and an `fdatasync` of the database, and every alert
/// of the files behind it waits too (the p99 of drop → alert). Instead the writer connection gets a
/// `sqlite3_wal_hook` (which replaces the automatic checkpoint) that hands the checkpoint to a connection
/// and a serial queue of its own: a PASSIVE checkpoint takes no write lock, so commits go on meanwhile.
/// Durability does not change: `synchronous=NORMAL` already syncs only at checkpoints, and the
/// checkpoint syncs the WAL before copying and the database after, as before.
///
/// Should the checkpointer fall far behind (`inlineLimit` pages; readers holding old snapshots), the
/// committing connection checkpoints itself, as SQLite would have, so the WAL stays bounded.
final class WALCheckpointer: Sendable {
    /// SQLite's own automatic checkpoint size, in pages.
    static let threshold: CInt = 1_000
    /// Past this many pages the writer checkpoints inline again.
    static let inlineLimit: CInt = 8_000

    private let path: String
    private let queue = DispatchQueue(label: "tariffwatch.checkpoint", qos: .default)
    private struct State {
        var scheduled = false
        var connection: DatabaseQueue?
        /// Checkpoints run by this checkpointer (tests).
        var completed = 0
    }
    private let state = Mutex(State())

    init(path: String) {
        self.path = path
    }

    /// How many checkpoints ran off the write path so far.
    var completed: Int { state.withLock { $0.completed } }

    /// Waits until the checkpoint scheduled last, if any, has run (tests).
    func drain() { queue.sync {} }

    /// Installs the hook on the writer connection (from `prepareDatabase`).
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, walCommitHook, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called after a commit left `frames` pages in the WAL.
    fileprivate func committed(frames: CInt, connection: OpaquePointer?, schema: UnsafePointer<CChar>?) {
        if frames >= Self.inlineLimit {
            sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            return
        }
        guard frames >= Self.threshold else { return }
        let start = state.withLock { state in
            defer { state.scheduled = true }
            return !state.scheduled
        }
        if start { queue.async { self.checkpoint() } }
    }

    /// One PASSIVE checkpoint on the checkpointer's own connection, opened on first use. A failure
    /// leaves the frames in the WAL (still durable there); the next commit past the threshold tries again.
    func checkpoint() {
        defer { state.withLock { $0.scheduled = false } }
        do {
            let connection = try state.withLock { state throws -> DatabaseQueue in
                if let connection = state.connection { return connection }
                var configuration = Configuration()
                configuration.qos = .default
                let connection = try DatabaseQueue(path: path, configuration: configuration)
                state.connection = connection
                return connection
            }
            try connection.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
            state.withLock { $0.completed += 1 }
        } catch {
            // Left to the next commit past the threshold, or to the writer's inline limit.
        }
    }
}

/// `sqlite3_wal_hook`'s callback: a C function, so the checkpointer comes through the context pointer.
private func walCommitHook(
    _ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ schema: UnsafePointer<CChar>?, _ frames: CInt
) -> CInt {
    if let context {
        Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
            .committed(frames: frames, connection: connection, schema: schema)
    }
    return SQLITE_OK
}
