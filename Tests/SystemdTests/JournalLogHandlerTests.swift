import Logging
import Testing

@testable import Systemd

enum LogEventFixture {
    static func make(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata? = nil) -> LogEvent {
        LogEvent(
            level: level, message: message, metadata: metadata, source: "Tests",
            file: "Tests/File.swift", function: "f()", line: 42
        )
    }
}

@Suite("Journal log handler")
struct JournalLogHandlerTests {
    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func mapsLevelsToSyslogPriorities(_ level: Logger.Level, _ priority: Int) {
        #expect(JournalLogHandler.priority(for: level) == priority)
    }

    @Test func buildsStructuredFieldsFromTheEventAndMetadata() {
        var handler = JournalLogHandler(label: "tariffwatch.watcher", identifier: "tariffwatch")
        handler[metadataKey: "file.path"] = "/inbox/a.txt"
        handler[metadataKey: "message"] = "clashes with MESSAGE"
        let event = LogEventFixture.make(
            level: .warning, message: "file rejected\nsecond line", metadata: ["file.path": "/inbox/b.txt", "bytes": "12"]
        )
        let fields = handler.journalFields(for: event)
        let byName = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })

        #expect(byName["MESSAGE"] == "file rejected\nsecond line")
        #expect(byName["PRIORITY"] == "4")
        #expect(byName["SYSLOG_IDENTIFIER"] == "tariffwatch")
        #expect(byName["LOGGER_LABEL"] == "tariffwatch.watcher")
        #expect(byName["CODE_FILE"] == "Tests/File.swift")
        #expect(byName["CODE_LINE"] == "42")
        #expect(byName["FILE_PATH"] == "/inbox/b.txt", "event metadata overrides handler metadata")
        #expect(byName["BYTES"] == "12")
        #expect(byName["META_MESSAGE"] == "clashes with MESSAGE")
        #expect(fields.filter { $0.name == "MESSAGE" }.count == 1)
        #expect(fields.allSatisfy { JournalField.problem(withName: $0.name) == nil })
    }

    @Test func includesTheMetadataProvidersValues() {
        let provider = Logger.MetadataProvider { ["request": "r-1"] }
        let handler = JournalLogHandler(label: "l", identifier: "i", metadataProvider: provider)
        let fields = handler.journalFields(for: LogEventFixture.make(level: .info, message: "m"))
        #expect(fields.contains(JournalField("REQUEST", "r-1")))
    }

    @Test func factoryPicksTheJournalOnlyWhenItIsAvailable() {
        let handler = JournalLogHandler.factory(identifier: "tariffwatch", logLevel: .debug)("label")
        #expect((handler is JournalLogHandler) == Journal.isAvailable)
        #expect(handler.logLevel == .debug)
    }
}
