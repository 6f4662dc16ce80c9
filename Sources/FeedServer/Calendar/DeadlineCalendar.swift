public import FactStore
public import TariffExtraction

/// The upcoming deadlines in the state as an iCalendar: one all-day event per deadline fact.
///
/// A day is a one-day event; a range (`October 25 to 27`) one event over its days; a week or a month
/// (`later this week`, `in November`) an all-day span over the whole week or month. The `UID` is the
/// fact's id, so an event moves in a subscribed calendar when the deadline changes instead of doubling.
public struct DeadlineCalendar: Sendable {
    public var name: String
    /// `alerts.remind_days`: each event gets an alarm that many days before it.
    public var remindDays: [Int]

    public init(name: String = "tariffwatch deadlines", remindDays: [Int] = [7, 1]) {
        self.name = name
        self.remindDays = remindDays
    }

    public func calendar(_ deadlines: [DeadlineRecord]) -> ICalendar {
        ICalendar(name: name, events: deadlines.map(event))
    }

    func event(_ record: DeadlineRecord) -> ICalendar.Event {
        let deadline = record.deadline
        let days = deadline.days
        let phrase = deadline.kind.phrase
        let capitalizedPhrase = phrase.isEmpty ? "Date" : phrase.prefix(1).uppercased() + phrase.dropFirst()
        var description = "\(capitalizedPhrase): \(deadline.reportedDate)."
        if !record.evidence.isEmpty { description += "\n\nEvidence: \(record.evidence)" }
        if !record.source.isEmpty {
            description += "\n\nSource: \(record.source)"
            if record.sourceCount > 1 { description += " (reported by \(record.sourceCount) sources)" }
        }
        return ICalendar.Event(
            uid: "\(record.factID)@tariffwatch", stamp: record.updated, firstDay: days.lowerBound, lastDay: days.upperBound,
            summary: summary(deadline, phrase: capitalizedPhrase), description: description,
            categories: ["tariffwatch", deadline.kind.rawValue], alarmDaysBefore: remindDays)
    }
}

extension DeadlineCalendar {
    /// `Hearing`, `100% tariffs on Chinese goods – takes effect`: a meeting's subject is the meeting;
    /// other kinds say what happens to their subject.
    func summary(_ deadline: DeadlineFact, phrase capitalizedPhrase: String) -> String {
        guard let first = deadline.subject.first else { return capitalizedPhrase }
        let what = first.uppercased() + deadline.subject.dropFirst()
        let phrase = deadline.kind.phrase
        return phrase.isEmpty || deadline.kind == .meeting ? what : "\(what) – \(phrase)"
    }
}

extension DeadlineKind {
    /// What happens on the day, as a person says it; empty when the text does not say.
    var phrase: String {
        switch self {
        case .effective: "takes effect"
        case .expiry: "expires"
        case .meeting: "meeting"
        case .deadline: "deadline"
        case .other: ""
        }
    }
}

extension DeadlineFact {
    /// The date as the articles give it: `2025-11-01`, `2025-10-25 to 2025-10-27`, `2025-W43`.
    var reportedDate: String {
        endDate.map { "\(date.iso) to \($0.iso)" } ?? date.iso
    }
}
