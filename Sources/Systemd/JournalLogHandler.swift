public import Logging

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
        let fields = journalFields(for: event)
        do {
            try Journal.send(fields)
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
