/// Turns dated expressions into deadlines: kind, subject, upcoming, one entry per event.
struct DeadlineFinder: Sendable {
    let referenceDate: CalendarDate

    func deadlines(in document: TextDocument, timexes: [TaggedTimex]) -> [Deadline] {
        []
    }
}
