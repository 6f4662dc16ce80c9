/// The feed's items as `FactStore.feedRevisions(limit:after:)` last read them, and where it read up to,
/// so the next read takes only what changed since.
///
/// A delivery changes a few items of hundreds, so the next read edits these in place (`advance`): new
/// items in front, the oldest off the end, the counts of the facts counted since patched through
/// `alertsByFact`. Copying every item and hashing every fact id at each delivery was a tenth of the
/// daemon's CPU at 200 files/s (`perf record --call-graph dwarf`).
public struct FeedRevisions: Sendable {
    /// Newest first (alert ids descending), at most `limit`.
    public private(set) var items: [FeedRevision]
    /// The newest alert not yet in the feed, read in the same transaction: every pending alert up to it
    /// is among `items` or older than they are.
    public private(set) var newestPending: Int64?
    let limit: Int
    /// The newest alert shown: the next read takes the outbox rows after it.
    var newestAlertID: Int64 { items.first?.alertID ?? 0 }
    private(set) var generation: UInt64
    /// The store's log this was read against: another store's (or after a restart) means a full read.
    let log: FactChangeLog
    /// The ids of `items` per fact: a fact changed several times has an item per change.
    private var alertsByFact: [String: [Int64]] = [:]

    init(items: [FeedRevision], newestPending: Int64?, limit: Int, generation: UInt64, log: FactChangeLog) {
        self.items = items
        self.newestPending = newestPending
        self.limit = limit
        self.generation = generation
        self.log = log
        for item in items { alertsByFact[item.factID, default: []].append(item.alertID) }
    }

    /// Whether some item shows `fact`.
    func shows(_ fact: String) -> Bool { alertsByFact[fact] != nil }

    /// Brings the items up to date: `fresh` are the outbox rows after `newestAlertID` (newest first, at
    /// most `limit`, with their counts), `counts` the counts now of facts counted since `generation`.
    mutating func advance(fresh: [FeedRevision], counts: [String: Int], newestPending: Int64?, generation: UInt64) {
        for (fact, count) in counts {
            for id in alertsByFact[fact] ?? [] {
                if let index = index(of: id) { items[index].sourceCount = count }
            }
        }
        let overflow = items.count + fresh.count - limit
        if overflow > 0 {
            for item in items.suffix(overflow) { forget(item) }
            items.removeLast(overflow)
        }
        items.insert(contentsOf: fresh, at: 0)
        for item in fresh { alertsByFact[item.factID, default: []].append(item.alertID) }
        self.newestPending = newestPending
        self.generation = generation
    }

    /// The index of alert `id` in `items`, found by bisection (ids descend).
    private func index(of id: Int64) -> Int? {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle].alertID > id { low = middle + 1 } else { high = middle }
        }
        return low < items.count && items[low].alertID == id ? low : nil
    }

    private mutating func forget(_ item: FeedRevision) {
        guard var ids = alertsByFact[item.factID] else { return }
        ids.removeAll { $0 == item.alertID }
        alertsByFact[item.factID] = ids.isEmpty ? nil : ids
    }
}
