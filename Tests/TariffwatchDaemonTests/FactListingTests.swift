import FactStore
import Foundation
import TariffExtraction
import Testing

@testable import TariffwatchDaemon

/// `tariffwatch facts`: date order, aggregates named, fragments never shown as subjects (the rule: `SubjectPhraseTests`).
@Suite struct FactListingTests {
    private func deadline(_ id: String, _ date: TemporalValue, _ kind: DeadlineKind, _ subject: String) -> FactSummary {
        FactSummary(
            id: id, value: .deadline(DeadlineFact(date: date, kind: kind, subject: subject)), alertable: true, sourceCount: 1,
            firstSource: "/in/\(id).txt")
    }

    private func tariff(_ id: String, from date: TemporalValue?, aggregate: Bool = false) -> FactSummary {
        FactSummary(
            id: id,
            value: .tariff(
                TariffFact(
                    imposer: "CN", target: "US", products: [], ratePct: 7.5, aggregate: aggregate, status: .inEffect,
                    effectiveDate: date)),
            alertable: !aggregate, sourceCount: 2, firstSource: "/in/\(id).txt")
    }

    @Test func sortedByDateThenKindThenSubject() throws {
        let day = try #require(CalendarDate(year: 2026, month: 4, day: 1))
        let facts = [
            tariff("undated", from: nil),
            deadline("month", .month(year: 2026, month: 4), .other, "tensions"),
            deadline("meeting-b", .day(day), .meeting, "Tokyo forum"),
            tariff("tariff", from: .day(day)),
            deadline("meeting-a", .day(day), .meeting, "APEC summit"),
            deadline("earlier", .day(day.adding(days: -30)), .expiry, "truce"),
            deadline("effective", .day(day), .effective, "duties"),
        ]
        #expect(FactListing.sorted(facts).map(\.id) == ["earlier", "effective", "meeting-a", "meeting-b", "tariff", "month", "undated"])
    }

    @Test func linesNameAggregatesAndHideFragments() throws {
        let day = try #require(CalendarDate(year: 2026, month: 4, day: 1))
        #expect(FactListing.line(tariff("avg", from: nil, aggregate: true)) == "tariff aggregate: CN→US 7.5% on all goods, in_effect (2 sources)")
        #expect(FactListing.line(tariff("t", from: .day(day))) == "tariff CN→US 7.5% on all goods, in_effect from 2026-04-01 (2 sources)")
        #expect(FactListing.line(deadline("x", .day(day), .other, "have simmered")) == "deadline 2026-04-01 other: (no clear subject; see /in/x.txt) (1 source)")
        #expect(FactListing.line(deadline("y", .day(day), .meeting, "Tokyo forum")) == "deadline 2026-04-01 meeting: Tokyo forum (1 source)")
        // The subject as alerts read it: cut after its verb, it is what comes before.
        #expect(FactListing.line(deadline("z", .day(day), .deadline, "FTA gets")) == "deadline 2026-04-01 deadline: FTA (1 source)")
    }

    @Test func jsonSaysWhetherTheSubjectIsAFragment() throws {
        let day = try #require(CalendarDate(year: 2026, month: 4, day: 1))
        let data = try JSONEncoder().encode([FactListing.Entry(deadline("x", .day(day), .other, "→"))])
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]).first
        #expect(object?["subject_is_fragment"] as? Bool == true)
        #expect(object?["id"] as? String == "x" && object?["first_source"] as? String == "/in/x.txt")
    }
}
