import ArticleFormats
import Foundation
import TariffExtraction
import Testing

@testable import TariffwatchDaemon

/// `extract --json` writes each sentence once per document; facts point at it by index.
@Suite struct LeanReportTests {
    static let text = "Japan will impose 25% tariffs on imports from Chile starting June 1, 2027. Talks follow on May 3, 2027.\n"

    private func report() -> DocumentReport {
        let date = CalendarDate(year: 2026, month: 12, day: 2)!
        let extraction = Extractor().extract(Self.text, referenceDate: date)
        return DocumentReport(
            document: DocumentInfo(path: "a.txt", referenceDate: date, referenceDateSource: .cli),
            deadlines: extraction.deadlines, tariffChanges: extraction.tariffChanges)
    }

    private func encode(_ report: DocumentReport, table: SentenceTable?) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let table { encoder.userInfo[SentenceTable.key] = table }
        return try #require(JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any])
    }

    private func facts(_ object: [String: Any]) -> [[String: Any]] {
        ((object["deadlines"] as? [[String: Any]]) ?? []) + ((object["tariff_changes"] as? [[String: Any]]) ?? [])
    }

    @Test func eachSentenceOnceAndFactsIndexIt() throws {
        let report = report()
        #expect(report.deadlines.count >= 2 && report.tariffChanges.count == 1, "\(report)")
        let object = try encode(report, table: report.sentenceTable())
        let sentences = try #require(object["sentences"] as? [String])
        #expect(sentences.count == 2, "two sentences carry facts: \(sentences)")
        #expect(Set(sentences).count == sentences.count)
        let all = report.deadlines.map(\.sentence) + report.tariffChanges.map(\.sentence)
        for (fact, sentence) in zip(facts(object), all) {
            let index = try #require(fact["sentence"] as? Int)
            #expect(sentences[index] == sentence)
        }
        #expect(sentences.first?.hasPrefix("Japan will impose") == true, "document order")
    }

    @Test func noSentencesLeavesOffsetsOnly() throws {
        let report = report()
        let object = try encode(report, table: report.sentenceTable(omitted: true))
        #expect(object["sentences"] == nil)
        for fact in facts(object) {
            #expect(fact["sentence"] == nil)
            #expect(fact["start"] is Int && fact["end"] is Int)
        }
    }

    @Test func withoutATableFactsCarryTheirSentence() throws {
        let report = report()
        let object = try encode(report, table: nil)
        #expect(object["sentences"] == nil)
        #expect(facts(object).allSatisfy { $0["sentence"] is String })
    }
}
