import Testing

@testable import TariffExtraction

/// One deadline a spec sentence must yield.
struct ExpectedDeadline: Sendable, CustomStringConvertible {
    var date: String
    var end: String?
    var kind: DeadlineKind
    var upcoming: Bool

    var description: String { "\(date)\(end.map { ".." + $0 } ?? "") \(kind.rawValue) upcoming=\(upcoming)" }
}

/// A sentence, the date it is read on, and every deadline it holds; an empty list means none.
struct DeadlineSpec: Sendable, CustomTestStringConvertible {
    var text: String
    var reference: CalendarDate
    var expected: [ExpectedDeadline]
    var testDescription: String { "\(reference): \(text)" }
}

/// A sentence and the TIMEX3 expressions it holds, as (text, type, value).
struct TimexSpec: Sendable, CustomTestStringConvertible {
    var text: String
    var reference: CalendarDate
    var expected: [(text: String, type: TimexType, value: String)]
    var testDescription: String { "\(reference): \(text)" }
}

/// Friday, 24 October 2025: the reference date of most spec sentences.
let friday = CalendarDate(year: 2025, month: 10, day: 24)!
/// Saturday, 18 October 2025.
let saturday = CalendarDate(year: 2025, month: 10, day: 18)!
/// Monday, 3 March 2025.
let monday = CalendarDate(year: 2025, month: 3, day: 3)!

/// Short spellings so the tables read as a specification.
func on(_ reference: CalendarDate, _ text: String, _ expected: ExpectedDeadline...) -> DeadlineSpec {
    DeadlineSpec(text: text, reference: reference, expected: expected)
}

func due(_ date: String, _ kind: DeadlineKind, upcoming: Bool = true, end: String? = nil) -> ExpectedDeadline {
    ExpectedDeadline(date: date, end: end, kind: kind, upcoming: upcoming)
}

func timexes(_ reference: CalendarDate, _ text: String, _ expected: (String, TimexType, String)...) -> TimexSpec {
    TimexSpec(text: text, reference: reference, expected: expected.map { (text: $0.0, type: $0.1, value: $0.2) })
}

/// Checks a deadline spec: the same number of deadlines, each expected one found with every attribute right.
func check(_ spec: DeadlineSpec, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = Extractor().extract(spec.text, referenceDate: spec.reference).deadlines
    let summary = found.map {
        "\($0.date)\($0.endDate.map { ".." + $0.iso } ?? "") \($0.kind.rawValue) upcoming=\($0.upcoming) [\($0.text)]"
    }
    #expect(found.count == spec.expected.count, "found \(summary)", sourceLocation: sourceLocation)
    for expected in spec.expected {
        let match = found.first {
            $0.date.iso == expected.date && $0.endDate?.iso == expected.end && $0.kind == expected.kind
                && $0.upcoming == expected.upcoming
        }
        #expect(match != nil, "missing \(expected); found \(summary)", sourceLocation: sourceLocation)
        if let match {
            #expect(!match.subject.isEmpty, "empty subject for \(expected)", sourceLocation: sourceLocation)
        }
    }
}

/// Checks a timex spec: exactly these expressions, in order, with their spans and values.
func check(_ spec: TimexSpec, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = Extractor().timexes(in: spec.text, referenceDate: spec.reference)
    let summary = found.map { "[\($0.text)] \($0.type.rawValue) \($0.value)" }
    #expect(found.count == spec.expected.count, "found \(summary)", sourceLocation: sourceLocation)
    for (timex, expected) in zip(found, spec.expected) {
        #expect(
            timex.text == expected.text && timex.type == expected.type && timex.value == expected.value,
            "expected [\(expected.text)] \(expected.type.rawValue) \(expected.value); found \(summary)",
            sourceLocation: sourceLocation)
        let scalars = Array(spec.text.unicodeScalars)
        if timex.start >= 0, timex.end <= scalars.count, timex.start <= timex.end {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[timex.start..<timex.end])
            #expect(String(view) == timex.text, "offsets do not cover the text", sourceLocation: sourceLocation)
        }
    }
}
