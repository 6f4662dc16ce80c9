import GRDB
import Synchronization

extension FactStore {
    /// Pools kept until the process exits (see `keepUntilExit`).
    private static let keptPools = Mutex<[DatabasePool]>([])

    /// Keeps the database open until the process exits, for a read-only command about to end: the kernel closes
    /// its descriptors then, and a read-only connection leaves nothing to checkpoint.
    ///
    /// Freeing (or closing) the pool would free GRDB's dispatch queues, and libdispatch frees their queue-specific
    /// values on its default global queue, whose first worker arms libdispatch's pool monitor and so starts its
    /// event thread: nice -4, refused to an unprivileged process (`Failed to set thread priority for worker thread
    /// … errno=13`; README).
    public func keepUntilExit() {
        Self.keptPools.withLock { $0.append(pool) }
    }
}
