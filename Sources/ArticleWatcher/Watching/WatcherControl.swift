import Synchronization

/// Who owns the loop (and so its file descriptors) right now; the one place start, stop and shutdown meet.
final class WatcherControl: Sendable {
    private enum State {
        /// Created, not started: the watcher owns the loop and its descriptors.
        case idle(WatchLoop)
        /// The thread owns the loop; `wakeFD` stays open until the thread reports it finished.
        case running(wakeFD: CInt)
        /// Finished: the descriptors are closed.
        case stopped
    }

    private let state: Mutex<State>

    init(loop: WatchLoop) {
        state = Mutex(.idle(loop))
    }

    /// Hands the loop to the thread that is about to run it; nil if it was already started or stopped.
    func takeLoopForRunning() -> WatchLoop? {
        state.withLock { state in
            guard case .idle(let loop) = state else { return nil }
            state = .running(wakeFD: loop.wakeFD)
            return loop
        }
    }

    /// Stops the watcher: an idle one closes its descriptors now, a running one is woken to finish and close them.
    func requestStop() {
        state.withLock { state in
            switch state {
            case .idle(let loop):
                Self.close(loop)
                state = .stopped
            case .running(let wakeFD):
                // Under the lock, so the thread cannot close the eventfd (and the number be reused) meanwhile.
                // The only possible failure is a counter overflow after 2^64 stops; the thread is awake by then.
                try? Syscalls.signalEventFD(wakeFD)
            case .stopped:
                break
            }
        }
    }

    /// Whether the descriptors are closed (the thread, if any, has finished).
    var isStopped: Bool {
        state.withLock { state in
            if case .stopped = state { return true }
            return false
        }
    }

    /// Called once by the thread when its loop returned: closes the descriptors exactly once.
    func loopFinished(_ loop: WatchLoop) {
        state.withLock { state in
            Self.close(loop)
            state = .stopped
        }
    }

    private static func close(_ loop: WatchLoop) {
        Syscalls.close(loop.inotifyFD)
        Syscalls.close(loop.wakeFD)
    }
}
