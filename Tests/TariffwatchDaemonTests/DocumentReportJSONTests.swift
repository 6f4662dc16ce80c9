import ArticleFormats
import Foundation
import TariffExtraction
import Testing

@testable import TariffwatchDaemon

/// `extract --json` lines are written by hand; they must be what `JSONEncoder` (sorted keys, slashes
/// unescaped) writes for the same report and sentence table, byte for byte.
@Suite struct DocumentReportJSONTests {
    private func encoded(_ report: DocumentReport, omitted: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[SentenceTable.key] = report.sentenceTable(omitted: omitted)
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    private func written(_ report: DocumentReport, omitted: Bool) throws -> String {
        String(decoding: try report.jsonLine(omittingSentences: omitted), as: UTF8.self)
    }

    private var day: CalendarDate { CalendarDate(year: 2026, month: 12, day: 3)! }

    /// Facts the extractor finds in a few articles, each document's fields bare and in full.
    @Test func extractedReportsMatchJSONEncoder() throws {
        let texts = [
            "Japan will impose 25% tariffs on imports from Chile starting June 1, 2027. Talks follow on May 3, 2027.\n",
            "The EU cut its duty on U.S. cars from 10% to 2.5% last week, and said the \"reciprocal\" rate of 15% takes effect\non January 1. A/B tests: between 10% and 41%.\n",
            "Nothing dated here.\n",
            "Officials will meet next Thursday and October 25 to 27; tariffs of 34 percent on Chinese steel were paused until August 12.\n",
        ]
        for (index, text) in texts.enumerated() {
            let extraction = Extractor().extract(text, referenceDate: day)
            var info = DocumentInfo(path: "in/a \"\(index)\".txt", referenceDate: day, referenceDateSource: .cli)
            for full in [false, true] {
                if full {
                    info.format = .jsonFeed
                    info.title = "Tariffs / \u{1}duties — “news”\\"
                    info.url = "https://example.com/a/b?c=d&e=\u{e9}"
                    info.published = CalendarDate(year: 2026, month: 11, day: 30)
                    info.item = "item/\(index)"
                }
                let report = DocumentReport(document: info, deadlines: extraction.deadlines, tariffChanges: extraction.tariffChanges)
                for omitted in [false, true] {
                    #expect(try written(report, omitted: omitted) == encoded(report, omitted: omitted), "text \(index) full \(full) omitted \(omitted)")
                }
            }
        }
    }

    /// Every optional empty and every one set, odd numbers and strings.
    @Test func awkwardFactsMatchJSONEncoder() throws {
        let sentence = "Line one\nand \"two\"\t/ three \u{7f} ünïcode 🚢"
        let changes = [
            TariffChange(imposer: nil, target: nil, ratePct: nil, status: .threatened, text: "", sentence: sentence, start: 0, end: 0),
            TariffChange(
                imposer: "US", target: "CN", products: ["steel", "a/b", "\"x\""], ratePct: 12.345, previousRatePct: 1e-7,
                additional: true, direction: .decrease, status: .paused, effectiveDate: TemporalValue(iso: "2027-W03"),
                confidence: 0.75, text: "12.345%", sentence: sentence, start: 5, end: 12, minimumRatePct: 100, aggregate: true),
        ]
        let deadlines = [
            Deadline(
                date: TemporalValue(iso: "2027-Q3")!, endDate: TemporalValue(iso: "2027-09-30"), kind: .effective, upcoming: false,
                subject: "the \\ subject", text: "Q3", sentence: "Other sentence.", start: 40, end: 42),
            Deadline(
                date: TemporalValue(iso: "2027")!, endDate: nil, kind: .meeting, upcoming: true, subject: "", text: "2027",
                sentence: sentence, start: 1, end: 5),
        ]
        let report = DocumentReport(
            document: DocumentInfo(path: "/x", referenceDate: day, referenceDateSource: .mtime), deadlines: deadlines, tariffChanges: changes)
        for omitted in [false, true] {
            #expect(try written(report, omitted: omitted) == encoded(report, omitted: omitted), "omitted \(omitted)")
        }
    }

    /// A rate that is not a number throws, as `JSONEncoder` does, rather than writing invalid JSON.
    @Test func aNonFiniteRateThrows() {
        let change = TariffChange(imposer: "US", target: "CN", ratePct: .nan, status: .imposed, text: "", sentence: "s", start: 0, end: 1)
        let report = DocumentReport(
            document: DocumentInfo(path: "/x", referenceDate: day, referenceDateSource: .cli), deadlines: [], tariffChanges: [change])
        #expect(throws: (any Error).self) { try report.jsonLine(omittingSentences: false) }
        #expect(throws: (any Error).self) { try encoded(report, omitted: false) }
    }
}
