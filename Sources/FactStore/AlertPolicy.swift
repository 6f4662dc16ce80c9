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

    public init(
        countries: [String] = [], products: [String] = [], minimumRateChange: Double = 0,
        deadlineKinds: Set<DeadlineKind>? = nil
    ) {
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
        if !countries.isEmpty {
            guard [tariff.imposer, tariff.target].contains(where: { $0.map(countries.contains) ?? false }) else { return false }
        }
        if !products.isEmpty && !tariff.products.isEmpty {
            let named = tariff.products.map { $0.lowercased() }
            guard products.contains(where: { watched in named.contains { $0.contains(watched) } }) else { return false }
        }
        return true
    }

    /// Does a change from `old` to `new` pass the watch lists and the minimum rate move?
    func admits(change new: TariffFact, from old: TariffFact) -> Bool {
        guard admits(new) else { return false }
        if new.status == old.status && new.effectiveDate == old.effectiveDate, let a = new.ratePct, let b = old.ratePct {
            return abs(a - b) >= minimumRateChange
        }
        return true
    }
}
