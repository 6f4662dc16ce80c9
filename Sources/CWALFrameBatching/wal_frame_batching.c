// A write-ahead log written in one `pwrite` per transaction instead of two per page.
//
// SQLite writes each WAL frame with two calls, a 24-byte header and then the page (wal.c,
// walWriteOneFrame): a file that raises one alert commits about seventeen pages, so thirty-four
// `pwrite`s, 0.25 ms of a lone file's way to its alert on this project's VM, where a system call costs
// several times what it does on bare metal. This VFS wraps the default one; for log files only
// (SQLITE_OPEN_WAL) it keeps the contiguous bytes written in memory and hands them to the file underneath
// in one write when the page of a commit frame (a header whose "database size after commit" is not
// zero) has been written: before SQLite returns from that write, so before it publishes the commit in
// the WAL index, where other connections learn of it. Every other call on the log (read, sync, size,
// truncate, file control, close) writes what is held first, so SQLite never sees the file without it,
// and an error writing it is returned from the call that caused the write, as the unix VFS would have
// returned it from the frame's own write (SQLITE_FULL on a full disk fails the commit, as before).
// Durability does not change: nothing is synced here, and the bytes reach the kernel before the commit
// is visible, as they did.
#include "CWALFrameBatching.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define BATCHING_VFS_NAME "tariffwatch-wal-frames"
/// A WAL frame's header (wal.c: WAL_FRAME_HDRSIZE); bytes 4 to 7 hold the database size after a commit.
#define FRAME_HEADER_SIZE 24
/// The most the unix VFS writes in one call (os_unix.c, seekAndWriteFd: `nBuf &= 0x1ffff`, a longer
/// write is cut short there and reported as a full disk). A lone file's commit is about 70 kB.
#define WRITE_LIMIT (96 * 1024)
/// Held at most, whatever the transaction's size (a burst's batch of files writes about a megabyte).
#define HELD_LIMIT (4 * 1024 * 1024)
/// Kept between transactions; a larger buffer is freed once written, so an idle daemon holds little.
#define KEPT_CAPACITY (256 * 1024)

/// Per thread: a connection's writes all happen on the thread that runs its statement, so a test reads what its
/// own transaction did while other tests of the process write on theirs.
static _Thread_local long long requestedWrites = 0;
static _Thread_local long long issuedWrites = 0;

typedef struct {
    sqlite3_file base;  // pMethods: &batchingMethods
    sqlite3_file *real; // the default VFS's file, in the memory right after this struct
    unsigned char *held;
    sqlite3_int64 heldStart; // the file offset of held[0]
    int heldLength;
    int capacity;
    int commitHeaderWritten; // the last write was a commit frame's header: its page comes next
} BatchingFile;

static int writeHeld(BatchingFile *file) {
    if (file->heldLength == 0) return SQLITE_OK;
    int length = file->heldLength;
    file->heldLength = 0;
    int rc = SQLITE_OK;
    for (int done = 0; done < length && rc == SQLITE_OK; done += WRITE_LIMIT) {
        int amount = length - done < WRITE_LIMIT ? length - done : WRITE_LIMIT;
        issuedWrites += 1;
        rc = file->real->pMethods->xWrite(file->real, file->held + done, amount, file->heldStart + done);
    }
    if (file->capacity > KEPT_CAPACITY) {
        free(file->held);
        file->held = NULL;
        file->capacity = 0;
    }
    return rc;
}

static int batchingClose(sqlite3_file *f) {
    BatchingFile *file = (BatchingFile *)f;
    int rc = writeHeld(file);
    free(file->held);
    file->held = NULL;
    int closed = file->real->pMethods->xClose(file->real);
    return rc != SQLITE_OK ? rc : closed;
}

static int batchingRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset) {
    BatchingFile *file = (BatchingFile *)f;
    int rc = writeHeld(file);
    if (rc != SQLITE_OK) return rc;
    return file->real->pMethods->xRead(file->real, buffer, amount, offset);
}

