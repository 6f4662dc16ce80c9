/// Tells the watchdog whether the ingest loop is alive: idle (waiting for files) or busy for a
/// short while is healthy; stuck on one file for longer than the watchdog interval is not.
public actor Heartbeat {
    private var busySince: ContinuousClock.Instant?

    public init() {}

    func busy() { busySince = .now }
    func idle() { busySince = nil }

    /// True unless one piece of work has run longer than `limit`.
    func isHealthy(limit: Duration) -> Bool {
        guard let busySince else { return true }
        return busySince.duration(to: .now) < limit
    }
}
