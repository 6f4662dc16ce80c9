import Testing

@testable import TariffExtraction

/// What the deadline finder reads from one sentence: the specification, as a table.
///
/// Reference dates: `friday` is 2025-10-24 (ISO week 43), `saturday` 2025-10-18, `monday` 2025-03-03.
@Suite struct DeadlineSpecTests {
    /// Calendar dates in every common spelling, and the year a bare date takes from its clause's tense.
    static let explicitDates: [DeadlineSpec] = [
        on(friday, "The new tariffs will take effect on November 1.", due("2025-11-01", .effective)),
        on(friday, "The tariffs will take effect Nov. 1.", due("2025-11-01", .effective)),
        on(friday, "The duties take effect 1 November.", due("2025-11-01", .effective)),
        on(friday, "The levy takes effect on November 1st.", due("2025-11-01", .effective)),
        on(friday, "The rule takes effect November 1, 2025.", due("2025-11-01", .effective)),
        on(friday, "The rule takes effect on the 1st of November.", due("2025-11-01", .effective)),
        on(friday, "Customs will start collecting the duty on 2025-11-01.", due("2025-11-01", .effective)),
        on(friday, "The order becomes effective 11/1/2025.", due("2025-11-01", .effective)),
        on(friday, "Negotiators will meet Thursday, Oct. 30.", due("2025-10-30", .meeting)),
        on(friday, "Negotiators will meet on Thursday, October 30, in Gyeongju.", due("2025-10-30", .meeting)),
        on(friday, "The export controls will take effect December 1.", due("2025-12-01", .effective)),
        on(friday, "The export controls, set to take effect December 1, worry carmakers.", due("2025-12-01", .effective)),
        on(friday, "The quota began on October 10.", due("2025-10-10", .effective, upcoming: false)),
        on(friday, "The truce expires on November 10.", due("2025-11-10", .expiry)),
        on(friday, "The exemption expired on September 30.", due("2025-09-30", .expiry, upcoming: false)),
        on(friday, "The talks are scheduled for January 15.", due("2026-01-15", .meeting)),
        on(friday, "Officials met on January 15.", due("2025-01-15", .meeting, upcoming: false)),
        on(friday, "The summit is on December 3.", due("2025-12-03", .meeting)),
        on(friday, "The hearing was held on March 3.", due("2025-03-03", .meeting, upcoming: false)),
        on(friday, "Comments are due by December 15.", due("2025-12-15", .deadline)),
        // times of day belong to the date they come with; the words before them still say what happens
        on(friday, "The duties take effect at 12:01 a.m. on Saturday.", due("2025-10-25", .effective)),
        on(friday, "The duties take effect at 12:01 a.m. EDT on Nov. 1.", due("2025-11-01", .effective)),
        on(friday, "The tariffs start Nov. 1 at 12:01 a.m.", due("2025-11-01", .effective)),
        on(friday, "Public comments are due by 5 p.m. on Dec. 15.", due("2025-12-15", .deadline)),
        on(friday, "The vote is set for 14:30 GMT on Tuesday.", due("2025-10-28", .meeting)),
        on(friday, "Companies must file comments no later than January 5.", due("2026-01-05", .deadline)),
        on(friday, "The Senate will vote on the bill on November 18.", due("2025-11-18", .meeting)),
        on(friday, "The pause on the duties lapses on February 9.", due("2026-02-09", .expiry)),
        on(friday, "The levy kicks in on January 1.", due("2026-01-01", .effective)),
        on(friday, "The new rules come into force on December 1.", due("2025-12-01", .effective)),
        on(friday, "The 90-day reprieve will end on January 12.", due("2026-01-12", .expiry)),
        on(friday, "The ministers will gather in Geneva on 12 December.", due("2025-12-12", .meeting)),
        on(friday, "The finance ministers will visit Beijing on November 12.", due("2025-11-12", .meeting)),
        on(friday, "Shipments loaded before 12/15/2025 are exempt.", due("2025-12-15", .deadline)),
        on(friday, "The deadline for public comment is January 20, 2026.", due("2026-01-20", .deadline)),
        on(friday, "The quota year ends on 2026-06-30.", due("2026-06-30", .expiry)),
        on(friday, "Beijing has set an ultimatum for December 20.", due("2025-12-20", .deadline)),
        on(friday, "The agreement was signed on 15 January 2020.", due("2020-01-15", .other, upcoming: false)),
        on(friday, "Duties on cars went up on April 3.", due("2025-04-03", .other, upcoming: false)),
        on(friday, "Tariffs on steel rose to 50% on June 4.", due("2025-06-04", .other, upcoming: false)),
        on(
            friday, "Trump said on Thursday that tariffs would start on November 1.", due("2025-11-01", .effective)),
        on(
            friday, "Beijing announced on Oct. 9 that export controls would take effect December 1.",
            due("2025-12-01", .effective)),
        on(
            friday, "The EU will impose additional 25% tariffs on US steel and aluminum starting April 1, the Commission said on Monday.",
            due("2026-04-01", .effective)),
        on(friday, "Tariffs will rise to 25% on December 1, officials said.", due("2025-12-01", .other)),
        on(friday, "Officials said talks on Monday would decide the matter.", due("2025-10-27", .meeting)),
        on(friday, "Trump threatened to impose 100% tariffs on Chinese goods starting November 1.", due("2025-11-01", .effective)),
        on(friday, "The duties will apply to goods shipped from November 15.", due("2025-11-15", .effective)),
        on(friday, "Starting January 1, importers must register online.", due("2026-01-01", .effective)),
        on(friday, "Effective December 1, the fee doubles.", due("2025-12-01", .effective)),
        on(friday, "As of November 3, exporters need a licence.", due("2025-11-03", .effective)),
        on(friday, "Beginning March 1, the quota shrinks.", due("2026-03-01", .effective)),
        on(friday, "The suspension runs until November 30.", due("2025-11-30", .expiry)),
        on(friday, "The waiver lasts through December 31.", due("2025-12-31", .expiry)),
        on(friday, "The truce lasted until November 10, officials said.", due("2025-11-10", .expiry)),
        on(friday, "The ceasefire held until October 1.", due("2025-10-01", .expiry, upcoming: false)),
        on(friday, "The board must decide by January 31.", due("2026-01-31", .deadline)),
        on(friday, "Exporters have until November 28 to apply.", due("2025-11-28", .expiry)),
        on(friday, "Talks resume on November 4 in Washington.", due("2025-11-04", .meeting)),
        on(friday, "A hearing is set for Dec. 2.", due("2025-12-02", .meeting)),
        on(friday, "A ministerial conference opens on 26 February 2026.", due("2026-02-26", .meeting)),
        on(friday, "The forum opens on Feb. 26.", due("2026-02-26", .meeting)),
        on(friday, "The tariff increase took effect on September 1.", due("2025-09-01", .effective, upcoming: false)),
        on(friday, "The measures were implemented in August 2025.", due("2025-08", .effective, upcoming: false)),
        on(friday, "The new levy will be imposed in November 2025.", due("2025-11", .other)),
        on(friday, "The tariffs will take effect in January.", due("2026-01", .effective)),
        on(friday, "The tariffs took effect in January.", due("2025-01", .effective, upcoming: false)),
        on(friday, "The agency will vote in December.", due("2025-12", .meeting)),
        on(friday, "Tariffs have risen since April.", due("2025-04", .other, upcoming: false)),
        on(friday, "The committee meets again on December 9 and 10.", due("2025-12-09", .meeting)),
        on(friday, "Leaders will hold talks on Sept. 3, 2026.", due("2026-09-03", .meeting)),
        on(friday, "Leaders will hold talks on Sept 3 2026.", due("2026-09-03", .meeting)),
        on(friday, "Duties will take effect on November 1 and expire on April 30.", due("2025-11-01", .effective), due("2026-04-30", .expiry)),
    ]

