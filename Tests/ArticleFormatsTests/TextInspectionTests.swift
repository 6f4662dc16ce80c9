import Testing
import TariffExtraction

@testable import ArticleFormats

/// `TextInspection` skips ASCII eight bytes at a time; its verdicts must be those of the byte-by-byte scan.
@Suite("Text inspection reads words of plain ASCII at once, with the same verdicts")
struct TextInspectionTests {
    /// The byte-by-byte scan, as it was at 8e0fa24.
    static func reference(_ bytes: [UInt8]) -> TextInspection.Verdict {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .otherEncoding("UTF-32") }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true) }
        var controls = 0
        for byte in bytes {
            if byte == 0 { return .binary }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C || byte == 0x7F { controls += 1 }
        }
        if controls > 0 && controls * TextInspection.controlCharacterRatioLimit >= bytes.count { return .binary }
        return bytes.withUnsafeBytes { raw in
            let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            var index = hasBOM ? 3 : 0
            while index < raw.count {
                guard let length = TextInspection.validSequenceLength(raw, at: index) else {
                    if hasBOM || TextInspection.containsUTF8MultiByteSequence(raw) || TextInspection.containsUndefinedWindows1252Byte(raw) {
                        return .invalidUTF8(byteOffset: index)
                    }
                    return .windows1252
                }
                index += length
            }
            return .text(bodyStart: hasBOM ? 3 : 0)
        }
    }

    /// The whole verdict as `TextDecoding` reaches it: the screen, then the UTF-8 walk when the screen leaves
    /// the bytes to UTF-8 (the decoder first tries its own validation of them: `expectDecodingFollows`).
    static func verdict(_ bytes: [UInt8]) -> TextInspection.Verdict {
        bytes.withUnsafeBytes { TextInspection.screen($0) ?? TextInspection.inspectUTF8($0) }
    }

    @Test func everyByteValueInEveryLanePosition() {
        for value in 0...255 {
            for position in 0..<24 {
                var bytes = Array("The EU will impose duties from Nov".utf8)
                bytes[position] = UInt8(value)
                #expect(Self.verdict(bytes) == Self.reference(bytes), "\(value) at \(position)")
            }
        }
    }

    @Test func generatedTexts() {
        var random = SplitMix64(seed: 14)
        let pieces: [[UInt8]] = [
            Array("plain words ".utf8), Array("é".utf8), Array("日本".utf8), Array("\u{1F600}".utf8), [0x0A], [0x0D, 0x0A], [0x09], [0x0C],
            [0x01], [0x1F], [0x7F], [0x00], [0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
            [0x81], [0xE9], [0xEF, 0xBB, 0xBF], Array(repeating: UInt8(ascii: "a"), count: 17),
        ]
        for round in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<(random.next() % 40) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                // Rare bytes stay rare, so ASCII runs long enough for whole words are common.
                if piece.count < 3, piece.first.map({ $0 >= 0x80 || $0 < 0x20 || $0 == 0x7F }) == true, random.next() % 4 != 0 { continue }
                bytes += piece
            }
            #expect(Self.verdict(bytes) == Self.reference(bytes), "round \(round): \(bytes)")
            Self.expectDecodingFollows(Self.reference(bytes), bytes, "round \(round)")
        }
    }

    /// `TextDecoding` checks the common file's UTF-8 with `validUTF8`, not with the inspection; its result
    /// must still be what the verdict says.
    static func expectDecodingFollows(_ verdict: TextInspection.Verdict, _ bytes: [UInt8], _ comment: Comment) {
        let decoded = Result { () throws(FormatError) in try TextDecoding.decode(bytes) }
        switch verdict {
        case .text(let bodyStart):
            #expect(decoded.value?.text == String(decoding: bytes[bodyStart...], as: UTF8.self), comment)
            #expect(decoded.value?.encoding == .utf8, comment)
        case .windows1252: #expect(decoded.value?.encoding == .windows1252, comment)
        case .utf16: #expect(decoded.value?.encoding != .utf8, comment)
        case .binary: #expect(decoded.error == .binary, comment)
        case .otherEncoding(let name): #expect(decoded.error == .unsupportedEncoding(name), comment)
        case .invalidUTF8(let offset): #expect(decoded.error == .invalidUTF8(byteOffset: offset), comment)
        }
    }

    /// `TextDecoding.validUTF8` validates only the runs of non-ASCII bytes, a sequence at a time, and copies the
    /// string unchecked: it must accept and build exactly what `String(validating:)` does. Every pair of
    /// non-ASCII bytes, and every byte before three continuation bytes, on each side of an eight-byte step;
    /// then the generated texts.
    @Test func validatingOnlyNonASCIIRunsAgreesWithTheStandardLibrary() {
        func expectAgreement(_ bytes: [UInt8], _ comment: Comment) {
            // and from the ASCII prefix the screen's census found, as `decode` asks
            let asciiPrefix = bytes.withUnsafeBytes { ControlBytes.census($0).asciiPrefix }
            for start in [0, 3] where start <= bytes.count {
                let expected = String(validating: bytes[start...], as: UTF8.self)
                #expect(TextDecoding.validUTF8(bytes, from: start) == expected, comment)
                #expect(TextDecoding.validUTF8(bytes, from: start, asciiPrefix: asciiPrefix) == expected, comment)
            }
        }
        // a run past whole blocks of ASCII, at either side of a block's edge and in the bytes after the last block
        let long = Array(String(repeating: "Duties rise on steel from Nov. 1 ", count: 7).utf8)
        for position in [0, 62, 63, 64, 65, 127, 128, 190, 191, 192, 200, long.count - 2] {
            for run in [[0xE2, 0x80, 0x99], [0xC3, 0xA9], [0xE2, 0x80], [0x80], [0xC3, 0x82, 0xC2, 0xA0]] as [[UInt8]]
            where position + run.count <= long.count {
                var bytes = long
                bytes.replaceSubrange(position..<(position + run.count), with: run)
                expectAgreement(bytes, "\(run) at \(position)")
            }
        }
        expectAgreement(long, "ASCII only")
        let line = Array("Duties rise on steel from Nov. 1".utf8)
        for first in UInt8(0x80)...0xFF {
            for position in [0, 6, 7, 8, 28] {
                for second in UInt8(0x80)...0xFF {
                    var bytes = line
                    bytes[position] = first
                    bytes[position + 1] = second
                    expectAgreement(bytes, "\(first) \(second) at \(position)")
                }
                var bytes = line
                bytes.replaceSubrange(position..<(position + 4), with: [first, 0x8F, 0xBF, 0xBF])
                expectAgreement(bytes, "\(first) before continuations at \(position)")
            }
            // runs of three between ASCII, each lead with every second byte, and a third at either end of the
            // continuations and past them
            for second in UInt8(0x80)...0xFF {
                for third: UInt8 in [0x7F, 0x80, 0xBF, 0xC0] {
                    var bytes = line
                    bytes.replaceSubrange(8..<11, with: [first, second, third])
                    expectAgreement(bytes, "\(first) \(second) \(third)")
                }
            }
        }
        var random = SplitMix64(seed: 18)
        let pieces: [[UInt8]] = [
            Array("plain words ".utf8), Array("é".utf8), Array("日本".utf8), Array("\u{1F600}".utf8), Array("\u{2019}".utf8), [0x0A],
            [0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xF0, 0x9F], [0xE9],
            Array(repeating: UInt8(ascii: "a"), count: 9),
        ]
        for round in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<(random.next() % 40) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                if piece.count < 3, piece.first.map({ $0 >= 0x80 }) == true, random.next() % 4 != 0 { continue }
                bytes += piece
            }
            expectAgreement(bytes, "round \(round): \(bytes)")
        }
    }

    @Test func decodingFollowsTheVerdictForEveryByteValue() {
        for value in 0...255 {
            for position in [0, 1, 2, 7, 8, 15, 16, 17, 33] {
                var bytes = Array("\u{FEFF}The EU will impose duties from Nov. 1\n on steel".utf8)
                bytes[position] = UInt8(value)
                Self.expectDecodingFollows(Self.reference(bytes), bytes, "\(value) at \(position)")
                Self.expectDecodingFollows(Self.reference(Array(bytes.dropFirst(3))), Array(bytes.dropFirst(3)), "\(value) at \(position) - 3")
            }
        }
    }
}

extension Result {
    /// The value, or nil after a failure.
    fileprivate var value: Success? {
        if case .success(let value) = self { value } else { nil }
    }

    /// The failure, or nil after a success.
    fileprivate var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
