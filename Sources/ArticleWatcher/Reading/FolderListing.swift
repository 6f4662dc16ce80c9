import Glibc
public import SystemPackage

/// The files of a folder named on the command line (`tariffwatch extract DIR`): what `DIR/*` would
/// give a shell, without passing thousands of names through the argument parser.
public enum FolderListing {
    /// Whether `path` is a folder (or a symbolic link to one).
    public static func isDirectory(_ path: FilePath) -> Bool {
        (try? Syscalls.statFollowingLinks(path))?.isDirectory ?? false
    }

    /// A file of a folder: its path, and whether `readdir` said it is a regular file itself (not a symbolic
    /// link to one), which spares `ArticleReader.read(_:listedRegular:)` its `lstat`.
    public struct File: Sendable, Equatable {
        public let path: FilePath
        public let isRegular: Bool
    }

    /// Every regular file (or symbolic link to one) directly in `folder`, in byte order of the names;
    /// names starting with `.` are skipped, subfolders are not entered.
    /// - Throws: the `Errno` of listing `folder` (`ENOENT`, `ENOTDIR`, `EACCES`).
    public static func regularFiles(in folder: FilePath) throws(Errno) -> [File] {
        let folderText = folder.string
        return try Syscalls.directoryEntries(folder)
            .filter { $0.name.first != UInt8(ascii: ".") }
            .sorted { $0.name.lexicographicallyPrecedes($1.name) }
            .compactMap { entry in
                let path = FilePath.child(of: folder, parentText: folderText, nameBytes: entry.name).path
                // `readdir`'s type settles most entries; links and file systems that leave it unknown need a `stat`
                switch CInt(entry.type) {
                case CInt(DT_REG): return File(path: path, isRegular: true)
                case CInt(DT_LNK), CInt(DT_UNKNOWN):
                    return (try? Syscalls.statFollowingLinks(path))?.isRegularFile == true ? File(path: path, isRegular: false) : nil
                default: return nil
                }
            }
    }
}
