public import TariffExtraction

/// Watch lists that narrow what alerts. Every fact is stored whatever the policy says.
public struct AlertPolicy: Sendable, Hashable {
    /// ISO codes; a tariff alerts only when its imposer or target is one of them. Empty: all.
    public var countries: Set<String>
    /// Product words; a tariff alerts only when it covers all goods or names one of them. Empty: all.
    public var products: [String]
    /// A changed rate alerts only when it moves by at least this many percentage points.
    public var minimumRateChange: Double
    /// Deadline kinds that alert; nil: all kinds.
    public var deadlineKinds: Set<DeadlineKind>?
    /// Whether a tariff whose imposer the article never made clear alerts (it is stored either way):
    /// off by default, since "someone put 25% on Chinese steel" is not something an analyst can act on.
    public var unknownImposers: Bool
    /// Tariffs whose parties the extractor inferred with less confidence than this (0...1) are stored
    /// but do not alert. Sides read from the sentence have 1, from another clause or the sentence before
    /// 0.6 to 0.8, from the article's frame (the party it is about) 0.4. Default 0: all alert.
    public var minimumConfidence: Double

    public init(
        countries: [String] = [], products: [String] = [], minimumRateChange: Double = 0,
        deadlineKinds: Set<DeadlineKind>? = nil, unknownImposers: Bool = false, minimumConfidence: Double = 0
    ) {
        self.unknownImposers = unknownImposers
        self.minimumConfidence = minimumConfidence
        self.countries = Set(countries.map { $0.uppercased() })
        self.products = products.map { $0.lowercased() }
        self.minimumRateChange = minimumRateChange
        self.deadlineKinds = deadlineKinds
    }

    /// Does a deadline fact's kind pass the watch list?
    func admits(_ deadline: DeadlineFact) -> Bool {
        deadlineKinds.map { $0.contains(deadline.kind) } ?? true
    }

    /// Does a new tariff fact pass the watch lists?
    func admits(_ tariff: TariffFact) -> Bool {
        if tariff.imposer == nil && !unknownImposers { return false }
        if !countries.isEmpty {
            guard [tariff.imposer, tariff.target].contains(where: { $0.map(countries.contains) ?? false }) else { return false }
        }
        if !products.isEmpty && !tariff.products.isEmpty {
            let named = tariff.products.map { $0.lowercased() }
            guard products.contains(where: { watched in named.contains { $0.contains(watched) } }) else { return false }
        }
        return true
    }

    /// Are the parties of what an article states sure enough to alert?
    func admits(confidence: Double) -> Bool { confidence >= minimumConfidence }

    /// Does a change from `old` to `new` pass the watch lists and the minimum rate move?
    func admits(change new: TariffFact, from old: TariffFact) -> Bool {
        guard admits(new) else { return false }
        if new.status == old.status && new.effectiveDate == old.effectiveDate, let a = new.ratePct, let b = old.ratePct {
            return abs(a - b) >= minimumRateChange
        }
        return true
    }
}
