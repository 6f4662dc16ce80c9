/// A percentage as written: `25%`, `25 percent`, `25 per cent`, `10 percentage points`.
struct RateMention: Sendable {
    /// The number token.
    var first: Int
    /// One past the last token of the expression.
    var end: Int
    var value: Double
    /// `percentage points`: an amount added to a rate, not a rate.
    var points: Bool
    /// Read by `numericExpressions`, kept here rather than in arrays of their own: the tariff noun the
    /// rate belongs to, -1 when it is a tariff rate without an adjacent noun, nil when it is no tariff's.
    var attached: Int? = nil
    /// `25% tariffs on trucks and 50% on cabinets`: the rate shares the noun of the rate before it.
    var sharesNoun = false
}

/// A tariff rate read from a sentence: one rate, or a move `from A to B`, or a range `between A and B`.
struct RateExpression: Sendable {
    var rate: Double
    var previous: Double?
    /// The lower bound of a range (`between 10% and 41%` has rate 41, minimum 10).
    var minimum: Double?
    /// The token the change is anchored at (the new rate's number).
    var anchor: Int
    /// Tokens the expression spans, rate words and tariff noun included.
    var span: Range<Int>
    /// The tariff noun the rate belongs to, when one is adjacent.
    var noun: Int?
    var points: Bool
    /// `doubled` / `halved` of an earlier rate: rate computed from the previous one.
    var direction: TariffDirection
    /// A rate of zero said without a number (`duty-free`, `eliminate tariffs`, `exempt … from duties`):
    /// the removal words name the new level, so they do not make the rate `lifted`.
    var zeroByWords = false
}

/// Finds percentages and decides which of them are tariff rates.
enum RateScanner {
    /// Writes the sentence's percentages to `rates`, in order, and returns how many; nil when `rates` has no room
    /// for them all. Each starts at a token of its own, after the one before, so there are at most as many as
    /// tokens: room for one per token is always enough.
    static func percentages(in s: TariffSentence, into rates: UnsafeMutableBufferPointer<RateMention>) -> Int? {
        var count = 0
        var overflow = false
        let numberWords = Self.numberWords  // once, not a lazy-initialisation check per token
        func keep(_ rate: RateMention) {
            guard count < rates.count else {
                overflow = true
                return
            }
            (rates.baseAddress! + count).initialize(to: rate)
            count += 1
        }
        var i = 0
        while i < s.count {
            // `to zero`, `zero tariffs`: a rate of 0
            if s.isWord(i, TariffVocabulary.zero), s.isWord(i - 1, TariffVocabulary.to) || s.isWord(i - 1, TariffVocabulary.at) || s.isTariffNoun(i + 1) {
                let end = i + 1 < s.count && (s.tokens[i + 1].kind == .percent || s.has(i + 1, .percentWord)) ? i + 2 : i + 1
                keep(RateMention(first: i, end: end, value: 0, points: false))
                i = end
                continue
            }
            // `tariffs of 25, 20, 10 and 5 percent`: every number of the list is a rate
            if s.tokens[i].kind == .number, let listed = listedRates(from: i, in: s) {
                for rate in listed { keep(rate) }
                i = listed[listed.count - 1].end
                continue
            }
            guard let (value, n) = number(at: i, in: s, words: numberWords) else { i += 1; continue }
            var end = -1
            var points = false
            if n < s.count {
                if s.tokens[n].kind == .percent {
                    end = n + 1
                } else if s.isWord(n) {
                    if s.has(n, .percentWord) {
                        end = n + 1
                    } else if s.tokens[n].hash == TariffVocabulary.per, s.isWord(n + 1, TariffVocabulary.cent) {
                        end = n + 2
                    } else if s.tokens[n].hash == TariffVocabulary.percentage,
                        s.isWord(n + 1, TariffVocabulary.point) || s.isWord(n + 1, TariffVocabulary.points)
                    {
                        end = n + 2
                        points = true
                    }
                }
            }
            if end > 0, value <= 1000, !(i > 0 && s.tokens[i - 1].kind == .dash && s.tokens[i - 1].end == s.tokens[i].start) {
                keep(RateMention(first: i, end: end, value: written(value), points: points))
                i = end
            } else {
                i += 1
            }
        }
        return overflow ? nil : count
    }

