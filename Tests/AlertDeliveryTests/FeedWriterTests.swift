import Foundation
import Glibc
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
        #expect(!file.keptPrevious, "no feed before: nothing to keep")
        #expect(FileManager.default.contents(atPath: folder.appending("feed.json").string) == Data(expected), "visible before the sync")
        try file.file.sync()
        #expect(FileManager.default.contents(atPath: folder.appending("feed.json").string) == Data(expected))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
    }

    /// The new document and the old swap names: a reader holding the old file reads it whole, the old document
    /// keeps the temporary name until `removePrevious` frees it, and the spare made ahead is what gets published.
    @Test func aPublicationSwapsTheSpareInAndKeepsTheOldDocumentUntilRemoved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let writer = FeedWriter(path: folder.appending("feed.json"))
        let old = document(300), new = document(2)
        try writer.write(bytes: old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
        let reader = try FileDescriptor.open(writer.path, .readOnly)
        defer { _ = try? reader.close() }

        let spare = try writer.makeSpare()
        var made = stat()
        #expect(stat(writer.previousPath.string, &made) == 0 && made.st_size == 0, "an empty file under the temporary name")
        let publication = try new.withUnsafeBytes { try writer.publish(pieces: [$0], into: spare) }
        #expect(publication.keptPrevious)
        var published = stat(), kept = stat(), held = stat()
        #expect(stat(writer.path.string, &published) == 0 && published.st_ino == made.st_ino, "the spare is the new feed")
        #expect(stat(writer.previousPath.string, &kept) == 0 && fstat(reader.rawValue, &held) == 0 && kept.st_ino == held.st_ino)
        #expect(FileManager.default.contents(atPath: writer.path.string) == new)
        try publication.file.sync()
        writer.removePrevious()
        #expect(fstat(reader.rawValue, &held) == 0 && held.st_nlink == 0, "freed once the reader closes it")
        var bytes = [UInt8](repeating: 0, count: old.count + 1)
        #expect(try bytes.withUnsafeMutableBytes { try reader.read(fromAbsoluteOffset: 0, into: $0) } == old.count)
        #expect(Data(bytes.prefix(old.count)) == old, "the old reader's document, whole")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
    }

    /// The document a swap replaced serves as the next spare when no one else has it open: the next document is
    /// written into it as the bytes that changed, and the file reads as that document.
    @Test func theReplacedDocumentIsRecycledWhenNoOneHoldsIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let writer = FeedWriter(path: folder.appending("feed.json"))
        var items = Dictionary(uniqueKeysWithValues: (1...40).map { (Int64($0), FeedFileLayoutTests.item(Int64($0))) })
        let first = try writer.publish(FeedFileLayoutTests.parts((1...30).reversed().map(Int64.init), items))
        try first.file.sync()
        let second = try writer.publish(FeedFileLayoutTests.parts((1...31).reversed().map(Int64.init), items), into: writer.makeSpare())
        #expect(second.keptPrevious)
        try second.file.sync()
        let firstFile = try #require(first.laidOut)
        let spare = try #require(writer.recycle(firstFile))

        items[5] = FeedFileLayoutTests.item(5, sources: 2)
        let third = FeedFileLayoutTests.parts((3...32).reversed().map(Int64.init), items)
        let publication = try writer.publish(third, into: spare)
        var feed = stat()
        #expect(stat(writer.path.string, &feed) == 0 && FileIdentity(feed) == firstFile.identity, "the first file, written again")
        let written = try #require(FileManager.default.contents(atPath: writer.path.string))
        #expect(FeedFileLayoutTests.stripped(Array(written)) == FeedFileLayoutTests.compact(third))
        #expect(try JSONSerialization.jsonObject(with: written) is [String: Any])
        #expect(written.count == publication.laidOut?.layout.size)
        try publication.file.sync()
        writer.removePrevious()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
    }

    /// A reader who opened the feed before a swap may still be reading the old document: it is not recycled (the
    /// reader reads it whole), nor is a file that is not the one the layout describes. A recycled file longer than
    /// the next document, written whole, is cut to it.
    @Test func aReplacedDocumentSomeoneReadsIsNotRecycled() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let writer = FeedWriter(path: folder.appending("feed.json"))
        let items = Dictionary(uniqueKeysWithValues: (1...40).map { (Int64($0), FeedFileLayoutTests.item(Int64($0))) })
        let first = try writer.publish(FeedFileLayoutTests.parts((1...40).reversed().map(Int64.init), items))
        try first.file.sync()
        let old = try #require(FileManager.default.contents(atPath: writer.path.string))
        let reader = try FileDescriptor.open(writer.path, .readOnly)
        try writer.publish(FeedFileLayoutTests.parts([2, 1], items), into: writer.makeSpare()).file.sync()
        let firstFile = try #require(first.laidOut)
        #expect(writer.recycle(firstFile) == nil, "a reader holds it")
        var bytes = [UInt8](repeating: 0, count: old.count + 1)
        #expect(try bytes.withUnsafeMutableBytes { try reader.read(fromAbsoluteOffset: 0, into: $0) } == old.count)
        #expect(Data(bytes.prefix(old.count)) == old, "the old reader's document, whole")
        try reader.close()

        var other = firstFile
        other.identity.inode += 1
        #expect(writer.recycle(other) == nil, "another file")
        let spare = try #require(writer.recycle(firstFile), "no one holds it now")
        // Other feed fields: written whole over the longer document.
        let renamed = FeedFileLayoutTests.parts([2, 1], items, head: Array("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"u\",\"items\":[".utf8))
        let publication = try writer.publish(renamed, into: spare)
        let written = try #require(FileManager.default.contents(atPath: writer.path.string))
        #expect(written.count < old.count && written.count == publication.laidOut?.layout.size)
        #expect(FeedFileLayoutTests.stripped(Array(written)) == FeedFileLayoutTests.compact(renamed))
        try publication.file.sync()
        writer.removePrevious()
    }

    /// The swap goes by name: when the spare's name no longer holds the spare (another file put there, or the
    /// name removed), the publication writes a new file instead, and never truncates what was there.
    @Test func aSpareWhoseNameWasTakenIsNotPublished() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let writer = FeedWriter(path: folder.appending("feed.json"))
        try writer.write(bytes: document(1))
        let spare = try writer.makeSpare()
        try FileManager.default.removeItem(atPath: writer.previousPath.string)
        #expect(FileManager.default.createFile(atPath: writer.previousPath.string, contents: Data("stale".utf8)))
        let stale = try FileDescriptor.open(writer.previousPath, .readOnly)
        defer { _ = try? stale.close() }
        let new = document(3)
        let publication = try new.withUnsafeBytes { try writer.publish(pieces: [$0], into: spare) }
        try publication.file.sync()
        #expect(FileManager.default.contents(atPath: writer.path.string) == new)
        var bytes = [UInt8](repeating: 0, count: 16)
        #expect(try bytes.withUnsafeMutableBytes { try stale.read(fromAbsoluteOffset: 0, into: $0) } == 5, "not truncated")
        writer.removePrevious()

        // The spare's name removed: published all the same.
        let second = try writer.makeSpare()
        writer.removePrevious()
        let newer = document(4)
        try newer.withUnsafeBytes { try writer.publish(pieces: [$0], into: second) }.file.sync()
        #expect(FileManager.default.contents(atPath: writer.path.string) == newer)
        writer.removePrevious()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.string) == ["feed.json"])
    }

    /// Where the file system cannot swap names (`renameat2` fails with EINVAL, as NFS or an older kernel do)
    /// or the feed is not there yet, the new file is renamed into place and nothing is kept.
    @Test func withoutASwapTheNewFileIsRenamedIntoPlace() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let feed = folder.appending("feed.json"), temporary = folder.appending(".feed.json.1.tmp")
        #expect(FileManager.default.createFile(atPath: feed.string, contents: Data("old".utf8)))
        #expect(FileManager.default.createFile(atPath: temporary.string, contents: Data("new".utf8)))
        let kept = try replace(feed, with: temporary) { _, _ in
            errno = EINVAL
            return -1
        }
        #expect(!kept)
        #expect(FileManager.default.contents(atPath: feed.string) == Data("new".utf8))
        #expect(!FileManager.default.fileExists(atPath: temporary.string))

        // No feed yet: the real swap fails with ENOENT, and the rename puts the file there.
        try FileManager.default.removeItem(atPath: feed.string)
        #expect(FileManager.default.createFile(atPath: temporary.string, contents: Data("first".utf8)))
        #expect(try !replace(feed, with: temporary))
        #expect(FileManager.default.contents(atPath: feed.string) == Data("first".utf8))

        // Any other failure is the publication's error, and the feed stays as it was.
        #expect(FileManager.default.createFile(atPath: temporary.string, contents: Data("newer".utf8)))
        #expect(throws: Errno.permissionDenied) {
            try replace(feed, with: temporary) { _, _ in
                errno = EACCES
                return -1
            }
        }
        #expect(FileManager.default.contents(atPath: feed.string) == Data("first".utf8))
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
