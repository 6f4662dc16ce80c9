/// The extraction engine: text in, deadlines and tariff changes out. Pure and `Sendable`.
public struct Extractor: Sendable {
    public init() {}

    /// Finds the deadlines and tariff changes in `text`, resolving dates against `referenceDate`.
    public func extract(_ text: String, referenceDate: CalendarDate) -> Extraction {
        let document = TextDocument(text)
        let tags = TemporalTagger(referenceDate: referenceDate).tag(document)
        let deadlines = DeadlineFinder(referenceDate: referenceDate).deadlines(in: document, tags: tags)
        let tariffs = TariffFinder(referenceDate: referenceDate).tariffChanges(in: document, timexes: tags.timexes)
        return Extraction(deadlines: deadlines, tariffChanges: tariffs)
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
