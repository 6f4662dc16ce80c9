import Glibc
public import SystemPackage

/// The files of a folder named on the command line (`tariffwatch extract DIR`): what `DIR/*` would
/// give a shell, without passing thousands of names through the argument parser.
public enum FolderListing {
    /// Whether `path` is a folder (or a symbolic link to one).
    public static func isDirectory(_ path: FilePath) -> Bool {
        (try? Syscalls.statFollowingLinks(path))?.isDirectory ?? false
    }

    /// A listed folder held open, so that its files are opened by name in it (`openat`): the kernel then walks one
    /// component for each file, not the folder's whole path again (about a tenth of a file's open, `fstat`s, read
    /// and close on this VM). Closed once no listed file holds it.
    public final class Folder: Sendable {
        let descriptor: CInt

        init?(_ path: FilePath) {
            guard let descriptor = try? Syscalls.open(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC) else { return nil }
            self.descriptor = descriptor
        }

        deinit { Syscalls.close(descriptor) }
    }

    /// A file to read: one of a folder's (with whether `readdir` said it is a regular file itself, not a symbolic
    /// link to one, which spares `ArticleReader.read(_:listedRegular:)` its `lstat`), or one named on its own.
    public struct File: Sendable, Equatable {
        public let path: FilePath
        public let isRegular: Bool
        /// The folder it was listed in, open, and the length of its name, the last bytes of `path`: nil when the
        /// folder could not be opened or the file was not listed (it is then opened by its path).
        let folder: Folder?
        let nameLength: Int

        /// A file named on its own, not found by a listing: read by its path, with every check.
        public init(_ path: FilePath) {
            self.init(path: path, isRegular: false)
        }

        init(path: FilePath, isRegular: Bool, folder: Folder? = nil, nameLength: Int = 0) {
            self.path = path
            self.isRegular = isRegular
            self.folder = folder
            self.nameLength = nameLength
        }

        /// The same file: the folder it is opened in is how, not what.
        public static func == (a: File, b: File) -> Bool { a.path == b.path && a.isRegular == b.isRegular }
    }

    /// Every regular file (or symbolic link to one) directly in `folder`, in byte order of the names;
    /// names starting with `.` are skipped, subfolders are not entered.
    /// - Parameter holdOpen: hold the folder open while its files are (`Folder`); false for a caller that lists more
    ///   folders than it would hold descriptors for: their files are then opened by path.
    /// - Throws: the `Errno` of listing `folder` (`ENOENT`, `ENOTDIR`, `EACCES`).
    public static func regularFiles(in folder: FilePath, holdOpen: Bool = true) throws(Errno) -> [File] {
        let entries = try Syscalls.directoryEntries(folder)
        // opened after the listing succeeded; without it (a folder that lists but will not open) files go by path
        let opened = holdOpen ? Folder(folder) : nil
        // Each path made from the folder's bytes and the name's: through a `String`, each name was validated and
        // appended, a third of listing a folder.
        let prefix = FilePath.childPrefix(of: folder)
        return entries
            .filter { $0.name.first != UInt8(ascii: ".") }
            .sorted { $0.name.lexicographicallyPrecedes($1.name) }
            .compactMap { entry in
                let path = FilePath.child(ofPrefix: prefix, nameBytes: entry.name)
                // `readdir`'s type settles most entries; links and file systems that leave it unknown need a `stat`
                switch CInt(entry.type) {
                case CInt(DT_REG): return File(path: path, isRegular: true, folder: opened, nameLength: entry.name.count)
                case CInt(DT_LNK), CInt(DT_UNKNOWN):
                    return (try? Syscalls.statFollowingLinks(path))?.isRegularFile == true ? File(path: path, isRegular: false) : nil
                default: return nil
                }
            }
    }
}
