/// Skips sentences that cannot hold a temporal expression before any token is built.
///
/// Every expression the tagger finds holds a trigger: a word that names a time on its own (`week`, `May`,
/// `today`; see `trigger(_:_:)`) or a number shaped like a date, and most news sentences have neither;
/// tokenizing them anyway was the largest single cost of extraction. This scan reads 64 bytes per step as bits:
/// a run of digits shaped like a year, a time or a numeric date means "maybe"; each run of ASCII letters is
/// checked by its shape (length, first and last letter) against a small bit set and, only on a hit, by its
/// hash against the triggers. It may pass a sentence the tagger then finds empty, never reject one it would
/// tag: every trigger the tokenizer yields is a whole run of ASCII letters here too.
enum TimexPrefilter {
    /// - Parameter tables: `tables`, which the tagger reads once per document: each read of a `static let` costs a
    ///   `swift_once` call, and the scan read one table per sentence and another per word it checked.
    static func mayHoldTime(_ bytes: [UInt8], _ range: Range<Int>, _ tables: UnsafePointer<Tables> = tables) -> Bool {
        bytes.withUnsafeBufferPointer { mayHoldTime($0, range, tables) }
    }

    /// The scan's two tables and `WordHash.runMasks`, behind one pointer (`ProcessLifetime`): one register in the
    /// scan's loop, where `triggers` alone is three.
    struct Tables {
        fileprivate let shapes: UnsafePointer<UInt32>
        fileprivate let triggers: WordTable<Bool>
        fileprivate let masks: UnsafePointer<WideLanes.Lanes>
    }

    nonisolated(unsafe) static let tables = ProcessLifetime.pointer(
        to: Tables(shapes: shapes, triggers: triggers, masks: WordHash.runMasks))

    /// Not inlined into the array form: inlined, the loop held both the array and its buffer's address, one
    /// register more in a loop that already keeps part of its state on the stack.
    ///
    /// The sentence is read in blocks of 64 bytes, each turned into one bit per byte for its letters and its
    /// digits (sixteen bytes per vector step): a run's starts and ends are then shifts of one word, and the
    /// steps that cost per byte are few, where lanes of eight bytes took some sixty instructions per step.
    @inline(never)
    static func mayHoldTime(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ tables: UnsafePointer<Tables>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let shapes = tables.pointee.shapes
        let lower = range.lowerBound, end = range.upperBound
        var wordStart = 0  // start of the letter run in progress
        var open: UInt64 = 0  // 1 while a letter run goes on from the previous block
        var digitOpen: UInt64 = 0  // 1 while a digit run goes on from the previous block
        var block = lower
        while block < end {
            var (letters, digits) = bits(base, block, end: end, count: bytes.count)
            let valid = end &- block
            if valid < 64 {
                let inside: UInt64 = (1 &<< UInt64(valid)) &- 1
                letters &= inside
                digits &= inside
            }
            if digits != 0 {
                var runs = digits & ~(digits &<< 1 | digitOpen)
                while runs != 0 {
                    if startsDateShapedNumber(base, block &+ runs.trailingZeroBitCount, from: lower, to: end) { return true }
                    runs &= runs &- 1
                }
                digitOpen = digits &>> 63
            } else {
                digitOpen = 0
            }
            // the run left open by the previous block ends at the first non-letter here, if any
            if open != 0 {
                let rest = ~letters
                guard rest != 0 else {  // all 64 bytes letters: it goes on
                    block &+= 64
                    continue
                }
                let wordEnd = block &+ rest.trailingZeroBitCount
                if hasTriggerShape(base, wordStart, wordEnd, shapes), isTrigger(base, wordStart, wordEnd, limit: bytes.count, tables) { return true }
            }
            // a bit is a letter after a non-letter: a run starts. Only runs of three letters or more are read, no
            // trigger being shorter (`shapes` checks): a start whose next two bytes are in the next block counts
            // as one; the one or two letters of `a`, `of`, `to`, `in` are a third of news words
            let starts = letters & ~(letters &<< 1 | open)
            var long = starts & (letters &>> 1 | 1 &<< 63) & (letters &>> 2 | 3 &<< 62)
            open = 0
            while long != 0 {
                let first = long.trailingZeroBitCount
                long &= long &- 1
                // the first non-letter from the start on ends the run; with none, it goes on in the next block
                // (only the last run can)
                let after = ~letters & (~0 &<< UInt64(first))
                guard after != 0 else {
                    wordStart = block &+ first
                    open = 1
                    break
                }
                let wordEnd = block &+ after.trailingZeroBitCount
                if hasTriggerShape(base, block &+ first, wordEnd, shapes), isTrigger(base, block &+ first, wordEnd, limit: bytes.count, tables) {
                    return true
                }
            }
            block &+= 64
        }
        // a run open past the last block ends at `end`, which is then the block's end
        return open != 0 && hasTriggerShape(base, wordStart, end, shapes) && isTrigger(base, wordStart, end, limit: bytes.count, tables)
    }

