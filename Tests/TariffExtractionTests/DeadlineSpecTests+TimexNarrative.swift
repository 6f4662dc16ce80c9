import Testing

@testable import TariffExtraction

/// TIMEX3 rules learnt from news narrative (written for the TimeML evaluation, in our own sentences).
/// `friday` is 2025-10-24; `monday` is 2025-03-03.
extension DeadlineSpecTests {
    static let timexNarrative: [TimexSpec] = [
        // one weekday name, one date: the mention whose clause looks ahead follows the others
        timexes(
            monday, "Ministers met on Friday. Friday's talks could resume after a break.",
            ("Friday", .date, "2025-02-28"), ("Friday", .date, "2025-02-28")),
        // a tie goes to the day just past
        timexes(
            friday, "The board met on Wednesday. The report may be ready Wednesday.",
            ("Wednesday", .date, "2025-10-22"), ("Wednesday", .date, "2025-10-22")),
        // but `will` names the coming day on its own
        timexes(
            friday, "Officials said on Tuesday that talks stalled. The council will decide on Tuesday.",
            ("Tuesday", .date, "2025-10-21"), ("Tuesday", .date, "2025-10-28")),
        // `next to` is a place, not a look ahead
        timexes(monday, "Two people died in the blast next to the embassy on Saturday.", ("Saturday", .date, "2025-03-01")),
        // a present form after `the` or a possessive is a noun: `the close`, `Friday's close`
        timexes(monday, "At the close of business Thursday, most shares had been tendered.", ("Thursday", .date, "2025-02-27")),
        timexes(monday, "As of Friday's close, the index was down 3%.", ("Friday", .date, "2025-02-28")),
        // a past verb right after the day is the day's own, whatever comes before
        timexes(
            monday, "Just ahead of the visit, the ministry on Sunday issued a warning.", ("Sunday", .date, "2025-03-02")),
        // durations counted with `one`, a bare compound, a bound before an article, `-long`
        timexes(friday, "A memorial was held one year after the attack.", ("one year", .duration, "P1Y")),
        timexes(friday, "Supporters began a two day rally in the capital.", ("two day", .duration, "P2D")),
        timexes(friday, "They spoke in a talk lasting nearly an hour.", ("nearly an hour", .duration, "PT1H")),
        timexes(friday, "The move comes barely a month after the suspension.", ("barely a month", .duration, "P1M")),
        timexes(friday, "They joined less than a decade after the change.", ("less than a decade", .duration, "P10Y")),
        timexes(friday, "The appeal could take as long as a month.", ("as long as a month", .duration, "P1M")),
        timexes(friday, "Lawyers left their third day-long meeting.", ("day-long", .duration, "P1D")),
        timexes(friday, "It ended a decades-long dispute.", ("decades-long", .duration, "PXY")),
        timexes(
            friday, "Net income for the fiscal year ended June 30 fell.", ("the fiscal year", .duration, "P1Y"),
            ("June 30", .date, "2025-06-30")),
        // `soon` is the near future seen from the reference date only
        timexes(friday, "Investors were likely to buy as soon as trading opened."),
        timexes(friday, "He wants the boy back as soon as possible.", ("as soon as possible", .date, "FUTURE_REF")),
        timexes(friday, "He was probably killed soon after his capture."),
        timexes(friday, "A trickle of cash soon became a flood."),
        timexes(friday, "Sales will soon grow.", ("soon", .date, "FUTURE_REF")),
        // a frequency word before an amount, or after a quantity, is a rate, not a recurring event
        timexes(friday, "The company cut its quarterly dividend in half."),
        timexes(friday, "Sales should rise 8.5% annually."),
        timexes(friday, "The plant would make 10,000 units annually."),
        timexes(friday, "Rallies are held annually in the square.", ("annually", .set, "P1Y")),
        // `payable` and `effective` date what takes effect, even in a past clause
        timexes(friday, "The board declared a dividend, payable Dec. 1.", ("Dec. 1", .date, "2025-12-01")),
        timexes(friday, "He was named chairman, effective Feb. 1.", ("Feb. 1", .date, "2026-02-01")),
        timexes(friday, "The bank agreed in June to buy the unit.", ("June", .date, "2025-06")),
        // `until` before `mid-`, `early`, `late` still makes the end of a span
        timexes(friday, "The agency gave the firm until mid-November to reply.", ("mid-November", .date, "2025-11")),
        timexes(friday, "The index is up 5% since year-end.", ("year-end", .date, "2024-12-31")),
        timexes(friday, "Iraq imports about three-quarters of its food."),
        timexes(friday, "The two groups have feuded for years.", ("years", .duration, "PXY")),
        // no verb it knows: the last such month unless the next is at most two months off; the last such day
        // unless the next is at most four months off (a measure announced a season ahead)
        timexes(friday, "In March, a week after the vote, another blast.", ("March", .date, "2025-03")),
        timexes(friday, "In December, a new round of talks.", ("December", .date, "2025-12")),
        timexes(monday, "A record high on Aug. 6.", ("Aug. 6", .date, "2024-08-06")),
        timexes(monday, "Hearings on April 10.", ("April 10", .date, "2025-04-10")),
        timexes(friday, "Growers brace for new levies from Feb. 3.", ("Feb. 3", .date, "2026-02-03")),
        timexes(friday, "Quotas on rice shrink on Jan. 2.", ("Jan. 2", .date, "2026-01-02")),
        timexes(friday, "A spike in orders on May 7.", ("May 7", .date, "2025-05-07")),
        timexes(friday, "Beginning March 1, the quota shrinks.", ("March 1", .date, "2026-03-01")),
        // years, decades and centuries read out or written as ordinals
        timexes(friday, "The approach of the year two thousand alarmed them.", ("the year two thousand", .date, "2000")),
        timexes(friday, "Numbers kept dropping through the nineties.", ("the nineties", .date, "199")),
        timexes(friday, "She is a 20th century democrat.", ("20th century", .date, "19")),
        timexes(friday, "The temple dates from the 11th century.", ("11th century", .date, "10")),
        // `in the past` whatever follows; `of the year` at a clause end is the reference's year
        timexes(friday, "Officials indicated in the past that they could act.", ("the past", .date, "PAST_REF")),
        timexes(friday, "Revenue rose in the first nine months of the year.", ("the first nine months", .duration, "P9M"),
            ("the year", .date, "2025")),
        timexes(friday, "Earnings will be lower for the fiscal year.", ("the fiscal year", .date, "2025")),
        timexes(friday, "Net for the year-earlier nine months fell.", ("year-earlier", .date, "2024"), ("nine months", .duration, "P9M")),
        // a month or day with `this year`, `last year`, `next year` after it is one expression
        timexes(friday, "In January this year, police arrived.", ("January this year", .date, "2025-01")),
        timexes(friday, "In June last year, the leaders fell out.", ("June last year", .date, "2024-06")),
        timexes(friday, "They join in April next year.", ("April next year", .date, "2026-04")),
        timexes(friday, "The vote was on March 5 last year.", ("March 5 last year", .date, "2024-03-05")),
        timexes(friday, "In the 1988 third quarter, net fell.", ("the 1988 third quarter", .date, "1988-Q3")),
        // a programme's title in quotes is no week
        timexes(friday, "Baker said on ABC's \"This Week\" that the request stood."),
        // a part of today or of last night
        timexes(friday, "The minister arrives this evening.", ("this evening", .time, "2025-10-24TEV")),
        timexes(friday, "Shots were heard last night.", ("last night", .time, "2025-10-23TNI")),
        timexes(friday, "Prices are updated hourly.", ("hourly", .set, "PT1H")),
    ]

    @Test(arguments: timexNarrative)
    func timexNarrativeValue(_ spec: TimexSpec) { check(spec) }
}
