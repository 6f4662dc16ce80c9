import Foundation
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// A configuration the daemon does not understand is refused with the key, its line and the key that
/// was probably meant, never run on silent defaults.
@Suite struct StrictConfigurationTests {
    /// Writes `yaml` to a temporary file, runs `body` on it, and removes it.
    private func withFile<T>(_ yaml: String, _ body: (FilePath) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tariffwatch-\(UUID()).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(FilePath(path))
    }

    @Test(arguments: [
        // A misspelt key inside a known section: its line and the near key.
        ("watch:\n  directroy: /srv/in\n", ":2: watch.directroy: unknown key; did you mean 'watch.directory'?"),
        ("alerts:\n  countries: [CN]\n  warnings_days: 3\n", ":3: alerts.warnings_days: unknown key; did you mean 'alerts.warning_days'?"),
        // A misspelt section is compared with the sections.
        ("wach:\n  directory: x\n", ":1: wach: unknown key; did you mean 'watch'?"),
        // A word that is no setting at all gets no guess.
        ("feed:\n  colour: blue\n", ":2: feed.colour: unknown key (the README"),
        ("database:\n  path: x\n", ":1: database: unknown key (the README"),
        // Values of the wrong kind, with the line of the value.
        ("alerts:\n  warning_days: soon\n", ":2: alerts.warning_days: expected a whole number, found 'soon'"),
        ("feed:\n  max_items: \"5\"\n", ":2: feed.max_items: expected a whole number, found '5'"),
        ("watch:\n  recursive: maybe\n", ":2: watch.recursive: expected true or false, found 'maybe'"),
        ("alerts:\n  minimum_rate_change: lots\n", ":2: alerts.minimum_rate_change: expected a number"),
        ("watch:\n  ignore: \"*.x\"\n", ":2: watch.ignore: expected a list of strings, found the single value '*.x'"),
        ("watch:\n  directory: [a, b]\n", ":2: watch.directory: expected a string, found a list"),
        ("alerts:\n  products:\n    - steel\n    - {a: b}\n", ":4: alerts.products: expected a list of strings, found a nested structure"),
        // A section given a value instead of keys.
        ("watch: /srv/inbox\n", ":1: watch: is a section and must hold keys"),
        ("- watch\n", ":1: the file must be a mapping of sections"),
    ])
    func problemsNameTheKeyAndLine(yaml: String, message: String) async throws {
        try await withFile(yaml) { file in
            let error = await #expect(throws: SettingsError.self) { try await Settings.load(file: file, environment: [:]) }
            let text = try #require(error).description
            #expect(text.hasPrefix(file.string))
            #expect(text.contains(message), "\(text)")
        }
    }

    @Test(arguments: [
        "",  // An empty file keeps every default.
        "# only a comment\n",
        "watch:\n",  // An empty section.
        "feed:\n  path:\n  home_page_url: ~\n",  // Keys left without a value keep their defaults.
        "alerts:\n  minimum_rate_change: 5\n",  // A whole number where any number goes.
        "feed:\n  title: \"null\"\n",  // Quoted, a null word is a string.
    ])
    func acceptedFiles(yaml: String) async throws {
        try await withFile(yaml) { file in
            _ = try await Settings.load(file: file, environment: [:])
        }
    }

    @Test func everyKeyOfTheSchemaIsInTheShippedFile() throws {
        // The shipped file documents every key; a key added to the schema without a comment there is a gap.
        let shipped = FilePath(#filePath).removingLastComponent().removingLastComponent().removingLastComponent()
            .appending("config/tariffwatch.yaml")
        let text = try String(contentsOfFile: shipped.string, encoding: .utf8)
        for key in SettingsSchema.keys.keys {
            let leaf = key.split(separator: ".").last.map(String.init) ?? key
            #expect(text.contains("\(leaf):"), "config/tariffwatch.yaml does not mention \(key)")
        }
    }

    @Test(arguments: [
        ("watch.directroy", "watch.directory"), ("alerts.warnings_days", "alerts.warning_days"),
        ("feed.max_item", "feed.max_items"), ("wach", "watch"), ("alert", "alerts"),
    ])
    func nearestKey(typo: String, meant: String) {
        #expect(SettingsSchema.nearest(to: typo) == meant)
    }

    @Test(arguments: ["feed.colour", "database", "x"])
    func noGuessForStrangers(word: String) {
        #expect(SettingsSchema.nearest(to: word) == nil)
    }
}
