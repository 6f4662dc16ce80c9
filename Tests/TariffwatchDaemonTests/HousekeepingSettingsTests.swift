import Foundation
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// `watch.after_processing`, `watch.archive_directory`, `watch.retention_days`: checked as strictly as every key,
/// and a setting that would do nothing is refused rather than ignored.
@Suite struct HousekeepingSettingsTests {
    private func load(_ yaml: String, environment: [String: String] = [:]) async throws -> Settings {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tariffwatch-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await Settings.load(file: FilePath(path), environment: environment)
    }

    @Test(arguments: [
        ("", AfterProcessing.keep, nil as String?, nil as Int?),
        ("watch:\n  after_processing: keep\n", .keep, nil, nil),
        ("watch:\n  after_processing: delete\n", .delete, nil, nil),
        ("watch:\n  after_processing: move\n  archive_directory: /srv/archive\n", .move, "/srv/archive", nil),
        ("watch:\n  after_processing: MOVE\n  archive_directory: /srv/archive\n  retention_days: 30\n", .move, "/srv/archive", 30),
        // The archive may sit inside the watched folder when subfolders are not watched.
        ("watch:\n  directory: /srv/in\n  after_processing: move\n  archive_directory: /srv/in/done\n", .move, "/srv/in/done", nil),
    ])
    func accepted(yaml: String, mode: AfterProcessing, archive: String?, days: Int?) async throws {
        let settings = try await load(yaml)
        #expect(settings.afterProcessing == mode)
        #expect(settings.archiveDirectory?.string == archive)
        #expect(settings.retentionDays == days)
    }

    @Test func relativeArchiveIsMadeAbsolute() async throws {
        let settings = try await load("watch:\n  after_processing: move\n  archive_directory: archive\n")
        #expect(settings.archiveDirectory == FilePath(FileManager.default.currentDirectoryPath).appending("archive"))
    }

    @Test func theEnvironmentOverridesTheFile() async throws {
        let settings = try await load(
            "watch:\n  after_processing: keep\n",
            environment: ["TARIFFWATCH_WATCH_AFTER_PROCESSING": "move", "TARIFFWATCH_WATCH_ARCHIVE_DIRECTORY": "/srv/a"])
        #expect(settings.afterProcessing == .move && settings.archiveDirectory == "/srv/a")
    }

    @Test(arguments: [
        ("watch:\n  after_processing: archive\n", "yaml: watch.after_processing: 'archive' is not one of keep, move, delete"),
        ("watch:\n  after_processing: [move]\n", ":2: watch.after_processing: expected a string, found a list"),
        ("watch:\n  after_processing: move\n", "watch.archive_directory: is required when watch.after_processing is move"),
        ("watch:\n  archive_directory: /srv/a\n", "watch.archive_directory: has no effect unless watch.after_processing is move (it is keep)"),
        ("watch:\n  after_processing: delete\n  retention_days: 3\n", "watch.retention_days: has no effect unless watch.after_processing is move (it is delete)"),
        ("watch:\n  after_processing: move\n  archive_directory: /a\n  retention_days: 0\n", "watch.retention_days: must be a number of days from 1 to 36525, got 0"),
        ("watch:\n  after_processing: move\n  archive_directory: /a\n  retention_days: 1.5\n", ":4: watch.retention_days: expected a whole number, found '1.5'"),
        ("watch:\n  after_processing: move\n  archive_directory: /a\n  retention_day: 7\n", ":4: watch.retention_day: unknown key; did you mean 'watch.retention_days'?"),
        ("watch:\n  after_procesing: move\n", ":2: watch.after_procesing: unknown key; did you mean 'watch.after_processing'?"),
        ("watch:\n  directory: /srv/in\n  after_processing: move\n  archive_directory: /srv/in\n", "watch.archive_directory: must not be the watched folder itself"),
        ("watch:\n  directory: /srv/in\n  recursive: true\n  after_processing: move\n  archive_directory: /srv/in/done\n",
         "watch.archive_directory: must not be inside the watched folder when watch.recursive is true"),
    ])
    func refused(yaml: String, message: String) async throws {
        let error = await #expect(throws: SettingsError.self) { try await load(yaml) }
        #expect(try #require(error).description.contains(message), "\(String(describing: error))")
    }

    @Test(arguments: [
        ("report.txt", 1, "report.txt"), ("report.txt", 2, "report-2.txt"), ("a.b.html", 3, "a.b-3.html"),
        ("README", 2, "README-2"),
    ])
    func archiveNamesNeverRepeat(name: String, number: Int, expected: String) throws {
        let component = try #require(FilePath.Component(name))
        #expect(InboxHousekeeper.archiveName(component, number: number).string == expected)
    }
}
