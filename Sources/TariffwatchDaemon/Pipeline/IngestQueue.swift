import ArticleWatcher
import Dispatch
import Synchronization

/// The watcher's events on their way to the ingest lane, taken in batches: whatever arrived while the last
/// batch was processed, up to a maximum. One file at a time when files come one at a time (no waiting to fill
/// a batch); whole batches under a burst, so the state commits once per batch.
///
/// The watcher's thread offers each event here and the ingest lane's thread, blocked in `take`, wakes for it:
/// one thread hand-off between the inotify read and the file's processing, where an `AsyncStream` read on the
/// event loop added a second (the event loop's thread, then the lane's), 0.2 to 0.3 ms of a lone file's way
/// to the feed on this project's machine.
///
/// Bounded: past `capacity` waiting events an offer is refused (`.full`) and the watcher owes one rescan
/// instead, so memory stays bounded and nothing is lost.
final class IngestQueue: WatchEventSink {
    private struct State {
        var items: [WatchEvent] = []
        var head = 0
        /// The watcher stopped: what waits is still taken, then `take` returns nil.
        var finished = false
        /// The ingest loop stops: `take` returns nil at once, offers are refused.
        var closed = false
        /// The lane's thread waits on `wake`: the next change signals it.
        var sleeping = false

        var count: Int { items.count - head }

        /// Whether the lane's thread sleeps and must be signalled (it is then counted awake).
        mutating func wakeSleeper() -> Bool {
            defer { sleeping = false }
            return sleeping
        }
    }

    private let capacity: Int
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func offer(_ event: WatchEvent) -> WatchEventOffer {
        var offer = WatchEventOffer.accepted
        update { state in
            if state.closed {
                offer = .closed
            } else if state.count >= capacity {
                offer = .full
            } else {
                state.items.append(event)
            }
            return offer == .accepted
        }
        return offer
    }

    /// From the watcher: no more events.
    func finish() {
        update { state in
            state.finished = true
            return true
        }
    }

    /// From the ingest service: stop taking (a graceful shutdown or cancellation); events still waiting are
    /// left to the next start's scan, as the files they name are.
    func close() {
        update { state in
            state.closed = true
            return true
        }
    }

    /// Changes the state under the lock and, when `body` says the change is news for the lane's thread and that
    /// thread sleeps, wakes it: the one place a sleeper is signalled, so every signal is taken by one `wait`.
    private func update(_ body: (inout State) -> Bool) {
        if state.withLock({ state in body(&state) && state.wakeSleeper() }) { wake.signal() }
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Up to `maximum` events in arrival order, blocking the calling thread until the first arrives; nil once
    /// closed, or once finished with nothing left. With `quietAfter`, `whenQuiet` runs on the calling thread once
    /// nothing has arrived for that long (then the wait goes on).
    func take(maximum: Int, quietAfter: Duration? = nil, whenQuiet: () -> Void = {}) -> [WatchEvent]? {
        var quiet = quietAfter
        while true {
            let batch = state.withLock { state -> [WatchEvent]?? in
                if state.closed { return .some(nil) }
                guard state.count > 0 else {
                    if state.finished { return .some(nil) }
                    state.sleeping = true
                    return nil
                }
                let end = min(state.items.count, state.head + max(1, maximum))
                let batch = Array(state.items[state.head..<end])
                state.head = end
                if state.head == state.items.count {
                    state.items.removeAll(keepingCapacity: true)
                    state.head = 0
                } else if state.head >= 1024 && state.head * 2 >= state.items.count {
                    state.items.removeFirst(state.head)
                    state.head = 0
                }
                return .some(batch)
            }
            if let batch { return batch }
            if let delay = quiet {
                quiet = nil
                if !sleep(upTo: delay) { whenQuiet() }
            } else {
                wake.wait()
            }
        }
    }

    /// Blocks the calling thread for `duration`, or until closed: the pause before retrying a batch the state
    /// refused. Events arriving meanwhile wait. Returns false when closed.
    func pause(for duration: Duration) -> Bool {
        let deadline = ContinuousClock.now + duration
        while true {
            let now = ContinuousClock.now
            let done = state.withLock { state -> Bool? in
                if state.closed { return false }
                if now >= deadline { return true }
                state.sleeping = true
                return nil
            }
            if let done { return done }
            _ = sleep(upTo: now.duration(to: deadline))
        }
    }

    /// Waits on `wake` (the state says the thread sleeps) for at most `duration`: true when signalled, false when
    /// the time ran out with no signal. A signal sent after the timeout but before the lock here is taken from
    /// `wake` too, so every signal is consumed by one wait.
    private func sleep(upTo duration: Duration) -> Bool {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = Int(clamping: seconds) &* 1_000_000_000 &+ Int(attoseconds / 1_000_000_000)
        guard wake.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .timedOut else { return true }
        let signalled = state.withLock { state in
            defer { state.sleeping = false }
            return !state.sleeping
        }
        if signalled { wake.wait() }
        return signalled
    }
}
