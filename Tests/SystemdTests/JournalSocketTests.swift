import Testing

@testable import Systemd

/// journald's native protocol as we write it (systemd's `journal-send.c`, `journald-native.c`).
@Suite("Journal native protocol")
struct JournalSocketTests {
    @Test func plainValuesAreNameEqualsValueLines() {
        let datagram = JournalSocket.datagram([JournalField("MESSAGE", "hello"), JournalField("PRIORITY", "5")])
        #expect(datagram == Array("MESSAGE=hello\nPRIORITY=5\n".utf8))
    }

    @Test func aValueWithANewlineIsLengthPrefixed() {
        let datagram = JournalSocket.datagram([JournalField("MESSAGE", "a\nb")])
        let expected = Array("MESSAGE\n".utf8) + [3, 0, 0, 0, 0, 0, 0, 0] + Array("a\nb\n".utf8)
        #expect(datagram == expected)
    }

    @Test func multiByteValuesCountBytesNotCharacters() {
        let datagram = JournalSocket.datagram([JournalField("M", "é\n")])
        #expect(Array(datagram[2..<10]) == [3, 0, 0, 0, 0, 0, 0, 0])
    }
}
