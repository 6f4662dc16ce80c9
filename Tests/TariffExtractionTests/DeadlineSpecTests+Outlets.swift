import Testing

@testable import TariffExtraction

/// Sentences in the manner of other outlets and years than the news the rules were first written on (EU, Canadian,
/// Mexican, Indian and Japanese wire copy, the 2002 steel safeguards, the 2019 Section 301 lists), written here to
/// test the line between a date a trade desk must act on and a date that only places something in time.
extension DeadlineSpecTests {
    /// A firm's own plans and the calendar of statistics: dated, but no measure happens then.
    static let businessAndDataDates: [DeadlineSpec] = [
        on(friday, "The bicycle maker said it plans to expand its plant in Hungary in March."),
        on(friday, "Domestic panel makers plan to add 10 gigawatts of capacity by the end of next year."),
        on(friday, "The carmaker said it would close its Ohio factory by March."),
        on(friday, "The group will announce its quarterly earnings on Nov. 6."),
        on(friday, "The statistics office releases September trade data on Wednesday."),
        on(friday, "The Commerce Department will release September retail sales figures on Tuesday."),
        on(friday, "Eurostat will publish the flash GDP estimates on Nov. 14."),
    ]

    /// The same actors and words beside a measure, a filing or a procedure keep their dates.
    static let measuresBesideBusiness: [DeadlineSpec] = [
        on(friday, "The carmaker will close the plant when the new duties take effect on Dec. 1.",
            due("2025-12-01", .effective)),
        on(friday, "Importers must submit their sales data to customs by Nov. 30.", due("2025-11-30", .deadline)),
        on(friday, "The ministry will publish the results of the anti-dumping review on Nov. 20.",
            due("2025-11-20", .other)),
        on(friday, "Steel producers have until Dec. 31 to ship under the current quarterly allocation.",
            due("2025-12-31", .expiry)),
        on(friday, "The Senate approved the bill on Wednesday, and the tariffs enter into force on Jan. 1.",
            due("2026-01-01", .effective), due("2025-10-22", .effective, upcoming: false)),
        on(friday, "Submissions on whether to extend the surtax must be received by Dec. 4.", due("2025-12-04", .deadline)),
        on(friday, "Trade ministers of the bloc meet in Brussels on Nov. 12 to discuss the case.", due("2025-11-12", .meeting)),
    ]

    /// The month a statistic covers is over when the figure comes out, whatever tense the release is told in.
    static let statisticMonths: [TimexSpec] = [
        timexes(friday, "The agency will release April retail sales figures next week.",
            ("April", .date, "2025-04"), ("next week", .date, "2025-W44")),
        timexes(friday, "Markets await the December trade data.", ("December", .date, "2024-12")),
        timexes(friday, "The new line will open in December.", ("December", .date, "2025-12")),
    ]

    /// A date said to have been the first plan no longer holds; the new one does.
    static let supersededDates: [DeadlineSpec] = [
        on(friday, "The talks, originally set for Oct. 30, will now open on Nov. 5.", due("2025-11-05", .meeting)),
        on(friday, "The panel report, initially expected in November, is now due in the first quarter of next year.",
            due("2026-Q1", .deadline)),
        on(friday, "The duties, previously scheduled to start on Dec. 1, take effect on Jan. 15.", due("2026-01-15", .effective)),
    ]

    @Test(arguments: supersededDates)
    func supersededDate(_ spec: DeadlineSpec) { check(spec) }

    /// Datelines of other agencies, and a verb of announcing that is still ahead.
    static let otherAgencies: [DeadlineSpec] = [
        on(friday, "NEW DELHI, Oct 24 (IANS): India will raise the duty on edible oils from January 1.",
            due("2026-01-01", .effective)),
        on(friday, "The revised tariff list will be published on Nov. 15.", due("2025-11-15", .other)),
        on(friday, "The final determination is to be announced on Dec. 3.", due("2025-12-03", .other)),
        on(friday, "The ministry published the revised tariff list on Wednesday."),
    ]

    @Test(arguments: otherAgencies)
    func otherAgency(_ spec: DeadlineSpec) { check(spec) }

    /// A year of accounts named from the reference, written as the calendar year it is mostly in.
    static let fiscalYears: [TimexSpec] = [
        timexes(friday, "Revenue will rise in the current fiscal year.", ("the current fiscal year", .date, "2025")),
        timexes(friday, "The budget for this fiscal year is tight.", ("this fiscal year", .date, "2025")),
        timexes(friday, "The cut applies from next fiscal year.", ("next fiscal year", .date, "2026")),
        timexes(friday, "The group sold more in the latest fiscal year.", ("the latest fiscal year", .date, "2024")),
    ]

    @Test(arguments: fiscalYears)
    func fiscalYear(_ spec: TimexSpec) { check(spec) }

    @Test(arguments: businessAndDataDates + measuresBesideBusiness)
    func businessAndData(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: statisticMonths)
    func statisticPeriods(_ spec: TimexSpec) { check(spec) }
}
