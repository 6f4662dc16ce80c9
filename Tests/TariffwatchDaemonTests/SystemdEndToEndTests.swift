import Foundation
import SystemPackage
import Testing

/// The installed units under a real systemd (PID 1 in its own namespaces): start, alert, reload, restart,
/// the HTTP server, a reminder, two template instances, journal forwarding, stop.
@Suite struct SystemdEndToEndTests {
    static var prerequisitesMissing: String? {
        if getuid() != 0 { return "needs root (namespaces, systemd as PID 1)" }
        for tool in ["/usr/bin/unshare", "/usr/bin/nsenter", "/lib/systemd/systemd"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "needs \(tool)"
        }
        if TariffwatchBinary.path == nil { return "needs the built tariffwatch binary" }
        return nil
    }

    @Test(.enabled(if: prerequisitesMissing == nil, "\(prerequisitesMissing ?? "")"), .timeLimit(.minutes(5)))
    func installedUnitAlertsReloadsAndStops() async throws {
        let script = JournalIntegrationTests.support.appending("systemd-e2e.sh")
        let articles = Workspace.fixtures.removingLastComponent().appending("e2e")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script.string)
        // One article of each document format too: HTML, e-mail, JSON, RSS, PDF, Windows-1252 text.
        process.arguments = [try #require(TariffwatchBinary.path), articles.string, FormatFixtures.folder.string]
        let workspace = try Workspace()
        let log = workspace.root.appending("e2e.log")
        FileManager.default.createFile(atPath: log.string, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log.string))
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        try await process.runToCompletion()
        let text = try String(contentsOfFile: log.string, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("PASS:"), "\(text)")
    }
}

