import Foundation
import SystemPackage
import Testing

/// What an operator sees from the command line: errors that say what is wrong, in their words.
@Suite struct OperatorCommandLineTests {
    private func run(_ arguments: [String], asUser uid: Int? = nil) throws -> (status: Int32, out: String, err: String) {
        try TariffwatchBinary.run(arguments, asUser: uid)
    }

    private static var canDropPrivileges: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    @Test func aTypoFailsCheckConfigWithTheKeyNamed() throws {
        let workspace = try Workspace()
        let file = workspace.root.appending("typo.yaml")
        try "watch:\n  directroy: /srv/inbox\n".write(toFile: file.string, atomically: true, encoding: .utf8)
        let result = try run(["check-config", "--config", file.string])
        #expect(result.status != 0)
        #expect(result.err.contains("typo.yaml:2: watch.directroy: unknown key; did you mean 'watch.directory'?"), "\(result.err)")
        #expect(!result.out.contains("configuration OK"))
    }

    @Test func theDaemonRefusesToStartOnATypo() throws {
        let workspace = try Workspace()
        let file = workspace.root.appending("typo.yaml")
        try "alerts:\n  warnings_days: 3\n".write(toFile: file.string, atomically: true, encoding: .utf8)
        let result = try run(["run", "--config", file.string, "--watch-dir", workspace.inbox.string,
                              "--state-dir", workspace.state.string])
        #expect(result.status != 0)
        #expect(result.err.contains("alerts.warnings_days"), "\(result.err)")
    }

    /// Without a journald the daemon logs to standard error, which the test reads.
    private static var logsToStandardError: Bool { !FileManager.default.fileExists(atPath: "/run/systemd/journal/socket") }

    @Test(.enabled(if: logsToStandardError, "the daemon logs to the journal here (JournalIntegrationTests reads it)"))
    func everyProcessedFileGetsOneInfoLine() async throws {
        let workspace = try Workspace()
        let log = workspace.root.appending("daemon.log")
        let daemon = try DaemonProcess(workspace, log: log)
        try workspace.drop("Washington will impose a 25% tariff on Canadian lumber from March 1, 2027.", as: "a.txt", dated: "2026-01-10")
        try workspace.drop("The weather in Geneva was mild and the lake was calm.", as: "quiet.txt", dated: "2026-01-10")
        try await eventually("both files are processed") { try statusCounts(workspace.state)["files_processed"] == 2 }
        daemon.kill(SIGTERM)
        let lines = try String(contentsOfFile: log.string, encoding: .utf8).split(separator: "\n").filter { $0.contains(" processed ") }
        let quiet = lines.filter { $0.contains("inbox/quiet.txt: 0 deadline(s), 0 tariff change(s), no new facts") }
        let alerting = lines.filter { $0.contains("inbox/a.txt: ") && $0.contains("1 tariff change(s)") && $0.contains("alert(s)") }
        #expect(quiet.count == 1 && alerting.count == 1, "\(lines)")
        #expect(lines.allSatisfy { $0.contains(" info ") }, "\(lines)")
    }

    @Test func versionIsPrinted() throws {
        let result = try run(["--version"])
        #expect(result.status == 0)
        #expect(result.out.split(separator: ".").count == 3, "\(result.out)")
    }

    @Test func extractOnAMissingFileSaysSo() throws {
        let result = try run(["extract", "/nonexistent/article.txt"])
        #expect(result.status == 1)
        #expect(result.err.contains("/nonexistent/article.txt: no such file"), "\(result.err)")
    }

    @Test func statusOnAMissingStateSaysItDoesNotExist() throws {
        let result = try run(["status", "--state-dir", "/nonexistent/state"])
        #expect(result.status != 0)
        #expect(result.err.contains("the directory does not exist"), "\(result.err)")
    }

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv to act as an unprivileged reader"))
    func anUnprivilegedReaderGetsCountsOrPermissionDenied() async throws {
        let workspace = try Workspace()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.root.string)
        // A state written by the daemon, then stopped: the reader may read but not write the folder.
        let daemon = try DaemonProcess(workspace)
        try workspace.drop("Washington will impose a 25% tariff on Canadian lumber from March 1.", as: "a.txt", dated: "2026-01-10")
        try await eventually("the article is processed") { try statusCounts(workspace.state)["files_processed"] == 1 }
        daemon.kill(SIGTERM)
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.state.string) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: workspace.state.appending(name).string)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.state.string)
        let readable = try run(["status", "--json", "--state-dir", workspace.state.string], asUser: 65534)
        #expect(readable.status == 0, "\(readable.err)")
        #expect(readable.out.contains("\"files_processed\":1"), "\(readable.out)")

        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: workspace.state.string)
        let denied = try run(["status", "--state-dir", workspace.state.string], asUser: 65534)
        #expect(denied.status != 0)
        #expect(denied.err.contains("permission denied"), "\(denied.err)")
        #expect(!denied.err.contains("does not exist"), "\(denied.err)")
    }
}
