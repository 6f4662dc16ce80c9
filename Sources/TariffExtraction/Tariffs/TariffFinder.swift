/// Finds tariff moves: who imposes what on whom, at what rate, with what status.
struct TariffFinder: Sendable {
    let referenceDate: CalendarDate

    func tariffChanges(in document: TextDocument, timexes: [TaggedTimex]) -> [TariffChange] {
        []
    }
}
