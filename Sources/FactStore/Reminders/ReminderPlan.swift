public import TariffExtraction

/// When the reminders of `alerts.remind_days` fall due: pure rules, no clock and no database.
///
/// A deadline on day D gets one reminder per N in `remind_days`, due on D − N (UTC days). A reminder
/// is only for a deadline known before its due day: one learned later already got its new-deadline
/// alert. When several reminders of one deadline are due at once (the daemon was down), only the
/// nearest is raised; the others are recorded as passed, so each deadline is never reminded twice
/// for the same day count, nor in a burst.
public enum ReminderPlan {
    /// A deadline that may need reminders.
    public struct Deadline: Sendable, Hashable {
        public var factID: String
        public var firstDay: CalendarDate
        /// The UTC day the fact was first recorded.
        public var knownSince: CalendarDate

        public init(factID: String, firstDay: CalendarDate, knownSince: CalendarDate) {
            self.factID = factID
            self.firstDay = firstDay
            self.knownSince = knownSince
        }
    }

    /// One reminder of one deadline: the key of the `reminders` table.
    public struct Reminder: Sendable, Hashable {
        public var factID: String
        public var deadlineDay: CalendarDate
        public var daysBefore: Int

        public var dueDay: CalendarDate { deadlineDay.adding(days: -daysBefore) }
    }

    /// What to do today.
    public struct Decision: Sendable, Equatable {
        /// Raise an alert for these (at most one per deadline).
        public var raise: [Reminder] = []
        /// Record these without an alert: overtaken by a nearer reminder raised at the same time.
        public var pass: [Reminder] = []
        /// The next day a reminder falls due, if any: when to wake up.
        public var nextDueDay: CalendarDate?
    }

    /// The reminders `remindDays` gives `deadline`, nearest first, leaving out those due on or before the
    /// day it became known.
    public static func reminders(of deadline: Deadline, remindDays: [Int]) -> [Reminder] {
        Set(remindDays.filter { $0 >= 0 }).sorted().map {
            Reminder(factID: deadline.factID, deadlineDay: deadline.firstDay, daysBefore: $0)
        }.filter { $0.dueDay > deadline.knownSince }
    }

    /// Which reminders are due `today`, given those already recorded, and when the next falls due.
    public static func decide(
        deadlines: [Deadline], remindDays: [Int], recorded: Set<Reminder>, today: CalendarDate
    ) -> Decision {
        var decision = Decision()
        for deadline in deadlines where deadline.firstDay >= today {
            let open = reminders(of: deadline, remindDays: remindDays).filter { !recorded.contains($0) }
            let due = open.filter { $0.dueDay <= today }
            if let nearest = due.first {
                decision.raise.append(nearest)
                decision.pass += due.dropFirst()
            }
            if let next = open.filter({ $0.dueDay > today }).map(\.dueDay).min() {
                decision.nextDueDay = min(decision.nextDueDay ?? next, next)
            }
        }
        return decision
    }
}
