public import TariffExtraction

/// What is known about a deadline, as stored, alerted and shown in the feed.
public struct DeadlineFact: Sendable, Codable, Hashable {
    public var date: TemporalValue
    public var endDate: TemporalValue?
    public var kind: DeadlineKind
    public var subject: String

    public init(date: TemporalValue, endDate: TemporalValue? = nil, kind: DeadlineKind, subject: String) {
        self.date = date
        self.endDate = endDate
        self.kind = kind
        self.subject = subject
    }

    enum CodingKeys: String, CodingKey {
        case date, endDate = "end_date", kind, subject
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(kind, forKey: .kind)
        try c.encode(subject, forKey: .subject)
    }

    /// The first and last day covered: a range's end, else the date's own last day.
    var span: ClosedRange<CalendarDate> { date.firstDay...(endDate?.lastDay ?? date.lastDay) }
}

/// What is known about one tariff measure.
public struct TariffFact: Sendable, Codable, Hashable {
    public var imposer: String?
    public var target: String?
    public var products: [String]
    public var ratePct: Double?
    public var previousRatePct: Double?
    public var additional: Bool
    public var aggregate: Bool
    public var direction: TariffDirection
    public var status: TariffStatus
    public var effectiveDate: TemporalValue?

    public init(
        imposer: String?, target: String?, products: [String] = [], ratePct: Double?, previousRatePct: Double? = nil,
        additional: Bool = false, aggregate: Bool = false, direction: TariffDirection = .unknown, status: TariffStatus,
        effectiveDate: TemporalValue? = nil
    ) {
        self.imposer = imposer
        self.target = target
        self.products = products
        self.ratePct = ratePct
        self.previousRatePct = previousRatePct
        self.additional = additional
        self.aggregate = aggregate
        self.direction = direction
        self.status = status
        self.effectiveDate = effectiveDate
    }

    public init(_ change: TariffChange) {
        self.init(
            imposer: change.imposer, target: change.target, products: change.products, ratePct: change.ratePct,
            previousRatePct: change.previousRatePct, additional: change.additional, aggregate: change.aggregate,
            direction: change.direction, status: change.status, effectiveDate: change.effectiveDate)
    }

    enum CodingKeys: String, CodingKey {
        case imposer, target, products, ratePct = "rate_pct", previousRatePct = "previous_rate_pct", additional,
            aggregate, direction, status, effectiveDate = "effective_date"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(imposer, forKey: .imposer)
        try c.encode(target, forKey: .target)
        try c.encode(products, forKey: .products)
        try c.encode(ratePct, forKey: .ratePct)
        try c.encode(previousRatePct, forKey: .previousRatePct)
        try c.encode(additional, forKey: .additional)
        try c.encode(aggregate, forKey: .aggregate)
        try c.encode(direction, forKey: .direction)
        try c.encode(status, forKey: .status)
        try c.encode(effectiveDate, forKey: .effectiveDate)
    }
}

/// A deadline or a tariff measure: encoded as `{"deadline": {…}}` or `{"tariff": {…}}`.
public enum FactValue: Sendable, Codable, Hashable {
    case deadline(DeadlineFact)
    case tariff(TariffFact)

    enum CodingKeys: String, CodingKey {
        case deadline, tariff
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let deadline = try c.decodeIfPresent(DeadlineFact.self, forKey: .deadline) {
            self = .deadline(deadline)
        } else {
            self = .tariff(try c.decode(TariffFact.self, forKey: .tariff))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .deadline(let deadline): try c.encode(deadline, forKey: .deadline)
        case .tariff(let tariff): try c.encode(tariff, forKey: .tariff)
        }
    }
}
