import Testing

@testable import TariffExtraction

/// Lines and clauses in the manner of outlets whose copy no rule had been written on (a Canadian broadcaster's
/// byline, a British paper's time stamp, a financial wire's headline in title case). Reference dates as in
/// `DeadlineSpecTests`.
extension DeadlineSpecTests {
    /// A time stamp after names, a short weekday or a stamp word says when the page was written; a headline in
    /// title case with no stamp word is still a sentence.
    static let stampLines: [DeadlineSpec] = [
        on(friday, "Mei Tanaka · Business Desk · Posted: Oct 24, 2025 6:10 AM ET"),
        on(friday, "Fri 24 Oct 2025 07.30 BST"),
        on(friday, "Last updated: Fri 24 Oct 2025 07.30 BST"),
        on(friday, "Dated 24 October 2025"),
        on(friday, "Date: October 24, 2025"),
        // a place in capitals and its date on a line of their own
        on(friday, "BRUSSELS, October 24, 2025\n\nThe duties take effect on Nov. 3.", due("2025-11-03", .effective)),
        on(friday, "New Levies on Steel Take Effect Nov. 3", due("2025-11-03", .effective)),
    ]

    /// A weekday whose own clause has no tense: a start after what it starts is ahead, one opening the sentence is
    /// not; an announcement after a comma reports the clause, it does not date it.
    static let untensedStarts: [DeadlineSpec] = [
        on(friday, "Ottawa will impose dollar-for-dollar countermeasures on up to $16.6 billion worth of American goods "
            + "starting Sunday, the foreign minister announced on Friday.", due("2025-10-26", .effective)),
        on(friday, "Starting Sunday, Canberra cut duties on 400 goods.", due("2025-10-19", .effective, upcoming: false)),
    ]

    /// In a headline in title case, `Will` and `Says` are still an auxiliary and a verb of saying.
    static let titleCaseHeadlines: [DeadlineSpec] = [
        on(friday, "Seoul Will Cut Tariffs on Australian Beef on Tuesday, Officials Say", due("2025-10-28", .other)),
        on(friday, "Seoul Cut Tariffs on Australian Beef Tuesday, Officials Said", due("2025-10-21", .other, upcoming: false)),
    ]

    /// A limit set for what someone is asked to do lies ahead, whatever the asking's tense; a month opening a quoted
    /// name and a holiday's season are no dates of their own.
    static let asksNamesAndSeasons: [DeadlineSpec] = [
        on(friday, "Exporters urged the government to announce a support package before Nov. 30.", due("2025-11-30", .deadline)),
        on(CalendarDate(year: 2025, month: 7, day: 8)!,
            "Seoul had hoped to wrap up a \"July package\" deal before the July 8 deadline, but talks were slowed by the "
                + "June 3 presidential election.",
            due("2025-07-08", .deadline, upcoming: false), due("2025-06-03", .deadline, upcoming: false)),
        on(friday, "Orders for the Christmas season ship in early November.", due("2025-11", .other)),
    ]

    /// A date inside its event's noun phrase stays in the subject whole (`the Nov. 8 deadline`, not `8 deadline`).
    @Test func abbreviatedDateInsideItsNounPhrase() throws {
        let deadline = try #require(Extractor().extract("Talks must end before the Nov. 8 deadline.", referenceDate: friday).deadlines.first)
        #expect(deadline.subject.hasSuffix("Nov. 8 deadline"), "\(deadline.subject)")
    }

    /// What the date's own clause says: a phrase after a comma about the whole clause (`, a surprise move that
    /// threatens to derail talks`) gives it no kind, and a meeting that begins on a day is a meeting.
    static let clauseKinds: [DeadlineSpec] = [
        on(CalendarDate(year: 2019, month: 5, day: 5)!,
            "Trump said he will raise tariffs on $200 billion of Chinese goods to 25 percent from 10 percent on Friday, a surprise "
                + "move that threatens to derail talks.",
            due("2019-05-10", .other)),
        on(friday, "Talks between the two sides resume starting Monday.", due("2025-10-27", .meeting)),
        on(friday, "Tariffs on steel rise starting Monday.", due("2025-10-27", .effective)),
    ]

