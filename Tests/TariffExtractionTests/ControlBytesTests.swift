import Testing

@testable import TariffExtraction

/// `ControlBytes.census` reads sixty-four bytes a step; it must find the NULs and count the controls a byte-by-byte
/// walk counts, wherever they fall in a block and in the bytes after the last whole block.
@Suite struct ControlBytesTests {
    /// The byte-by-byte walk: the reference.
    private func walk(_ bytes: [UInt8]) -> (hasNUL: Bool, controls: Int) {
        var controls = 0
        for byte in bytes {
            if byte == 0 { return (true, controls) }
            if byte < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(byte) || byte == 0x7F { controls += 1 }
        }
        return (false, controls)
    }

    @Test func countsWhatAByteWalkCounts() {
        // text with line breaks, tabs and UTF-8, and now and then a control, a DEL or a NUL at any lane
        let pieces: [[UInt8]] = [
            Array("Tariffs rise to 25% on Nov. 1 ".utf8), [0x0A], [0x0D, 0x0A], [0x09], [0x0C], Array("é—“".utf8),
            [0x1B], [0x7F], [0x01], [0x1F], [0x20], [0x80, 0xFF], Array("the duty on steel and aluminium imports ".utf8),
        ]
        var picker = PiecePicker(seed: 0x2545_F491_4F6C_DD1D)
        for round in 0..<600 {
            var text = picker.text(round % 50, from: pieces)
            if round % 7 == 3, !text.isEmpty { text[Int(picker.state >> 40) % text.count] = 0 }
            let fast = text.withUnsafeBytes { ControlBytes.census($0) }
            let slow = walk(text)
            #expect(fast.hasNUL == slow.hasNUL, "round \(round)")
            if !slow.hasNUL { #expect(fast.controls == slow.controls, "round \(round)") }
            // the ASCII prefix: nothing before it is above 0x7F, and it stops at most a block short of the first byte that is
            let firstHigh = text.firstIndex { $0 >= 0x80 } ?? text.count
            #expect(text[..<fast.asciiPrefix].allSatisfy { $0 < 0x80 }, "round \(round)")
            if !slow.hasNUL { #expect(firstHigh - fast.asciiPrefix < 64, "round \(round)") }
        }
    }

    @Test func emptyAndShort() {
        let empty: [UInt8] = [], nul: [UInt8] = [0x41, 0x00], escape: [UInt8] = [0x41, 0x1B, 0x0A]
        #expect(empty.withUnsafeBytes { ControlBytes.census($0) } == (false, 0, 0))
        #expect(nul.withUnsafeBytes { ControlBytes.census($0) }.hasNUL)
        #expect(escape.withUnsafeBytes { ControlBytes.census($0) } == (false, 1, 3))
    }
}
