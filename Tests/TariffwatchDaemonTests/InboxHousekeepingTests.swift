import FactStore
import Foundation
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// `watch.after_processing` with the real daemon: each mode, a name dropped twice, a rejected file, a restart, and
/// the archive's retention.
@Suite(.serialized) struct InboxHousekeepingTests {
    /// Writes the configuration for `mode` into the workspace and returns its path and the archive folder.
    private func configure(_ workspace: borrowing Workspace, _ mode: AfterProcessing, retentionDays: Int? = nil) throws
        -> (config: FilePath, archive: FilePath)
    {
        let archive = workspace.root.appending("archive")
        var yaml = "watch:\n  after_processing: \(mode.rawValue)\n"
        if mode == .move { yaml += "  archive_directory: \(archive)\n" }
        if let retentionDays { yaml += "  retention_days: \(retentionDays)\n" }
        let config = workspace.root.appending("tariffwatch.yaml")
        try yaml.write(toFile: config.string, atomically: true, encoding: .utf8)
        return (config, archive)
    }

    private func exists(_ path: FilePath) -> Bool { FileManager.default.fileExists(atPath: path.string) }

    private func names(in folder: FilePath) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? []).sorted()
    }

    @Test(arguments: AfterProcessing.allCases)
    func eachModeActsOnlyAfterCommitAndKeepsRejectedFiles(mode: AfterProcessing) async throws {
        let workspace = try Workspace()
        let (config, archive) = try configure(workspace, mode)
        let log = workspace.root.appending("daemon.log")
        var daemon: DaemonProcess? = try DaemonProcess(workspace, config: config, log: log)
        try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
        // Dated a century ahead: rejected (a clock no writer has), and kept whatever the mode.
        try workspace.drop("EU will impose 10% tariffs on US wine from May 1, 2026.\n", as: "future.txt", dated: "2126-01-01")
        try await eventually("the article alerted and the bad file rejected") {
            let counts = try statusCounts(workspace.state)
            let items = try workspace.feedItems().count
            return counts["files_processed"] == 1 && counts["files_rejected"] == 1 && counts["alerts_pending"] == 0 && items >= 1
        }
        let alerts = try #require(try statusCounts(workspace.state)["alerts_delivered"])
        let dropped = workspace.inbox.appending("eu-steel-announced.txt")
        switch mode {
        case .keep:
            #expect(exists(dropped))
        case .move:
            try await eventually("the article in the archive") { !exists(dropped) && exists(archive.appending("eu-steel-announced.txt")) }
        case .delete:
            try await eventually("the article deleted") { !exists(dropped) }
            #expect(!exists(archive))
        }
        #expect(exists(workspace.inbox.appending("future.txt")), "a rejected file stays for the operator to fix")

        // The same name again with other words: processed, and (move) archived beside the first, never over it.
        if mode == .keep { try FileManager.default.removeItem(atPath: dropped.string) }
        try workspace.drop("EU will impose 30% tariffs on US whiskey from June 1, 2026.\n", as: "eu-steel-announced.txt", dated: "2026-03-04")
        try await eventually("its alert delivered") {
            let counts = try statusCounts(workspace.state)
            return counts["alerts_delivered"] ?? 0 > alerts && counts["alerts_pending"] == 0
        }
        if mode != .keep {
            try await eventually("the second file moved or deleted") { names(in: workspace.inbox) == ["future.txt"] }
        }
        if mode == .move {
            #expect(names(in: archive) == ["eu-steel-announced-2.txt", "eu-steel-announced.txt"])
            let first = try String(contentsOfFile: archive.appending("eu-steel-announced.txt").string, encoding: .utf8)
            #expect(first.contains("steel"), "the first archived file was overwritten")
        }
        // The very same file dropped once more: known, so no new alert; still moved or deleted, never overwriting.
        if mode != .keep {
            let delivered = try statusCounts(workspace.state)["alerts_delivered"]
            try workspace.drop("EU will impose 30% tariffs on US whiskey from June 1, 2026.\n", as: "eu-steel-announced.txt", dated: "2026-03-04")
            try await eventually("the repeat moved or deleted") {
                names(in: workspace.inbox) == ["future.txt"] && (mode == .delete || names(in: archive).count == 3)
            }
            if mode == .move {
                #expect(names(in: archive) == ["eu-steel-announced-2.txt", "eu-steel-announced-3.txt", "eu-steel-announced.txt"])
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try statusCounts(workspace.state)["alerts_delivered"] == delivered)
        }
        let before = try statusCounts(workspace.state)

        // A restart finds nothing to do: nothing processed again, no alert again.
        daemon?.kill(SIGTERM)
        #expect(daemon?.process.terminationStatus == 0)
        daemon = try DaemonProcess(workspace, config: config, log: log)
        try await eventually("the restarted daemon ready") { try statusCounts(workspace.state)["files_processed"] == before["files_processed"] }
        try await Task.sleep(for: .milliseconds(500))
        let after = try statusCounts(workspace.state)
        #expect(after["alerts_delivered"] == before["alerts_delivered"] && after["alerts_pending"] == 0)
        if mode == .keep { #expect(names(in: workspace.inbox) == ["eu-steel-announced.txt", "future.txt"]) }
        daemon?.kill(SIGTERM)
        #expect(daemon?.process.terminationStatus == 0)
        let text = (try? String(contentsOfFile: log.string, encoding: .utf8)) ?? ""
        #expect(!text.contains("cannot move") && !text.contains("cannot delete"), "\(text)")
    }

    @Test func retentionPrunesOnlyWhatTheDaemonArchivedAndIsDue() async throws {
        let workspace = try Workspace()
        let (config, archive) = try configure(workspace, .move, retentionDays: 30)
        var daemon: DaemonProcess? = try DaemonProcess(workspace, config: config)
        try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
        try workspace.dropFixture("quiet-market-report.txt", dated: "2026-03-02")
        try await eventually("both archived") { names(in: archive) == ["eu-steel-announced.txt", "quiet-market-report.txt"] }
        daemon?.kill(SIGTERM)
        daemon = nil
        // An operator's own file in the archive, and one archived file dated back past the retention.
        try "mine\n".write(toFile: archive.appending("notes.txt").string, atomically: false, encoding: .utf8)
        let store = try FactStore(directory: workspace.state.string)
        let old = try #require(try store.archivedFiles(through: Date().addingTimeInterval(60)).first { $0.path.hasSuffix("eu-steel-announced.txt") })
        var aged = old
        aged.archivedAt = Date().addingTimeInterval(-31 * 86_400)
        try store.completeInboxAction(path: "(test)", archived: aged)

        daemon = try DaemonProcess(workspace, config: config)
        try await eventually("the due file pruned at start") { names(in: archive) == ["notes.txt", "quiet-market-report.txt"] }
        try await eventually("the pruned file forgotten") {
            try store.archivedFiles(through: Date().addingTimeInterval(60)).map(\.path) == [archive.appending("quiet-market-report.txt").string]
        }
        daemon?.kill(SIGTERM)
        #expect(daemon?.process.terminationStatus == 0)
    }

    @Test func anArchiveOnAnotherMountIsRefusedAtStart() async throws {
        // /dev/shm is a tmpfs of its own; the workspace is under /tmp (a different mount on any usual machine).
        let shm = FilePath("/dev/shm/tariffwatch-archive-\(UUID())")
        let workspace = try Workspace()
        // The file system id is a UInt64 (a random tmpfs id may not fit in an Int).
        let probe = (try FileManager.default.attributesOfFileSystem(forPath: "/dev/shm")[.systemNumber] as? NSNumber)?.uint64Value
        let here = (try FileManager.default.attributesOfFileSystem(forPath: workspace.root.string)[.systemNumber] as? NSNumber)?.uint64Value
        try #require(probe != nil && probe != here, "/dev/shm is on the same filesystem as the workspace")
        defer { try? FileManager.default.removeItem(atPath: shm.string) }
        let config = workspace.root.appending("tariffwatch.yaml")
        try "watch:\n  after_processing: move\n  archive_directory: \(shm)\n".write(toFile: config.string, atomically: true, encoding: .utf8)
        let output = try TariffwatchBinary.run([
            "run", "--config", config.string, "--watch-dir", workspace.inbox.string, "--state-dir", workspace.state.string,
        ])
        #expect(output.status != 0)
        #expect(output.err.contains("is on another filesystem or mount than the watched folder"), "\(output.err)")
        #expect(names(in: shm).isEmpty && names(in: workspace.inbox).isEmpty, "the probe file was left behind")
    }
}
