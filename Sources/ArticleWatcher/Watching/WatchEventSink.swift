/// Where a watcher hands its events, on the watcher's own thread. A consumer that acts on files as they
/// come takes them there without a hop through the cooperative pool (the daemon's ingest lane: a file then
/// wakes one thread, not the event loop's and then the lane's); `DirectoryWatcher.events()` adapts a sink
/// to an `AsyncStream` for everyone else.
public protocol WatchEventSink: Sendable {
    /// Takes one event. Called only from the watcher's thread, and must not block: a consumer that is
    /// behind answers `.full`, and the watcher owes it one `rescanNeeded` instead of the events it drops.
    func offer(_ event: WatchEvent) -> WatchEventOffer
    /// The watcher stopped (asked to, or its inotify descriptor failed): no event follows.
    func finish()
}

/// What a sink did with an event.
public enum WatchEventOffer: Sendable, Equatable {
    /// Taken: the consumer will see it.
    case accepted
    /// Not taken, the consumer being too far behind: the watcher owes a rescan.
    case full
    /// The consumer is gone: the watcher stops.
    case closed
}

/// `DirectoryWatcher.events()`'s sink: the stream's buffer is the consumer's backlog.
struct StreamSink: WatchEventSink {
    let continuation: AsyncStream<WatchEvent>.Continuation

    func offer(_ event: WatchEvent) -> WatchEventOffer {
        switch continuation.yield(event) {
        case .enqueued: .accepted
        case .dropped: .full
        case .terminated: .closed
        @unknown default: .accepted
        }
    }

    func finish() { continuation.finish() }
}
