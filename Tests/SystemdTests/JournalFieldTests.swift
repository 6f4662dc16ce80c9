import Testing

@testable import Systemd

@Suite("Journal field names")
struct JournalFieldTests {
    @Test(arguments: ["MESSAGE", "ALERT_KIND", "A", "X1_2", "TARIFFWATCH_ALERT_ID", String(repeating: "A", count: 64)])
    func acceptsValidNames(_ name: String) {
        #expect(JournalField.problem(withName: name) == nil)
    }

    @Test(arguments: [
        ("", "empty"),
        ("_SYSTEMD_UNIT", "reserved"),
        ("1FIELD", "digit"),
        ("message", "'m'"),
        ("ALERT-KIND", "'-'"),
        ("ALERT KIND", "' '"),
        ("ÄLERT", "non-ASCII"),
        (String(repeating: "A", count: 65), "65 bytes"),
    ])
    func rejectsInvalidNamesSayingWhy(_ name: String, _ reasonFragment: String) throws {
        let reason = try #require(JournalField.problem(withName: name))
        #expect(reason.contains(reasonFragment))
    }

    @Test func sendRejectsAnInvalidNameBeforeTouchingTheJournal() {
        #expect(throws: JournalError.invalidFieldName("alert", reason: "the name contains 'a'; only A-Z, 0-9 and '_' are allowed")) {
            try Journal.send([JournalField("MESSAGE", "x"), JournalField("alert", "y")])
        }
    }

    @Test func containsEntryRejectsAnInvalidName() {
        #expect(throws: JournalError.self) {
            _ = try Journal.containsEntry(matching: JournalField("_bad", "x"))
        }
    }

    @Test(arguments: [
        ("file.path", "FILE_PATH"),
        ("alertKind", "ALERTKIND"),
        ("__private", "PRIVATE"),
        ("2nd", "F2ND"),
        ("tarif-é", "TARIF__"),
        ("ok_NAME_9", "OK_NAME_9"),
    ])
    func sanitizesLabelsIntoValidNames(_ label: String, _ expected: String) throws {
        let name = try #require(JournalField.sanitizedName(label))
        #expect(name == expected)
        #expect(JournalField.problem(withName: name) == nil)
    }

    @Test func sanitizingCutsToSixtyFourBytesAndGivesUpOnNothingUsable() throws {
        let long = try #require(JournalField.sanitizedName(String(repeating: "k", count: 100)))
        #expect(long == String(repeating: "K", count: 64))
        #expect(JournalField.sanitizedName("___") == nil)
        #expect(JournalField.sanitizedName("") == nil)
    }
}
