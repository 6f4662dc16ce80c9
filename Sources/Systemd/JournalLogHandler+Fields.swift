public import Logging

extension JournalLogHandler {
    /// The syslog priority journald stores in `PRIORITY` (0 emerg ... 7 debug) for a swift-log level.
    public static func priority(for level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Field names this handler sets itself; metadata with the same name gets a `META_` prefix instead.
    static let ownFieldNames: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "LOGGER_LABEL", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
        "MESSAGE_ID", "ERROR",
    ]

    /// The journal entry for one log event: the handler's own fields followed by the merged metadata.
    public func journalFields(for event: LogEvent) -> [JournalField] {
        var fields = [
            JournalField("MESSAGE", event.message.description),
            JournalField("PRIORITY", String(Self.priority(for: event.level))),
            JournalField("SYSLOG_IDENTIFIER", identifier),
            JournalField("LOGGER_LABEL", label),
            JournalField("CODE_FILE", event.file),
            JournalField("CODE_LINE", String(event.line)),
            JournalField("CODE_FUNC", event.function),
        ]
        if let error = event.error { fields.append(JournalField("ERROR", String(describing: error))) }

        // Event metadata wins over the provider's, which wins over the handler's, as in StreamLogHandler.
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let eventMetadata = event.metadata { merged.merge(eventMetadata) { _, new in new } }
        for key in merged.keys.sorted() {
            guard let value = merged[key], var name = JournalField.sanitizedName(key) else { continue }
            if Self.ownFieldNames.contains(name) { name = String("META_\(name)".prefix(JournalField.maximumNameLength)) }
            fields.append(JournalField(name, value.description))
        }
        return fields
    }
}
