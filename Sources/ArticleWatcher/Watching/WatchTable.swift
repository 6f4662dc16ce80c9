import SystemPackage

/// Which folder each inotify watch descriptor stands for, kept in step with folders moving inside the tree.
struct WatchTable {
    struct Entry: Equatable {
        var path: FilePath {
            didSet { text = path.string }
        }
        var device: UInt64
        var inode: UInt64
        /// `path.string`, kept because building child paths from it is the watcher's hottest operation.
        private(set) var text: String

        init(path: FilePath, device: UInt64, inode: UInt64) {
            self.path = path
            self.device = device
            self.inode = inode
            text = path.string
        }
    }

    private(set) var entries: [CInt: Entry] = [:]

    subscript(watch: CInt) -> Entry? { entries[watch] }

    var isEmpty: Bool { entries.isEmpty }

    /// Records `watch` for `entry`. The kernel returns the SAME descriptor when a watched folder is added again
    /// under a new path (it moved), so the folder and everything recorded below it take the new path.
    mutating func insert(_ watch: CInt, _ entry: Entry) {
        if let old = entries[watch], old.path != entry.path {
            for (descendant, var descendantEntry) in entries where descendantEntry.path.starts(with: old.path) {
                var relative = descendantEntry.path
                _ = relative.removePrefix(old.path)
                descendantEntry.path = entry.path.pushing(relative)
                entries[descendant] = descendantEntry
            }
        }
        entries[watch] = entry
    }

    mutating func remove(_ watch: CInt) {
        entries[watch] = nil
    }

    /// The watches on `path` and every folder below it.
    func watches(under path: FilePath) -> [CInt] {
        entries.filter { $0.value.path.starts(with: path) }.map(\.key)
    }

    /// Forgets every watch and returns them, so the caller can remove them from the kernel.
    mutating func removeAll() -> [CInt] {
        defer { entries.removeAll() }
        return Array(entries.keys)
    }
}
