import TariffExtraction

/// A fact as stored: what the merge rules compare an observation with.
struct StoredFact: Sendable, Hashable {
    var id: String
    var value: FactValue
    var alertable: Bool
    /// The newest reference date of any report of this fact: a report older than this cannot change it.
    var latestReferenceDate: CalendarDate
}

/// What an observation means for what is known.
enum MergeDecision: Sendable, Hashable {
    /// Nothing known matches: a new fact.
    case new
    /// Another report of a known fact; `refined` fills in what it adds (a rate, a more precise date). No alert.
    case corroborates(StoredFact, refined: FactValue)
    /// A newer report changes rate, date or status of a known fact.
    case changes(StoredFact, to: FactValue)
    /// An older report disagrees with a known fact: kept beside it, not overwriting it.
    case conflicts(StoredFact)
}

/// The merge rules. Pure: the store looks up candidates by `bucket` and applies the decision.
///
/// - Tariffs alertable (not historical, not aggregate) are compared per imposer and target. A report
///   on the same products with compatible values (same rate or one unknown, dates equal or one inside
///   the other or one unknown, status in the same stage) corroborates; with other values it changes the fact when
///   it is at least as new, else conflicts. A compatible report on overlapping products (or where one
///   side names no products, meaning all goods) also corroborates rather than becoming a second alert.
///   A report missing one party (`US` on `?`) corroborates the one known fact it fits on the other
///   parties' side, in either order; it never changes one, and fitting two facts it stands alone.
/// - A conflict (an older, disagreeing report) alerts only when no source of the fact ever stated a
///   compatible value: an old article telling the state before a change is history, not news.
/// - Historical rates and aggregates are records: the same rate and status corroborates, else a new record.
/// - Deadlines are compared per kind: dates where one lies inside the other, the coarser spanning a
///   week at most, are the same deadline (refined to the more precise date) when they are the same day or
///   their subjects share a word; a week is never a bucket for every event in it. A newer report of a
///   deadline with the same subject and another date changes it.
enum FactMerger {
    /// The group of facts an observation can merge with.
    static func bucket(of observation: Observation) -> String {
        switch observation.value {
        case .tariff(let t):
            let parties = "\(t.imposer ?? "?"):\(t.target ?? "?")"
            if observation.alertable { return "tariff:\(parties)" }
            return "tariff-record:\(parties):\(t.status.rawValue):\(t.aggregate)"
        case .deadline(let d):
            // Upcoming deadlines share a bucket whether they alert or were folded into a tariff,
            // so a later mention of a folded date corroborates it instead of alerting.
            return observation.isPast ? "deadline-past:\(d.kind.rawValue)" : "deadline:\(d.kind.rawValue)"
        }
    }

    /// Which buckets a tariff bucket's facts with one party missing may sit in.
    enum PartyBuckets: Sendable, Hashable {
        /// This one bucket.
        case exactly(String)
        /// Every alertable bucket of this imposer (`tariff:US:…`).
        case imposedBy(String)
        /// Every alertable bucket of this target (`tariff:…:CN`).
        case targeting(String)
    }

    /// The buckets whose facts may be the same move told with one party missing: `US` on `?` and `US`
    /// on `CN` are one threat when everything else agrees.
    static func partyBuckets(of observation: Observation) -> [PartyBuckets] {
        guard observation.alertable, case .tariff(let t) = observation.value else { return [] }
        switch (t.imposer, t.target) {
        case (let imposer?, let target?): return [.exactly("tariff:\(imposer):?"), .exactly("tariff:?:\(target)")]
        case (let imposer?, nil): return [.imposedBy(imposer)]
        case (nil, let target?): return [.targeting(target)]
        case (nil, nil): return []
        }
    }

    /// - Parameter partyCandidates: facts from `partyBuckets`, compared only for corroboration:
    ///   a report missing a party never changes or contradicts a fact about named parties.
    static func decide(
        _ observation: Observation, referenceDate: CalendarDate, candidates: [StoredFact], partyCandidates: [StoredFact] = []
    ) -> MergeDecision {
        switch observation.value {
        case .tariff(let tariff):
            return observation.alertable
                ? decideTariff(tariff, referenceDate: referenceDate, candidates: candidates, partyCandidates: partyCandidates)
                : decideRecord(tariff, candidates: candidates)
        case .deadline(let deadline):
            return decideDeadline(deadline, referenceDate: referenceDate, candidates: candidates)
        }
    }

