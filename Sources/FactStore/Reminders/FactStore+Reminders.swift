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
        try write("raise deadline reminders") { db in
            let facts = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.id, f.value, f.created_at, f.source_count,
                           (SELECT s.sentence FROM fact_sources s WHERE s.fact_id = f.id AND s.relation IN ('origin', 'changes')
                            ORDER BY s.id DESC LIMIT 1) AS evidence,
                           (SELECT s.path FROM fact_sources s WHERE s.fact_id = f.id AND s.relation IN ('origin', 'changes')
                            ORDER BY s.id DESC LIMIT 1) AS source
                    FROM facts f WHERE f.alertable AND f.value LIKE '{"deadline":%'
                    """)
            var byID: [String: (fact: DeadlineFact, row: Row)] = [:]
            var deadlines: [ReminderPlan.Deadline] = []
            for row in facts {
                guard case .deadline(let deadline) = try JSONText.decode(FactValue.self, row["value"]) else { continue }
                let id: String = row["id"]
                let created: Date = row["created_at"]
                byID[id] = (deadline, row)
                deadlines.append(
                    ReminderPlan.Deadline(factID: id, firstDay: deadline.date.firstDay, knownSince: CalendarDate.utcDay(of: created)))
            }
            let recorded = Set(
                try Row.fetchAll(db, sql: "SELECT fact_id, deadline_day, days_before FROM reminders").compactMap { row in
                    CalendarDate(iso: row["deadline_day"] as String).map {
                        ReminderPlan.Reminder(factID: row["fact_id"], deadlineDay: $0, daysBefore: row["days_before"])
                    }
                })
            let decision = ReminderPlan.decide(deadlines: deadlines, remindDays: remindDays, recorded: recorded, today: today)
            var alerts: [Alert] = []
            for reminder in decision.raise {
                guard let (deadline, row) = byID[reminder.factID] else { continue }
                var alert = Alert(
                    id: 0, factID: reminder.factID, kind: .deadlineReminder, createdAt: now, current: .deadline(deadline),
                    previous: nil, sourceFile: row["source"] ?? "", evidence: row["evidence"] ?? "",
                    sourceCount: row["source_count"], daysBefore: reminder.deadlineDay.daysSinceEpoch - today.daysSinceEpoch)
                try db.execute(
                    sql: "INSERT INTO outbox (fact_id, kind, created_at, payload) VALUES (?, ?, ?, ?)",
                    arguments: [alert.factID, alert.kind.rawValue, now, try JSONText.encode(alert)])
                alert.id = db.lastInsertedRowID
                try record(reminder, alertID: alert.id, now: now, in: db)
                alerts.append(alert)
            }
            for reminder in decision.pass { try record(reminder, alertID: nil, now: now, in: db) }
            return (alerts, decision.nextDueDay)
        }
    }

    private func record(_ reminder: ReminderPlan.Reminder, alertID: Int64?, now: Date, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO reminders (fact_id, deadline_day, days_before, raised_at, alert_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [reminder.factID, reminder.deadlineDay.description, reminder.daysBefore, now, alertID])
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
