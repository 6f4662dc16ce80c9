import FactStore
import Foundation
public import SystemPackage
import CFileCalls

#if canImport(Glibc)
import Glibc
#endif

/// Writes the JSON Feed so that a reader opening it at any instant sees a whole, valid document.
///
/// Temp file in the same folder, the document written into it, then the temp file takes the feed's name (a
/// swap of the two names, or a `rename` over the old file: atomic either way, a reader opens the old document
/// or the new one, whole), then `fsync`. Two files take turns: the temp file is the document the last swap
/// replaced, when no one else has it open, and the next document is written into it as the bytes that changed
/// (`FeedFileLayout`, `recycle`); else an empty file, written whole.
///
/// Publishing before the `fsync` puts new items in front of readers without waiting for the disk; `publish`
/// and `PublishedFeed.sync` are the two halves, and `AlertDispatcher` marks alerts delivered to the feed only
/// after the `sync` of a file holding them, so "delivered" still means "on disk" (an `fsync` writes every
/// dirty page of the file, including those of changes written while it was the spare). The cost is confined
/// to a power cut in between (the feed lane syncs 20 ms after the feed goes quiet, 100 ms at most): the name
/// may then hold an empty, partial or half-changed document after the reboot, until the daemon starts (before
/// 2026-12-07 a `rename` over the old file let ext4's `auto_da_alloc` write the new data first, at 0.1 to 0.5 ms
/// of the publishing lane's time: `publish`). The daemon
/// renders and writes the feed whole from the state database at every start (`AlertDispatcher`'s first
/// feed delivery starts from an empty `RenderedFeed`, whose `update` always reports a change), and the
/// alerts, not yet marked, still count as pending meanwhile: nothing is lost.
///
/// The folder is not `fsync`ed after the rename (it was until 2026-12-03; at 200 files/s that second
/// `fsync` was a third of a delivery's wait): a power cut can at most undo the publication, which leaves the
/// previous feed in place, written again at the next start. The state database keeps its own
/// `fsync`s.
public struct FeedWriter: Sendable {
    public let path: FilePath

    public init(path: FilePath) {
        self.path = path
    }

    /// Replaces the feed file with `feed`.
    /// - Throws: `FeedWriteError` naming the file and the failing step (a full disk shows here).
    public func write(_ feed: JSONFeed) throws(FeedWriteError) {
        // Pretty printed for people reading the file by hand; the daemon writes `RenderedFeed`'s compact form.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(feed) } catch { throw FeedWriteError(path: path, step: "encode", reason: "\(error)") }
        try write(bytes: data)
    }

    /// Replaces the feed file with `data`, a whole serialised document, and waits until it is on disk.
    func write(bytes data: some ContiguousBytes) throws(FeedWriteError) {
        try publish(bytes: data).sync()
    }

    /// Puts `data`, a whole serialised document, in place under the feed's name (readers see it from
    /// now on) and returns the new file still open, for `PublishedFeed.sync` or `discard`.
    /// - Throws: `FeedWriteError` naming the file and the failing step; the old feed is then still in
    ///   place and no temporary file is left.
    func publish(bytes data: some ContiguousBytes) throws(FeedWriteError) -> PublishedFeed {
        do {
            let published = try data.withUnsafeBytes { try publish(pieces: [$0]) }
            if published.keptPrevious { removePrevious() }
            return published.file
        } catch let error as FeedWriteError {
            throw error
        } catch {
            throw FeedWriteError(path: path, step: "write", reason: "\(error)")
        }
    }

    /// Puts `document` under the feed's name and returns the new file still open, for `PublishedFeed.sync` or
    /// `discard`, with where its parts lie, for when it serves as the spare again (`recycle`).
    ///
    /// Into a spare that holds an earlier document (`recycle`), only the bytes that changed are written when
    /// the layout allows (`FeedFileLayout.changes(to:)`: new items, patched items, the end moved up); else the
    /// document is written whole, with room for the next changes. A full feed is about 1.5 MB and a lone new
    /// item about 2 kB.
    /// - Throws: `FeedWriteError` naming the file and the failing step; the old feed is then still in place,
    ///   no temporary file is left and `spare` is used up.
    func publish(_ document: FeedDocumentParts, into spare: SpareFeedFile? = nil) throws(FeedWriteError) -> Publication {
        try publish(into: spare) { fd, held in
            if let held, let (changes, layout) = held.layout.changes(to: document), changes.count <= Self.mostChanges {
                try writeChanges(changes, to: fd)
                return layout
            }
            return try FeedFileLayout.whole(document) { layout, pieces in
                try writeWhole(pieces, to: fd, over: held?.layout.size ?? 0)
                return layout
            }
        }
    }