/// Makes room for `need` bytes; false when that is past the limit or memory ran out.
static int reserve(BatchingFile *file, sqlite3_int64 need) {
    if (need <= file->capacity) return 1;
    if (need > HELD_LIMIT) return 0;
    int capacity = file->capacity < 64 * 1024 ? 64 * 1024 : file->capacity;
    while (capacity < need) capacity *= 2;
    if (capacity > HELD_LIMIT) capacity = HELD_LIMIT;
    unsigned char *grown = realloc(file->held, (size_t)capacity);
    if (grown == NULL) return 0;
    file->held = grown;
    file->capacity = capacity;
    return 1;
}

static int batchingWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset) {
    BatchingFile *file = (BatchingFile *)f;
    requestedWrites += 1;
    int rc;
    // Appended to or inside what is held (SQLite rewrites a frame of the same transaction in place);
    // anything else first writes what is held.
    if (file->heldLength > 0 && (offset < file->heldStart || offset > file->heldStart + file->heldLength)) {
        if ((rc = writeHeld(file)) != SQLITE_OK) return rc;
    }
    if (file->heldLength == 0) file->heldStart = offset;
    sqlite3_int64 end = offset + amount - file->heldStart;
    if (!reserve(file, end)) {
        // Too large to hold: what is held, then this write, go to the file at once.
        if ((rc = writeHeld(file)) != SQLITE_OK) return rc;
        file->commitHeaderWritten = 0;
        issuedWrites += 1;
        return file->real->pMethods->xWrite(file->real, buffer, amount, offset);
    }
    memcpy(file->held + (offset - file->heldStart), buffer, (size_t)amount);
    if (end > file->heldLength) file->heldLength = (int)end;
    if (amount == FRAME_HEADER_SIZE) {
        const unsigned char *header = buffer;
        file->commitHeaderWritten = (header[4] | header[5] | header[6] | header[7]) != 0;
        return SQLITE_OK;
    }
    if (file->commitHeaderWritten) {
        file->commitHeaderWritten = 0;
        return writeHeld(file);
    }
    return SQLITE_OK;
}

static int batchingTruncate(sqlite3_file *f, sqlite3_int64 size) {
    BatchingFile *file = (BatchingFile *)f;
    int rc = writeHeld(file);
    if (rc != SQLITE_OK) return rc;
    return file->real->pMethods->xTruncate(file->real, size);
}

static int batchingSync(sqlite3_file *f, int flags) {
    BatchingFile *file = (BatchingFile *)f;
    int rc = writeHeld(file);
    if (rc != SQLITE_OK) return rc;
    return file->real->pMethods->xSync(file->real, flags);
}

static int batchingFileSize(sqlite3_file *f, sqlite3_int64 *size) {
    BatchingFile *file = (BatchingFile *)f;
    int rc = writeHeld(file);
    if (rc != SQLITE_OK) return rc;
    return file->real->pMethods->xFileSize(file->real, size);
}

static int batchingLock(sqlite3_file *f, int level) {
    BatchingFile *file = (BatchingFile *)f;
    return file->real->pMethods->xLock(file->real, level);
}

static int batchingUnlock(sqlite3_file *f, int level) {
    BatchingFile *file = (BatchingFile *)f;
    return file->real->pMethods->xUnlock(file->real, level);
}

static int batchingCheckReservedLock(sqlite3_file *f, int *reserved) {
    BatchingFile *file = (BatchingFile *)f;
    return file->real->pMethods->xCheckReservedLock(file->real, reserved);
}

static int batchingFileControl(sqlite3_file *f, int op, void *argument) {
    BatchingFile *file = (BatchingFile *)f;
    int rc = writeHeld(file);
    if (rc != SQLITE_OK) return rc;
    return file->real->pMethods->xFileControl(file->real, op, argument);
}

