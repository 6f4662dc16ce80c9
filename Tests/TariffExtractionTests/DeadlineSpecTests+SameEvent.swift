import Testing

@testable import TariffExtraction

/// One event is one deadline: a vaguer mention of an event the article dates elsewhere folds into the dated
/// one, and a date that only says who wrote the report, and when, is none. Reference dates as in
/// `DeadlineSpecTests`.
extension DeadlineSpecTests {
    /// Bylines and time stamps: the lines above the story that say who filed it and when.
    static let bylines: [DeadlineSpec] = [
        on(friday, "By Maria Costa — October 24, 2025 at 9:15 a.m. ET"),
        on(friday, "Kenji Sato, Osaka — 24 October 2025, 16:40 (local time). Exporters brace for the levy."),
        on(friday, "By Ana Ruiz -- Oct. 24, 2025. Growers count the cost."),
        on(friday, "Chen Li-wen, Tainan — 24 October 2025, 08:10. Growers count the cost."),
        on(friday, "Last updated 24 October 2025, 18:00"),
        on(friday, "Oct 24 (AFP) - Farmers in the region brace for the new duties."),
        // a line of its date alone, maybe with the clock, is when the page was written
        on(friday, "Tariffs rise\n\nBy Ann Lee\nOctober 24, 2025\n\nThe duty takes effect on Nov. 3.", due("2025-11-03", .effective)),
        on(friday, "Oct. 24, 2025 9:30 a.m. ET"),
        // prose before a dash is no byline
        on(friday, "Exporters have one date in mind — November 3, when the duties start.", due("2025-11-03", .effective)),
    ]

    /// A vaguer mention and a dated one of the same event, and of two events in the same period.
    static let sameEventMentions: [DeadlineSpec] = [
        // the end of a period reached by `before` or `by`, beside the day the same measure takes effect
        on(friday, "The pact will enter into force on Sunday. Because the pact takes effect before the end of this year, "
            + "exporters gain a second round of cuts within weeks.", due("2025-10-26", .effective)),
        // another event in the same period keeps its own deadline
        on(friday, "The pact will enter into force on Sunday. The ministry must publish its customs rules before the end of this year.",
            due("2025-10-26", .effective), due("2025-12-31", .deadline)),
        // a month in front of a noun names the event the article dates
        on(friday, "Rates on sofas climb on Jan. 1. Stores will reprice after the January increases.", due("2026-01-01", .other)),
        on(friday, "The hearing is on Nov. 12. Lawyers for the importers are preparing for the November hearing.",
            due("2025-11-12", .meeting)),
        // unless the noun names another kind of event than the one dated
        on(friday, "Duties on trucks start on Nov. 1. Lawyers for the importers are preparing for the November hearing.",
            due("2025-11-01", .effective), due("2025-11", .meeting)),
        // a month as the date of its own sentence is no modifier
        on(friday, "Rates on sofas climb on Jan. 1. Talks on a quota will open in January.",
            due("2026-01-01", .other), due("2026-01", .meeting)),
        // a week-level mention and a day of the same kind: the day dates the event
        on(friday, "The summit is later next week. Leaders will meet on Thursday, Oct. 30.", due("2025-10-30", .meeting)),
        // a month and another meeting dated inside it, with nothing in common: two events
        on(friday, "The duties will be finalized on Thursday after a cabinet meeting. Lima and Quito will hold talks later this month.",
            due("2025-10-30", .meeting), due("2025-10", .meeting)),
        // …and the same talks, named again, are one
        on(friday, "Lima and Quito will hold talks on Thursday. The talks later this month will cover the quota.",
            due("2025-10-30", .meeting)),
    ]

    /// Spans counted from an event the article dates, and the day a span starts from.
    static let countedFromEvents: [DeadlineSpec] = [
        // counted from an event dated in an earlier sentence
        on(friday, "The board published its ruling on Oct. 20. Importers must appeal within 60 days of the ruling.",
            due("2025-12-19", .deadline)),
        on(friday, "The cabinet gave its approval on Oct. 21. Mills have three weeks after the approval to submit claims.",
            due("2025-11-11", .deadline), due("2025-10-21", .other, upcoming: false)),
        // told in the past, a span from an event is history
        on(friday, "The quota opened on Oct. 1 and was sold out within two days of the opening.",
            due("2025-10-01", .other, upcoming: false)),
        // a span counted from an event no date is given for stays undated
        on(friday, "Importers must appeal within 60 days of the ruling."),
        // a horizon of years counted from an event is no deadline
        on(friday, "The pact was signed on Oct. 20. Duties fall to zero within ten years of the signing.",
            due("2025-10-20", .other, upcoming: false)),
        // the day ahead a span is counted from is its start, not an event of its own
        on(friday, "The duties take effect 30 days from Nov. 3.", due("2025-12-03", .effective)),
        on(friday, "The rules apply 15 days after publication on Oct. 27.", due("2025-11-11", .effective)),
        // unless an event noun says it is one
        on(friday, "The tariffs will take effect two weeks after the hearing on Nov. 3.",
            due("2025-11-17", .effective), due("2025-11-03", .meeting)),
    ]

