/// Skips sentences that cannot hold a temporal expression before any token is built.
///
/// Every expression the tagger finds holds a trigger: a word that names a time on its own (`week`, `May`,
/// `today`; see `trigger(_:_:)`) or a number shaped like a date, and most news sentences have neither;
/// tokenizing them anyway was the largest single cost of extraction. This scan reads eight bytes per step:
/// a run of digits shaped like a year, a time or a numeric date means "maybe"; each run of ASCII letters is
/// checked by its shape (length, first and last letter) against a small bit set and, only on a hit, by its
/// hash against the triggers. It may pass a sentence the tagger then finds empty, never reject one it would
/// tag: every trigger the tokenizer yields is a whole run of ASCII letters here too.
enum TimexPrefilter {
    static func mayHoldTime(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { mayHoldTime($0, range) }
    }

    /// Not inlined into the array form: inlined, the loop held both the array and its buffer's address, one
    /// register more in a loop that already keeps part of its state on the stack.
    @inline(never)
    static func mayHoldTime(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let shapes = Self.shapes
        var wordStart = 0  // start of the letter run in progress
        var open: UInt64 = 0  // 0x80 while a letter run goes on from the previous eight bytes
        var i = range.lowerBound
        let end = range.upperBound
        // whole eight bytes inside the sentence need neither check of `load`; the last, partial step goes alone
        while i &+ 8 <= end {
            let word = ByteLanes.load(base, i)
            if step(base, word, at: i, range.lowerBound, end, shapes, &wordStart, &open) { return true }
            i &+= 8
        }
        if i < end {
            let word = load(base, i, end: end, count: bytes.count)
            if step(base, word, at: i, range.lowerBound, end, shapes, &wordStart, &open) { return true }
        }
        return open != 0 && hasTriggerShape(base, wordStart, end, shapes) && isTrigger(base, wordStart, end)
    }

    /// Reads the eight bytes `word` at `i`: whether they start a date-shaped number or end a trigger word.
    /// `wordStart` and `open` carry the letter run left open to the next step.
    @inline(__always)
    private static func step(
        _ base: UnsafePointer<UInt8>, _ word: UInt64, at i: Int, _ lower: Int, _ end: Int,
        _ shapes: UnsafePointer<UInt32>, _ wordStart: inout Int, _ open: inout UInt64
    ) -> Bool {
        // most steps hold no digit: a test for any, cheaper than finding them, comes first
        if ByteLanes.anyDigit(word), startsDateShapedNumber(base, i, ByteLanes.digits(word), from: lower, to: end) {
            return true
        }
        let letters = ByteLanes.letters(word)
        // a lane is a letter after a non-letter (a run starts) or a non-letter after a letter (a run
        // ended); runs alternate, so the first end pairs with the run in progress, if any, and each
        // other end with the next start
        let before = (letters << 8) | open
        var starts = letters & ~before
        var ends = ~letters & ByteLanes.highs & before
        if ends != 0 {
            if open == 0 {
                wordStart = i &+ starts.trailingZeroBitCount >> 3
                starts &= starts &- 1
            }
            while true {
                let wordEnd = i &+ ends.trailingZeroBitCount >> 3
                if hasTriggerShape(base, wordStart, wordEnd, shapes), isTrigger(base, wordStart, wordEnd) {
                    return true
                }
                ends &= ends &- 1
                if ends == 0 { break }
                wordStart = i &+ starts.trailingZeroBitCount >> 3
                starts &= starts &- 1
            }
        }
        // at most one run is left open: it goes on in the next eight bytes
        if starts != 0 { wordStart = i &+ starts.trailingZeroBitCount >> 3 }
        open = letters >> 56
        return false
    }

    /// Whether a run of digits starting in the eight bytes at `offset` (`digits`, their digit lanes) can start an
    /// expression with no trigger word in the sentence: a year (`2025`, `the 1990s`), one or two digits before
    /// `:` or `/` and a digit (`12:01`, `11/1/2025`), before `am`, `pm`, `a.`, `p.` (`5 p.m.`, `5pm`), or a
    /// quarter's number (`Q3`). Every other number is a date only beside a trigger (`90 days`, `1 November`,
    /// `20th century`), which passes the sentence on its own; news numbers mostly are amounts (`$52 million`,
    /// `3.5%`, `25 percent`), and a sentence of those alone was tokenized and matched for nothing.
    @inline(never)
    private static func startsDateShapedNumber(
        _ base: UnsafePointer<UInt8>, _ offset: Int, _ digits: UInt64, from lower: Int, to end: Int
    ) -> Bool {
        var lanes = digits
        while lanes != 0 {
            let start = offset &+ lanes.trailingZeroBitCount >> 3
            lanes &= lanes &- 1
            if start > lower {
                let before = base[start &- 1]
                if before.isASCIIDigit { continue }  // the run started earlier
                if before | 0x20 == 0x71 { return true }  // `q`
            }
            var j = start &+ 1
            while j < end && base[j].isASCIIDigit { j &+= 1 }
            switch j &- start {
            case 4:
                let century = (base[start] &- 0x30) &* 10 &+ (base[start &+ 1] &- 0x30)
                if century >= 18 && century <= 21 { return true }
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
                guard j &+ 1 < end else { break }
                let c = base[j]
                let d = base[j &+ 1]
                if c == 0x3A || c == 0x2F, d.isASCIIDigit { return true }
                if c | 0x20 == 0x61 || c | 0x20 == 0x70, d | 0x20 == 0x6D || d == 0x2E { return true }
            default:
                break
            }
        }
        return false
    }

    /// The eight bytes at `offset` with those from `end` on zeroed (zero is neither letter nor digit); reads
    /// past `end` only inside the buffer of `count` bytes.
    @inline(__always)
    private static func load(_ base: UnsafePointer<UInt8>, _ offset: Int, end: Int, count: Int) -> UInt64 {
        guard offset &+ 8 <= count else { return ByteLanes.load(base, offset, end: end) }
        let word = ByteLanes.load(base, offset)
        let valid = end &- offset
        return valid >= 8 ? word : word & ((1 << UInt64(valid &* 8)) &- 1)
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
    private static func isTrigger(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end &- start <= maxLength else { return false }
        // `WordHash.of` the run: its bytes are ASCII letters, whose lower case is the byte with bit 5 set
        var hash = WordHash.offset
        for k in start..<end { hash = (hash ^ UInt64(base[k] | 0x20)) &* WordHash.prime }
        guard let capitalized = triggers[hash] else { return false }
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
            bits[shape(length: utf8.count, last: utf8[utf8.count - 1])] |= 1 << (utf8[0] & 31)
        }
        return UnsafePointer(bits)
    }()
}
