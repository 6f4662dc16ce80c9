import Foundation
import Synchronization
import Testing

@testable import TariffwatchDaemon

/// `extract`'s worker threads: every item once, results in the items' order, no more than the window in flight.
@Suite struct OrderedParallelMapTests {
    /// Items that take uneven times (the later ones faster), so they finish out of order on several threads.
    private static func unevenWork(_ item: Int) -> Int {
        usleep(UInt32((7 - item % 8) * 300))
        return item * item
    }

    @Test(arguments: [1, 2, 4, 8])
    func resultsComeInTheItemsOrder(threads: Int) {
        let items = Array(0..<50)
        var seen: [Int] = []
        OrderedParallelMap.run(items, threads: threads, window: 2 * threads, transform: Self.unevenWork) { seen.append($0) }
        #expect(seen == items.map { $0 * $0 })
    }

    @Test func eachItemIsTransformedOnce() {
        let calls = Mutex([Int: Int]())
        OrderedParallelMap.run(Array(0..<200), threads: 4, window: 8, transform: { item in
            calls.withLock { $0[item, default: 0] += 1 }
            return item
        }) { _ in }
        calls.withLock { calls in
            #expect(calls.count == 200)
            #expect(calls.values.allSatisfy { $0 == 1 })
        }
    }

    /// A consumer slower than the workers holds them back: no more than `window` items are taken ahead of it (plus the
    /// one being handed over, which the map counts as consumed just before the consumer's counter does).
    @Test func noMoreThanTheWindowIsTakenAheadOfTheConsumer() {
        let started = Atomic(0)
        let consumed = Atomic(0)
        let mostAhead = Atomic(0)
        OrderedParallelMap.run(Array(0..<60), threads: 4, window: 6, transform: { item in
            let ahead = started.add(1, ordering: .sequentiallyConsistent).newValue - consumed.load(ordering: .sequentiallyConsistent)
            mostAhead.max(ahead, ordering: .sequentiallyConsistent)
            return item
        }) { _ in
            consumed.add(1, ordering: .sequentiallyConsistent)
            usleep(1000)
        }
        #expect(mostAhead.load(ordering: .sequentiallyConsistent) <= 6 + 1)
        // and the workers did run ahead: the window is used, not one item at a time
        #expect(mostAhead.load(ordering: .sequentiallyConsistent) > 1)
    }

    @Test func theConsumerRunsOnTheCallingThread() {
        let caller = pthread_self()
        var onCaller = true
        OrderedParallelMap.run(Array(0..<20), threads: 3, window: 3, transform: Self.unevenWork) { _ in
            if pthread_equal(pthread_self(), caller) == 0 { onCaller = false }
        }
        #expect(onCaller)
    }

    @Test func noItemsAndOneItem() {
        var seen: [Int] = []
        OrderedParallelMap.run([Int](), threads: 4, window: 4, transform: { $0 }) { seen.append($0) }
        #expect(seen.isEmpty)
        OrderedParallelMap.run([5], threads: 4, window: 4, transform: { $0 + 1 }) { seen.append($0) }
        #expect(seen == [6])
    }

    @Test func theAffinityMaskCountsAtLeastOneCPU() {
        #expect(ProcessorAffinity.count >= 1)
        #expect(ProcessorAffinity.count <= max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
