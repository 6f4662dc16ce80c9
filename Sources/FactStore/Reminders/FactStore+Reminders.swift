public import Foundation
import GRDB
public import TariffExtraction

/// Where a reminder look left off: the next look on the same day with the same `remind_days` reads only the
/// deadlines written since (`FactStore.deadlineChanges`) rather than every deadline the state holds, which after a
/// year of articles is thousands of rows and their JSON for each file that arrives.
public struct ReminderCursor: Sendable {
    /// The day and `remind_days` the reminders were decided for: on another day, or with other day counts,
    /// reminders fall due that no write made due, and every deadline is read again.
    let day: CalendarDate
    let remindDays: [Int]
    /// The deadline changes logged when the look read the state (`FactChangeLog.generation`), and whose log.
    let generation: UInt64
    let log: FactChangeLog
    /// The next day a reminder falls due, if any: when to look again. May be earlier than the true next due day
    /// (a deadline moved later since); looking on that day finds nothing due and reads every deadline again.
    public let nextDueDay: CalendarDate?
    /// How many deadlines the look that made this cursor read: what a look costs grows with it.
    let deadlinesRead: Int
}

extension FactStore {
    /// Raises the reminders due `today` into the outbox and records them, in one transaction: a
    /// reminder is raised once, whatever crashes or restarts follow, and delivered like any alert.
    /// - Parameters:
    ///   - remindDays: `alerts.remind_days`.
    ///   - today: the UTC day; `now` stamps the alerts.
    ///   - previous: the cursor the last look returned: on the same day and with the same `remindDays`, only the
    ///     deadline facts written since are read (what is due for the others was decided then). Nil, another store's,
    ///     or one older than the change log keeps: every deadline is read.
    /// - Returns: the alerts raised, and the cursor for the next look, with the next day a reminder falls due.
    public func raiseDueReminders(remindDays: [Int], today: CalendarDate, now: Date = Date(), after previous: ReminderCursor? = nil)
        throws(FactStoreError) -> (alerts: [Alert], cursor: ReminderCursor)
    {
        // Taken before the state is read: a commit logged after it is looked at again next time.
        let log = deadlineChanges
        let generation = log.generation
        var only: Set<String>?
        if let previous, previous.log === log, previous.day == today, previous.remindDays == remindDays,
            let written = log.facts(after: previous.generation)
        {
            guard !written.isEmpty else { return ([], previous.moved(to: generation)) }
            only = written
        }
        let earlier = only == nil ? nil : previous?.nextDueDay
        func cursor(_ next: CalendarDate?, read: Int) -> ReminderCursor {
            let soonest = [earlier, next].compactMap { $0 }.min()
            return ReminderCursor(
                day: today, remindDays: remindDays, generation: generation, log: log, nextDueDay: soonest, deadlinesRead: read)
        }
        // Most looks find nothing due: decide in a read, so the daemon's writer is not held up.
        let quick = try read("plan deadline reminders") { db in
            try Self.reminderDecision(db, remindDays: remindDays, today: today, only: only)
        }
        if quick.decision.raise.isEmpty && quick.decision.pass.isEmpty {
            return ([], cursor(quick.decision.nextDueDay, read: quick.byID.count))
        }
        return try write("raise deadline reminders") { db in
            // Decided again inside the transaction: another writer may have recorded some meanwhile.
            let (decision, byID) = try Self.reminderDecision(db, remindDays: remindDays, today: today, only: only)
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
            return (alerts, cursor(decision.nextDueDay, read: byID.count))
        }
    }

    /// What is due today, from the deadlines and the reminders already recorded: of every deadline, or only of the
    /// facts `only` names.
    static func reminderDecision(_ db: Database, remindDays: [Int], today: CalendarDate, only: Set<String>?) throws
        -> (decision: ReminderPlan.Decision, byID: [String: DeadlineRecord])
    {
        var byID: [String: DeadlineRecord] = [:]
        var deadlines: [ReminderPlan.Deadline] = []
        // only a deadline whose first day is today or later has a reminder to decide (`ReminderPlan.decide`), so a full
        // look reads those by their last day's index, not every deadline the state has kept (the daemon's store, which
        // raises reminders, is always migrated)
        for record in try Self.alertableDeadlines(db, only: only, endingOnOrAfter: only == nil ? today : nil) {
            byID[record.factID] = record
            deadlines.append(
                ReminderPlan.Deadline(
                    factID: record.factID, firstDay: record.deadline.date.firstDay,
                    knownSince: CalendarDate.utcDay(of: record.firstReported)))
        }
        let columns = "SELECT fact_id, deadline_day, days_before FROM reminders"
        let rows =
            if let only {
                // the facts' reminders by the table's key, whose first column is `fact_id`
                try Row.fetchAll(
                    db.cachedStatement(sql: columns + " WHERE fact_id IN (SELECT value FROM json_each(?))"),
                    arguments: [try FactStore.jsonArray(only)])
            } else {
                try Row.fetchAll(db.cachedStatement(sql: columns))
            }
        let recorded = Set(
            rows.compactMap { row in
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

extension ReminderCursor {
    /// This cursor after a look that found no deadline written since: the same decision, a newer generation.
    func moved(to generation: UInt64) -> ReminderCursor {
        ReminderCursor(day: day, remindDays: remindDays, generation: generation, log: log, nextDueDay: nextDueDay, deadlinesRead: 0)
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
