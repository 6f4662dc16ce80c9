import Foundation
import SystemPackage
import Testing

/// `kill -9` at any moment followed by a restart loses no alert and duplicates none.
@Suite(.serialized) struct CrashRecoveryTests {
    /// Countries the articles name; each ordered pair is one distinct tariff fact.
    static let countries = [
        "Japan", "Canada", "Mexico", "India", "Brazil", "Australia", "Indonesia", "Turkey", "Argentina", "Vietnam",
        "Thailand", "Chile",
    ]

    static func articles(count: Int) -> [(name: String, text: String)] {
        var pairs: [(String, String)] = []
        for a in countries { for b in countries where a != b { pairs.append((a, b)) } }
        return (0..<count).map { i in
            let (imposer, target) = pairs[i % pairs.count]
            return (
                String(format: "burst-%04d.txt", i),
                "\(imposer) will impose 25% tariffs on imports from \(target) starting June 1, officials said on Monday.\n"
            )
        }
    }

    private func drop(_ articles: [(name: String, text: String)], into workspace: borrowing Workspace) throws {
        for article in articles { try workspace.drop(article.text, as: article.name, dated: "2026-05-04") }
    }

    private func factIDs(_ state: FilePath) throws -> Set<String> {
        let text = try TariffwatchBinary.output(["facts", "--state-dir", state.string, "--json"])
        let facts = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
        return Set(facts.compactMap { $0["id"] as? String })
    }

    @Test(.enabled(if: TariffwatchBinary.path != nil, "needs the built tariffwatch binary"))
    func killNineMidBurstThenRestart() async throws {
        let articles = Self.articles(count: 120)

        // Reference: the same burst without a crash.
        let reference = try Workspace()
        try drop(articles, into: reference)
        let calm = try DaemonProcess(reference)
        try await eventually("reference run done", timeout: .seconds(180)) {
            let counts = try statusCounts(reference.state)
            return counts["files_processed"] == articles.count && counts["alerts_pending"] == 0
        }
        calm.kill(SIGTERM)
        let expectedFacts = try factIDs(reference.state)
        let expectedItems = try reference.feedItems().count
        // One tariff fact per ordered pair of countries (and the deadlines the articles name).
        #expect(expectedFacts.count >= articles.count)

        // The crash: SIGKILL while the burst is half processed.
        let workspace = try Workspace()
        let first = try DaemonProcess(workspace)
        try drop(articles, into: workspace)
        try await eventually("some files processed", timeout: .seconds(180)) {
            (try statusCounts(workspace.state)["files_processed"] ?? 0) >= 30
        }
        first.kill(SIGKILL)

        let second = try DaemonProcess(workspace)
        try await eventually("everything processed after restart", timeout: .seconds(180)) {
            let counts = try statusCounts(workspace.state)
            return counts["files_processed"] == articles.count && counts["alerts_pending"] == 0
        }
        second.kill(SIGTERM)

        let ids = try workspace.feedItems().compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "duplicate feed items after kill -9")
        #expect(ids.count == expectedItems)
        #expect(try factIDs(workspace.state) == expectedFacts)
        #expect(second.process.terminationStatus == 0)
    }
}
