import Testing

@testable import TariffExtraction

/// Weekdays, relative periods and ranges. `friday` is 2025-10-24 (ISO week 43).
extension DeadlineSpecTests {
    static let weekdays: [DeadlineSpec] = [
        on(friday, "Officials will meet on Saturday.", due("2025-10-25", .meeting)),
        // a limit (`by`, `until`) on a weekday, with no tense to say otherwise, is ahead
        on(friday, "A deal on the whiskey duty by Wednesday, or new tariffs on French wine.", due("2025-10-29", .deadline)),
        on(friday, "Paris said it could impose a 200% tariff on whiskey from the United States unless Washington drops its duty on wine by Wednesday.",
           due("2025-10-29", .deadline)),
        on(friday, "Top officials are set to meet in Kuala Lumpur on Saturday.", due("2025-10-25", .meeting)),
        on(friday, "He will visit Tokyo on Monday.", due("2025-10-27", .meeting)),
        on(friday, "Trade ministers meet next Thursday.", due("2025-10-30", .meeting)),
        on(friday, "The Trump-Xi meeting is planned for next Thursday.", due("2025-10-30", .meeting)),
        on(friday, "A summit is set for next Friday.", due("2025-10-31", .meeting)),
        on(friday, "The leaders met on Monday.", due("2025-10-20", .meeting, upcoming: false)),
        on(friday, "The envoy arrived on Sunday.", due("2025-10-19", .other, upcoming: false)),
        on(friday, "The minister spoke last Friday.", due("2025-10-17", .other, upcoming: false)),
        on(friday, "The envoy is expected to arrive on Sunday.", due("2025-10-26", .other)),
        on(friday, "Talks will resume on Wednesday.", due("2025-10-29", .meeting)),
        on(friday, "The talks resumed on Wednesday.", due("2025-10-22", .meeting, upcoming: false)),
        on(friday, "Saturday's session aims to restore progress.", due("2025-10-25", .meeting)),
        on(friday, "The tariffs take effect on Monday.", due("2025-10-27", .effective)),
        on(friday, "The deadline is Tuesday.", due("2025-10-28", .deadline)),
        on(friday, "Importers must file by Wednesday.", due("2025-10-29", .deadline)),
        on(friday, "The truce expires on Thursday.", due("2025-10-30", .expiry)),
        on(friday, "The committee voted on Thursday.", due("2025-10-23", .meeting, upcoming: false)),
        on(friday, "Speaking at a forum on Friday, the ambassador criticised the tariffs.", due("2025-10-24", .meeting, upcoming: false)),
        on(friday, "The vote is on Friday.", due("2025-10-24", .meeting)),
        on(friday, "The ASEAN summit runs on Sunday and Monday.", due("2025-10-26", .meeting, end: "2025-10-27")),
        on(friday, "Trump will attend the ASEAN summit in Kuala Lumpur on Sunday and Monday.", due("2025-10-26", .meeting, end: "2025-10-27")),
        on(friday, "Hearings run from Monday to Wednesday.", due("2025-10-27", .meeting, end: "2025-10-29")),
        on(friday, "Hearings run Monday through Wednesday.", due("2025-10-27", .meeting, end: "2025-10-29")),
        on(saturday, "Talks begin on Monday.", due("2025-10-20", .effective)),
        on(saturday, "The ministers will meet on Saturday.", due("2025-10-18", .meeting)),
        on(saturday, "Officials began talks in Kuala Lumpur on Saturday.", due("2025-10-18", .meeting, upcoming: false)),
        on(saturday, "The vote is set for next Saturday.", due("2025-10-25", .meeting)),
        on(saturday, "Talks collapsed last Saturday.", due("2025-10-11", .meeting, upcoming: false)),
        on(monday, "The talks will resume on Friday.", due("2025-03-07", .meeting)),
        on(monday, "Ministers will meet next Friday.", due("2025-03-07", .meeting)),
        on(monday, "The levy took effect last Tuesday.", due("2025-02-25", .effective, upcoming: false)),
        on(monday, "The panel met on Sunday.", due("2025-03-02", .meeting, upcoming: false)),
        on(friday, "Without an agreement by Wednesday, 12 November, the higher rate could snap back.", due("2025-11-12", .deadline)),
    ]