    /// Year turnover: the same words read on other reference dates.
    static let yearInference: [DeadlineSpec] = [
        on(CalendarDate(year: 2025, month: 12, day: 20)!, "The tariffs will take effect January 1.", due("2026-01-01", .effective)),
        on(CalendarDate(year: 2025, month: 12, day: 20)!, "Talks ended on December 12.", due("2025-12-12", .expiry, upcoming: false)),
        on(CalendarDate(year: 2026, month: 1, day: 5)!, "The truce expired on December 31.", due("2025-12-31", .expiry, upcoming: false)),
        on(CalendarDate(year: 2026, month: 1, day: 5)!, "The summit is on December 31.", due("2025-12-31", .meeting, upcoming: false)),
        on(CalendarDate(year: 2026, month: 1, day: 5)!, "The summit is on February 2.", due("2026-02-02", .meeting)),
        on(monday, "The duties will take effect on February 1.", due("2026-02-01", .effective)),
        on(monday, "The duties took effect on February 1.", due("2025-02-01", .effective, upcoming: false)),
        on(monday, "The summit takes place on March 20.", due("2025-03-20", .meeting)),
        on(monday, "The summit takes place on August 20.", due("2025-08-20", .meeting)),
        on(monday, "The summit took place on December 2.", due("2024-12-02", .meeting, upcoming: false)),
        on(monday, "The meeting in December was cancelled.", due("2024-12", .meeting, upcoming: false)),
        on(monday, "The meeting in May will go ahead.", due("2025-05", .meeting)),
        on(saturday, "The tariffs would take effect on November 1.", due("2025-11-01", .effective)),
        on(saturday, "Tariffs have been in place since February 4.", due("2025-02-04", .other, upcoming: false)),
        on(saturday, "Washington is expected to respond by October 31.", due("2025-10-31", .deadline)),
        // within two weeks of the reference the nearest date wins over the tense
        on(saturday, "The duties could take effect on October 14.", due("2025-10-14", .effective, upcoming: false)),
        on(saturday, "The duties could take effect on September 14.", due("2026-09-14", .effective)),
        on(saturday, "The talks were held on October 27.", due("2025-10-27", .meeting)),
        on(saturday, "The talks were held on November 27.", due("2024-11-27", .meeting, upcoming: false)),
        on(saturday, "The duties took effect on October 14.", due("2025-10-14", .effective, upcoming: false)),
        on(saturday, "The vote on October 14 passed narrowly.", due("2025-10-14", .meeting, upcoming: false)),
        on(saturday, "Today's vote passed narrowly.", due("2025-10-18", .meeting, upcoming: false)),
        on(saturday, "The council will vote tomorrow.", due("2025-10-19", .meeting)),
        on(saturday, "The ministers met yesterday.", due("2025-10-17", .meeting, upcoming: false)),
        // a date without a year after one with a year, in the same sentence, takes that year
        on(friday, "The notice invited comments until January 20, 2026, and set hearings for 3 to 5 March.",
           due("2026-01-20", .expiry), due("2026-03-03", .meeting, end: "2026-03-05")),
    ]

    @Test(arguments: explicitDates)
    func explicitDate(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: yearInference)
    func yearFromTense(_ spec: DeadlineSpec) { check(spec) }
}
