import CConcurrencyHook
import NIOCore
import NIOPosix

/// Swift concurrency's global executor for every async command: SwiftNIO's event loops instead of libdispatch's
/// global queues.
///
/// On Linux the first worker thread of a libdispatch global queue registers with libdispatch's pool monitor, which
/// arms a timer that fires every second for the life of the process (`_dispatch_workq_monitor_pools`) even when
/// every queue is empty: an idle daemon woke once a second for nothing (README, "Speed at every scale"). Arming
/// it also starts libdispatch's event thread, which asks for nice -4 and is refused to an unprivileged user
/// (`Failed to set thread priority for worker thread … errno=13`, even for `check-config`). NIO's loops block in
/// `epoll_wait` with no timeout when they have nothing to do. `Task.sleep` still ends on a libdispatch timer
/// whatever the executor (the runtime schedules it), so the daemon pauses with `Pause`. Blocking work runs on
/// its own lanes (`BlockingLane`, serial queues: overcommit, unmonitored, default QoS), never on these loops.
enum EventLoopExecutor {
    /// Whether the loops run Swift concurrency's jobs. The first read installs them, so it must come on the main
    /// thread before any task is created (`Tariffwatch.main`). Without the hook (another toolchain) the default
    /// executor stays, which is equally correct but wakes once a second; `run` says so in the log.
    static let isInstalled = install()

    private static func install() -> Bool {
        guard let hook = tariffwatch_enqueue_global_hook() else {
            return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        // The statically linked release build, where NIO's dlsym cannot see the hook (CConcurrencyHook/shim.h):
        // the same installation, through the address the linker resolved.
        guard hook.pointee == nil else { return false }
        hook.pointee = unsafeBitCast(enqueueOnEventLoop, to: UnsafeMutableRawPointer.self)
        return true
    }

    /// The runtime's hook type: the job, and the runtime's own enqueue (unused: every job goes to a loop).
    private typealias EnqueueHook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    /// Runs the job on an event loop of NIO's singleton group: the current one when called on a loop.
    private static let enqueueOnEventLoop: EnqueueHook = { job, _ in
        MultiThreadedEventLoopGroup.singleton.any().executor.enqueue(job)
    }
}
