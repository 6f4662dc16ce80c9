#ifndef TARIFFWATCH_WAL_FRAME_BATCHING_H
#define TARIFFWATCH_WAL_FRAME_BATCHING_H

/// Installs, once per process, an SQLite VFS that wraps the default one and becomes the default: a
/// write-ahead log's frames are gathered in memory and reach the file in one write per transaction
/// (see wal_frame_batching.c). Returns an SQLite result code (SQLITE_OK when installed, now or before).
int tw_wal_frame_batching_install(void);

/// What the batching did on the calling thread, for tests: the frame writes SQLite asked for, and the writes
/// that reached the log files underneath.
typedef struct {
    long long requestedWrites;
    long long issuedWrites;
} tw_wal_frame_batching_counts;

tw_wal_frame_batching_counts tw_wal_frame_batching_counts_now(void);

#endif
