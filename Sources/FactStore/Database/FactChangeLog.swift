import Synchronization

/// Which facts the transactions this process committed lately touched, numbered, so a reader that looked
/// before can read only those facts instead of all of them:
/// - `FactStore.sourceCounts`: the facts that gained a source, so the feed brings its 500 items' source counts
///   up to date by looking up only those instead of joining every item with `facts` at every delivery (two fifths
///   of a feed delivery's CPU at 200 files/s);
/// - `FactStore.deadlineChanges`: the deadline facts written (new, corroborated or changed), so the reminder look
///   after a file reads those deadlines, not every deadline the state holds.
///
/// Like `RecentAlerts`, filled only after the commit, and bounded: a reader whose last look is older
/// than what is kept gets nil and reads everything again. Facts are never deleted, are written only through
/// `MergeTransaction`, and the daemon is the state's only writer (`StateDirectoryLock`), so this is every
/// change to them; another process's store has its own log, and reads everything.
final class FactChangeLog: Sendable {
    private struct State {
        var generation: UInt64 = 0
        /// The facts logged by each of the last commits, oldest first; `entries[i]` is generation
        /// `generation - entries.count + 1 + i`.
        var entries: [[String]] = []
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The number of the last commit logged.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Logs one committed transaction's facts (nothing is logged for none).
    func add(_ facts: Set<String>) {
        guard !facts.isEmpty else { return }
        state.withLock { state in
            state.generation += 1
            state.entries.append(Array(facts))
            if state.entries.count > capacity { state.entries.removeFirst(state.entries.count - capacity) }
        }
    }

    /// The facts logged by commits after `generation`, or nil when some of them are no longer kept.
    func facts(after generation: UInt64) -> Set<String>? {
        state.withLock { state in
            guard generation <= state.generation else { return nil }
            let wanted = Int(state.generation - generation)
            guard wanted <= state.entries.count else { return nil }
            var facts: Set<String> = []
            for entry in state.entries.suffix(wanted) { facts.formUnion(entry) }
            return facts
        }
    }
}
