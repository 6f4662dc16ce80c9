import Synchronization

/// Tells the watchdog whether the daemon makes progress: each loop (ingest, each sink's delivery) reports when it
/// starts and ends a piece of work. Waiting for work is healthy; one piece running longer than the
/// watchdog interval is not (a file the extraction budget did not stop, a disk that hangs), and then
/// the pings stop so systemd restarts the daemon.
public final class Heartbeat: Sendable {
    /// The loops that report.
    enum Loop: String, Sendable, CaseIterable {
        case ingest
        case journalDelivery = "journal-delivery"
        case feedDelivery = "feed-delivery"
    }

    private let busySince = Mutex<[Loop: ContinuousClock.Instant]>([:])

    public init() {}

    func busy(_ loop: Loop) { busySince.withLock { $0[loop] = .now } }
    func idle(_ loop: Loop) { _ = busySince.withLock { $0.removeValue(forKey: loop) } }

    /// The loops busy with one piece of work for longer than `limit`; empty when all are healthy.
    func stuckLoops(limit: Duration) -> [Loop] {
        let now = ContinuousClock.now
        return busySince.withLock { busy in
            Loop.allCases.filter { busy[$0].map { $0.duration(to: now) >= limit } ?? false }
        }
    }
}

/// A growing pause between retries: 1 s, doubling, at most 60 s.
struct RetryBackoff {
    var first = Duration.seconds(1)
    var limit = Duration.seconds(60)
    private var nextDelay: Duration?

    /// The pause before the next retry.
    mutating func next() -> Duration {
        let delay = nextDelay ?? first
        nextDelay = min(delay * 2, limit)
        return delay
    }

    mutating func reset() { nextDelay = nil }

    /// Whether a retry is under way (a failure since the last reset).
    var isRetrying: Bool { nextDelay != nil }
}
