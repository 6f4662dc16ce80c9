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

    @Test(arguments: FeedValidityTests.entries() + Self.awkwardEntries())
    func aPatchedItemIsTheItemJSONEncoderWrites(entry: FeedEntry) throws {
        let encoder = Self.encoder()
        let template = try FeedItemTemplate(alert: entry.alert)
        for (count, sources) in Self.corroborations {
            let whole = try encoder.encode(JSONFeed.Item(entry: FeedEntry(alert: entry.alert, sourceCount: count, sources: sources)))
            let patched = template.render(sourceCount: count, sources: sources)
            #expect(String(decoding: patched, as: UTF8.self) == String(decoding: whole, as: UTF8.self), "\(count) sources")
        }
    }

    /// Alerts whose text needs every kind of escape, whose numbers print in every form, and whose
    /// optional fields are each present and absent.
    static func awkwardEntries() -> [FeedEntry] {
        let texts = [
            "", "quote \" backslash \\ slash / tab \t newline \n return \r", "\u{8}\u{C}\u{0}\u{1F}\u{7F}",
            "é ü 中文 🇺🇸 \u{2028}\u{2029} " + String(Unicode.Scalar(0xFDD0 as UInt32)!), "Reported by 7203641958117349 sources.", "<p>&amp;</p>",
        ]
        let rates: [Double?] = [nil, 0, 25, 7.5, 0.1, 1e-7, 123456789012.5, 1e21, -0.0]
        var entries: [FeedEntry] = []
        for (index, text) in texts.enumerated() {
            let rate = rates[index % rates.count]
            let tariff = TariffFact(
                imposer: index % 2 == 0 ? text : nil, target: "CN", products: index % 3 == 0 ? [] : [text, "steel"],
                ratePct: rate, previousRatePct: rates[(index + 3) % rates.count], additional: index % 2 == 1,
                aggregate: index == 4, direction: TariffDirection.allCases[index % TariffDirection.allCases.count],
                status: TariffStatus.allCases[index % TariffStatus.allCases.count],
                effectiveDate: index % 2 == 0 ? TemporalValue(iso: "2026-Q\(index % 4 + 1)") : nil)
            let deadline = DeadlineFact(
                date: TemporalValue(iso: ["2026-03-01", "2026-W09", "2026-03", "2026"][index % 4])!,
                endDate: index % 2 == 0 ? TemporalValue(iso: "2026-12-31") : nil, kind: DeadlineKind.allCases[index % DeadlineKind.allCases.count],
                subject: text)
            let provenance: [ArticleProvenance?] = [
                nil,
                ArticleProvenance(title: text, url: nil, published: nil, referenceDateSource: "dateline"),
                ArticleProvenance(title: nil, url: "https://x.example/\(index)?a=\"\(text)\"", published: CalendarDate(year: 2026, month: 1, day: 31),
                    referenceDateSource: "metadata", item: text),
                ArticleProvenance(title: "", url: "", published: nil, referenceDateSource: "mtime", item: nil),
            ]
            for (variant, article) in provenance.enumerated() {
                let kind = AlertKind.allCases[(index + variant) % AlertKind.allCases.count]
                let current: FactValue = variant % 2 == 0 ? .tariff(tariff) : .deadline(deadline)
                let previous: FactValue? = [nil, .tariff(tariff), .deadline(deadline)][(index + variant) % 3]
                let alert = Alert(
                    id: Int64(1000 + index * 10 + variant), factID: "fact-\(text)", kind: kind,
                    createdAt: Date(timeIntervalSince1970: 1_761_300_000.123 + Double(index)), current: current, previous: previous,
                    sourceFile: "/in/\(text).txt", evidence: text, sourceCount: 1, provenance: article,
                    daysBefore: variant == 1 ? 3 : nil, confidence: variant == 3 ? [0.6, 0.125, 1e-5, 0.3333333333333333][index % 4] : nil)
                entries.append(FeedEntry(alert: alert, sourceCount: 1, sources: [alert.sourceFile]))
            }
        }
        return entries
    }

    @Test func aRateThatIsNotANumberIsRefusedAsJSONEncoderRefusesIt() {
        var alert = FeedValidityTests.entries()[2].alert
        alert.current = .tariff(TariffFact(imposer: "US", target: "CN", ratePct: .nan, status: .imposed))
        #expect(throws: NonFiniteNumber.self) { try FeedItemTemplate(alert: alert) }
        #expect(throws: EncodingError.self) { try Self.encoder().encode(JSONFeed.Item(entry: FeedEntry(alert: alert, sourceCount: 1, sources: []))) }
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

    @Test func itemsLeavingTheFeedAreFoundWhetherTheyFellOffTheEndOrNot() {
        // New items first, the oldest off the end: the usual case.
        #expect(RenderedFeed.removed(from: [5, 4, 3, 2], keeping: [7, 6, 5, 4]) == [3, 2])
        #expect(RenderedFeed.removed(from: [5, 4, 3], keeping: [6, 5, 4, 3]) == [])
        #expect(RenderedFeed.removed(from: [5, 4, 3], keeping: [9, 8, 7]) == [5, 4, 3])
        #expect(RenderedFeed.removed(from: [], keeping: [1]) == [])
        #expect(RenderedFeed.removed(from: [2, 1], keeping: []) == [2, 1])
        // Anything else (an item gone from the middle, another order) is still answered right.
        #expect(RenderedFeed.removed(from: [5, 4, 3, 2], keeping: [6, 5, 3, 2]) == [4])
        #expect(RenderedFeed.removed(from: [5, 4, 3], keeping: [3, 5]) == [4])
        #expect(RenderedFeed.slide(from: [5, 4, 3, 2], to: [7, 6, 5, 4]) == .init(added: 2, kept: 2))
        #expect(RenderedFeed.slide(from: [], to: [2, 1]) == .init(added: 2, kept: 0))
        #expect(RenderedFeed.slide(from: [5, 4, 3], to: [3, 5]) == nil)
        #expect(RenderedFeed.slide(from: [5, 4, 3], to: [6, 5, 3]) == nil)
    }

    @Test func aSlidingFeedReadsLikeOneRenderedFromScratch() throws {
        let entries = FeedValidityTests.entries()
        try #require(entries.count >= 4)
        let header = RenderedFeed.Header(title: "t", homePageURL: nil, description: "d")
        // Each step the window moves by one and the item in its middle is reported once more.
        var counts: [Int64: Int] = [:]
        func render(_ feed: inout RenderedFeed, _ window: ArraySlice<FeedEntry>) throws {
            _ = try feed.update(
                header: header,
                revisions: window.reversed().map {
                    FeedRevision(alertID: $0.alert.id, factID: $0.alert.factID, sourceCount: counts[$0.alert.id, default: 1])
                },
                entries: { ids in
                    entries.filter { ids.contains($0.alert.id) }.map {
                        FeedEntry(alert: $0.alert, sourceCount: counts[$0.alert.id, default: 1], sources: [])
                    }
                },
                sources: { _ in [:] })
        }
        var kept = RenderedFeed()
        for start in 0..<(entries.count - 2) {
            let window = entries[start..<(start + 3)]
            try render(&kept, window)
            counts[window[start + 1].alert.id, default: 1] += 1
            try render(&kept, window)
            var fresh = RenderedFeed()
            try render(&fresh, window)
            #expect(
                String(decoding: kept.document(), as: UTF8.self) == String(decoding: fresh.document(), as: UTF8.self),
                "window starting at \(start)")
        }
    }
}
