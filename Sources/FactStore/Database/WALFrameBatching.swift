import CWALFrameBatching
import GRDBSQLite

/// The process's SQLite connections write each transaction's WAL frames in one `pwrite`, not two per page
/// (`Sources/CWALFrameBatching`): a file that raises one alert commits about seventeen pages, and those
/// thirty-four system calls were a tenth of its way to the alert at 1 file/s. Installed once, before the
/// first connection opens; what SQLite sees of the files, and when the bytes reach the kernel relative to
/// the commit, do not change.
enum WALFrameBatching {
    /// Whether the VFS is installed (SQLite's result code otherwise, for the message).
    static let installation: Result<Void, InstallError> = {
        let code = tw_wal_frame_batching_install()
        return code == SQLITE_OK ? .success(()) : .failure(InstallError(code: code))
    }()

    /// Frame writes SQLite asked for, and writes that reached the log files, on the calling thread so far: read them
    /// on the thread that runs the transaction (inside a GRDB `writeWithoutTransaction` block).
    static var counts: (requested: Int, issued: Int) {
        let now = tw_wal_frame_batching_counts_now()
        return (Int(now.requestedWrites), Int(now.issuedWrites))
    }

    struct InstallError: Error, CustomStringConvertible {
        var code: CInt
        var description: String { "installing the WAL frame batching VFS failed: SQLite result \(code)" }
    }
}
