import FactStore
import Foundation
import TariffExtraction
import Testing

@testable import FeedServer

/// RFC 5545 rules the calendar writer must keep: text escaping, line folding, all-day spans, alarms.
@Suite struct ICalendarTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a, b; c", "a\\, b\\; c"),
        ("back\\slash", "back\\\\slash"),
        ("line one\nline two", "line one\\nline two"),
        ("windows\r\nending", "windows\\nending"),
        ("tab\there", "tab here"),
        ("bell\u{07}gone", "bellgone"),
        ("Zoll 25 % – ‘EU’", "Zoll 25 % – ‘EU’"),
    ])
    func textValuesAreEscaped(input: String, escaped: String) {
        #expect(ICalendarText.escape(input) == escaped)
    }

    @Test(arguments: [10, 74, 75, 76, 150, 400])
    func longLinesFoldAt75Octets(length: Int) throws {
        let line = "DESCRIPTION:" + String(repeating: "x", count: length)
        let folded = ICalendarText.fold(line)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(unfold(folded) == line + "\r\n")
    }

    @Test(arguments: ["é", "€", "🇪🇺", "中"])
    func foldingNeverSplitsAUTF8Sequence(character: String) throws {
        let line = "SUMMARY:" + String(repeating: character, count: 60)
        let folded = ICalendarText.fold(line)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        // Each physical line is valid UTF-8 on its own: no multi-octet character was cut.
        for part in physical {
            #expect(String(validating: Array(part.utf8), as: UTF8.self) != nil)
            #expect(part.utf8.count <= 75)
        }
        #expect(unfold(folded) == line + "\r\n")
    }

    /// (date, end date, DTSTART, DTEND): days, ranges, weeks, months and quarters as all-day spans.
    @Test(arguments: [
        ("2025-11-01", nil, "20251101", "20251102"),
        ("2025-10-25", "2025-10-27", "20251025", "20251028"),
        ("2025-W43", nil, "20251020", "20251027"),
        ("2025-11", nil, "20251101", "20251201"),
        ("2025-12", nil, "20251201", "20260101"),
        ("2024-02", nil, "20240201", "20240301"),
        ("2025-Q4", nil, "20251001", "20260101"),
        ("2025-12-31", nil, "20251231", "20260101"),
    ] as [(String, String?, String, String)])
    func deadlinesBecomeAllDayEventsWithExclusiveEnds(date: String, end: String?, start: String, endLine: String) throws {
        let text = calendar([record(date, end: end)]).text
        #expect(text.contains("DTSTART;VALUE=DATE:\(start)\r\n"))
        #expect(text.contains("DTEND;VALUE=DATE:\(endLine)\r\n"))
    }

    @Test func anEventCarriesItsUIDSummaryEvidenceSourceAndAlarms() throws {
        let text = calendar([record("2025-11-01", subject: "EU duties on US steel", kind: .effective)]).text
        let lines = unfold(text).components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") })
        #expect(lines.contains("UID:deadline-1@tariffwatch"))
        #expect(lines.contains("SUMMARY:EU duties on US steel take effect"))
        #expect(lines.contains("DTSTAMP:20251024T091203Z"))
        let description = try #require(lines.first { $0.hasPrefix("DESCRIPTION:EU duties on US steel take effect on Sat 1 Nov 2025.") })
        #expect(description.contains("“The EU will impose duties\\, officials said.”"))
        #expect(description.contains("Source: file eu.txt (reported by 3 sources)."))
        #expect(!description.contains("/inbox/"))
        #expect(lines.contains("CATEGORIES:tariffwatch,Effective date"))
        #expect(lines.contains("DESCRIPTION:Reminder: EU duties on US steel take effect in 7 days\\, Sat 1 Nov 2025"))
        #expect(lines.contains("TRIGGER;RELATED=START:-P7D"))
        #expect(lines.contains("TRIGGER;RELATED=START:-P1D"))
        #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == 2)
        #expect(lines.filter { $0 == "ACTION:DISPLAY" }.count == 2)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        // Every line ends in CRLF: no bare LF anywhere.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func theArticleNamesTheSourceWhenItHasATitle() throws {
        var talks = record("2025-10-25", end: "2025-10-27", subject: "US-China trade talks")
        talks.article = ArticleProvenance(
            title: "Talks set", url: "https://ledger.example/t", published: nil, referenceDateSource: "metadata")
        let lines = unfold(calendar([talks]).text).components(separatedBy: "\r\n")
        #expect(lines.contains("SUMMARY:US-China trade talks"))
        let description = try #require(lines.first { $0.hasPrefix("DESCRIPTION:US-China trade talks on Oct 25–27 2025.") })
        #expect(description.hasSuffix("Source: “Talks set” – https://ledger.example/t (reported by 3 sources)."))
    }

    @Test func theSameStateGivesTheSameCalendar() {
        let records = [record("2025-11-01"), record("2025-W43", id: "deadline-2")]
        #expect(calendar(records).text == calendar(records).text)
    }

    @Test func noRemindDaysMeansNoAlarms() {
        let text = DeadlineCalendar(remindDays: []).calendar([record("2025-11-01")]).text
        #expect(!text.contains("VALARM"))
    }

    // MARK: helpers

    func calendar(_ records: [DeadlineRecord]) -> ICalendar {
        DeadlineCalendar(remindDays: [7, 1]).calendar(records)
    }

    func record(
        _ date: String, end: String? = nil, id: String = "deadline-1", subject: String = "talks", kind: DeadlineKind = .meeting
    ) -> DeadlineRecord {
        DeadlineRecord(
            factID: id,
            deadline: DeadlineFact(date: TemporalValue(iso: date)!, endDate: end.flatMap { TemporalValue(iso: $0) }, kind: kind, subject: subject),
            evidence: "The EU will impose duties, officials said.", source: "/inbox/eu.txt", sourceCount: 3,
            firstReported: Date(timeIntervalSince1970: 1_761_297_123), updated: Date(timeIntervalSince1970: 1_761_297_123))
    }

    /// RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed.
    func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
    }
}
