import Foundation
import TariffExtraction
import Testing

@testable import AlertDelivery
@testable import FactStore

/// The feed file as the daemon writes it, read by a real feed parser (feedparser-rs through
/// `Tests/Support/check-jsonfeed.py`): every alert kind, with and without an article behind it.
@Suite struct FeedValidityTests {
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/check-jsonfeed.py").path

    /// Why the check cannot run here, if it cannot: no Python, or no feedparser-rs (`make test-deps`).
    static let parserMissing: String? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return "needs /usr/bin/python3" }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("feed-probe-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: empty) }
        FileManager.default.createFile(
            atPath: empty, contents: Data(#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}"#.utf8))
        let status = (try? run(checker, empty).status) ?? -1
        return status == 0 ? nil : "needs feedparser-rs (make test-deps installs it into .build/test-python)"
    }()

    static func run(_ script: String, _ feed: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, feed, "--require-parser"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func entries() -> [FeedEntry] {
        let truce = DeadlineFact(date: TemporalValue(iso: "2025-11-10")!, kind: .expiry, subject: "the truce")
        let later = DeadlineFact(date: TemporalValue(iso: "2025-W47")!, kind: .expiry, subject: "the truce")
        let threat = TariffFact(imposer: "US", target: "CN", ratePct: 100, additional: true, status: .threatened)
        var imposed = threat
        imposed.status = .imposed
        let page = ArticleProvenance(
            title: "Truce <kept> & \"extended\"", url: "https://ledger.example/a?x=1&y=2",
            published: CalendarDate(year: 2025, month: 10, day: 20), referenceDateSource: "metadata", item: "tag:1")
        let cases: [(AlertKind, FactValue, FactValue?)] = [
            (.newDeadline, .deadline(truce), nil), (.changedDeadline, .deadline(later), .deadline(truce)),
            (.newTariff, .tariff(threat), nil), (.changedTariff, .tariff(imposed), .tariff(threat)),
            (.conflictingReport, .tariff(threat), .tariff(imposed)), (.deadlineReminder, .deadline(truce), nil),
        ]
        return cases.enumerated().flatMap { index, row in
            [nil, page].enumerated().map { variant, provenance in
                let id = Int64(index * 2 + variant + 1)
                let alert = Alert(
                    id: id, factID: "fact-\(index)", kind: row.0, createdAt: Date(timeIntervalSince1970: 1_761_300_000 + Double(id)),
                    current: row.1, previous: row.2, sourceFile: "/var/spool/tariffwatch/inbox/a-\(id).txt",
                    evidence: "The truce <ends> on Nov. 10 & “then”?", sourceCount: 1, provenance: provenance,
                    daysBefore: row.0 == .deadlineReminder ? 7 : nil, confidence: variant == 0 ? nil : 0.6)
                return FeedEntry(alert: alert, sourceCount: variant + 1, sources: [alert.sourceFile])
            }
        }
    }

    @Test(.enabled(if: parserMissing == nil, "\(parserMissing ?? "")"))
    func aFeedReaderParsesEveryKindOfItem() throws {
        let entries = Self.entries()
        var feed = RenderedFeed()
        _ = try feed.update(
            header: .init(title: "tariffwatch alerts", homePageURL: "https://desk.example/", description: "alerts"),
            revisions: entries.reversed().map { FeedRevision(alertID: $0.alert.id, factID: $0.alert.factID, sourceCount: $0.sourceCount) },
            entries: { ids in entries.filter { ids.contains($0.alert.id) } }, sources: { _ in [:] })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("feed-valid-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data(feed.document()))
        let (status, output) = try Self.run(Self.checker, path)
        #expect(status == 0, "\(output)")
        #expect(output.contains("valid JSON Feed 1.1: 12 items"), "\(output)")
    }
}