    /// A stable identity for a new fact: the same in every installation for the same first report.
    static func identity(of observation: Observation) -> String {
        let key: String
        switch observation.value {
        case .tariff(let t):
            key = "tariff|\(t.imposer ?? "")|\(t.target ?? "")|\(productKey(t.products))|\(observation.alertable ? "" : "\(t.status.rawValue)|\(t.ratePct.map { "\($0)" } ?? "")|\(t.aggregate)")"
        case .deadline(let d):
            key = "deadline|\(d.kind.rawValue)|\(d.date.iso)|\(d.endDate?.iso ?? "")"
        }
        return StableHash.hex(key)
    }

    // MARK: Tariffs

    private static func decideTariff(
        _ new: TariffFact, referenceDate: CalendarDate, candidates: [StoredFact], partyCandidates: [StoredFact]
    ) -> MergeDecision {
        let facts = candidates.compactMap { fact -> (StoredFact, TariffFact)? in
            if case .tariff(let t) = fact.value { return (fact, t) }
            return nil
        }
        let scope = productKey(new.products)
        for (fact, known) in facts where productKey(known.products) == scope {
            if compatible(known, new) { return .corroborates(fact, refined: .tariff(refine(known, with: new))) }
            if referenceDate >= fact.latestReferenceDate { return .changes(fact, to: .tariff(apply(new, over: known))) }
            return .conflicts(fact)
        }
        for (fact, known) in facts where compatible(known, new) && productsOverlap(known.products, new.products) {
            return .corroborates(fact, refined: .tariff(refine(known, with: new)))
        }
        // One party missing on either side: the same move only when exactly one known fact fits;
        // two fitting facts (US on CN and on MX at 25%) leave it ambiguous, so it stands alone.
        let fitting = partyCandidates.compactMap { fact -> (StoredFact, TariffFact)? in
            guard case .tariff(let known) = fact.value, compatible(known, new), productsOverlap(known.products, new.products)
            else { return nil }
            return (fact, known)
        }
        if fitting.count == 1, let (fact, known) = fitting.first {
            return .corroborates(fact, refined: .tariff(refine(known, with: new)))
        }
        return .new
    }

    private static func decideRecord(_ new: TariffFact, candidates: [StoredFact]) -> MergeDecision {
        for fact in candidates {
            guard case .tariff(let known) = fact.value else { continue }
            if known.ratePct == new.ratePct && productsOverlap(known.products, new.products) {
                return .corroborates(fact, refined: .tariff(refine(known, with: new)))
            }
        }
        return .new
    }

    /// Two statements that say the same thing in the merge rules' sense (compatible values).
    static func agree(_ a: FactValue, _ b: FactValue) -> Bool {
        switch (a, b) {
        case (.tariff(let x), .tariff(let y)): compatible(x, y)
        case (.deadline(let x), .deadline(let y)): x.kind == y.kind && sameDeadline(x, y)
        default: false
        }
    }

    static func compatible(_ a: TariffFact, _ b: TariffFact) -> Bool {
        guard a.status.stage == b.status.stage else { return false }
        if let x = a.ratePct, let y = b.ratePct, x != y { return false }
        if let x = a.effectiveDate, let y = b.effectiveDate, !x.contains(y) && !y.contains(x) { return false }
        return true
    }

    /// `known` with what `new` adds: a rate where none was known, a more precise date, firmer wording.
    private static func refine(_ known: TariffFact, with new: TariffFact) -> TariffFact {
        var refined = known
        refined.ratePct = known.ratePct ?? new.ratePct
        refined.previousRatePct = known.previousRatePct ?? new.previousRatePct
        refined.effectiveDate = morePrecise(known.effectiveDate, new.effectiveDate)
        // Products are kept as first reported: no products means all goods, which a report naming
        // one product must not narrow.
        refined.additional = known.additional || new.additional
        if new.status.certainty > known.status.certainty { refined.status = new.status }
        if refined.direction == .unknown { refined.direction = new.direction }
        return refined
    }

    /// The newer report's values where it gives them, the known ones where it is silent.
    private static func apply(_ new: TariffFact, over known: TariffFact) -> TariffFact {
        var changed = new
        changed.ratePct = new.ratePct ?? known.ratePct
        changed.effectiveDate = new.effectiveDate ?? known.effectiveDate
        if changed.products.isEmpty { changed.products = known.products }
        if changed.previousRatePct == nil, let old = known.ratePct, old != changed.ratePct { changed.previousRatePct = old }
        if changed.direction == .unknown, let old = known.ratePct, let rate = changed.ratePct, old != rate {
            changed.direction = rate > old ? .increase : .decrease
        }
        return changed
    }

