import Foundation
import TariffExtraction
import Testing

@testable import FactStore

/// Each article of a multi-article file (feed item, JSON object) is its own source with its own
/// provenance; a rewritten file processes only its new or changed items.
extension FactStoreTests {
    func item(_ key: String?, hash: String, title: String, _ tariffs: [TariffChange], on date: CalendarDate? = nil) -> ArticleRecord {
        ArticleRecord(
            itemKey: key, contentHash: hash, referenceDate: date ?? day,
            provenance: ArticleProvenance(title: title, url: key.map { "https://feed.example/\($0)" }, published: date ?? day,
                referenceDateSource: "metadata", item: key),
            extraction: Extraction(tariffChanges: tariffs))
    }

    @Test func itemsAreSourcesOfTheirOwnWithTheirProvenance() throws {
        let store = try FactStore(directory: directory)
        let alerts = try store.record(
            file("feed.xml"),
            articles: [
                item("a", hash: "1", title: "US threatens China", [tariff("US", "CN", 100)]),
                item("b", hash: "2", title: "Also US threatens China", [tariff("US", "CN", 100)]),
            ])
        #expect(alerts.count == 1)
        #expect(alerts[0].provenance?.title == "US threatens China")
        #expect(alerts[0].provenance?.url == "https://feed.example/a")
        #expect(alerts[0].sourceFile == "/inbox/feed.xml")
        let entry = try #require(try store.feedItems(limit: 10).first)
        #expect(entry.sourceCount == 2)
        #expect(entry.sources == ["/inbox/feed.xml#a", "/inbox/feed.xml#b"])
    }

    @Test func aRewrittenFeedProcessesOnlyNewOrChangedItems() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("feed.xml", hash: "v1"), articles: [item("a", hash: "1", title: "A", [tariff("US", "CN", 100)])])
        let second = try store.record(
            file("feed.xml", hash: "v2"),
            articles: [
                item("a", hash: "1", title: "A", [tariff("US", "CN", 100)]),
                item("c", hash: "3", title: "C", [tariff("EU", "US", 25)]),
            ])
        #expect(second.map(\.provenance?.item) == ["c"])
        // An item whose text changed is read again: here it now reports a higher rate.
        let third = try store.record(
            file("feed.xml", hash: "v3"), articles: [item("a", hash: "1b", title: "A", [tariff("US", "CN", 130)], on: day.adding(days: 1))])
        #expect(third.map(\.kind) == [.changedTariff])
        let us = try #require(try store.feedItems(limit: 10).first { $0.alert.factID == third[0].factID })
        #expect(us.sourceCount == 1)
    }

    @Test func theCalendarAndTheRemindersNameTheArticleOfTheDeadline() throws {
        let store = try FactStore(directory: directory)
        var talks = item("talks-1", hash: "1", title: "Talks set for March", [])
        talks.extraction = Extraction(deadlines: [deadline("2026-03-20", subject: "trade talks")])
        let plain = ArticleRecord(
            itemKey: nil, contentHash: "2", referenceDate: day,
            provenance: ArticleProvenance(title: nil, url: nil, published: nil, referenceDateSource: "mtime"),
            extraction: Extraction(deadlines: [deadline("2026-04-01", .expiry, subject: "the truce")]))
        _ = try store.record(file("feed.xml"), articles: [talks], now: day.utcMidnight)
        _ = try store.record(file("truce.txt"), articles: [plain], now: day.utcMidnight)
        let records = try store.upcomingDeadlines(onOrAfter: day)
        #expect(records.map(\.source) == ["/inbox/feed.xml#talks-1", "/inbox/truce.txt"])
        let article = try #require(records.first?.article)
        #expect(article.title == "Talks set for March" && article.url == "https://feed.example/talks-1")
        #expect(article.item == "talks-1" && article.referenceDateSource == "metadata" && article.published == day)
        // A bare text file dated by its mtime has nothing beyond its name, as in its alerts.
        #expect(records.last?.article == nil)

        // A reminder carries the article too: the journal's ARTICLE_* and the feed's link.
        let reminders = try store.raiseDueReminders(remindDays: [7], today: CalendarDate(iso: "2026-03-13")!)
        #expect(reminders.alerts.map(\.provenance?.title) == ["Talks set for March"])
    }

    @Test func anInferredPartyKeepsItsConfidenceOnTheAlert() throws {
        let store = try FactStore(directory: directory)
        var inferred = tariff("US", "CN", 100)
        inferred.confidence = 0.6
        let alerts = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [inferred, tariff("EU", "US", 25)]))
        #expect(alerts.map(\.confidence) == [0.6, nil])
        // Stored with the alert: the feed renders it again after a restart.
        #expect(try store.feedItems(limit: 10).compactMap(\.alert.confidence) == [0.6])
    }

    @Test func anAlertWithoutProvenanceIsStoredAsBefore() throws {
        // Outbox rows written before provenance existed have no such key; they must still decode.
        let alert = Alert(
            id: 1, factID: "f", kind: .newTariff, createdAt: Date(timeIntervalSince1970: 0),
            current: .tariff(TariffFact(tariff("US", "CN", 100))), previous: nil, sourceFile: "/a", evidence: "e", sourceCount: 1)
        let text = try JSONText.encode(alert)
        #expect(!text.contains("provenance"))
        #expect(try JSONText.decode(Alert.self, text) == alert)
    }
}
