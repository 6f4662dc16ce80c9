import Foundation
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

        // A reader task opens the file over and over while the writer alternates sizes.
        let reader = Task.detached { () -> (reads: Int, invalid: Int) in
            var reads = 0
            var invalid = 0
            while !Task.isCancelled {
                guard let data = FileManager.default.contents(atPath: folder.appending("feed.json").string) else {
                    invalid += 1
                    continue
                }
                reads += 1
                if (try? JSONSerialization.jsonObject(with: data)) == nil { invalid += 1 }
            }
            return (reads, invalid)
        }
        for round in 0..<200 { try writer.write(bytes: round.isMultiple(of: 2) ? large : small) }
        reader.cancel()
        let result = await reader.value
        #expect(result.invalid == 0)
        #expect(result.reads > 0)
        // No temporary files are left behind.
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
