import FactStore
import Synchronization

/// Wake-ups the ingest lane owes the other loops after a batch, sent once the lane has had nothing to do for
/// `delay`, or before its next batch.
///
/// After a file the lane delivered itself (its journal entries sent, its feed item published), what is left to
/// the others is bookkeeping: the journal loop marks the entries sent, the feed loop makes the document the
/// publication replaced the next spare (or frees it) and syncs the new one after its linger, the reminder
/// service looks for new deadlines.
/// Sent at once, those wake-ups ran on this project's two cores just as the reader of the feed (an analyst's
/// poller, the latency benchmark) was waking for the new item: two delivery lanes, the event loop and an
/// `unlink` of the replaced document, beside it. A millisecond later nobody is waiting for them. Under a burst
/// the next batch is already there, so they go out as before, once per batch.
final class QuietSignals: Sendable {
    /// How long the lane waits with nothing to do before sending what it owes.
    static let delay = Duration.milliseconds(1)

    enum Signal {
        /// The feed loop: only the sync and the next spare (the replaced document, or an empty file) are owed
        /// (`DeliveryTrigger.signalFeedPublished`).
        case feedSettle
        /// The journal loop: the entries the lane sent are to be marked.
        case journal
        /// The reminder service: new facts may need a reminder.
        case reminders
    }

    private let trigger: DeliveryTrigger
    private let reminders: WakeChannel?
    private let owed = Mutex<Set<Signal>>([])

    init(trigger: DeliveryTrigger, reminders: WakeChannel?) {
        self.trigger = trigger
        self.reminders = reminders
    }

    /// Keeps `signal` until `send()`.
    func owe(_ signal: Signal) {
        _ = owed.withLock { $0.insert(signal) }
    }

    /// Whether a `send()` has something to send.
    var isOwing: Bool { owed.withLock { !$0.isEmpty } }

    /// Sends what is owed.
    func send() {
        let signals = owed.withLock { owed in
            defer { owed.removeAll(keepingCapacity: true) }
            return owed
        }
        for signal in signals {
            switch signal {
            case .feedSettle: trigger.signalFeedPublished()
            case .journal: trigger.signal(.journal)
            case .reminders: reminders?.signal()
            }
        }
    }
}
