import AlertDelivery
import FactStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Systemd
import TariffExtraction

/// Delivers the outbox as soon as it has something and the previous delivery is done, one loop per
/// sink on its own thread: journal entries go out per alert at once, never behind a feed `fsync`, and
/// the feed rewrite takes in whatever arrived while the last one ran. What a sink refuses is retried
/// with a growing pause (1 s doubling to 60 s) without waiting for a new file; both loops flush once
/// more at shutdown.
///
/// Idle means idle: with nothing pending each loop waits on the trigger alone, no timer.
struct DeliveryService: Service {
    let dispatcher: AlertDispatcher
    let trigger: DeliveryTrigger
    let store: FactStore
    let heartbeat: Heartbeat
    let events: OperationalEvents
    /// `STATUS=`, shared with the reload service.
    let serviceStatus: ServiceStatus
    /// Watch for journald's socket coming back (when alerts go to the journal at all).
    let watchJournalSocket: Bool
    let logger: Logger

    /// A sink that refuses alerts: when it started, and when the next timed retry is due. Deliveries a
    /// new file triggers in between try it too, but only timed retries lengthen the pause, so a burst
    /// of files during an outage does not push the retry a minute away.
    private struct Outage {
        var since = ContinuousClock.now
        var backoff = RetryBackoff()
        var retryAt = ContinuousClock.now
    }

    /// How long the feed must be quiet before its last publication is `fsync`ed and marked: files a few
    /// milliseconds apart then never wait behind a sync of the whole feed, and a file arriving alone has
    /// its feed item published first and synced 20 ms later, with the lane idle.
    static let feedSyncLinger: Duration = .milliseconds(20)

    func run() async throws {
        let status = StatusReporter(store: store, status: serviceStatus, lane: BlockingLane(label: "status"))
        let trigger = self.trigger
        let socketWatch = watchJournalSocket ? JournalSocketWatch.start { trigger.signal(.journal) } : nil
        defer { socketWatch?.cancel() }
        await withDiscardingTaskGroup { group in
            for sink in AlertSink.allCases {
                group.addTask { await deliverLoop(sink, status: status) }
            }
        }
        await status.update()
        // The group stops services in reverse order; returning before our turn would count as a failure.
        try? await gracefulShutdown()
    }

    private func deliverLoop(_ sink: AlertSink, status: StatusReporter) async {
        let lane = BlockingLane(label: "\(sink.rawValue)-delivery")
        var outage: Outage?
        var finishing = false
        var settleOnly = false
        while true {
            // Alerts left pending by a crash are delivered first (and the feed file is created). Woken
            // only to sync the feed (its linger is up, or the ingest lane published it), the loop syncs
            // without reading the store. The last delivery before stopping syncs what it published.
            let report = await deliver(sink, lane: lane, linger: finishing ? .zero : Self.feedSyncLinger, settleOnly: settleOnly)
            if finishing {
                if sink == .feed {
                    let dispatcher = self.dispatcher
                    await lane.run { dispatcher.putAwayFeedFiles() }
                }
                break
            }
            let now = ContinuousClock.now
            if let reason = report.failures[sink] {
                if var current = outage {
                    if now >= current.retryAt {
                        current.retryAt = now + current.backoff.next()
                        logger.debug("delivery still failing", metadata: ["sink": "\(sink.rawValue)", "error": "\(reason)"])
                    }
                    outage = current
                } else {
                    var first = Outage()
                    first.retryAt = now + first.backoff.next()
                    events.deliveryFailing(sink: sink.rawValue, reason: reason, retryIn: first.since.duration(to: first.retryAt))
                    outage = first
                }
            } else if let ended = outage {
                events.deliveryRecovered(sink: sink.rawValue, after: ended.since.duration(to: now))
                outage = nil
            }
            // When an idle-time update of `STATUS=` is owed but not yet due, the wait ends when it is.
            let statusDue: Duration?
            if report.delivered > 0 || report.fed > 0 {
                statusDue = await status.delivered(goingIdle: !trigger.isSignalled(for: sink))
            } else {
                statusDue = await status.updateIfOwed()
            }
            // Not cancelled on graceful shutdown: the ingest service finishes the trigger after its last
            // file, and one last delivery follows.
            let retry = outage.map { max(.zero, now.duration(to: $0.retryAt)) }
            let delay = [retry, statusDue, report.feedSettleIn].compactMap { $0 }.min()
            let wake = await trigger.wait(for: sink, timeout: delay)
            if wake == .finished { finishing = true }
            settleOnly =
                outage == nil
                && (wake == .settleSignalled || (wake == .timedOut && report.feedSettleIn != nil && delay == report.feedSettleIn))
        }
    }

