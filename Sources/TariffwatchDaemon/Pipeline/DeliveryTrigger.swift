/// Wakes the delivery service after files were processed; signals coalesce while it is busy,
/// so a burst of 20,000 files causes a few feed rewrites, not 20,000.
public struct DeliveryTrigger: Sendable {
    let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a delivery soon.
    public func signal() {
        continuation.yield()
    }

    /// Ends the signal stream: the delivery service flushes once more and returns.
    func finish() {
        continuation.finish()
    }
}
