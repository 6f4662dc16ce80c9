/// glibc's `mallopt`: the Glibc module does not export it (`<malloc.h>` is not in its module map).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// How many malloc arenas glibc may create. By default each busy thread gets its own, up to eight
/// per core, and each keeps the memory freed in it: the ingest lane, two delivery lanes and the pool
/// threads then raised a 20,000-file burst's peak RSS to 89 MB; with two it was 62 MB (README, Measured).
enum MallocArenas {
    /// `M_ARENA_MAX` in `<malloc.h>`.
    private static let arenaMaxParameter: Int32 = -8

    static func limit(to count: Int32) {
        _ = glibcMallopt(arenaMaxParameter, count)
    }
}
