/// TimeML's TIMEX3 types.
public enum TimexType: String, Sendable, Hashable, Codable {
    case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
}

/// One temporal expression with its TIMEX3 value (`2025-11-01`, `2025-W44`, `PRESENT_REF`, `P90D`, …).
public struct Timex: Sendable, Hashable, Codable {
    public var text: String
    /// Offsets in Unicode scalars.
    public var start: Int
    public var end: Int
    public var type: TimexType
    public var value: String

    public init(text: String, start: Int, end: Int, type: TimexType, value: String) {
        self.text = text
        self.start = start
        self.end = end
        self.type = type
        self.value = value
    }
}

/// Everything the engine found in one document.
public struct Extraction: Sendable, Hashable, Codable {
    public var deadlines: [Deadline]
    public var tariffChanges: [TariffChange]
    /// What the engine did to stay within its limits (long sentences read in pieces): worth a log line,
    /// not part of the facts, so not encoded.
    public var notes: [ExtractionNote] = []

    public init(deadlines: [Deadline] = [], tariffChanges: [TariffChange] = [], notes: [ExtractionNote] = []) {
        self.deadlines = deadlines
        self.tariffChanges = tariffChanges
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case deadlines, tariffChanges = "tariff_changes"
    }
}
