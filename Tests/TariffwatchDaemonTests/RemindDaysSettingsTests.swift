import Foundation
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// `alerts.remind_days`: a list of day counts, checked as strictly as every other key.
@Suite struct RemindDaysSettingsTests {
    private func load(_ yaml: String, environment: [String: String] = [:]) async throws -> Settings {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tariffwatch-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await Settings.load(file: FilePath(path), environment: environment)
    }

    @Test(arguments: [
        ("", [7, 1]),
        ("alerts:\n  remind_days: [14, 3, 0]\n", [14, 3, 0]),
        ("alerts:\n  remind_days: []\n", []),
        ("alerts:\n  remind_days:\n    - 2\n", [2]),
    ])
    func accepted(yaml: String, days: [Int]) async throws {
        #expect(try await load(yaml).remindDays == days)
    }

    @Test func theEnvironmentOverridesTheFile() async throws {
        let settings = try await load("alerts:\n  remind_days: [7]\n", environment: ["TARIFFWATCH_ALERTS_REMIND_DAYS": "30,2"])
        #expect(settings.remindDays == [30, 2])
    }

    @Test(arguments: [
        ("alerts:\n  remind_days: 7\n", "alerts.remind_days: expected a list of whole numbers, found the single value '7' (write [7])"),
        ("alerts:\n  remind_days: [7, soon]\n", "alerts.remind_days: expected a list of whole numbers, found 'soon'"),
        ("alerts:\n  remind_days: [7, \"1\"]\n", "alerts.remind_days: expected a list of whole numbers, found '1'"),
        ("alerts:\n  remind_days: [400]\n", "alerts.remind_days: 400 is not a number of days from 0 to 366"),
        ("alerts:\n  remind_day: [7]\n", "alerts.remind_day: unknown key; did you mean 'alerts.remind_days'?"),
    ])
    func refused(yaml: String, message: String) async throws {
        let error = await #expect(throws: SettingsError.self) { try await load(yaml) }
        #expect(try #require(error).description.contains(message), "\(String(describing: error))")
    }
}
