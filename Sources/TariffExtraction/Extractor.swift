/// The extraction engine: text in, deadlines and tariff changes out. Pure and `Sendable`.
public struct Extractor: Sendable {
    public init() {}

    /// Finds the deadlines and tariff changes in `text`, resolving dates against `referenceDate`, with no
    /// document budget (long sentences are still read in pieces): for trusted text and tests.
    public func extract(_ text: String, referenceDate: CalendarDate) -> Extraction {
        // cannot throw: the unbudgeted limits have no bound to exceed
        (try? extract(text, referenceDate: referenceDate, limits: .unbudgeted)) ?? Extraction()
    }

    /// Finds the deadlines and tariff changes in `text` within `limits`.
    /// - Throws: `ExtractionTooComplex` when the document needs more work, memory or time than `limits`
    ///   allow; nothing found so far is returned, as a partial reading could contradict a full one.
    public func extract(
        _ text: String, referenceDate: CalendarDate, limits: ExtractionLimits
    ) throws(ExtractionTooComplex) -> Extraction {
        let budget = WorkBudget(limits)
        let document = TextDocument(text, limits: limits)
        let tags = TemporalTagger(referenceDate: referenceDate).tag(document, budget: budget)
        try budget.verify()
        let deadlines = DeadlineFinder(referenceDate: referenceDate).deadlines(in: document, tags: tags, budget: budget)
        try budget.verify()
        let tariffs = TariffFinder(referenceDate: referenceDate).tariffChanges(in: document, timexes: tags.timexes, budget: budget)
        try budget.verify()
        return Extraction(deadlines: deadlines, tariffChanges: tariffs, notes: document.notes)
    }

    /// Every temporal expression in `text`, with TIMEX3 values, offsets in Unicode scalars.
    public func timexes(in text: String, referenceDate: CalendarDate) -> [Timex] {
        let document = TextDocument(text)
        return TemporalTagger(referenceDate: referenceDate).tag(document).timexes.map { tagged in
            Timex(
                text: document.string(tagged.bytes),
                start: document.scalarOffset(ofByte: tagged.bytes.lowerBound),
                end: document.scalarOffset(ofByte: tagged.bytes.upperBound),
                type: tagged.type,
                value: tagged.value
            )
        }
    }
}
