public import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A swift-log handler that writes each log line as a structured journal entry.
///
/// Fields: `MESSAGE`, `PRIORITY` (syslog level from the `Logger.Level`), `SYSLOG_IDENTIFIER`,
/// `LOGGER_LABEL`, `CODE_FILE`/`CODE_LINE`/`CODE_FUNC`, and every metadata key as an uppercase field
/// (`file.path` becomes `FILE_PATH`), so `journalctl FILE_PATH=...` finds them.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    /// The `SYSLOG_IDENTIFIER`, what `journalctl -t` filters on.
    public let identifier: String
    /// The logger's label, kept in `LOGGER_LABEL`.
    public let label: String

    public init(
        label: String,
        identifier: String,
        logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.identifier = identifier
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = journalFields(for: event)
        let dropped = Self.droppedWhileStalled.exchange(0, ordering: .relaxed)
        if dropped > 0 {
            fields[0].value += " [\(dropped) earlier log lines dropped while the journal was stalled]"
        }
        do {
            try Journal.send(fields)
        } catch .journalBusy where Self.standardErrorIsTheJournal {
            // Under systemd standard error is a stream into the same stalled journald: writing there
            // would block this thread (and with it shutdown). Count the line; the next one that gets
            // through says how many were lost. Alerts never take this path: they stay in the outbox.
            Self.droppedWhileStalled.add(dropped + 1, ordering: .relaxed)
        } catch {
            // Never lose a log line: journald vanished, so say so and write the line to standard error.
            var fallback = StreamLogHandler.standardError(label: label)
            fallback.logLevel = .trace
            fallback.metadata = metadata
            var annotated = event
            annotated.message = "\(event.message) [journal unavailable: \(error)]"
            fallback.log(event: annotated)
        }
    }
}

extension JournalLogHandler {
    /// Log lines not written while journald did not take entries (see `log(event:)`).
    static let droppedWhileStalled = Atomic<Int>(0)

    /// Whether systemd connected standard error to the journal: `JOURNAL_STREAM` (systemd.exec(5)) names
    /// the stream's device and inode, compared with `fstat(2)` of descriptor 2.
    static let standardErrorIsTheJournal: Bool = {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
        let parts = value.split(separator: ":").compactMap { UInt64($0) }
        var status = stat()
        guard parts.count == 2, fstat(2, &status) == 0 else { return false }
        return UInt64(status.st_dev) == parts[0] && UInt64(status.st_ino) == parts[1]
    }()

    /// A factory for `LoggingSystem.bootstrap`: journal entries when journald runs, else standard error.
    public static func factory(
        identifier: String,
        logLevel: Logger.Level = .info
    ) -> @Sendable (String) -> any LogHandler {
        let useJournal = Journal.isAvailable
        return { label in
            if useJournal {
                return JournalLogHandler(label: label, identifier: identifier, logLevel: logLevel)
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
    }

    /// Bootstraps swift-log once for the process with `factory(identifier:logLevel:)`.
    public static func bootstrap(identifier: String, logLevel: Logger.Level = .info) {
        LoggingSystem.bootstrap(factory(identifier: identifier, logLevel: logLevel))
    }
}