    static func productKey(_ products: [String]) -> String {
        Set(products.flatMap(productWords)).sorted().joined(separator: " ")
    }

    /// One side naming no products means all goods, which overlaps everything.
    private static func productsOverlap(_ a: [String], _ b: [String]) -> Bool {
        if a.isEmpty || b.isEmpty { return true }
        return !Set(a.flatMap(productWords)).isDisjoint(with: b.flatMap(productWords))
    }

    /// Content words of a product phrase, lower-cased and crudely singular: `autos` and `auto` match.
    private static func productWords(_ phrase: String) -> [String] {
        phrase.lowercased().split { !$0.isLetter && !$0.isNumber }.compactMap { word in
            guard word.count > 2, !["and", "the", "for", "other", "all"].contains(word) else { return nil }
            return word.hasSuffix("s") && word.count > 3 ? String(word.dropLast()) : String(word)
        }
    }

    // MARK: Deadlines

    private static func decideDeadline(_ new: DeadlineFact, referenceDate: CalendarDate, candidates: [StoredFact]) -> MergeDecision {
        let facts = candidates.compactMap { fact -> (StoredFact, DeadlineFact)? in
            if case .deadline(let d) = fact.value { return (fact, d) }
            return nil
        }
        for (fact, known) in facts where sameDeadline(known, new) {
            let refined = known.span.count <= new.span.count ? known : DeadlineFact(
                date: new.date, endDate: new.endDate, kind: known.kind, subject: known.subject.isEmpty ? new.subject : known.subject)
            return .corroborates(fact, refined: .deadline(refined))
        }
        for (fact, known) in facts where referenceDate >= fact.latestReferenceDate && sameSubject(known.subject, new.subject) {
            return .changes(fact, to: .deadline(new))
        }
        return .new
    }

    private static func sameDeadline(_ a: DeadlineFact, _ b: DeadlineFact) -> Bool {
        let (x, y) = (a.span, b.span)
        let contained = (x.lowerBound <= y.lowerBound && y.upperBound <= x.upperBound)
            || (y.lowerBound <= x.lowerBound && x.upperBound <= y.upperBound)
        guard contained, max(x.count, y.count) <= 7 else { return false }
        // a week holds several events: `the summit later this week` does not swallow `talks on Saturday`; a
        // vaguer date is the same deadline only when the subjects share a word (`trade talks` and `talks`)
        guard x.count != y.count, !a.subject.isEmpty, !b.subject.isEmpty else { return true }
        return !Set(productWords(a.subject)).isDisjoint(with: productWords(b.subject))
    }

    /// The content words `sameSubject` compares (`DeadlineIndex` keeps each deadline fact's).
    static func subjectWords(_ subject: String) -> Set<String> { Set(productWords(subject)) }

    /// Two subjects name the same event when most of their content words are shared.
    private static func sameSubject(_ a: String, _ b: String) -> Bool {
        let x = subjectWords(a)
        let y = subjectWords(b)
        let shared = x.intersection(y).count
        return shared >= 2 && Double(shared) / Double(x.union(y).count) >= 0.6
    }

    private static func morePrecise(_ a: TemporalValue?, _ b: TemporalValue?) -> TemporalValue? {
        guard let a else { return b }
        guard let b else { return a }
        return b.dayCount < a.dayCount ? b : a
    }
}

extension TariffStatus {
    /// Outlets word the same plan as a threat, a proposal or an announcement; only a move between
    /// stages (planned → in force → paused → lifted) is a change worth an alert.
    var stage: Int {
        switch self {
        case .threatened, .proposed, .announced: 0
        case .imposed, .inEffect: 1
        case .paused: 2
        case .lifted: 3
        case .historical: 4
        }
    }

    /// Within a stage, the firmer wording wins when reports are merged.
    var certainty: Int {
        switch self {
        case .threatened: 0
        case .proposed: 1
        case .announced: 2
        case .imposed: 3
        case .inEffect: 4
        default: 0
        }
    }
}

extension ClosedRange where Bound == CalendarDate {
    var count: Int { upperBound.daysSinceEpoch - lowerBound.daysSinceEpoch + 1 }
}
