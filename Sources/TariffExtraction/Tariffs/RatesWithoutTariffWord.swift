/// Rates an article about tariffs states without a tariff word: `Malaysia, Thailand and Indonesia all
/// pay 19%`, `Indian goods have faced a 50% US rate since August`, `European brands were promised a 15% rate`.
///
/// Once the article has shown one tariff change, a sentence that pays, faces or obtains a percentage, or
/// names a percentage `rate`, speaks of the same measures. Only such rates are read from it (`grew 8.2%`,
/// `a 27% jump in shipments` are not), and only when the sentence names who pays them: the imposer comes
/// from the article (its pairs or its frame), but a target nobody names would be invented.
enum RatesWithoutTariffWord {
    /// Bytes first: near a percentage, the start of `pay`, `paid`, `fac…` or `ente…` (the few words before
    /// it) or `rate` (right after it). Runs on the sentences of a tariff article that hold no tariff word;
    /// `TariffPrefilter.scan` has found the first percentage (`first`) in the pass it makes anyway, so words
    /// are looked for only around the few percentages found.
    /// - Parameter spelled: the article writes its rates with `percent` or `per cent` (`spellsPercent`); a
    ///   `%` is looked for in every article, the words only in those.
    static func mayState(_ bytes: [UInt8], _ range: Range<Int>, first: Int, spelled: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var at = first
            while true {
                if cueNear(base, buffer.count, at, range) { return true }
                guard let next = percentage(base, (at + 1)..<range.upperBound, spelled: spelled) else { return false }
                at = next
            }
        }
    }

    /// A cue word starting within 40 bytes before the percentage at `at` or 24 after it. The word starts (a
    /// letter after no letter) are found sixteen bytes at a time (`WideLanes`): a test per byte cost some
    /// 1,300 instructions a percentage. `count` is the buffer's: a load may read past the range, not past it.
    private static func cueNear(_ base: UnsafePointer<UInt8>, _ count: Int, _ at: Int, _ range: Range<Int>) -> Bool {
        let lower = max(range.lowerBound, at - 40)
        let upper = min(range.upperBound, at + 24)
        var previousIsLetter: UInt64 = lower > range.lowerBound && base[lower - 1].isASCIILetter ? 1 : 0
        var i = lower
        while i < upper {
            let lanes = WideLanes.load(base, i, limit: count)
            let letters = WideLanes.mask(WideLanes.letters(lanes))
            // the lanes of the range only: those at and past `upper` start no word read here
            var starts = letters & ~(letters &<< 1 | previousIsLetter) & ((1 &<< UInt64(min(16, upper - i))) &- 1)
            previousIsLetter = letters &>> 15 & 1
            while starts != 0 {
                let word = ByteLanes.load(base, i + starts.trailingZeroBitCount, end: range.upperBound) | 0x2020_2020_2020_2020
                if word & 0xFF_FFFF == 0x79_6170 || word & 0xFFFF_FFFF == 0x6469_6170 { return true }  // "pay", "paid"
                if word & 0xFF_FFFF == 0x63_6166 || word & 0xFFFF_FFFF == 0x6574_6172 { return true }  // "fac", "rate"
                if word & 0xFFFF_FFFF == 0x6574_6E65 { return true }  // "ente"
                starts &= starts &- 1
            }
            i += 16
        }
        return false
    }

    /// The first `%`, or when `spelled` lower-case `percent` / `per cent`, in the range, eight bytes at a
    /// time: the percentages after the first, which `TariffPrefilter.scan` finds in its own pass.
    private static func percentage(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, spelled: Bool) -> Int? {
        var i = range.lowerBound
        let end = range.upperBound
        while i + 8 <= end {
            if let at = percentage(in: ByteLanes.load(base, i), at: i, base, end, spelled: spelled) { return at }
            i += 8
        }
        while i < end {
            if isPercentage(base, i, end, spelled: spelled) { return i }
            i += 1
        }
        return nil
    }

    /// The first percentage starting in the eight bytes `word` loaded at `i`: only a `p` followed by `e`
    /// (or in the last lane, whose next byte is not loaded) is tested for being spelled out.
    @inline(__always)
    static func percentage(in word: UInt64, at i: Int, _ base: UnsafePointer<UInt8>, _ end: Int, spelled: Bool) -> Int? {
        var lanes = ByteLanes.equal(word, 0x25)
        if spelled { lanes |= ByteLanes.equal(word, 0x70) & ((ByteLanes.equal(word, 0x65) >> 8) | 0x8000_0000_0000_0000) }
        while lanes != 0 {
            let at = i + lanes.trailingZeroBitCount >> 3
            if base[at] == 0x25 || spellsPercent(base, at, end) { return at }
            lanes &= lanes &- 1
        }
        return nil
    }

    /// A `%` at `at`, or when `spelled` a lower-case `percent` / `per cent`.
    @inline(__always)
    static func isPercentage(_ base: UnsafePointer<UInt8>, _ at: Int, _ end: Int, spelled: Bool) -> Bool {
        base[at] == 0x25 || spelled && base[at] == 0x70 && spellsPercent(base, at, end)
    }

    /// `percent` or `per cent` at `at` (whose byte is `p`).
    @inline(__always)
    private static func spellsPercent(_ base: UnsafePointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        guard at + 7 <= end, base[at + 1] == 0x65, base[at + 2] == 0x72 else { return false }
        if base[at + 3] == 0x63 { return base[at + 4] == 0x65 && base[at + 5] == 0x6E && base[at + 6] == 0x74 }  // "cent"
        return at + 8 <= end && base[at + 3] == 0x20 && base[at + 4] == 0x63 && base[at + 5] == 0x65 && base[at + 6] == 0x6E
            && base[at + 7] == 0x74  // " cent"
    }

    /// The sentence writes a rate with `percent`, `pct` or `per cent`: the article spells its percentages.
    static func spellsPercent(_ s: TariffSentence) -> Bool {
        for k in 0..<s.count where s.tokens[k].kind == .number {
            if s.has(k + 1, .percentWord) || s.isWord(k + 1, TariffVocabulary.per) && s.isWord(k + 2, TariffVocabulary.cent) { return true }
        }
        return false
    }

    /// The words that make a percentage of the sentence a tariff rate: a verb of paying or facing right
    /// before it (`all pay 19%`, `keep paying the 20% rate`), `rate` after it (`a 15% rate`), or entering
    /// a market at it (`cars enter the U.S. at 10%`).
    static func cues(_ s: TariffSentence) -> Bool {
        for k in 0..<s.count where s.tokens[k].kind == .number {
            if isRateWord(s, k + 2) || isRateWord(s, k + 3) || paidBefore(k, in: s) || RateScanner.entersAt(k, in: s) { return true }
        }
        return false
    }

    /// Whether a rate read from such a sentence is one of these: its noun is `rate`, it is paid, or goods enter at it.
    static func isStated(_ e: RateExpression, in s: TariffSentence) -> Bool {
        if let noun = e.noun, isRateWord(s, noun) { return true }
        return paidBefore(e.span.lowerBound, in: s) || RateScanner.entersAt(e.anchor, in: s)
    }

    private static func isRateWord(_ s: TariffSentence, _ k: Int) -> Bool {
        s.isWord(k, TariffVocabulary.rate) || s.isWord(k, TariffVocabulary.rates)
    }

    /// `pay 19%`, `paying the 20% rate`, `faced a 50% US rate`, `promised a 15% rate`: the verb within
    /// two words (a determiner, an approximator) before the number.
    private static func paidBefore(_ first: Int, in s: TariffSentence) -> Bool {
        var k = first - 1
        while k >= first - 3, s.has(k, .determiner) || s.has(k, .approximator) { k -= 1 }
        return k >= first - 3 && (s.has(k, .sufferVerb) || s.has(k, .obtainVerb))
    }
}
