import FactStore
import Foundation
public import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// Writes the JSON Feed so that a reader opening it at any instant sees a whole, valid document.
///
/// Temp file in the same folder, one `write`, `fsync`, `rename` over the old file: the rename is atomic
/// and the data is on disk before the name points at it, so after a crash or a power cut the name
/// holds either the old document or the new one, whole.
///
/// The folder is not `fsync`ed after the rename (it was until 2026-12-03; at 200 files/s that second
/// `fsync` was a third of a delivery's wait). All it protected against is a power cut losing the
/// rename, which leaves the previous whole feed in place, and that costs nothing: the feed is a
/// projection of the state database, and the daemon renders and writes it whole from the database at
/// every start (`AlertDispatcher`'s first feed delivery starts from an empty `RenderedFeed`, whose
/// `update` always reports a change, so the file is written even when no alert is pending). The state
/// database keeps its own `fsync`s.
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

    /// Replaces the feed file with `data`, a whole serialised document.
    func write(bytes data: some ContiguousBytes) throws(FeedWriteError) {
        let directory = path.removingLastComponent()
        let temporary = directory.appending(".\(path.lastComponent?.string ?? "feed.json").\(getpid()).tmp")
        do {
            let fd = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
            // Written by root beside the unit, the feed must stay the folder owner's, or the unit cannot replace it.
            StateOwnership.adopt(descriptor: fd.rawValue, in: directory.string)
            do {
                try fd.closeAfter {
                    _ = try data.withUnsafeBytes { try fd.writeAll($0) }
                    try fsync(fd)
                }
            } catch {
                _ = try? removeFile(temporary)
                throw error
            }
            try rename(temporary, to: path)
        } catch let error as Errno {
            throw FeedWriteError(path: path, step: "write", reason: error.description)
        } catch {
            throw FeedWriteError(path: path, step: "write", reason: "\(error)")
        }
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
    public var description: String { "cannot \(step) JSON feed \(path): \(reason)" }
}

/// `fsync(2)`, retrying on EINTR.
private func fsync(_ fd: FileDescriptor) throws(Errno) {
    while Glibc.fsync(fd.rawValue) != 0 {
        if errno != EINTR { throw Errno(rawValue: errno) }
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
