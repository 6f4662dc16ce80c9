import Testing

@testable import TariffExtraction

/// Periods counted from the date the article told last (`the following month`, `later that year`), not from the
/// day it was written; with no date before them they fall back to the reference, or, for `that day`, are no date.
extension DeadlineSpecTests {
    static let anaphoricTimexes: [TimexSpec] = [
        timexes(friday, "The pact was signed on May 22, 2019, and the following year the first cuts took effect.",
            ("May 22, 2019", .date, "2019-05-22"), ("the following year", .date, "2020")),
        timexes(friday, "The levy was set in June 2018 and raised later that year.",
            ("June 2018", .date, "2018-06"), ("later that year", .date, "2018")),
        timexes(friday, "The panel met on March 3. Its ruling came the next day.",
            ("March 3", .date, "2025-03-03"), ("the next day", .date, "2025-03-04")),
        timexes(friday, "Talks broke down on Feb. 27. The following month, both sides raised duties.",
            ("Feb. 27", .date, "2025-02-27"), ("The following month", .date, "2025-03")),
        timexes(friday, "Shipments halted on Aug. 14. Earlier that day, the port had closed.",
            ("Aug. 14", .date, "2025-08-14"), ("Earlier that day", .date, "2025-08-14")),
        timexes(friday, "The first round ended on May 2; the second began the following week.",
            ("May 2", .date, "2025-05-02"), ("the following week", .date, "2025-W19")),
        timexes(friday, "The minister flew home and was back at work the next morning.",
            ("the next morning", .date, "2025-10-25")),
        // with nothing dated before it, `that day` is generic
        timexes(friday, "Traders who sell that day take the loss."),
        // `the coming week` counts from today; `that` as a conjunction dates nothing
        timexes(CalendarDate(year: 2025, month: 3, day: 3)!, "Officials met on Feb. 10 and said that the coming week matters.",
            ("Feb. 10", .date, "2025-02-10"), ("the coming week", .date, "2025-W11")),
    ]

    static let anaphoricDeadlines: [DeadlineSpec] = [
        on(friday, "The ruling will be published on Dec. 9 and the duties will apply from the following day.",
            due("2025-12-09", .effective), due("2025-12-10", .effective)),
    ]

    @Test(arguments: anaphoricTimexes)
    func anaphoricTimex(_ spec: TimexSpec) { check(spec) }

    @Test(arguments: anaphoricDeadlines)
    func anaphoricDeadline(_ spec: DeadlineSpec) { check(spec) }
}
