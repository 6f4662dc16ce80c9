import CSystemd
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writing structured entries to the systemd journal.
public enum Journal {
    /// The datagram socket journald listens on for native protocol entries.
    public static let socketPath = "/run/systemd/journal/socket"

    /// Whether journald's socket exists, so `send` can store entries.
    ///
    /// Wraps `stat(2)`. A socket file left behind by a dead journald still counts; `send` then throws
    /// `.journalNotRunning` (ECONNREFUSED).
    public static var isAvailable: Bool {
        var status = stat()
        return stat(socketPath, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
    }

    /// How long `send` waits by default for a journald whose queue is full.
    public static let defaultSendTimeout = Duration.seconds(1)

    /// Sends one entry whose fields are `NAME=value`, over journald's native protocol.
    ///
    /// Values may contain newlines and any bytes. Throws when a name is invalid (nothing is sent), when
    /// journald is not running (the datagram's `sendto` finds no socket or no listener), when journald did
    /// not take the entry within `timeout` (stopped or overloaded: `.journalBusy`), or when the send fails.
    /// Entries too large for one datagram go through `sd_journal_sendv`, which passes them in a sealed memfd;
    /// that path checks for the socket first, as `sd_journal_sendv` silently drops entries when it is
    /// missing, which would lose alerts. (Checked before every send, the `stat` was one system call more on
    /// each alert's way to the journal.)
    public static func send(_ fields: [JournalField], timeout: Duration = defaultSendTimeout) throws(JournalError) {
        for field in fields {
            if let reason = JournalField.problem(withName: field.name) {
                throw .invalidFieldName(field.name, reason: reason)
            }
        }
        do {
            try JournalSocket.shared.send(JournalSocket.datagram(fields), timeout: timeout)
        } catch .sendFailed(.messageTooLong) {
            guard isAvailable else { throw .journalNotRunning(.noSuchFileOrDirectory) }
            try sendThroughLibsystemd(fields)
        }
    }

    /// `sd_journal_sendv`: blocking, used only for entries larger than a datagram.
    private static func sendThroughLibsystemd(_ fields: [JournalField]) throws(JournalError) {
        let library: LibSystemd
        do { library = try LibSystemd.loaded.get() } catch { throw .libraryMissing(error) }
        // One buffer holding every "NAME=value", and an iovec per field pointing into it.
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        buffer.reserveCapacity(fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 1 })
        for field in fields {
            let start = buffer.count
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(UInt8(ascii: "="))
            buffer.append(contentsOf: field.value.utf8)
            ranges.append(start..<buffer.count)
        }
        let result = buffer.withUnsafeMutableBytes { bytes -> CInt in
            let vectors = ranges.map { range in
                iovec(iov_base: bytes.baseAddress.map { $0 + range.lowerBound }, iov_len: range.count)
            }
            return vectors.withUnsafeBufferPointer { library.journalSendv($0.baseAddress, CInt($0.count)) }
        }
        guard result < 0 else { return }
        let errno = Errno(rawValue: -result)
        switch errno {
        case .connectionRefused, .noSuchFileOrDirectory: throw .journalNotRunning(errno)
        default: throw .sendFailed(errno)
        }
    }
}
