import AlertDelivery
import Foundation
import SystemPackage
import Testing

/// The daemon writing to a real, private journald; read back with `journalctl -o json`.
@Suite(.serialized) struct JournalIntegrationTests {
    static let support = FilePath(#filePath).removingLastComponent().removingLastComponent().appending("Support")

    static var prerequisitesMissing: String? {
        if getuid() != 0 { return "needs root (mount namespace and tmpfs)" }
        for tool in ["/usr/bin/unshare", "/lib/systemd/systemd-journald", "/usr/bin/journalctl"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "needs \(tool)"
        }
        if TariffwatchBinary.path == nil { return "needs the built tariffwatch binary" }
        return nil
    }

    static let catalog = support.removingLastComponent().removingLastComponent().appending("systemd/tariffwatch.catalog")

    /// Runs the journal scenario in a private journald and returns its entries; `journalctl -x` of them is
    /// left in `journal-x.txt`.
    private func journalEntries(work: FilePath) async throws -> [[String: Any]] {
        let output = work.appending("journal.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = [
            "--mount", "--propagation", "private", "--",
            Self.support.appending("with-private-journald.sh").string, output.string, "--",
            Self.support.appending("journal-scenario.sh").string, try #require(TariffwatchBinary.path),
            Workspace.fixtures.string, work.appending("daemon").string, Self.catalog.string,
            work.appending("journal-x.txt").string,
        ]
        try await process.runToCompletion()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: output.string, encoding: .utf8)
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test(.enabled(if: prerequisitesMissing == nil, "\(prerequisitesMissing ?? "")"))
    func alertsAndRejectionsAreStructuredEntries() async throws {
        let workspace = try Workspace()
        let entries = try await journalEntries(work: workspace.root).filter { $0["SYSLOG_IDENTIFIER"] as? String == "tariffwatch" }

        let tariff = try #require(
            entries.first { $0["ALERT_KIND"] as? String == "new_tariff" && $0["TARIFF_IMPOSER"] as? String == "EU" },
            "no new_tariff entry in \(entries.map { $0["MESSAGE"] ?? "" })")
        #expect(tariff["TARIFF_TARGET"] as? String == "US")
        #expect(tariff["TARIFF_RATE_PCT"] as? String == "25")
        #expect(tariff["TARIFF_EFFECTIVE_DATE"] as? String == "2026-04-01")
        #expect(tariff["TARIFF_ADDITIONAL"] as? String == "1")
        #expect(tariff["MESSAGE_ID"] as? String == MessageID.newTariff)
        #expect(tariff["PRIORITY"] as? String == "5")
        #expect((tariff["SOURCE_FILE"] as? String)?.hasSuffix("eu-steel-announced.txt") == true)
        #expect((tariff["EVIDENCE"] as? String)?.contains("25%") == true)
        #expect((tariff["MESSAGE"] as? String)?.contains("EU") == true)
        #expect(tariff["FACT_ID"] != nil && tariff["TARIFFWATCH_ALERT_ID"] != nil)

        let meeting = entries.first { $0["ALERT_KIND"] as? String == "new_deadline" && $0["DEADLINE_DATE"] as? String == "2026-03-20" }
        #expect(meeting?["DEADLINE_KIND"] as? String == "meeting")

        let rejection = try #require(entries.first { $0["MESSAGE_ID"] as? String == MessageID.fileRejected })
        #expect(rejection["PRIORITY"] as? String == "3")
        #expect((rejection["SOURCE_FILE"] as? String)?.hasSuffix("picture.txt") == true)
        #expect((rejection["MESSAGE"] as? String)?.contains("picture.txt") == true)

        // Exactly one alert per fact: no entry was sent twice.
        let alertIDs = entries.compactMap { $0["TARIFFWATCH_ALERT_ID"] as? String }
        #expect(Set(alertIDs).count == alertIDs.count)

        // Alerts read as sentences, with no server path; the path stays a field.
        for alert in entries where alert["ALERT_KIND"] != nil {
            let message = try #require(alert["MESSAGE"] as? String)
            #expect(!message.contains(workspace.root.string) && !message.contains("/"), "\(message)")
        }

        // `journalctl -x` with the installed catalog: each alert's Subject is its title, once.
        let explained = try String(contentsOfFile: workspace.root.appending("journal-x.txt").string, encoding: .utf8)
        guard !explained.hasPrefix("skipped:") else { return }
        for alert in entries where alert["ALERT_KIND"] != nil {
            let subject = try #require(alert["SUBJECT"] as? String)
            #expect(explained.contains("░░ Subject: \(subject)\n"), "no catalog Subject for \(subject) in:\n\(explained)")
        }
        for repeated in ["New deadline: New deadline", "New tariff change: ", "@SUBJECT@", "@EVIDENCE@", "@DEADLINE_DATE@"] {
            #expect(!explained.contains(repeated), "journalctl -x shows \(repeated)")
        }
    }
}
