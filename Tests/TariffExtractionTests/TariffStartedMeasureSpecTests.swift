import Testing

@testable import TariffExtraction

/// Status once the article says when a measure starts: just started is `imposed`, started more than a
/// week before the article is `in_effect`, not started yet is `announced` whatever tense the clause is in
/// (threats and proposals keep theirs). And a rate
/// announced next to a sentence saying the measure has started was put into force.
/// The texts run through the real temporal tagger, as in the daemon.
@Suite struct TariffStartedMeasureSpecTests {
    /// A text, its reference date, and the status each listed rate must carry.
    struct StatusSpec: Sendable, CustomTestStringConvertible {
        var text: String
        var reference: CalendarDate
        var expected: [(rate: Double?, status: TariffStatus)]
        var testDescription: String { text }
    }

    static func read(_ text: String, on reference: String, _ expected: (Double?, TariffStatus)...) -> StatusSpec {
        StatusSpec(text: text, reference: CalendarDate(iso: reference)!, expected: expected.map { ($0.0, $0.1) })
    }

    static let specs: [StatusSpec] = [
        // a decision whose measure started weeks ago: running, whatever the verb
        read("Lumber\n\nOttawa has decided to impose a 20% duty on Brazilian lumber. The Canadian measures, which went into force on May 2, angered Brasilia.",
             on: "2024-06-10", (20, .inEffect)),
        // the same decision, started two days ago: just put into force
        read("Lumber\n\nOttawa has decided to impose a 20% duty on Brazilian lumber. The Canadian measures, which went into force on June 8, angered Brasilia.",
             on: "2024-06-10", (20, .imposed)),
        // the agreement starts today: its cuts are put into force now, though told in the future tense
        read("Pact\n\nThe free trade agreement between Chile and Thailand enters into force today. Under the deal, Chile will eliminate tariffs on Thai rice.",
             on: "2024-06-10", (0, .imposed)),
        // a start still to come leaves the announcement as it is
        read("Pact\n\nThe free trade agreement between Chile and Thailand enters into force on July 1. Under the deal, Chile will eliminate tariffs on Thai rice.",
             on: "2024-06-10", (0, .announced)),
        // a headline in the present tense over a start still to come: decided, not yet in force
        read("Peru raises tariffs on Chilean wine to 18%\n\nThe new tariffs on Chilean wine will take effect on July 1, the finance ministry of Peru said.",
             on: "2024-06-10", (18, .announced)),
        // a past verb with a start date after the article: the decision is made, the duty not yet charged
        read("Lumber\n\nOttawa imposed a 20% duty on Brazilian lumber, effective July 15.",
             on: "2024-06-10", (20, .announced)),
        // a start later this year, told only by its month
        read("Lumber\n\nOttawa has decided to impose a 20% duty on Brazilian lumber from September.",
             on: "2024-06-10", (20, .announced)),
        // …while a threat with a date to come is still a threat
        read("Cheese\n\nParis threatened to impose a 30% duty on Swiss cheese from July 1.",
             on: "2024-06-10", (30, .threatened)),
        // an average level cut from a day the sentence before names: in force for weeks…
        read("Autos\n\nFrom May 1, Vietnam lowered its import tariffs on cars. The average tariff on sedans has been cut to 12% from 18%.",
             on: "2024-06-10", (12, .inEffect)),
        // …or put into force this week
        read("Autos\n\nFrom June 9, Vietnam lowered its import tariffs on cars. The average tariff on sedans has been cut to 12% from 18%.",
             on: "2024-06-10", (12, .imposed)),
        // a threat is not law because the article dates something else near it
        read("Cheese\n\nParis threatened a 30% duty on Swiss cheese. The Swiss rules, which took effect on June 9, upset French farmers.",
             on: "2024-06-10", (30, .threatened)),
        // announced beside an undated statement that the policy has started: imposed
        read("Wine\n\nAfter a month of public comment, the policy has been put into effect. The finance ministry of Peru on Friday announced an 18% tariff on Chilean wine.",
             on: "2024-06-10", (18, .imposed)),
        // ...but not beside a start still planned
        read("Wine\n\nAfter a month of public comment, the policy will be put into effect. The finance ministry of Peru on Friday announced an 18% tariff on Chilean wine.",
             on: "2024-06-10", (18, .announced)),
        // ...nor beside a start that has not happened
        read("Wine\n\nThe finance ministry of Peru on Friday announced an 18% tariff on Chilean wine. The policy has not yet come into force.",
             on: "2024-06-10", (18, .announced)),
        // ...nor two sentences away from it
        read("Wine\n\nThe policy has been put into effect. Growers were angry. The finance ministry of Peru on Friday announced an 18% tariff on Chilean wine.",
             on: "2024-06-10", (18, .announced)),
    ]

    @Test(arguments: specs) func statuses(_ spec: StatusSpec) throws {
        let found = findTaggedTariffs(spec.text, reference: spec.reference)
        let summary = found.map { "\($0.ratePct.map { "\($0)" } ?? "nil")% \($0.status.rawValue) from \($0.effectiveDate?.iso ?? "nil")" }
        for (rate, status) in spec.expected {
            let change = try #require(found.first { $0.ratePct == rate }, "no \(rate.map { "\($0)" } ?? "nil")% rate; found \(summary)")
            #expect(change.status == status, "found \(summary)")
        }
    }

    /// The start-date rule itself, on its edges: the seventh day after the start is still recent, the eighth not.
    @Test(arguments: [
        ("2024-06-10", TariffStatus?.some(.imposed)), ("2024-06-03", .imposed), ("2024-06-02", .inEffect),
        ("2024-06-11", .announced),
    ])
    func startDayEdges(_ start: String, _ expected: TariffStatus?) {
        let status = StartedMeasures.status(startingOn: .day(CalendarDate(iso: start)!), reference: CalendarDate(iso: "2024-06-10")!)
        #expect(status == expected)
    }

    /// A month that ended more than a week ago is in effect; the current month says nothing yet; a month to
    /// come has not started.
    @Test func monthStarts() {
        let reference = CalendarDate(iso: "2024-06-10")!
        #expect(StartedMeasures.status(startingOn: .month(year: 2024, month: 4), reference: reference) == .inEffect)
        #expect(StartedMeasures.status(startingOn: .month(year: 2024, month: 6), reference: reference) == nil)
        #expect(StartedMeasures.status(startingOn: .month(year: 2024, month: 7), reference: reference) == .announced)
    }

    /// Which sentences tell that a measure has started, without a date.
    @Test(arguments: [
        ("The measures have been put into effect.", true), ("The duties took effect.", true),
        ("The pact came into force last year.", true), ("The tariffs are now in force.", true),
        ("The new rules remain in effect.", true),
        ("The measures will take effect.", false), ("The duties are expected to come into force.", false),
        ("The pact has not entered into force.", false), ("The policy could be put into effect.", false),
        ("The effect of the tariffs was large.", false),
    ])
    func startStatements(_ text: String, _ states: Bool) {
        let s = TariffSentence.named(Array(text.utf8), index: 0, range: 0..<text.utf8.count)
        #expect(StartedMeasures.statesStart(s) == states)
    }
}
