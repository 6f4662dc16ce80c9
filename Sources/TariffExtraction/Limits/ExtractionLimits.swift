/// Hard bounds on what one document may cost the extractor, so that a hostile file cannot stall or
/// exhaust the daemon: dropped text is untrusted input.
///
/// The engine's loops are linear (or n log n) in the sentence; these bounds are the backstop. Long
/// sentences are read in pieces (always, also without a budget, so results never depend on load);
/// past the document budget extraction stops with `ExtractionTooComplex`.
public struct ExtractionLimits: Sendable, Equatable {
    /// A sentence with more tokens is read as consecutive pieces of at most this many. No sentence of
    /// real news comes near (the longest in our evaluation sets has about 220 words).
    public var maxSentenceTokens: Int
    /// A fact's `sentence` (its evidence) is clipped to a window around the fact when the sentence is
    /// longer than this many bytes, so a long list of facts cannot copy its sentence once per fact.
    public var maxEvidenceBytes: Int
    /// Temporal expressions, tariff candidates and facts one document may produce: the memory bound.
    public var maxCandidates: Int
    /// Tokens the extractor may read in one document, summed over its stages: the work bound.
    public var maxWorkUnits: Int
    /// Wall-clock time for one document, checked between sentences; nil for none. Work and candidates
    /// are deterministic; time is the guard against what they do not count.
    public var maxDuration: Duration?

    public init(
        maxSentenceTokens: Int = 2_000, maxEvidenceBytes: Int = 4_096, maxCandidates: Int = 100_000,
        maxWorkUnits: Int = 20_000_000, maxDuration: Duration? = .seconds(10)
    ) {
        self.maxSentenceTokens = maxSentenceTokens
        self.maxEvidenceBytes = maxEvidenceBytes
        self.maxCandidates = maxCandidates
        self.maxWorkUnits = maxWorkUnits
        self.maxDuration = maxDuration
    }

    /// The daemon's defaults. Articles are a few KB; 100,000 candidates is about 3 MB of text in which
    /// every sentence holds a date and a rate (some 120 MB of memory), and 20 million tokens 80 MB of text.
    public static let standard = ExtractionLimits()

    /// Sentence pieces and evidence windows as usual, but no document budget: for trusted text and
    /// for measuring the engine itself.
    public static let unbudgeted = ExtractionLimits(
        maxCandidates: .max, maxWorkUnits: .max, maxDuration: nil)
}

/// Extraction gave up on a document that would cost more than its `ExtractionLimits` allow.
public struct ExtractionTooComplex: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which bound was reached.
    public enum Bound: String, Sendable, Equatable {
        case candidates, work, time
    }

    public var bound: Bound
    /// What was counted when extraction stopped, and the limit.
    public var used: Int
    public var limit: Int

    public var description: String {
        switch bound {
        case .candidates:
            "too complex: over \(limit) dates, rates and facts in one document (memory bound)"
        case .work:
            "too complex: over \(limit) tokens to read in one document (work bound)"
        case .time:
            "too complex: extraction took over \(limit) ms (time bound)"
        }
    }
}

/// Something the extractor did to stay within its limits that the caller may want to log.
public struct ExtractionNote: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Scalar offset of the sentence the note is about.
    public var start: Int
    public var message: String

    public var description: String { "at character \(start): \(message)" }
}
