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

    /// Sends one entry whose fields are `NAME=value`, via `sd_journal_sendv`.
    ///
    /// Values may contain newlines and any bytes. Throws when a name is invalid (nothing is sent), when
    /// journald is not running (`sd_journal_sendv` itself silently drops entries when the socket is
    /// missing, which would lose alerts, so that case is checked first), or when the send fails.
    public static func send(_ fields: [JournalField]) throws(JournalError) {
        for field in fields {
            if let reason = JournalField.problem(withName: field.name) {
                throw .invalidFieldName(field.name, reason: reason)
            }
        }
        guard isAvailable else { throw .journalNotRunning(.noSuchFileOrDirectory) }

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
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, CInt($0.count)) }
        }
        guard result < 0 else { return }
        let errno = Errno(rawValue: -result)
        switch errno {
        case .connectionRefused, .noSuchFileOrDirectory: throw .journalNotRunning(errno)
        default: throw .sendFailed(errno)
        }
    }
}
