extension TextDocument {
    /// The sentence `sentence` (byte range) as a fact's evidence: the whole sentence, or, when it is
    /// longer than `maxEvidenceBytes`, the words within `maxEvidenceBytes / 32` bytes (128 by default,
    /// about twenty words) either side of the fact's bytes `fact`, marked `…` where cut.
    ///
    /// Evidence is for people, so it is the repaired text (`readableString`), not the file's mojibake.
    ///
    /// Every fact carries its evidence: a 16 KiB sentence listing a thousand rates would otherwise copy
    /// itself a thousand times into the output (16 MB) and into the state.
    func evidence(_ sentence: Range<Int>, around fact: Range<Int>) -> String {
        guard sentence.count > maxEvidenceBytes else { return readableString(sentence) }
        // small: every date of a hostile list holds one until deadlines are merged
        let context = max(maxEvidenceBytes / 32, 16)
        var lower = max(sentence.lowerBound, fact.lowerBound - context)
        var upper = min(sentence.upperBound, max(fact.upperBound, lower) + context)
        // whole words: start after a space, end before one (or at the fact itself)
        if lower > sentence.lowerBound {
            var k = lower
            while k < fact.lowerBound && !bytes[k - 1].isASCIIWhitespace { k += 1 }
            lower = k
        }
        if upper < sentence.upperBound {
            var k = upper
            while k > fact.upperBound && !bytes[k].isASCIIWhitespace { k -= 1 }
            upper = k
        }
        // never inside a UTF-8 sequence
        while lower > sentence.lowerBound && lower < bytes.count && bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
        while upper < sentence.upperBound && bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        let head = lower > sentence.lowerBound ? "…" : ""
        let tail = upper < sentence.upperBound ? "…" : ""
        return head + readableString(lower..<max(lower, upper)) + tail
    }

    /// `evidence(sentence, around: fact)` for one of several facts of a sentence: when the sentence is quoted whole,
    /// `whole` keeps that string once made (nil until then), and the facts share it rather than each making its own.
    func evidence(_ sentence: Range<Int>, around fact: Range<Int>, whole: inout String?) -> String {
        guard sentence.count <= maxEvidenceBytes else { return evidence(sentence, around: fact) }
        if let whole { return whole }
        let made = readableString(sentence)
        whole = made
        return made
    }
}
