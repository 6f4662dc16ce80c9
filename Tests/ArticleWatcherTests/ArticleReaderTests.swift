import ArticleFormats
import Glibc
import SystemPackage
import Testing

@testable import ArticleWatcher

@Suite("ArticleReader on real files")
struct ArticleReaderTests {
    @Test("reads UTF-8 text with identity from the open file and a 128-bit content hash")
    func readsText() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder("news.txt")
        try write(path, "Duties rise to 25% on 1 March 2026.\n")
        try setModificationTime(path, seconds: 1_700_000_000)
        let article = try ArticleReader(root: folder.path).read(path)
        let info = try Syscalls.lstat(path)
        #expect(article.path == path)
        #expect(article.text == "Duties rise to 25% on 1 March 2026.\n")
        #expect(article.identity == FileIdentity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: 36,
            modificationTimeNanoseconds: 1_700_000_000_000_000_000))
        #expect(article.modificationTime == 1_700_000_000)
        let hash = try #require(article.contentHash)
        #expect(hash.count == 32)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("the content hash of known bytes is the one the state stores, and none is made when not asked for")
    func contentHashValue() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("a.txt"), "tariff of 10%")
        // The state database keeps these: a change of algorithm would make every known file look new.
        #expect(try ArticleReader(root: folder.path).read(folder("a.txt")).contentHash == "602353b1132dee4319b7e9decd751304")
        #expect(try ArticleReader(root: folder.path, hashesContent: false).read(folder("a.txt")).contentHash == nil)
    }

    @Test("a relative path is resolved against the root and reported as given")
    func relativePath() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("a.txt"), "text")
        let article = try ArticleReader(root: folder.path).read("a.txt")
        #expect(article.path == "a.txt")
        #expect(article.text == "text")
    }

    @Test("a UTF-8 byte order mark is stripped from the text but multi-byte text is kept")
    func byteOrderMark() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("bom.txt"), bytes: [0xEF, 0xBB, 0xBF] + Array("Zölle €5 𝄞".utf8))
        #expect(try ArticleReader(root: folder.path).read(folder("bom.txt")).text == "Zölle €5 𝄞")
    }

    @Test("the content hash is equal for equal bytes and differs after a one-byte change")
    func contentHash() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let reader = ArticleReader(root: folder.path)
        try write(folder("a.txt"), "tariff of 10%")
        try write(folder("b.txt"), "tariff of 10%")
        try write(folder("c.txt"), "tariff of 11%")
        try write(folder("empty.txt"), "")
        let a = try #require(try reader.read(folder("a.txt")).contentHash)
        #expect(a == (try reader.read(folder("b.txt")).contentHash))
        #expect(a != (try reader.read(folder("c.txt")).contentHash))
        #expect(try reader.read(folder("empty.txt")).contentHash != a)
        // Both 64-bit lanes change, not just one.
        let c = try #require(try reader.read(folder("c.txt")).contentHash)
        #expect(a.prefix(16) != c.prefix(16) && a.suffix(16) != c.suffix(16))
    }

    @Test("binary content is rejected", arguments: [
        [0x25, 0x50, 0x44, 0x46, 0x00, 0x01] as [UInt8],  // a NUL byte
        Array("ab\u{01}\u{02}\u{03}cdefgh".utf8),  // 3 control characters in 11 bytes
    ])
    func binary(bytes: [UInt8]) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("x.txt"), bytes: bytes)
        #expect(throws: ArticleReadError.binary(folder("x.txt"))) { try ArticleReader(root: folder.path).read(folder("x.txt")) }
    }

    @Test("occasional form feeds, tabs and CRLF are text")
    func textWithWhitespaceControls() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("x.txt"), "page 1\r\n\tindented\u{0C}page 2\r\n")
        #expect(try ArticleReader(root: folder.path).read(folder("x.txt")).text.hasPrefix("page 1"))
    }

    @Test("UTF-16 with a byte order mark is decoded, either byte order", arguments: [
        [0xFF, 0xFE, 0x5A, 0x00, 0xF6, 0x00, 0x6C, 0x00, 0x6C, 0x00, 0x65, 0x00, 0x20, 0x00, 0xAC, 0x20] as [UInt8],
        [0xFE, 0xFF, 0x00, 0x5A, 0x00, 0xF6, 0x00, 0x6C, 0x00, 0x6C, 0x00, 0x65, 0x00, 0x20, 0x20, 0xAC],
    ])
    func utf16(bytes: [UInt8]) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("x.txt"), bytes: bytes)
        let article = try ArticleReader(root: folder.path).read(folder("x.txt"))
        #expect(article.text == "Zölle €")
        #expect(article.decoded.notes.contains { $0.hasPrefix("decoded from UTF-16") })
    }

    @Test("UTF-32 is named as such")
    func utf32() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("x.txt"), bytes: [0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00])
        #expect(throws: ArticleReadError.unsupportedEncoding(folder("x.txt"), encoding: "UTF-32")) {
            try ArticleReader(root: folder.path).read(folder("x.txt"))
        }
    }

    @Test("text that shows it is UTF-8 (a byte order mark, a well-formed multi-byte character) is rejected at its first bad byte", arguments: [
        ([0xC3, 0xB6, 0x61, 0x80], 3),  // "ö" then a stray continuation byte
        ([0xE2, 0x82, 0xAC, 0x62, 0xC0, 0xAF], 4),  // "€" then an overlong "/"
        ([0x61, 0x62, 0xED, 0xA0, 0x80, 0xC3, 0xA9], 2),  // a UTF-16 surrogate before "é"
        ([0xC3, 0xA9, 0x62, 0x63, 0xE2, 0x82], 4),  // truncated at end of file
        ([0xEF, 0xBB, 0xBF, 0x61, 0xFF], 4),  // after a BOM: offsets count from the file's start
        ([0x61, 0x81, 0x62], 1),  // 0x81 is not a Windows-1252 character either
    ] as [([UInt8], Int)])
    func invalidUTF8(bytes: [UInt8], offset: Int) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("x.txt"), bytes: bytes)
        #expect(throws: ArticleReadError.invalidUTF8(folder("x.txt"), byteOffset: offset)) {
            try ArticleReader(root: folder.path).read(folder("x.txt"))
        }
    }

    @Test("text with no sign of UTF-8 is Windows-1252 (Latin-1 with quotes, dashes and the euro)", arguments: [
        ([0x63, 0x61, 0x66, 0xE9, 0x20], "café "),
        ([0x93, 0x4F, 0x4B, 0x94, 0x20, 0x97, 0x20, 0x80, 0x35], "“OK” — €5"),
        ([0x5A, 0xF6, 0x6C, 0x6C, 0x65], "Zölle"),
    ] as [([UInt8], String)])
    func windows1252(bytes: [UInt8], text: String) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("x.txt"), bytes: bytes)
        let article = try ArticleReader(root: folder.path).read(folder("x.txt"))
        #expect(article.text == text)
        #expect(article.decoded.notes == ["decoded from Windows-1252"])
    }

    @Test("files over the cap are rejected, files at the cap are read")
    func tooLarge() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("big.txt"), String(repeating: "a", count: 11))
        try write(folder("fits.txt"), String(repeating: "a", count: 10))
        let reader = ArticleReader(root: folder.path, maxFileSize: 10)
        #expect(throws: ArticleReadError.tooLarge(folder("big.txt"), size: 11, limit: 10)) { try reader.read(folder("big.txt")) }
        #expect(try reader.read(folder("fits.txt")).text.count == 10)
    }

    @Test("the bounded read stops at the cap even when the size said otherwise (a growing file)")
    func boundedRead() throws {
        var ends: [CInt] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = [UInt8](repeating: 0x61, count: 100)
        #expect(Glibc.write(ends[1], bytes, bytes.count) == 100)
        close(ends[1])
        // `expectedSize` 5 stands for an fstat taken before the file grew.
        #expect(throws: ArticleReadError.tooLarge("growing.txt", size: 11, limit: 10)) {
            try ArticleReader.readAll(ends[0], limit: 10, path: "growing.txt", expectedSize: 5)
        }
    }

    @Test("the bounded read returns what is there when the size said more (a file cut short) or exactly that")
    func shorterOrExactRead() throws {
        for (written, expected) in [(3, 5), (5, 5), (0, 0), (0, 4)] {
            var ends: [CInt] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            let bytes = [UInt8](repeating: 0x61, count: written)
            #expect(Glibc.write(ends[1], bytes, bytes.count) == written)
            close(ends[1])
            #expect(try ArticleReader.readAll(ends[0], limit: 10, path: "cut.txt", expectedSize: expected) == bytes)
        }
    }

    @Test("a file that no longer exists has vanished")
    func vanished() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let reader = ArticleReader(root: folder.path)
        #expect(throws: ArticleReadError.vanished(folder("gone.txt"))) { try reader.read(folder("gone.txt")) }
        #expect(throws: ArticleReadError.vanished(folder("gone/x.txt"))) { try reader.read(folder("gone/x.txt")) }
    }

    @Test("FIFOs and folders are not regular files (and reading a FIFO never blocks)")
    func notRegular() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try #require(folder("pipe").withPlatformString { mkfifo($0, 0o644) } == 0)
        try makeFolder(folder("dir"))
        try symlink("dir", at: folder("dir-link"))
        let reader = ArticleReader(root: folder.path)
        #expect(throws: ArticleReadError.specialFile(folder("pipe"), kind: "a FIFO (named pipe)")) { try reader.read(folder("pipe")) }
        #expect(throws: ArticleReadError.notRegularFile(folder("dir"))) { try reader.read(folder("dir")) }
        #expect(throws: ArticleReadError.notRegularFile(folder("dir-link"))) { try reader.read(folder("dir-link")) }
    }

    @Test("special entries and links are each named: what they are, never opened when they could block")
    func specialEntriesAreNamed() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("a.txt"), "Tariffs rise.\n")
        try #require(folder("pipe").withPlatformString { mkfifo($0, 0o644) } == 0)
        try #require(folder("null").withPlatformString { mknod($0, S_IFCHR | 0o600, dev_t(1 << 8 | 3)  /* makedev(1, 3): /dev/null */) } == 0 || getuid() != 0)
        try symlink("loop-b", at: folder("loop-a"))
        try symlink("loop-a", at: folder("loop-b"))
        try symlink("self", at: folder("self"))
        try symlink("nowhere.txt", at: folder("dangling"))
        try symlink("pipe", at: folder("pipe-link"))
        try #require(folder("a.txt").withPlatformString { src in folder("hard.txt").withPlatformString { link(src, $0) } } == 0)
        let socketFD = bindUnixSocket(at: folder("sock"))
        try #require(socketFD >= 0)
        defer { close(socketFD) }
        let reader = ArticleReader(root: folder.path)
        let cases: [(String, ArticleReadError?)] = [
            ("pipe", .specialFile(folder("pipe"), kind: "a FIFO (named pipe)")),
            ("sock", .specialFile(folder("sock"), kind: "a socket")),
            ("loop-a", .symlinkLoop(folder("loop-a"))),
            ("self", .symlinkLoop(folder("self"))),
            ("dangling", .brokenSymlink(folder("dangling"))),
            ("pipe-link", .specialFile(folder("pipe-link"), kind: "a FIFO (named pipe)")),
            ("hard.txt", nil),
        ] + (getuid() == 0 ? [("null", .specialFile(folder("null"), kind: "a character device"))] : [])
        // the same answers when a listing said each entry is a regular file: the reader then opens before any
        // `lstat`, and what that open or its `fstat` refuses must be named as the `lstat` way names it
        for listedRegular in [false, true] {
            for (name, expected) in cases {
                do {
                    let article = try reader.read(folder(name), listedRegular: listedRegular)
                    #expect(expected == nil, "\(name) was read (listed regular: \(listedRegular))")
                    #expect(article.text == "Tariffs rise.\n")
                } catch {
                    #expect(error == expected, "\(name) (listed regular: \(listedRegular))")
                }
            }
        }
    }

    @Test("a folder listing tells regular files from links to them, and both read as when not listed")
    func listedFilesReadTheSame() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try makeFolder(folder("sub"))
        try write(folder("b.txt"), "Duties rise.\n")
        try write(folder("sub/real.txt"), "inside")
        try symlink("sub/real.txt", at: folder("a-link.txt"))
        try symlink("sub", at: folder("c-folder-link"))
        try write(folder(".hidden.txt"), "skipped")
        let listed = try FolderListing.regularFiles(in: folder.path)
        #expect(listed == [
            FolderListing.File(path: folder("a-link.txt"), isRegular: false),
            FolderListing.File(path: folder("b.txt"), isRegular: true),
        ])
        let reader = ArticleReader(root: nil, hashesContent: false)
        for file in listed {
            let fast = try reader.read(file.path, listedRegular: file.isRegular)
            let checked = try reader.read(file.path)
            #expect(fast.text == checked.text && fast.identity == checked.identity, "\(file.path)")
            // opened by name in the listed folder: the regular file only; the link goes the checked way
            let inFolder = try reader.readInFolder(file)
            #expect(inFolder?.text == (file.isRegular ? checked.text : nil), "\(file.path)")
            #expect(inFolder.map { $0.identity == checked.identity && $0.path == file.path } ?? !file.isRegular, "\(file.path)")
        }
        // the listed folder is held open: its files are read in it even after the folder has moved away from its path
        let held = try #require(listed.last)
        let away = FilePath(folder.path.string + "-moved")
        try #require(rename(folder.path.string, away.string) == 0)
        defer { _ = rename(away.string, folder.path.string) }
        #expect(try reader.readInFolder(held)?.text == "Duties rise.\n")
        #expect(throws: ArticleReadError.vanished(held.path)) { try reader.read(held.path, listedRegular: true) }
        // a file named on its own, or read with a root, is not opened in a folder
        #expect(try reader.readInFolder(FolderListing.File(held.path)) == nil)
        #expect(try ArticleReader(root: folder.path, hashesContent: false).readInFolder(held) == nil)
        try #require(rename(away.string, folder.path.string) == 0)
        // listed as a file, then replaced by a link to one outside the folder before it was read
        let outside = try TempFolder()
        defer { outside.remove() }
        try write(outside("secret.txt"), "outside")
        try #require(folder("b.txt").withPlatformString { unlink($0) } == 0)
        try symlink(outside("secret.txt").string, at: folder("b.txt"))
        #expect(throws: ArticleReadError.symlinkOutsideFolder(folder("b.txt"), target: try Syscalls.realPath(outside("secret.txt")))) {
            try reader.read(folder("b.txt"), listedRegular: true)
        }
    }

    @Test("a file without read permission is unreadable (as root, checked on a thread with a non-root fsuid)")
    func unreadable() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        _ = folder.path.withPlatformString { chmod($0, 0o755) }
        let path = folder("secret.txt")
        try write(path, "no access")
        try #require(path.withPlatformString { chmod($0, 0o000) } == 0)
        let reader = ArticleReader(root: folder.path)
        let error = try await readWithoutPrivileges(reader, path)
        #expect(error == .unreadable(path, .permissionDenied))
        #expect(error?.description == "cannot read \(path): Permission denied")
    }

    @Test("a symbolic link inside the folder is followed; one pointing outside is refused")
    func symlinks() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let outside = try TempFolder()
        defer { outside.remove() }
        try makeFolder(folder("sub"))
        try write(folder("sub/real.txt"), "inside")
        try write(outside("secret.txt"), "outside")
        try symlink("sub/real.txt", at: folder("inside-link.txt"))
        try symlink(outside("secret.txt").string, at: folder("outside-link.txt"))
        try symlink("../\(outside.path.lastComponent!)/secret.txt", at: folder("dotdot-link.txt"))
        try symlink("missing.txt", at: folder("dangling.txt"))
        let reader = ArticleReader(root: folder.path)
        let article = try reader.read(folder("inside-link.txt"))
        #expect(article.text == "inside")
        #expect(article.path == folder("inside-link.txt"))
        let target = try Syscalls.realPath(outside("secret.txt"))
        #expect(throws: ArticleReadError.symlinkOutsideFolder(folder("outside-link.txt"), target: target)) {
            try reader.read(folder("outside-link.txt"))
        }
        #expect(throws: ArticleReadError.symlinkOutsideFolder(folder("dotdot-link.txt"), target: target)) {
            try reader.read(folder("dotdot-link.txt"))
        }
        #expect(throws: ArticleReadError.brokenSymlink(folder("dangling.txt"))) { try reader.read(folder("dangling.txt")) }
    }

    @Test("a root given through a symbolic link still accepts links inside it")
    func symlinkedRoot() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try makeFolder(folder("real"))
        try write(folder("real/a.txt"), "a")
        try symlink("a.txt", at: folder("real/link.txt"))
        try symlink("real", at: folder("alias"))
        #expect(try ArticleReader(root: folder("alias")).read(folder("alias/link.txt")).text == "a")
    }

    @Test("every error's description names the file")
    func descriptionsNameTheFile() {
        let path: FilePath = "/srv/inbox/a.txt"
        let errors: [ArticleReadError] = [
            .tooLarge(path, size: 11, limit: 10), .binary(path), .unsupportedEncoding(path, encoding: "UTF-16"),
            .invalidUTF8(path, byteOffset: 3), .unreadable(path, .permissionDenied), .vanished(path),
            .brokenSymlink(path), .symlinkOutsideFolder(path, target: "/etc/passwd"), .notRegularFile(path),
            .stillBeingWritten(path), .specialFile(path, kind: "a socket"), .symlinkLoop(path),
        ]
        for error in errors {
            #expect(error.description.contains("/srv/inbox/a.txt"))
            #expect(error.path == path)
            #expect(!error.description.contains("\n"))
        }
    }
}

