import Foundation
import SystemPackage
import Testing

/// A private set of folders for one test: inbox, state, staging; removed afterwards.
struct Workspace: ~Copyable {
    let root: FilePath
    var inbox: FilePath { root.appending("inbox") }
    var state: FilePath { root.appending("state") }
    var staging: FilePath { root.appending("staging") }
    var feed: FilePath { state.appending("feed.json") }

    init() throws {
        root = FilePath(FileManager.default.temporaryDirectory.appendingPathComponent("tariffwatch-test-\(UUID())").path)
        for folder in [inbox, state, staging] {
            try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root.string)
    }

    /// The package's own fixture articles (never the shared seeds).
    static let fixtures = FilePath(#filePath).removingLastComponent().removingLastComponent().removingLastComponent()
        .appending("Fixtures/articles")

    /// Drops text into the inbox the way a careful writer does: written under a temporary name
    /// elsewhere, dated (the reference date is the file's modification day), then renamed in.
    func drop(_ text: String, as name: String, dated day: String) throws {
        let staged = staging.appending(name)
        try text.write(toFile: staged.string, atomically: false, encoding: .utf8)
        let formatter = ISO8601DateFormatter()
        let noon = try #require(formatter.date(from: "\(day)T12:00:00Z"))
        try FileManager.default.setAttributes([.modificationDate: noon], ofItemAtPath: staged.string)
        try FileManager.default.moveItem(atPath: staged.string, toPath: inbox.appending(name).string)
    }

    func dropFixture(_ name: String, dated day: String) throws {
        let text = try String(contentsOfFile: Self.fixtures.appending(name).string, encoding: .utf8)
        try drop(text, as: name, dated: day)
    }

    /// The feed's items as JSON objects, newest first; empty until the feed exists.
    func feedItems() throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: feed.string) else { return [] }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["version"] as? String == "https://jsonfeed.org/version/1.1")
        return object["items"] as? [[String: Any]] ?? []
    }
}

/// Waits for `condition`, checking every 20 ms, failing the test after `timeout` (generous: the whole suite
/// runs in parallel on two shared cores, and CPU-bound spec tests can hold the pool for tens of seconds).
func eventually(
    _ what: String, timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    // the condition is asked once more after the deadline: a task resumed late (a starved pool) still sees what happened
    while true {
        if (try? condition()) == true { return }
        guard ContinuousClock.now < deadline else { break }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
    throw CancellationError()
}

extension Dictionary where Key == String, Value == Any {
    /// The `_tariffwatch` extension object of a feed item.
    var tariffwatch: [String: Any] { self["_tariffwatch"] as? [String: Any] ?? [:] }
}