    /// More changes than this are written as one whole document: after a reload re-rendered every item, one
    /// `pwritev` of the document costs less than 500 `pwrite`s.
    static let mostChanges = 64

    /// Puts `pieces`, a whole serialised document, under the feed's name, in `spare` when one was made ahead,
    /// and returns the new file still open, for `PublishedFeed.sync` or `discard` (it has no layout to recycle).
    /// - Throws: `FeedWriteError` naming the file and the failing step; the old feed is then still in place,
    ///   no temporary file is left and `spare` is used up.
    func publish(pieces: [UnsafeRawBufferPointer], into spare: SpareFeedFile? = nil) throws(FeedWriteError) -> Publication {
        try publish(into: spare) { fd, held in
            try writeWhole(pieces, to: fd, over: held?.layout.size ?? 0)
            return nil
        }
    }

    /// Writes the new document with `write` into `spare` (or a new temporary file) and puts it under the feed's
    /// name.
    ///
    /// Where the file system can, the new file and the old document swap names (`renameat2` with
    /// `RENAME_EXCHANGE`), so the old document keeps the temporary name, `previousPath`, until `removePrevious()`
    /// or `recycle`: the lane that publishes neither frees the old document nor waits for ext4 to start writing
    /// the new one, which a `rename` over a file does inside the call (its `auto_da_alloc`). On this project's
    /// machine (ext4, 8 kB documents, `scripts/feed-replace-benchmark.sh`): a `rename` over a file 0.57 to 0.75 ms
    /// at p50, 0.11 ms when the old file keeps a second name, a swap 0.04 ms. Where the feed is missing or the
    /// file system cannot swap, a plain `rename`.
    private func publish(
        into spare: SpareFeedFile?, write: (FileDescriptor, LaidOutFile?) throws -> FeedFileLayout?
    ) throws(FeedWriteError) -> Publication {
        let temporary = previousPath
        var fd: FileDescriptor?
        do {
            var held: LaidOutFile?
            let identity: FileIdentity
            if let spare, let same = spare.identity(ifStillAt: temporary) {
                fd = spare.descriptor
                held = spare.held
                identity = same
            } else {
                if let spare { _ = try? spare.descriptor.close() }
                let made = try openTemporary()
                fd = made
                identity = try FileIdentity(of: made)
            }
            let layout = try write(fd!, held)
            let kept = try replace(path, with: temporary)
            return Publication(
                file: PublishedFeed(descriptor: fd!, path: path), keptPrevious: kept,
                laidOut: layout.map { LaidOutFile(layout: $0, identity: identity) })
        } catch let error as FeedWriteError {
            throw error
        } catch {
            _ = try? fd?.close()
            _ = try? removeFile(temporary)
            throw FeedWriteError(path: path, step: "write", reason: "\(error)", folderMissing: folderMissing(after: error))
        }
    }

