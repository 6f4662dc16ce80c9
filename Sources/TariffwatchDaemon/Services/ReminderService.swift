import FactStore
public import Foundation
import Logging
import ServiceLifecycle
import TariffExtraction

/// What the reminder service reads the time from and sleeps on; tests pass a fake one.
public protocol ReminderClock: Sendable {
    /// Now (wall-clock time: reminders fall due at 00:00 UTC of a calendar day).
    func now() -> Date
    /// Returns at `date` or later; throws when cancelled.
    func sleep(until date: Date) async throws
}

/// The system's clock.
public struct SystemReminderClock: ReminderClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(until date: Date) async throws {
        let seconds = date.timeIntervalSinceNow
        if seconds > 0 { try await Pause.sleep(for: .seconds(seconds)) }
    }
}

/// Raises `deadline_reminder` alerts (`alerts.remind_days`) when they fall due.
///
/// One timer, set to the next due day's 00:00 UTC; no polling. It also looks again when new facts
/// arrive (a new deadline may need a reminder sooner) and at start-up (reminders that fell due while the
/// daemon was down). Reminders go through the outbox, so delivery and exactly-once are the same as
/// for every alert.
struct ReminderService: Service {
    let store: FactStore
    let settings: LiveSettings
    /// Wakes the delivery service after reminders were raised.
    let delivery: DeliveryTrigger
    /// Signalled after files were processed (new deadlines may need reminders) and by the timer.
    let wake: WakeChannel
    let clock: any ReminderClock
    /// Where the state is read and written, off the concurrency pool.
    let lane: BlockingLane
    /// Quiet time after a wake-up before looking, so a burst of files costs one look.
    var settle: Duration = .milliseconds(250)
    let logger: Logger

    func run() async throws {
        // Where the last look left off: a look after files read only the deadlines they wrote.
        var cursor: ReminderCursor?
        await DueTimerLoop.run(wake: wake, clock: clock, settle: settle) { await look(after: &cursor) }
    }

    /// Raises what is due now; returns when to look next.
    private func look(after cursor: inout ReminderCursor?) async -> Date? {
        do {
            let remindDays = settings.current.remindDays
            let today = CalendarDate.utcDay(of: clock.now())
            let (store, now, previous) = (self.store, clock.now(), cursor)
            let (alerts, next) = try await lane.run {
                try store.raiseDueReminders(remindDays: remindDays, today: today, now: now, after: previous)
            }
            cursor = next
            if !alerts.isEmpty {
                logger.info("deadline reminders raised", metadata: ["reminders": "\(alerts.count)"])
                delivery.signal()
            }
            let nextDay = next.nextDueDay
            if let nextDay { logger.debug("next deadline reminder", metadata: ["day": "\(nextDay)"]) }
            return nextDay?.utcMidnight
        } catch {
            // Nothing was recorded; the next wake-up (a file, or a retry in a minute) tries again.
            logger.error("cannot raise deadline reminders; will retry", metadata: ["error": "\(error)"])
            return clock.now().addingTimeInterval(60)
        }
    }
}
