import Logging
import Testing

@testable import Systemd

/// What happens on machines (containers, CI) where no journald listens: errors, never crashes or silent loss.
@Suite("Journal without journald")
struct JournalWithoutJournaldTests {
    @Test(.enabled(if: !Journal.isAvailable, "journald is running here"))
    func sendThrowsJournalNotRunning() {
        #expect {
            try Journal.send([JournalField("MESSAGE", "hello\nsecond line")])
        } throws: { error in
            guard case .journalNotRunning = error as? JournalError else { return false }
            return "\(error)".contains("/run/systemd/journal/socket")
        }
    }

    @Test func containsEntryNeverClaimsAnEntryThatWasNotWritten() {
        // With readable journal files the answer must be "no"; without any, an error instead of a guess.
        let field = JournalField("TARIFFWATCH_TEST_NEVER_WRITTEN", "value-that-no-one-sends-7f3a")
        do {
            #expect(try Journal.containsEntry(matching: field) == false)
        } catch {
            #expect(error == .noReadableJournalFiles)
        }
    }

    @Test(.enabled(if: !Journal.isAvailable, "journald is running here"))
    func logHandlerFallsBackWithoutCrashing() {
        var handler = JournalLogHandler(label: "test", identifier: "tariffwatch-test", logLevel: .trace)
        handler[metadataKey: "file"] = "a.txt"
        handler.log(event: LogEventFixture.make(level: .error, message: "journald is gone"))
    }
}
