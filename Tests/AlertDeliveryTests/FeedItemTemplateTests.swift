import Foundation
import TariffExtraction
import Testing

@testable import AlertDelivery
@testable import FactStore

/// A patched feed item is byte for byte the item rendered whole, for every kind of alert and every
/// corroboration, and `RenderedFeed` patches only what changed.
@Suite struct FeedItemTemplateTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static let corroborations: [(Int, [String])] = [
        (0, []), (1, ["/in/a.txt"]), (2, ["/in/a.txt", "/in/b \"quoted\".txt"]),
        (25, (0..<20).map { "/in/é-\($0).txt" }), (1_000_000, ["/in/x/y.txt#item-1"]),
    ]

    @Test(arguments: FeedValidityTests.entries())
    func aPatchedItemIsTheItemRenderedWhole(entry: FeedEntry) throws {
        let encoder = Self.encoder()
        let template = try FeedItemTemplate(alert: entry.alert, encoder: encoder)
        #expect(template.isPatched)
        for (count, sources) in Self.corroborations {
            let whole = try encoder.encode(JSONFeed.Item(entry: FeedEntry(alert: entry.alert, sourceCount: count, sources: sources)))
            let patched = try template.render(sourceCount: count, sources: sources, encoder: encoder)
            #expect(String(decoding: patched, as: UTF8.self) == String(decoding: whole, as: UTF8.self), "\(count) sources")
        }
    }

    @Test func anItemWhoseTextHoldsTheSentinelIsRenderedWhole() throws {
        var alert = try #require(FeedValidityTests.entries().first).alert
        alert.evidence = "Reported by 7203641958117349 sources."
        let encoder = Self.encoder()
        let template = try FeedItemTemplate(alert: alert, encoder: encoder)
        #expect(!template.isPatched)
        let whole = try encoder.encode(JSONFeed.Item(entry: FeedEntry(alert: alert, sourceCount: 3, sources: ["/a"])))
        #expect(try template.render(sourceCount: 3, sources: ["/a"], encoder: encoder) == Array(whole))
    }

    @Test func aFactReportedAgainIsPatchedWithoutReadingItsAlert() throws {
        let entries = Array(FeedValidityTests.entries().prefix(3))
        var feed = RenderedFeed()
        let header = RenderedFeed.Header(title: "t", homePageURL: nil, description: "d")
        var counts = Dictionary(uniqueKeysWithValues: entries.map { ($0.alert.id, 1) })
        var sourcesAsked: [[String]] = []
        var entriesAsked: [[Int64]] = []
        func update() throws -> Bool {
            try feed.update(
                header: header,
                revisions: entries.reversed().map { FeedRevision(alertID: $0.alert.id, factID: $0.alert.factID, sourceCount: counts[$0.alert.id]!) },
                entries: { ids in
                    entriesAsked.append(ids.sorted())
                    return entries.filter { ids.contains($0.alert.id) }.map { FeedEntry(alert: $0.alert, sourceCount: 1, sources: ["/first"]) }
                },
                sources: { facts in
                    sourcesAsked.append(facts)
                    return Dictionary(uniqueKeysWithValues: facts.map { ($0, ["/first", "/second"]) })
                })
        }
        #expect(try update())
        #expect(entriesAsked == [entries.map(\.alert.id).sorted()])
        #expect(try !update())  // nothing changed: nothing rendered, nothing written

        let corroborated = entries[1]
        counts[corroborated.alert.id] = 2
        #expect(try update())
        #expect(entriesAsked.count == 1)  // no alert read again
        #expect(sourcesAsked == [[corroborated.alert.factID]])
        let document = String(decoding: feed.document(), as: UTF8.self)
        let expected = try Self.encoder().encode(
            JSONFeed.Item(entry: FeedEntry(alert: corroborated.alert, sourceCount: 2, sources: ["/first", "/second"])))
        #expect(document.contains(String(decoding: expected, as: UTF8.self)))
    }

    @Test func sourcesAreNotAskedForOnceTheListIsFull() throws {
        let entry = try #require(FeedValidityTests.entries().first)
        let full = (0..<FeedEntry.maxSources).map { "/in/\($0)" }
        var feed = RenderedFeed()
        var count = FeedEntry.maxSources
        var sourcesAsked = 0
        func update() throws {
            _ = try feed.update(
                header: .init(title: "t", homePageURL: nil, description: "d"),
                revisions: [FeedRevision(alertID: entry.alert.id, factID: entry.alert.factID, sourceCount: count)],
                entries: { _ in [FeedEntry(alert: entry.alert, sourceCount: count, sources: full)] },
                sources: { _ in
                    sourcesAsked += 1
                    return [:]
                })
        }
        try update()
        count += 5
        try update()
        #expect(sourcesAsked == 0)
        #expect(String(decoding: feed.document(), as: UTF8.self).contains("\"source_count\":\(count)"))
    }
}