static int batchingSectorSize(sqlite3_file *f) {
    BatchingFile *file = (BatchingFile *)f;
    return file->real->pMethods->xSectorSize(file->real);
}

static int batchingDeviceCharacteristics(sqlite3_file *f) {
    BatchingFile *file = (BatchingFile *)f;
    return file->real->pMethods->xDeviceCharacteristics(file->real);
}

// A log file's methods of version 2 and 3 (shared memory, memory mapping) are never called by SQLite,
// which uses them on the database file only; they are passed on all the same.
static int batchingShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **mapped) {
    BatchingFile *file = (BatchingFile *)f;
    if (file->real->pMethods->iVersion < 2) return SQLITE_IOERR_SHMMAP;
    return file->real->pMethods->xShmMap(file->real, region, size, extend, mapped);
}

static int batchingShmLock(sqlite3_file *f, int offset, int n, int flags) {
    BatchingFile *file = (BatchingFile *)f;
    if (file->real->pMethods->iVersion < 2) return SQLITE_IOERR_SHMLOCK;
    return file->real->pMethods->xShmLock(file->real, offset, n, flags);
}

static void batchingShmBarrier(sqlite3_file *f) {
    BatchingFile *file = (BatchingFile *)f;
    if (file->real->pMethods->iVersion >= 2) file->real->pMethods->xShmBarrier(file->real);
}

static int batchingShmUnmap(sqlite3_file *f, int deleteFlag) {
    BatchingFile *file = (BatchingFile *)f;
    if (file->real->pMethods->iVersion < 2) return SQLITE_OK;
    return file->real->pMethods->xShmUnmap(file->real, deleteFlag);
}

static int batchingFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **pointer) {
    BatchingFile *file = (BatchingFile *)f;
    *pointer = NULL;
    int rc = writeHeld(file);
    if (rc != SQLITE_OK || file->real->pMethods->iVersion < 3) return rc;
    return file->real->pMethods->xFetch(file->real, offset, amount, pointer);
}

static int batchingUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *pointer) {
    BatchingFile *file = (BatchingFile *)f;
    if (file->real->pMethods->iVersion < 3) return SQLITE_OK;
    return file->real->pMethods->xUnfetch(file->real, offset, pointer);
}

static const sqlite3_io_methods batchingMethods = {
    3,
    batchingClose,
    batchingRead,
    batchingWrite,
    batchingTruncate,
    batchingSync,
    batchingFileSize,
    batchingLock,
    batchingUnlock,
    batchingCheckReservedLock,
    batchingFileControl,
    batchingSectorSize,
    batchingDeviceCharacteristics,
    batchingShmMap,
    batchingShmLock,
    batchingShmBarrier,
    batchingShmUnmap,
    batchingFetch,
    batchingUnfetch,
};

// The VFS itself: log files are wrapped, every other file is the default VFS's own, opened in place
// (the memory SQLite gives each file is large enough for either).

#define REAL(vfs) ((sqlite3_vfs *)(vfs)->pAppData)

static int batchingOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags) {
    sqlite3_vfs *real = REAL(vfs);
    if (!(flags & SQLITE_OPEN_WAL)) return real->xOpen(real, name, f, flags, outFlags);
    BatchingFile *file = (BatchingFile *)f;
    memset(file, 0, sizeof *file);
    file->real = (sqlite3_file *)&file[1];
    int rc = real->xOpen(real, name, file->real, flags, outFlags);
    // SQLite closes a file whose methods are set, even after a failed open; the file underneath decides.
    file->base.pMethods = file->real->pMethods != NULL ? &batchingMethods : NULL;
    return rc;
}

static int batchingDelete(sqlite3_vfs *vfs, const char *name, int syncDirectory) {
    return REAL(vfs)->xDelete(REAL(vfs), name, syncDirectory);
}

static int batchingAccess(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    return REAL(vfs)->xAccess(REAL(vfs), name, flags, result);
}

static int batchingFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    return REAL(vfs)->xFullPathname(REAL(vfs), name, size, out);
}

