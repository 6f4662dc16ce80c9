/// Finds tariff moves: who imposes what on whom, at what rate, with what status.
///
/// Works sentence by sentence on UTF-8 bytes: a cheap byte scan skips sentences with no tariff
/// word, the rest are tokenized once (hashes, no strings), rates are attached to tariff nouns,
/// parties are read from word order, and the same change said twice in an article is kept once.
struct TariffFinder: Sendable {
    let referenceDate: CalendarDate

    func tariffChanges(in document: TextDocument, timexes: [TaggedTimex]) -> [TariffChange] {
        var changes: [TariffChange] = []
        var timexIndex = 0
        var previous: TariffSentence?
        for (index, range) in document.sentences.enumerated() {
            guard TariffPrefilter.mayMentionTariff(document.bytes, range) else { continue }
            while timexIndex < timexes.count && timexes[timexIndex].sentenceIndex < index { timexIndex += 1 }
            var sentenceTimexes: [TaggedTimex] = []
            var t = timexIndex
            while t < timexes.count && timexes[t].sentenceIndex == index {
                sentenceTimexes.append(timexes[t])
                t += 1
            }
            if sentenceTimexes.isEmpty && timexes.contains(where: { $0.sentenceIndex == index }) {
                sentenceTimexes = timexes.filter { $0.sentenceIndex == index }  // tagger output not in order
            }
            let sentence = TariffSentence(bytes: document.bytes, index: index, range: range)
            var reader = TariffSentenceReader(
                sentence: sentence, document: document, referenceDate: referenceDate, timexes: sentenceTimexes, previous: previous)
            changes.append(contentsOf: reader.changes())
            previous = sentence
        }
        return TariffMerger.merge(changes)
    }
}

/// Skips sentences that cannot hold a tariff: no word starting `tarif`, `dut`, `lev`, `tax`, `surcharg`.
enum TariffPrefilter {
    static func mayMentionTariff(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i] | 0x20
            let atWordStart = i == range.lowerBound || !bytes[i - 1].isASCIILetter
            if atWordStart {
                switch b {
                case 0x74:  // t
                    if bytes.matchesLowercase("tarif", at: i) || bytes.matchesLowercase("tax", at: i) { return true }
                case 0x64:  // d
                    if bytes.matchesLowercase("dut", at: i) { return true }
                case 0x6C:  // l
                    if bytes.matchesLowercase("lev", at: i) { return true }
                case 0x73:  // s
                    if bytes.matchesLowercase("surcharg", at: i) || bytes.matchesLowercase("surtax", at: i) { return true }
                default: break
                }
            }
            i += 1
        }
        return false
    }
}