    static let periods: [DeadlineSpec] = [
        on(friday, "The talks will resume next week.", due("2025-W44", .meeting)),
        on(friday, "A vote is expected this week.", due("2025-W43", .meeting)),
        on(friday, "Talks are planned for later this week.", due("2025-W43", .meeting)),
        on(friday, "The tariffs go into effect next month.", due("2025-11", .effective)),
        on(friday, "Trump pledged export restrictions on software starting next month.", due("2025-11", .effective)),
        on(friday, "The summit takes place later this month.", due("2025-10", .meeting)),
        on(friday, "The summit takes place this month.", due("2025-10", .meeting)),
        on(friday, "The committee will meet next quarter.", due("2026-Q1", .meeting)),
        on(friday, "The new duties take effect early next year.", due("2026", .effective)),
        on(friday, "The truce expires next year.", due("2026", .expiry)),
        on(friday, "The rules will apply from the end of March.", due("2026-03-31", .effective)),
        on(friday, "Negotiators hope to finish talks by the end of the month.", due("2025-10-31", .deadline)),
        on(friday, "Importers must pay by year-end.", due("2025-12-31", .deadline)),
        on(friday, "Importers must pay by the end of the year.", due("2025-12-31", .deadline)),
        on(friday, "Parliament will vote by mid-December.", due("2025-12", .deadline)),
        on(friday, "The border crossing will reopen in mid-December.", due("2025-12", .other)),
        on(friday, "The levy takes effect in late November.", due("2025-11", .effective)),
        on(friday, "The agency will decide within 90 days.", due("2026-01-22", .deadline)),
        on(friday, "Washington must respond within two weeks.", due("2025-11-07", .deadline)),
        on(friday, "The tariffs kick in in two weeks.", due("2025-11-07", .effective)),
        on(friday, "The results are due in the third quarter.", due("2026-Q3", .deadline)),
        on(friday, "The quota expires at the end of Q1 2026.", due("2026-03-31", .expiry)),
        on(friday, "The review ends in the fourth quarter of 2025.", due("2025-Q4", .expiry)),
        on(friday, "The tariffs will take effect today.", due("2025-10-24", .effective)),
        on(friday, "The tariffs take effect tomorrow.", due("2025-10-25", .effective)),
        on(friday, "The tariffs took effect yesterday.", due("2025-10-23", .effective, upcoming: false)),
        on(friday, "The truce ended two weeks ago.", due("2025-W41", .expiry, upcoming: false)),
        // the size of a delay is no date of its own: the new date is the deadline, and a delay alone gives none
        on(friday, "The regime will start on 1 April 2026, three months later than planned.", due("2026-04-01", .effective)),
        on(friday, "The vote on the duties came two weeks later than expected."),
        on(friday, "The exemption lapsed last month.", due("2025-09", .expiry, upcoming: false)),
        on(friday, "The talks ended last week.", due("2025-W42", .expiry, upcoming: false)),
        on(friday, "The duties will take effect in 2026.", due("2026", .effective)),
        on(friday, "The pact expires in 2027.", due("2027", .expiry)),
        on(friday, "The summit will be held in November 2026.", due("2026-11", .meeting)),
        on(friday, "The next meeting of the council is in March.", due("2026-03", .meeting)),
    ]

    static let ranges: [DeadlineSpec] = [
        on(friday, "The meeting runs from October 25 to 27.", due("2025-10-25", .meeting, end: "2025-10-27")),
        on(friday, "The three-day meeting, being held from October 25 to 27, is seen as key.", due("2025-10-25", .meeting, end: "2025-10-27")),
        on(friday, "The forum runs Oct. 27-29.", due("2025-10-27", .meeting, end: "2025-10-29")),
        on(friday, "The forum runs Oct. 27–29.", due("2025-10-27", .meeting, end: "2025-10-29")),
        on(friday, "The session runs from 27 to 29 October.", due("2025-10-27", .meeting, end: "2025-10-29")),
        on(friday, "The summit runs from November 30 to December 2.", due("2025-11-30", .meeting, end: "2025-12-02")),
        on(friday, "The conference runs from 30 November to 2 December 2025.", due("2025-11-30", .meeting, end: "2025-12-02")),
        on(friday, "The exhibition ran between May 12 and August 10.", due("2025-05-12", .meeting, upcoming: false, end: "2025-08-10")),
        on(friday, "Comments are accepted between November 1 and December 15.", due("2025-11-01", .deadline, end: "2025-12-15")),
        on(friday, "The talks run from Dec. 30 to Jan. 2.", due("2025-12-30", .meeting, end: "2026-01-02")),
        on(friday, "The pause lasts through November 10.", due("2025-11-10", .expiry)),
        on(friday, "The truce paused these duties through November 10.", due("2025-11-10", .expiry)),
        on(friday, "The exemption runs until November 30.", due("2025-11-30", .expiry)),
        on(friday, "Tariffs are suspended until January 14.", due("2026-01-14", .expiry)),
        on(friday, "The truce, which lasted until November 10, eased tensions.", due("2025-11-10", .expiry)),
        on(friday, "The meeting, held October 20 to 22, ended without a deal.", due("2025-10-20", .meeting, upcoming: false, end: "2025-10-22")),
        // a date moved is an old date and a new one, not a span; the old one no longer holds
        on(friday, "The deadline was pushed back to Dec. 12 from Dec. 1.", due("2025-12-12", .deadline)),
        on(friday, "Trump delayed the tariffs from November 1 to December 1.", due("2025-12-01", .other)),
        on(friday, "The summit was moved from 9 November to 1 December.", due("2025-12-01", .meeting)),
        on(friday, "The EU extended the pause from November 4 until December 6.", due("2025-12-06", .expiry)),
        // `until` with a future verb: the next such date, even when the nearest one is past
        on(friday, "Brussels will hold a public consultation until September 10.", due("2026-09-10", .expiry)),
        // a month described by a clause of its own takes that clause's tense
        on(friday, "It is a far cry from April, when Washington hit Beijing with 145% duties.", due("2025-04", .effective, upcoming: false)),
        // `would have`: a counterfactual looks back
        on(friday, "Without Thursday's deal, the tariffs would have snapped back.", due("2025-10-23", .other, upcoming: false)),
        // the same day told twice is one event, named by the words that give it a kind
        on(friday, "The pause ends on Nov. 10, and the 20% rate falls to 10% on Nov. 10.", due("2025-11-10", .expiry)),
        // a calendar date inside a range of another event is its own event
        on(friday, "A verification window runs from Oct. 27 to Nov. 30, and parliament will debate the bill on Thursday, Nov. 6.",
           due("2025-10-27", .meeting, end: "2025-11-30"), due("2025-11-06", .meeting)),
    ]

    @Test(arguments: weekdays)
    func weekday(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: periods)
    func relativePeriod(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: ranges)
    func range(_ spec: DeadlineSpec) { check(spec) }
}