/// Reads `path` with file-system permission checks in force. Root bypasses them, so as root the read runs on
/// a dedicated thread whose filesystem uid is switched to nobody (`setfsuid` is per thread on Linux, and it
/// drops CAP_DAC_OVERRIDE for that thread only); other threads and tests are unaffected.
func readWithoutPrivileges(_ reader: ArticleReader, _ path: FilePath) async throws -> ArticleReadError? {
    let attempt: @Sendable () -> ArticleReadError? = {
        do throws(ArticleReadError) {
            _ = try reader.read(path)
            return nil
        } catch {
            return error
        }
    }
    guard geteuid() == 0 else { return attempt() }
    typealias SetFSUID = @convention(c) (UInt32) -> CInt
    let symbol = try #require(dlsym(nil, "setfsuid"), "setfsuid is not available, cannot drop root for this test")
    let setfsuid = unsafeBitCast(symbol, to: SetFSUID.self)
    return await withCheckedContinuation { (continuation: CheckedContinuation<ArticleReadError?, Never>) in
        do throws(Errno) {
            try WatcherThread.start {
                _ = setfsuid(65534)
                let result = attempt()
                _ = setfsuid(0)
                continuation.resume(returning: result)
            }
        } catch {
            continuation.resume(returning: .unreadable(path, error))
        }
    }
}

