/// Keeps one entry per change an article states: same imposer, target and rate.
enum TariffMerger {
    static func merge(_ changes: [TariffChange]) -> [TariffChange] {
        var kept: [TariffChange] = []
        for change in changes {
            if let i = kept.firstIndex(where: { sameChange($0, change) }) {
                if informativeness(change) > informativeness(kept[i]) { kept[i] = change }
            } else {
                kept.append(change)
            }
        }
        // A rate-less mention of a pair that also has a rate is the same story told less precisely.
        return kept.filter { change in
            guard change.ratePct == nil else { return true }
            return !kept.contains { $0.ratePct != nil && $0.imposer == change.imposer && $0.target == change.target }
        }
    }

    private static func sameChange(_ a: TariffChange, _ b: TariffChange) -> Bool {
        a.imposer == b.imposer && a.target == b.target && a.ratePct == b.ratePct
    }

    private static func informativeness(_ c: TariffChange) -> Double {
        var score = c.confidence
        if c.effectiveDate != nil { score += 4 }
        if !c.products.isEmpty { score += 2 }
        if c.previousRatePct != nil { score += 1 }
        if c.additional { score += 0.5 }
        return score
    }
}
