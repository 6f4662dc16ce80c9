#ifndef TARIFFWATCH_CFILECALLS_SHIM_H
#define TARIFFWATCH_CFILECALLS_SHIM_H

// File system calls of glibc that Swift's Glibc module leaves out: stdio.h declares them only under
// _GNU_SOURCE, which that module is not built with. The declarations follow glibc's (2.28 and later).

// renameat2(2), and its flag that swaps two names atomically (Linux 3.15; ext4, XFS, Btrfs, tmpfs).
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
enum { TW_RENAME_EXCHANGE = 1 << 1 };

#endif
