import Testing

@testable import TariffExtraction

/// What wire and newspaper prose dates without committing to anything, and the spans and tenses it
/// writes its real deadlines in. Reference dates as in `DeadlineSpecTests`.
extension DeadlineSpecTests {
    /// Dates that place something in time but are no event anyone could miss.
    static let datesOfNoEvent: [DeadlineSpec] = [
        // the dateline is when the report was filed
        on(friday, "ROME, Oct. 24 -- Italy's exporters fear the new duties."),
        on(friday, "NEW DELHI, Oct 24 (PTI) -- India is weighing its options."),
        on(friday, "GENEVA, October 27 -- Members of the trade body will gather."),
        // some outlets print the place in title case; the spaced dash after the date still says dateline
        on(friday, "Ottawa, Oct. 24 (Reuters) - Canada will weigh its options on the steel duties."),
        on(friday, "Buenos Aires, Oct 24 -- Argentina's exporters fear the new duties."),
        // a caption left in the running text by the page
        on(friday, "Workers load a ship in Ningbo in November. [Photo by a staff photographer] Exports slowed."),
        on(friday, "Cranes at Rotterdam harbour on December 2 (File photo) as trade resumes."),
        // generic remarks and what merely can happen
        on(friday, "At the end of the year you count what is left after paying for seed and water."),
        on(friday, "A container leaving Ningbo on Monday can reach Los Angeles as soon as Friday next week."),
        // figures of the economy, not measures
        on(friday, "Consumer inflation is forecast to ease toward the end of this year."),
        on(friday, "We expect the CPI in November to rise slightly to 2.5 percent."),
        on(friday, "Exports to the bloc dropped in September to half their level a year earlier."),
        on(friday, "Factory prices picked up more than expected in September."),
        // the day a decision was made public, with nothing after the verb saying it is still to come
        on(friday, "The cabinet announced a decision to turn the island into a free trade port on Wednesday."),
        on(friday, "Drug prices are being cut, according to health officials Thursday."),
        // spans counted from nothing a reader can date, estimates, and spans told in the past
        on(friday, "Both sides will remove duties on most goods within 20 years after the deal enters into force."),
        on(friday, "The tariffs could take effect within a week."),
        on(friday, "The quota was used up within ten days of opening."),
        on(friday, "Exporters will sell more within a year, officials estimate."),
        // today with nothing happening is the present; a quarter is a period of results
        on(friday, "Good news for soybean farmers today."),
        on(friday, "The quake will result in a fourth-quarter charge."),
        on(friday, "Analysts expect losses to continue into the fourth quarter."),
        // a year alone as a goal or an occasion
        on(friday, "The country aims to double its exports by 2030."),
        on(friday, "Officials will meet the growth target for 2026."),
    ]

    /// Deadlines in the shapes news writes them, kept beside the dates above.
    static let newsDeadlines: [DeadlineSpec] = [
        // a place and a date in a sentence of prose are no dateline
        on(friday, "Talks will open in Geneva, Oct. 28 - the envoys said.", due("2025-10-28", .meeting)),
        // a span counted from a date the sentence gives ends on a date
        on(monday, "The duties will take effect 15 days after the announcement on February 25.",
            due("2025-03-12", .effective), due("2025-02-25", .effective, upcoming: false)),
        on(friday, "Retaliation starts 30 days after October 20, the ministry said.", due("2025-11-19", .effective),
            due("2025-10-20", .effective, upcoming: false)),
        // short spans counted from the article's day, stated as fact
        on(friday, "Brussels must respond within two weeks.", due("2025-11-07", .deadline)),
        // a date that the generic `can` does not govern
        on(friday, "Exporters can ask for a refund once the window closes on Nov. 14.", due("2025-11-14", .other)),
        on(friday, "Judges will hear arguments on Nov. 5 over whether the agency can levy the duties.",
            due("2025-11-05", .other)),
        // today with an event stays
        on(friday, "The new quota takes effect today.", due("2025-10-24", .effective)),
        // a measure dated by a year keeps it
        on(friday, "The duties take effect in 2027.", due("2027", .effective)),
        // a stated range already under way when the article appears
        on(monday, "The expo, held from March 1 to 6, draws buyers from 40 countries.",
            due("2025-03-01", .meeting, upcoming: false, end: "2025-03-06")),
        // a relative clause with its own past tense does not date what follows it
        on(friday, "The two sides will hold talks on the pact, which took effect in 2019, from November 10 to 12.",
            due("2025-11-10", .meeting, end: "2025-11-12"), due("2019", .effective, upcoming: false)),
        // an infinitive under a past verb of asking is dated by that verb; under a commitment it looks ahead
        on(friday, "Unions urged officials to launch an anti-dumping case against steel from the region in June.",
            due("2025-06", .effective, upcoming: false)),
        on(saturday, "The ministers agreed to meet again on Friday.", due("2025-10-24", .meeting)),
        // `early this month` after its first third has passed is history
        on(CalendarDate(year: 2025, month: 10, day: 22)!, "Officials held talks in Beijing early this month."),
        on(CalendarDate(year: 2025, month: 10, day: 22)!, "Officials will hold talks in Beijing early next month.",
            due("2025-11", .meeting)),
    ]

