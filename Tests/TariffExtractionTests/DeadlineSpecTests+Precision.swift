import Testing

@testable import TariffExtraction

/// Sentences in the manner of general news (business pages, wire copy, broadcast transcripts of other years) where
/// a date looks like a deadline but only places a forecast, a company's affairs or a statement in time; each table
/// of false alarms has a near case beside it that keeps its date.
extension DeadlineSpecTests {
    /// A year or a quarter something starts or ends in, with no measure or event in the clause: a forecast, a goal or
    /// a period of accounts.
    static let coarsePeriodsOfNoMeasure: [DeadlineSpec] = [
        on(friday, "Building work on the new terminal is set to begin in early 2027."),
        on(friday, "The airline does not expect to return to profit until 2028."),
        on(friday, "Analysts expect weak demand to continue through the first quarter."),
        on(friday, "The carrier expects losses through the fourth quarter."),
        on(friday, "The spin-off could become effective as early as the second quarter of next year."),
        on(friday, "Freight rates should stay high through next year, shippers said."),
    ]

    /// The same periods beside a measure or an event, or stated as a due date, keep their dates.
    static let coarsePeriodsOfAMeasure: [DeadlineSpec] = [
        on(friday, "The new port levies are set to begin in early 2027.", due("2027", .effective)),
        on(friday, "The quota system will continue until 2028.", due("2028", .expiry)),
        on(friday, "The moratorium runs until the first quarter of next year.", due("2026-Q1", .expiry)),
        on(friday, "The panel's findings are due in the first quarter.", due("2026-Q1", .deadline)),
        on(friday, "The ministers will meet in the second quarter of next year.", due("2026-Q2", .meeting)),
    ]

