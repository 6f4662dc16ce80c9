import CSystemd
import SharedLibraries

/// The libsystemd functions the daemon calls, resolved the first time one is needed: linked, libsystemd
/// and the six libraries under it were mapped at every start, `tariffwatch extract` included.
struct LibSystemd: @unchecked Sendable {  // immutable C function pointers
    let notify: tw_sd_notify_fn
    let watchdogEnabled: tw_sd_watchdog_enabled_fn
    let listenFDs: tw_sd_listen_fds_fn
    let journalSendv: tw_sd_journal_sendv_fn
    let journalOpen: tw_sd_journal_open_fn
    let journalClose: tw_sd_journal_close_fn
    let hasRuntimeFiles: tw_sd_journal_query_fn
    let hasPersistentFiles: tw_sd_journal_query_fn
    let addMatch: tw_sd_journal_add_match_fn
    let flushMatches: tw_sd_journal_flush_matches_fn
    let seekHead: tw_sd_journal_query_fn
    let wait: tw_sd_journal_wait_fn
    let next: tw_sd_journal_query_fn

    static let loaded: Result<LibSystemd, LibraryMissing> = Result { () throws(LibraryMissing) in
        let library = try SharedLibrary.open("libsystemd.so.0")
        return LibSystemd(
            notify: try library.function("sd_notify", as: tw_sd_notify_fn.self),
            watchdogEnabled: try library.function("sd_watchdog_enabled", as: tw_sd_watchdog_enabled_fn.self),
            listenFDs: try library.function("sd_listen_fds", as: tw_sd_listen_fds_fn.self),
            journalSendv: try library.function("sd_journal_sendv", as: tw_sd_journal_sendv_fn.self),
            journalOpen: try library.function("sd_journal_open", as: tw_sd_journal_open_fn.self),
            journalClose: try library.function("sd_journal_close", as: tw_sd_journal_close_fn.self),
            hasRuntimeFiles: try library.function("sd_journal_has_runtime_files", as: tw_sd_journal_query_fn.self),
            hasPersistentFiles: try library.function("sd_journal_has_persistent_files", as: tw_sd_journal_query_fn.self),
            addMatch: try library.function("sd_journal_add_match", as: tw_sd_journal_add_match_fn.self),
            flushMatches: try library.function("sd_journal_flush_matches", as: tw_sd_journal_flush_matches_fn.self),
            seekHead: try library.function("sd_journal_seek_head", as: tw_sd_journal_query_fn.self),
            wait: try library.function("sd_journal_wait", as: tw_sd_journal_wait_fn.self),
            next: try library.function("sd_journal_next", as: tw_sd_journal_query_fn.self))
    }
}
