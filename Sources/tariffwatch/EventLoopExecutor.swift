import NIOCore
import NIOPosix

/// Swift concurrency's global executor for the long-running commands: SwiftNIO's event loops instead of
/// libdispatch's global queues.
///
/// On Linux libdispatch runs its own thread pool, and the first worker thread of a global queue arms a
/// timer that fires every second for the life of the process (`_dispatch_workq_monitor_pools`, which
/// checks whether the pool needs another thread) even when every queue is empty: an idle daemon woke
/// once a second for nothing (README, "Speed at every scale"). NIO's loops block in `epoll_wait` with no
/// timeout when they have nothing to do. `Task.sleep` still ends on a libdispatch global queue whatever
/// the executor (the runtime's dispatch executor schedules it), so the daemon pauses with `Pause`.
/// Its blocking work runs on its own lanes (`BlockingLane`), never on these loops' threads.
enum EventLoopExecutor {
    /// Installs the loops; must run on the main thread before any task is created. Without NIO's hook
    /// (another toolchain) the default executor stays, which wakes once a second but is equally correct.
    static func install() {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
