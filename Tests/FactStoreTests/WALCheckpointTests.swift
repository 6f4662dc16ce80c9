import Foundation
import TariffExtraction
import Testing

@testable import FactStore

/// The writer's WAL checkpoints run on the checkpointer's own connection, not inside the commit.
@Suite final class WALCheckpointTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wal-checkpoint-\(UUID())").path

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Records files until the WAL has passed the checkpoint threshold a few times over.
    private func fill(_ store: FactStore, files: Int) throws {
        let day = CalendarDate(year: 2026, month: 3, day: 2)!
        let sentence = String(repeating: "A long sentence that fills pages. ", count: 40)
        for n in 0..<files {
            let change = TariffChange(
                imposer: "US", target: "CN", products: ["item \(n)"], ratePct: Double(n % 90 + 5), status: .imposed,
                effectiveDate: nil, text: "t", sentence: sentence + "\(n)", start: 0, end: 1)
            let file = FileRecord(
                path: "/inbox/\(n).txt", device: 1, inode: UInt64(n), size: 1, modificationTimeNanoseconds: 0,
                contentHash: "\(n)", referenceDate: day)
            _ = try store.record(file, extraction: Extraction(tariffChanges: [change]))
        }
    }

    @Test func checkpointsRunOffTheWritePathAndKeepTheWALBounded() throws {
        let store = try FactStore(directory: directory)
        let checkpointer = try #require(store.checkpointer)
        try fill(store, files: 1_500)
        checkpointer.drain()
        #expect(checkpointer.completed > 0, "the WAL passed \(WALCheckpointer.threshold) pages: a checkpoint ran on its own connection")
        let walPages = (try FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.size] as? Int ?? 0) / 4096
        // Bounded, not growing with the files: each file commits some 22 pages (about 33,000 for these 1,500 with no
        // checkpoint). Past `inlineLimit` a commit checkpoints itself, unless the checkpointer's own checkpoint holds
        // the lock: the commits made while that one runs go past the limit. On a loaded machine (the suite run in
        // parallel) they were 184 pages: the bound is twice the limit, room for that and far below an unbounded WAL.
        #expect(walPages < 2 * Int(WALCheckpointer.inlineLimit), "bounded: \(walPages) pages")
        #expect(try store.counts().filesProcessed == 1_500)
        // What was checkpointed is in the database file itself: a fresh read-only look sees every file.
        let reader = try FactStore(directory: directory, readOnly: true)
        #expect(try reader.counts().filesProcessed == 1_500)
    }
}
