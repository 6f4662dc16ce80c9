import FactStore
import Foundation
import Logging
import ServiceLifecycle
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// The shared seed articles through the whole daemon, when `../shared` is present (it is not ours to copy).
@Suite(.serialized) struct SeedArticlesTests {
    /// `../shared` beside the package root.
    static let shared = FilePath(#filePath).removingLastComponent().removingLastComponent().removingLastComponent()
        .removingLastComponent().appending("shared")

    /// Seed file name and its reference date from the gold file.
    static var seeds: [(name: String, date: String)] {
        guard let data = FileManager.default.contents(atPath: shared.appending("eval/seeds.gold.json").string),
            let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let documents = gold["documents"] as? [String: [String: Any]]
        else { return [] }
        return documents.compactMap { name, doc in (doc["reference_date"] as? String).map { (name, $0) } }
            .sorted { $0.name < $1.name }
    }

    @Test(
        .enabled(if: !seeds.isEmpty, "needs ../shared/seeds and ../shared/eval/seeds.gold.json"),
        arguments: [false, true])
    func theThreatenedUSTariffOnChinaAlertsOnceInAnyOrderThenChangesOnce(reversed: Bool) async throws {
        let workspace = try Workspace()
        var settings = Settings()
        settings.watchDirectory = workspace.inbox
        settings.stateDirectory = workspace.state
        let application = try Application(
            settings: settings, journalEnabled: false, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            let order = reversed ? Self.seeds.reversed() : Self.seeds
            for seed in order {
                let text = try String(contentsOfFile: Self.shared.appending("seeds/\(seed.name)").string, encoding: .utf8)
                try workspace.drop(text, as: seed.name, dated: seed.date)
                // One at a time, so the order is the order of arrival.
                try await eventually("\(seed.name) processed") {
                    let counts = try application.store.counts()
                    return counts.filesProcessed == order.firstIndex { $0.name == seed.name }! + 1 && counts.alertsPending == 0
                }
            }
            // Our own later article raising the rate of the same measure: one changed alert.
            try workspace.drop(
                "The White House said on Tuesday that it would impose additional 130% tariffs on Chinese goods "
                    + "starting November 1, raising the rate it threatened this month.\n",
                as: "zz-later-report.txt", dated: "2025-10-28")
            try await eventually("the later report processed") {
                let counts = try application.store.counts()
                return counts.filesProcessed == order.count + 1 && counts.alertsPending == 0
            }
            await application.serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
        }
        let all = try workspace.feedItems()
        let changed = all.filter { $0.tariffwatch["alert_kind"] as? String == "changed_tariff" }
        #expect(changed.count == 1)
        #expect((changed.first?.tariffwatch["tariff"] as? [String: Any])?["rate_pct"] as? Double == 130)
        #expect((changed.first?.tariffwatch["previous"] as? [String: Any])?["rate_pct"] as? Double == 100)
        let items = all.filter { $0.tariffwatch["alert_kind"] as? String != "changed_tariff" }
        let usOnChina = items.filter {
            let tariff = $0.tariffwatch["tariff"] as? [String: Any] ?? [:]
            return tariff["imposer"] as? String == "US" && tariff["target"] as? String == "CN"
                && tariff["status"] as? String == "threatened"
        }
        #expect(usOnChina.count == 1, "\(usOnChina.map { $0["title"] ?? "" })")
        let threat = try #require(usOnChina.first)
        #expect((threat.tariffwatch["tariff"] as? [String: Any])?["rate_pct"] as? Double == 100)
        #expect((threat.tariffwatch["source_count"] as? Int ?? 0) >= 3)
        // Historical rates (145%, 125%, 55%, 30%) are stored but never alert.
        #expect(!items.contains { ($0.tariffwatch["tariff"] as? [String: Any])?["status"] as? String == "historical" })
        // Upcoming deadlines alert: the November 10 truce expiry and the October 30 meeting at least.
        let dates = Set(items.compactMap { ($0.tariffwatch["deadline"] as? [String: Any])?["date"] as? String })
        #expect(dates.isSuperset(of: ["2025-10-30", "2025-11-10"]), "\(dates)")
    }
}
