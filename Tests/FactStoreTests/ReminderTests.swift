import Foundation
import TariffExtraction
import Testing

@testable import FactStore

/// `alerts.remind_days`: when reminders fall due, and that each is raised once.
@Suite final class ReminderTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reminders-\(UUID())").path

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// (deadline day, known since, today, already recorded day counts, raised, passed, next due day)
    @Test(arguments: [
        // Nothing due yet: wake up 7 days before.
        ("2025-11-10", "2025-10-20", "2025-10-24", [], [], [], "2025-11-03"),
        // The 7-day reminder is due; the 1-day one is next.
        ("2025-11-10", "2025-10-20", "2025-11-03", [], [7], [], "2025-11-09"),
        // Raised already: nothing again, still waiting for the 1-day one.
        ("2025-11-10", "2025-10-20", "2025-11-03", [7], [], [], "2025-11-09"),
        // Down for a week: only the nearest reminder is raised, the overtaken one is recorded as passed.
        ("2025-11-10", "2025-10-20", "2025-11-09", [], [1], [7], nil),
        // Learned 5 days before: the 7-day reminder would only repeat the new-deadline alert.
        ("2025-11-10", "2025-11-05", "2025-11-05", [], [], [], "2025-11-09"),
        // Learned on the due day of the 7-day reminder: the new-deadline alert is that day's news.
        ("2025-11-10", "2025-11-03", "2025-11-03", [], [], [], "2025-11-09"),
        // The deadline is today and the 1-day reminder was missed (daemon down yesterday): raised late, once.
        ("2025-11-10", "2025-10-20", "2025-11-10", [7], [1], [], nil),
        // Past deadlines get nothing.
        ("2025-11-10", "2025-10-20", "2025-11-11", [], [], [], nil),
    ] as [(String, String, String, [Int], [Int], [Int], String?)])
    func plan(
        deadline: String, knownSince: String, today: String, recorded: [Int], raised: [Int], passed: [Int], next: String?
    ) {
        let candidate = ReminderPlan.Deadline(factID: "f", firstDay: Self.day(deadline), knownSince: Self.day(knownSince))
        let done = Set(recorded.map { ReminderPlan.Reminder(factID: "f", deadlineDay: Self.day(deadline), daysBefore: $0) })
        let decision = ReminderPlan.decide(deadlines: [candidate], remindDays: [7, 1], recorded: done, today: Self.day(today))
        #expect(decision.raise.map(\.daysBefore) == raised)
        #expect(decision.pass.map(\.daysBefore) == passed)
        #expect(decision.nextDueDay == next.map(Self.day))
    }

    @Test func theEarliestDueDayOfAllDeadlinesIsNext() {
        let deadlines = [
            ReminderPlan.Deadline(factID: "a", firstDay: Self.day("2025-12-01"), knownSince: Self.day("2025-10-01")),
            ReminderPlan.Deadline(factID: "b", firstDay: Self.day("2025-11-05"), knownSince: Self.day("2025-10-01")),
        ]
        let decision = ReminderPlan.decide(deadlines: deadlines, remindDays: [14, 7, 1], recorded: [], today: Self.day("2025-10-20"))
        #expect(decision.nextDueDay == Self.day("2025-10-22"))
        #expect(ReminderPlan.decide(deadlines: deadlines, remindDays: [], recorded: [], today: Self.day("2025-10-20")).nextDueDay == nil)
    }

    @Test func aReminderIsRaisedOnceAcrossRestartsThroughTheOutbox() throws {
        let today = CalendarDate.utcDay(of: Date())
        let deadlineDay = today.adding(days: 7)
        do {
            let store = try FactStore(directory: directory)
            _ = try store.record(
                FileRecord(
                    path: "/inbox/a.txt", device: 1, inode: 1, size: 1, modificationTimeNanoseconds: 1, contentHash: "a",
                    referenceDate: today),
                extraction: Extraction(deadlines: [
                    Deadline(
                        date: .day(deadlineDay), kind: .meeting, upcoming: true, subject: "steel talks", text: "t",
                        sentence: "Ministers meet on the date.", start: 0, end: 1)
                ]),
                now: Date().addingTimeInterval(-3 * 86_400))
            // Known for three days; seven days before the meeting the reminder falls due.
            let (alerts, next) = try store.raiseDueReminders(remindDays: [7, 1], today: today)
            let alert = try #require(alerts.first)
            #expect(alerts.count == 1)
            #expect(alert.kind == .deadlineReminder)
            #expect(alert.daysBefore == 7)
            #expect(alert.evidence == "Ministers meet on the date.")
            #expect(alert.sourceFile == "/inbox/a.txt")
            #expect(next == deadlineDay.adding(days: -1))
            #expect(try store.pendingAlerts(limit: 10).contains { $0.id == alert.id && $0.kind == .deadlineReminder })
            #expect(try store.raiseDueReminders(remindDays: [7, 1], today: today).alerts.isEmpty)
        }
        // A new process on the same state: still nothing to raise today.
        let reopened = try FactStore(directory: directory)
        #expect(try reopened.raiseDueReminders(remindDays: [7, 1], today: today).alerts.isEmpty)
        #expect(try reopened.raiseDueReminders(remindDays: [7, 1], today: deadlineDay.adding(days: -1)).alerts.map(\.daysBefore) == [1])
    }
}
