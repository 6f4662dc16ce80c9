import Testing

@testable import TariffExtraction

@Suite struct CalendarDateTests {
    @Test func roundTripsThroughDaysSinceEpoch() throws {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
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
}
