import Foundation
import SystemPackage
import Testing

/// The installed unit under a real systemd (PID 1 in its own namespaces): start, alert, reload, restart, stop.
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
        // One article of each document format too: HTML, e-mail, JSON, RSS, PDF, Windows-1252 text.
        let arguments = [try #require(TariffwatchBinary.path), articles.string, FormatFixtures.folder.string]
        let output = Pipe()
        // The script's output is drained on its own thread so a chatty run cannot fill the pipe.
        let collected = OutputCollector(output)
        let status = try await runOffThePool(script.string, arguments, output: output)
        let text = collected.finish()
        #expect(status == 0, "\(text)")
        #expect(text.contains("PASS:"), "\(text)")
    }
}

/// Reads a pipe to its end on a thread of its own.
final class OutputCollector: @unchecked Sendable {  // `data` is written by the reader thread before `done` signals
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    /// Waits for the end of the output (the writer has exited) and returns it as text.
    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
