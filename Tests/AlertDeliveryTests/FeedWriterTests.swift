import Foundation
import Synchronization
import SystemPackage
import Testing

@testable import AlertDelivery

@Suite struct FeedWriterTests {
    private func temporaryFolder() throws -> FilePath {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("feedwriter-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return FilePath(path)
    }

    private func document(_ items: Int) -> Data {
        let body = (0..<items).map { "{\"id\": \"item-\($0)\", \"content_text\": \"\(String(repeating: "x", count: 200))\"}" }
        return Data("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [\(body.joined(separator: ","))]}".utf8)
    }

    @Test func readersNeverSeeAPartialFeed() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let writer = FeedWriter(path: folder.appending("feed.json"))
        try writer.write(bytes: document(1))
        let small = document(1)
        let large = document(2_000)

        // A reader opens the file over and over on its own thread while the writer alternates sizes,
        // until the reader has seen enough versions.
        let done = Atomic<Bool>(false)
        let invalid = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        let reader = Thread {
            while reads.load(ordering: .relaxed) < 500 {
                if let data = FileManager.default.contents(atPath: folder.appending("feed.json").string),
                    (try? JSONSerialization.jsonObject(with: data)) != nil
                {
                    reads.add(1, ordering: .relaxed)
                } else {
                    invalid.add(1, ordering: .relaxed)
                }
            }
            done.store(true, ordering: .releasing)
        }
        reader.start()
        var round = 0
        while !done.load(ordering: .acquiring) {
            try writer.write(bytes: round.isMultiple(of: 2) ? large : small)
            round += 1
        }
        #expect(invalid.load(ordering: .relaxed) == 0)
        #expect(round > 0)
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
    }

    @Test func aDocumentInMorePiecesThanOneWritevTakesIsWrittenWholeAndInOrder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let writer = FeedWriter(path: folder.appending("feed.json"))
        // 3,000 pieces (IOV_MAX is 1,024), some empty, sizes from 0 to 1 KiB, cut from one buffer.
        let sizes = (0..<3_000).map { ($0 * 37) % 1_031 }
        let expected = (0..<sizes.reduce(0, +)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        let file = try expected.withUnsafeBytes { buffer in
            var start = 0
            let pieces = sizes.map { size in
                defer { start += size }
                return UnsafeRawBufferPointer(rebasing: buffer[start..<(start + size)])
            }
            return try writer.publish(pieces: pieces)
        }
        #expect(FileManager.default.contents(atPath: folder.appending("feed.json").string) == Data(expected), "visible before the sync")
        try file.sync()
        #expect(FileManager.default.contents(atPath: folder.appending("feed.json").string) == Data(expected))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
    }

    @Test func aMissingFolderIsAnErrorNamingTheFeed() throws {
        let writer = FeedWriter(path: "/nonexistent-folder/feed.json")
        let error = #expect(throws: FeedWriteError.self) { try writer.write(bytes: document(1)) }
        #expect(error?.description.contains("/nonexistent-folder/feed.json") == true)
    }

    @Test(.enabled(if: getuid() == 0, "needs root to mount a small tmpfs as a full disk"))
    func aFullDiskKeepsTheOldFeed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.string]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0)
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [folder.string]
            try? umount.run()
            umount.waitUntilExit()
        }
        let writer = FeedWriter(path: folder.appending("feed.json"))
        let old = document(10)
        try writer.write(bytes: old)
        let error = #expect(throws: FeedWriteError.self) { try writer.write(bytes: document(5_000)) }
        #expect(error?.reason.contains("No space left") == true, "\(String(describing: error))")
        #expect(FileManager.default.contents(atPath: folder.appending("feed.json").string) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
    }
}
