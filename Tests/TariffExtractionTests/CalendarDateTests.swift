import Testing

@testable import TariffExtraction

@Suite struct CalendarDateTests {
    @Test func roundTripsThroughDaysSinceEpoch() throws {
        for days in stride(from: CalendarDate.supportedDays.lowerBound, through: CalendarDate.supportedDays.upperBound, by: 997) {
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
    }

    /// `init(iso:)` reads `YYYY-MM-DD` in ASCII digits as bytes; every text must give what reading it part by part
    /// (the split at `-`, each part's length in Characters, `Int`) gives, the odd forms `Int` takes included.
    @Test func isoReadAsBytesAsPartByPart() {
        func partByPart(_ text: String) -> CalendarDate? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
            else { return nil }
            return CalendarDate(year: y, month: m, day: d)
        }
        let texts = [
            "2025-10-25", "2024-02-29", "2025-02-29", "2025-13-01", "2025-00-10", "0000-01-01", "9999-12-31", "2025-1-01",
            "2025-01-1", "+202-01-01", "2025-+1-05", "2025-01-+5", "2025/01/05", "2025-01-05 ", "２０２５-01-05", "2025-0a-05",
            "", "2025--01-05", "2025-01-05-", "1899-12-31", "2200-01-01",
        ]
        for text in texts {
            #expect(CalendarDate(iso: text) == partByPart(text), "\(text)")
            #expect(CalendarDate(iso: text[...]) == partByPart(text), "\(text) as a substring")
        }
    }

    @Test func rejectsDaysThatDoNotExist() {
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDate(iso: "2025-1-01") == nil)
    }

    @Test func weekdaysAndISOWeeks() throws {
        let saturday = try #require(CalendarDate(iso: "2025-10-25"))
        #expect(saturday.weekday == 6)
        #expect(saturday.isoWeek.week == 43)
        // 2024-12-30 is a Monday in ISO week 1 of 2025.
        let monday = try #require(CalendarDate(iso: "2024-12-30"))
        #expect(monday.isoWeek.year == 2025 && monday.isoWeek.week == 1)
        #expect(CalendarDate.mondayOf(isoWeek: 1, year: 2025) == monday)
    }

    @Test func addingMonthsClampsTheDay() throws {
        let jan31 = try #require(CalendarDate(iso: "2025-01-31"))
        #expect(jan31.adding(months: 1).description == "2025-02-28")
        #expect(jan31.adding(months: -2).description == "2024-11-30")
    }

    @Test(arguments: ["2025-11-01", "2025-11", "2025-W44", "2025-Q3", "2025"])
    func temporalValuesRoundTrip(_ iso: String) throws {
        let value = try #require(TemporalValue(iso: iso))
        #expect(value.iso == iso)
    }

    @Test func monthIsUpcomingUntilItsLastDay() throws {
        let october = try #require(TemporalValue(iso: "2025-10"))
        #expect(october.isUpcoming(relativeTo: try #require(CalendarDate(iso: "2025-10-31"))))
        #expect(!october.isUpcoming(relativeTo: try #require(CalendarDate(iso: "2025-11-01"))))
    }

    /// Offsets and years read from text or file times saturate at 0000-01-01 and 9999-12-31, never trap.
    @Test(arguments: [
        ("2025-10-24", Int.max, "9999-12-31"),
        ("2025-10-24", Int.min, "0000-01-01"),
        ("2025-10-24", 9_999_999_999, "9999-12-31"),
        ("2025-10-24", -9_999_999_999, "0000-01-01"),
        ("9999-12-30", 1, "9999-12-31"),
        ("9999-12-31", 1, "9999-12-31"),
        ("0000-01-01", -1, "0000-01-01"),
        ("2025-10-24", 7, "2025-10-31"),
    ])
    func addingDaysSaturates(_ start: String, _ days: Int, _ expected: String) throws {
        let date = try #require(CalendarDate(iso: start))
        #expect(date.adding(days: days).description == expected)
    }

    @Test(arguments: [
        ("2025-10-24", Int.max, "9999-10-24"),
        ("2025-10-24", Int.min, "0000-10-24"),
        ("2024-02-29", 12 * 99_999, "9999-02-28"),
        ("2025-01-31", 1, "2025-02-28"),
    ])
    func addingMonthsSaturates(_ start: String, _ months: Int, _ expected: String) throws {
        let date = try #require(CalendarDate(iso: start))
        #expect(date.adding(months: months).description == expected)
    }

    @Test(arguments: [
        (Int.max, "9999-12-31"), (Int.min, "0000-01-01"), (CalendarDate.supportedDays.upperBound + 1, "9999-12-31"),
        (106_751, "2262-04-11"), (-106_752, "1677-09-21"),
    ])
    func daysSinceEpochSaturates(_ days: Int, _ expected: String) {
        #expect(CalendarDate(daysSinceEpoch: days).description == expected)
    }

    @Test(arguments: [(99_999, 1, "9999-01-01"), (-5, 3, "0000-03-01"), (Int.max, 12, "9999-12-01"), (Int.min, 1, "0000-01-01")])
    func yearsSaturate(_ year: Int, _ month: Int, _ expected: String) {
        #expect(CalendarDate(year: year, month: month, day: 1)?.description == expected)
        #expect(TemporalValue.year(year).lastDay.year == CalendarDate(year: year, month: 1, day: 1)?.year)
        #expect(CalendarDate.mondayOf(isoWeek: Int.max, year: year).year <= 9999)
        #expect(CalendarDate.mondayOf(isoWeek: Int.min, year: year).year >= 0)
    }
}

/// Numbers an article may contain that no calendar holds: extraction finishes and every date it gives is supported.
@Suite struct HostileNumbersInTextTests {
    static let reference = CalendarDate(year: 2025, month: 10, day: 24)!

    @Test(arguments: [
        "The tariff takes effect in 9999999999 days.",
        "The tariff takes effect in 99999999999999999999999999 days.",
        "Tariffs start on January 1, 99999.",
        "Tariffs start on 99999-01-01 and end 0000-00-00.",
        "The new duties apply from week 99999999 of 9999.",
        "Duties rise in 999 years, 999 decades and 999 quarters from now.",
        "The US imposes 99999999999999999999% tariffs on Chinese goods from May 31, 2199.",
        "The US imposes \(String(repeating: "9", count: 400))% tariffs on Chinese goods within 1000 weeks.",
        "The EU cut tariffs on US cars from 1e308% to -99999999999999999999% on December 31, 9999.",
    ])
    func extractionNeverTraps(_ text: String) {
        let extraction = Extractor().extract(text, referenceDate: Self.reference)
        for deadline in extraction.deadlines {
            #expect(CalendarDate.supportedYears.contains(deadline.date.firstDay.year))
            #expect(CalendarDate.supportedYears.contains((deadline.endDate ?? deadline.date).lastDay.year))
        }
        for change in extraction.tariffChanges {
            #expect(change.ratePct.map { $0.isFinite && $0 <= 1000 } ?? true)
            #expect(change.previousRatePct.map { $0.isFinite && $0 <= 1000 } ?? true)
        }
    }
}
