import AlertDelivery
import FactStore
import Foundation
import Logging
import ServiceLifecycle
import Systemd
import TariffExtraction

/// Delivers the outbox as soon as it has something and the previous delivery is done; retries what a
/// sink refused with a growing pause (1 s doubling to 60 s) without waiting for a new file; flushes
/// once more at shutdown.
///
/// Idle means idle: with nothing pending it waits on the trigger alone, no timer.
struct DeliveryService: Service {
    let dispatcher: AlertDispatcher
    let trigger: DeliveryTrigger
    let store: FactStore
    let heartbeat: Heartbeat
    let events: OperationalEvents
    let lane: BlockingLane
    let logger: Logger

    /// A sink that refuses alerts: when it started, and when the next timed retry is due. Deliveries a
    /// new file triggers in between try it too, but only timed retries lengthen the pause, so a burst
    /// of files during an outage does not push the retry a minute away.
    private struct Outage {
        var since = ContinuousClock.now
        var backoff = RetryBackoff()
        var retryAt = ContinuousClock.now
    }

    func run() async throws {
        var outages = [AlertSink: Outage]()
        var finishing = false
        var statusOwed = false
        var lastStatus = ContinuousClock.now - .seconds(1)
        while true {
            // Alerts left pending by a crash are delivered first (and the feed file is created).
            let report = await deliver()
            if finishing { break }
            let now = ContinuousClock.now
            for sink in AlertSink.allCases {
                if let reason = report.failures[sink] {
                    var outage = outages[sink] ?? Outage()
                    if outages[sink] == nil {
                        outage.retryAt = now + outage.backoff.next()
                        events.deliveryFailing(sink: sink.rawValue, reason: reason, retryIn: outage.since.duration(to: outage.retryAt))
                    } else if now >= outage.retryAt {
                        outage.retryAt = now + outage.backoff.next()
                        logger.debug("delivery still failing", metadata: ["sink": "\(sink.rawValue)", "error": "\(reason)"])
                    }
                    outages[sink] = outage
                } else if let outage = outages.removeValue(forKey: sink) {
                    events.deliveryRecovered(sink: sink.rawValue, after: outage.since.duration(to: now))
                }
            }
            // Nothing pending: no timer at all. Not cancelled on graceful shutdown: the ingest service
            // finishes the trigger after its last file, and one last delivery follows.
            let delay = outages.values.map { max(.zero, now.duration(to: $0.retryAt)) }.min()
            if report.delivered > 0 || report.fed > 0 { statusOwed = true }
            if statusOwed, lastStatus.duration(to: now) >= .seconds(1) || !trigger.isSignalled {
                // Counting the whole outbox after every delivery of a burst would cost more than the
                // delivery: STATUS= follows at most once a second, and once more when the loop goes idle.
                await updateStatus()
                statusOwed = false
                lastStatus = .now
            }
            if await trigger.wait(timeout: delay) == .finished { finishing = true }
        }
        // The group stops services in reverse order; returning before our turn would count as a failure.
        try? await gracefulShutdown()
    }

    private func deliver() async -> AlertDispatcher.Report {
        let dispatcher = self.dispatcher
        let heartbeat = self.heartbeat
        let logger = self.logger
        return await lane.run {
            heartbeat.busy(.delivery)
            defer { heartbeat.idle(.delivery) }
            let report = dispatcher.deliverPending(today: CalendarDate.today())
            if report.alreadyInJournal > 0 {
                logger.notice("found \(report.alreadyInJournal) alerts already in the journal from before the restart; not sent again")
            }
            if report.delivered > 0 || report.fed > 0 {
                logger.debug("delivered alerts", metadata: ["journal": "\(report.delivered)", "feed": "\(report.fed)"])
            }
            return report
        }
    }

    /// `STATUS=` with the store's counts (what `systemctl status` shows).
    private func updateStatus() async {
        let store = self.store
        await lane.run {
            if let counts = try? store.counts() { try? ServiceManager.notify([.status(counts.statusLine)]) }
        }
    }
}

extension CalendarDate {
    /// Today in UTC.
    static func today(now: Date = Date()) -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

extension StoreCounts {
    /// `STATUS=` text: what systemctl status shows.
    var statusLine: String {
        "\(filesProcessed) files, \(facts) facts, \(alertsDelivered) alerts delivered, \(alertsPending) pending, \(filesRejected) rejected"
    }
}
