/// What kind of event a date commits to.
public enum DeadlineKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Something takes effect, starts, kicks in.
    case effective
    /// Something expires, lapses, runs until.
    case expiry
    /// Talks, summits, meetings, visits, hearings, votes.
    case meeting
    /// A due date: deadline, by, no later than, ultimatum.
    case deadline
    case other
}

/// A dated event an article commits to, resolved against the article's reference date.
public struct Deadline: Sendable, Hashable, Codable {
    /// When it happens (or starts, for a range).
    public var date: TemporalValue
    /// The last day of a range (`October 25 to 27`), else nil.
    public var endDate: TemporalValue?
    public var kind: DeadlineKind
    /// True when the date is on or after the reference date.
    public var upcoming: Bool
    /// A few words saying what is due, readable without the article.
    public var subject: String
    /// The date expression as written.
    public var text: String
    /// The whole sentence it was found in.
    public var sentence: String
    /// Offsets of `text` in the document, in Unicode scalars (Python `str` indices).
    public var start: Int
    public var end: Int

    public var granularity: Granularity { date.granularity }

    public init(
        date: TemporalValue, endDate: TemporalValue? = nil, kind: DeadlineKind, upcoming: Bool,
        subject: String, text: String, sentence: String, start: Int, end: Int
    ) {
        self.date = date
        self.endDate = endDate
        self.kind = kind
        self.upcoming = upcoming
        self.subject = subject
        self.text = text
        self.sentence = sentence
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey {
        case date, endDate = "end_date", granularity, kind, upcoming, subject, text, sentence, start, end
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(TemporalValue.self, forKey: .date)
        endDate = try c.decodeIfPresent(TemporalValue.self, forKey: .endDate)
        kind = try c.decode(DeadlineKind.self, forKey: .kind)
        upcoming = try c.decode(Bool.self, forKey: .upcoming)
        subject = try c.decode(String.self, forKey: .subject)
        text = try c.decode(String.self, forKey: .text)
        sentence = try c.decode(String.self, forKey: .sentence)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(endDate, forKey: .endDate)  // explicit null: readers rely on the key
        try c.encode(granularity, forKey: .granularity)
        try c.encode(kind, forKey: .kind)
        try c.encode(upcoming, forKey: .upcoming)
        try c.encode(subject, forKey: .subject)
        try c.encode(text, forKey: .text)
        try SentenceTable.encode(sentence, forKey: .sentence, in: &c, of: encoder)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}
