/// Rates of zero written in words: `duty-free`, `tariff-free`, `enter duty free`, `eliminate tariffs
/// on…`, `abolish customs duties`, `exempt 28 drugs from import tariffs`.
///
/// Trade agreements and unilateral opening state their biggest moves this way, with no number; an
/// analyst reads each as a tariff set to 0%. `duty-free shops` and `duty-free perfume` name a shop
/// and an article, not a rate, and stay out.
enum ZeroRateForms {
    static func expressions(in s: TariffSentence) -> [RateExpression] {
        var result: [RateExpression] = []
        // every form starts at a tariff noun or at a removal word (all in the `lift` class): one test of the
        // word's classes against both, as every token of every tariff sentence passes here
        let starts = TariffWordClass.tariffNoun | .lift
        var k = s.firstToken(from: 0, inAnyOf: starts)
        while k < s.count {
            defer { k = s.firstToken(from: k + 1, inAnyOf: starts) }
            // `duty-free`, `tariff free`: a tariff noun followed by `free`
            // `goods enter duty-free`, `is duty-free, and…`: said of goods; `duty-free shops`, `duty-free
            // perfume`, a word before a noun, names a shop or an article, not a rate
            if s.isZeroRateWord(k), !s.isWord(k + 2) || s.has(k + 2, .preposition) || s.has(k + 2, .function) || s.has(k + 2, .coordinator) {
                result.append(zero(anchor: k, span: k..<(k + 2), noun: nil))
                continue
            }
            // the removal and exemption words below are all of the `lift` class, and no tariff noun is: a tariff
            // noun (most of the tokens that get here) skips their three look-ups
            guard s.has(k, .lift) else { continue }
            // `tariffs on Australian beef will be eliminated`: the duties named before, as the subject
            if removal.contains(s.tokens[k].hash), s.looksPast(k), s.has(k - 1, .beForm) {
                var n = k - 2
                while n >= 0, n >= k - 10, !s.isTariffNoun(n), !s.has(n, .verb) || s.has(n, .auxiliary) || s.has(n, .beForm) { n -= 1 }
                if n >= 0, s.isTariffNoun(n) { result.append(zero(anchor: n, span: n..<(k + 1), noun: n)) }
                continue
            }
            // `eliminate (customs) tariffs`, `will abolish import duties`, `exempt … from tariffs`
            if removal.contains(s.tokens[k].hash) {
                var j = k + 1
                var steps = 0
                while j < s.count, steps < 4, !s.isTariffNoun(j) {
                    guard s.isWord(j), s.has(j, .tariffModifier) || s.has(j, .determiner) || s.has(j, .taxQualifier) else { break }
                    j += 1
                    steps += 1
                }
                if s.isTariffNoun(j) { result.append(zero(anchor: k, span: k..<(j + 1), noun: j)) }
                continue
            }
            if exempt.contains(s.tokens[k].hash) {
                // the goods come between the verb and `from`: `exempt 28 drugs, including…, from import tariffs`
                var j = k + 1
                while j < s.count, j <= k + 12, !s.isWord(j, TariffVocabulary.from), s.tokens[j].kind != .semicolon { j += 1 }
                guard s.isWord(j, TariffVocabulary.from) else { continue }
                var n = j + 1
                while n < s.count, n <= j + 4, !s.isTariffNoun(n) { n += 1 }
                if s.isTariffNoun(n) { result.append(zero(anchor: k, span: k..<(n + 1), noun: n)) }
            }
        }
        return result
    }

    private static func zero(anchor: Int, span: Range<Int>, noun: Int?) -> RateExpression {
        var e = RateExpression(
            rate: 0, previous: nil, minimum: nil, anchor: anchor, span: span, noun: noun, points: false, direction: .decrease)
        e.zeroByWords = true
        return e
    }

    private static let removal = WordTable<Bool>(
        set: ["eliminate", "eliminates", "eliminated", "eliminating", "abolish", "abolishes", "abolished", "abolishing"].map(TariffTokenizer.hash))
    private static let exempt = WordTable<Bool>(set: ["exempt", "exempts", "exempted", "exempting"].map(TariffTokenizer.hash))
}
