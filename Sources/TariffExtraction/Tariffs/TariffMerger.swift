/// Keeps one entry per change an article states (same imposer, target and rate), after filling in
/// the sides the article as a whole makes certain.
///
/// An article states a handful of changes, so a linear scan beats hashing two strings and a
/// double per change.
enum TariffMerger {
    static func merge(_ changes: [TariffChange], frame: DocumentFrame = DocumentFrame()) -> [TariffChange] {
        guard changes.count > 1 else { return frame.filling(changes) }
        let changes = frame.filling(fillingSides(changes))
        var kept: [TariffChange] = []
        kept.reserveCapacity(changes.count)
        // Changes are read by index throughout: a `for` over them, `firstIndex(where:)` and `contains(where:)`
        // handed each change to its test as a copy (retaining its strings and arrays) and destroyed it after.
        for c in changes.indices {
            if let i = kept.indices.first(where: { sameMove(kept[$0], changes[c]) }) {
                if informativeness(changes[c]) > informativeness(kept[i]) { kept[i] = changes[c] }
            } else {
                kept.append(changes[c])
            }
        }
        // A rate with a side missing (`officials said the 50% tariff was unfair`) beside the same rate
        // with both sides (`Washington's 50% tariff on India`) is the same story told less precisely.
        // (The complete ones are copied out only when some rate misses a side.)
        if kept.indices.contains(where: { (kept[$0].imposer == nil || kept[$0].target == nil) && kept[$0].ratePct != nil }) {
            let complete = kept.filter { $0.imposer != nil && $0.target != nil }
            kept.removeAll { c in
                guard c.imposer == nil || c.target == nil, let rate = c.ratePct else { return false }
                return complete.contains { o in
                    o.ratePct == rate && (c.imposer == nil || c.imposer == o.imposer)
                        && (c.target == nil || c.target == o.target)
                }
            }
        }
        // A rate-less mention of a pair that also has a rate is the same story told less precisely.
        guard kept.indices.contains(where: { kept[$0].ratePct == nil }) else { return kept }
        return kept.filter { c in
            c.ratePct != nil
                || !changes.indices.contains { changes[$0].ratePct != nil && changes[$0].imposer == c.imposer && changes[$0].target == c.target }
        }
    }

    /// An article about one dispute names its two sides once and then leaves the imposer out (`Brazil's
    /// 18% import tariff on US ethanol`, `an extra 40% on Brazilian goods`). A missing imposer is filled
    /// from the article when it allows only one answer: the one imposer it gives for that target, or
    /// else the one party that target itself taxes; both sides are filled when every party the article
    /// names as imposer is one country and every target another. Filled sides get a lower confidence
    /// (0.5). A missing target is left open: a measure without one (`a 100% tariff on branded
    /// medicines`) is often on everyone's goods, and naming a country would invent a fact.
    static func fillingSides(_ changes: [TariffChange]) -> [TariffChange] {
        // only a missing imposer is filled: most articles name every one, and copying their changes cost more than the rest
        // changes read by index, as in `merge`
        guard changes.indices.contains(where: { changes[$0].imposer == nil }) else { return changes }
        // a zero rate is preferential access (`enter duty-free under the pact`), not a side of the dispute
        func isPair(_ c: Int) -> Bool { changes[c].ratePct != 0 && changes[c].imposer != nil && changes[c].target != nil }
        guard changes.indices.contains(where: isPair) else { return changes }
        /// The code `code` gives every change `taken` keeps (those without one skipped), if they all give the
        /// same, and whether any gave one. Read in place: arrays of pairs and codes per change cost more.
        func only(_ code: (Int) -> String?, where taken: (Int) -> Bool) -> (found: Bool, code: String?) {
            var first: String?
            for c in changes.indices where taken(c) {
                guard let x = code(c) else { continue }
                guard let f = first else {
                    first = x
                    continue
                }
                if f != x { return (true, nil) }
            }
            return (first != nil, first)
        }
        // filled in a copy of the array, read from the original: every answer is the unfilled article's
        var filled = changes
        for c in changes.indices {
            switch (changes[c].imposer, changes[c].target) {
            case (nil, let target?):
                // the one imposer the pairs give for that target, else the one target that target itself taxes
                let named = only({ changes[$0].imposer }, where: { isPair($0) && changes[$0].target == target })
                let answer = named.found ? named.code : only({ changes[$0].target }, where: { isPair($0) && changes[$0].imposer == target }).code
                if let answer, answer != target {
                    filled[c].imposer = answer
                    filled[c].confidence = min(changes[c].confidence, 0.5)
                }
            case (nil, nil):
                if let imposer = only({ changes[$0].imposer }, where: { _ in true }).code,
                    let target = only({ changes[$0].target }, where: { _ in true }).code, imposer != target
                {
                    filled[c].imposer = imposer
                    filled[c].target = target
                    filled[c].confidence = min(changes[c].confidence, 0.5)
                }
            default:
                break
            }
        }
        return filled
    }

    /// Same imposer, target and rate: the same change told again.
    @inline(__always)
    private static func sameMove(_ a: TariffChange, _ b: TariffChange) -> Bool {
        a.ratePct == b.ratePct && a.imposer == b.imposer && a.target == b.target
    }

    /// Effective date, products, previous rate and confidence make one telling worth more than another.
    private static func informativeness(_ c: TariffChange) -> Double {
        var score = c.confidence
        if c.effectiveDate != nil { score += 4 }
        if !c.products.isEmpty { score += 2 }
        if c.previousRatePct != nil { score += 1 }
        if c.additional { score += 0.5 }
        return score
    }
}