/// `stat` times anyone can set with `touch -d`: converted to nanoseconds without trapping.
@Suite struct FileTimeTests {
    @Test(arguments: [
        (Int64(0), Int64(0), Int64(0)),
        (1_700_000_000, 5, 1_700_000_000_000_000_005),
        (9_223_372_036, 854_775_807, Int64.max),  // 2262-04-11, the last representable nanosecond
        (9_223_372_036, 854_775_808, Int64.max),  // one past: saturates
        (10_413_792_000, 0, Int64.max),  // 2300-01-01
        (Int64.max, 999_999_999, Int64.max),
        (-11_676_096_000, 0, Int64.min),  // 1600-01-01
        (Int64.min, 0, Int64.min),
        (-1, 999_999_999, -1),
    ] as [(Int64, Int64, Int64)])
    func nanosecondsSaturate(_ seconds: Int64, _ nanoseconds: Int64, _ expected: Int64) {
        #expect(FileTime.nanoseconds(seconds: seconds, nanoseconds: nanoseconds) == expected)
    }

    @Test("a file dated 2300 or 1600 is read, with its time saturated in the identity", arguments: [
        (10_413_792_000, Int64.max), (-11_676_096_000, Int64.min),
    ] as [(Int64, Int64)])
    func hostileModificationTimes(_ seconds: Int64, _ nanoseconds: Int64) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder("future.txt")
        try write(path, "Tariffs rise.\n")
        try setModificationTime(path, seconds: Int(seconds))
        // ext4 stores 1901-12-13 for anything earlier; tmpfs and XFS keep 1600. Either way nothing traps.
        let stored = Int64(try Syscalls.lstat(path).st_mtim.tv_sec)
        let nanoseconds = stored == seconds ? nanoseconds : stored * 1_000_000_000
        let article = try ArticleReader(root: folder.path).read(path)
        #expect(article.modificationTime == stored)
        #expect(article.identity.modificationTimeNanoseconds == nanoseconds)
        #expect(FolderWalk(options: WatchOptions(directory: folder.path)).kind(of: path) == .file(modificationTimeNanoseconds: nanoseconds))
    }

    @Test("the file name handed to the sniffer is the path's last component", arguments: [
        "/tmp/news/a.txt", "a.txt", "/", "", "/a", "/tmp//b/", "/tmp/x/.", "/tmp/x/..", "rel/dir/Zölle.HTML", "/tmp/\u{301}.eml",
    ])
    func fileNameIsTheLastComponent(_ text: String) {
        let path = FilePath(text)
        #expect(ArticleReader.fileName(path) == path.lastComponent?.string ?? "")
    }
}
