import ArticleFormats
import Glibc
public import SystemPackage

/// Reads one article file defensively: no escaping symlinks, no FIFOs or devices, bounded size (of
/// the file, and of its text once decoded), then decodes it with `ArticleDecoder`.
public struct ArticleReader: Sendable {
    /// The watched folder; symbolic links must resolve inside it. Nil: each file's own folder (one-shot
    /// extraction, whose files come from anywhere), found only for a symbolic link, since cutting a path's last
    /// component is thousands of instructions.
    public var root: FilePath?
    /// Largest accepted file in bytes (default 10 MiB).
    public var maxFileSize: Int
    /// Whether `read` fingerprints the file's bytes (`Article.contentHash`): the daemon stores the hash to tell a
    /// changed file from a known one; one-shot extraction never looks at it, and hashing is a byte-at-a-time
    /// pass over the whole file (a twentieth of `extract --json`'s instructions, callgrind).
    public var hashesContent: Bool

    public init(root: FilePath?, maxFileSize: Int = 10 << 20, hashesContent: Bool = true) {
        self.root = root
        self.maxFileSize = maxFileSize
        self.hashesContent = hashesContent
    }

    /// Reads `path` (absolute, or relative to `root`) as an article.
    ///
    /// `listedRegular`: a folder listing the caller just read (`readdir`'s entry type) said `path` is a regular
    /// file, so the `lstat` that refuses links and devices before opening is skipped (a system call and a path
    /// walk per file, 4% of `extract`'s time on 440 articles). Every answer stays the same: the open refuses a
    /// symbolic link (`O_NOFOLLOW`) and cannot block on a FIFO (`O_NONBLOCK`), a failed open goes the `lstat`
    /// way, and `fstat` refuses whatever is not a regular file. Only a device node swapped in between the
    /// listing and the open, which takes root, would be opened before it is refused.
    public func read(_ path: FilePath, listedRegular: Bool = false) throws(ArticleReadError) -> Article {
        let fd = try open(resolved(path), reported: path, listedRegular: listedRegular)
        defer { Syscalls.close(fd) }
        return try read(opened: fd, path: path)
    }

    /// Reads a regular file of a folder listing by its name in the listed folder, held open (`openat`): the same
    /// article `read(file.path, listedRegular: true)` gives, for a walk of one path component instead of the
    /// folder's whole path. Nil when it cannot be opened so (not listed as regular, no folder held, a root
    /// given, or the open failed): `read(file.path, listedRegular: file.isRegular)` then reads it, or names what
    /// is wrong with it, as for any path.
    public func readInFolder(_ file: FolderListing.File) throws(ArticleReadError) -> Article? {
        // with a root, a relative path is read under it, not under the folder it was listed in
        guard file.isRegular, root == nil, let folder = file.folder,
            let fd = try? Syscalls.open(lastComponentOf: file.path, nameLength: file.nameLength, in: folder.descriptor, flags: Self.openFlags)
        else { return nil }
        defer { Syscalls.close(fd) }
        return try read(opened: fd, path: file.path)
    }

    /// Reads the file open at `fd`, named `path` in errors and in the article.
    private func read(opened fd: CInt, path: FilePath) throws(ArticleReadError) -> Article {
        let before: stat
        do { before = try Syscalls.fstat(fd) } catch { throw .unreadable(path, error) }
        guard before.isRegularFile else { throw Self.notRegular(before, path: path) }
        guard Int64(before.st_size) <= Int64(maxFileSize) else {
            throw .tooLarge(path, size: Int64(before.st_size), limit: maxFileSize)
        }
        let bytes = try Self.readAll(fd, limit: maxFileSize, path: path, expectedSize: Int(before.st_size))
        let after: stat
        do { after = try Syscalls.fstat(fd) } catch { throw .unreadable(path, error) }
        guard FileIdentity(after) == FileIdentity(before), bytes.count == Int(after.st_size) else {
            throw .stillBeingWritten(path)
        }
        let hash = hashesContent ? bytes.withUnsafeBytes { ContentHash.hash($0) } : nil
        let modificationTime = Int64(after.st_mtim.tv_sec)
        let decoded: DecodedFile
        do {
            decoded = try ArticleDecoder(maxTextSize: maxFileSize).decode(
                bytes, fileName: Self.fileName(path), modificationDay: Article.utcDay(modificationTime))
        } catch {
            throw ArticleReadError(error, path: path)
        }
        return Article(
            path: path, decoded: decoded, identity: FileIdentity(after), contentHash: hash, modificationTime: modificationTime)
    }

    /// The identity of `path` as `lstat` sees it, or nil when it is gone; lets the daemon skip a bad
    /// file it already reported without reading it again.
    public func identity(of path: FilePath) -> FileIdentity? {
        try? FileIdentity(Syscalls.lstat(resolved(path)))
    }

    /// `path` as given when it is absolute or there is no root, else under `root`.
    private func resolved(_ path: FilePath) -> FilePath {
        guard !path.isAbsolute, let root else { return path }
        return root.pushing(path)
    }

    private static let openFlags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK

    /// Opens `fullPath` for reading once it has passed `checkedOpenPath`, or at once when the caller's listing
    /// said it is a regular file.
    private func open(_ fullPath: FilePath, reported path: FilePath, listedRegular: Bool) throws(ArticleReadError) -> CInt {
        // when that open fails (the entry is a link, a socket or gone now), `lstat` says what it is, as for any path
        if listedRegular, let fd = try? Syscalls.open(fullPath, flags: Self.openFlags) { return fd }
        let openPath = try checkedOpenPath(fullPath, reported: path)
        do {
            return try Syscalls.open(openPath, flags: Self.openFlags)
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// `lstat` first: returns the path to open (a symlink's resolved target when it stays inside `root`), or why not.
    private func checkedOpenPath(_ fullPath: FilePath, reported path: FilePath) throws(ArticleReadError) -> FilePath {
        let info: stat
        do { info = try Syscalls.lstat(fullPath) } catch { throw Self.classify(error, path: path) }
        if info.isRegularFile { return fullPath }
        guard info.isSymbolicLink else { throw Self.notRegular(info, path: path) }
        let target: FilePath
        do {
            target = try Syscalls.realPath(fullPath)
        } catch .noSuchFileOrDirectory {
            throw .brokenSymlink(path)
        } catch .tooManySymbolicLinkLevels {
            throw .symlinkLoop(path)
        } catch {
            throw .unreadable(path, error)
        }
        let realRoot: FilePath
        do { realRoot = try Syscalls.realPath(root ?? fullPath.removingLastComponent()) } catch { throw Self.classify(error, path: path) }
        guard target.starts(with: realRoot), target != realRoot else {
            throw .symlinkOutsideFolder(path, target: target)
        }
        return target
    }

    /// `path.lastComponent?.string ?? ""`, cut from the path's bytes after its last `/` (a `FilePath` keeps no
    /// trailing separator, so that is its last component, or nothing for `/`): parsing the component took five
    /// times as many instructions, and making the whole path's `String` first three times.
    static func fileName(_ path: FilePath) -> String {
        path.withPlatformString { text in
            let length = strlen(text)
            var start = length
            while start > 0, text[start - 1] != 0x2F { start -= 1 }
            return String(decoding: UnsafeRawBufferPointer(start: text + start, count: length - start), as: UTF8.self)
        }
    }

    /// Names what a non-regular file is, so the operator sees "a FIFO (named pipe)", not just "not a file".
    static func notRegular(_ info: stat, path: FilePath) -> ArticleReadError {
        switch info.fileType {
        case S_IFIFO: .specialFile(path, kind: "a FIFO (named pipe)")
        case S_IFSOCK: .specialFile(path, kind: "a socket")
        case S_IFCHR: .specialFile(path, kind: "a character device")
        case S_IFBLK: .specialFile(path, kind: "a block device")
        default: .notRegularFile(path)
        }
    }

    /// Maps an `open`/`lstat` failure to what the operator needs to know.
    static func classify(_ errno: Errno, path: FilePath) -> ArticleReadError {
        switch errno {
        case .noSuchFileOrDirectory, .notDirectory: .vanished(path)
        // O_NOFOLLOW on the last component: it was swapped for a symbolic link after our checks.
        case .tooManySymbolicLinkLevels: .notRegularFile(path)
        default: .unreadable(path, errno)
        }
    }

    /// Reads until end of file but never more than `limit + 1` bytes, so a file that grows past the cap after
    /// `fstat` is still rejected as too large instead of being read whole.
    ///
    /// The common case is one `read` straight into the array: it asks for one byte more than `expectedSize`
    /// (the size `fstat` gave), and getting exactly `expectedSize` back is the end of the file as `fstat` saw it,
    /// so no second `read` is made to meet end of file; `read` then checks the size again with `fstat`. Any
    /// other count (a file that grew or shrank, a short read) goes on reading in chunks until end of file.
    static func readAll(_ fd: CInt, limit: Int, path: FilePath, expectedSize: Int = 0) throws(ArticleReadError) -> [UInt8] {
        let limit = min(max(limit, 0), Int.max - 1)  // `limit + 1` below must not overflow
        let expected = min(max(expectedSize, 0), limit)
        var failure: Errno?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            do throws(Errno) {
                // the buffer may be larger than asked for: read no more than `expected + 1`
                let wanted = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<(expected + 1)]))
                guard let read = try Syscalls.read(fd, into: wanted) else {
                    throw Errno.resourceTemporarilyUnavailable
                }
                count = read
            } catch {
                failure = error
                count = 0
            }
        }
        if let failure { throw .unreadable(path, failure) }
        if bytes.count == expected { return bytes }
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while bytes.count <= limit {
            let wanted = min(chunkSize, limit + 1 - bytes.count)
            let count: Int?
            do {
                count = try Syscalls.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: chunk[..<wanted]))
            } catch {
                throw .unreadable(path, error)
            }
            guard let count else { throw .unreadable(path, .resourceTemporarilyUnavailable) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
        throw .tooLarge(path, size: Int64(bytes.count), limit: limit)
    }
}