    /// One bit per byte of the 64 from `offset` (bit 0 the first): which are ASCII letters and which ASCII digits.
    /// Bytes past the sentence's `end` may be read (the caller clears their bits), bytes past the buffer's `count`
    /// are read as zero, neither.
    @inline(__always)
    private static func bits(
        _ base: UnsafePointer<UInt8>, _ offset: Int, end: Int, count: Int
    ) -> (letters: UInt64, digits: UInt64) {
        // every block but the buffer's last 64 bytes, a sentence's last block included: all four sixteen bytes read
        // with no test between them. Reading only those before `end` took a loop whose count changed from sentence
        // to sentence, mispredicted at its end, for the few instructions the lanes past `end` cost.
        if offset &+ 64 <= count {
            let a = WideLanes.load(base, offset), b = WideLanes.load(base, offset &+ 16)
            let c = WideLanes.load(base, offset &+ 32), d = WideLanes.load(base, offset &+ 48)
            let letters = WideLanes.mask(WideLanes.letterBits(a)) | WideLanes.mask(WideLanes.letterBits(b)) &<< 16
                | WideLanes.mask(WideLanes.letterBits(c)) &<< 32 | WideLanes.mask(WideLanes.letterBits(d)) &<< 48
            let da = WideLanes.digitBits(a), db = WideLanes.digitBits(b), dc = WideLanes.digitBits(c), dd = WideLanes.digitBits(d)
            // most blocks hold no digit
            guard WideLanes.mask(da | db | dc | dd) != 0 else { return (letters, 0) }
            return (letters, WideLanes.mask(da) | WideLanes.mask(db) &<< 16 | WideLanes.mask(dc) &<< 32 | WideLanes.mask(dd) &<< 48)
        }
        var letters: UInt64 = 0, digits: UInt64 = 0
        var at = offset
        var shift: UInt64 = 0
        repeat {
            let lanes = WideLanes.load(base, at, limit: count)
            letters |= WideLanes.mask(WideLanes.letterBits(lanes)) &<< shift
            let d = WideLanes.mask(WideLanes.digitBits(lanes))
            // most sixteen bytes hold no digit
            if d != 0 { digits |= d &<< shift }
            at &+= 16
            shift &+= 16
        } while shift < 64 && at < end
        return (letters, digits)
    }

    /// Whether the run of digits starting at `start` can start an expression with no trigger word in the
    /// sentence: a year (`2025`, `the 1990s`), one or two digits before `:` or `/` and a digit (`12:01`,
    /// `11/1/2025`), before `am`, `pm`, `a.`, `p.` (`5 p.m.`, `5pm`), or a quarter's number (`Q3`). Every other
    /// number is a date only beside a trigger (`90 days`, `1 November`, `20th century`), which passes the
    /// sentence on its own; news numbers mostly are amounts (`$52 million`, `3.5%`, `25 percent`), and a sentence
    /// of those alone was tokenized and matched for nothing.
    @inline(never)
    private static func startsDateShapedNumber(_ base: UnsafePointer<UInt8>, _ start: Int, from lower: Int, to end: Int) -> Bool {
        if start > lower, base[start &- 1] | 0x20 == 0x71 { return true }  // `q`
        var j = start &+ 1
        while j < end && base[j].isASCIIDigit { j &+= 1 }
        switch j &- start {
        case 4:
            let century = (base[start] &- 0x30) &* 10 &+ (base[start &+ 1] &- 0x30)
            return century >= 18 && century <= 21
        case 1, 2:
            // the next token, past whitespace and no-break spaces, as the tokenizer skips them
            while j < end {
                if base[j].isASCIIWhitespace {
                    j &+= 1
                } else if base[j] == 0xC2, j &+ 1 < end, base[j &+ 1] == 0xA0 {
                    j &+= 2
                } else {
                    break
                }
            }
            // a time or a numeric date goes on for at least two more bytes: `:0`, `/1`, `pm`, `a.`
            guard j &+ 1 < end else { return false }
            let c = base[j]
            let d = base[j &+ 1]
            if c == 0x3A || c == 0x2F, d.isASCIIDigit { return true }
            return (c | 0x20 == 0x61 || c | 0x20 == 0x70) && (d | 0x20 == 0x6D || d == 0x2E)
        default:
            return false
        }
    }

