import Testing

@testable import TariffwatchDaemon

/// `Pause`: `Task.sleep` on an event loop's timer, with the same cancellation.
@Suite struct PauseTests {
    @Test(arguments: [Duration.milliseconds(30), .milliseconds(120)])
    func pausesAtLeastTheDuration(_ duration: Duration) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        try await Pause.sleep(for: duration)
        #expect(clock.now - started >= duration)
    }

    @Test func cancellationEndsItAtOnceWithCancellationError() async {
        let clock = ContinuousClock()
        let started = clock.now
        let pause = Task { try await Pause.sleep(for: .seconds(300)) }
        try? await Task.sleep(for: .milliseconds(20))
        pause.cancel()
        await #expect(throws: CancellationError.self) { try await pause.value }
        // Well short of the pause's 300 s: cancelled, it did not wait the pause out. A pool starved by the other
        // suites of a parallel run has taken 14 s, and once 45 s, to run the cancellation: so no tighter bound.
        #expect(clock.now - started < .seconds(150))
    }

    @Test(arguments: [Duration.zero, .seconds(-1)])
    func nothingToWaitForReturnsAtOnceUnlessCancelled(_ duration: Duration) async throws {
        try await Pause.sleep(for: duration)
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await Pause.sleep(for: duration)
        }
        await #expect(throws: CancellationError.self) { try await cancelled.value }
    }
}
