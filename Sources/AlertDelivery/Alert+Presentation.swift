public import FactStore
import TariffExtraction

/// How an alert reads to a person: the journal's MESSAGE, the feed item's title and text.
extension Alert {
    /// The same in the feed (item `id`) and the journal (`TARIFFWATCH_ALERT_ID`), across restarts; the
    /// state's epoch keeps it unique when the state is wiped and the outbox counts from 1 again.
    public var stableID: String {
        stateEpoch.isEmpty ? "tariffwatch:\(factID):\(id)" : "tariffwatch:\(stateEpoch):\(factID):\(id)"
    }

    /// One readable line: what, who, rate, date, and the article's title, or the source file when the
    /// article has no title (the journal's MESSAGE). The path is always in `SOURCE_FILE`.
    public var headline: String {
        if let title = provenance?.title, !title.isEmpty { return "\(summary) – “\(title)”" }
        return "\(summary) [\(sourceFile)]"
    }

    /// What, who, rate and date: the feed item's title and the catalog's `@SUBJECT@`.
    public var summary: String {
        switch current {
        case .deadline(let deadline) where kind == .deadlineReminder:
            return reminderSummary(deadline)
        case .deadline(let deadline):
            let verb = kind == .changedDeadline ? "Changed deadline" : "New deadline"
            var line = "\(verb): \(deadline.kind.rawValue) \(deadline.dateText)"
            if !deadline.subject.isEmpty { line += " – \(deadline.subject)" }
            if case .deadline(let old)? = previous, old.dateText != deadline.dateText {
                line += " (was \(old.dateText))"
            }
            return line
        case .tariff(let tariff):
            let verb: String
            switch kind {
            case .changedTariff: verb = "Changed tariff"
            case .conflictingReport: verb = "Conflicting tariff report"
            default: verb = "New tariff"
            }
            var line = "\(verb): \(tariff.imposer ?? "?") → \(tariff.target ?? "?") \(tariff.status.rawValue)"
            if let rate = tariff.ratePct { line += " \(tariff.additional ? "additional " : "")\(formatRate(rate))" }
            line += " on \(tariff.products.isEmpty ? "all goods" : tariff.products.joined(separator: ", "))"
            if let date = tariff.effectiveDate { line += " from \(date.iso)" }
            if case .tariff(let old)? = previous {
                var was: [String] = []
                if old.ratePct != tariff.ratePct { was.append(old.ratePct.map(formatRate) ?? "no rate") }
                if old.status != tariff.status { was.append(old.status.rawValue) }
                if old.effectiveDate != tariff.effectiveDate { was.append(old.effectiveDate?.iso ?? "no date") }
                if !was.isEmpty { line += " (was \(was.joined(separator: ", ")))" }
            }
            return line
        }
    }

    /// Tags for the feed: the alert kind, the countries, the deadline kind or tariff status.
    public var tags: [String] {
        var tags = [kind.rawValue]
        switch current {
        case .deadline(let deadline):
            tags.append("deadline:\(deadline.kind.rawValue)")
        case .tariff(let tariff):
            tags.append("status:\(tariff.status.rawValue)")
            if let imposer = tariff.imposer { tags.append("imposer:\(imposer)") }
            if let target = tariff.target { tags.append("target:\(target)") }
        }
        return tags
    }
}

extension Alert {
    /// `Reminder: in 7 days, meeting 2025-10-25/2025-10-27 – US-China trade talks`.
    func reminderSummary(_ deadline: DeadlineFact) -> String {
        let days = daysBefore ?? 0
        let when = days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
        var line = "Reminder: \(when), \(deadline.kind.rawValue) \(deadline.dateText)"
        if !deadline.subject.isEmpty { line += " – \(deadline.subject)" }
        return line
    }
}

extension DeadlineFact {
    /// `2025-10-25` or `2025-10-25/2025-10-27` for a range.
    var dateText: String {
        endDate.map { "\(date.iso)/\($0.iso)" } ?? date.iso
    }
}

/// `100`, `12.5`: no trailing `.0` for whole numbers, as people write rates.
func numberText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// `100%`, `12.5%`.
func formatRate(_ rate: Double) -> String {
    numberText(rate) + "%"
}
