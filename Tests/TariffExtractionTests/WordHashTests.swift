import Foundation
import Testing

@testable import TariffExtraction

/// `WordHash` is defined a byte at a time (`of(_:)`), and the tokenizers read it eight bytes at a time from the
/// text: each reading must give the definition's value for every word, or a word of the text would miss its
/// vocabulary entry; and no two words the engine looks for may share a hash.
@Suite struct WordHashTests {
    /// A reproducible stream of numbers (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Letters of both cases, digits, `.`, `'`, `-`, the bytes either side of the letters' ranges, and non-ASCII bytes.
    static let anyByte: [UInt8] = Array("abcxyzABCXYZ0189.'-@[`{/:".utf8) + [0x80, 0x99, 0xA9, 0xBF, 0xC3, 0xE2, 0xFF]
    static let lettersAndDigits: [UInt8] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    static func bytes(_ count: Int, of alphabet: [UInt8], _ random: inout Generator) -> [UInt8] {
        (0..<count).map { _ in alphabet[random.below(alphabet.count)] }
    }

    @Test func caseIsIgnored() {
        #expect(WordHash.of("Tariff") == WordHash.of("tariff"))
        #expect(WordHash.of("U.S.") == WordHash.of("u.s."))
        #expect(WordHash.of("tariff") != WordHash.of("tariffs"))
        #expect(WordHash.of("") == WordHash.empty)
        #expect(WordHash.of("%") == WordHash.of(byte: 0x25))
    }

    /// Words of every length from 1 to 40 bytes, amid other bytes and at a buffer's very end, read eight bytes at
    /// a time: the masking of the last chunk, the letters' lower case and the zero-filled loads at the end.
    @Test func chunkedReadingIsTheDefinition() {
        var random = Generator(state: 14)
        for length in 1...40 {
            for _ in 0..<300 {
                let word = Self.bytes(length, of: Self.anyByte, &random)
                let before = random.below(9)
                let buffer = Self.bytes(before, of: Self.anyByte, &random) + word + Self.bytes(random.below(9), of: Self.anyByte, &random)
                let hash = buffer.withUnsafeBufferPointer { WordHash.of($0.baseAddress!, from: before, to: before + length, limit: $0.count) }
                #expect(hash == WordHash.of(word), "\(word)")
            }
        }
    }

    /// Runs of letters and digits of 1 to 15 bytes hashed from the sixteen lanes they were found in, the bytes past
    /// the run cleared by shifts and by `runMasks`.
    @Test func runReadingIsTheDefinition() {
        var random = Generator(state: 11)
        for length in 1...15 {
            for _ in 0..<300 {
                let word = Self.bytes(length, of: Self.lettersAndDigits, &random)
                let buffer = word + Self.bytes(random.below(20), of: Self.anyByte, &random)
                let (hash, masked) = buffer.withUnsafeBufferPointer {
                    let lanes = WideLanes.load($0.baseAddress!, 0, limit: $0.count)
                    return (WordHash.ofRun(lanes, count: length), WordHash.ofRun(lanes, count: length, masks: WordHash.runMasks))
                }
                #expect(hash == WordHash.of(word), "\(word)")
                #expect(masked == WordHash.of(word), "\(word)")
            }
        }
    }

    /// Sentences of generated words, marks, numbers and `U.S.`, alone in their buffer or followed by more text:
    /// every token either tokenizer makes has the hash of its own bytes (the tariff tokenizer's without periods).
    @Test func tokenizersHashWhatTheDefinitionHashes() {
        var random = Generator(state: 3)
        let separators = [" ", " ", " ", ", ", ". ", "-", " - ", "'s ", " U.S. ", " \u{2014} ", "\u{2019}s ", " (", ") ", " 25.5% ", " 1,000 ", "\n"]
        let wordBytes = Self.lettersAndDigits + Array("abcdefghij".utf8)
        var tariffScratch = TariffTokenizer.Scratch()
        for trial in 0..<400 {
            var sentence: [UInt8] = []
            for _ in 0..<(1 + random.below(12)) {
                // letters and digits, long runs included, now and then a non-ASCII letter
                var word = Self.bytes(1 + random.below(random.below(4) == 0 ? 40 : 10), of: wordBytes, &random)
                if random.below(6) == 0 { word.insert(contentsOf: Array("é".utf8), at: random.below(word.count + 1)) }
                sentence += word + Array(separators[random.below(separators.count)].utf8)
            }
            if trial % 3 == 0, sentence.last == 0x20 { sentence.removeLast() }
            let buffer = trial % 2 == 0 ? sentence : sentence + Array("More words follow here".utf8)
            let range = 0..<sentence.count
            for token in tariffScratch.tokens(buffer, range) {
                #expect(token.hash == TariffTokenizer.hash(buffer[token.start..<token.end]), "\(sentence)")
            }
            let store = TimexTokenizer.Store()
            for token in store.tokens(buffer, range) where token.kind == .word {
                #expect(token.hash == WordHash.of(buffer[token.start..<token.end]), "\(sentence)")
            }
        }
    }

    /// Every word in a string literal of the engine's sources (a superset of every vocabulary table's words), and
    /// every word of one to three letters: no two share a hash.
    @Test func noTwoWordsCollide() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TariffExtraction")
        var words: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            // the text between quotes on each line, in words
            for line in text.split(separator: "\n") {
                for (k, part) in line.split(separator: "\"", omittingEmptySubsequences: false).enumerated() where k % 2 == 1 {
                    for word in part.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "'") }) {
                        words.insert(word.lowercased())
                    }
                }
            }
        }
        #expect(words.count > 2_000)
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        for a in letters {
            words.insert(a)
            for b in letters {
                words.insert(a + b)
                for c in letters { words.insert(a + b + c) }
            }
        }
        var seen: [UInt64: String] = [:]
        for word in words {
            let hash = WordHash.of(word)
            if let other = seen.updateValue(word, forKey: hash) { Issue.record("\(word) and \(other) share a hash") }
        }
        // the tariff tokenizer's hash leaves periods out: `u.s.` is meant to meet `us`
        var tariffSeen: [UInt64: String] = [:]
        for word in Set(words.map { $0.filter { $0 != "." } }) {
            let hash = TariffTokenizer.hash(word)
            if let other = tariffSeen.updateValue(word, forKey: hash) { Issue.record("\(word) and \(other) share a hash") }
        }
    }
}
