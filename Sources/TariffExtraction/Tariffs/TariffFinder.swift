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
        var changeSentences: [Int] = []
        // the indices in `changes` of the rates both of the article's parties charge (`TariffSentenceReader.changes`)
        var mutual: [Int] = []
        var starts: [StartStatement] = []
        // the few sentences with a change that name an agreement, in order: a `Set` cost its hashing and storage
        var agreementSentences: [Int] = []
        // every sentence the finder reads is tokenized into the article's store (its first block is taken
        // with the first sentence)
        let store = TariffTokenizer.Store()
        var read = TariffSentence.List(store: store)
        // whether the tariff sentences write `percent`: only then do sentences without a tariff word look for the word
        var spellsPercent = false
        // In sentence order (as the tagger emits them) the walk below finds every sentence's timexes; else filter.
        var ordered = true
        for t in timexes.indices.dropFirst() where timexes[t].sentenceIndex < timexes[t - 1].sentenceIndex {
            ordered = false
            break
        }
        for (index, range) in document.sentences.enumerated() {
            // `Malaysia and Thailand all pay 19%`: once the article has shown a tariff change, a sentence
            // without a tariff word may still state a rate someone pays
            switch TariffPrefilter.scan(document.bytes, range, percentages: !changes.isEmpty, spelled: spellsPercent) {
            case .tariffWord: break
            case .percentage(let first):
                guard RatesWithoutTariffWord.mayState(document.bytes, range, first: first, spelled: spellsPercent) else { continue }
            case .neither: continue
            }
            // The reader returns nothing for a sentence without a tariff noun; names and roles are not read for it.
            let words = TariffSentence(wordsOf: document.bytes, index: index, range: range, store: store)
            if budget.charge(tokens: words.count) { break }
            let withoutTariffWord = !words.hasTariffNoun
            // kept as the next sentence's previous one: a rate there may borrow its sides, and tokenizing it again cost more
            guard !withoutTariffWord || !changes.isEmpty && RatesWithoutTariffWord.cues(words) else { previous = words; continue }
            if !spellsPercent, !withoutTariffWord { spellsPercent = RatesWithoutTariffWord.spellsPercent(words) }
            while timexIndex < timexes.count && timexes[timexIndex].sentenceIndex < index { timexIndex += 1 }
            var t = timexIndex
            while t < timexes.count && timexes[t].sentenceIndex == index { t += 1 }
            var sentenceTimexes = timexes[timexIndex..<t]  // a slice of the tagger's array: nothing copied
            if !ordered && sentenceTimexes.isEmpty && timexes.contains(where: { $0.sentenceIndex == index }) {
                sentenceTimexes = ArraySlice(timexes.filter { $0.sentenceIndex == index })  // tagger output not in order
            }
            // Names are read for a dated sentence (its start statement names sides), when first asked for; the
            // reader names the others once it finds a rate or a measure verb, and the frame names the rest if it
            // is ever read.
            words.namesWhenAsked = !sentenceTimexes.isEmpty
            // both sentences and the timexes moved in, not copied (a retain and a release each per sentence read): the
            // reader holds them until `previous` is set again below, and the timexes are read from it
            var reader = TariffSentenceReader(
                sentence: consume words, referenceDate: referenceDate,
                timexes: consume sentenceTimexes, previous: previous.take())
            reader.withoutTariffWord = withoutTariffWord
            reader.hasTariffNoun = !withoutTariffWord
            // the reader appends to the article's arrays: no array per sentence to copy from
            let found = reader.changes(into: &changes, mutual: &mutual, in: document)
            let sentence = reader.sentence
            read.append(sentence)
            if found > 0 {
                // room for several from the first: grown from one, the array was reallocated at its 2nd, 3rd, 5th element
                if changeSentences.capacity == 0 { changeSentences.reserveCapacity(8) }
                for _ in 0..<found { changeSentences.append(index) }
            }
            if !reader.timexes.isEmpty {
                if let start = StartStatement.read(sentence, timexes: reader.timexes) {
                    starts.append(start)
                } else if let start = reader.statedStartDate() {
                    starts.append(StartStatement(sentence: index, date: start))
                }
            }
            if found > 0, StartStatement.namesAgreement(sentence) { agreementSentences.append(index) }
            if budget.charge(tokens: 0, found: found) { break }
            previous = sentence
        }
        // `As of June 1, duties on consumer goods will be cut. The duty on cosmetics will fall to 2%.`:
        // a rate without a date of its own takes the start date another sentence states for it.
        // the changes are asked by index here: `contains(where:)` handed each one to its test as a copy (retaining
        // its strings and arrays) and destroyed it after
        if changes.indices.contains(where: { changes[$0].effectiveDate == nil }) {
            // per sentence, not a `Set`: hashing every index cost more than the rule; on the stack, not an array (an
            // allocation and its release per article with an undated rate)
            let outside = withUnsafeTemporaryAllocation(of: Bool.self, capacity: document.sentences.count) { isRead in
                isRead.initialize(repeating: false)
                for sentence in read { isRead[sentence.index] = true }
                return startsOutsideTariffSentences(document, timexes: timexes, isRead: UnsafeBufferPointer(isRead), store: store)
            }
            // appended only when there are some (most articles have none): appending none still made `starts` unique,
            // a new buffer asked of the array's slow path when it was still the shared empty one
            if !outside.isEmpty { starts += outside }
            StartStatement.link(starts, to: &changes, sentences: changeSentences, agreementSentences: agreementSentences)
        }
        StartedMeasures.settle(&changes, reference: referenceDate)
        if changes.indices.contains(where: { changes[$0].status == .announced && changes[$0].effectiveDate == nil }) {
            StartedMeasures.imposeAnnounced(&changes, sentences: changeSentences) { index in
                guard index < document.sentences.count else { return false }
                if let sentence = read.first(where: { $0.index == index }) { return StartedMeasures.statesStart(sentence) }
                let range = document.sentences[index]
                guard Self.mentionsEntryIntoForce(document.bytes, range) else { return false }
                // words and their classes are all the statement is read by: no names needed
                return StartedMeasures.statesStart(TariffSentence(wordsOf: document.bytes, index: index, range: range, store: store))
            }
        }
        // The article's frame is read only when a rate needs it: most articles name every imposer.
        guard !mutual.isEmpty || changes.indices.contains(where: { changes[$0].imposer == nil || changes[$0].target == nil && changes[$0].ratePct != nil })
        else {
            // merged in place: the changes kept are moved, not copied
            TariffMerger.merge(&changes)
            return changes
        }
        let frame = self.frame(of: document, tariffSentences: read, store: store)
        // assigned back, so the array merged in place has no other reference (else its first write copied every change)
        changes = frame.expandingBothParties(frame.fillingTargets(changes, sentences: changeSentences, read: read), mutual: mutual)
        TariffMerger.merge(&changes, frame: frame)
        return changes
    }

    /// Start statements in sentences without a tariff noun (`The agreement comes into force on Sunday`):
    /// only sentences with a dated timex and the letters of `effect` or `force` are tokenized.
    private func startsOutsideTariffSentences(
        _ document: TextDocument, timexes: [TaggedTimex], isRead: UnsafeBufferPointer<Bool>, store: TariffTokenizer.Store
    ) -> [StartStatement] {
        var found: [StartStatement] = []
        var t = 0
        while t < timexes.count {
            let index = timexes[t].sentenceIndex
            let first = t
            var dated = false
            while t < timexes.count, timexes[t].sentenceIndex == index {
                if timexes[t].date != nil { dated = true }
                t += 1
            }
            guard dated, document.sentences.indices.contains(index), !isRead[index] else { continue }
            let range = document.sentences[index]
            guard Self.mentionsEntryIntoForce(document.bytes, range) else { continue }
            // named only if the statement asks for its owner
            let sentence = TariffSentence(wordsOf: document.bytes, index: index, range: range, store: store)
            sentence.namesWhenAsked = true
            if let start = StartStatement.read(sentence, timexes: timexes[first..<t]) { found.append(start) }
        }
        return found
    }

    /// The bytes `effect` or `force` occur in the range (either case of the first letter). Read for every
    /// dated sentence of an article with an undated rate, so the bytes are compared in place, and only
    /// at an `f` (both words have one at the same place, `(e)ffect`, `force`) followed by `f` or `or`, found
    /// sixteen bytes at a time; the last bytes eight, then one, at a time, at every `f`.
    static func mentionsEntryIntoForce(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let b = buffer.baseAddress else { return false }
            let lower = range.lowerBound, upper = range.upperBound
            // an `f` (either case) at `q` that starts `force` or follows the `e` of `effect`
            func startsWord(_ q: Int) -> Bool {
                guard q + 5 <= upper else { return false }
                if b[q + 1] == 0x6F, b[q + 2] == 0x72, b[q + 3] == 0x63, b[q + 4] == 0x65 { return true }  // f + orce
                return q > lower && b[q - 1] | 0x20 == 0x65  // e + ffect
                    && b[q] == 0x66 && b[q + 1] == 0x66 && b[q + 2] == 0x65 && b[q + 3] == 0x63 && b[q + 4] == 0x74
            }
            var p = lower
            // `of`, `for`, `from`, `after`: most of a sentence's `f`s are followed by neither, and testing each one
            // took most of the scan. The loads at `p + 1` and `p + 2` stay in the buffer; lanes they read past the
            // sentence only make candidates `startsWord` turns away, as a word must end in it.
            let lastStep = min(upper - 16, buffer.count - 18)
            while p <= lastStep {
                let here = WideLanes.load(b, p), next = WideLanes.load(b, p &+ 1), third = WideLanes.load(b, p &+ 2)
                let f = WideLanes.equal(here | WideLanes.Lanes(repeating: 0x20), 0x66)
                var lanes = WideLanes.mask(f & (WideLanes.equal(next, 0x66) | WideLanes.equal(next, 0x6F) & WideLanes.equal(third, 0x72)))
                while lanes != 0 {
                    if startsWord(p + lanes.trailingZeroBitCount) { return true }
                    lanes &= lanes &- 1
                }
                p += 16
            }
            while p + 8 <= upper {
                var lanes = ByteLanes.equal(ByteLanes.load(b, p) | (ByteLanes.ones &* 0x20), 0x66)
                while lanes != 0 {
                    if startsWord(p + lanes.trailingZeroBitCount >> 3) { return true }
                    lanes &= lanes &- 1
                }
                p += 8
            }
            while p < upper {
                if b[p] | 0x20 == 0x66, startsWord(p) { return true }
                p += 1
            }
            return false
        }
    }

    /// The headline and the opening (dateline) sentence count twice, the tariff sentences once.
    /// - Parameter store: the finder's token store, for the opening sentences it did not read.
    private func frame(of document: TextDocument, tariffSentences: TariffSentence.List, store: TariffTokenizer.Store) -> DocumentFrame {
        var frame = DocumentFrame()
        for index in 0..<min(2, document.sentences.count) where !tariffSentences.contains(where: { $0.index == index }) {
            frame.add(TariffSentence.named(document.bytes, index: index, range: document.sentences[index], store: store), weight: 2)
        }
        for sentence in tariffSentences { frame.add(sentence.isNamed ? sentence : sentence.named(), weight: sentence.index < 2 ? 2 : 1) }
        return frame
    }
}