    /// The document the last swap left under the temporary name, opened again to be the next spare
    /// (`publish(_:into:)` then writes only what changed), or nil when it cannot serve: it is not the file
    /// `previous` describes, or someone else has it open or mapped (`tw_sole_opener`), a reader who opened the
    /// feed before the swap and may still be reading it, who must get the old document whole. The caller then
    /// frees it (`removePrevious`) and makes an empty spare.
    func recycle(_ previous: LaidOutFile) -> SpareFeedFile? {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(previousPath, .writeOnly, options: [.closeOnExec, .noFollow])
        } catch {
            return nil
        }
        var info = stat()
        guard fstat(fd.rawValue, &info) == 0, FileIdentity(info) == previous.identity, Int(info.st_size) == previous.layout.size,
            tw_sole_opener(fd.rawValue) == 0
        else {
            _ = try? fd.close()
            return nil
        }
        return SpareFeedFile(descriptor: fd, held: previous)
    }

    /// An empty file under the temporary name, made ahead so the next publication need not create one:
    /// creating a file is a directory operation, 0.12 ms at p50 on this project's machine and longer under
    /// disk load. For the feed's own lane, once `removePrevious` has freed the name.
    /// - Throws: `FeedWriteError` naming the file (the folder may be gone: `folderMissing`).
    func makeSpare() throws(FeedWriteError) -> SpareFeedFile {
        SpareFeedFile(descriptor: try openTemporary(), held: nil)
    }

    /// Removes an unused spare (when the daemon stops).
    func discard(_ spare: SpareFeedFile) {
        _ = try? spare.descriptor.close()
        removePrevious()
    }

    /// The temporary name: the new document's before it is published, the old one's after a swap
    /// (`.<feed name>.<pid>.tmp`, so a start-up removes it when a crash left it: `LeftoverFeedFiles`).
    var previousPath: FilePath {
        path.removingLastComponent().appending(".\(path.lastComponent?.string ?? "feed.json").\(Self.processID).tmp")
    }

    /// This process's id, asked once (it names the file of every publication).
    private static let processID = getpid()

    /// Removes the temporary name, which frees the old document a swap left there: for the feed's own lane.
    func removePrevious() {
        _ = try? removeFile(previousPath)
    }

    /// Creates the temporary file, owned like the folder (written by root beside the unit, the feed must stay
    /// the folder owner's, or the unit cannot replace it). Never truncates a file already there: that could
    /// be an old document a reader still reads (`removePrevious` failed); it is removed first instead.
    private func openTemporary() throws(FeedWriteError) -> FileDescriptor {
        let temporary = previousPath
        let open = {
            try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        }
        let fd: FileDescriptor
        do {
            do {
                fd = try open()
            } catch Errno.fileExists {
                try removeFile(temporary)
                fd = try open()
            }
        } catch {
            throw FeedWriteError(path: path, step: "write", reason: "\(error)", folderMissing: folderMissing(after: error))
        }
        StateOwnership.adopt(descriptor: fd.rawValue, in: path.removingLastComponent().string)
        return fd
    }

    /// Someone removed the folder: the caller creates it again (looked at only after a call failed with ENOENT).
    private func folderMissing(after error: any Error) -> Bool {
        (error as? Errno) == .noSuchFileOrDirectory && !directoryExists
    }
}

/// What a publication put in place.
struct Publication: Sendable {
    var file: PublishedFeed
    /// The replaced document kept the temporary name (`FeedWriter.removePrevious` frees it, `recycle` reuses it).
    var keptPrevious: Bool
    /// Where the published document's parts lie (`publish(_:into:)`; nil for `publish(pieces:into:)`).
    var laidOut: LaidOutFile?
}

/// A feed file this process wrote, and where its document's parts lie.
struct LaidOutFile: Sendable {
    var layout: FeedFileLayout
    var identity: FileIdentity
}

/// Which file an open descriptor or a name stands for (device and inode).
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// - Throws: `fstat`'s `Errno`.
    init(of fd: FileDescriptor) throws(Errno) {
        var info = stat()
        guard fstat(fd.rawValue, &info) == 0 else { throw Errno(rawValue: errno) }
        self.init(info)
    }
}

/// A file made ahead for the next publication: empty (`FeedWriter.makeSpare`), or the document a swap replaced,
/// which the next document is written into as changes (`FeedWriter.recycle`). Exactly one of `publish` and
/// `discard` uses it up.
struct SpareFeedFile: Sendable {
    fileprivate let descriptor: FileDescriptor
    /// The document it holds; nil when it is empty.
    fileprivate let held: LaidOutFile?

    /// This file's identity when `path` still names it, else nil. The swap goes by name: a file someone put
    /// there instead (or none, the folder removed) must not be published; two calls, 3 µs.
    fileprivate func identity(ifStillAt path: FilePath) -> FileIdentity? {
        var named = stat(), opened = stat()
        guard path.withPlatformString({ stat($0, &named) }) == 0, fstat(descriptor.rawValue, &opened) == 0 else { return nil }
        let identity = FileIdentity(opened)
        return FileIdentity(named) == identity ? identity : nil
    }
}

/// A feed file in place under the feed's name whose data may not be on disk yet. Exactly one of
/// `sync` and `discard` closes it.
struct PublishedFeed: Sendable {
    fileprivate let descriptor: FileDescriptor
    let path: FilePath

    /// Waits until the file's data is on disk (`fsync`), then closes it.
    /// - Throws: `FeedWriteError` naming the feed (an I/O error of the disk shows here).
    func sync() throws(FeedWriteError) {
        defer { _ = try? descriptor.close() }
        do {
            try fsync(descriptor)
        } catch {
            throw FeedWriteError(path: path, step: "sync", reason: "\(error)")
        }
    }

    /// Closes the file without waiting for the disk: a newer file replaced it under the feed's name, and
    /// that one's `sync` stands for both.
    func discard() {
        _ = try? descriptor.close()
    }
}

