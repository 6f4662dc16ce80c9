import NIOCore
import NIOPosix

/// `Task.sleep` on an event loop's timer instead of libdispatch's.
///
/// On Linux a `Task.sleep` ends on a libdispatch global queue, and the first worker thread of such a
/// queue arms a once-a-second timer for the rest of the process's life (`EventLoopExecutor` in the
/// command line explains it): one backoff or reminder pause would make the idle daemon wake every second
/// from then on. NIO's loops keep a timer only while a pause is pending.
enum Pause {
    /// Suspends for `duration`.
    /// - Throws: `CancellationError` when the task is cancelled first (as `Task.sleep` does).
    static func sleep(for duration: Duration) async throws {
        let (seconds, attoseconds) = duration.components
        guard seconds > 0 || (seconds == 0 && attoseconds > 0) else { return try Task.checkCancellation() }
        let nanoseconds = seconds >= Int64.max / 1_000_000_000 ? Int64.max / 2 : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let scheduled = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(nanoseconds)) {}
        do {
            try await withTaskCancellationHandler {
                try await scheduled.futureResult.get()
            } onCancel: {
                scheduled.cancel()
            }
        } catch {
            throw CancellationError()
        }
    }
}
