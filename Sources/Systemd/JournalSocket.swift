import Synchronization
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// journald's native protocol over our own non-blocking datagram socket, so a stalled journald
/// (SIGSTOPped, or too busy to drain its socket) costs a bounded wait, never a hang.
///
/// `sd_journal_sendv` blocks in `sendmsg` while journald's queue is full: with journald stopped the
/// daemon ignored SIGTERM for as long. Here a full queue is retried until a deadline, then reported as
/// `.journalBusy`; after one such timeout the next sends do not wait at all until one gets through,
/// so a burst of log lines during a stall costs one wait, not one per line.
final class JournalSocket: Sendable {
    static let shared = JournalSocket()

    private struct State {
        var fd: CInt = -1
        var stalled = false
    }

    private let state = Mutex(State())

    /// Sends one serialised entry, waiting at most `timeout` while journald's queue is full.
    func send(_ datagram: [UInt8], timeout: Duration) throws(JournalError) {
        let result: Result<Void, JournalError> = state.withLock { state in
            if state.fd < 0 {
                let fd = socket(AF_UNIX, CInt(SOCK_DGRAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue) | CInt(SOCK_NONBLOCK.rawValue), 0)
                guard fd >= 0 else { return .failure(.sendFailed(Errno(rawValue: errno))) }
                // Room for large entries (capped by net.core.wmem_max).
                var size: CInt = 8 * 1024 * 1024
                _ = setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<CInt>.size))
                state.fd = fd
            }
            let wasStalled = state.stalled
            let deadline = ContinuousClock.now + (wasStalled ? .zero : timeout)
            var pause = Duration.milliseconds(1)
            while true {
                let errno = Self.sendOnce(state.fd, datagram)
                switch errno {
                case nil:
                    state.stalled = false
                    return .success(())
                case .interrupted?:
                    continue
                case .resourceTemporarilyUnavailable?, .noBufferSpace?:
                    let now = ContinuousClock.now
                    guard now < deadline else {
                        state.stalled = true
                        return .failure(.journalBusy(waited: wasStalled ? .zero : timeout))
                    }
                    Self.sleep(min(pause, now.duration(to: deadline)))
                    pause = min(pause * 2, .milliseconds(50))
                case .connectionRefused?, .noSuchFileOrDirectory?:
                    state.stalled = false
                    return .failure(.journalNotRunning(errno!))
                case let other?:
                    return .failure(.sendFailed(other))
                }
            }
        }
        try result.get()
    }

    /// One `sendto(2)` to journald's socket; nil on success, else the errno.
    private static func sendOnce(_ fd: CInt, _ datagram: [UInt8]) -> Errno? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(Journal.socketPath.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.prefix(raw.count - 1))
        }
        let length = socklen_t(MemoryLayout.offset(of: \sockaddr_un.sun_path)! + path.count)
        let sent = datagram.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, bytes.baseAddress, bytes.count, CInt(MSG_NOSIGNAL), $0, length)
                }
            }
        }
        return sent < 0 ? Errno(rawValue: errno) : nil
    }

    private static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        _ = nanosleep(&request, nil)
    }

    /// The native protocol: `NAME=value\n`, or for a value holding a newline `NAME\n`, its length as
    /// 64-bit little endian, the value, `\n` (systemd's `journal-send.c`).
    static func datagram(_ fields: [JournalField]) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 10 })
        for field in fields {
            buffer.append(contentsOf: field.name.utf8)
            if field.value.utf8.contains(UInt8(ascii: "\n")) {
                buffer.append(UInt8(ascii: "\n"))
                withUnsafeBytes(of: UInt64(field.value.utf8.count).littleEndian) { buffer.append(contentsOf: $0) }
            } else {
                buffer.append(UInt8(ascii: "="))
            }
            buffer.append(contentsOf: field.value.utf8)
            buffer.append(UInt8(ascii: "\n"))
        }
        return buffer
    }
}
