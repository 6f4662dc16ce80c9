import Foundation
import Synchronization

/// The alerts this process wrote to the outbox most recently, by row id, exactly as reading their rows
/// back gives them: each delivery loop reads every alert the ingest just wrote, and decoding its JSON
/// payload again was a tenth of a burst's CPU.
///
/// Filled only after the transaction that wrote them committed, so what is here is in the outbox; the
/// outbox stays the truth (which alerts are pending is always read from it), and a miss (an alert of
/// an earlier process, or one forgotten here) decodes the row as before. Bounded: the oldest go first.
final class RecentAlerts: Sendable {
    private struct State {
        var byID: [Int64: Alert] = [:]
        /// Ids in the order they were added, from `head` on.
        var order: [Int64] = []
        var head = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Keeps committed alerts (ids and epoch set), as `Alert(row:epoch:)` would read them.
    func add(_ alerts: [Alert]) {
        guard !alerts.isEmpty else { return }
        state.withLock { state in
            for alert in alerts {
                state.byID[alert.id] = alert.asStored
                state.order.append(alert.id)
            }
            while state.order.count - state.head > capacity {
                state.byID[state.order[state.head]] = nil
                state.head += 1
            }
            if state.head >= 1024 && state.head * 2 >= state.order.count {
                state.order.removeFirst(state.head)
                state.head = 0
            }
        }
    }

    func alert(id: Int64) -> Alert? {
        state.withLock { $0.byID[id] }
    }
}

extension Alert {
    /// The alert as its outbox row reads back: the payload keeps the creation time in milliseconds
    /// (`JSONText`), and decoding divides them by 1,000 again, which may change the last bit.
    var asStored: Alert {
        var stored = self
        stored.createdAt = Date(timeIntervalSince1970: 1000 * createdAt.timeIntervalSince1970 / 1000)
        return stored
    }
}
