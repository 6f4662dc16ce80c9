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
            let (alerts, cursor) = try store.raiseDueReminders(remindDays: [7, 1], today: today)
            let alert = try #require(alerts.first)
            #expect(alerts.count == 1)
            #expect(alert.kind == .deadlineReminder)
            #expect(alert.daysBefore == 7)
            #expect(alert.evidence == "Ministers meet on the date.")
            #expect(alert.sourceFile == "/inbox/a.txt")
            #expect(cursor.nextDueDay == deadlineDay.adding(days: -1))
            #expect(try store.pendingAlerts(limit: 10).contains { $0.id == alert.id && $0.kind == .deadlineReminder })
            #expect(try store.raiseDueReminders(remindDays: [7, 1], today: today).alerts.isEmpty)
        }
        // A new process on the same state: still nothing to raise today.
        let reopened = try FactStore(directory: directory)
        #expect(try reopened.raiseDueReminders(remindDays: [7, 1], today: today).alerts.isEmpty)
        #expect(try reopened.raiseDueReminders(remindDays: [7, 1], today: deadlineDay.adding(days: -1)).alerts.map(\.daysBefore) == [1])
    }

    // MARK: Looks after files

    static func meeting(_ subject: String, on day: CalendarDate) -> Extraction {
        Extraction(deadlines: [
            Deadline(
                date: .day(day), kind: .meeting, upcoming: true, subject: subject, text: "t",
                sentence: "The \(subject) meets on the date.", start: 0, end: 1)
        ])
    }

    static func file(_ name: String, on day: CalendarDate) -> FileRecord {
        FileRecord(
            path: "/inbox/\(name)", device: 1, inode: 1, size: 1, modificationTimeNanoseconds: 1, contentHash: name, referenceDate: day)
    }

    /// Noon UTC of `day`: when the facts and looks of a simulated day happen.
    static func noon(_ day: CalendarDate) -> Date { day.utcMidnight.addingTimeInterval(12 * 3_600) }

    @Test func aLookAfterAFileReadsOnlyTheDeadlinesItWrote() throws {
        let start = Self.day("2026-03-01"), today = Self.day("2026-03-31")
        let store = try FactStore(directory: directory)
        let names = (0..<40).map { "summit\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0 / 26)x" }
        for (n, name) in names.enumerated() {
            _ = try store.record(Self.file("\(n).txt", on: start), extraction: Self.meeting("\(name) summit", on: today.adding(days: 20 + n)), now: Self.noon(start))
        }
        // ten meetings already held: a full look does not read them (their last days are before today)
        for n in 0..<10 {
            _ = try store.record(Self.file("past\(n).txt", on: start), extraction: Self.meeting("hearing number \(n)", on: start.adding(days: 2 + n)), now: Self.noon(start))
        }
        // The first look of the day reads every upcoming deadline; none is due (the nearest, in 20 days, reminds in 13).
        let first = try store.raiseDueReminders(remindDays: [7], today: today, now: Self.noon(today))
        #expect(first.alerts.isEmpty && first.cursor.deadlinesRead == 40)
        #expect(first.cursor.nextDueDay == today.adding(days: 13))
        // Nothing written since: nothing read.
        let idle = try store.raiseDueReminders(remindDays: [7], today: today, now: Self.noon(today), after: first.cursor)
        #expect(idle.alerts.isEmpty && idle.cursor.deadlinesRead == 0 && idle.cursor.nextDueDay == today.adding(days: 13))
        // A file moves the fifth meeting to a week from today (known for a month: its 7-day reminder is due today)
        // and announces a new one the day after (known only today: its reminder, due tomorrow, is not raised).
        _ = try store.record(
            Self.file("moved.txt", on: today),
            extraction: Extraction(deadlines: Self.meeting("\(names[5]) summit", on: today.adding(days: 7)).deadlines
                + Self.meeting("budget review", on: today.adding(days: 8)).deadlines),
            now: Self.noon(today))
        let after = try store.raiseDueReminders(remindDays: [7], today: today, now: Self.noon(today), after: idle.cursor)
        #expect(after.cursor.deadlinesRead == 2)
        #expect(after.alerts.map(\.daysBefore) == [7])
        #expect(after.alerts.first?.current == .deadline(DeadlineFact(date: .day(today.adding(days: 7)), kind: .meeting, subject: "\(names[5]) summit")))
        #expect(after.cursor.nextDueDay == today.adding(days: 1))
        // The next day, or other day counts, read everything again.
        let tomorrow = try store.raiseDueReminders(remindDays: [7], today: today.adding(days: 1), now: Self.noon(today.adding(days: 1)), after: after.cursor)
        #expect(tomorrow.cursor.deadlinesRead == 41)
        let other = try store.raiseDueReminders(remindDays: [7, 1], today: today.adding(days: 1), now: Self.noon(today.adding(days: 1)), after: tomorrow.cursor)
        #expect(other.cursor.deadlinesRead == 41)
        // Another store's cursor is not taken for this one's.
        let elsewhere = try FactStore(directory: directory + "-other")
        defer { try? FileManager.default.removeItem(atPath: directory + "-other") }
        #expect(try elsewhere.raiseDueReminders(remindDays: [7, 1], today: today.adding(days: 1), after: other.cursor).cursor.deadlinesRead == 0)
        #expect(try store.raiseDueReminders(remindDays: [7, 1], today: today.adding(days: 1), after: other.cursor).cursor.deadlinesRead == 0)
    }

    /// Random files over three weeks: new meetings, moved ones, repeated ones. A store whose looks take the last
    /// cursor raises exactly what one that reads every deadline raises, and never wakes later than it.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func looksAfterFilesRaiseWhatFullLooksRaise(seed: UInt64) throws {
        var random = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        let incremental = try FactStore(directory: directory + "-incremental")
        let full = try FactStore(directory: directory + "-full")
        defer {
            try? FileManager.default.removeItem(atPath: directory + "-incremental")
            try? FileManager.default.removeItem(atPath: directory + "-full")
        }
        let subjects = ["steel talks", "grain summit", "chip review", "auto hearing", "solar panel", "timber board"]
        let remindDays = [7, 3, 1]
        var cursor: ReminderCursor?
        var file = 0
        let first = Self.day("2026-05-01")
        for offset in 0..<21 {
            let today = first.adding(days: offset)
            for _ in 0..<(1 + next(4)) {
                file += 1
                let extraction = Self.meeting(subjects[next(subjects.count)], on: today.adding(days: 1 + next(12)))
                for store in [incremental, full] {
                    _ = try store.record(Self.file("\(file).txt", on: today), extraction: extraction, now: Self.noon(today))
                }
                // a look after some of the files, as the daemon's after a quiet moment
                guard next(2) == 0 else { continue }
                let a = try incremental.raiseDueReminders(remindDays: remindDays, today: today, now: Self.noon(today), after: cursor)
                let b = try full.raiseDueReminders(remindDays: remindDays, today: today, now: Self.noon(today))
                cursor = a.cursor
                #expect(a.alerts.map { "\($0.factID) \($0.daysBefore ?? -1)" } == b.alerts.map { "\($0.factID) \($0.daysBefore ?? -1)" })
                if let due = b.cursor.nextDueDay { #expect(a.cursor.nextDueDay.map { $0 <= due } == true) }
            }
        }
        #expect(file > 40)
        #expect(try incremental.pendingAlerts(limit: 1_000).filter { $0.kind == .deadlineReminder }.count > 3)
    }
}
