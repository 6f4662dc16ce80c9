/// Finds temporal expressions and resolves them against the reference date.
struct TemporalTagger: Sendable {
    let referenceDate: CalendarDate

    func tag(_ document: TextDocument) -> [TaggedTimex] {
        []  // filled in by the temporal tagger work (issue 3)
    }
}
