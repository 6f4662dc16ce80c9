/// Cuts sentences too long to be prose into pieces the readers can afford.
///
/// Text without sentence ends (a comma list of 10,000 names, a megabyte without a period) would
/// otherwise be one sentence, and every reader's work on it grows with its length. Pieces are cut at
/// token boundaries, counted the way the tokenizers see them (a run of letters, a run of digits, or
/// one punctuation mark, non-ASCII ones included), so a piece never splits a word or a UTF-8 sequence.
extension SentenceSplitter {
    /// `sentences` with every one longer than `maxTokens` tokens cut into consecutive pieces of at
    /// most `maxTokens`, and the sentences that were cut with how many pieces each became.
    static func bounded(
        _ sentences: [Range<Int>], in bytes: [UInt8], maxTokens: Int
    ) -> (sentences: [Range<Int>], cut: [(sentence: Range<Int>, pieces: Int)]) {
        // A token is at least one byte: shorter sentences cannot be too long, and that is nearly all.
        guard maxTokens > 0, sentences.contains(where: { $0.count > maxTokens }) else { return (sentences, []) }
        var result: [Range<Int>] = []
        result.reserveCapacity(sentences.count)
        var cut: [(sentence: Range<Int>, pieces: Int)] = []
        bytes.withUnsafeBufferPointer { buffer in
            for sentence in sentences {
                guard sentence.count > maxTokens else {
                    result.append(sentence)
                    continue
                }
                let before = result.count
                var start = sentence.lowerBound
                var tokens = 0
                var previous = CharacterClass.space
                for i in sentence {
                    let b = buffer[i]
                    if b & 0xC0 == 0x80 { continue }  // inside a UTF-8 sequence: its lead byte decided
                    let now: CharacterClass
                    if b.isASCIIWhitespace || (b == 0xC2 && i + 1 < sentence.upperBound && buffer[i + 1] == 0xA0) {
                        now = .space
                    } else if b.isASCIIDigit {
                        now = .digit
                    } else if b.isASCIILetter || (b.isNonASCII && !UInt8.isNonASCIIPunctuation(buffer, i, sentence.upperBound)) {
                        now = .letter
                    } else {
                        now = .mark
                    }
                    // every mark is a token; a run of digits or of letters is one (or more: never fewer)
                    let startsToken = now == .mark || (now != .space && now != previous)
                    previous = now
                    guard startsToken else { continue }
                    tokens += 1
                    if tokens > maxTokens {
                        appendTrimmed(start..<i, buffer, to: &result)
                        start = i
                        tokens = 1
                    }
                }
                appendTrimmed(start..<sentence.upperBound, buffer, to: &result)
                if result.count - before > 1 { cut.append((sentence, result.count - before)) }
            }
        }
        return (result, cut)
    }

    /// How the tokenizers see a character, for counting tokens: counting runs of these never gives
    /// fewer tokens than either tokenizer makes.
    private enum CharacterClass {
        case space, digit, letter, mark
    }

    private static func appendTrimmed(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, to result: inout [Range<Int>]) {
        var s = range.lowerBound
        var e = range.upperBound
        while s < e && bytes[s].isASCIIWhitespace { s += 1 }
        while e > s && bytes[e - 1].isASCIIWhitespace { e -= 1 }
        if s < e { result.append(s..<e) }
    }
}
