import AlertWording
import FactStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TariffExtraction
import Testing

@testable import TariffwatchDaemon

/// A clock the test moves by hand; records every timer the service sets.
final class ManualClock: ReminderClock {
    private struct Sleeper {
        var until: Date
        var continuation: CheckedContinuation<Void, any Error>
    }
    private struct State {
        var now: Date
        var sleepers: [UUID: Sleeper] = [:]
        var timers: [Date] = []
    }
    private let state: Mutex<State>

    init(now: Date) {
        state = Mutex(State(now: now))
    }

    func now() -> Date { state.withLock { $0.now } }

    /// Every `sleep(until:)` asked for, in order.
    var timers: [Date] { state.withLock { $0.timers } }

    func sleep(until date: Date) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Bool in
                    state.timers.append(date)
                    if date <= state.now || Task.isCancelled { return true }
                    state.sleepers[id] = Sleeper(until: date, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to `date` and wakes the timers that are due.
    func advance(to date: Date) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = date
            let due = state.sleepers.filter { $0.value.until <= date }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return Array(due.values)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}

/// `alerts.remind_days` in the running daemon, with a faked clock: one timer to the next due day,
/// the reminder in the feed once, and not again after a restart.
@Suite(.serialized) struct ReminderServiceTests {
    @Test func aReminderFiresAtItsDayOnceAcrossARestart() async throws {
        let workspace = try Workspace()
        var settings = Settings()
        settings.watchDirectory = workspace.inbox
        settings.stateDirectory = workspace.state
        settings.remindDays = [7, 1]
        let today = CalendarDate.utcDay(of: Date())
        let meeting = today.adding(days: 10)
        let clock = ManualClock(now: Date())

        try await withDaemon(settings, clock: clock) { application in
            try workspace.drop(
                "Trade ministers will hold talks on \(Self.spelled(meeting)) to settle the steel quota.\n", as: "talks.txt",
                dated: today.description)
            try await eventually("the new deadline in the feed") { try !items(workspace, kind: "new_deadline").isEmpty }
            // One timer, at 00:00 UTC seven days before the talks; no reminder yet.
            let due = meeting.adding(days: -7).utcMidnight
            try await eventually("the timer set for the 7-day reminder") { clock.timers.contains(due) }
            #expect(try items(workspace, kind: "deadline_reminder").isEmpty)
            #expect(clock.timers.allSatisfy { $0 == due })

            clock.advance(to: due.addingTimeInterval(1))
            try await eventually("the 7-day reminder in the feed") { try items(workspace, kind: "deadline_reminder").count == 1 }
            let reminder = try #require(try items(workspace, kind: "deadline_reminder").first)
            #expect(reminder.tariffwatch["days_before"] as? Int == 7)
            #expect((reminder["title"] as? String)?.hasPrefix("Reminder: ") == true)
            #expect((reminder["title"] as? String)?.contains(" in 7 days, \(DateWords.day(meeting))") == true)
            // The next timer: the 1-day reminder.
            try await eventually("the timer for the 1-day reminder") { clock.timers.last == meeting.adding(days: -1).utcMidnight }
        }
        // Restarted the same day: the reminder is not raised again.
        try await withDaemon(settings, clock: clock) { application in
            try await eventually("the restart looked and set its timer") {
                clock.timers.filter { $0 == meeting.adding(days: -1).utcMidnight }.count >= 2
            }
            #expect(try items(workspace, kind: "deadline_reminder").count == 1)
            #expect(try application.store.counts().alertsPending == 0)
        }
    }

    // MARK: helpers

    static func spelled(_ day: CalendarDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(months[day.month - 1]) \(day.day), \(day.year)"
    }

    private func items(_ workspace: borrowing Workspace, kind: String) throws -> [[String: Any]] {
        try workspace.feedItems().filter { $0.tariffwatch["alert_kind"] as? String == kind }
    }

    private func withDaemon(
        _ settings: Settings, clock: ManualClock, _ body: (Application) async throws -> Void
    ) async throws {
        try await DaemonPipelineTests().withDaemon(settings, reminderClock: clock, body)
    }
}