    /// One delivery on the sink's lane, or with `settleOnly` just the feed's pending sync and marks.
    private func deliver(_ sink: AlertSink, lane: BlockingLane, linger: Duration, settleOnly: Bool) async -> AlertDispatcher.Report {
        let dispatcher = self.dispatcher
        let heartbeat = self.heartbeat
        let loop: Heartbeat.Loop = sink == .journal ? .journalDelivery : .feedDelivery
        let logger = self.logger
        let trigger = self.trigger
        return await lane.run {
            heartbeat.busy(loop)
            defer { heartbeat.idle(loop) }
            let report =
                settleOnly
                ? dispatcher.settleFeed(moreWaiting: { trigger.isSignalled(for: sink) }, lingerFor: linger)
                : dispatcher.deliverPending(
                    to: sink, today: CalendarDate.today(), moreWaiting: { trigger.isSignalled(for: sink) }, lingerFor: linger)
            if report.alreadyInJournal > 0 {
                logger.notice("found \(report.alreadyInJournal) alerts already in the journal from before the restart; not sent again")
            }
            if report.delivered > 0 || report.fed > 0 {
                logger.debug("delivered alerts", metadata: ["sink": "\(sink.rawValue)", "journal": "\(report.delivered)", "feed": "\(report.fed)"])
            }
            return report
        }
    }
}

/// `STATUS=` with the store's counts (what `systemctl status` shows), at most once a second. Counting
/// reads the whole outbox (`delivered_at` has no index), so the cost grows with the state: a 20,000-file
/// burst spent a fifth of its CPU here when the delivery loops, which go idle many times a second under
/// a burst, each asked for a count when they did. An update asked for when a loop goes idle within the
/// second is owed instead, and made when the second is up (the loop waits that long at most), so the
/// last counts of a burst still show within a second, and an idle daemon sets no timer after that.
private final class StatusReporter: Sendable {
    private struct State {
        var last = ContinuousClock.now - .seconds(1)
        var owed = false
    }

    private static let interval = Duration.seconds(1)
    private let store: FactStore
    private let status: ServiceStatus
    private let lane: BlockingLane
    private let state = Mutex(State())

    init(store: FactStore, status: ServiceStatus, lane: BlockingLane) {
        self.store = store
        self.status = status
        self.lane = lane
    }

    /// After a delivery: updates when a second has passed since the last update; else, when the loop
    /// goes idle (or an update is owed already), owes one and returns how long until it is due.
    func delivered(goingIdle: Bool) async -> Duration? {
        await updateIfDue(owing: goingIdle, delivered: true)
    }

    /// Makes an owed update once it is due; returns how long until then, or nil when nothing is owed.
    func updateIfOwed() async -> Duration? {
        await updateIfDue(owing: false, delivered: false)
    }

    private func updateIfDue(owing: Bool, delivered: Bool) async -> Duration? {
        let wait = state.withLock { state -> Duration? in
            state.owed = state.owed || owing
            let since = state.last.duration(to: .now)
            guard since < Self.interval else {
                guard delivered || state.owed else { return nil }
                state.last = .now
                state.owed = false
                return .zero
            }
            return state.owed ? Self.interval - since : nil
        }
        guard wait == .zero else { return wait }
        await update()
        return nil
    }

    func update() async {
        let (store, status) = (self.store, self.status)
        await lane.run {
            if let counts = try? store.counts() {
                status.counts(counts.statusLine)
                status.publish()
            }
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
