public import SystemPackage

/// The files of a folder named on the command line (`tariffwatch extract DIR`): what `DIR/*` would
/// give a shell, without passing thousands of names through the argument parser.
public enum FolderListing {
    /// Whether `path` is a folder (or a symbolic link to one).
    public static func isDirectory(_ path: FilePath) -> Bool {
        (try? Syscalls.statFollowingLinks(path))?.isDirectory ?? false
    }

    /// Every regular file (or symbolic link to one) directly in `folder`, in byte order of the names;
    /// names starting with `.` are skipped, subfolders are not entered.
    /// - Throws: the `Errno` of listing `folder` (`ENOENT`, `ENOTDIR`, `EACCES`).
    public static func regularFiles(in folder: FilePath) throws(Errno) -> [FilePath] {
        let folderText = folder.string
        return try Syscalls.directoryEntries(folder)
            .filter { $0.first != UInt8(ascii: ".") }
            .sorted { $0.lexicographicallyPrecedes($1) }
            .map { FilePath.child(of: folder, parentText: folderText, nameBytes: $0).path }
            .filter { (try? Syscalls.statFollowingLinks($0))?.isRegularFile ?? false }
    }
}
