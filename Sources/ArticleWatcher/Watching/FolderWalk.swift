import Glibc
import SystemPackage

/// How scans and newly created folders classify what they find, so both agree on what a candidate file is.
struct FolderWalk {
    enum Kind: Equatable {
        /// A regular file, or a symbolic link to one (the reader decides whether its target is allowed).
        case file(modificationTimeNanoseconds: Int64)
        /// A real folder; symbolic links to folders are never descended into (no loops, no escapes).
        case directory
        /// A FIFO, socket, device, or a link that is dangling, loops or leads to a folder: reported like a file
        /// so the reader names the problem once (it never opens such an entry in a way that could block).
        case special(modificationTimeNanoseconds: Int64)
        /// Vanished meanwhile.
        case gone
    }

    var options: WatchOptions

    func kind(of path: FilePath) -> Kind {
        guard let info = try? Syscalls.lstat(path) else { return .gone }
        if info.isDirectory { return .directory }
        if info.isRegularFile { return .file(modificationTimeNanoseconds: info.modificationTimeNanoseconds) }
        if info.isSymbolicLink, let target = try? Syscalls.statFollowingLinks(path), target.isRegularFile {
            return .file(modificationTimeNanoseconds: target.modificationTimeNanoseconds)
        }
        return .special(modificationTimeNanoseconds: info.modificationTimeNanoseconds)
    }

    /// The entries of `folder` whose names are not ignored, as full paths.
    func children(of folder: FilePath) throws(Errno) -> [FilePath] {
        try namedChildren(of: folder).map(\.path)
    }

    /// The entries of `folder` whose names are not ignored, as full paths with their text (for sorting).
    func namedChildren(of folder: FilePath) throws(Errno) -> [(path: FilePath, text: String)] {
        let folderText = folder.string
        return try Syscalls.directoryEntries(folder)
            .filter { !options.isIgnored(name: String(decoding: $0.name, as: UTF8.self)) }
            .map { FilePath.child(of: folder, parentText: folderText, nameBytes: $0.name) }
    }

    /// Every candidate file (and special entry to report) under the watched folder (recursively if configured),
    /// oldest first, then by name.
    /// Unreadable or vanishing subfolders are reported to `skipped` and left out; the root must be listable.
    func candidateFiles(skipped: (FilePath, Errno) -> Void) throws(WatchError) -> [FilePath] {
        let root = options.directory
        guard let info = try? Syscalls.statFollowingLinks(root), info.isDirectory else { throw .directoryMissing(root) }
        var found: [(time: Int64, name: String, path: FilePath)] = []
        var pending: [FilePath] = [root]
        while let folder = pending.popLast() {
            let children: [(path: FilePath, text: String)]
            do {
                children = try namedChildren(of: folder)
            } catch {
                if folder == root { throw error == .noSuchFileOrDirectory ? .directoryMissing(root) : .cannotList(root, error) }
                if error != .noSuchFileOrDirectory { skipped(folder, error) }
                continue
            }
            for child in children {
                switch kind(of: child.path) {
                case .file(let time), .special(let time): found.append((time, child.text, child.path))
                case .directory where options.recursive: pending.append(child.path)
                case .directory, .gone: break
                }
            }
        }
        found.sort { ($0.time, $0.name) < ($1.time, $1.name) }
        return found.map(\.path)
    }
}
