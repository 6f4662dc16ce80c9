/// Cuts sentences too long to be prose into pieces the readers can afford.
///
/// Text without sentence ends (a comma list of 10,000 names, a megabyte without a period) would
/// otherwise be one sentence, and every reader's work on it grows with its length. Pieces are cut at
/// token boundaries, counted the way the tokenizers see them (a run of letters, digits and non-ASCII
/// bytes, or one punctuation mark), so a piece never splits a word or a UTF-8 sequence.
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
                var inWord = false
                for i in sentence {
                    let b = buffer[i]
                    let word = b.isASCIIAlphanumeric || b.isNonASCII
                    let startsToken = word ? !inWord : !b.isASCIIWhitespace
                    inWord = word
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

    private static func appendTrimmed(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, to result: inout [Range<Int>]) {
        var s = range.lowerBound
        var e = range.upperBound
        while s < e && bytes[s].isASCIIWhitespace { s += 1 }
        while e > s && bytes[e - 1].isASCIIWhitespace { e -= 1 }
        if s < e { result.append(s..<e) }
    }
}
