import Testing

@testable import TariffExtraction

/// When a rate starts to apply, wherever the article says it: in the rate's clause, in the sentence
/// before or after, for the imposer's measures or the agreement some sentences away, or in the headline.
/// The texts run through the real temporal tagger, as in the daemon.
@Suite struct TariffEffectiveDateSpecTests {
    /// A text, its reference date, and the effective date (nil: none) each listed rate must carry.
    struct DateSpec: Sendable, CustomTestStringConvertible {
        var text: String
        var reference: CalendarDate
        var expected: [(rate: Double?, date: String?)]
        var testDescription: String { text }
    }

    static func dated(_ text: String, on reference: String, _ expected: (Double?, String?)...) -> DateSpec {
        let parts = reference.split(separator: "-").compactMap { Int($0) }
        return DateSpec(text: text, reference: CalendarDate(year: parts[0], month: parts[1], day: parts[2])!, expected: expected.map { ($0.0, $0.1) })
    }

    static let specs: [DateSpec] = [
        // a span counted from a stated day: the day the tagger computes
        dated("Steel tariffs\n\nThe duties, 20 percent on Korean steel and 5 percent on Korean copper, will take effect 10 days after the decree of May 2.",
              on: "2024-05-06", (20, "2024-05-12"), (5, "2024-05-12")),
        // a span counted from now, after a phrase of entry into force
        dated("Soybeans\n\nBrazil said its 12% tariff on Argentine soybeans would take effect within 30 days.",
              on: "2024-05-06", (12, "2024-06-05")),
        // `within` a span that no phrase of entry into force introduces is a horizon, not a start
        dated("Trade pact\n\nPeru will cut its tariffs on Korean cars to zero within 10 years.",
              on: "2024-05-06", (0, nil)),
        // `on` after `took effect` names the start, even in the past
        dated("Fruit\n\nIndia's 30% duty on Chilean apples took effect on April 2, the ministry said.",
              on: "2024-05-06", (30, "2024-04-02")),
        // a rate in force `since` a day has applied from that day
        dated("Cheese\n\nSwiss cheese has paid a 15% Canadian tariff since March 11.",
              on: "2024-05-06", (15, "2024-03-11")),
        // `effective until` names an end, not a start
        dated("Wine\n\nJapan's 8% tariff on Chilean wine stays effective until June 30.",
              on: "2024-05-06", (8, nil)),
        // the measures of one party, dated a few sentences away, date that party's decided rates
        dated("Metals\n\nThe Mexican government imposed a 25% tariff on Peruvian steel. Exporters in Lima complained loudly. Trade groups asked for talks. The Mexican measures, which went into force on April 20, were criticised in Lima.",
              on: "2024-05-06", (25, "2024-04-20")),
        // ...but not a threat of that party: it has not started
        dated("Metals\n\nMexico threatened a 40% tariff on Peruvian copper. Exporters in Lima complained loudly. Trade groups asked for talks. The Mexican measures, which went into force on April 20, were criticised in Lima.",
              on: "2024-05-06", (40, nil)),
        // a measure named by whose goods it hits, without an owner, dates the undated rates on those goods
        dated("Rice\n\nThailand imposed a 10% tariff on Vietnamese rice. Exporters in Hanoi complained. Farmers asked for help. The duties against Vietnam, which hit half of its rice sales, came into force on April 20.",
              on: "2024-05-06", (10, "2024-04-20")),
        // ...but not the rates on another country's goods
        dated("Rice\n\nThailand imposed a 10% tariff on Vietnamese rice. Exporters in Hanoi complained. Farmers asked for help. The duties against Cambodia, which hit half of its rice sales, came into force on April 20.",
              on: "2024-05-06", (10, nil)),
        // an agreement's entry into force dates the rates `under the deal`
        dated("Korea-Peru pact\n\nThe free trade agreement between Peru and Korea will come into force on Sunday. Officials in Lima welcomed it. Under the deal, Peru will eliminate tariffs on Korean cars.",
              on: "2024-05-03", (0, "2024-05-05")),
        // a date of saying is no start
        dated("Rice\n\nThailand imposed a 10% tariff on Vietnamese rice, officials said on Monday.",
              on: "2024-05-08", (10, nil)),
    ]

    @Test(arguments: specs) func effectiveDates(_ spec: DateSpec) throws {
        let found = findTaggedTariffs(spec.text, reference: spec.reference)
        let summary = found.map { "\($0.ratePct.map { "\($0)" } ?? "nil")% from \($0.effectiveDate?.iso ?? "nil")" }
        for (rate, date) in spec.expected {
            let change = try #require(found.first { $0.ratePct == rate }, "no \(rate.map { "\($0)" } ?? "nil")% rate; found \(summary)")
            #expect(change.effectiveDate?.iso == date, "found \(summary)")
        }
    }

    /// The start-phrase reader itself: which words open a start and which close one.
    @Test(arguments: [
        ("took effect on", true), ("came into force on", true), ("in effect since", true), ("effective", true),
        ("effective until", false), ("in force before", false), ("on", false), ("the effect of", false),
    ])
    func startPhrases(_ words: String, _ starts: Bool) throws {
        let text = "X \(words) May 5."
        let s = TariffSentence.named(Array(text.utf8), index: 0, range: 0..<text.utf8.count)
        let may = try #require(s.tokens.firstIndex { $0.hash == TariffTokenizer.hash("may") })
        #expect(EffectPhrase.precedes(s, may) == starts)
    }
}