/// Skips sentences that cannot hold a tariff: no word starting `tarif`, `dut`, `lev`, `tax`, `surcharg`.
///
/// Runs on every sentence of every article, so it reads sixteen bytes at a time (`WideLanes`) at word
/// starts instead of comparing byte by byte; most sentences leave here without being tokenized.
enum TariffPrefilter {
    /// What the pass over a sentence saw: a tariff word, else the first percentage if it was looked for.
    enum Sighting: Equatable {
        case tariffWord
        /// No tariff word; the first `%` (or spelled `percent` / `per cent`) starts at this byte.
        case percentage(Int)
        case neither
    }

    /// One pass over the sentence's bytes. Once an article has a tariff change, a sentence without a tariff
    /// word may still state a rate (`RatesWithoutTariffWord`); its percentage is found in this same pass
    /// rather than by reading the sentence a second time.
    /// - Parameters:
    ///   - percentages: look for the first percentage too.
    ///   - spelled: a percentage may be written `percent` or `per cent` (lower case) as well as `%`.
    static func scan(_ bytes: [UInt8], _ range: Range<Int>, percentages: Bool = false, spelled: Bool = false) -> Sighting {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .neither }
            let count = buffer.count
            var i = range.lowerBound
            let end = range.upperBound
            var seekingPercentage = percentages
            var firstPercentage = -1
            // Sixteen bytes at a time, the sentence's last step included (lanes past its end are masked off);
            // only the last sixteen bytes of the document, whose next byte is not there to load, go one by one.
            // A lane is a candidate when it is t/d/l/s, the byte after it a/e/u (the second letter of every
            // prefix), the byte after that r/x/t/v (the third) and the byte before no letter.
            // the steps whose sixteen lanes are all the sentence's (and whose next two bytes are in the document): one
            // bound tested per step, where the sentence's end and the document's were tested apart, and the
            // distance to the end again for the mask
            let lastFullStep = min(end - 16, count - 18)
            // 1 when the byte before the step's lanes is no letter (the last lane of the step before), as before
            // the sentence's first byte
            var noLetterBefore: UInt64 = 1
            while i <= lastFullStep {
                if step(base, i, lanes: 16, range, count, spelled, &noLetterBefore, &seekingPercentage, &firstPercentage) {
                    return .tariffWord
                }
                i += 16
            }
            if i < end && i + 18 <= count {
                if step(base, i, lanes: end - i, range, count, spelled, &noLetterBefore, &seekingPercentage, &firstPercentage) {
                    return .tariffWord
                }
                i += 16
            }
            var previousIsLetter = i > range.lowerBound && i <= end && base[i - 1].isASCIILetter
            while i < end {
                let byte = base[i]
                let isLetter = byte.isASCIILetter
                defer { previousIsLetter = isLetter; i += 1 }
                if seekingPercentage, RatesWithoutTariffWord.isPercentage(base, i, end, spelled: spelled) {
                    firstPercentage = i
                    seekingPercentage = false
                }
                guard !previousIsLetter else { continue }
                switch byte | 0x20 {
                case 0x74, 0x64, 0x6C, 0x73:  // t d l s
                    if startsTariffWord(base, i, count) { return .tariffWord }
                default: break
                }
            }
            return firstPercentage >= 0 ? .percentage(firstPercentage) : .neither
        }
    }

    /// One step of `scan`: whether a tariff word starts in the sixteen lanes at `i`, of which the first `lanes` are
    /// the sentence's (`range`), looking for the first percentage as well while `seekingPercentage`. Every step but
    /// the sentence's last has all sixteen, and for them (`lanes` a constant 16) the masking folds away.
    /// `noLetterBefore` is 1 when the byte before the lanes is no letter or not the sentence's, and is left so for the
    /// next step.
    @inline(__always)
    private static func step(
        _ base: UnsafePointer<UInt8>, _ i: Int, lanes: Int, _ range: Range<Int>, _ count: Int, _ spelled: Bool,
        _ noLetterBefore: inout UInt64, _ seekingPercentage: inout Bool, _ firstPercentage: inout Int
    ) -> Bool {
        let end = range.upperBound
        // `i + 2` is below `count` (the caller's bound): no overflow to test
        let word = WideLanes.load(base, i), next = WideLanes.load(base, i &+ 1), third = WideLanes.load(base, i &+ 2)
        // One bit per lane (`WideLanes.mask`, one instruction): the candidates are narrowed and
        // walked in that one word, where two halves of the lanes cost a shuffle and a test each time.
        // `the`, `to`, `that`, `said` start most t/d/l/s words: their second letters leave most steps without a
        // candidate, and the third letter most of the rest (`data`, `days`, `take`, `late`, `such`): tested for
        // any candidate, the step went either way at random where one came every few steps
        var candidates = WideLanes.mask(initialLanes(word) & secondLanes(next) & thirdLanes(third))
        // and the byte before no letter: each lane's is the lane below it, the first lane's the last of the step
        // before. Done at every step: tested first for any candidate at all, the branch went either way at
        // random and was mispredicted at every other step.
        // Read as non-letters, so no complement is taken.
        let others = WideLanes.mask(WideLanes.nonLetterBits(word))
        candidates &= others &<< 1 | noLetterBefore
        noLetterBefore = others &>> 15
        var percent: UInt64 = 0
        if seekingPercentage {
            let p = WideLanes.equal(word, 0x25)  // `%`, or the `pe` of `percent` / `per cent`
            percent = WideLanes.mask(spelled ? p | WideLanes.equal(word, 0x70) & WideLanes.equal(next, 0x65) : p)
        }
        if lanes < 16 {  // the sentence's last step: its lanes only
            let own: UInt64 = (1 &<< UInt64(lanes)) &- 1
            candidates &= own
            percent &= own
        }
        if percent != 0, let at = percentageStart(base, percent, at: i, end, spelled: spelled) {
            firstPercentage = at
            seekingPercentage = false
        }
        while candidates != 0 {
            if startsTariffWord(base, i + candidates.trailingZeroBitCount, count) { return true }
            candidates &= candidates &- 1
        }
        return false
    }

    /// The high bit of each lane holding t, d, l or s in either case, and of the odd `|` or `\\`, which
    /// `startsTariffWord` turns away.
    @inline(__always)
    private static func initialLanes(_ lanes: WideLanes.Lanes) -> WideLanes.Lanes {
        let folded = lanes | WideLanes.Lanes(repeating: 0x20)
        // `d` (0x64), `l` (0x6C) and `t` (0x74) differ only in bits 0x08 and 0x10: one comparison finds
        // all three (and `|`, 0x7C, which is rare enough to cost less than a third comparison)
        return WideLanes.equal(folded & WideLanes.Lanes(repeating: ~0x18), 0x64) | WideLanes.equal(folded, 0x73)
    }

    /// The high bit of each lane holding a, e or u in either case (and the odd `q`): `next` is loaded one
    /// byte after the lanes, so its lanes are the letters after theirs.
    @inline(__always)
    private static func secondLanes(_ next: WideLanes.Lanes) -> WideLanes.Lanes {
        // `a` (0x61), `e` (0x65), `q` (0x71) and `u` (0x75) differ only in bits 0x04 and 0x10: one comparison
        WideLanes.equal((next | WideLanes.Lanes(repeating: 0x20)) & WideLanes.Lanes(repeating: ~0x14), 0x61)
    }

    /// The high bit of each lane holding r, t, v or x in either case (and the odd p, z, `|` or `~`): `third` is
    /// loaded two bytes after the lanes, so its lanes are the third letters of theirs.
    @inline(__always)
    private static func thirdLanes(_ third: WideLanes.Lanes) -> WideLanes.Lanes {
        // 0x70 to 0x7E, even: `p`, `r`, `t`, `v`, `x`, `z`, `|`, `~` differ only in bits 0x02, 0x04 and 0x08
        WideLanes.equal((third | WideLanes.Lanes(repeating: 0x20)) & WideLanes.Lanes(repeating: ~0x0E), 0x70)
    }

    /// The first lane of the sixteen bytes at `at` flagged in `lanes` (a bit each) that starts a percentage.
    @inline(__always)
    private static func percentageStart(_ base: UnsafePointer<UInt8>, _ lanes: UInt64, at: Int, _ end: Int, spelled: Bool) -> Int? {
        var lanes = lanes
        while lanes != 0 {
            let p = at + lanes.trailingZeroBitCount
            if RatesWithoutTariffWord.isPercentage(base, p, end, spelled: spelled) { return p }
            lanes &= lanes &- 1
        }
        return nil
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