    /// A rate alone before the date (`to 25 percent from 10 percent on Friday`) takes the end of its clause as subject.
    @Test func rateBeforeTheDateTakesItsClause() throws {
        let text = "Trump said he will raise tariffs on $200 billion of Chinese goods to 25 percent from 10 percent on Friday."
        let deadline = try #require(Extractor().extract(text, referenceDate: CalendarDate(year: 2019, month: 5, day: 5)!).deadlines.first)
        #expect(deadline.subject.contains("raise tariffs"), "\(deadline.subject)")
    }

    /// A relative clause's date is its antecedent's: `the deal, which takes effect Jan. 1` dates the deal.
    @Test func relativeClauseDatesItsAntecedent() throws {
        let text = "Under the deal, which takes effect Jan. 1, the U.S. will keep its tariff on steel."
        let deadline = try #require(Extractor().extract(text, referenceDate: friday).deadlines.first)
        #expect(deadline.subject == "deal")
    }

    /// A start set by a past decision (`approved tariffs … starting Feb. 7`) is the nearest such day, not last year's; a
    /// consultation that closes is a deadline.
    static let decidedStarts: [DeadlineSpec] = [
        on(CalendarDate(year: 2018, month: 1, day: 23)!,
            "Trump approved tariffs of up to 50 percent on large residential washers for three years, starting Feb. 7.",
            due("2018-02-07", .effective)),
        on(friday, "The consultation closes on Nov. 5.", due("2025-11-05", .deadline)),
    ]

    /// A start told by a participle of its own (`with the revised order taking effect on Aug. 28`) is the nearest such
    /// day, whatever the sentence's verb; a plan told in the past with a new one after it (`were due to expire on Oct. 30,
    /// will now apply until …`) no longer holds, one with none still does.
    static let participleStartsAndOldPlans: [DeadlineSpec] = [
        on(CalendarDate(year: 2019, month: 8, day: 2)!,
            "Japan's Cabinet approved the removal on Friday, with the revised order taking effect on Aug. 28.",
            due("2019-08-02", .effective, upcoming: false), due("2019-08-28", .effective)),
        on(friday, "The measures, which were due to expire on Oct. 30, will now apply until October 2027.", due("2027-10", .expiry)),
        on(friday, "The talks were due to open on Nov. 3.", due("2025-11-03", .deadline)),
    ]

    @Test(arguments: participleStartsAndOldPlans)
    func participleStartOrOldPlan(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: decidedStarts)
    func decidedStart(_ spec: DeadlineSpec) { check(spec) }

    /// Subjects: the noun a relative clause with no comma hangs on (`the 50 percent tariff on Brazilian goods that takes
    /// effect`), and a rate written `34 per cent` kept whole.
    @Test func subjectsOfRelativeClausesAndPerCentRates() throws {
        let brazil = try #require(Extractor().extract(
            "Lula will not call Trump to negotiate the 50 percent tariff on Brazilian goods that takes effect on Wednesday.",
            referenceDate: CalendarDate(year: 2025, month: 8, day: 5)!
        ).deadlines.first)
        #expect(brazil.subject.hasSuffix("50 percent tariff on Brazilian goods"), "\(brazil.subject)")
        let china = try #require(Extractor().extract(
            "China will impose an additional 34 per cent tariff on all imports from the United States from April 10.",
            referenceDate: CalendarDate(year: 2025, month: 4, day: 4)!
        ).deadlines.first)
        #expect(china.subject.hasPrefix("34 per cent tariff"), "\(china.subject)")
    }

    @Test(arguments: clauseKinds)
    func clauseKind(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: asksNamesAndSeasons)
    func askNameOrSeason(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: stampLines)
    func stampLine(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: untensedStarts)
    func untensedStart(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: titleCaseHeadlines)
    func titleCaseHeadline(_ spec: DeadlineSpec) { check(spec) }
}