    /// Whether some token can end a percentage (`%`, `percent`, `per cent`, `percentage points`) or be the
    /// word `zero`: every rate `percentages` finds needs one. Many sentences the reader reads state none, and
    /// this one pass is cheaper than the per-token look-ups that would find nothing.
    private static func mayStatePercentage(_ s: TariffSentence) -> Bool {
        // Each token is first asked one question that is false for most: a percent word (only words have word
        // classes), or a hash the filter may hold (a `%` token's among them). Its kind is read only then: asked
        // first, the kind (a word or not) was a branch taken at random, mispredicted at every other token.
        let filter = Self.percentEnds | WordHash.filterBit(Self.percentSignHash)
        for k in 0..<s.count {
            let t = s.tokens[k]
            guard s.lexemes[k].classes.contains(.percentWord) || WordHash.mayBeIn(filter, t.hash) else { continue }
            if t.kind == .word {
                if s.lexemes[k].classes.contains(.percentWord) { return true }
                if t.hash == TariffVocabulary.cent || t.hash == TariffVocabulary.points || t.hash == TariffVocabulary.point
                    || t.hash == TariffVocabulary.zero
                {
                    return true
                }
            } else if t.kind == .percent {
                return true
            }
        }
        return false
    }

    /// The hash the tokenizer gives a `%` token (that of its one byte).
    private static let percentSignHash = WordHash.of(byte: 0x25)

    /// The words `mayStatePercentage` compares, as a `WordHash` filter.
    @inline(__always) private static var percentEnds: UInt64 {
        WordHash.filterBit(TariffVocabulary.cent) | WordHash.filterBit(TariffVocabulary.points)
            | WordHash.filterBit(TariffVocabulary.point) | WordHash.filterBit(TariffVocabulary.zero)
    }

    /// Numbers joined by commas, `and` or `or` whose last one carries the percent sign or word
    /// (`25, 20, 10 and 5 percent`, `15 or 20%`): one rate each. Nil when `i` starts no such list.
    private static func listedRates(from i: Int, in s: TariffSentence) -> [RateMention]? {
        // `i` and the numbers listed after it; made only once a second number is found (most numbers start no
        // list, and an array made for each of them cost an allocation and a release)
        var numbers: [Int] = []
        var k = i + 1
        while k + 1 < s.count {
            var next = k
            if s.tokens[next].kind == .comma { next += 1 }
            if s.isWord(next, TariffVocabulary.and) || s.isWord(next, TariffVocabulary.or) { next += 1 }
            guard next > k, next < s.count, s.tokens[next].kind == .number, !s.tokens[next].hyphenBefore else { break }
            if numbers.isEmpty { numbers.append(i) }
            numbers.append(next)
            k = next + 1
        }
        guard numbers.count >= 2, let last = numbers.last else { return nil }
        let n = last + 1
        let end: Int
        if n < s.count, s.tokens[n].kind == .percent || s.has(n, .percentWord) {
            end = n + 1
        } else if s.isWord(n, TariffVocabulary.per), s.isWord(n + 1, TariffVocabulary.cent) {
            end = n + 2
        } else {
            return nil
        }
        // `between 10 and 20 percent`, `from 10 to 20 percent` stay ranges and moves
        if s.has(i - 1, .rangeCue) || s.isWord(i - 1, TariffVocabulary.from) { return nil }
        guard numbers.allSatisfy({ s.tokens[$0].number <= 1000 }) else { return nil }
        return numbers.map { at in
            RateMention(first: at, end: at == last ? end : at + 1, value: written(s.tokens[at].number), points: false)
        }
    }

