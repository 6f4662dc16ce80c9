import Testing

@testable import TariffExtraction

/// TIMEX3 spans and values from `Extractor().timexes(in:referenceDate:)`. `friday` is 2025-10-24.
extension DeadlineSpecTests {
    static let timexValues: [TimexSpec] = [
        timexes(friday, "Talks resume on 2025-11-03.", ("2025-11-03", .date, "2025-11-03")),
        timexes(friday, "The rate applies from 11/1/2025.", ("11/1/2025", .date, "2025-11-01")),
        timexes(friday, "The rate applies from 25/12/2025.", ("25/12/2025", .date, "2025-12-25")),
        timexes(friday, "The duty starts November 1.", ("November 1", .date, "2025-11-01")),
        timexes(friday, "The duty starts Nov. 1st, 2026.", ("Nov. 1st, 2026", .date, "2026-11-01")),
        timexes(friday, "Talks resume Thursday, Oct. 30, in Seoul.", ("Thursday, Oct. 30", .date, "2025-10-30")),
        timexes(friday, "The report covers November 2025.", ("November 2025", .date, "2025-11")),
        timexes(friday, "The policy dates from 2018.", ("2018", .date, "2018")),
        timexes(friday, "Trade boomed in the 1990s.", ("1990s", .date, "199")),
        timexes(friday, "The decline began in mid-2024.", ("mid-2024", .date, "2024")),
        timexes(friday, "Talks resume next week.", ("next week", .date, "2025-W44")),
        timexes(friday, "Talks were held this week.", ("this week", .date, "2025-W43")),
        timexes(friday, "Sales rose last month.", ("last month", .date, "2025-09")),
        timexes(friday, "Sales will rise next month.", ("next month", .date, "2025-11")),
        timexes(friday, "The summit is later this month.", ("later this month", .date, "2025-10")),
        timexes(friday, "Exports fell earlier this year.", ("earlier this year", .date, "2025")),
        timexes(friday, "Inflation will ease early next year.", ("early next year", .date, "2026")),
        timexes(friday, "Tariffs could double by year-end.", ("year-end", .date, "2025-12-31")),
        timexes(friday, "The duties start at 12:01 a.m. on Saturday.", ("12:01 a.m. on Saturday", .time, "2025-10-25T00:01")),
        timexes(friday, "The duties start Nov. 1 at 5 p.m. EST.", ("Nov. 1 at 5 p.m. EST", .time, "2025-11-01T17:00")),
        timexes(friday, "Markets closed at 4pm.", ("4pm", .time, "2025-10-24T16:00")),
        timexes(friday, "The ministers met at 9:30 GMT.", ("9:30 GMT", .time, "2025-10-24T09:30")),
        timexes(friday, "The 12 a.m. shipment arrived.", ("12 a.m.", .time, "2025-10-24T00:00")),
        timexes(friday, "Prices peaked at the end of March.", ("the end of March", .date, "2025-03")),
        timexes(friday, "Talks resume in mid-December.", ("mid-December", .date, "2025-12")),
        timexes(friday, "The talks are set for this weekend.", ("this weekend", .date, "2025-W43-WE")),
        timexes(friday, "Growth should pick up in the third quarter.", ("the third quarter", .date, "2026-Q3")),
        timexes(friday, "Q3 revenue rose 5%.", ("Q3", .date, "2025-Q3")),
        timexes(friday, "Earnings will be reported for Q4 2025.", ("Q4 2025", .date, "2025-Q4")),
        timexes(friday, "The plant closed over the summer.", ("summer", .date, "2025-SU")),
        timexes(friday, "The plant will reopen next spring.", ("next spring", .date, "2026-SP")),
        timexes(friday, "Shipments are handled weekly.", ("weekly", .set, "P1W")),
        timexes(friday, "Inspections happen every month.", ("every month", .set, "P1M")),
        timexes(friday, "Prices are currently falling.", ("currently", .date, "PRESENT_REF")),
        timexes(friday, "Prices have fallen recently.", ("recently", .date, "PAST_REF")),
        timexes(friday, "A decision is expected soon.", ("soon", .date, "FUTURE_REF")),
        timexes(friday, "For now, the duties stay.", ("now", .date, "PRESENT_REF")),
        timexes(friday, "The truce lasts 90 days.", ("90 days", .duration, "P90D")),
        timexes(friday, "A 90-day truce was agreed.", ("90-day", .duration, "P90D")),
        timexes(friday, "The review takes two weeks.", ("two weeks", .duration, "P2W")),
        timexes(friday, "The program ran for three months.", ("three months", .duration, "P3M")),
        timexes(friday, "The waiver lasted for a year.", ("a year", .duration, "P1Y")),
        timexes(friday, "Talks dragged on for several years.", ("several years", .duration, "PXY")),
        timexes(friday, "Prices doubled over the past two years.", ("the past two years", .duration, "P2Y")),
        timexes(friday, "The levy falls to 10% in two weeks.", ("two weeks", .duration, "P2W")),
        timexes(friday, "The Commission must respond within 90 days.", ("90 days", .duration, "P90D")),
        timexes(friday, "The deal was signed two weeks ago.", ("two weeks ago", .date, "2025-W41")),
        timexes(friday, "The deal was signed three years ago.", ("three years ago", .date, "2022")),
        // a span before `later than` / `earlier than` measures a delay or an advance: how long, not when
        timexes(friday, "The vote came two weeks later than expected.", ("two weeks", .duration, "P2W")),
        timexes(friday, "The rules start a month earlier than planned.", ("a month", .duration, "P1M")),
        timexes(friday, "Today's meeting ended early.", ("Today", .date, "2025-10-24")),
        timexes(friday, "In today's world, supply chains are global.", ("today", .date, "PRESENT_REF")),
        timexes(friday, "Tariffs start tomorrow.", ("tomorrow", .date, "2025-10-25")),
        timexes(friday, "The minister resigned yesterday.", ("yesterday", .date, "2025-10-23")),
        timexes(friday, "Officials met on Monday.", ("Monday", .date, "2025-10-20")),
        // no tense at all: the nearest one; a scheduling present looks ahead
        timexes(friday, "Talks in Geneva on Thursday.", ("Thursday", .date, "2025-10-23")),
        timexes(friday, "Talks in Geneva on Saturday.", ("Saturday", .date, "2025-10-25")),
        timexes(friday, "The forum opens on Thursday.", ("Thursday", .date, "2025-10-30")),
        timexes(friday, "Officials meet next Thursday.", ("next Thursday", .date, "2025-10-30")),
        timexes(friday, "Officials met last Friday.", ("last Friday", .date, "2025-10-17")),
        timexes(friday, "The truce began in May.", ("May", .date, "2025-05")),
        timexes(friday, "The truce will end in May.", ("May", .date, "2026-05")),
        timexes(friday, "He visited last March.", ("last March", .date, "2025-03")),
        timexes(
            friday, "Trump said on Thursday that tariffs would start on November 1.",
            ("Thursday", .date, "2025-10-23"), ("November 1", .date, "2025-11-01")),
        timexes(friday, "The summit runs from October 25 to 27.", ("October 25 to 27", .date, "2025-10-25")),
        timexes(friday, "Prices may fall in May, but protesters will march in March.", ("May", .date, "2026-05"), ("March", .date, "2026-03")),
        timexes(friday, "Café owners met in Zürich on Sunday.", ("Sunday", .date, "2025-10-19")),
        timexes(friday, "“We will meet on Monday,” he said.", ("Monday", .date, "2025-10-27")),
        timexes(friday, "Nobody knows what the future holds.", ("the future", .date, "FUTURE_REF")),
        timexes(friday, "Future talks are uncertain."),
        timexes(friday, "Current rates are high.", ("Current", .date, "PRESENT_REF")),
        timexes(friday, "Recent data were weak.", ("Recent", .date, "PAST_REF")),
        timexes(friday, "Prices rose in recent years.", ("recent years", .date, "PAST_REF")),
        timexes(friday, "Profit rose 5% in the quarter.", ("the quarter", .date, "2025-Q3")),
        timexes(friday, "Sales fell in the latest quarter.", ("the latest quarter", .date, "2025-Q3")),
        timexes(friday, "We hope to resolve this over the weekend.", ("the weekend", .date, "2025-W43-WE")),
        timexes(friday, "Earnings doubled from a year earlier.", ("a year earlier", .date, "2024")),
        timexes(friday, "Year-earlier profit was lower.", ("Year-earlier", .date, "2024")),
        timexes(friday, "Mr. Smith, 45, said so."),
        timexes(friday, "The 2020 Phase One agreement set targets.", ("2020", .date, "2020")),
        // a day without a year after one stated with its year in the sentence: the one nearest that day, which is
        // mostly in its year, but across the new year in the next or the last
        timexes(
            friday, "The quota lasts until March 20, 2026, with hearings on April 7.",
            ("March 20, 2026", .date, "2026-03-20"), ("April 7", .date, "2026-04-07")),
        timexes(
            friday, "The ban starts on December 28, 2026, and a review follows on January 5.",
            ("December 28, 2026", .date, "2026-12-28"), ("January 5", .date, "2027-01-05")),
        timexes(
            friday, "The rules take effect on January 15, 2027, after a review meeting scheduled for December 20.",
            ("January 15, 2027", .date, "2027-01-15"), ("December 20", .date, "2026-12-20")),
        // …but a past date in a relative clause is no anchor for a main clause that says `will`
        timexes(
            friday, "The exclusion, which was extended through October 20, 2025, will expire on May 31.",
            ("October 20, 2025", .date, "2025-10-20"), ("May 31", .date, "2026-05-31")),
    ]

    @Test(arguments: timexValues)
    func timexValue(_ spec: TimexSpec) { check(spec) }
}
