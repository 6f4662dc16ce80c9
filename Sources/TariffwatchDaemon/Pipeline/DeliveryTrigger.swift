import FactStore
import Synchronization

/// Wakes the delivery loops (one per sink) when files were processed. A signal that arrives while a
/// delivery runs is kept (one, however many came), so the loop delivers again at once and a burst of
/// 20,000 files causes as many deliveries as the loop can do back to back, with no fixed pause.
public final class DeliveryTrigger: Sendable {
    private let channels: [AlertSink: WakeChannel] = Dictionary(
        uniqueKeysWithValues: AlertSink.allCases.map { ($0, WakeChannel()) })

    public init() {}

    /// Asks every sink for a delivery now (or right after the one that is running).
    public func signal() {
        for channel in channels.values { channel.signal() }
    }

    /// Asks one sink for a delivery now (its target came back).
    func signal(_ sink: AlertSink) {
        channels[sink]!.signal()
    }

    /// Tells the feed's loop that the ingest lane published the feed (`AlertDispatcher.publishFeedAtOnce`):
    /// only its sync and marks are owed, after the linger, so the loop reads nothing from the store (unless
    /// a delivery is asked for too, which wins).
    func signalFeedPublished() {
        channels[.feed]!.signal(settleOnly: true)
    }

    /// No more signals: each delivery loop flushes once more and returns.
    func finish() {
        for channel in channels.values { channel.finish() }
    }

    /// Waits for a signal for `sink`, for `timeout` (nil: no timer at all), or the end.
    func wait(for sink: AlertSink, timeout: Duration?) async -> WakeChannel.Wake {
        await channels[sink]!.wait(timeout: timeout)
    }

    /// Whether a signal for `sink` is waiting (its next `wait` returns at once).
    func isSignalled(for sink: AlertSink) -> Bool { channels[sink]!.isSignalled }
}

/// One loop's wake-ups: a kept signal, a timeout, or the end.
final class WakeChannel: Sendable {
    /// Why `wait` returned.
    enum Wake: Equatable {
        case signalled, timedOut, finished
        /// Only the feed's sync is owed (`DeliveryTrigger.signalFeedPublished`).
        case settleSignalled
    }

    private struct State {
        /// A kept signal: nil, a delivery (`.signalled`) or only a settle (`.settleSignalled`).
        var pending: Wake?
        var finished = false
        var waiter: (generation: Int, continuation: CheckedContinuation<Wake, Never>)?
        var generation = 0
        var expired = -1
    }

    private let state = Mutex(State())

    /// Wakes the waiter, or the next `wait` at once; `settleOnly`: for the feed's sync alone, which a
    /// delivery signal, kept or later, replaces.
    func signal(settleOnly: Bool = false) {
        let wake: Wake = settleOnly ? .settleSignalled : .signalled
        let waiter = state.withLock { state -> CheckedContinuation<Wake, Never>? in
            guard let waiter = state.waiter else {
                if state.pending != .signalled { state.pending = wake }
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(returning: wake)
    }

    /// Whether a delivery signal is waiting (the next `wait` returns at once for a delivery).
    var isSignalled: Bool { state.withLock { $0.pending == .signalled } }

    /// No more signals: the delivery loop flushes once more and returns.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Wake, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume(returning: .finished)
    }

    /// Waits for a signal, for `timeout` (nil: no timer at all, so an idle daemon sleeps), or the end.
    func wait(timeout: Duration?) async -> Wake {
        let generation = state.withLock { state -> Int in
            state.generation += 1
            return state.generation
        }
        return await withTaskGroup(of: Void.self) { group in
            if let timeout {
                group.addTask {
                    try? await Pause.sleep(for: timeout)
                    self.expire(generation)
                }
            }
            let wake = await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in register(continuation, generation: generation) }
            } onCancel: {
                self.expire(generation)
            }
            group.cancelAll()
            return wake
        }
    }

    private func register(_ continuation: CheckedContinuation<Wake, Never>, generation: Int) {
        let immediate = state.withLock { state -> Wake? in
            if let pending = state.pending {
                state.pending = nil
                return pending
            }
            if state.finished { return .finished }
            if state.expired == generation { return .timedOut }
            state.waiter = (generation, continuation)
            return nil
        }
        if let immediate { continuation.resume(returning: immediate) }
    }

    private func expire(_ generation: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Wake, Never>? in
            state.expired = generation
            guard let waiter = state.waiter, waiter.generation == generation else { return nil }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(returning: .timedOut)
    }
}
