import FactStore
import Testing

@testable import TariffwatchDaemon

/// The delivery loops' wake-ups: signals coalesce while a loop is busy, a timeout only when asked for.
@Suite struct DeliveryTriggerTests {
    @Test func aSignalWakesEverySink() async {
        let trigger = DeliveryTrigger()
        trigger.signal()
        #expect(await trigger.wait(for: .journal, timeout: .milliseconds(50)) == .signalled)
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(50)) == .signalled)
        #expect(!trigger.isSignalled(for: .feed))
    }

    @Test func signalsDuringADeliveryCoalesceIntoOneWakeUp() async {
        let trigger = WakeChannel()
        for _ in 0..<100 { trigger.signal() }
        #expect(await trigger.wait(timeout: .milliseconds(50)) == .signalled)
        // The hundred signals were one: the next wait runs into its timeout.
        #expect(await trigger.wait(timeout: .milliseconds(50)) == .timedOut)
    }

    @Test func aWaitingLoopWakesAtOnceOnASignal() async {
        let trigger = WakeChannel()
        // No timeout: only the signal can end this wait.
        async let wake = trigger.wait(timeout: nil)
        try? await Task.sleep(for: .milliseconds(20))
        trigger.signal()
        #expect(await wake == .signalled)
    }

    @Test func aTimeoutEndsTheWaitWithoutASignal() async {
        let trigger = WakeChannel()
        let start = ContinuousClock.now
        #expect(await trigger.wait(timeout: .milliseconds(100)) == .timedOut)
        #expect(start.duration(to: .now) >= .milliseconds(100))
    }

    @Test func finishingWakesTheWaiterForItsLastDelivery() async {
        let trigger = WakeChannel()
        async let wake = trigger.wait(timeout: nil)
        try? await Task.sleep(for: .milliseconds(20))
        trigger.finish()
        #expect(await wake == .finished)
        #expect(await trigger.wait(timeout: nil) == .finished)
    }

    /// The ingest lane published the feed: the feed's loop is told it owes only the sync, which does not count
    /// as a delivery asked for; a delivery signal, kept before or after it, wins.
    @Test func aSettleSignalIsOnlyASettleAndADeliverySignalWins() async {
        let trigger = DeliveryTrigger()
        trigger.signalFeedPublished()
        #expect(!trigger.isSignalled(for: .feed), "a settle is no delivery waiting")
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(50)) == .settleSignalled)
        #expect(await trigger.wait(for: .journal, timeout: .milliseconds(50)) == .timedOut, "the journal's loop is not woken")
        trigger.signalFeedPublished()
        trigger.signal(.feed)
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(50)) == .signalled)
        trigger.signal(.feed)
        trigger.signalFeedPublished()
        #expect(trigger.isSignalled(for: .feed))
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(50)) == .signalled, "kept over a later settle")
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(50)) == .timedOut)
    }

    /// What the ingest lane owes after a batch it delivered itself goes out only on `send`, each loop once.
    @Test func owedSignalsWaitForTheirSend() async {
        let trigger = DeliveryTrigger()
        let reminders = WakeChannel()
        let quiet = QuietSignals(trigger: trigger, reminders: reminders)
        #expect(!quiet.isOwing)
        quiet.owe(.feedSettle)
        quiet.owe(.journal)
        quiet.owe(.journal)
        quiet.owe(.reminders)
        #expect(quiet.isOwing)
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(30)) == .timedOut, "kept back")
        #expect(await reminders.wait(timeout: .milliseconds(30)) == .timedOut)
        quiet.send()
        #expect(!quiet.isOwing)
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(50)) == .settleSignalled)
        #expect(await trigger.wait(for: .journal, timeout: .milliseconds(50)) == .signalled)
        #expect(await trigger.wait(for: .journal, timeout: .milliseconds(30)) == .timedOut, "owed twice, sent once")
        #expect(await reminders.wait(timeout: .milliseconds(50)) == .signalled)
        quiet.send()
        #expect(await trigger.wait(for: .feed, timeout: .milliseconds(30)) == .timedOut, "nothing owed, nothing sent")
    }

    @Test func theBackoffDoublesFromOneSecondToAMinute() {
        var backoff = RetryBackoff()
        let pauses = (0..<9).map { _ in backoff.next() }
        #expect(pauses == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
        backoff.reset()
        #expect(backoff.next() == .seconds(1))
    }
}