extension FeedWriter {
    /// Whether the feed's folder exists (someone may remove it while the daemon runs).
    var directoryExists: Bool {
        var isDirectory: ObjCBool = false
        let folder = path.removingLastComponent()
        return FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder.string, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Whether the feed file is there (a removed feed is written again even when nothing changed).
    var fileExists: Bool { FileManager.default.fileExists(atPath: path.string) }

    /// Creates the feed's folder and its parents.
    /// - Throws: `FeedWriteError` naming the folder.
    func createDirectory() throws(FeedWriteError) {
        let folder = path.removingLastComponent()
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder.string, withIntermediateDirectories: true)
        } catch {
            throw FeedWriteError(path: path, step: "create the folder of", reason: error.localizedDescription)
        }
    }
}

/// The feed could not be written; the alerts stay pending and are retried.
public struct FeedWriteError: Error, Sendable, CustomStringConvertible {
    public var path: FilePath
    public var step: String
    public var reason: String
    /// The feed's folder is gone: creating it again and writing once more is the remedy.
    public var folderMissing = false
    public var description: String { "cannot \(step) JSON feed \(path): \(reason)" }
}

/// `fsync(2)`, retrying on EINTR.
private func fsync(_ fd: FileDescriptor) throws(Errno) {
    while Glibc.fsync(fd.rawValue) != 0 {
        if errno != EINTR { throw Errno(rawValue: errno) }
    }
}

/// Writes every byte of `pieces`, in order, from the file's start (`pwritev(2)` with at most `IOV_MAX` pieces a
/// call, again after a short write or EINTR), then cuts the file to that length when it was `oldSize` long, longer.
private func writeWhole(_ pieces: [UnsafeRawBufferPointer], to fd: FileDescriptor, over oldSize: Int) throws(Errno) {
    var vectors = pieces.filter { $0.count > 0 }.map { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count) }
    var next = 0
    var offset = 0
    while next < vectors.count {
        let count = min(vectors.count - next, 1024)  // IOV_MAX on Linux
        let written = vectors.withUnsafeBufferPointer { Glibc.pwritev(fd.rawValue, $0.baseAddress! + next, Int32(count), off_t(offset)) }
        if written < 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
        offset += written
        // Skip what was written: whole pieces, then the front of a piece written in part.
        var left = written
        while next < vectors.count, left >= vectors[next].iov_len {
            left -= vectors[next].iov_len
            next += 1
        }
        if left > 0 {
            vectors[next].iov_base += left
            vectors[next].iov_len -= left
        }
    }
    if oldSize > offset {
        while ftruncate(fd.rawValue, off_t(offset)) != 0 {
            if errno != EINTR { throw Errno(rawValue: errno) }
        }
    }
}

/// Writes each change at its offset (swift-system's `writeAll(toAbsoluteOffset:)`: `pwrite(2)`, again after a
/// short write or EINTR).
private func writeChanges(_ changes: [FeedFileLayout.Change], to fd: FileDescriptor) throws {
    for change in changes {
        _ = try fd.writeAll(toAbsoluteOffset: Int64(change.offset), change.bytes)
    }
}

/// Puts the file at `temporary` under `path`: swaps the two names where the file system can (the old
/// document then stays under `temporary`: true), else renames (false). `swap` is `renameat2` with
/// `RENAME_EXCHANGE` (tests stand in a file system that cannot swap).
func replace(
    _ path: FilePath, with temporary: FilePath,
    swap: (_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 = {
        renameat2(AT_FDCWD, $0, AT_FDCWD, $1, UInt32(TW_RENAME_EXCHANGE))
    }
) throws(Errno) -> Bool {
    let swapped = temporary.withPlatformString { t in path.withPlatformString { p in swap(t, p) } }
    if swapped == 0 { return true }
    // ENOENT: no feed yet (or the folder is gone, which the rename reports); EINVAL: the file system cannot swap.
    guard errno == ENOENT || errno == EINVAL || errno == ENOSYS else { throw Errno(rawValue: errno) }
    try rename(temporary, to: path)
    return false
}

/// `rename(2)`.
private func rename(_ from: FilePath, to: FilePath) throws(Errno) {
    let result = from.withPlatformString { f in to.withPlatformString { t in Glibc.rename(f, t) } }
    if result != 0 { throw Errno(rawValue: errno) }
}

/// `unlink(2)`.
private func removeFile(_ path: FilePath) throws(Errno) {
    if path.withPlatformString({ Glibc.unlink($0) }) != 0 { throw Errno(rawValue: errno) }
}
