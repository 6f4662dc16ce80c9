#ifndef TARIFFWATCH_CFILECALLS_SHIM_H
#define TARIFFWATCH_CFILECALLS_SHIM_H

// File system calls of glibc that Swift's Glibc module leaves out: stdio.h declares them only under
// _GNU_SOURCE, which that module is not built with. The declarations follow glibc's (2.28 and later).

// renameat2(2), and its flag that swaps two names atomically (Linux 3.15; ext4, XFS, Btrfs, tmpfs).
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
enum { TW_RENAME_EXCHANGE = 1 << 1 };

// Whether `fd` is the only open file description of its file: a write lease (F_SETLEASE, F_WRLCK) can be
// taken only then, and is released at once. 0 when it is, else -errno (EAGAIN: someone else has it open or
// mapped). The break of a lease another opener would cause in between is signalled with SIGURG, ignored by
// default, instead of SIGIO, which would end the process. F_SETLEASE and F_SETSIG are Linux values fcntl.h
// declares only under _GNU_SOURCE.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
static inline int tw_sole_opener(int fd) {
    enum { TW_F_SETSIG = 10, TW_F_SETLEASE = 1024 };
    if (fcntl(fd, TW_F_SETSIG, SIGURG) != 0) return -errno;
    if (fcntl(fd, TW_F_SETLEASE, F_WRLCK) != 0) return -errno;
    (void)fcntl(fd, TW_F_SETLEASE, F_UNLCK);
    return 0;
}

#endif