    /// Whether the run of letters `start..<end` has the shape of a trigger: nearly every run has not, so this
    /// test alone runs per word, with nothing of the triggers held in registers.
    @inline(__always)
    private static func hasTriggerShape(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ shapes: UnsafePointer<UInt32>
    ) -> Bool {
        // a run longer than `maxLength` wraps round to a shorter length's bits rather than being tested for its
        // length here: one step less per word, and `isTrigger` turns such a run down
        let key = shape(length: end &- start, last: base[end &- 1]) & (shapeCount &- 1)
        return shapes[key] >> UInt32(base[start] & 31) & 1 != 0
    }

    /// Whether the run of letters `start..<end` is a trigger, by its hash (and its first letter, for a name).
    @inline(never)
    private static func isTrigger(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, limit: Int, _ tables: UnsafePointer<Tables>
    ) -> Bool {
        guard end &- start <= maxLength else { return false }
        // the run is ASCII letters, at most fifteen: hashed from one load of sixteen lanes (`limit`: the buffer's end)
        let hash = WordHash.ofRun(WideLanes.load(base, start, limit: limit), count: end &- start, masks: tables.pointee.masks)
        guard let capitalized = tables.pointee.triggers[hash] else { return false }
        return !capitalized || base[start].isASCIIUpper
    }

    /// The trigger words, each with whether only its capitalised form is one.
    private static let triggerWords: [(word: String, capitalized: Bool)] =
        TimexLexicon.entries.compactMap { entry in trigger(entry.word, entry.meaning).map { (entry.word, $0) } }
        // `this morning`, `the next evening`, `last night` (`SentenceTagger.partOfDay`); `by two thousand`
        // (`SentenceTagger.spokenMillennium`): the only words outside the lexicon that complete an expression
        // whose other words are no triggers
        + ["morning", "afternoon", "evening", "night", "thousand"].map { ($0, false) }

    private static let triggers = WordTable(triggerWords.map { (TimexTokenizer.hash($0.word), $0.capitalized) })

    /// Whether a lexicon word can be in an expression with no other trigger beside it: nil when it cannot, else
    /// whether only capitalised. Counts, ranks and shifts (`two`, `third`, `next`, `end`, `later`) date something
    /// only before a unit, a month, a weekday, a season, a part of the day or a year (`two weeks`, `the third
    /// quarter`, `next Friday`, `the end of 2025`, `later that year`), and the tagger's patterns say so; news
    /// uses them far more often for anything else (`one of the`, `the first time`, `to end the talks`).
    private static func trigger(_ word: String, _ meaning: TimexWord) -> Bool? {
        switch meaning {
        // names: lower case they are verbs and nouns (`may`, `march`), and the tagger reads only the names
        case .month, .weekday, .holiday: true
        case .unit, .season, .dayOffset, .reference, .frequency, .quarterName, .decadeName, .century: false
        // `nineteen ninety-six`: a year read out in number words alone
        case .number(19): false
        case .number, .ordinal, .ordinalSuffix: nil
        // `current conditions`, `in the past`: the present and the past on their own
        case .shift(.relative): word == "current" || word == "past" ? false : nil
        case .shift: nil
        }
    }

    private static let maxLength = 15
    /// Entries of `shapes`: every length up to `maxLength`, each with 32 last letters.
    private static let shapeCount = (maxLength + 1) << 5

    /// A word's shape: its length (at most `maxLength`) and the low five bits of its last letter; `shapes` holds
    /// one bit per first letter of each, so a word costs one load and one bit test.
    @inline(__always)
    private static func shape(length: Int, last: UInt8) -> Int {
        length << 5 | Int(last & 31)
    }

    /// For each shape, one bit per low five bits of the first letter of a trigger made of letters only (`q3` has
    /// a digit and passes anyway). Built once and never freed, like `WordTable`'s storage, so reading it costs no
    /// reference counting; never written after it is built, so safe to share between threads.
    nonisolated(unsafe) private static let shapes: UnsafePointer<UInt32> = {
        let bits = UnsafeMutablePointer<UInt32>.allocate(capacity: shapeCount)
        bits.initialize(repeating: 0, count: shapeCount)
        for (word, _) in triggerWords {
            let utf8 = Array(word.utf8)
            guard utf8.allSatisfy(\.isASCIILetter), utf8.count <= maxLength else { continue }
            // `mayHoldTime` reads no run of fewer letters
            precondition(utf8.count >= 3, "a trigger of fewer than three letters: \(word)")
            bits[shape(length: utf8.count, last: utf8[utf8.count - 1])] |= 1 << (utf8[0] & 31)
        }
        return UnsafePointer(bits)
    }()
}
