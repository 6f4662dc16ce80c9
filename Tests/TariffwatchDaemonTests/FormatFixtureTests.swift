import ArticleFormats
import Foundation
import SystemPackage
import TariffExtraction
import Testing

@testable import TariffwatchDaemon

/// `tariffwatch extract --json` on each format gives the facts of the same article as clean text,
/// with the reference date the article states and where it was read from.
@Suite("Document formats give the facts of their clean-text twins")
struct FormatFixtureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var item: String?
        var twin: String
        var referenceDate: String
        var source: ReferenceDateSource
        var format: DocumentFormat
        var title: String?
        var url: String?
        var testDescription: String { "\(fixture)\(item.map { " item \($0)" } ?? "") = clean/\(twin)" }
    }

    static let cases: [Case] = [
        Case(fixture: "eu-steel.html", twin: "eu-steel.txt", referenceDate: "2025-10-20", source: .metadata, format: .html,
            title: "EU to hit US steel with new duties next month",
            url: "https://tradeledger.example/2025/10/20/eu-us-steel-duties"),
        Case(fixture: "canada-autos.eml", twin: "canada-autos.txt", referenceDate: "2025-10-21", source: .metadata, format: .email,
            title: "Canada pauses retaliatory tariffs on US autos", url: "https://news.example/daily/2025-10-21"),
        Case(fixture: "news-api.json", item: "https://latintradewire.example/mexico-chinese-cars-50", twin: "mexico-cars.txt",
            referenceDate: "2025-10-22", source: .metadata, format: .json, title: "Mexico to raise tariffs on Chinese cars to 50%",
            url: "https://latintradewire.example/mexico-chinese-cars-50"),
        Case(fixture: "news-api.json", item: "https://trademint.example/india-almonds-15", twin: "india-almonds.txt",
            referenceDate: "2025-10-23", source: .metadata, format: .json, title: "India sets 15% duty on US almonds",
            url: "https://trademint.example/india-almonds-15"),
        Case(fixture: "trade-feed.rss", item: "tariffmonitor-88213", twin: "us-pharma.txt", referenceDate: "2025-10-24",
            source: .metadata, format: .rss, title: "US imposes 10% tariff on Indian pharmaceuticals",
            url: "https://tariffmonitor.example/2025/10/24/us-india-pharma-tariff"),
        Case(fixture: "trade-feed.rss", item: "tariffmonitor-88214", twin: "japan-beef.txt", referenceDate: "2025-10-24",
            source: .metadata, format: .rss, title: "Japan to cut tariffs on Australian beef",
            url: "https://tariffmonitor.example/2025/10/24/japan-australia-beef"),
        Case(fixture: "cranes-notice.ps", twin: "cranes-notice.txt", referenceDate: "2025-10-27", source: .metadata, format: .pdf,
            title: "Notice of Action: Tariffs on Ship-to-Shore Cranes From China"),
        Case(fixture: "eu-bourbon-cp1252.txt", twin: "eu-bourbon.txt", referenceDate: "2025-10-28", source: .dateline, format: .text),
    ]

    @Test(arguments: cases)
    func sameFactsAsCleanText(_ spec: Case) async throws {
        if spec.fixture.hasSuffix(".ps"), FormatFixtures.ps2pdf == nil {
            print("skipped \(spec.fixture): ps2pdf (ghostscript) is not installed; `make deps` installs it")
            return
        }
        let folder = FilePath(NSTemporaryDirectory()).appending("tariffwatch-formats-\(UUID())")
        try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let staged = try await FormatFixtures.stage(spec.fixture, into: folder)

        let (reports, _) = try OneShotExtractor(referenceDate: nil).reports(staged)
        let report = try #require(reports.first { $0.document.item == spec.item }, "no article \(spec.item ?? "") in \(reports.map(\.document.item))")
        #expect(report.document.referenceDate.description == spec.referenceDate)
        #expect(report.document.referenceDateSource == spec.source)
        #expect(report.document.format == spec.format)
        #expect(report.document.title == spec.title)
        #expect(report.document.url == spec.url)

        let twinDate = try #require(CalendarDate(iso: spec.referenceDate))
        let (twins, _) = try OneShotExtractor(referenceDate: twinDate).reports(FormatFixtures.clean.appending(spec.twin))
        let twin = try #require(twins.first)
        #expect(!twin.tariffChanges.isEmpty || !twin.deadlines.isEmpty, "the twin states something")
        #expect(report.deadlines.map(\.withoutOffsets) == twin.deadlines.map(\.withoutOffsets))
        #expect(report.tariffChanges.map(\.withoutOffsets) == twin.tariffChanges.map(\.withoutOffsets))
    }

    @Test("a multi-article file prints one report per article, each with its own identity")
    func onePerItem() async throws {
        let folder = FilePath(NSTemporaryDirectory()).appending("tariffwatch-formats-\(UUID())")
        try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let staged = try await FormatFixtures.stage("news-api.json", into: folder)
        let (reports, notes) = try OneShotExtractor(referenceDate: nil).reports(staged)
        #expect(reports.map(\.document.item) == ["https://latintradewire.example/mexico-chinese-cars-50", "https://trademint.example/india-almonds-15"])
        #expect(notes == ["\(staged): 1 object without article text skipped"])
    }
}

extension Deadline {
    /// Offsets differ between a page and its clean text; the facts must not.
    var withoutOffsets: Deadline {
        var copy = self
        copy.start = 0
        copy.end = 0
        return copy
    }
}

extension TariffChange {
    var withoutOffsets: TariffChange {
        var copy = self
        copy.start = 0
        copy.end = 0
        return copy
    }
}
