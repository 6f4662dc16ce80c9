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
