import Foundation

/// Maps items on several threads and hands the results back in the items' order.
///
/// `tariffwatch extract` reads each file on its own, so a folder of articles spreads over every CPU the
/// process may use; its output must still follow the operands' order byte for byte, as when read one by one.
/// Workers take the next item as they come free; the calling thread consumes result `i` once it and every
/// result before it are done. At most `window` items are taken past the last one consumed, so a slow
/// consumer or one large file holds back the workers rather than letting finished results pile up.
public enum OrderedParallelMap {
    /// - Parameters:
    ///   - threads: worker threads; with one (or one item), everything runs on the calling thread.
    ///   - window: items taken but not yet consumed, at most (at least `threads`).
    ///   - transform: runs on the worker threads, each item once.
    ///   - consume: runs on the calling thread, in the items' order.
    public static func run<Item: Sendable, Result: Sendable>(
        _ items: [Item], threads: Int, window: Int,
        transform: @escaping @Sendable (Item) -> Result, consume: (Result) -> Void
    ) {
        guard threads > 1, items.count > 1 else {
            for item in items { consume(transform(item)) }
            return
        }
        let state = SharedState<Item, Result>(items, window: max(window, threads), transform: transform)
        let workers = min(threads, items.count)
        for _ in 0..<workers {
            let thread = Thread { state.work() }
            thread.name = "tariffwatch-extract"
            thread.start()
        }
        for index in items.indices { consume(state.take(index)) }
        state.waitForWorkers(workers)
    }

    /// The queue and the finished results, behind one lock: an item's work is thousands of times the cost of
    /// taking the lock, so one condition for every wait is simpler than finer locking and costs nothing measurable.
    private final class SharedState<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let items: [Item]
        private let transform: @Sendable (Item) -> Result
        /// Finished results, at `index % window`.
        private var slots: [Result?]
        /// The next item a worker takes, and how many results the consumer has taken.
        private var next = 0, consumed = 0, exited = 0

        init(_ items: [Item], window: Int, transform: @escaping @Sendable (Item) -> Result) {
            self.items = items
            self.transform = transform
            slots = Array(repeating: nil, count: window)
        }

        func work() {
            while true {
                condition.lock()
                while next < items.count && next - consumed >= slots.count { condition.wait() }
                guard next < items.count else {
                    exited += 1
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                let index = next
                next += 1
                condition.unlock()
                let result = transform(items[index])
                condition.lock()
                slots[index % slots.count] = result
                condition.broadcast()
                condition.unlock()
            }
        }

        func take(_ index: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while slots[index % slots.count] == nil { condition.wait() }
            let result = slots[index % slots.count]!
            slots[index % slots.count] = nil
            consumed += 1
            condition.broadcast()
            return result
        }

        /// Returns once every worker has left its loop: nothing of this run outlives the call.
        func waitForWorkers(_ count: Int) {
            condition.lock()
            while exited < count { condition.wait() }
            condition.unlock()
        }
    }
}
