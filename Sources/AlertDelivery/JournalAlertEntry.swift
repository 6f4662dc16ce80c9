import AlertWording
public import FactStore
public import Systemd
public import TariffExtraction

/// The structured journal entry for one alert, so `journalctl TARIFF_TARGET=CN` and
/// `journalctl MESSAGE_ID=…` find it.
public struct JournalAlertEntry: Sendable {
    /// Deadlines this close to today are raised at warning priority.
    public var warningWindowDays: Int

    public init(warningWindowDays: Int = 7) {
        self.warningWindowDays = warningWindowDays
    }

    /// syslog priorities used by the daemon (journal `PRIORITY=`).
    public enum Priority: Int, Sendable {
        case error = 3, warning = 4, notice = 5, info = 6
    }

    /// Field carrying the outbox id: what makes redelivery after a crash detectable.
    public static let alertIDField = "TARIFFWATCH_ALERT_ID"

    public func fields(for alert: Alert, today: CalendarDate) -> [JournalField] {
        let words = AlertWording(alert)
        var fields: [JournalField] = [
            JournalField("MESSAGE", words.message),
            // The catalog's texts substitute @SUBJECT@ (`journalctl -x`): the title, without the article's.
            JournalField("SUBJECT", words.title),
            JournalField("MESSAGE_ID", messageID(for: alert.kind)),
            JournalField("PRIORITY", String(priority(for: alert, today: today).rawValue)),
            JournalField("SYSLOG_IDENTIFIER", "tariffwatch"),
            JournalField("ALERT_KIND", alert.kind.rawValue),
            JournalField("FACT_ID", alert.factID),
            JournalField(Self.alertIDField, alert.stableID),
            JournalField("SOURCE_FILE", alert.sourceFile),
            JournalField("SOURCE_COUNT", String(alert.sourceCount)),
            JournalField("EVIDENCE", alert.evidence),
        ]
        if let article = alert.provenance {
            if let title = article.title { fields.append(JournalField("ARTICLE_TITLE", title)) }
            if let url = article.url { fields.append(JournalField("ARTICLE_URL", url)) }
            if let published = article.published { fields.append(JournalField("PUBLISHED", published.description)) }
            fields.append(JournalField("REFERENCE_DATE_SOURCE", article.referenceDateSource))
            if let item = article.item { fields.append(JournalField("ARTICLE_ITEM", item)) }
        }
        switch alert.current {
        case .deadline(let deadline):
            fields.append(JournalField("DEADLINE_DATE", deadline.date.iso))
            if let end = deadline.endDate { fields.append(JournalField("DEADLINE_END_DATE", end.iso)) }
            fields.append(JournalField("DEADLINE_KIND", deadline.kind.rawValue))
            if !deadline.subject.isEmpty { fields.append(JournalField("DEADLINE_SUBJECT", deadline.subject)) }
            if let days = alert.daysBefore { fields.append(JournalField("REMINDER_DAYS_BEFORE", String(days))) }
            if case .deadline(let old)? = alert.previous {
                fields.append(JournalField("PREVIOUS_DEADLINE_DATE", old.date.iso))
            }
        case .tariff(let tariff):
            if let imposer = tariff.imposer { fields.append(JournalField("TARIFF_IMPOSER", imposer)) }
            if let target = tariff.target { fields.append(JournalField("TARIFF_TARGET", target)) }
            fields.append(
                JournalField("TARIFF_PRODUCTS", tariff.products.isEmpty ? "all goods" : tariff.products.joined(separator: ", ")))
            if let rate = tariff.ratePct { fields.append(JournalField("TARIFF_RATE_PCT", numberText(rate))) }
            // The rate before this change: from the text (`from 25% to 50%`) or from the fact it replaces.
            var previousRate = tariff.previousRatePct
            if case .tariff(let old)? = alert.previous, old.ratePct != tariff.ratePct { previousRate = old.ratePct }
            if let previousRate { fields.append(JournalField("TARIFF_PREVIOUS_RATE_PCT", numberText(previousRate))) }
            fields.append(JournalField("TARIFF_ADDITIONAL", tariff.additional ? "1" : "0"))
            fields.append(JournalField("TARIFF_STATUS", tariff.status.rawValue))
            if case .tariff(let old)? = alert.previous, old.status != tariff.status {
                fields.append(JournalField("TARIFF_PREVIOUS_STATUS", old.status.rawValue))
            }
            if let date = tariff.effectiveDate { fields.append(JournalField("TARIFF_EFFECTIVE_DATE", date.iso)) }
            if let confidence = alert.confidence { fields.append(JournalField("TARIFF_CONFIDENCE", numberText(confidence))) }
        }
        return fields
    }

    /// Deadline within the warning window: warning; every other new or changed fact: notice.
    public func priority(for alert: Alert, today: CalendarDate) -> Priority {
        let soon = today.adding(days: warningWindowDays)
        switch alert.current {
        case .deadline(let deadline):
            return deadline.date.firstDay <= soon && deadline.date.lastDay >= today ? .warning : .notice
        case .tariff(let tariff):
            if let date = tariff.effectiveDate, date.firstDay <= soon, date.lastDay >= today { return .warning }
            return .notice
        }
    }

    public func messageID(for kind: AlertKind) -> String {
        switch kind {
        case .newDeadline: MessageID.newDeadline
        case .changedDeadline: MessageID.changedDeadline
        case .newTariff: MessageID.newTariff
        case .changedTariff: MessageID.changedTariff
        case .conflictingReport: MessageID.conflictingReport
        case .deadlineReminder: MessageID.deadlineReminder
        }
    }
}