    /// A word joined to another by a hyphen is an adjective, not the verb that sets the tense.
    static let compoundAdjectives: [DeadlineSpec] = [
        on(friday, "Mexico will raise its duty on cold-rolled steel imported from Asia to 35% from 20% starting March 1, "
            + "the ministry said.", due("2026-03-01", .effective)),
        on(friday, "The state-owned buyer will sign the purchase contract on Nov. 3 in Lima.", due("2025-11-03", .other)),
        // after a prefix it is still the verb
        on(friday, "The agency re-imposed the duties on Oct. 20.", due("2025-10-20", .other, upcoming: false)),
    ]

    /// Subjects that say what happens and whose it is, not the fragment next to the date.
    static let fullerSubjects: [(reference: CalendarDate, text: String, subject: String)] = [
        // a phrase that opens on its verb takes the clause's subject, past an appositive or a relative clause
        (friday, "The trade council, known as Tradecom, will meet on Nov. 3 to review the list.", "trade council will meet"),
        (friday, "The customs agency's draft rule, which defines origin, is open for comment through Nov. 14.",
         "customs agency's draft rule is open for comment"),
        // a lone event noun takes its clause
        (friday, "The new rules will undergo a review and hearings on Nov. 12.", "new rules will undergo a review and hearings"),
        // an infinitive after `whether` has the actor of the verb before it
        (friday, "Lima will decide whether to impose the duties around Nov. 20.", "Lima to impose the duties"),
        // a phrase hanging off the main clause after a comma takes the main clause
        (friday, "Peru will exempt 30 medicines from tariffs, including all vaccines from Nov. 1.",
         "Peru will exempt 30 medicines from tariffs, including all vaccines"),
        // a subject cut inside `between …` reaches the noun it belongs to
        (friday, "The trade pact between Chile and South Korea will officially come into force from Sunday.",
         "trade pact between Chile and South Korea will officially come into force"),
        // names after the date go on to what they do
        (friday, "In November the Chilean Senate will be voting on the pact.", "Chilean Senate will be voting on the pact"),
        // a date set off by a comma dates the clause before it, decimals and all; a verb after a left-out modal
        // takes its actor with `to`
        (friday, "Lima said it would raise the duty on Chilean wine to 12.5% from 9.5%, effective Nov. 3.",
         "Lima to raise the duty on Chilean wine to 12.5% from 9.5%"),
        // thousands separators, amounts and initialisms belong to the phrase
        (friday, "Duties on 1,585 consumer goods will fall on Nov. 10.", "Duties on 1,585 consumer goods will fall"),
        (friday, "The agency will publish its $2.5 billion list on Nov. 12.", "agency will publish its $2.5 billion list"),
        (friday, "Officials said the U.N. trade body will publish its review on Nov. 12.", "U.N. trade body will publish its review"),
        // the date's possessive leads to the event; an opening function word names no one
        (friday, "Without Monday's deal, the duties would rise.", "deal"),
        // an amount alone names nothing: the clause does; a number the count of words stopped at belongs to its unit
        (friday, "Under the pact, the tariff is due to fall to 19.5 per cent on April 1.", "tariff is due to fall to 19.5 per cent"),
        (friday, "Lima will impose duties of up to 38.02 percent on steel plates from Chile for five years starting next week.",
         "Lima's 38.02 percent on steel plates from Chile for five years"),
        // `until at least`, `by the latest`: bounds of the date, not words of the event
        (friday, "The lower rate will stay in place until at least March 31.", "lower rate will stay in place"),
        // a relative clause set off by commas, with a date of its own, describes the noun before it
        (friday, "The exclusion for farm machinery, which was extended through October 20, 2025, will expire on May 31.",
         "exclusion for farm machinery"),
    ]

    @Test(arguments: fullerSubjects)
    func fullerSubject(_ row: (reference: CalendarDate, text: String, subject: String)) throws {
        let deadline = try #require(Extractor().extract(row.text, referenceDate: row.reference).deadlines.first { $0.upcoming })
        #expect(deadline.subject == row.subject)
    }

    @Test(arguments: bylines)
    func byline(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: sameEventMentions)
    func sameEventMention(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: countedFromEvents)
    func countedFromEvent(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: compoundAdjectives)
    func compoundAdjective(_ spec: DeadlineSpec) { check(spec) }
}
