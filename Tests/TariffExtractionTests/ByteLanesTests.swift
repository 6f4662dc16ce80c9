import Testing

@testable import TariffExtraction

/// Each eight-lane test must agree with the plain one-byte test on every byte value and position.
@Suite struct ByteLanesTests {
    @Test func laneTestsAgreeWithByteTests() {
        var state: UInt64 = 42
        for round in 0..<4000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // all 256 values in every lane over the first rounds, random words after
            let word = round < 256 ? ByteLanes.ones &* UInt64(round) ^ (state & 0xFF00_0000_0000_FF00) : state
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
            func lanes(_ test: (UInt8) -> Bool) -> UInt64 {
                bytes.indices.reduce(0) { $0 | (test(bytes[$1]) ? 0x80 << (8 * UInt64($1)) : 0) }
            }
            #expect(ByteLanes.letters(word) == lanes(\.isASCIILetter))
            #expect(ByteLanes.digits(word) == lanes(\.isASCIIDigit))
            #expect(ByteLanes.equal(word, 0x2E) == lanes { $0 == 0x2E })
            #expect(ByteLanes.continuations(word) == lanes { $0 & 0xC0 == 0x80 })
        }
    }

    /// The sixteen-lane tests, with SSE2 where the build has it, against the one-byte tests: every value in every
    /// lane, then random registers; `mask` gathers exactly the matching lanes, lane 0 lowest.
    @Test func wideLaneTestsAndMaskAgreeWithByteTests() {
        var state: UInt64 = 7
        for round in 0..<4000 {
            var bytes = [UInt8](repeating: 0, count: 16)
            for k in 0..<16 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[k] = round < 256 ? UInt8(truncatingIfNeeded: round &+ 17 &* k) : UInt8(truncatingIfNeeded: state >> 33)
            }
            let lanes = bytes.withUnsafeBufferPointer { WideLanes.load($0.baseAddress!, 0) }
            func bits(_ test: (UInt8) -> Bool) -> UInt64 {
                bytes.indices.reduce(0) { $0 | (test(bytes[$1]) ? 1 << UInt64($1) : 0) }
            }
            for byte: UInt8 in [0x0A, 0x2E, 0xC3, bytes[round % 16]] {
                let equal = WideLanes.equal(lanes, byte)
                #expect((0..<16).allSatisfy { equal[$0] == (bytes[$0] == byte ? 0x80 : 0) })
                #expect(WideLanes.mask(equal) == bits { $0 == byte })
            }
            #expect(WideLanes.mask(WideLanes.letters(lanes)) == bits(\.isASCIILetter))
            #expect(WideLanes.mask(WideLanes.digits(lanes)) == bits(\.isASCIIDigit))
            // the one-comparison forms the prefilters use, meant for `mask` alone
            #expect(WideLanes.mask(WideLanes.letterBits(lanes)) == bits(\.isASCIILetter))
            #expect(WideLanes.mask(WideLanes.nonLetterBits(lanes)) == bits { !$0.isASCIILetter })
            #expect(WideLanes.mask(WideLanes.digitBits(lanes)) == bits(\.isASCIIDigit))
            #expect(WideLanes.mask(lanes) == bits { $0 >= 0x80 })
        }
    }

    @Test func scalarCountMatchesUnicodeScalars() {
        let text = "“Tariffs” – 关税 on Straße steel, 25% from 1 Nov.\u{00A0}Done 🚢 ok"
        let bytes = Array(text.utf8)
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
        for lower in starts {
            for upper in starts where upper >= lower {
                let count = bytes.withUnsafeBufferPointer { ByteLanes.scalarCount($0, lower..<upper) }
                #expect(count == starts.filter { $0 >= lower && $0 < upper }.count)
            }
        }
    }

    /// The document's conversion reads checkpoints every few dozen bytes: every scalar start, on both sides
    /// of each checkpoint and at the text's end (texts of 64 and 128 bytes among them), maps to the count of
    /// scalars before it.
    @Test func documentOffsetsCountScalarsAcrossCheckpoints() {
        let piece = "Zölle “ab 1. Nov.” – 关税 🚢 x "
        for repeats in [0, 1, 2, 3, 5, 9] {  // the piece is 42 bytes
            for lead in [0, 1, 22, 44, 63, 64] {
                let text = String(repeating: "x", count: lead) + String(repeating: piece, count: repeats)
                let bytes = Array(text.utf8)
                let document = TextDocument(text)
                var scalars = 0
                for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                    #expect(document.scalarOffset(ofByte: offset) == scalars, "byte \(offset) of \(bytes.count)")
                    scalars += 1
                }
            }
        }
    }
}
