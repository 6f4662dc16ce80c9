import CSystemd
import SystemPackage

/// An open `sd_journal` handle, closed with `sd_journal_close` when the reader goes away.
final class JournalReader {
    private let library: LibSystemd
    private let handle: OpaquePointer

    /// Opens the local machine's journal files via `sd_journal_open(SD_JOURNAL_LOCAL_ONLY)`.
    init() throws(JournalError) {
        do { library = try LibSystemd.loaded.get() } catch { throw .libraryMissing(error) }
        var handle: OpaquePointer?
        let result = library.journalOpen(&handle, CInt(TW_SD_JOURNAL_LOCAL_ONLY))
        guard result >= 0, let handle else {
            throw .readFailed(function: "sd_journal_open", Errno(rawValue: -result))
        }
        self.handle = handle
    }

    deinit { library.journalClose(handle) }

    /// Whether any journal file was readable (`sd_journal_has_runtime_files`/`..._persistent_files`).
    var hasFiles: Bool {
        library.hasRuntimeFiles(handle) > 0 || library.hasPersistentFiles(handle) > 0
    }

    /// Restricts the following reads to entries with `NAME=value`, via `sd_journal_add_match`.
    func addMatch(_ field: JournalField) throws(JournalError) {
        var match = Array("\(field.name)=\(field.value)".utf8)
        let result = match.withUnsafeMutableBytes { library.addMatch(handle, $0.baseAddress, $0.count) }
        guard result >= 0 else { throw .readFailed(function: "sd_journal_add_match", Errno(rawValue: -result)) }
    }

    /// Drops all matches and goes back to the first entry (`sd_journal_flush_matches`, `sd_journal_seek_head`).
    func reset() throws(JournalError) {
        library.flushMatches(handle)
        let result = library.seekHead(handle)
        guard result >= 0 else { throw .readFailed(function: "sd_journal_seek_head", Errno(rawValue: -result)) }
    }

    /// Blocks until the journal changes or `timeout` passes, via `sd_journal_wait`.
    func wait(_ timeout: Duration) throws(JournalError) {
        let (seconds, attoseconds) = timeout.components
        let microseconds = UInt64(max(0, seconds)) * 1_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000_000)
        let result = library.wait(handle, microseconds)
        guard result >= 0 else { throw .readFailed(function: "sd_journal_wait", Errno(rawValue: -result)) }
    }

    /// Moves to the next matching entry via `sd_journal_next`; `false` at the end.
    func next() throws(JournalError) -> Bool {
        let result = library.next(handle)
        guard result >= 0 else { throw .readFailed(function: "sd_journal_next", Errno(rawValue: -result)) }
        return result > 0
    }
}

extension Journal {
    /// Whether the local journal already holds an entry with `FIELD=value`.
    ///
    /// Used on restart for exactly-once delivery: an alert whose id is already in the journal is not sent
    /// again. Wraps `sd_journal_open`, `sd_journal_add_match` and `sd_journal_next`. Throws
    /// `.noReadableJournalFiles` rather than answering "no" when permissions hide every journal file.
    public static func containsEntry(matching field: JournalField) throws(JournalError) -> Bool {
        if let reason = JournalField.problem(withName: field.name) {
            throw .invalidFieldName(field.name, reason: reason)
        }
        let reader = try JournalReader()
        guard reader.hasFiles else { throw .noReadableJournalFiles }
        try reader.addMatch(field)
        return try reader.next()
    }

    /// The subset of `fields` that already have an entry in the local journal, opening the journal once.
    ///
    /// The batch form of `containsEntry(matching:)` for a restart with many undelivered alerts.
    public static func existingEntries(among fields: [JournalField]) throws(JournalError) -> Set<JournalField> {
        for field in fields {
            if let reason = JournalField.problem(withName: field.name) {
                throw .invalidFieldName(field.name, reason: reason)
            }
        }
        guard !fields.isEmpty else { return [] }
        let reader = try JournalReader()
        guard reader.hasFiles else { throw .noReadableJournalFiles }
        var found: Set<JournalField> = []
        for field in Set(fields) {
            try reader.reset()
            try reader.addMatch(field)
            if try reader.next() { found.insert(field) }
        }
        return found
    }
}

extension Journal {
    /// Waits at most `timeout` until the local journal holds an entry with `FIELD=value`; false if none came.
    ///
    /// journald stores the datagrams of its native socket in the order they were queued, so once an entry
    /// sent now is readable, every entry sent earlier (by this process or a killed predecessor) is too:
    /// the barrier that makes the restart look-up trustworthy while journald is paused or slow.
    public static func waitForEntry(matching field: JournalField, timeout: Duration) throws(JournalError) -> Bool {
        if let reason = JournalField.problem(withName: field.name) {
            throw .invalidFieldName(field.name, reason: reason)
        }
        let reader = try JournalReader()
        guard reader.hasFiles else { throw .noReadableJournalFiles }
        try reader.addMatch(field)
        let deadline = ContinuousClock.now + timeout
        while true {
            if try reader.next() { return true }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return false }
            try reader.wait(min(left, .milliseconds(250)))
        }
    }
}
