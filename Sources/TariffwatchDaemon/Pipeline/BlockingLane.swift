import Dispatch

/// A serial thread for blocking work (extraction, SQLite, `fsync`, journal sends), so the cooperative
/// pool that runs signal handling, the watchdog and the other loops never waits on a slow file or disk.
///
/// One lane per loop: the ingest lane may spend seconds on a hostile file while the delivery lane
/// keeps sending the alerts already found.
struct BlockingLane: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        // Default QoS: libdispatch on Linux turns QoS into nice values, and alerts should not wait behind
        // other work on a loaded machine (user-initiated would ask for nice -4, which a unit is refused).
        queue = DispatchQueue(label: "tariffwatch.\(label)", qos: .default)
    }

    /// Runs `work` on the lane and waits for it without holding a pool thread.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// `run` for work that cannot fail.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
