public import Foundation
import GRDB
public import TariffExtraction

extension FactStore {
    /// Raises the reminders due `today` into the outbox and records them, in one transaction: a
    /// reminder is raised once, whatever crashes or restarts follow, and delivered like any alert.
    /// - Parameters:
    ///   - remindDays: `alerts.remind_days`.
    ///   - today: the UTC day; `now` stamps the alerts.
    /// - Returns: the alerts raised and the next day a reminder falls due.
    public func raiseDueReminders(remindDays: [Int], today: CalendarDate, now: Date = Date()) throws(FactStoreError)
        -> (alerts: [Alert], nextDueDay: CalendarDate?)
    {
        // Most looks find nothing due: decide in a read, so the daemon's writer is not held up.
        let quick = try read("plan deadline reminders") { db in try Self.reminderDecision(db, remindDays: remindDays, today: today) }
        if quick.decision.raise.isEmpty && quick.decision.pass.isEmpty { return ([], quick.decision.nextDueDay) }
        return try write("raise deadline reminders") { db in
            // Decided again inside the transaction: another writer may have recorded some meanwhile.
            let (decision, byID) = try Self.reminderDecision(db, remindDays: remindDays, today: today)
            var alerts: [Alert] = []
            for reminder in decision.raise {
                guard let record = byID[reminder.factID] else { continue }
                var alert = Alert(
                    id: 0, factID: reminder.factID, kind: .deadlineReminder, createdAt: now, current: .deadline(record.deadline),
                    previous: nil, sourceFile: record.source, evidence: record.evidence, sourceCount: record.sourceCount,
                    provenance: record.article, daysBefore: reminder.deadlineDay.daysSinceEpoch - today.daysSinceEpoch)
                try db.execute(
                    sql: "INSERT INTO outbox (fact_id, kind, created_at, payload) VALUES (?, ?, ?, ?)",
                    arguments: [alert.factID, alert.kind.rawValue, DatabaseTimestamp.value(of: now), try alert.payloadJSON])
                alert.id = db.lastInsertedRowID
                try recordReminder(reminder, alertID: alert.id, now: now, in: db)
                alerts.append(alert)
            }
            for reminder in decision.pass { try recordReminder(reminder, alertID: nil, now: now, in: db) }
            return (alerts, decision.nextDueDay)
        }
    }

    /// What is due today, from the deadlines and the reminders already recorded.
    private static func reminderDecision(_ db: Database, remindDays: [Int], today: CalendarDate) throws
        -> (decision: ReminderPlan.Decision, byID: [String: DeadlineRecord])
    {
        var byID: [String: DeadlineRecord] = [:]
        var deadlines: [ReminderPlan.Deadline] = []
        for record in try Self.alertableDeadlines(db) {
            byID[record.factID] = record
            deadlines.append(
                ReminderPlan.Deadline(
                    factID: record.factID, firstDay: record.deadline.date.firstDay,
                    knownSince: CalendarDate.utcDay(of: record.firstReported)))
        }
        let recorded = Set(
            try Row.fetchAll(db.cachedStatement(sql: "SELECT fact_id, deadline_day, days_before FROM reminders")).compactMap { row in
                CalendarDate(iso: row["deadline_day"] as String).map {
                    ReminderPlan.Reminder(factID: row["fact_id"], deadlineDay: $0, daysBefore: row["days_before"])
                }
            })
        return (ReminderPlan.decide(deadlines: deadlines, remindDays: remindDays, recorded: recorded, today: today), byID)
    }

    private func recordReminder(_ reminder: ReminderPlan.Reminder, alertID: Int64?, now: Date, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO reminders (fact_id, deadline_day, days_before, raised_at, alert_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [reminder.factID, reminder.deadlineDay.description, reminder.daysBefore, DatabaseTimestamp.value(of: now), alertID])
    }
}

extension CalendarDate {
    /// The UTC day `date` falls on.
    public static func utcDay(of date: Date) -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// 00:00 UTC of this day.
    public var utcMidnight: Date { Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400) }
}
