import AlertWording
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

    /// The state database refused a write (disk full): err, once per episode; the caller retries.
    public func stateUnwritable(directory: String, reason: String, retryIn delay: Duration) {
        emit(
            MessageID.stateUnwritable, priority: .error,
            message: "Cannot write the state in \(directory): \(reason); retrying in \(delay.secondsText), nothing is lost",
            fields: [JournalField("STATE_DIRECTORY", directory), JournalField("REASON", reason)])
    }

    public func stateWritableAgain(directory: String, after: Duration) {
        emit(
            MessageID.stateUnwritable, priority: .notice,
            message: "The state in \(directory) can be written again after \(after.secondsText); processing resumes",
            fields: [JournalField("STATE_DIRECTORY", directory), JournalField("REASON", "recovered")])
    }

    /// Alerts could not reach `sink`: err on the first failure of an episode; they are retried.
    public func deliveryFailing(sink: String, reason: String, retryIn delay: Duration) {
        emit(
            MessageID.deliveryFailing, priority: .error,
            message: "Cannot deliver alerts to the \(sink): \(reason); retrying in \(delay.secondsText), they stay pending",
            fields: [JournalField("SINK", sink), JournalField("REASON", reason)])
    }

    public func deliveryRecovered(sink: String, after: Duration) {
        emit(
            MessageID.deliveryFailing, priority: .notice,
            message: "Alerts reach the \(sink) again after \(after.secondsText); pending alerts delivered",
            fields: [JournalField("SINK", sink), JournalField("REASON", "recovered")])
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

extension Duration {
    /// `1.5 s`: how an operator reads a pause.
    public var secondsText: String {
        let (seconds, attoseconds) = components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return "\(numberText((value * 10).rounded() / 10)) s"
    }
}