static void *batchingDlOpen(sqlite3_vfs *vfs, const char *name) { return REAL(vfs)->xDlOpen(REAL(vfs), name); }

static void batchingDlError(sqlite3_vfs *vfs, int size, char *message) { REAL(vfs)->xDlError(REAL(vfs), size, message); }

static void (*batchingDlSym(sqlite3_vfs *vfs, void *library, const char *symbol))(void) {
    return REAL(vfs)->xDlSym(REAL(vfs), library, symbol);
}

static void batchingDlClose(sqlite3_vfs *vfs, void *library) { REAL(vfs)->xDlClose(REAL(vfs), library); }

static int batchingRandomness(sqlite3_vfs *vfs, int size, char *out) { return REAL(vfs)->xRandomness(REAL(vfs), size, out); }

static int batchingSleep(sqlite3_vfs *vfs, int microseconds) { return REAL(vfs)->xSleep(REAL(vfs), microseconds); }

static int batchingCurrentTime(sqlite3_vfs *vfs, double *now) { return REAL(vfs)->xCurrentTime(REAL(vfs), now); }

static int batchingGetLastError(sqlite3_vfs *vfs, int size, char *message) {
    return REAL(vfs)->xGetLastError(REAL(vfs), size, message);
}

static int batchingCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *now) {
    return REAL(vfs)->xCurrentTimeInt64(REAL(vfs), now);
}

static int batchingSetSystemCall(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call) {
    return REAL(vfs)->xSetSystemCall(REAL(vfs), name, call);
}

static sqlite3_syscall_ptr batchingGetSystemCall(sqlite3_vfs *vfs, const char *name) {
    return REAL(vfs)->xGetSystemCall(REAL(vfs), name);
}

static const char *batchingNextSystemCall(sqlite3_vfs *vfs, const char *name) {
    return REAL(vfs)->xNextSystemCall(REAL(vfs), name);
}

static sqlite3_vfs batchingVFS;

int tw_wal_frame_batching_install(void) {
    int rc = sqlite3_initialize();
    if (rc != SQLITE_OK) return rc;
    // sqlite3_vfs_register holds SQLite's own mutex; the check before it may race only with another
    // install, which the Swift caller runs once.
    if (sqlite3_vfs_find(BATCHING_VFS_NAME) != NULL) return SQLITE_OK;
    sqlite3_vfs *real = sqlite3_vfs_find(NULL);
    if (real == NULL) return SQLITE_ERROR;
    // Version 3 calls need the default VFS to have them; it is unix's, version 3, on Linux.
    if (real->iVersion < 3) return SQLITE_ERROR;
    batchingVFS = (sqlite3_vfs){
        .iVersion = 3,
        .szOsFile = (int)sizeof(BatchingFile) + real->szOsFile,
        .mxPathname = real->mxPathname,
        .zName = BATCHING_VFS_NAME,
        .pAppData = real,
        .xOpen = batchingOpen,
        .xDelete = batchingDelete,
        .xAccess = batchingAccess,
        .xFullPathname = batchingFullPathname,
        .xDlOpen = batchingDlOpen,
        .xDlError = batchingDlError,
        .xDlSym = batchingDlSym,
        .xDlClose = batchingDlClose,
        .xRandomness = batchingRandomness,
        .xSleep = batchingSleep,
        .xCurrentTime = batchingCurrentTime,
        .xGetLastError = batchingGetLastError,
        .xCurrentTimeInt64 = batchingCurrentTimeInt64,
        .xSetSystemCall = batchingSetSystemCall,
        .xGetSystemCall = batchingGetSystemCall,
        .xNextSystemCall = batchingNextSystemCall,
    };
    return sqlite3_vfs_register(&batchingVFS, 1);
}

tw_wal_frame_batching_counts tw_wal_frame_batching_counts_now(void) {
    return (tw_wal_frame_batching_counts){requestedWrites, issuedWrites};
}