    /// TIMEX3 values for the same shapes.
    static let newsTimexes: [TimexSpec] = [
        timexes(friday, "ROME, Oct. 23 -- Italy's exporters fear the duties.", ("Oct. 23", .date, "2025-10-23")),
        timexes(friday, "Exports rose during the January-September period.", ("January-September", .date, "2025-01")),
        timexes(friday, "Prices rose more than expected in September.", ("September", .date, "2025-09")),
    ]

    /// What the tagger reads past HeidelTime's rules: results-news quarters, parts of days, extents, holidays, sets.
    static let taggerTimexes: [TimexSpec] = [
        // a year back beside an earnings quarter is that quarter a year back
        timexes(friday, "Third-quarter profit rose to $5 million from $4 million a year earlier.",
            ("Third-quarter", .date, "2025-Q3"), ("a year earlier", .date, "2024-Q3")),
        timexes(friday, "The fourth-quarter loss compares with a profit in the year-ago quarter.",
            ("fourth-quarter", .date, "2025-Q4"), ("the year-ago quarter", .date, "2024-Q4")),
        // a quarter under way or just ended is this year's; one still to come in a January look back, last year's
        timexes(CalendarDate(year: 2026, month: 1, day: 20)!, "Fourth-quarter sales fell 3%.",
            ("Fourth-quarter", .date, "2025-Q4")),
        timexes(friday, "Net sales for this year's third quarter were $14 million.",
            ("this year's third quarter", .date, "2025-Q3")),
        // a weekday with its part of the day is one TIME
        timexes(friday, "Protesters rallied in the square Thursday night.", ("Thursday night", .time, "2025-10-23TNI")),
        // the article, ordinals and bounds of a span belong to it
        timexes(friday, "Sales rose 4% in the first nine months.", ("the first nine months", .duration, "P9M")),
        timexes(friday, "The plant was idle for nearly two years.", ("nearly two years", .duration, "P2Y")),
        timexes(friday, "Profit in fiscal 2024 doubled.", ("fiscal 2024", .date, "2024")),
        timexes(friday, "Such deals were common in the late 1970s.", ("the late 1970s", .date, "197")),
        timexes(friday, "The crew spent 5 1/2 hours on the ground.", ("5 1/2 hours", .duration, "PT5.5H")),
        timexes(friday, "Third-quarter net fell from the 2024 period.",
            ("Third-quarter", .date, "2025-Q3"), ("the 2024 period", .date, "2024-Q3")),
        timexes(friday, "The plant opened more than four decades ago.", ("more than four decades ago", .date, "1985")),
        // holidays and sets
        timexes(friday, "Retailers expect the duties to bite before Christmas.", ("Christmas", .date, "2025-12-25")),
        timexes(friday, "Ports will close on Thanksgiving Day.", ("Thanksgiving Day", .date, "2025-11-27")),
        timexes(friday, "The committee meets each Thursday.", ("each Thursday", .set, "XXXX-WXX-4")),
        // said on a weekday: the day has passed; `the weekend` read on a weekday, the one just past
        timexes(friday, "The minister told a news conference on Wednesday that talks would resume.",
            ("Wednesday", .date, "2025-10-22")),
        timexes(friday, "Talks stalled over the weekend.", ("the weekend", .date, "2025-W42-WE")),
    ]

    /// Subjects say what happens and who acts, in a few words of the sentence.
    static let subjects: [(reference: CalendarDate, text: String, subject: String)] = [
        (friday, "Top US and Chinese officials are set to meet in Geneva on Saturday.",
         "US and Chinese officials to meet in Geneva"),
        (friday, "President Lula has threatened to impose 50% tariffs on American goods starting March 1.",
         "President Lula's 50% tariffs on American goods"),
        (friday, "Both sides reached a truce that paused the duties through November 10.", "truce that paused the duties"),
        (friday, "The duty on Chilean wine will drop to zero on Jan. 1.", "duty on Chilean wine will drop to zero"),
        (friday, "Canada and Mexico will start talks on the pact, which took effect in 1994, from November 10 to 12.",
         "Canada and Mexico's talks"),
        (friday, "The Supreme Court will hear arguments on Nov. 5.", "Supreme Court will hear arguments"),
    ]

    @Test(arguments: subjects)
    func subjectSaysWhoAndWhat(_ row: (reference: CalendarDate, text: String, subject: String)) throws {
        let deadline = try #require(Extractor().extract(row.text, referenceDate: row.reference).deadlines.first { $0.upcoming })
        #expect(deadline.subject == row.subject)
    }

    @Test(arguments: datesOfNoEvent)
    func dateOfNoEvent(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: newsDeadlines)
    func newsDeadline(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: newsTimexes)
    func newsTimex(_ spec: TimexSpec) { check(spec) }

    @Test(arguments: taggerTimexes)
    func taggerTimex(_ spec: TimexSpec) { check(spec) }
}
