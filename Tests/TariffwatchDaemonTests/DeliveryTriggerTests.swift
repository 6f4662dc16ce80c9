import Testing

@testable import TariffwatchDaemon

/// The delivery loop's wake-ups: signals coalesce while it is busy, a timeout only when asked for.
@Suite struct DeliveryTriggerTests {
    @Test func signalsDuringADeliveryCoalesceIntoOneWakeUp() async {
        let trigger = DeliveryTrigger()
        for _ in 0..<100 { trigger.signal() }
        #expect(await trigger.wait(timeout: .milliseconds(50)) == .signalled)
        // The hundred signals were one: the next wait runs into its timeout.
        #expect(await trigger.wait(timeout: .milliseconds(50)) == .timedOut)
    }

    @Test func aWaitingLoopWakesAtOnceOnASignal() async {
        let trigger = DeliveryTrigger()
        let start = ContinuousClock.now
        async let wake = trigger.wait(timeout: nil)
        try? await Task.sleep(for: .milliseconds(20))
        trigger.signal()
        #expect(await wake == .signalled)
        #expect(start.duration(to: .now) < .seconds(5))
    }

    @Test func aTimeoutEndsTheWaitWithoutASignal() async {
        let trigger = DeliveryTrigger()
        let start = ContinuousClock.now
        #expect(await trigger.wait(timeout: .milliseconds(100)) == .timedOut)
        #expect(start.duration(to: .now) >= .milliseconds(100))
    }

    @Test func finishingWakesTheWaiterForItsLastDelivery() async {
        let trigger = DeliveryTrigger()
        async let wake = trigger.wait(timeout: nil)
        try? await Task.sleep(for: .milliseconds(20))
        trigger.finish()
        #expect(await wake == .finished)
        #expect(await trigger.wait(timeout: nil) == .finished)
    }

    @Test func theBackoffDoublesFromOneSecondToAMinute() {
        var backoff = RetryBackoff()
        let pauses = (0..<9).map { _ in backoff.next() }
        #expect(pauses == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
        backoff.reset()
        #expect(backoff.next() == .seconds(1))
    }
}
