import Testing

@testable import TariffExtraction

/// Issue 8: hostile text is read in bounded pieces, within a per-document budget, with the same facts
/// as before on ordinary text.
@Suite struct ExtractionLimitsTests {
    private let reference = CalendarDate(year: 2025, month: 10, day: 24)!

    private static func repeated(_ unit: String, toBytes size: Int) -> String {
        String(repeating: unit, count: size / unit.utf8.count)
    }

    /// Words, numbers, marks and non-ASCII letters: every piece holds at most the bound, nothing is lost.
    @Test(arguments: [
        ("on Monday, ", 50),
        ("7,", 10),
        ("Zürich—Genève “quoted” ", 7),
        ("tariffs on steel imports from China rose to 25% ", 2_000),
    ])
    func longSentencesAreCutIntoPiecesOfAtMostTheBound(unit: String, maxTokens: Int) {
        let text = Self.repeated(unit, toBytes: 40_000)
        var limits = ExtractionLimits.standard
        limits.maxSentenceTokens = maxTokens
        let document = TextDocument(text, limits: limits)
        #expect(document.sentences.count > 1)
        #expect(document.notes.count == 1)
        let store = TimexTokenizer.Store()
        var tariffTokens: [TariffToken] = []
        for piece in document.sentences {
            let tokens = store.tokens(document.bytes, piece)
            TariffTokenizer.tokenize(document.bytes, piece, into: &tariffTokens)
            #expect(tokens.count <= maxTokens)
            #expect(tariffTokens.count <= maxTokens)
            // pieces start and end on whole characters
            #expect(!document.string(piece).unicodeScalars.contains("\u{FFFD}"))
        }
        let joined = document.sentences.map { document.string($0) }.joined(separator: " ")
        #expect(joined.filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
    }

    @Test func ordinarySentencesAreNotCut() {
        let text = "Canada will impose a 35% tariff on Mexican steel starting November 1, officials said. Talks end Friday."
        #expect(TextDocument(text).sentences.count == 2)
        #expect(TextDocument(text).notes.isEmpty)
    }

    /// A fact in a sentence longer than the evidence bound quotes a window around itself, not the sentence.
    @Test func evidenceOfALongSentenceIsAWindowAroundTheFact() throws {
        let filler = Self.repeated("officials met reporters again ", toBytes: 6_000)
        let text = filler + "Canada will impose a 35% tariff on Mexican steel starting November 1 " + filler
        let extraction = Extractor().extract(text, referenceDate: reference)
        let change = try #require(extraction.tariffChanges.first)
        #expect(change.sentence.utf8.count < 400)
        #expect(change.sentence.hasPrefix("…") && change.sentence.hasSuffix("…"))
        #expect(change.sentence.contains("35% tariff on Mexican steel"))
        let deadline = try #require(extraction.deadlines.first)
        #expect(deadline.sentence.contains("November 1"))
        #expect(deadline.sentence.utf8.count < 400)
    }

    @Test func aDocumentOverItsCandidateBoundIsTooComplex() throws {
        var limits = ExtractionLimits.standard
        limits.maxCandidates = 1_000
        let text = Self.repeated("on Monday, ", toBytes: 20_000)  // 1,818 dates
        let error = try #require(throws: ExtractionTooComplex.self) {
            try Extractor().extract(text, referenceDate: reference, limits: limits)
        }
        #expect(error.bound == .candidates)
        #expect(error.description.hasPrefix("too complex: "))
    }

    @Test func aDocumentOverItsWorkBoundIsTooComplex() throws {
        var limits = ExtractionLimits.standard
        limits.maxWorkUnits = 5_000
        let text = Self.repeated("The United States will impose 100% tariffs on Chinese goods starting November 1. ", toBytes: 50_000)
        let error = try #require(throws: ExtractionTooComplex.self) {
            try Extractor().extract(text, referenceDate: reference, limits: limits)
        }
        #expect(error.bound == .work)
    }

    @Test func aDocumentOverItsTimeBoundIsTooComplex() throws {
        var limits = ExtractionLimits.standard
        limits.maxDuration = .zero
        let text = Self.repeated("The United States will impose 100% tariffs on Chinese goods starting November 1. ", toBytes: 200_000)
        let error = try #require(throws: ExtractionTooComplex.self) {
            try Extractor().extract(text, referenceDate: reference, limits: limits)
        }
        #expect(error.bound == .time)
    }

    /// The budget only ever stops extraction: within it, the facts are those of the unbudgeted engine.
    @Test func withinBudgetTheFactsAreTheUnbudgetedOnes() throws {
        let text = """
            President Donald Trump said on Friday the United States will impose an additional 100% tariff on \
            Chinese goods starting November 1. Beijing cut its tariffs on American goods from 125% to 10% for 90 days.
            The truce expires on Nov. 10, and talks are planned next Thursday in Kuala Lumpur.
            """
        let bounded = try Extractor().extract(text, referenceDate: reference, limits: .standard)
        #expect(bounded == Extractor().extract(text, referenceDate: reference))
        #expect(!bounded.deadlines.isEmpty && !bounded.tariffChanges.isEmpty)
    }

    /// A comma list of names before a tariff noun took cubic time (32 KiB: 38 s in a release build).
    @Test func aLongListOfNamesIsReadInLinearTime() {
        let names = ["Malaysia", "Thailand", "Vietnam", "Indonesia"]
        let long = Self.repeated(names.joined(separator: ", ") + ", ", toBytes: 12_000) + "tariffs"
        let elapsed = ContinuousClock().measure { _ = Extractor().extract(long, referenceDate: reference) }
        #expect(elapsed < .seconds(5))  // minutes before, in a debug build
    }
}
