/// Keeps one entry per change an article states (same imposer, target and rate), after filling in
/// the sides the article as a whole makes certain.
///
/// An article states a handful of changes, so a linear scan beats hashing two strings and a
/// double per change.
enum TariffMerger {
    /// Merges the article's changes in place: the changes kept are moved, never copied (a copy of a change retains
    /// its strings and products, and its release cost more than the copy).
    static func merge(_ changes: inout [TariffChange], frame: DocumentFrame = DocumentFrame()) {
        guard changes.count > 1 else {
            frame.fill(&changes)
            return
        }
        fillSides(&changes)
        frame.fill(&changes)
        let count = changes.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { told in
            // Each move once, in the order it is first told, by its most informative telling (`told[m]`, the index of
            // that telling): the changes are compared by index, as a `for` over them, `firstIndex(where:)` and
            // `contains(where:)` handed each change to its test as a copy and destroyed it after.
            var moves = 0
            for c in 0..<count {
                var m = 0
                while m < moves && !sameMove(changes[told[m]], changes[c]) { m += 1 }
                if m == moves {
                    told[m] = c
                    moves += 1
                } else if informativeness(changes[c]) > informativeness(changes[told[m]]) {
                    told[m] = c
                }
            }
            // `signed a proclamation imposing a 50% tariff on copper products … The 50% tariff applies from August 1`: the
            // telling kept for its date keeps the goods another telling of the move named
            for c in 0..<count where !changes[c].products.isEmpty {
                var m = 0
                while m < moves && !sameMove(changes[told[m]], changes[c]) { m += 1 }
                if m < moves, told[m] != c, changes[told[m]].products.isEmpty { changes[told[m]].products = changes[c].products }
            }
            // Move `m`'s telling to index `m`: it is at `m` or after, where no earlier move has taken or left a change
            // (the first tellings are in order and the tellings differ), so the swaps keep every telling still to move.
            changes.withUnsafeMutableBufferPointer { buffer in
                for m in 0..<moves where told[m] != m { buffer.swapAt(m, told[m]) }
            }
            changes.removeLast(count - moves)
        }
        // A rate-less mention of a pair that also has a rate is the same story told less precisely. (Read before the
        // rule below, which removes rates only: the moves kept give every pair of sides some telling with a rate did.)
        if changes.indices.contains(where: { changes[$0].ratePct == nil }) {
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: changes.count) { dropped in
                for c in changes.indices {
                    dropped[c] = changes[c].ratePct == nil
                        && changes.indices.contains {
                            changes[$0].ratePct != nil && changes[$0].imposer == changes[c].imposer && changes[$0].target == changes[c].target
                        }
                }
                remove(from: &changes, dropped: UnsafeBufferPointer(dropped))
            }
        }
        // A rate with a side missing (`officials said the 50% tariff was unfair`) beside the same rate
        // with both sides (`Washington's 50% tariff on India`) is the same story told less precisely.
        if changes.indices.contains(where: { (changes[$0].imposer == nil || changes[$0].target == nil) && changes[$0].ratePct != nil }) {
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: changes.count) { dropped in
                for c in changes.indices {
                    dropped[c] = false
                    guard changes[c].imposer == nil || changes[c].target == nil, let rate = changes[c].ratePct else { continue }
                    dropped[c] = changes.indices.contains { o in
                        changes[o].imposer != nil && changes[o].target != nil && changes[o].ratePct == rate
                            && (changes[c].imposer == nil || changes[c].imposer == changes[o].imposer)
                            && (changes[c].target == nil || changes[c].target == changes[o].target)
                    }
                }
                remove(from: &changes, dropped: UnsafeBufferPointer(dropped))
            }
        }
    }

    /// Removes the changes `dropped` flags (one flag per change, every one decided before any is moved, as the tests
    /// read the array); the others keep their order and are moved down, not copied as a filtered array's were.
    private static func remove(from changes: inout [TariffChange], dropped: UnsafeBufferPointer<Bool>) {
        let count = changes.count
        var kept = 0
        changes.withUnsafeMutableBufferPointer { buffer in
            for c in 0..<count where !dropped[c] {
                // the changes from `kept` to `c` are all dropped ones
                if c != kept { buffer.swapAt(kept, c) }
                kept += 1
            }
        }
        changes.removeLast(count - kept)
    }

    /// An article about one dispute names its two sides once and then leaves the imposer out (`Brazil's
    /// 18% import tariff on US ethanol`, `an extra 40% on Brazilian goods`). A missing imposer is filled
    /// from the article when it allows only one answer: the one imposer it gives for that target, or
    /// else the one party that target itself taxes; both sides are filled when every party the article
    /// names as imposer is one country and every target another. Filled sides get a lower confidence
    /// (0.5). A missing target is left open: a measure without one (`a 100% tariff on branded
    /// medicines`) is often on everyone's goods, and naming a country would invent a fact.
    static func fillSides(_ changes: inout [TariffChange]) {
        // only a missing imposer is filled: most articles name every one, and copying their changes cost more than the rest
        // changes read by index, as in `merge`
        guard changes.indices.contains(where: { changes[$0].imposer == nil }) else { return }
        // Every answer is the unfilled article's: what each change said before any was filled is read through
        // `filledHere`, one mark per change on the stack (a copy of the changes to read from, made at the first write,
        // cost an allocation, a retain of every string of every change and their release).
        withUnsafeTemporaryAllocation(of: FilledSides.self, capacity: changes.count) { filledHere in
            filledHere.initialize(repeating: .none)
            // the sides change `c` gave before any was filled
            func saidImposer(_ c: Int) -> String? { filledHere[c] == .none ? changes[c].imposer : nil }
            func saidTarget(_ c: Int) -> String? { filledHere[c] == .both ? nil : changes[c].target }
            // a zero rate is preferential access (`enter duty-free under the pact`), not a side of the dispute
            func isPair(_ c: Int) -> Bool { changes[c].ratePct != 0 && saidImposer(c) != nil && saidTarget(c) != nil }
            guard changes.indices.contains(where: isPair) else { return }
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
            for c in changes.indices {
                switch (saidImposer(c), saidTarget(c)) {
                case (nil, let target?):
                    // the one imposer the pairs give for that target, else the one target that target itself taxes
                    let named = only(saidImposer, where: { isPair($0) && saidTarget($0) == target })
                    let answer = named.found ? named.code : only(saidTarget, where: { isPair($0) && saidImposer($0) == target }).code
                    if let answer, answer != target {
                        changes[c].imposer = answer
                        changes[c].confidence = min(changes[c].confidence, 0.5)
                        filledHere[c] = .imposer
                    }
                case (nil, nil):
                    if let imposer = only(saidImposer, where: { _ in true }).code, let target = only(saidTarget, where: { _ in true }).code,
                        imposer != target
                    {
                        changes[c].imposer = imposer
                        changes[c].target = target
                        changes[c].confidence = min(changes[c].confidence, 0.5)
                        filledHere[c] = .both
                    }
                default:
                    break
                }
            }
        }
    }

    /// Which sides `fillSides` gave a change: it fills an imposer, or an imposer and a target, only where there was none.
    private enum FilledSides: UInt8 {
        case none, imposer, both
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
