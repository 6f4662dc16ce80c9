import Glibc
import Logging
import Testing

@testable import Systemd

/// Round trips through a real journald; run them with Tests/Support/with-private-journald.sh (see DEVELOPERS.md).
@Suite("Journal with journald", .enabled(if: Journal.isAvailable, "no journald; see DEVELOPERS.md"))
struct JournalWithJournaldTests {
    /// Polls `containsEntry`, since journald stores datagrams asynchronously; gives up after five seconds.
    static func eventuallyContains(_ field: JournalField) async throws -> Bool {
        for _ in 0..<100 {
            if try Journal.containsEntry(matching: field) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    static func uniqueValue() -> String { "tariffwatch-test-\(getpid())-\(NotifyState.monotonicMicroseconds())" }

    @Test func sentEntryIsFoundByItsFieldAndOthersAreNot() async throws {
        let id = Self.uniqueValue()
        try Journal.send([
            JournalField("MESSAGE", "round trip\nwith a second line"),
            JournalField("SYSLOG_IDENTIFIER", "tariffwatch-test"),
            JournalField("TARIFFWATCH_TEST_ID", id),
        ])
        #expect(try await Self.eventuallyContains(JournalField("TARIFFWATCH_TEST_ID", id)))
        #expect(try !Journal.containsEntry(matching: JournalField("TARIFFWATCH_TEST_ID", id + "-other")))
    }

    @Test func logHandlerWritesMetadataAsFields() async throws {
        let path = "/inbox/\(Self.uniqueValue()).txt"
        var logger = Logger(label: "test") { JournalLogHandler(label: $0, identifier: "tariffwatch-test") }
        logger[metadataKey: "file.path"] = "\(path)"
        logger.warning("file rejected")
        #expect(try await Self.eventuallyContains(JournalField("FILE_PATH", path)))
    }

    @Test func existingEntriesFindsExactlyTheWrittenOnes() async throws {
        let written = [JournalField("TARIFFWATCH_TEST_ID", Self.uniqueValue() + "-a"), JournalField("TARIFFWATCH_TEST_ID", Self.uniqueValue() + "-b")]
        for field in written { try Journal.send([JournalField("MESSAGE", "batch"), field]) }
        for field in written { #expect(try await Self.eventuallyContains(field)) }
        let missing = JournalField("TARIFFWATCH_TEST_ID", Self.uniqueValue() + "-never")
        #expect(try Journal.existingEntries(among: written + [missing]) == Set(written))
    }

    @Test func anEntryLargerThanADatagramStillArrives() async throws {
        let id = Self.uniqueValue()
        // 9 MB, over the socket's send buffer (at most 8 MB): goes through sd_journal_sendv's memfd.
        try Journal.send([
            JournalField("MESSAGE", String(repeating: "evidence ", count: 1_000_000)),
            JournalField("TARIFFWATCH_TEST_ID", id),
        ])
        #expect(try await Self.eventuallyContains(JournalField("TARIFFWATCH_TEST_ID", id)))
    }

    @Test func waitingForAnEntryReturnsWhenItIsStoredAndGivesUpAtTheDeadline() throws {
        let barrier = JournalField("TARIFFWATCH_TEST_ID", Self.uniqueValue())
        try Journal.send([JournalField("MESSAGE", "barrier"), barrier])
        #expect(try Journal.waitForEntry(matching: barrier, timeout: .seconds(5)))
        let start = ContinuousClock.now
        #expect(try !Journal.waitForEntry(matching: JournalField("TARIFFWATCH_TEST_ID", Self.uniqueValue() + "-never"), timeout: .milliseconds(300)))
        #expect(start.duration(to: .now) < .seconds(5), "gives up near its deadline, not never")
    }
}
