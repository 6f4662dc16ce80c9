/// Hands the watcher's events to the ingest loop in batches: whatever arrived while the last batch was
/// processed, up to a maximum. One file at a time when files come one at a time (no waiting to fill a
/// batch, so no added latency); whole batches under a burst, so the state commits once per batch.
///
/// Bounded: when `capacity` items wait, `put` waits too, so the watcher's own bounded buffer fills and
/// its overflow handling (a rescan) takes over instead of this queue growing without limit.
actor BatchQueue<Element: Sendable> {
    private let capacity: Int
    private var items: [Element] = []
    private var head = 0
    private var finished = false
    private var taker: CheckedContinuation<Void, Never>?
    private var putters: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    private var count: Int { items.count - head }

    /// Adds `element`, waiting while the queue is full.
    func put(_ element: Element) async {
        while count >= capacity && !finished {
            await withCheckedContinuation { putters.append($0) }
        }
        items.append(element)
        taker?.resume()
        taker = nil
    }

    /// No more elements: `take` returns what is left, then nil.
    func finish() {
        finished = true
        taker?.resume()
        taker = nil
        resumePutters()
    }

    /// Up to `maximum` elements in arrival order, waiting for the first; nil once finished and empty.
    func take(maximum: Int) async -> [Element]? {
        while count == 0 {
            if finished { return nil }
            await withCheckedContinuation { taker = $0 }
        }
        let end = min(items.count, head + max(1, maximum))
        let batch = Array(items[head..<end])
        head = end
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        resumePutters()
        return batch
    }

    private func resumePutters() {
        let waiting = putters
        putters.removeAll()
        for putter in waiting { putter.resume() }
    }
}
