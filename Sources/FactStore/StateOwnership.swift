import Foundation
import Glibc

/// Files the daemon creates belong to whoever owns the folder they are created in, even when root creates them.
///
/// The unit runs as `tariffwatch`; an operator who runs `tariffwatch run` as root on the same state (to look at
/// something, with the unit stopped) would otherwise leave `feed.json`, the database or the lock owned by root,
/// and the unit could no longer write them. So when the process is root and the folder belongs to someone else,
/// each new file or folder is given the folder's owner and group (`fchown`/`lchown`). Not root, or a folder root
/// owns: nothing to do, the kernel's default is right.
public enum StateOwnership {
    /// The owner and group new entries of `directory` should have, when that is not what the kernel gives them.
    static func owner(of directory: String) -> (uid: uid_t, gid: gid_t)? {
        guard geteuid() == 0 else { return nil }
        var info = stat()
        guard stat(directory.isEmpty ? "." : directory, &info) == 0, info.st_uid != 0 || info.st_gid != 0 else { return nil }
        return (info.st_uid, info.st_gid)
    }

    /// Gives the open file `descriptor`, created in `directory`, the folder's owner and group.
    public static func adopt(descriptor: CInt, in directory: String) {
        guard let owner = owner(of: directory) else { return }
        _ = fchown(descriptor, owner.uid, owner.gid)
    }

    /// Gives the entry at `path` (not following a symbolic link) the owner and group of the folder holding it.
    public static func adopt(path: String) {
        guard let owner = owner(of: (path as NSString).deletingLastPathComponent) else { return }
        _ = lchown(path, owner.uid, owner.gid)
    }
}
