#ifndef TARIFFWATCH_CSYSTEMD_SHIM_H
#define TARIFFWATCH_CSYSTEMD_SHIM_H

// The functions of libsystemd the daemon calls, as the types of the pointers `Systemd` resolves with dlsym
// the first time it talks to systemd: linked, libsystemd and the six libraries under it (libgcrypt, three
// compressors) were mapped and relocated at every start, `tariffwatch extract` included. Nothing here
// links: the declarations follow libsystemd's stable C ABI (sd-daemon.h, sd-journal.h).

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>
// Not in Swift's Glibc module: the eventfd that stops a `DescriptorWatch` thread.
#include <sys/eventfd.h>

enum { TW_SD_JOURNAL_LOCAL_ONLY = 1 << 0, TW_SD_LISTEN_FDS_START = 3 };

typedef struct tw_sd_journal tw_sd_journal;  // sd_journal, opaque

// sd-daemon.h
typedef int (*tw_sd_notify_fn)(int unset_environment, const char *state);
typedef int (*tw_sd_watchdog_enabled_fn)(int unset_environment, uint64_t *usec);
typedef int (*tw_sd_listen_fds_fn)(int unset_environment);

// sd-journal.h (the function, not the header's macro that adds this file's CODE_FILE and CODE_LINE)
typedef int (*tw_sd_journal_sendv_fn)(const struct iovec *iov, int n);
typedef int (*tw_sd_journal_open_fn)(tw_sd_journal **ret, int flags);
typedef void (*tw_sd_journal_close_fn)(tw_sd_journal *journal);
// sd_journal_has_runtime_files, sd_journal_has_persistent_files, sd_journal_seek_head, sd_journal_next
typedef int (*tw_sd_journal_query_fn)(tw_sd_journal *journal);
typedef int (*tw_sd_journal_add_match_fn)(tw_sd_journal *journal, const void *data, size_t size);
typedef void (*tw_sd_journal_flush_matches_fn)(tw_sd_journal *journal);
typedef int (*tw_sd_journal_wait_fn)(tw_sd_journal *journal, uint64_t timeout_usec);

#endif
