import Foundation
import ServiceLifecycle

/// The loop of a service that acts when something falls due (reminders, archive retention): look, arm one timer
/// for the next due time, sleep until it fires or `wake` is signalled, look again. No polling: with nothing due
/// there is no timer at all, so an idle daemon does not wake up.
enum DueTimerLoop {
    /// Runs a service's loop until graceful shutdown, which finishes `wake` (the pending look completes first).
    /// - Parameters:
    ///   - settle: quiet time after a wake-up before looking, so a burst of signals costs one look.
    ///   - look: does what is due now; returns when to look next (nil: nothing scheduled).
    static func run(wake: WakeChannel, clock: any ReminderClock, settle: Duration, look: () async -> Date?) async {
        await withGracefulShutdownHandler {
            await loop(wake: wake, clock: clock, settle: settle, look: look)
        } onGracefulShutdown: {
            wake.finish()
        }
    }

    /// Runs until `wake` is finished.
    private static func loop(wake: WakeChannel, clock: any ReminderClock, settle: Duration, look: () async -> Date?) async {
        await withThrowingTaskGroup(of: Void.self) { timers in
            var armed: Date?
            while !Task.isCancelled {
                let next = await look()
                // One timer: a later due time is armed when the earlier one fires.
                if let next, armed.map({ next < $0 }) ?? true {
                    armed = next
                    timers.addTask {
                        try await clock.sleep(until: next)
                        wake.signal()
                    }
                }
                guard await wake.wait(timeout: nil) != .finished else { break }
                if let due = armed, clock.now() >= due { armed = nil }
                if settle > .zero { try? await Pause.sleep(for: settle) }
            }
            timers.cancelAll()
        }
    }
}
