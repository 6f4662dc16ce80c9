/// Keeps one entry per change an article states: same imposer, target and rate.
enum TariffMerger {
    private struct Key: Hashable {
        var imposer: String?
        var target: String?
        var rate: Double?
    }

    static func merge(_ changes: [TariffChange]) -> [TariffChange] {
        var kept: [TariffChange] = []
        var index: [Key: Int] = [:]
        var ratedPairs = Set<Key>()
        for change in changes {
            let key = Key(imposer: change.imposer, target: change.target, rate: change.ratePct)
            if let i = index[key] {
                if informativeness(change) > informativeness(kept[i]) { kept[i] = change }
            } else {
                index[key] = kept.count
                kept.append(change)
            }
            if change.ratePct != nil { ratedPairs.insert(Key(imposer: change.imposer, target: change.target, rate: nil)) }
        }
        // A rate-less mention of a pair that also has a rate is the same story told less precisely.
        return kept.filter { $0.ratePct != nil || !ratedPairs.contains(Key(imposer: $0.imposer, target: $0.target, rate: nil)) }
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
