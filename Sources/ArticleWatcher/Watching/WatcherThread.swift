import Glibc
import SystemPackage

/// Starts the one dedicated, detached thread that runs a blocking C read loop off the cooperative pool.
enum WatcherThread {
    private final class Body {
        let run: () -> Void
        init(run: @escaping () -> Void) { self.run = run }
    }

    /// `pthread_create(3)` + `pthread_detach(3)`: nobody joins it; it ends when its loop returns.
    static func start(_ run: @escaping @Sendable () -> Void) throws(Errno) {
        let context = Unmanaged.passRetained(Body(run: run)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { raw in
            let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
            body.run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw Errno(rawValue: result)
        }
        _ = pthread_detach(thread)
    }
}
