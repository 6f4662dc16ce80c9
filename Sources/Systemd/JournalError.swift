public import SharedLibraries
public import SystemPackage

/// What went wrong talking to the systemd journal, in words an operator can act on.
public enum JournalError: Error, Sendable, Hashable {
    /// A field name journald would reject; nothing was sent.
    case invalidFieldName(String, reason: String)
    /// No journald is listening on `/run/systemd/journal/socket`, so the entry was not stored.
    case journalNotRunning(Errno)
    /// journald did not take the entry within the wait: it is stopped (SIGSTOP) or overloaded. Not sent.
    case journalBusy(waited: Duration)
    /// `sd_journal_sendv` failed for another reason (message too large, out of memory, ...).
    case sendFailed(Errno)
    /// Reading the journal failed in the named libsystemd call.
    case readFailed(function: String, Errno)
    /// The journal opened but no journal file was readable, so a search would wrongly find nothing.
    case noReadableJournalFiles
    /// libsystemd, which reads the journal and sends entries larger than a datagram, cannot be loaded.
    case libraryMissing(LibraryMissing)
}

extension JournalError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidFieldName(let name, let reason):
            "journal field name \"\(name)\" is invalid: \(reason)"
        case .journalNotRunning(let errno):
            "the systemd journal is not running (nothing listens on \(Journal.socketPath): \(errno)); the entry was not stored"
        case .journalBusy(let waited):
            "the systemd journal did not accept the entry within \(waited) (journald stopped or overloaded); the entry was not stored"
        case .sendFailed(let errno):
            "sending the entry to the systemd journal failed (sd_journal_sendv): \(errno)"
        case .readFailed(let function, let errno):
            "reading the systemd journal failed (\(function)): \(errno)"
        case .noReadableJournalFiles:
            "no journal files are readable; run as root or in group systemd-journal (SupplementaryGroups=systemd-journal)"
        case .libraryMissing(let missing):
            "the systemd journal is read, and entries larger than a datagram sent, with \(missing.library), which cannot be loaded: \(missing.reason)"
        }
    }
}
