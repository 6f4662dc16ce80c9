public import Logging
public import Systemd

/// Journal entries about the daemon itself (not alerts), each with its fixed MESSAGE_ID so
/// `journalctl MESSAGE_ID=…` and the catalog work for them too.
///
/// Without a journal (run by hand) they go to the logger instead, so nothing is silent.
public struct OperationalEvents: Sendable {
    let logger: Logger
    let journalEnabled: Bool

    public init(logger: Logger, journalEnabled: Bool = Journal.isAvailable) {
        self.logger = logger
        self.journalEnabled = journalEnabled
    }

    /// A file that could not be used: priority err. `reason` is a whole sentence naming the file.
    public func fileRejected(path: String, reason: String) {
        emit(
            MessageID.fileRejected, priority: .error, message: reason,
            fields: [JournalField("SOURCE_FILE", path), JournalField("REASON", reason)])
    }

    public func folderMissing(path: String, detail: String) {
        emit(
            MessageID.folderMissing, priority: .error,
            message: "Watched folder \(path) is missing (\(detail)); waiting for it to come back",
            fields: [JournalField("WATCH_DIRECTORY", path)])
    }

    public func ready(watching path: String, status: String) {
        emit(
            MessageID.daemonReady, priority: .info, message: "Watching \(path): \(status)",
            fields: [JournalField("WATCH_DIRECTORY", path)])
    }

    public func stopping(status: String) {
        emit(MessageID.daemonStopping, priority: .info, message: "Stopping: \(status)", fields: [])
    }

    private func emit(_ id: String, priority: JournalAlertEntry.Priority, message: String, fields: [JournalField]) {
        if journalEnabled {
            let all =
                [
                    JournalField("MESSAGE", message), JournalField("MESSAGE_ID", id),
                    JournalField("PRIORITY", String(priority.rawValue)), JournalField("SYSLOG_IDENTIFIER", "tariffwatch"),
                ] + fields
            do {
                try Journal.send(all)
                return
            } catch {
                // Fall through to the logger: the event is still reported somewhere.
            }
        }
        let metadata = Logger.Metadata(uniqueKeysWithValues: fields.map { ($0.name.lowercased(), .string($0.value)) })
        switch priority {
        case .error: logger.error("\(message)", metadata: metadata)
        case .warning: logger.warning("\(message)", metadata: metadata)
        case .notice: logger.notice("\(message)", metadata: metadata)
        case .info: logger.info("\(message)", metadata: metadata)
        }
    }
}
