import Foundation
import Testing

@testable import TariffExtraction

/// Linking to the temporal tagger's output, offsets, merging across sentences, and the JSON contract.
@Suite struct TariffFinderTests {
    /// A timex for the first occurrence of `phrase`, as the temporal tagger would produce it.
    private func timex(_ phrase: String, in text: String, value: TemporalValue) -> TaggedTimex {
        let document = TextDocument(text)
        let bytes = Array(text.utf8)
        let needle = Array(phrase.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
        let sentence = document.sentenceIndex(containing: start)!
        return TaggedTimex(
            bytes: start..<(start + needle.count), sentenceIndex: sentence, type: .date, value: value.iso, date: value, endDate: nil)
    }

    @Test func linksTheEffectiveDateIntroducedByStarting() throws {
        let text = "Trump threatened to impose additional 100% tariffs on Chinese imports starting November 1."
        let tagged = timex("November 1", in: text, value: .day(CalendarDate(year: 2025, month: 11, day: 1)!))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.effectiveDate == .day(CalendarDate(year: 2025, month: 11, day: 1)!))
        #expect(change.status == .threatened)
        #expect(change.additional)
    }

    @Test func linksADateWhoseTimexIncludesTheTriggerWord() throws {
        let text = "Washington will impose 100% tariffs on Chinese software starting November 1."
        let tagged = timex("starting November 1", in: text, value: .day(CalendarDate(year: 2025, month: 11, day: 1)!))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.effectiveDate?.iso == "2025-11-01")
        #expect(change.status == .announced)
    }

    @Test func linksAMonthGranularityDateToARatelessMove() throws {
        let text = "Trump pledged to impose additional tariffs on Chinese goods starting next month."
        let tagged = timex("next month", in: text, value: .month(year: 2025, month: 11))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.ratePct == nil)
        #expect(change.effectiveDate == .month(year: 2025, month: 11))
        #expect(change.imposer == "US" && change.target == "CN")
    }

    @Test func anEffectiveDateMakesAnImpositionAnnounced() throws {
        let text = "Canada's 25% duty on US steel takes effect on December 1."
        let tagged = timex("December 1", in: text, value: .day(CalendarDate(year: 2025, month: 12, day: 1)!))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.effectiveDate?.iso == "2025-12-01")
        #expect(change.status == .announced)
    }

    @Test func doesNotTakeTheEndOfAPauseAsTheEffectiveDate() throws {
        let text = "The US paused the 34% tariff on Chinese goods until November 10."
        let tagged = timex("November 10", in: text, value: .day(CalendarDate(year: 2025, month: 11, day: 10)!))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.effectiveDate == nil)
        #expect(change.status == .paused)
    }

    @Test func aPastTimexMakesTheRateHistorical() throws {
        let text = "On April 9, Washington raised tariffs on Chinese goods to 125%."
        let tagged = timex("April 9", in: text, value: .day(CalendarDate(year: 2025, month: 4, day: 9)!))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.status == .historical)
        #expect(change.effectiveDate == nil)
    }

    @Test func theCurrentYearIsNeitherAStartDateNorHistory() throws {
        let text = "The threat would top the 145% tariff imposed earlier this year on Chinese goods by Washington."
        let tagged = timex("earlier this year", in: text, value: .year(2025))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.effectiveDate == nil)
        #expect(change.status == .historical)
    }

    @Test func aRecentPastTimexKeepsAThreatLive() throws {
        let text = "On October 10, Trump threatened 100% tariffs on Chinese goods."
        let tagged = timex("October 10", in: text, value: .day(CalendarDate(year: 2025, month: 10, day: 10)!))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.status == .threatened)
    }

    @Test func ignoresTimexesOfOtherSentences() throws {
        let text = "Talks resume on November 3. The US imposed 25% tariffs on Mexican steel."
        let tagged = timex("November 3", in: text, value: .day(CalendarDate(year: 2025, month: 11, day: 3)!))
        let change = try #require(findTariffs(text, timexes: [tagged]).first)
        #expect(change.effectiveDate == nil)
    }

    @Test func offsetsAreUnicodeScalarsAndCoverTheRateAndNoun() throws {
        let text = "“Escalation” — Beijing’s response: China imposed 125% levies on US exports."
        let change = try #require(findTariffs(text).first)
        let scalars = Array(text.unicodeScalars)
        let covered = String(String.UnicodeScalarView(scalars[change.start..<change.end]))
        #expect(covered == change.text)
        #expect(change.text == "125% levies")
        #expect(change.sentence == text)
        #expect(change.imposer == "CN" && change.target == "US")
    }

    @Test func theSameChangeToldTwiceIsOneEntryKeepingTheMoreInformative() throws {
        let text = "Trump threatened 100% tariffs on Chinese goods. He said the 100% tariffs on Chinese software would start soon."
        let changes = findTariffs(text)
        #expect(changes.count == 1)
        #expect(changes.first?.products == ["software"])
    }

    @Test func aRatelessMentionGivesWayToARatedOneOfTheSamePair() {
        let text = "The US could impose further duties on Chinese goods. Trump threatened 100% tariffs on Chinese imports."
        let changes = findTariffs(text)
        #expect(changes.count == 1)
        #expect(changes.first?.ratePct == 100)
    }

    @Test func encodesTheNewFieldsUnderTheirJSONNames() throws {
        let change = try #require(findTariffs("Tariffs on Chinese solar panels vary between 30% and 250%.").first)
        #expect(change.minimumRatePct == 30)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(change)) as? [String: Any]
        #expect(json?["min_rate_pct"] as? Double == 30)
        #expect(json?["rate_pct"] as? Double == 250)
        #expect(json?["aggregate"] as? Bool == false)
        let decoded = try JSONDecoder().decode(TariffChange.self, from: JSONEncoder().encode(change))
        #expect(decoded == change)
    }

    @Test func aggregateRatesAreMarked() throws {
        let text = "The threat would bring the average US levy on Chinese goods to 157%."
        let change = try #require(findTariffs(text).first)
        #expect(change.aggregate)
        #expect(change.ratePct == 157)
        #expect(change.status == .threatened)
    }

    @Test func extractorRunsTheFinderOnWholeArticles() {
        let text = """
            Trade war latest
            Washington raised tariffs on Chinese goods to 145% in April. Beijing answered with 125% levies on US exports in the same month.
            Now the White House threatens an additional 100% tariff on Chinese imports.
            """
        let changes = Extractor().extract(text, referenceDate: specReferenceDate).tariffChanges
        #expect(changes.map(\.ratePct) == [145, 125, 100])
        #expect(changes.map(\.status) == [.historical, .historical, .threatened])
    }
}
