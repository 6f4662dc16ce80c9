/// Where a tariff measure stands, as the text tells it relative to the reference date.
public enum TariffStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case threatened, proposed, announced, imposed
    case inEffect = "in_effect"
    case paused, lifted, historical
}

/// Which way a rate moves.
public enum TariffDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case increase, decrease, unknown
}

/// One tariff move: who imposes what on whom, at what rate, from when.
public struct TariffChange: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-2 code (`EU` for the European Union), or nil when the text does not say.
    public var imposer: String?
    public var target: String?
    /// Product scope as written (`rare earth minerals`); empty means all goods / unspecified.
    public var products: [String]
    public var ratePct: Double?
    public var previousRatePct: Double?
    /// The lower bound when the text gives a range (`between 10% and 41%`: rate 41, minimum 10), else nil.
    public var minimumRatePct: Double?
    /// `additional 100%`: on top of existing duties.
    public var additional: Bool
    /// The rate is an overall level (`the average levy`, `total tariffs of 55%`), not one measure:
    /// stored as a fact but not alerted on.
    public var aggregate: Bool
    public var direction: TariffDirection
    public var status: TariffStatus
    /// Linked from the deadline extractor (`starting November 1`), or nil.
    public var effectiveDate: TemporalValue?
    /// 0...1: lower when a side was inferred from context rather than read from the sentence.
    public var confidence: Double
    public var text: String
    public var sentence: String
    /// Offsets of `text` in the document, in Unicode scalars.
    public var start: Int
    public var end: Int
    /// The rate's own words say it is the one in force (`the existing 6.1% duty`, `will keep its 25% tariff`): no start
    /// date stated for another measure of the article is its own, nor changes its status. Not encoded.
    public internal(set) var namedInForce = false

    enum CodingKeys: String, CodingKey {
        case imposer, target, products, ratePct = "rate_pct", previousRatePct = "previous_rate_pct",
            minimumRatePct = "min_rate_pct", additional, aggregate,
            direction, status, effectiveDate = "effective_date", confidence, text, sentence, start, end
    }
}

// The initializers are declared here, not in the type, which so keeps its memberwise `init` (every property, in
// order): the sentence reader builds its changes with that one. A change set field by field in an `init` of the
// type's own was built in a local and then copied to where it was returned (a retain of each string and of the
// products), and the local destroyed (their release), once per change.
extension TariffChange {
    public init(
        imposer: String?, target: String?, products: [String] = [], ratePct: Double?, previousRatePct: Double? = nil,
        additional: Bool = false, direction: TariffDirection = .unknown, status: TariffStatus,
        effectiveDate: TemporalValue? = nil, confidence: Double = 1, text: String, sentence: String, start: Int, end: Int,
        minimumRatePct: Double? = nil, aggregate: Bool = false
    ) {
        self.init(
            imposer: imposer, target: target, products: products, ratePct: ratePct, previousRatePct: previousRatePct,
            minimumRatePct: minimumRatePct, additional: additional, aggregate: aggregate, direction: direction, status: status,
            effectiveDate: effectiveDate, confidence: confidence, text: text, sentence: sentence, start: start, end: end)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        imposer = try c.decodeIfPresent(String.self, forKey: .imposer)
        target = try c.decodeIfPresent(String.self, forKey: .target)
        products = try c.decodeIfPresent([String].self, forKey: .products) ?? []
        ratePct = try c.decodeIfPresent(Double.self, forKey: .ratePct)
        previousRatePct = try c.decodeIfPresent(Double.self, forKey: .previousRatePct)
        minimumRatePct = try c.decodeIfPresent(Double.self, forKey: .minimumRatePct)
        additional = try c.decodeIfPresent(Bool.self, forKey: .additional) ?? false
        aggregate = try c.decodeIfPresent(Bool.self, forKey: .aggregate) ?? false
        direction = try c.decodeIfPresent(TariffDirection.self, forKey: .direction) ?? .unknown
        status = try c.decode(TariffStatus.self, forKey: .status)
        effectiveDate = try c.decodeIfPresent(TemporalValue.self, forKey: .effectiveDate)
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 1
        text = try c.decode(String.self, forKey: .text)
        sentence = try c.decode(String.self, forKey: .sentence)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // Every contract key is written, null included: other tools read these names.
        try c.encode(imposer, forKey: .imposer)
        try c.encode(target, forKey: .target)
        try c.encode(products, forKey: .products)
        try c.encode(ratePct, forKey: .ratePct)
        try c.encode(previousRatePct, forKey: .previousRatePct)
        try c.encode(minimumRatePct, forKey: .minimumRatePct)
        try c.encode(additional, forKey: .additional)
        try c.encode(aggregate, forKey: .aggregate)
        try c.encode(direction, forKey: .direction)
        try c.encode(status, forKey: .status)
        try c.encode(effectiveDate, forKey: .effectiveDate)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(text, forKey: .text)
        try SentenceTable.encode(sentence, forKey: .sentence, in: &c, of: encoder)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}
