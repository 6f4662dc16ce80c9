import CSystemd
import Foundation
import Synchronization
public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A thread of its own that waits in `poll(2)` until a descriptor is readable and calls a handler, until stopped.
///
/// For the kernel notifications a service needs beside its event loops: signals through a self-pipe
/// (`ProcessSignals`), inotify on journald's folder (`JournalSocketWatch`). libdispatch's read and signal sources would do it too, but the first of them (or the first
/// timer) starts libdispatch's event thread, which runs at user-interactive QoS: on Linux libdispatch asks
/// `setpriority(2)` for nice -4 on it, an unprivileged process is refused and libdispatch logs
/// `Failed to set thread priority for worker thread … errno=13` (`_dispatch_worker_thread` in its `queue.c`).
final class DescriptorWatch: Sendable {
    /// The eventfd that ends the thread's `poll`, or nil once the thread has closed it.
    private let wake: Mutex<CInt?>

    /// Starts the thread.
    /// - Parameters:
    ///   - descriptor: a non-blocking descriptor; the watch owns it from here on and closes it when the thread ends.
    ///   - name: the thread's name (`ps -L`), at most 15 bytes.
    ///   - onReadable: called on the thread whenever `descriptor` is readable; reads what is there.
    ///   - onEnd: called on the thread after the last `onReadable`.
    /// - Throws: `Errno` from `eventfd(2)`; `descriptor` is closed then too.
    init(
        descriptor: CInt, name: String, onReadable: @escaping @Sendable () -> Void, onEnd: @escaping @Sendable () -> Void = {}
    ) throws(Errno) {
        let wakeFD = eventfd(0, CInt(EFD_CLOEXEC | EFD_NONBLOCK))
        guard wakeFD >= 0 else {
            let error = Errno(rawValue: errno)
            close(descriptor)
            throw error
        }
        wake = Mutex(wakeFD)
        // The thread keeps the watch alive until it ends.
        let thread = Thread { [self] in
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            while true {
                if poll(&fds, nfds_t(fds.count), -1) < 0 {
                    if errno == EINTR { continue }
                    break
                }
                if fds[1].revents != 0 { break }
                if fds[0].revents & Int16(POLLIN) != 0 {
                    onReadable()
                } else if fds[0].revents != 0 {
                    break  // POLLERR, POLLHUP, POLLNVAL: nothing more will come.
                }
            }
            onEnd()
            close(descriptor)
            self.wake.withLock { fd in
                if let open = fd { close(open) }
                fd = nil
            }
        }
        thread.name = name
        thread.start()
    }

    /// Ends the thread after the handler call in progress, if any; later calls do nothing.
    func stop() {
        wake.withLock { fd in
            guard let open = fd else { return }
            var one: UInt64 = 1
            _ = write(open, &one, MemoryLayout<UInt64>.size)
        }
    }
}