    /// The rate as written: `35.19` read digit by digit comes out 35.190000000000005; rates have at most
    /// a few decimals, so the nearest millionth is the number the text states.
    static func written(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    /// A number at token `i`: digits (`25`), or words (`ten`, `twenty-five`, `one hundred`) when a
    /// percentage follows. Returns the value and the index after it.
    /// Inlined into `percentages`' loop over every token, where most tokens leave at its first two tests: a call
    /// per token cost more than the tests.
    @inline(__always)
    private static func number(at i: Int, in s: TariffSentence, words numberWords: WordTable<Int>) -> (Double, Int)? {
        if s.tokens[i].kind == .number { return (s.tokens[i].number, i + 1) }
        guard s.isWord(i), let first = numberWords[s.tokens[i].hash] else { return nil }
        var value = first
        var next = i + 1
        // `twenty-five`: a tens word joined by a hyphen to a units word
        if first >= 20, first % 10 == 0, first < 100, s.isWord(next), s.tokens[next].hyphenBefore,
            let unit = numberWords[s.tokens[next].hash], unit < 10
        {
            value += unit
            next += 1
        }
        if s.isWord(next, hundred), value < 10 {
            value *= 100
            next += 1
        }
        // only as a rate: the words must be followed by `percent`, `per cent` or `%`
        guard next < s.count, s.tokens[next].kind == .percent || s.has(next, .percentWord) || s.isWord(next, TariffVocabulary.per)
        else { return nil }
        return (Double(value), next)
    }

    /// The rate at `first` follows `instead of`, `rather than`, `up from` or `down from`.
    private static func isReplacedRate(at first: Int, in s: TariffSentence) -> Bool {
        guard first >= 2 else { return false }
        let (a, b) = (first - 2, first - 1)
        return s.opensAlternative(a) || (s.isWord(a, up) || s.isWord(a, down)) && s.isWord(b, TariffVocabulary.from)
    }

    /// Between two rates, `instead of` or `rather than` and a verb in `-ing` at most five words before the second
    /// (`instead of lifting it to`, `rather than raising the duty to`): the second is what was not done.
    private static func isRejectedAlternative(from lower: Int, to upper: Int, in s: TariffSentence) -> Bool {
        var k = lower
        while k + 2 < upper {
            if s.opensAlternative(k) { return upper - (k + 2) <= 5 && s.endsInIng(k + 2) }
            k += 1
        }
        return false
    }

    private static var instead: UInt64 { TariffVocabulary.instead }
    private static var rather: UInt64 { TariffVocabulary.rather }
    private static var up: UInt64 { TariffVocabulary.up }
    private static var down: UInt64 { TariffVocabulary.down }

    private static var hundred: UInt64 { TariffVocabulary.hundred }

    /// `enter the U.S. at 10%`, `cross the border at 25%`: the rate follows `at`, a verb of entering a
    /// few words before it.
    static func entersAt(_ first: Int, in s: TariffSentence) -> Bool {
        guard s.isWord(first - 1, TariffVocabulary.at) else { return false }
        for k in max(0, first - 7)..<(first - 1) where s.has(k, .entryVerb) { return true }
        return false
    }


    /// Nouns of a part of a tariff: `a 10-point slice of the levy`, `the 20% portion of the duty`.
    static func isPartNoun(_ s: TariffSentence, _ k: Int) -> Bool {
        s.isWord(k) && partNouns.contains(s.tokens[k].hash)
    }

    private static let partNouns = WordTable<Bool>(set:
        ["slice", "portion", "part", "chunk", "piece", "layer", "component", "tranche", "element"].map(TariffTokenizer.hash))

    /// A word of a number written out (`twenty`, `five`, `hundred`): part of a rate, never a product.
    static func isNumberWord(_ s: TariffSentence, _ i: Int) -> Bool {
        s.isWord(i) && (numberWords.contains(s.tokens[i].hash) || s.tokens[i].hash == hundred)
    }

    /// Number words up to ninety; `one hundred` is read by `number(at:in:)`.
    private static let numberWords: WordTable<Int> = {
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var pairs = units.enumerated().map { (TariffTokenizer.hash($0.element), $0.offset + 1) }
        pairs += tens.enumerated().map { (TariffTokenizer.hash($0.element), ($0.offset + 2) * 10) }
        pairs.append((TariffTokenizer.hash("zero"), 0))
        return WordTable(pairs)
    }()

    /// The tariff rates among the percentages, paired into moves and ranges.
    static func expressions(in s: TariffSentence, hasTariffNoun: Bool) -> [RateExpression] {
        var found = numericExpressions(in: s, hasTariffNoun: hasTariffNoun)
        let zeros = ZeroRateForms.expressions(in: s)
        guard !zeros.isEmpty else { return found }
        for zero in zeros where !found.contains(where: { $0.span.overlaps(zero.span) || $0.anchor == zero.anchor }) {
            found.append(zero)
        }
        found.sort { $0.anchor < $1.anchor }
        return found
    }

    private static func numericExpressions(in s: TariffSentence, hasTariffNoun: Bool) -> [RateExpression] {
        guard mayStatePercentage(s) else { return [] }
        // The percentages on the stack: an array of them cost an allocation and its release in every sentence that
        // states one. Room for a few first, as `withUnsafeTemporaryAllocation` keeps at most 1,024 bytes there (on
        // Linux a larger buffer, such as room for one per token of most sentences read, came from the heap); room
        // for one per token, at most one starting at each, only when they do not fit.
        let few = withUnsafeTemporaryAllocation(of: RateMention.self, capacity: min(s.count, Self.stackRates)) { buffer in
            expressions(in: s, room: buffer, hasTariffNoun: hasTariffNoun)
        }
        if let few { return few }
        return withUnsafeTemporaryAllocation(of: RateMention.self, capacity: s.count) { buffer in
            expressions(in: s, room: buffer, hasTariffNoun: hasTariffNoun) ?? []
        }
    }

    /// As many percentages as fit in the 1,024 bytes `withUnsafeTemporaryAllocation` keeps on the stack.
    @inline(__always) private static var stackRates: Int { 1024 / MemoryLayout<RateMention>.stride }

    /// The tariff rates among the sentence's percentages, found in `room`; nil when they do not fit there.
    private static func expressions(
        in s: TariffSentence, room: UnsafeMutableBufferPointer<RateMention>, hasTariffNoun: Bool
    ) -> [RateExpression]? {
        guard let count = percentages(in: s, into: room) else { return nil }
        return expressions(of: UnsafeMutableBufferPointer(rebasing: room[..<count]), in: s, hasTariffNoun: hasTariffNoun)
    }

    /// The tariff rates among the sentence's percentages `rates`, paired into moves and ranges.
    private static func expressions(
        of rates: UnsafeMutableBufferPointer<RateMention>, in s: TariffSentence, hasTariffNoun: Bool
    ) -> [RateExpression] {
        guard !rates.isEmpty else { return [] }
        for r in rates.indices {
            let rate = rates[r]
            var coordinated = false
            if r > 0, rates[r - 1].attached != nil, rates[r - 1].end + 8 >= rate.first {
                let between = rates[r - 1].end..<rate.first
                coordinated = between.contains { s.has($0, .coordinator) || s.tokens[$0].kind == .comma }
                    && !between.contains { s.has($0, .clauseBreak) || s.tokens[$0].kind == .semicolon }
            }
            rates[r].attached = attachment(rate, s, hasTariffNoun: hasTariffNoun, coordinated: coordinated)
            // `25% tariffs on trucks and 50% on cabinets`: the noun already has its rate; the second rate shares it
            if let noun = rates[r].attached, noun >= 0, noun < rate.first, r > 0, rates[r - 1].attached == noun {
                rates[r].attached = -1
                rates[r].sharesNoun = true
            }
        }
        var result: [RateExpression] = []
        // at most one expression per rate: room for all at the first (grown from one, the array was reallocated
        // as it filled), and none for a sentence whose rates are no tariff's
        func emit(_ expression: RateExpression) {
            if result.capacity == 0 { result.reserveCapacity(rates.count) }
            result.append(expression)
        }
        var r = 0
        while r < rates.count {
            let rate = rates[r]
            guard let noun = rate.attached else { r += 1; continue }
            let nounIndex = noun >= 0 ? noun : nil
            // `from A to B` / `A to B` / `between A and B` / `to B from A`
            if r + 1 < rates.count {
                let next = rates[r + 1]
                let gap = next.first - rate.end
                let joiner = rate.end
                // `kept the duty at 21.6% rather than raising it to 26.4%`: the second rate is a course not taken, and
                // the first stays
                if gap <= 12, isRejectedAlternative(from: rate.end, to: next.first, in: s) {
                    emit(
                        RateExpression(
                            rate: rate.value, previous: nil, minimum: nil, anchor: rate.first, span: join(rate.first..<rate.end, nounIndex),
                            noun: nounIndex, points: false, direction: .unknown))
                    r += 2
                    continue
                }
                // `from A to B` is a move; `between A and B`, `ranging from A to B`, bare `of A to B` a range
                let ranged = s.has(rate.first - 1, .rangeCue) || s.has(rate.first - 2, .rangeCue)
                    || (s.isWord(rate.first - 1, TariffVocabulary.from) && s.has(rate.first - 2, .rangeCue))
                    || (!s.isWord(rate.first - 1, TariffVocabulary.from) && !s.isWord(rate.first - 2, TariffVocabulary.from)
                        && !(max(0, rate.first - 10)..<rate.first).contains { s.has($0, .increase) || s.has($0, .decrease) })
                // `between A and B` is a range; a bare `A and B` is a list of two rates
                let rangeWord = s.has(rate.first - 1, .rangeCue) || s.has(rate.first - 2, .rangeCue)
                if gap == 1, s.isWord(joiner, TariffVocabulary.to) || (s.isWord(joiner, TariffVocabulary.and) && ranged && rangeWord) {
                    let span = join(rate.first..<next.end, nounIndex)
                    if ranged {
                        emit(
                            RateExpression(
                                rate: next.value, previous: nil, minimum: rate.value, anchor: next.first, span: span, noun: nounIndex,
                                points: false, direction: .unknown))
                    } else {
                        emit(
                            RateExpression(
                                rate: next.value, previous: rate.value, minimum: nil, anchor: next.first, span: span,
                                noun: nounIndex ?? (next.attached.flatMap { $0 >= 0 ? $0 : nil }), points: false,
                                direction: next.value > rate.value ? .increase : next.value < rate.value ? .decrease : .unknown))
                    }
                    r += 2
                    continue
                }
                // `a 15% tariff instead of 27.5%`, `35%, up from 25%`: the second rate is the one replaced
                if gap <= 12, isReplacedRate(at: next.first, in: s) {
                    emit(
                        RateExpression(
                            rate: rate.value, previous: next.value, minimum: nil, anchor: rate.first,
                            span: join(rate.first..<rate.end, nounIndex), noun: nounIndex, points: false,
                            direction: rate.value > next.value ? .increase : rate.value < next.value ? .decrease : .unknown))
                    r += 2
                    continue
                }
                if gap == 1, s.isWord(joiner, TariffVocabulary.from), s.isWord(rate.first - 1, TariffVocabulary.to) {
                    let span = join(rate.first..<next.end, nounIndex)
                    emit(
                        RateExpression(
                            rate: rate.value, previous: next.value, minimum: nil, anchor: rate.first, span: span, noun: nounIndex,
                            points: false,
                            direction: rate.value > next.value ? .increase : rate.value < next.value ? .decrease : .unknown))
                    r += 2
                    continue
                }
            }
            // `cut its 110% duty on cars to 10%`: the first rate is the old level of the same duty
            if r + 1 < rates.count, rates[r + 1].sharesNoun, s.isWord(rates[r + 1].first - 1, TariffVocabulary.to),
                (max(0, rate.first - 10)..<rate.first).contains(where: { s.has($0, .increase) || s.has($0, .decrease) })
            {
                let next = rates[r + 1]
                emit(
                    RateExpression(
                        rate: next.value, previous: rate.value, minimum: nil, anchor: next.first, span: join(rate.first..<next.end, nounIndex),
                        noun: nounIndex, points: false,
                        direction: next.value > rate.value ? .increase : next.value < rate.value ? .decrease : .unknown))
                r += 2
                continue
            }
            // `10-41%` / `10 to 41 percent`: a bare number before the rate is a range's lower bound
            var minimum: Double?
            if rate.first >= 1, s.tokens[rate.first].hyphenBefore, s.tokens[rate.first - 1].kind == .number {
                minimum = written(s.tokens[rate.first - 1].number)
            } else if rate.first >= 2, s.tokens[rate.first - 2].kind == .number,
                s.isWord(rate.first - 1, TariffVocabulary.to)
                    || s.isWord(rate.first - 1, TariffVocabulary.and) && (s.has(rate.first - 3, .rangeCue) || s.has(rate.first - 4, .rangeCue))
            {
                minimum = written(s.tokens[rate.first - 2].number)
            }
            // `by 10 percentage points to 35%`: the amount is not the rate
            if s.isWord(rate.first - 1, TariffVocabulary.by), r + 1 < rates.count, rates[r + 1].attached != nil,
                s.isWord(rates[r + 1].first - 1, TariffVocabulary.to), rates[r + 1].first - rate.end <= 2
            {
                r += 1
                continue
            }
            var expression = RateExpression(
                rate: rate.value, previous: nil, minimum: minimum, anchor: rate.first,
                span: join((minimum != nil ? rate.first - (s.tokens[rate.first].hyphenBefore ? 1 : 2) : rate.first)..<rate.end, nounIndex),
                noun: nounIndex, points: rate.points, direction: .unknown)
            applyDoubling(&expression, s)
            if r + 1 < rates.count, rates[r + 1].attached == nil {
                let next = rates[r + 1].first
                let from = s.has(next - 1, .determiner) ? next - 2 : next - 1
                guard s.isWord(from, TariffVocabulary.from), s.has(from - 1, .marketVerb), next - rate.end <= 6 else {
                    emit(expression)
                    r += 1
                    continue
                }
                expression.previous = rates[r + 1].value
                expression.direction = rate.value > rates[r + 1].value ? .increase : rate.value < rates[r + 1].value ? .decrease : .unknown
            }
            emit(expression)
            r += 1
        }
        return result
    }

    /// `doubled the 25% tariff`: the written rate is the old one.
    private static func applyDoubling(_ e: inout RateExpression, _ s: TariffSentence) {
        var k = e.span.lowerBound - 1
        var steps = 0
        while k >= 0 && steps < 4 {
            if s.has(k, .doubling) || s.has(k, .halving) {
                // `doubled tariffs to 50%` gives the new rate; `doubled the 25% tariff` the old one
                if s.isWord(e.anchor - 1, TariffVocabulary.to) { e.direction = s.has(k, .doubling) ? .increase : .decrease; return }
                e.previous = e.rate
                e.rate = s.has(k, .doubling) ? e.rate * 2 : e.rate / 2
                e.direction = s.has(k, .doubling) ? .increase : .decrease
                return
            }
            if !(s.has(k, .determiner) || s.has(k, .tariffModifier) || s.has(k, .function)) { return }
            k -= 1
            steps += 1
        }
    }

    /// The `by` before a rate, over `an average of`, `about`, `up to`: nil when the rate follows no `by`.
    private static func byWord(before first: Int, in s: TariffSentence) -> Int? {
        var k = first - 1
        while k >= 0, k >= first - 4, !s.isWord(k, TariffVocabulary.by) {
            guard s.has(k, .determiner) || s.has(k, .approximator) || s.isWord(k, TariffVocabulary.of) || s.has(k, .aggregate) else { return nil }
            k -= 1
        }
        return s.isWord(k, TariffVocabulary.by) ? k : nil
    }

    private static func join(_ range: Range<Int>, _ noun: Int?) -> Range<Int> {
        guard let noun else { return range }
        return min(range.lowerBound, noun)..<max(range.upperBound, noun + 1)
    }

    /// The tariff noun index a rate belongs to, -1 when it is a tariff rate without an adjacent noun, nil when not a tariff.
    /// The tariff noun whose `on`/`for` phrase names the goods the word at `k` is part of (`duty on battery cells`,
    /// `tariffs on lithium-ion battery packs`): `on` or `for` at most three words before it, right after a tariff noun.
    static func tariffNoun(owningProductAt k: Int, in s: TariffSentence) -> Int? {
        var p = k - 1
        while p >= 1 && p >= k - 4 {
            guard s.tokens[p].kind == .word else { return nil }
            if s.isWord(p, TariffVocabulary.on) || s.isWord(p, TariffVocabulary.for_) { return s.isTariffNoun(p - 1) ? p - 1 : nil }
            if s.has(p, .preposition) || s.has(p, .function) || s.has(p, .verb) || s.has(p, .blocker) { return nil }
            p -= 1
        }
        return nil
    }

    static func attachment(_ rate: RateMention, _ s: TariffSentence, hasTariffNoun: Bool, coordinated: Bool) -> Int? {
        let before = rate.first - 1
        // `90% of the world's processing`, `exports fell 20%`, `down 5%`
        if s.isWord(rate.end, TariffVocabulary.of) {
            // `a 25 percent of tariff on dairy`: the rate is the tariff's, written with `of`
            let noun = s.has(rate.end + 1, .determiner) ? rate.end + 2 : rate.end + 1
            return s.isTariffNoun(noun) ? noun : nil
        }
        if s.has(before, .marketVerb) { return nil }
        if s.isWord(before, TariffVocabulary.by), s.has(before - 1, .marketVerb) || s.has(before - 1, .blocker) { return nil }
        // `duties would be reduced by an average of 50 percent`, `cut tariffs by about 30%`: a share taken off
        if !rate.points, let by = byWord(before: rate.first, in: s), (max(0, by - 5)..<by).contains(where: { s.has($0, .decrease) }) {
            return nil
        }
        // `30%, up from 10%`: the old rate of the one before, not a change of its own
        let fromIndex = s.has(before, .determiner) ? before - 1 : before
        if s.isWord(fromIndex, TariffVocabulary.from), s.has(fromIndex - 1, .marketVerb),
            !(s.isWord(rate.end, TariffVocabulary.to) && rate.end + 1 < s.count && s.tokens[rate.end + 1].kind == .number)
        {
            return nil
        }
        // Right: `25% tariffs`, `a 10% baseline tariff`, `25% increase in tariffs`.
        var j = rate.end
        var content = 0
        var rejected = false
        while j < s.count && j < rate.end + 6 {
            let token = s.tokens[j]
            if token.kind != .word {
                if token.kind == .possessive || token.kind == .quote { j += 1; continue }  // `34% 'reciprocal' tariffs`
                if token.kind == .number, s.isWord(j - 1, TariffVocabulary.section) { j += 1; continue }  // `Section 232 tariff`
                break
            }
            if s.isTariffNoun(j) { return j }
            // `a 10% rate` in a sentence about tariffs
            if hasTariffNoun, s.isWord(j, TariffVocabulary.rate) || s.isWord(j, TariffVocabulary.rates), content == 0 { return j }
            if token.hyphenBefore { j += 1; continue }
            let c = s.lexemes[j].classes
            // `a 25% increase in tariffs`; `a 24-point slice of the reciprocal levy`: a part of a tariff is a rate of it
            if content == 0, c.contains(.changeNoun) || isPartNoun(s, j) && s.isWord(j + 1, TariffVocabulary.of) {
                var k = j + 1
                if s.has(k, .preposition) {
                    k += 1
                    var steps = 0
                    while k < s.count && steps < 4 {
                        if s.isTariffNoun(k) { return k }
                        k += 1
                        steps += 1
                    }
                }
                rejected = true
                break
            }
            if c.contains(.blocker) { rejected = true; break }
            // `12.5 percent for the firm`: a preposition ends the words that could still lead to a noun
            // (`for` and `the` are also parts of modifiers such as `tit-for-tat`, which come hyphenated); so does
            // `instead of` / `rather than`, which sets another course beside this rate
            if c.contains(.preposition) || s.isWord(j, instead) || s.isWord(j, rather) { break }
            if c.contains(.tariffModifier) || c.contains(.additional) || c.contains(.aggregate) || s.mention(at: j) != nil {
                j += 1
                continue
            }
            if c.contains(.preposition) || c.contains(.function) || c.contains(.auxiliary) || c.contains(.clauseBreak) || c.contains(.coordinator)
                || c.contains(.verb) || c.contains(.month) || s.looksVerbOrAdverb(j)
            {
                break
            }
            content += 1
            j += 1
        }
        if rejected || content > 0 { return nil }
        // Left: `tariffs of 145%`, `the average levy to 157%`, `tariffs to roughly 55% on the US side`.
        var k = before
        while k >= 0 && k >= rate.first - 14 {
            let token = s.tokens[k]
            if token.kind == .semicolon || token.kind == .colon || token.kind == .dash || token.kind == .percent { break }
            if token.kind == .word, s.has(k, .percentWord) || s.isWord(k, TariffVocabulary.cent) || s.isWord(k, TariffVocabulary.points) { break }
            if token.kind == .word {
                if s.isTariffNoun(k) { return k }
                let c = s.lexemes[k].classes
                if c.contains(.blocker) {
                    // `the duty on battery cells to 5%`: a product the tariff is on, not a figure of its own
                    if let noun = tariffNoun(owningProductAt: k, in: s) { return noun }
                    break
                }
                if c.contains(.clauseBreak) { break }
                if c.contains(.marketVerb), k + 1 == rate.first || s.isWord(k + 1, TariffVocabulary.by) { break }
                // `the previous high of 145%`, `a record level of 125%` in a sentence about tariffs
                if hasTariffNoun, c.contains(.levelNoun), s.isWord(k + 1, TariffVocabulary.of), k + 2 == rate.first,
                    (1...2).contains(where: { s.has(k - $0, .pastCue) || s.has(k - $0, .aggregate) || s.isWord(k - $0, TariffVocabulary.record) })
                {
                    return -1
                }
            }
            k -= 1
        }
        // `an additional 100% on Chinese goods`, `impose 25% on steel` in a sentence about tariffs.
        if hasTariffNoun {
            var p = before
            while p >= 0 && (s.has(p, .determiner) || s.isWord(p, TariffVocabulary.to) || s.isWord(p, TariffVocabulary.up) || s.has(p, .approximator)
                || s.looksVerbOrAdverb(p) && s.lexemes[p].classes.isEmpty)
            {
                if s.has(p, .impose) || s.has(p, .additional) { break }
                p -= 1
            }
            // `all pay 19%`, `have faced 50%`: a rate paid in a sentence about tariffs; `lift it to 45%`: a
            // rate raised to, not a tariff removed; `enter the US at 10%`: the rate goods pay at a border
            if s.has(p, .impose) || s.has(p, .additional) || s.has(p, .increase) || s.has(p, .decrease)
                || s.has(p, .inEffect) && s.has(p, .verb) || s.has(p, .sufferVerb)
                || s.has(p, .lift) && s.isWord(before, TariffVocabulary.to) || entersAt(rate.first, in: s)
            {
                return -1
            }
            if coordinated { return -1 }
        }
        return nil
    }
}
