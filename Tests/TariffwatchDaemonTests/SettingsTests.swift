import FactStore
import Foundation
import SystemPackage
import Testing

@testable import TariffwatchDaemon

@Suite final class SettingsTests {
    private var written: [String] = []

    /// Removes what `write` made: `make test` leaves nothing in /tmp.
    deinit {
        for path in written { try? FileManager.default.removeItem(atPath: path) }
    }

    private func write(_ yaml: String) throws -> FilePath {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tariffwatch-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        written.append(path)
        return FilePath(path)
    }

    @Test func defaultsWithoutAFile() async throws {
        let settings = try await Settings.load(file: nil, environment: [:])
        let cwd = FilePath(FileManager.default.currentDirectoryPath)
        #expect(settings.watchDirectory == cwd.appending("inbox"))
        #expect(settings.feedPath == cwd.appending("state/feed.json"))
        #expect(settings.maxFileSize == 10 * 1024 * 1024)
    }

    @Test func theShippedFileHoldsTheDefaults() async throws {
        let shipped = FilePath(#filePath).removingLastComponent().removingLastComponent().removingLastComponent()
            .appending("config/tariffwatch.yaml")
        let settings = try await Settings.load(file: shipped, environment: [:])
        #expect(settings == (try await Settings.load(file: nil, environment: [:])))
    }

    @Test func fileThenEnvironmentThenFlags() async throws {
        let file = try write(
            """
            watch: {directory: /from/file, recursive: true}
            state: {directory: /var/lib/x}
            alerts: {countries: [cn, US], minimum_rate_change: 2.5}
            feed: {max_items: 20}
            """)
        let settings = try await Settings.load(
            file: file, environment: ["TARIFFWATCH_STATE_DIRECTORY": "/from/env", "TARIFFWATCH_FEED_MAX_ITEMS": "7"],
            overrides: SettingsOverrides(watchDirectory: "/from/flag"))
        #expect(settings.watchDirectory == "/from/flag")
        #expect(settings.recursive)
        #expect(settings.stateDirectory == "/from/env")
        #expect(settings.feedMaxItems == 7)
        #expect(settings.feedPath == "/from/env/feed.json")
        #expect(settings.alertCountries == ["CN", "US"])
        #expect(settings.minimumRateChange == 2.5)
    }

    @Test func unknownImposersAndConfidenceAreRead() async throws {
        let defaults = try await Settings.load(file: nil, environment: [:])
        #expect(!defaults.alertUnknownImposers && defaults.minimumConfidence == 0)
        let settings = try await Settings.load(
            file: try write("alerts: {unknown_imposers: true}"), environment: ["TARIFFWATCH_ALERTS_MINIMUM_CONFIDENCE": "0.5"])
        #expect(settings.alertUnknownImposers)
        #expect(settings.minimumConfidence == 0.5)
        #expect(settings.alertPolicy.unknownImposers && settings.alertPolicy.minimumConfidence == 0.5)
    }

    @Test func integerWhereANumberIsExpected() async throws {
        let settings = try await Settings.load(file: try write("alerts: {minimum_rate_change: 5}"), environment: [:])
        #expect(settings.minimumRateChange == 5)
    }

    @Test(arguments: [
        ("watch: {max_file_size: big}", "watch.max_file_size: expected a whole number"),
        ("watch: {max_file_size: -1}", "watch.max_file_size: must be a positive number of bytes"),
        ("alerts: {countries: [CHN]}", "alerts.countries: 'CHN' is not an ISO 3166-1 alpha-2 code"),
        ("log: {level: loud}", "log.level: 'loud' is not a log level"),
        ("watch: {ignore: ['a/b']}", "watch.ignore: 'a/b' must be a file-name pattern"),
        ("feed: {max_items: 0}", "feed.max_items: must be at least 1"),
        ("alerts: {minimum_confidence: 2}", "alerts.minimum_confidence: must be between 0 and 1"),
        ("watch: {max_file_size: 9223372036854775807}", "watch.max_file_size: must be at most 1073741824 bytes"),
        ("alerts: {warning_days: 9223372036854775807}", "alerts.warning_days: must be at most 3660 days"),
        ("alerts: {warning_days: 99999999999999999999}", "alerts.warning_days: expected a whole number"),
        ("alerts: {minimum_rate_change: .inf}", "alerts.minimum_rate_change: must be a finite number"),
        ("watch: [unclosed", "not valid YAML"),
    ])
    func badValuesAreNamed(yaml: String, message: String) async throws {
        let file = try write(yaml)
        let error = await #expect(throws: SettingsError.self) { try await Settings.load(file: file, environment: [:]) }
        let text = try #require(error).description
        #expect(text.contains(message), "\(text)")
        #expect(text.hasPrefix(file.string))
    }

    @Test func aMissingFileIsAnError() async throws {
        let error = await #expect(throws: SettingsError.self) {
            try await Settings.load(file: "/nonexistent/tariffwatch.yaml", environment: [:])
        }
        #expect(error?.description == "/nonexistent/tariffwatch.yaml: the configuration file does not exist")
    }
}
