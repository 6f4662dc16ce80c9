import Foundation
import Testing
import TariffExtraction

@testable import FactStore

/// The feed's revisions read incrementally (new outbox rows, facts counted since) are the full read's.
extension FactStoreTests {
    @Test func incrementalRevisionsEqualAFullRead() throws {
        let store = try FactStore(directory: directory)
        let pairs = [("US", "CN"), ("EU", "US"), ("CA", "MX"), ("JP", "KR"), ("IN", "BR")]
        var revisions: FeedRevisions?
        var serial = 0
        // Rounds of new facts, corroborations of old ones (counts change, no alert) and rate changes
        // (a new alert for an old fact), with a limit the items outgrow.
        for round in 0..<12 {
            var batch: [StateChange] = []
            for (index, pair) in pairs.enumerated() where (round + index) % 2 == 0 {
                serial += 1
                let rate = Double(10 + (round / 3) * 5 + index)
                let record = file("r\(serial).txt")
                let article = ArticleRecord(
                    itemKey: nil, contentHash: record.contentHash, referenceDate: record.referenceDate,
                    provenance: ArticleProvenance(title: nil, url: nil, published: nil, referenceDateSource: "mtime"),
                    extraction: Extraction(tariffChanges: [tariff(pair.0, pair.1, rate)]))
                batch.append(.processed(record, [article], policy: AlertPolicy()))
            }
            _ = try store.apply(batch)
            for limit in [3, 500] {
                let full = try store.feedRevisions(limit: limit)
                if limit == 3 {
                    revisions = try store.feedRevisions(limit: 3, after: revisions)
                    #expect(revisions?.items == full, "round \(round)")
                    #expect(revisions?.newestPending == (try store.newestPendingID(for: .feed)), "round \(round)")
                    if round % 4 == 3, let newest = revisions?.newestPending { try store.markDelivered(through: newest, to: .feed) }
                }
                #expect(full.count == min(limit, try store.feedItems(limit: 1_000).count))
            }
        }
        #expect(try store.feedRevisions(limit: 500).contains { $0.sourceCount > 1 }, "corroborations were exercised")
    }

    @Test func revisionsFromAnotherLimitOrStoreAreReadAgain() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]))
        let three = try store.feedRevisions(limit: 3, after: nil)
        _ = try store.record(file("b.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]))
        #expect(try store.feedRevisions(limit: 10, after: three).items == store.feedRevisions(limit: 10))
        let other = try FactStore(directory: directory)
        #expect(try other.feedRevisions(limit: 3, after: three).items == other.feedRevisions(limit: 3))
        #expect(try other.feedRevisions(limit: 3, after: three).items.first?.sourceCount == 2)
    }

    @Test func theLogForgetsTheOldestCommitsAndSaysSo() {
        let log = FactChangeLog(capacity: 2)
        log.add([])
        #expect(log.generation == 0)
        log.add(["a"])
        log.add(["b"])
        #expect(log.facts(after: 0) == ["a", "b"])
        log.add(["c", "a"])
        #expect(log.facts(after: 0) == nil)
        #expect(log.facts(after: 1) == ["b", "c", "a"])
        #expect(log.facts(after: 3) == [])
        #expect(log.facts(after: 4) == nil)
    }

    /// Advancing in place: a fact's older item can fall off the end while its newer one stays, and a count
    /// read later patches only the items still shown.
    @Test func advancingKeepsEachFactsItemsAcrossTheEdge() {
        let log = FactChangeLog(capacity: 4)
        func item(_ id: Int64, _ fact: String, _ count: Int) -> FeedRevision {
            FeedRevision(alertID: id, factID: fact, sourceCount: count)
        }
        var revisions = FeedRevisions(items: [item(3, "b", 1), item(2, "a", 1), item(1, "a", 1)], newestPending: 3, limit: 3, generation: 0, log: log)
        revisions.advance(fresh: [item(5, "c", 1), item(4, "a", 2)], counts: ["a": 2], newestPending: 5, generation: 1)
        #expect(revisions.items == [item(5, "c", 1), item(4, "a", 2), item(3, "b", 1)])
        #expect(revisions.shows("a") && revisions.shows("b") && revisions.shows("c"))
        revisions.advance(fresh: [item(7, "d", 1), item(6, "d", 1)], counts: ["a": 3, "b": 4], newestPending: nil, generation: 2)
        #expect(revisions.items == [item(7, "d", 1), item(6, "d", 1), item(5, "c", 1)], "the edge passed a and b")
        #expect(!revisions.shows("a") && !revisions.shows("b"))
        revisions.advance(fresh: [], counts: ["c": 9], newestPending: nil, generation: 3)
        #expect(revisions.items.map(\.sourceCount) == [1, 1, 9])
        #expect(revisions.newestPending == nil)
    }
}

extension FactStoreTests {
    /// The feed marks everything pending up to its newest id in one statement: only those, once, and an
    /// alert is delivered only when the journal has it too.
    @Test func markingThroughAnIDMarksOnlyThePendingUpToIt() throws {
        let store = try FactStore(directory: directory)
        for (index, pair) in [("US", "CN"), ("EU", "US"), ("CA", "MX")].enumerated() {
            _ = try store.record(file("m\(index).txt"), extraction: Extraction(tariffChanges: [tariff(pair.0, pair.1, 10)]))
        }
        try store.markDelivered([1], to: .journal)
        #expect(try store.markDelivered(through: 2, to: .feed) == 2)
        #expect(try store.markDelivered(through: 2, to: .feed) == 0, "already marked")
        #expect(try store.counts().alertsDelivered == 1, "alert 2 still waits for the journal")
        #expect(try store.newestPendingID(for: .feed) == 3)
        #expect(try store.markDelivered(through: 3, to: .feed) == 1)
        #expect(try store.newestPendingID(for: .feed) == nil)
    }
}
