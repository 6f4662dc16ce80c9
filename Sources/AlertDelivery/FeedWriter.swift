import FactStore
import Foundation
public import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// Writes the JSON Feed so that a reader opening it at any instant sees a whole, valid document.
///
/// Temp file in the same folder, one `write`, `rename` over the old file (atomic: a reader opens the
/// old document or the new one, whole), then `fsync`. Renaming before the `fsync` puts new items in
/// front of readers without waiting for the disk; `publish` and `PublishedFeed.sync` are the two
/// halves, and `AlertDispatcher` marks alerts delivered to the feed only after the `sync` of a file
/// holding them, so "delivered" still means "on disk". The cost is confined to a power cut in between:
/// ext4 (data=ordered with its default `auto_da_alloc`) writes a file renamed over another before it
/// commits the rename, so the name holds the old or the new document whole; a file system without that
/// rule may show an empty or partial feed after the reboot, until the daemon starts. The daemon renders
/// and writes the feed whole from the state database at every start (`AlertDispatcher`'s first feed
/// delivery starts from an empty `RenderedFeed`, whose `update` always reports a change), and the
/// alerts, not yet marked, still count as pending meanwhile: nothing is lost.
///
/// The folder is not `fsync`ed after the rename (it was until 2026-12-03; at 200 files/s that second
/// `fsync` was a third of a delivery's wait): a power cut can at most undo the rename, which leaves the
/// previous whole feed in place, written again at the next start. The state database keeps its own
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
            return try data.withUnsafeBytes { try publish(pieces: [$0]) }
        } catch let error as FeedWriteError {
            throw error
        } catch {
            throw FeedWriteError(path: path, step: "write", reason: "\(error)")
        }
    }

    /// `publish(pieces:)` for a lane that must not wait for the old document to be freed: the document it
    /// replaces keeps a second name, `previousPath`, until `removePrevious()`. A `rename` that drops the
    /// last link of the file it replaces frees that file inside the call (after readers already see the
    /// new one): 0.4 to 0.9 ms at the median and 4 ms at p90 under disk load on this project's machines
    /// (ext4), against about 0.1 ms when the old file keeps a name. ext4 still writes the new data before
    /// it commits the rename, as for `publish`.
    /// The caller has removed the name it kept last (`removePrevious`); one still there (its removal failed)
    /// is removed when the link finds it.
    /// - Returns: the published file, and whether the old document kept a name (false when there was
    ///   none, or the file system refused the link: the `rename` then frees it, as `publish` does).
    func publishKeepingPrevious(pieces: [UnsafeRawBufferPointer]) throws(FeedWriteError) -> (file: PublishedFeed, keptPrevious: Bool) {
        // errno of `link(2)`, 0 when it succeeded
        let link = { path.withPlatformString { from in previousPath.withPlatformString { to in Glibc.link(from, to) == 0 ? 0 : errno } } }
        var failure = link()
        if failure == EEXIST {
            removePrevious()
            failure = link()
        }
        let kept = failure == 0
        do {
            return (try publish(pieces: pieces), kept)
        } catch {
            if kept { removePrevious() }
            throw error
        }
    }

    /// The second name `publishKeepingPrevious` gives the document it replaces (a temporary file's name, so a
    /// start-up removes it when a crash left it: `LeftoverFeedFiles`).
    var previousPath: FilePath { temporaryPath(".previous.tmp") }

    /// `.<feed name>.<pid><suffix>` beside the feed: the names this process writes and a start-up removes once the
    /// process is gone (`LeftoverFeedFiles` reads them back).
    private func temporaryPath(_ suffix: String) -> FilePath {
        path.removingLastComponent().appending(".\(path.lastComponent?.string ?? "feed.json").\(Self.processID)\(suffix)")
    }

    /// This process's id, asked once (it named two files of every publication).
    private static let processID = getpid()

    /// Removes the name `publishKeepingPrevious` kept, which frees the old document: for the feed's own lane.
    func removePrevious() {
        _ = try? removeFile(previousPath)
    }

    /// `publish(bytes:)` for a document given as consecutive pieces, written with `writev`: the feed's
    /// items stay where they are in memory instead of being copied into one buffer first.
    func publish(pieces: [UnsafeRawBufferPointer]) throws(FeedWriteError) -> PublishedFeed {
        let directory = path.removingLastComponent()
        let temporary = temporaryPath(".tmp")
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            // Someone removed the folder: the caller creates it again (looked at only now, not before every write).
            let folderMissing = (error as? Errno) == .noSuchFileOrDirectory && !directoryExists
            throw FeedWriteError(path: path, step: "write", reason: "\(error)", folderMissing: folderMissing)
        }
        // Written by root beside the unit, the feed must stay the folder owner's, or the unit cannot replace it.
        StateOwnership.adopt(descriptor: fd.rawValue, in: directory.string)
        do {
            try writeAll(pieces, to: fd)
            try rename(temporary, to: path)
        } catch {
            _ = try? fd.close()
            _ = try? removeFile(temporary)
            throw FeedWriteError(path: path, step: "write", reason: "\(error)")
        }
        return PublishedFeed(descriptor: fd, path: path)
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

/// Writes every byte of `pieces`, in order: `writev(2)` with at most `IOV_MAX` pieces a call, again
/// after a short write or EINTR.
private func writeAll(_ pieces: [UnsafeRawBufferPointer], to fd: FileDescriptor) throws(Errno) {
    var vectors = pieces.filter { $0.count > 0 }.map { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count) }
    var next = 0
    while next < vectors.count {
        let count = min(vectors.count - next, 1024)  // IOV_MAX on Linux
        let written = vectors.withUnsafeBufferPointer { Glibc.writev(fd.rawValue, $0.baseAddress! + next, Int32(count)) }
        if written < 0 {
            if errno == EINTR { continue }
            throw Errno(rawValue: errno)
        }
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
