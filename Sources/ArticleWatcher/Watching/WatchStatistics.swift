import Synchronization

/// Counters shared between the watcher thread (writer) and the watcher's owner (reader), lock-free.
final class WatchStatistics: Sendable {
    /// Events dropped because the consumer's buffer was full; each drop is covered by an owed `rescanNeeded`.
    let droppedEvents = Atomic<Int>(0)
}
