import Testing

@testable import TariffExtraction

/// One expected tariff change in a spec sentence.
struct ExpectedTariff: Sendable, CustomStringConvertible {
    var imposer: String?
    var target: String?
    var rate: Double?
    var status: TariffStatus
    var previous: Double? = nil
    var products: [String] = []
    var additional: Bool = false
    var aggregate: Bool = false

    var description: String {
        "\(imposer ?? "nil")→\(target ?? "nil") \(rate.map { "\($0)" } ?? "nil")% \(status.rawValue)"
    }
}

/// A sentence and everything the tariff finder must read from it; an empty list means nothing.
struct TariffSpec: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: [ExpectedTariff]
    var testDescription: String { text }
}

/// Short spellings so the tables read as a specification.
func spec(_ text: String, _ expected: ExpectedTariff...) -> TariffSpec {
    TariffSpec(text: text, expected: expected)
}

func tariff(
    _ imposer: String?, _ target: String?, _ rate: Double?, _ status: TariffStatus, from previous: Double? = nil,
    products: [String] = [], additional: Bool = false, aggregate: Bool = false
) -> ExpectedTariff {
    ExpectedTariff(
        imposer: imposer, target: target, rate: rate, status: status, previous: previous, products: products,
        additional: additional, aggregate: aggregate)
}

/// The reference date every spec sentence is read against.
let specReferenceDate = CalendarDate(year: 2025, month: 10, day: 20)!

func findTariffs(_ text: String, timexes: [TaggedTimex] = [], reference: CalendarDate = specReferenceDate) -> [TariffChange] {
    TariffFinder(referenceDate: reference).tariffChanges(in: TextDocument(text), timexes: timexes)
}

/// The tariffs of a text read after the real temporal tagger, as the daemon reads them.
func findTaggedTariffs(_ text: String, reference: CalendarDate) -> [TariffChange] {
    let document = TextDocument(text)
    let tags = TemporalTagger(referenceDate: reference).tag(document)
    return TariffFinder(referenceDate: reference).tariffChanges(in: document, timexes: tags.timexes)
}

/// Checks a spec: same number of changes, and each expected one found with every attribute right.
func check(_ spec: TariffSpec, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = findTariffs(spec.text)
    let summary = found.map {
        "\($0.imposer ?? "nil")→\($0.target ?? "nil") \($0.ratePct.map { "\($0)" } ?? "nil")% \($0.status.rawValue) prev=\($0.previousRatePct.map { "\($0)" } ?? "nil") products=\($0.products) add=\($0.additional) agg=\($0.aggregate)"
    }
    #expect(found.count == spec.expected.count, "found \(summary)", sourceLocation: sourceLocation)
    for expected in spec.expected {
        guard let change = found.first(where: { $0.imposer == expected.imposer && $0.target == expected.target && $0.ratePct == expected.rate })
        else {
            Issue.record("missing \(expected); found \(summary)", sourceLocation: sourceLocation)
            continue
        }
        #expect(change.status == expected.status, "status of \(expected); found \(summary)", sourceLocation: sourceLocation)
        #expect(change.previousRatePct == expected.previous, "previous rate of \(expected)", sourceLocation: sourceLocation)
        #expect(change.products == expected.products, "products of \(expected)", sourceLocation: sourceLocation)
        #expect(change.additional == expected.additional, "additional of \(expected)", sourceLocation: sourceLocation)
        #expect(change.aggregate == expected.aggregate, "aggregate of \(expected)", sourceLocation: sourceLocation)
    }
}
