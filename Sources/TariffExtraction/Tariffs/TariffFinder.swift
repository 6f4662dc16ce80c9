/// Finds tariff moves: who imposes what on whom, at what rate, with what status.
///
/// Works sentence by sentence on UTF-8 bytes: a cheap byte scan skips sentences with no tariff
/// word, the rest are tokenized once (hashes, no strings), rates are attached to tariff nouns,
/// parties are read from word order, and the same change said twice in an article is kept once.
struct TariffFinder: Sendable {
    let referenceDate: CalendarDate

    /// - Parameter budget: charged per sentence read; the finder stops when it is spent.
    func tariffChanges(in document: TextDocument, timexes: [TaggedTimex], budget: WorkBudget = .unlimited) -> [TariffChange] {
        var changes: [TariffChange] = []
        var timexIndex = 0
        var previous: TariffSentence?
        var named: [TariffSentence] = []
        var changeSentences: [Int] = []
        var mutual: [Bool] = []
        var startDates: [(sentence: Int, date: TemporalValue)] = []
        // In sentence order (as the tagger emits them) the walk below finds every sentence's timexes; else filter.
        var ordered = true
        for t in timexes.indices.dropFirst() where timexes[t].sentenceIndex < timexes[t - 1].sentenceIndex {
            ordered = false
            break
        }
        for (index, range) in document.sentences.enumerated() {
            guard TariffPrefilter.mayMentionTariff(document.bytes, range) else { continue }
            // The reader returns nothing for a sentence without a tariff noun; names and roles are not read for it.
            let words = TariffSentence(wordsOf: document.bytes, index: index, range: range)
            if budget.charge(tokens: words.count) { break }
            guard words.hasTariffNoun else { continue }
            let sentence = words.named()
            named.append(sentence)
            while timexIndex < timexes.count && timexes[timexIndex].sentenceIndex < index { timexIndex += 1 }
            var sentenceTimexes: [TaggedTimex] = []
            var t = timexIndex
            while t < timexes.count && timexes[t].sentenceIndex == index {
                sentenceTimexes.append(timexes[t])
                t += 1
            }
            if !ordered && sentenceTimexes.isEmpty && timexes.contains(where: { $0.sentenceIndex == index }) {
                sentenceTimexes = timexes.filter { $0.sentenceIndex == index }  // tagger output not in order
            }
            var reader = TariffSentenceReader(
                sentence: sentence, document: document, referenceDate: referenceDate, timexes: sentenceTimexes, previous: previous)
            let found = reader.changes()
            changes.append(contentsOf: found)
            changeSentences.append(contentsOf: repeatElement(index, count: found.count))
            mutual.append(contentsOf: reader.byBothParties)
            if !sentenceTimexes.isEmpty, let start = reader.statedStartDate() { startDates.append((index, start)) }
            if budget.charge(tokens: 0, found: found.count) { break }
            previous = sentence
        }
        // `As of June 1, duties on consumer goods will be cut. The duty on cosmetics will fall to 2%.`:
        // a rate without a date of its own takes the start date the sentence before or after states.
        if !startDates.isEmpty {
            for c in changes.indices where changes[c].effectiveDate == nil && changes[c].status != .historical {
                let at = changeSentences[c]
                if let near = startDates.first(where: { abs($0.sentence - at) == 1 }) { changes[c].effectiveDate = near.date }
            }
        }
        // The article's frame is read only when a rate needs it: most articles name every imposer.
        guard mutual.contains(true) || changes.contains(where: { $0.imposer == nil }) else { return TariffMerger.merge(changes) }
        let frame = self.frame(of: document, tariffSentences: named)
        return TariffMerger.merge(frame.expandingBothParties(changes, mutual: mutual), frame: frame)
    }

    /// The headline and the opening (dateline) sentence count twice, the tariff sentences once.
    private func frame(of document: TextDocument, tariffSentences: [TariffSentence]) -> DocumentFrame {
        var frame = DocumentFrame()
        for index in 0..<min(2, document.sentences.count) where !tariffSentences.contains(where: { $0.index == index }) {
            frame.add(TariffSentence.named(document.bytes, index: index, range: document.sentences[index]), weight: 2)
        }
        for sentence in tariffSentences { frame.add(sentence, weight: sentence.index < 2 ? 2 : 1) }
        return frame
    }
}

/// Skips sentences that cannot hold a tariff: no word starting `tarif`, `dut`, `lev`, `tax`, `surcharg`.
///
/// Runs on every sentence of every article, so it reads eight bytes at a time at word starts
/// instead of comparing byte by byte; most sentences leave here without being tokenized.
enum TariffPrefilter {
    static func mayMentionTariff(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let count = buffer.count
            var i = range.lowerBound
            let end = range.upperBound
            var previousIsLetter = false
            // Eight bytes at a time: a lane is a candidate when it is t/d/l/s and the byte before is no letter.
            while i + 8 <= end {
                let word = ByteLanes.load(base, i)
                let letters = ByteLanes.letters(word)
                let before = (letters << 8) | (previousIsLetter ? 0x80 : 0)
                var candidates = initialLanes(word) & ~before
                while candidates != 0 {
                    let lane = candidates.trailingZeroBitCount >> 3
                    if startsTariffWord(base, i + lane, count) { return true }
                    candidates &= candidates &- 1
                }
                previousIsLetter = letters >> 63 != 0
                i += 8
            }
            while i < end {
                let byte = base[i]
                let isLetter = byte.isASCIILetter
                defer { previousIsLetter = isLetter; i += 1 }
                guard !previousIsLetter else { continue }
                switch byte | 0x20 {
                case 0x74, 0x64, 0x6C, 0x73:  // t d l s
                    if startsTariffWord(base, i, count) { return true }
                default: break
                }
            }
            return false
        }
    }

    /// The high bit of each lane holding t, d, l or s in either case.
    @inline(__always)
    private static func initialLanes(_ word: UInt64) -> UInt64 {
        let folded = word | (ByteLanes.ones &* 0x20)
        // `t` (0x74) and `d` (0x64) differ only in bit 0x10: one comparison finds both
        return ByteLanes.equal(folded & ~(ByteLanes.ones &* 0x10), 0x64) | ByteLanes.equal(folded, 0x6C)
            | ByteLanes.equal(folded, 0x73)
    }

    /// Does a tariff word prefix start at `i`? Letters compare case-insensitively by setting bit 0x20.
    @inline(__always)
    private static func startsTariffWord(_ base: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Bool {
        guard i + 8 <= count else { return startsTariffWordNearEnd(base, i, count) }
        let word = ByteLanes.load(base, i) | 0x2020_2020_2020_2020
        // little-endian: the first byte is the lowest
        if word & 0xFF_FFFF_FFFF == 0x66_6972_6174 { return true }  // "tarif"
        if word & 0xFF_FFFF == 0x78_6174 { return true }  // "tax"
        if word & 0xFF_FFFF == 0x74_7564 { return true }  // "dut"
        if word & 0xFF_FFFF == 0x76_656C { return true }  // "lev"
        if word == 0x6772_6168_6372_7573 { return true }  // "surcharg"
        if word & 0xFFFF_FFFF_FFFF == 0x7861_7472_7573 { return true }  // "surtax"
        return false
    }

    private static func startsTariffWordNearEnd(_ base: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Bool {
        func matches(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= count else { return false }
            for k in 0..<n where base[i + k] | 0x20 != word.utf8Start[k] { return false }
            return true
        }
        return matches("tarif") || matches("tax") || matches("dut") || matches("lev") || matches("surcharg") || matches("surtax")
    }
}
