/// One document's running account against its `ExtractionLimits`.
///
/// A class so every stage charges the same account without threading `inout` through their
/// signatures; it lives for one `extract` call on one thread. Stages call `charge` once per sentence
/// and stop their loop when it says the budget is spent; `Extractor` then throws what was exceeded.
final class WorkBudget {
    private let limits: ExtractionLimits
    private let clock = ContinuousClock()
    /// nil without a time bound: the clock is not read at all then.
    private let started: ContinuousClock.Instant?
    private var work = 0
    private var candidates = 0
    /// Charges since the clock was last read: reading it per sentence would cost a few percent.
    private var sinceClock = 0
    private(set) var exceeded: ExtractionTooComplex?

    init(_ limits: ExtractionLimits) {
        self.limits = limits
        started = limits.maxDuration == nil ? nil : clock.now
    }

    /// No budget at all: what the stages use when called without one (tests, `timexes(in:)`).
    static var unlimited: WorkBudget { WorkBudget(.unbudgeted) }

    /// Counts `tokens` read and `found` candidates kept; true when the budget is spent and the caller
    /// must stop.
    @inline(__always)
    func charge(tokens: Int, found: Int = 0) -> Bool {
        work &+= tokens
        candidates &+= found
        sinceClock &+= tokens &+ 1
        if work > limits.maxWorkUnits || candidates > limits.maxCandidates || sinceClock >= 4_096 {
            return check()
        }
        return exceeded != nil
    }

    private func check() -> Bool {
        if exceeded != nil { return true }
        sinceClock = 0
        if work > limits.maxWorkUnits {
            exceeded = ExtractionTooComplex(bound: .work, used: work, limit: limits.maxWorkUnits)
        } else if candidates > limits.maxCandidates {
            exceeded = ExtractionTooComplex(bound: .candidates, used: candidates, limit: limits.maxCandidates)
        } else if let maxDuration = limits.maxDuration, let started {
            let elapsed = clock.now - started
            if elapsed > maxDuration {
                exceeded = ExtractionTooComplex(bound: .time, used: Self.milliseconds(elapsed), limit: Self.milliseconds(maxDuration))
            }
        }
        return exceeded != nil
    }

    /// Throws what was exceeded, if anything; stages only stop, the caller reports.
    func verify() throws(ExtractionTooComplex) {
        _ = check()
        if let exceeded { throw exceeded }
    }

    private static func milliseconds(_ d: Duration) -> Int {
        let (seconds, attoseconds) = d.components
        return Int(clamping: seconds) &* 1_000 &+ Int(attoseconds / 1_000_000_000_000_000)
    }
}
