import FactStore
import Foundation
import Logging
import ServiceLifecycle
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// The whole daemon in-process on real folders: files in, facts merged, feed items out, restart safe.
@Suite(.serialized) struct DaemonPipelineTests {
    func settings(_ workspace: borrowing Workspace) -> Settings {
        var settings = Settings()
        settings.watchDirectory = workspace.inbox
        settings.stateDirectory = workspace.state
        return settings
    }

    /// Runs the daemon while `body` runs, then shuts it down gracefully and waits for it.
    func withDaemon(
        _ settings: Settings, reminderClock: any ReminderClock = SystemReminderClock(),
        _ body: (Application) async throws -> Void
    ) async throws {
        let application = try Application(
            settings: settings, journalEnabled: false, reminderClock: reminderClock,
            logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            do {
                try await body(application)
            } catch {
                await application.serviceGroup.triggerGracefulShutdown()
                throw error
            }
            await application.serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    private func tariffItems(_ items: [[String: Any]], kind: String) -> [[String: Any]] {
        items.filter { $0.tariffwatch["alert_kind"] as? String == kind }
    }

    @Test func newRepeatedAndChangedReportsAlertOnceEach() async throws {
        let workspace = try Workspace()
        try await withDaemon(settings(workspace)) { application in
            try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
            try await eventually("the new EU tariff in the feed") {
                try tariffItems(workspace.feedItems(), kind: "new_tariff").contains {
                    let fact = $0.tariffwatch["tariff"] as? [String: Any] ?? [:]
                    return fact["imposer"] as? String == "EU" && fact["target"] as? String == "US"
                        && fact["rate_pct"] as? Double == 25 && fact["effective_date"] as? String == "2026-04-01"
                }
            }
            let afterFirst = try workspace.feedItems().count

            // The same measure, worded differently, by another outlet a day later: a source, not an alert.
            try workspace.dropFixture("eu-steel-repeated.txt", dated: "2026-03-03")
            try await eventually("the repeat processed and delivered") {
                let counts = try application.store.counts()
                return counts.filesProcessed == 2 && counts.alertsPending == 0
            }
            // The feed is rewritten after the batch: the item counts a second source, no new item.
            try await eventually("the corroboration in the feed") {
                try tariffItems(workspace.feedItems(), kind: "new_tariff").contains {
                    ($0.tariffwatch["tariff"] as? [String: Any])?["imposer"] as? String == "EU"
                        && $0.tariffwatch["source_count"] as? Int == 2
                }
            }
            #expect(try workspace.feedItems().count == afterFirst)

            // A week later the rate changes: one changed alert carrying both values.
            try workspace.dropFixture("eu-steel-raised.txt", dated: "2026-03-10")
            try await eventually("the changed tariff in the feed") {
                try !tariffItems(workspace.feedItems(), kind: "changed_tariff").isEmpty
            }
            let changed = try #require(tariffItems(try workspace.feedItems(), kind: "changed_tariff").first)
            #expect((changed.tariffwatch["tariff"] as? [String: Any])?["rate_pct"] as? Double == 50)
            #expect((changed.tariffwatch["previous"] as? [String: Any])?["rate_pct"] as? Double == 25)
            #expect(try workspace.feedItems().count == afterFirst + 1)

            // A report without any tariff or deadline adds nothing.
            try workspace.dropFixture("quiet-market-report.txt", dated: "2026-03-10")
            try await eventually("the market report processed") { try application.store.counts().filesProcessed == 4 }
            #expect(try workspace.feedItems().count == afterFirst + 1)
        }
    }

    @Test func restartDoesNotReprocessOrRealert() async throws {
        let workspace = try Workspace()
        try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
        var firstIDs: [String] = []
        try await withDaemon(settings(workspace)) { application in
            try await eventually("start-up scan delivered") {
                let counts = try application.store.counts()
                return counts.filesProcessed == 1 && counts.alertsPending == 0 && counts.alertsDelivered > 0
            }
            firstIDs = try workspace.feedItems().compactMap { $0["id"] as? String }
        }
        #expect(!firstIDs.isEmpty)

        // Files that arrived while it was down are picked up; the old one is not processed again.
        try workspace.dropFixture("eu-steel-repeated.txt", dated: "2026-03-03")
        try await withDaemon(settings(workspace)) { application in
            try await eventually("the file that arrived while down") { try application.store.counts().filesProcessed == 2 }
            try await eventually("delivery settled") { try application.store.counts().alertsPending == 0 }
            #expect(try workspace.feedItems().compactMap { $0["id"] as? String } == firstIDs)
        }
    }

    @Test func badFilesAreRejectedAndTheRestGoesOn() async throws {
        let workspace = try Workspace()
        try await withDaemon(settings(workspace)) { application in
            let binary = workspace.staging.appending("image.txt")
            try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: binary.string))
            try FileManager.default.moveItem(atPath: binary.string, toPath: workspace.inbox.appending("image.txt").string)
            // UTF-8 ("ö") broken by a Latin-1 byte: damaged, not a legacy encoding.
            let latin1 = workspace.staging.appending("latin1.txt")
            try Data("Zölle 25\u{25} ".utf8 + [0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1.string))
            try FileManager.default.moveItem(atPath: latin1.string, toPath: workspace.inbox.appending("latin1.txt").string)
            try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
            try await eventually("two rejections and one article") {
                let counts = try application.store.counts()
                return counts.filesRejected == 2 && counts.filesProcessed == 1 && counts.alertsPending == 0
            }
            #expect(try !workspace.feedItems().isEmpty)
        }
    }

    /// Issue 8: a file over the extraction budget is one rejection naming the file; the next article alerts.
    @Test func aFileTooComplexToExtractIsRejectedAndTheRestGoesOn() async throws {
        let workspace = try Workspace()
        var settings = settings(workspace)
        settings.extractMaxCandidates = 500
        try await withDaemon(settings) { application in
            try workspace.drop(String(repeating: "on Monday, ", count: 1_000), as: "weekdays.txt", dated: "2026-03-02")
            try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
            try await eventually("one rejection and one article") {
                let counts = try application.store.counts()
                return counts.filesRejected == 1 && counts.filesProcessed == 1 && counts.alertsPending == 0
            }
            #expect(try !workspace.feedItems().isEmpty)
        }
    }

    @Test func ignoredNamesAreNeverRead() async throws {
        let workspace = try Workspace()
        try await withDaemon(settings(workspace)) { application in
            let text = try String(
                contentsOfFile: Workspace.fixtures.appending("eu-steel-announced.txt").string, encoding: .utf8)
            for name in [".hidden.txt", "draft.txt.part", "upload.tmp", "notes.txt~", ".notes.txt.swp"] {
                try text.write(toFile: workspace.inbox.appending(name).string, atomically: false, encoding: .utf8)
            }
            try workspace.dropFixture("quiet-market-report.txt", dated: "2026-03-10")
            try await eventually("the real article") { try application.store.counts().filesProcessed == 1 }
            #expect(try application.store.counts().filesRejected == 0)
            #expect(try workspace.feedItems().isEmpty)
        }
    }
}
