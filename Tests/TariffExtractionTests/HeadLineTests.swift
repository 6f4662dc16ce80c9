import Testing

@testable import TariffExtraction

/// `HeadLine.scan` reads up to sixty-four bytes a step; it must split a head into the lines, digits and scalar counts a
/// byte-by-byte walk finds, wherever the breaks, multi-byte scalars and the head's limit fall in a word.
@Suite struct HeadLineTests {
    /// The byte-by-byte walk the eight-byte scan replaced: the reference.
    private func walk(_ bytes: [UInt8], from start: Int, scalars: Int, limit: Int) -> HeadLine {
        var line = HeadLine(end: bytes.count, next: start, scalars: scalars, hasDigit: false, headEnded: false)
        while line.next < bytes.count {
            let byte = bytes[line.next]
            if byte & 0xC0 != 0x80 {
                if line.scalars == limit {
                    line.end = line.next
                    line.headEnded = true
                    return line
                }
                line.scalars += 1
                if byte.isASCIIDigit { line.hasDigit = true }
                if byte == 0x0A || byte == 0x0D {
                    line.end = line.next
                    line.next += 1
                    return line
                }
            }
            line.next += 1
        }
        return line
    }

    private func lines(_ text: [UInt8], limit: Int, scan: (Int, Int) -> HeadLine) -> [HeadLine] {
        var result: [HeadLine] = []
        var line = HeadLine(end: 0, next: 0, scalars: 0, hasDigit: false, headEnded: false)
        while line.next < text.count, !line.headEnded {
            line = scan(line.next, line.scalars)
            result.append(line)
        }
        return result
    }

    @Test func findsTheLinesAByteWalkFinds() {
        // pieces that put breaks, digits and two-, three- and four-byte scalars at every lane of a word
        let pieces: [[UInt8]] = [
            Array("BEIJING, Sept. 30".utf8), [0x0A], [0x0D, 0x0A], Array("é".utf8), Array("—".utf8), Array("𝄞".utf8),
            Array("a".utf8), Array("7".utf8), Array(" ".utf8), Array("Nov 3, 2025 | Updated".utf8), [0x0A, 0x0A],
            // long runs without a break, for the sixty-four-byte steps
            Array("the tariff on almonds will drop to zero at the start of next year ".utf8),
            Array("a levy of about one quarter — “reciprocal” — on every import ".utf8),
        ]
        var picker = PiecePicker(seed: 0x9E37_79B9_7F4A_7C15)
        for round in 0..<400 {
            let text = picker.text(round % 40, from: pieces)
            for limit in [0, 1, 7, 8, 9, 23, 63, 64, 65, 129, 2_000] {
                let fast = text.withUnsafeBufferPointer { buffer in
                    lines(text, limit: limit) { start, scalars in HeadLine.scan(buffer, from: start, scalars: scalars, limit: limit) }
                }
                let slow = lines(text, limit: limit) { start, scalars in walk(text, from: start, scalars: scalars, limit: limit) }
                #expect(fast == slow, "round \(round), limit \(limit): \(String(decoding: text, as: UTF8.self).debugDescription)")
            }
        }
    }
}
