import Synchronization

/// glibc's `mallopt`: the Glibc module does not export it (`<malloc.h>` is not in its module map).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// glibc's `malloc_trim`, from `<malloc.h>` as `mallopt`.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32

/// The daemon's malloc heap: how many arenas it may use, and giving freed pages back.
public enum Heap {
    /// `M_ARENA_MAX` in `<malloc.h>`.
    private static let arenaMaxParameter: Int32 = -8

    /// How many malloc arenas glibc may create. By default each busy thread gets its own, up to eight
    /// per core, and each keeps the memory freed in it: the ingest lane, two delivery lanes and the pool
    /// threads then raised a 20,000-file burst's peak RSS to 89 MB; with two it was 62 MB (README, Measured).
    public static func limitArenas(to count: Int32) {
        _ = glibcMallopt(arenaMaxParameter, count)
    }

    /// Hands the free pages inside the heap back to the kernel (`malloc_trim(0)`). glibc returns only
    /// the free memory at the top of an arena by itself; after a burst's batches the free chunks sit
    /// between live ones, and `malloc_stats` showed 36 MB held for 16 MB in use.
    static func returnFreePages() {
        _ = glibcMallocTrim(0)
    }

    /// Calls `returnFreePages` at most once per `interval`: it walks every free chunk, so once per
    /// batch would cost more than it saves under a burst of small files.
    final class Trimmer: Sendable {
        private let interval: Duration
        private let last = Mutex(ContinuousClock.now)

        init(interval: Duration) {
            self.interval = interval
        }

        func trimIfDue() {
            let due = last.withLock { last in
                guard last.duration(to: .now) >= interval else { return false }
                last = .now
                return true
            }
            if due { Heap.returnFreePages() }
        }
    }
}