    @Test(arguments: coarsePeriodsOfNoMeasure + coarsePeriodsOfAMeasure)
    func coarsePeriods(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// The calendar of a firm's securities and deals: maturities, payment and record dates, redemptions, closings.
    static let securitiesAndDeals: [DeadlineSpec] = [
        on(friday, "The carmaker sold $500 million of senior notes due Nov. 15, 2030, priced at par."),
        on(friday, "The board declared a dividend of 12 cents a share, payable Dec. 5 to stock of record Nov. 14."),
        on(friday, "The insurer will redeem its preferred shares on Dec. 1 at $25.50 each."),
        on(friday, "The two retailers expect the transaction to be completed by Dec. 15."),
        on(friday, "The acquisition is scheduled to close on Monday."),
    ]

    /// A measure, a procedure or a summit in the same clause keeps the date, whatever firm it names.
    static let measuresBesideDeals: [DeadlineSpec] = [
        on(friday, "Regulators will rule on the acquisition by Dec. 15.", due("2025-12-15", .deadline)),
        on(friday, "The merger review must be completed by Jan. 9.", due("2026-01-09", .deadline)),
        on(friday, "Stock exchanges must file their new listing rules by Nov. 30.", due("2025-11-30", .deadline)),
        on(friday, "Leaders will discuss sovereign bonds at the summit on Nov. 20.", due("2025-11-20", .meeting)),
        on(friday, "Ministers will meet in Vancouver on Nov. 9 to discuss a federal loan program.", due("2025-11-09", .meeting)),
    ]

    @Test(arguments: securitiesAndDeals + measuresBesideDeals)
    func securities(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// When something was said: a date opening the sentence before a verb of saying, and a date after the place
    /// something was said in (`at a regular news briefing`, `in an editorial`).
    static let datesOfSaying: [DeadlineSpec] = [
        on(friday, "Friday, a Commerce Department official said the talks are making progress."),
        on(friday, "On Monday, the ministry announced that exports had recovered."),
        on(friday, "The envoy is also expected to visit Seoul, a spokesman said at a regular news briefing today."),
        on(friday, "The Financial Times says in an editorial on Friday that the truce is fragile."),
    ]

    /// A date that opens a sentence whose first verb is not one of saying, or that follows an event, is the event's.
    static let datesNearSaying: [DeadlineSpec] = [
        on(friday, "On Monday, the new duties will take effect, the ministry said.", due("2025-10-27", .effective)),
        on(friday, "Monday, officials will meet in Geneva to discuss the dispute.", due("2025-10-27", .meeting)),
        on(friday, "A spokesman said the ministers will hold a regular news briefing on Monday.",
            due("2025-10-27", .other)),
    ]

    @Test(arguments: datesOfSaying + datesNearSaying)
    func saying(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// The last day of a period of accounts or statistics is no expiry.
    static let accountingPeriodEnds: [DeadlineSpec] = [
        on(friday, "The brewer expects a loss for the year ending June 30, 2026."),
        on(friday, "It will post a loss for the year ending tomorrow."),
        on(friday, "Shipments in the four weeks ended Nov. 2 are counted as exports."),
    ]

    /// Something that itself ends on the date keeps it.
    static let measureEnds: [DeadlineSpec] = [
        on(friday, "The truce ending Nov. 10 may be extended.", due("2025-11-10", .expiry)),
        on(friday, "The exemption for the year ends June 30, 2026.", due("2026-06-30", .expiry)),
    ]

    @Test(arguments: accountingPeriodEnds + measureEnds)
    func accountingPeriods(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// The week or month the article is written in, with no event and not told as ahead, is the present.
    static let currentPeriods: [DeadlineSpec] = [
        on(friday, "We are here this week to witness history."),
        on(friday, "The minister said the attacks this month show the port is vulnerable."),
        on(friday, "Average daily turnover for October is 148 million shares."),
    ]

    /// The same periods told as ahead, or named with an event, keep their dates.
    static let currentPeriodsAhead: [DeadlineSpec] = [
        on(friday, "The agency will publish its list this month.", due("2025-10", .other)),
        on(friday, "The border crossing reopens later this month.", due("2025-10", .other)),
        on(friday, "A vote is due this week.", due("2025-W43", .deadline)),
    ]

    /// `up until` and `not until` told in the past say the time is over; an end set in the past stays ahead.
    static let pastUntil: [DeadlineSpec] = [
        on(friday, "Up until Friday, officials had described him only as a witness.",
            due("2025-10-24", .expiry, upcoming: false)),
        on(friday, "It was not until Friday that the ministry revealed the figures.",
            due("2025-10-24", .expiry, upcoming: false)),
    ]

    static let futureUntil: [DeadlineSpec] = [
        on(friday, "The duties will not take effect until Nov. 1.", due("2025-11-01", .expiry)),
        on(friday, "The pause was extended until Friday.", due("2025-10-24", .expiry)),
        on(friday, "The exemption was prolonged through Friday.", due("2025-10-24", .expiry)),
    ]

    /// An end told in the past with no `until` before its date has happened, whether the verb of ending stands
    /// before the date or in a participle after it.
    static let pastEnds: [DeadlineSpec] = [
        on(friday, "The customs union welcomed two new members on Friday, formally ending years of border checks.",
            due("2025-10-24", .expiry, upcoming: false)),
        on(friday, "The fishing truce lapsed on Friday.", due("2025-10-24", .expiry, upcoming: false)),
    ]

    @Test(arguments: currentPeriods + currentPeriodsAhead + pastUntil + futureUntil + pastEnds)
    func presentAndPast(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// `as of` the article's day is the state of things when it was written.
    static let statesAsOf: [DeadlineSpec] = [
        on(friday, "The following are the latest figures as of Friday for the injured."),
        on(friday, "As of Friday evening, the family still had not signed the agreement."),
    ]

    /// A start stated with `as of`: `effective as of`, a verb of starting, or a day still ahead.
    static let startsAsOf: [DeadlineSpec] = [
        on(friday, "The new rates apply as of today.", due("2025-10-24", .effective)),
        on(friday, "The ban is effective as of Friday.", due("2025-10-24", .effective)),
        on(friday, "The quotas are lifted as of Nov. 1.", due("2025-11-01", .effective)),
    ]

    @Test(arguments: statesAsOf + startsAsOf)
    func asOf(_ spec: DeadlineSpec) { check(spec) }

    /// What a regulator sets keeps its date beside a firm's affairs.
    static let regulatorsBesideFirms: [DeadlineSpec] = [
        on(friday, "The bank's stock fell because it may not meet the new capital requirements effective Dec. 7.",
            due("2025-12-07", .effective)),
        on(friday, "Its shares fell because the bank will miss the new capital guidelines due Dec. 7.",
            due("2025-12-07", .deadline)),
    ]

    @Test(arguments: regulatorsBesideFirms)
    func regulators(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// A plan told in the past perfect has since changed.
    static let plansSinceChanged: [DeadlineSpec] = [
        on(friday, "The offer, valued at $576 million, had been set to expire Nov. 6."),
        on(friday, "The vote had been scheduled for Nov. 6 before the chamber adjourned."),
    ]

    /// The same plan in the present perfect or the present holds.
    static let plansThatHold: [DeadlineSpec] = [
        on(friday, "The offer has been set to expire Nov. 6.", due("2025-11-06", .expiry)),
        on(friday, "The vote is scheduled for Nov. 6.", due("2025-11-06", .meeting)),
    ]

    @Test(arguments: plansSinceChanged + plansThatHold)
    func pastPerfectPlans(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// An era named by a day (`the people of tomorrow`) and a span counted from a told event (`seven days later`).
    static let erasAndRelativeSpans: [DeadlineSpec] = [
        on(friday, "If I were choosing the people of tomorrow, I would choose these."),
        on(friday, "If the family does not appeal, the soonest he could leave would be seven days later."),
    ]

    /// The same words with an event of their own keep their dates.
    static let eventsTomorrowAndLater: [DeadlineSpec] = [
        on(friday, "The vote of the committee is set for tomorrow.", due("2025-10-25", .meeting)),
        on(friday, "The duties take effect three days later.", due("2025-10-27", .effective)),
    ]

    @Test(arguments: erasAndRelativeSpans + eventsTomorrowAndLater)
    func erasAndSpans(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// A date whose verb is denied, with no event word, dates nothing.
    static let deniedDates: [DeadlineSpec] = [
        on(friday, "Officials said they did not plan to remove the boy on Monday morning."),
        on(friday, "The minister will not travel to Geneva on Monday."),
        on(friday, "The envoy didn't go to Geneva on Monday."),
    ]

    /// A denial elsewhere in the sentence, or a kind of its own, keeps the date.
    static let datesBesideDenials: [DeadlineSpec] = [
        on(friday, "The duties will not take effect until Nov. 1.", due("2025-11-01", .expiry)),
        on(friday, "Officials, who did not give details, will travel to Geneva on Monday.", due("2025-10-27", .other)),
        on(friday, "Talks will not resume on Monday.", due("2025-10-27", .meeting)),
        on(friday, "She is not working for any candidate in next week's election.", due("2025-W44", .other)),
        on(friday, "The ruling means he will not be sent back between now and Dec. 10.", due("2025-12-10", .expiry)),
    ]

    @Test(arguments: deniedDates + datesBesideDenials)
    func denials(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// A verb that moves a date (`pushed`, `postponed`) tells the past when no `to`, `until` or `back` follows it: the
    /// date is when the moving happened.
    static let movesTold: [DeadlineSpec] = [
        on(friday, "The farmers' union was pushed out of the trade talks in February.",
            due("2025-02", .meeting, upcoming: false)),
        on(friday, "The hearing was postponed on Monday.", due("2025-10-20", .meeting, upcoming: false)),
    ]

    /// Toward a new date the same verbs look ahead.
    static let movesAhead: [DeadlineSpec] = [
        on(friday, "The trade talks were pushed back to February.", due("2026-02", .meeting)),
        on(friday, "The hearing was postponed to Monday.", due("2025-10-27", .meeting)),
    ]

    @Test(arguments: movesTold + movesAhead)
    func moves(_ spec: DeadlineSpec) { check(spec) }
}

extension DeadlineSpecTests {
    /// A date in a sentence-opening `after` phrase takes the tense of the clause after its comma: told in the past,
    /// the day of writing has happened.
    static let openingAfterPast: [DeadlineSpec] = [
        on(friday,
            "After touring the port on Thursday and meeting dock workers on Friday morning, the minister said the levies were fair.",
            due("2025-10-23", .meeting, upcoming: false), due("2025-10-24", .meeting, upcoming: false)),
    ]

    /// Under a future main clause the same phrase stays ahead.
    static let openingAfterAhead: [DeadlineSpec] = [
        on(friday, "After meeting dock workers on Friday evening, the minister will tour the port.",
            due("2025-10-24", .meeting)),
    ]

    @Test(arguments: openingAfterPast + openingAfterAhead)
    func openingAfter(_ spec: DeadlineSpec) { check(spec) }
}
