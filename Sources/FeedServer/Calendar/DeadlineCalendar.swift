import AlertWording
public import FactStore
public import TariffExtraction

/// The upcoming deadlines in the state as an iCalendar: one all-day event per deadline fact.
///
/// A day is a one-day event; a range (`October 25 to 27`) one event over its days; a week or a month
/// (`later this week`, `in November`) an all-day span over the whole week or month. The `UID` is the
/// fact's id, so an event moves in a subscribed calendar when the deadline changes instead of doubling.
/// The words are the alerts' (`CalendarWording`): the event says what the journal and the feed say.
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
        let words = FactWords.event(deadline)  // the subject read once for the summary, the description and the alarms
        return ICalendar.Event(
            uid: "\(record.factID)@tariffwatch", stamp: record.updated, firstDay: days.lowerBound, lastDay: days.upperBound,
            summary: CalendarWording.summary(deadline, event: words),
            description: CalendarWording.description(
                deadline, event: words, evidence: record.evidence, article: record.article, sourceFile: record.source,
                sourceCount: record.sourceCount),
            categories: ["tariffwatch", CalendarWording.category(deadline.kind)],
            alarms: remindDays.filter { $0 >= 0 }.map {
                ICalendar.Alarm(daysBefore: $0, description: CalendarWording.alarm(deadline, daysBefore: $0, event: words))
            })
    }
}
